//! The programs a container can run, dispatched by the name of the binary the shell found on
//! PATH: coreutils, curl, wget, nginx, apt-get, ps, ip, ss, BusyBox, and nested shells.

use super::host::MAX_PROCESS_EVENTS_PER_LINE;
use super::{ps, ContainerHost};
use crate::sim::coreutils;
use crate::sim::event::{Actor, EventKind};
use crate::sim::http::wget::Flavour;
use crate::sim::output::Output;
use crate::sim::shell::{ExecOutcome, ExecRequest};

/// Runs the program `req` names in the host's container; returns how it ended.
pub(super) fn run(
    host: &mut ContainerHost,
    req: &ExecRequest<'_>,
    out: &mut Output,
) -> ExecOutcome {
    let argv = req.argv;
    let name = req.name().to_string();
    let pid_ns = host.pod.pid_namespace(&host.container).to_string();
    let container = host.container.clone();
    let pid = match host.exec_as.take() {
        Some(pid) => {
            host.pod.procs.set_argv(&container, pid, argv.to_vec());
            pid
        }
        None => host.pod.procs.spawn(
            &pid_ns,
            &container,
            host.shell_pid,
            argv.to_vec(),
            *host.now_ms,
            host.tty,
        ),
    };
    let record = host.process_events < MAX_PROCESS_EVENTS_PER_LINE;
    if record {
        host.process_events += 2;
        let actor = host.actor(pid, &name);
        host.trace.record(
            *host.now_ms,
            actor,
            EventKind::ProcessStarted {
                container: container.clone(),
                pid,
                argv: argv.to_vec(),
            },
        );
    }
    let outcome = match name.as_str() {
        _ if super::busybox::is_busybox(host, req) => super::busybox::run(host, pid, req, out),
        _ if !matches!(name.as_str(), "bash" | "sh" | "dash") && is_script(host, req) => {
            super::script::run(host, req, out).unwrap_or(ExecOutcome::Exited(126))
        }
        "bash" | "sh" | "dash" => nested_shell(host, &name, req, out),
        "env" | "xargs" => super::launch::run(host, req, out),
        "find"
            if argv
                .iter()
                .any(|a| a.starts_with("-exec") || a.starts_with("-ok")) =>
        {
            match super::find_exec::run(host, pid, req, out) {
                Some(outcome) => outcome,
                None => run_coreutil(host, pid, &name, req, out),
            }
        }
        "curl" => ExecOutcome::Exited(super::net_programs::curl(host, pid, argv, req.cwd, out)),
        "wget" => ExecOutcome::Exited(super::net_programs::wget(
            host,
            pid,
            argv,
            (Flavour::Gnu, req.cwd),
            out,
        )),
        "nginx" | "ip" | "ss" | "apt-get" | "apt" | "ps" => {
            ExecOutcome::Exited(run_system(host, pid, &name, argv, out))
        }
        "hostname" if argv.iter().skip(1).any(|a| a == "-i" || a == "-I") => {
            ExecOutcome::Exited(hostname_ip(host, argv, out))
        }
        _ => run_coreutil(host, pid, &name, req, out),
    };
    let ExecOutcome::Exited(status) = outcome else {
        // Still running (`sleep infinity`): it exits when Ctrl-C comes, not now.
        host.blocked_pids.push(pid);
        return outcome;
    };
    host.pod.procs.exit(&container, pid, status);
    if record {
        let actor = host.actor(pid, &name);
        host.trace.record(
            *host.now_ms,
            actor,
            EventKind::ProcessExited {
                container,
                pid,
                status,
            },
        );
    }
    outcome
}

/// Runs one of the programs the pod itself provides (network tools, apt, ps, hostname).
fn run_system(
    host: &mut ContainerHost,
    pid: u32,
    name: &str,
    argv: &[String],
    out: &mut Output,
) -> i32 {
    match name {
        "nginx" => super::net_programs::nginx(host, pid, argv, out),
        "ip" => super::net_programs::ip(host, argv, out),
        "ss" => super::net_programs::ss(host, argv, out),
        "apt-get" | "apt" => super::apt::run(host, pid, argv, out),
        _ => ps::run(host, argv, out),
    }
}

