//! BusyBox 1.35's `nc` as a client (Debian's build, the small nc): `nc [-wN] HOST PORT`
//! connects over the pod's network namespace, sends its standard input, half-closes when that
//! ends (nginx then closes a kept-alive connection too) and prints every byte the peer sent
//! until it closes. Messages as recorded with the real applet next to a real nginx
//! (`tests/busybox/busybox.yaml`). Listening (`-l`), `-e PROG`, `-f FILE` and `-i` are not
//! simulated and say so in one line.
//!
//! May use: `super::curl::{resolve, wait}`, `crate::sim::net`, `crate::sim::output`.

use std::net::IpAddr;

use super::curl::{resolve, wait, CurlCtx, DEFAULT_CAP_MS};
use crate::sim::net::TcpState;

/// The applet's usage text, printed on stderr for a wrong command line.
pub const USAGE: &str = "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.

Usage: nc [-iN] [-wN] [-l] [-p PORT] [-f FILE|IPADDR PORT] [-e PROG]

Open a pipe to IP:PORT or FILE

\t-l\tListen mode, for inbound connects
\t\t(use -ll with -e for persistent server)
\t-p PORT\tLocal port
\t-w SEC\tConnect timeout
\t-i SEC\tDelay interval for lines sent
\t-f FILE\tUse file (ala /dev/ttyS0) instead of network
\t-e PROG\tRun PROG after connect
";

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
enum Plan {
    /// Connect to `host`:`port`, giving up on the connection after `timeout_ms`.
    Connect {
        host: String,
        port: String,
        timeout_ms: Option<u64>,
    },
    /// Print `message` on stderr and exit 1.
    Refuse(String),
}

/// Reads `argv` (argv[0] = "nc") as BusyBox's getopt does.
fn plan(argv: &[String]) -> Plan {
    let mut timeout_ms = None;
    let mut operands = Vec::new();
    let mut at = 1;
    while let Some(arg) = argv.get(at) {
        at += 1;
        let Some(flags) = arg.strip_prefix('-').filter(|f| !f.is_empty()) else {
            operands.push(arg.clone());
            continue;
        };
        let mut chars = flags.chars();
        let flag = chars.next().unwrap_or('-');
        match flag {
            'w' | 'i' | 'p' | 'f' | 'e' => {
                let value = if chars.as_str().is_empty() {
                    at += 1;
                    argv.get(at - 1).cloned()
                } else {
                    Some(chars.as_str().to_string())
                };
                let Some(value) = value else {
                    return Plan::Refuse(format!(
                        "nc: option requires an argument -- '{flag}'\n{USAGE}"
                    ));
                };
                if flag != 'w' {
                    return not_simulated(&format!("-{flag}"));
                }
                match value.parse::<u64>() {
                    Ok(s) => timeout_ms = Some(s.saturating_mul(1000)),
                    Err(_) => return Plan::Refuse(format!("nc: invalid number '{value}'\n")),
                }
            }
            'l' => return not_simulated("-l"),
            _ => return Plan::Refuse(format!("nc: invalid option -- '{flag}'\n{USAGE}")),
        }
    }
    match operands.as_slice() {
        [host] => Plan::Connect {
            host: host.clone(),
            port: "0".into(),
            timeout_ms,
        },
        [host, port] => Plan::Connect {
            host: host.clone(),
            port: port.clone(),
            timeout_ms,
        },
        _ => Plan::Refuse(USAGE.to_string()),
    }
}

/// podscope's one line for an option it does not simulate.
fn not_simulated(option: &str) -> Plan {
    Plan::Refuse(format!(
        "podscope: nc {option} is not simulated (nc connects: printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc localhost 80)\n"
    ))
}

