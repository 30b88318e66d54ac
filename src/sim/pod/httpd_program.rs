//! BusyBox's `httpd` applet in a container: reads its command line, changes to its home, binds,
//! then serves. Without `-f` it leaves a daemon serving and the shell's child exits 0; with `-f`
//! it serves in the foreground: the line blocks until Ctrl-C, or, as a container's main process,
//! for the container's life.

use super::ContainerHost;
use crate::sim::event::EventKind;
use crate::sim::fs::{normalize, NodeKind};
use crate::sim::http::httpd::args::{self, Parsed};
use crate::sim::http::httpd::Httpd;
use crate::sim::net::Owner;
use crate::sim::output::Output;
use crate::sim::shell::{ExecOutcome, ExecRequest};

/// Runs `httpd` as `req` calls it, as process `pid`.
pub(super) fn run(
    host: &mut ContainerHost,
    pid: u32,
    req: &ExecRequest<'_>,
    out: &mut Output,
) -> ExecOutcome {
    let wanted = match args::parse(req.argv) {
        Parsed::Serve(a) => a,
        Parsed::Exit(text, status) => {
            out.err(text);
            return ExecOutcome::Exited(status);
        }
    };
    let home = normalize(req.cwd, &wanted.home);
    let chdir = match host.pod.fs.stat(&host.container, &home) {
        Ok(m) if matches!(m.kind, NodeKind::Dir) => Ok(()),
        Ok(_) => Err("Not a directory"),
        Err(e) => Err(e.kind.strerror()),
    };
    if let Err(reason) = chdir {
        out.err(format!(
            "httpd: can't change directory to '{}': {reason}\n",
            wanted.home
        ));
        return ExecOutcome::Exited(1);
    }
    let addr = match args::bind_address(&wanted.bind) {
        Ok(a) => a,
        Err(text) => {
            out.err(text);
            return ExecOutcome::Exited(1);
        }
    };
    let container = host.container.clone();
    let now = *host.now_ms;
    let server_pid = if wanted.foreground {
        pid
    } else {
        // It binds, then forks a daemon that the container's init adopts.
        let ns = host.pod.pid_namespace(&container).to_string();
        host.pod
            .procs
            .spawn(&ns, &container, 1, req.argv.to_vec(), now, false)
    };
    let owner = Owner {
        container: container.clone(),
        pid: server_pid,
        program: "httpd".into(),
    };
    let started = Httpd::start(&mut host.pod.net, owner, addr, &home, now);
    super::net_programs::record_network(host, server_pid, "httpd", Vec::new());
    let mut server = match started {
        Ok(server) => server,
        Err(text) => {
            if !wanted.foreground {
                host.pod.procs.exit(&container, server_pid, 1);
            }
            out.err(text);
            return ExecOutcome::Exited(1);
        }
    };
    let main_pid = host.pod.container(&container).and_then(|c| c.main_pid);
    server.verbose = wanted.verbose;
    server.logs_to_container = wanted.foreground && main_pid == Some(host.shell_pid);
    if let Some(c) = host.pod.container_mut(&container) {
        c.httpd.push(server);
    }
    if wanted.foreground {
        return ExecOutcome::Blocked;
    }
    let actor = host.actor(server_pid, "httpd");
    host.trace.record(
        now,
        actor,
        EventKind::ProcessStarted {
            container,
            pid: server_pid,
            argv: req.argv.to_vec(),
        },
    );
    ExecOutcome::Exited(0)
}
