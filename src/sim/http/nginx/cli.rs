//! The `nginx` command line typed in a shell: `-t`, `-v`, `-s reload|stop|quit|reopen`
//! (texts recorded from nginx 1.22.1 in `tests/golden-local/nginx-cli.txt`).

use crate::sim::clock;
use crate::sim::output::Output;

/// What the caller must do after an `nginx` command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NginxAction {
    /// Nothing beyond the output.
    None,
    /// Reload the configuration (a no-op for a fixed config, but the master logs it).
    Reload,
    /// Stop the running master (`-s stop` / `-s quit`).
    Stop,
    /// Start a new master (plain `nginx`): the caller calls [`super::Nginx::start`].
    Start,
}

/// Runs `nginx` with `argv` (argv[0] = "nginx") from a process with `pid`; `running` says whether a
/// master runs in this container. Returns the exit status and what to do.
pub fn nginx_command(
    argv: &[String],
    pid: u32,
    running: bool,
    now_ms: u64,
    out: &mut Output,
) -> (i32, NginxAction) {
    let args: Vec<&str> = argv.iter().skip(1).map(String::as_str).collect();
    let c = clock::civil(now_ms);
    let stamp = format!(
        "{}/{:02}/{:02} {:02}:{:02}:{:02} [notice] {pid}#{pid}: signal process started\n",
        c.year, c.month, c.day, c.hour, c.minute, c.second
    );
    match args.as_slice() {
        [] => (0, NginxAction::Start),
        ["-t"] | ["-T"] => {
            out.err("nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\n");
            out.err("nginx: configuration file /etc/nginx/nginx.conf test is successful\n");
            (0, NginxAction::None)
        }
        ["-v"] => {
            out.err(format!(
                "nginx version: nginx/{}\n",
                super::super::pages::NGINX_VERSION
            ));
            (0, NginxAction::None)
        }
        ["-s", signal] => {
            let action = match *signal {
                "reload" | "reopen" => NginxAction::Reload,
                "stop" | "quit" => NginxAction::Stop,
                other => {
                    out.err(format!("nginx: invalid option: \"-s {other}\"\n"));
                    return (1, NginxAction::None);
                }
            };
            out.err(&stamp);
            if running {
                (0, action)
            } else {
                let at = stamp.replace("[notice]", "[error]");
                let prefix = at.split(" signal process").next().unwrap_or("");
                out.err(format!("{prefix} open() \"/var/run/nginx.pid\" failed (2: No such file or directory)\n"));
                (1, NginxAction::None)
            }
        }
        [first, ..] => {
            out.err(format!(
                "nginx: invalid option: \"{}\"\n",
                first.trim_start_matches('-')
            ));
            (1, NginxAction::None)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str], running: bool) -> (i32, NginxAction, String) {
        let argv: Vec<String> = std::iter::once("nginx")
            .chain(args.iter().copied())
            .map(String::from)
            .collect();
        let mut out = Output::default();
        let (st, a) = nginx_command(&argv, 40, running, 0, &mut out);
        (st, a, String::from_utf8(out.interleaved()).unwrap())
    }

    #[test]
    fn texts_match_recording() {
        let rec = include_str!("../../../../tests/golden-local/nginx-cli.txt");
        let (st, _, t) = run(&["-t"], true);
        assert_eq!(st, 0);
        assert!(rec.contains(&t));
        let (_, _, v) = run(&["-v"], true);
        assert!(rec.contains(&v));
        let (st, _, b) = run(&["-s", "bogus"], true);
        assert_eq!((st, rec.contains(&b)), (1, true));
        let (st, _, x) = run(&["-x"], true);
        assert_eq!((st, rec.contains(&x)), (1, true));
        let (st, a, r) = run(&["-s", "reload"], true);
        assert_eq!((st, a), (0, NginxAction::Reload));
        assert_eq!(
            r,
            "2026/11/26 09:00:00 [notice] 40#40: signal process started\n"
        );
        let (st, a, s) = run(&["-s", "stop"], false);
        assert_eq!((st, a), (1, NginxAction::None));
        assert!(s.ends_with(
            "[error] 40#40: open() \"/var/run/nginx.pid\" failed (2: No such file or directory)\n"
        ));
    }
}