/// Runs `nc` with `argv`, sending `stdin`; returns the exit status.
pub fn nc(argv: &[String], stdin: &[u8], ctx: &mut CurlCtx) -> i32 {
    let (host, port, timeout_ms) = match plan(argv) {
        Plan::Connect {
            host,
            port,
            timeout_ms,
        } => (host, port, timeout_ms),
        Plan::Refuse(message) => {
            ctx.out.err(message);
            return 1;
        }
    };
    let Some(port) = port.parse::<u16>().ok() else {
        ctx.out.err(format!("nc: bad port '{port}'\n"));
        return 1;
    };
    let Some(ip) = resolve(&host, ctx.hosts_file).first().copied() else {
        ctx.out.err(format!("nc: bad address '{host}'\n"));
        return 1;
    };
    let start = *ctx.now_ms;
    let connect_deadline = start.saturating_add(timeout_ms.unwrap_or(DEFAULT_CAP_MS));
    let Ok(socket) = ctx.net.connect(ctx.owner.clone(), ip, port, start) else {
        return cannot_connect(ctx, ip, "Network is unreachable");
    };
    let answered = wait(ctx, connect_deadline, |n| {
        n.is_refused(socket) || n.state(socket) == TcpState::Established
    });
    if !answered {
        ctx.net.close(socket);
        return cannot_connect(ctx, ip, "Connection timed out");
    }
    if ctx.net.state(socket) != TcpState::Established {
        ctx.net.close(socket);
        return cannot_connect(ctx, ip, "Connection refused");
    }
    let mut sent = 0;
    let mut received = Vec::new();
    let deadline = ctx.now_ms.saturating_add(DEFAULT_CAP_MS);
    // Send what fits, then the rest as the window opens; once stdin has all gone, half-close.
    let mut half_closed = false;
    let finished = wait(ctx, deadline, |n| {
        if sent < stdin.len() {
            sent += n.send(socket, &stdin[sent..]).unwrap_or(0);
        }
        if sent >= stdin.len() && !half_closed {
            n.close(socket);
            half_closed = true;
        }
        if let Ok(bytes) = n.recv(socket) {
            received.extend_from_slice(&bytes);
        }
        n.peer_closed(socket) || n.state(socket) == TcpState::Closed
    });
    if let Ok(bytes) = ctx.net.recv(socket) {
        received.extend_from_slice(&bytes);
    }
    ctx.out.out(received);
    if !finished {
        ctx.net.close(socket);
    }
    0
}

/// `nc: can't connect to remote host (IP): REASON`, status 1.
fn cannot_connect(ctx: &mut CurlCtx, ip: IpAddr, reason: &str) -> i32 {
    ctx.out.err(format!("nc: {}", connect_failure(ip, reason)));
    1
}

/// What BusyBox's `xconnect` says when a connection fails, after `PROGRAM: `: the address only
/// for IPv4 (`can't connect to remote host (127.0.0.1): Connection refused`).
pub fn connect_failure(ip: IpAddr, reason: &str) -> String {
    match ip {
        IpAddr::V4(v4) => format!("can't connect to remote host ({v4}): {reason}\n"),
        IpAddr::V6(_) => format!("can't connect to remote host: {reason}\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn the_command_line_reads_as_busybox_reads_it() {
        assert_eq!(
            plan(&args("nc -w 2 localhost 80")),
            Plan::Connect {
                host: "localhost".into(),
                port: "80".into(),
                timeout_ms: Some(2000)
            }
        );
        assert_eq!(
            plan(&args("nc localhost")),
            Plan::Connect {
                host: "localhost".into(),
                port: "0".into(),
                timeout_ms: None
            }
        );
        assert_eq!(plan(&args("nc")), Plan::Refuse(USAGE.into()));
        assert_eq!(plan(&args("nc a 80 extra")), Plan::Refuse(USAGE.into()));
        assert_eq!(
            plan(&args("nc -z localhost 80")),
            Plan::Refuse(format!("nc: invalid option -- 'z'\n{USAGE}"))
        );
        assert!(
            matches!(plan(&args("nc -l -p 8080")), Plan::Refuse(m) if m.starts_with("podscope: nc -l is not simulated"))
        );
    }
}
