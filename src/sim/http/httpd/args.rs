//! `httpd`'s command line as BusyBox 1.35 reads it (getopt `ifv+c:p:u:r:h:m:e:d:`, plus
//! `--help`), and the `-p [IP:]PORT` value turned into an address to bind.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use super::USAGE;
use crate::sim::coreutils::args::parse as getopt;

/// How `httpd` was asked to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpdArgs {
    /// `-f`: stay in the foreground (else it binds, then leaves a daemon serving).
    pub foreground: bool,
    /// `-v` count: 1 logs each response's status, 2 also each URL (to stderr).
    pub verbose: u8,
    /// `-p` as given (default `80`).
    pub bind: String,
    /// `-h` as given (default `.`).
    pub home: String,
}

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed {
    /// Serve.
    Serve(HttpdArgs),
    /// Print to stderr and exit with the status (usage, an error, a mode podscope lacks).
    Exit(String, i32),
}

/// Reads `argv` (`argv[0]` is the program) with the project's getopt-style reader.
pub fn parse(argv: &[String]) -> Parsed {
    let words = argv.get(1..).unwrap_or(&[]);
    if words.first().is_some_and(|w| w == "--help") {
        return Parsed::Exit(USAGE.to_string(), 0);
    }
    // -c (config file), -u (user) and -r (realm) are accepted and ignored: podscope reads no
    // httpd.conf and runs everything as root.
    let given = match getopt(words, "fvi", "cpurhmed", &[]) {
        Ok(given) => given,
        Err(what) => return usage_error(&what),
    };
    if let Some(flag) = ['i', 'm', 'e', 'd']
        .into_iter()
        .find(|&c| given.has(c) || given.value(c).is_some())
    {
        return Parsed::Exit(
            format!("podscope: httpd -{flag} is not simulated (simulated: -f -v -p -h)\n"),
            1,
        );
    }
    let verbose = given.flags.iter().filter(|&&c| c == 'v').count();
    Parsed::Serve(HttpdArgs {
        foreground: given.has('f'),
        verbose: u8::try_from(verbose).unwrap_or(u8::MAX),
        bind: given.value('p').unwrap_or("80").to_string(),
        home: given.value('h').unwrap_or(".").to_string(),
    })
}

fn usage_error(what: &str) -> Parsed {
    Parsed::Exit(format!("httpd: {what}\n{USAGE}"), 1)
}

/// Where `-p VALUE` binds, as BusyBox's `openServer` decides: a number from 1 to 65535 is a port
/// on every address (`::`, dual stack); anything else is an address (`IP`, `IP:PORT`,
/// `[IPv6]:PORT`, port 80 by default), where a plain number is a 32-bit IPv4 address as
/// `inet_aton` reads it. `Err` is the message for an address that does not parse.
pub fn bind_address(value: &str) -> Result<SocketAddr, String> {
    let digits = !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit());
    match value.parse::<u16>() {
        Ok(port) if digits && port > 0 => {
            return Ok(SocketAddr::new(IpAddr::V6(Ipv6Addr::UNSPECIFIED), port))
        }
        _ => {}
    }
    if let Ok(addr) = value.parse::<SocketAddr>() {
        return Ok(addr);
    }
    if let Ok(ip) = value.parse::<IpAddr>() {
        return Ok(SocketAddr::new(ip, 80));
    }
    if digits {
        if let Ok(n) = value.parse::<u32>() {
            return Ok(SocketAddr::new(IpAddr::V4(Ipv4Addr::from(n)), 80));
        }
    }
    Err(format!("httpd: bad address '{value}'\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn flags_and_values() {
        let Parsed::Serve(a) = parse(&argv("httpd -fvv -p8080 -h /www")) else {
            panic!("not serving")
        };
        assert_eq!(
            (a.foreground, a.verbose, a.bind.as_str(), a.home.as_str()),
            (true, 2, "8080", "/www")
        );
        assert!(
            matches!(parse(&argv("httpd -x")), Parsed::Exit(t, 1) if t.starts_with("httpd: invalid option -- 'x'\nBusyBox"))
        );
        assert!(
            matches!(parse(&argv("httpd -p")), Parsed::Exit(t, 1) if t.starts_with("httpd: option requires an argument -- 'p'"))
        );
        assert!(matches!(parse(&argv("httpd --help")), Parsed::Exit(t, 0) if t == USAGE));
        assert!(
            matches!(parse(&argv("httpd -i")), Parsed::Exit(t, 1) if t.contains("not simulated"))
        );
    }

    #[test]
    fn bind_values() {
        assert_eq!(
            bind_address("8080").map(|a| a.to_string()),
            Ok("[::]:8080".into())
        );
        assert_eq!(
            bind_address("127.0.0.1:81").map(|a| a.to_string()),
            Ok("127.0.0.1:81".into())
        );
        assert_eq!(
            bind_address("[::1]:81").map(|a| a.to_string()),
            Ok("[::1]:81".into())
        );
        assert_eq!(
            bind_address("127.0.0.1").map(|a| a.to_string()),
            Ok("127.0.0.1:80".into())
        );
        assert_eq!(
            bind_address("99999").map(|a| a.to_string()),
            Ok("0.1.134.159:80".into())
        );
        assert_eq!(
            bind_address("abc"),
            Err("httpd: bad address 'abc'\n".into())
        );
    }
}