/// `hostname -i` / `hostname -I`: the pod's IP (`-I` adds a trailing space, as it does).
fn hostname_ip(host: &mut ContainerHost, argv: &[String], out: &mut Output) -> i32 {
    let ip = host.pod.ip();
    let sep = if argv.iter().any(|a| a == "-I") {
        " "
    } else {
        ""
    };
    out.out(format!("{ip}{sep}\n"));
    0
}

/// True when the program file is a text file (a script), not one of the image's binaries.
fn is_script(host: &ContainerHost, req: &ExecRequest<'_>) -> bool {
    host.pod
        .fs
        .read(&host.container, req.path)
        .is_ok_and(|d| !d.starts_with(&super::create::ELF_STUB[..4]))
}

/// Runs one of the coreutils programs, recording the file events it reports.
pub(super) fn run_coreutil(
    host: &mut ContainerHost,
    pid: u32,
    name: &str,
    req: &ExecRequest<'_>,
    out: &mut Output,
) -> ExecOutcome {
    let hostname = host.pod.name().to_string();
    let mut events = Vec::new();
    let mut blocked = false;
    let status = {
        let mut ctx = coreutils::Ctx {
            fs: &mut host.pod.fs,
            ns: &host.container,
            cwd: req.cwd,
            env: req.env,
            now_ms: &mut *host.now_ms,
            stdin: req.stdin,
            out: &mut *out,
            events: &mut events,
            hostname: &hostname,
            blocked: &mut blocked,
            tty: host.stdout_tty,
        };
        coreutils::run(name, req.argv, &mut ctx)
    };
    let actor = Actor::process(&host.container, pid, name);
    for e in events {
        host.trace.record(*host.now_ms, actor.clone(), e);
    }
    let status = status.unwrap_or_else(|| {
        out.err(format!("{name}: podscope does not simulate this program\n"));
        126
    });
    ExecOutcome::from_status(status, blocked)
}

/// `bash -c LINE` / `sh -c LINE`: a child shell running one line.
pub(super) fn nested_shell(
    host: &mut ContainerHost,
    name: &str,
    req: &ExecRequest<'_>,
    out: &mut Output,
) -> ExecOutcome {
    let status = match req.argv.get(1).map(String::as_str) {
        Some("-c") => {
            let Some(line) = req.argv.get(2) else {
                out.err(format!("{name}: -c: option requires an argument\n"));
                return ExecOutcome::Exited(2);
            };
            // `bash -c CMD NAME ARG…`: NAME is `$0`, the rest `$1`….
            let args: Vec<String> = req.argv.iter().skip(4).cloned().collect();
            return super::script::run_text(host, line, &args, req, out);
        }
        None => {
            out.err(format!(
                "podscope: an interactive {name} inside the terminal is not simulated; you are already in one\n"
            ));
            0
        }
        Some(file) if !file.starts_with('-') => {
            let path = crate::sim::fs::normalize(req.cwd, file);
            return match host.pod.fs.read(&host.container, &path) {
                Ok(data) => {
                    let text = String::from_utf8_lossy(&data).into_owned();
                    let args: Vec<String> = req.argv.iter().skip(2).cloned().collect();
                    super::script::run_text(host, &text, &args, req, out)
                }
                Err(e) => {
                    out.err(format!("{name}: {file}: {}\n", e.kind.strerror()));
                    ExecOutcome::Exited(127)
                }
            };
        }
        Some(other) => {
            out.err(format!(
                "podscope: only `{name} -c COMMAND` and `{name} FILE` are simulated (got `{other}`)\n"
            ));
            2
        }
    };
    ExecOutcome::Exited(status)
}

/// Removes the `^C` line a shell appends when a line was interrupted, so that the outermost
/// shell prints it once.
pub(crate) fn strip_interrupt_marker(out: &mut Output, interrupted: bool) {
    if !interrupted {
        return;
    }
    if let Some((_, last)) = out.chunks.last_mut() {
        if last.ends_with(b"^C\n") {
            last.truncate(last.len().saturating_sub(3));
        }
    }
    out.chunks.retain(|(_, b)| !b.is_empty());
}
