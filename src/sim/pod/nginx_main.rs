//! The nginx image's main process: the entrypoint's log lines, master and worker processes, and
//! the server listening in the pod's network namespace.

use super::lifecycle::StartOutcome;
use super::{Container, Pod};
use crate::sim::event::{Actor, EventKind, Trace};
use crate::sim::http::nginx::Nginx;

/// The nginx image's entrypoint output, as `kubectl logs` shows it before nginx's own lines.
const NGINX_ENTRYPOINT_LOG: &str = "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration
/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/
/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh
10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf
10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf
/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh
/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh
/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh
/docker-entrypoint.sh: Configuration complete; ready for start up
";
impl Container {
    /// True when its main process is the nginx image's server.
    pub(super) fn runs_nginx(&self) -> bool {
        let argv = self.main_argv();
        let words: Vec<&str> = argv
            .iter()
            .map(|a| a.rsplit('/').next().unwrap_or(a))
            .collect();
        matches!(
            words.as_slice(),
            ["docker-entrypoint.sh", "nginx", ..] | ["nginx", ..]
        )
    }
}

impl Pod {
    /// Starts nginx: master and worker processes, listening sockets, the image's log lines.
    pub(super) fn start_nginx(
        &mut self,
        container: &str,
        now_ms: u64,
        trace: &mut Trace,
    ) -> StartOutcome {
        let ns = self.pid_namespace(container).to_string();
        let master_argv = vec!["nginx: master process nginx -g daemon off;".to_string()];
        let master = self
            .procs
            .spawn(&ns, container, 0, master_argv.clone(), now_ms, false);
        trace.record(
            now_ms,
            Actor::process(container, master, "nginx"),
            EventKind::ProcessStarted {
                container: container.to_string(),
                pid: master,
                argv: master_argv,
            },
        );
        // The entrypoint's helper scripts use up PIDs before the worker forks.
        self.procs.reserve(&ns, 27);
        let worker_argv = vec!["nginx: worker process".to_string()];
        let worker = self
            .procs
            .spawn(&ns, container, master, worker_argv.clone(), now_ms, false);
        trace.record(
            now_ms,
            Actor::process(container, worker, "nginx"),
            EventKind::ProcessStarted {
                container: container.to_string(),
                pid: worker,
                argv: worker_argv,
            },
        );
        let started = Nginx::start(&mut self.net, container, master, worker, now_ms);
        let date = crate::sim::clock::civil(now_ms);
        let stamp = format!(
            "{:04}/{:02}/{:02} {:02}:{:02}:{:02}",
            date.year, date.month, date.day, date.hour, date.minute, date.second
        );
        let record_net = self.net.drain_events();
        for (t, kind) in record_net {
            trace.record(t, Actor::process(container, master, "nginx"), kind);
        }
        let Some(c) = self.container_mut(container) else {
            return StartOutcome::Exited(1);
        };
        c.main_pid = Some(master);
        c.logs.push_str(NGINX_ENTRYPOINT_LOG);
        match started {
            Ok(server) => {
                c.logs.push_str(&format!(
                    "{stamp} [notice] 1#1: using the \"epoll\" event method\n{stamp} [notice] 1#1: nginx/1.22.1\n\
                     {stamp} [notice] 1#1: start worker processes\n{stamp} [notice] 1#1: start worker process {worker}\n"
                ));
                c.nginx = Some(server);
                StartOutcome::Running
            }
            Err(emerg) => {
                c.logs.push_str(&emerg);
                c.logs.push('\n');
                self.procs.kill_container(container);
                StartOutcome::Exited(1)
            }
        }
    }
}
