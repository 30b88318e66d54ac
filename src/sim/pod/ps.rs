//! `ps` from procps-ng 4.0.2, as installed by `apt-get install procps`: the plain, `aux` and
//! `-ef` formats over the processes of the caller's PID namespace. Memory figures are fixed
//! per program (podscope does not model memory) and CPU time is always zero.

use super::{ContainerHost, Process};
use crate::sim::clock;
use crate::sim::output::Output;

/// Column layout of one `ps` output format.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    /// `ps`: PID TTY TIME CMD, only processes of the caller's terminal.
    Plain,
    /// `ps aux` / `ps -aux`.
    Bsd,
    /// `ps -ef` / `ps -e -f`.
    Full,
    /// `ps -e` / `ps -A`.
    Every,
}

/// Runs `ps ARGS`.
pub(super) fn run(host: &mut ContainerHost, argv: &[String], out: &mut Output) -> i32 {
    let args: Vec<&str> = argv.iter().skip(1).map(String::as_str).collect();
    let format = match args.as_slice() {
        [] => Format::Plain,
        ["aux"] | ["-aux"] | ["auxf"] | ["ax"] => Format::Bsd,
        ["-ef"] | ["-e", "-f"] | ["-f", "-e"] | ["-eF"] => Format::Full,
        ["-e"] | ["-A"] => Format::Every,
        _ => {
            out.err("podscope: ps supports: ps, ps aux, ps -ef, ps -e\n");
            return 1;
        }
    };
    let visible = host.pod.visible_containers(&host.container);
    let mut procs: Vec<&Process> = host.pod.procs.live_in(&visible).collect();
    procs.sort_by_key(|p| p.pid);
    if format == Format::Plain {
        procs.retain(|p| p.tty);
    }
    let now = *host.now_ms;
    let mut text = String::from(match format {
        Format::Plain | Format::Every => "    PID TTY          TIME CMD\n",
        Format::Bsd => {
            "USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n"
        }
        Format::Full => "UID          PID    PPID  C STIME TTY          TIME CMD\n",
    });
    for p in procs {
        let tty = if p.tty { "pts/0" } else { "?" };
        let user = user_of(p);
        let start = clock::civil(p.start_ms);
        let start = format!("{:02}:{:02}", start.hour, start.minute);
        let cmd = p.argv.join(" ");
        let line = match format {
            Format::Plain | Format::Every => {
                format!("{:>7} {:<8} 00:00:00 {}\n", p.pid, tty, short_name(p))
            }
            Format::Bsd => {
                let (vsz, rss) = memory(p);
                let stat = if p.pid == 1 || p.ppid == 0 {
                    "Ss"
                } else if is_self(p, now) {
                    "R+"
                } else {
                    "S"
                };
                format!("{user:<8} {:>7}  0.0  0.0 {vsz:>6} {rss:>5} {tty:<8} {stat:<4} {start}   0:00 {cmd}\n", p.pid)
            }
            Format::Full => format!(
                "{user:<8} {:>7} {:>7}  0 {start} {tty:<8} 00:00:00 {cmd}\n",
                p.pid, p.ppid
            ),
        };
        text.push_str(&line);
    }
    out.out(text);
    0
}

/// BusyBox's `ps` (Debian's 1.35 build): `PID   USER     COMMAND` over every process of the
/// caller's PID namespace, whatever options it is given (this build ignores them).
pub(super) fn run_busybox(host: &mut ContainerHost, out: &mut Output) -> i32 {
    let visible = host.pod.visible_containers(&host.container);
    let mut procs: Vec<&Process> = host.pod.procs.live_in(&visible).collect();
    procs.sort_by_key(|p| p.pid);
    let mut text = String::from("PID   USER     COMMAND\n");
    for p in procs {
        text.push_str(&format!(
            "{:>5} {:<8} {}\n",
            p.pid,
            user_of(p),
            p.argv.join(" ")
        ));
    }
    out.out(text);
    0
}

/// The user a process runs as: nginx's workers drop to `nginx`, everything else is root.
fn user_of(p: &Process) -> &'static str {
    if p.name().starts_with("nginx: worker") {
        "nginx"
    } else {
        "root"
    }
}

/// The command name as the plain format shows it (at most 15 characters, like the kernel's comm).
fn short_name(p: &Process) -> String {
    let name = if p.argv.first().is_some_and(|a| a.starts_with("nginx:")) {
        "nginx"
    } else {
        p.name()
    };
    name.chars().take(15).collect()
}

/// True for the `ps` process itself (started in this very instant).
fn is_self(p: &Process, now_ms: u64) -> bool {
    p.start_ms == now_ms && p.name() == "ps"
}

/// Fixed VSZ/RSS figures (KiB) per program, close to what the real programs show.
fn memory(p: &Process) -> (u32, u32) {
    match short_name(p).as_str() {
        "nginx" => (11_404, 7_472),
        "bash" => (4_188, 3_456),
        "sleep" => (2_484, 1_024),
        "sh" => (2_576, 892),
        "pause" => (1_020, 4),
        _ => (8_100, 4_000),
    }
}
