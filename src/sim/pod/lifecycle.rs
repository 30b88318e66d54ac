//! Container lifecycle: starting a container's main process, exits, restarts, and the pod's
//! phase and status as `kubectl get pods` reports them.

use super::{Container, ContainerHost, ContainerState, Pod};
use crate::sim::event::{Actor, EventKind, Trace};
use crate::sim::http::nginx::Nginx;
use crate::sim::manifest::RestartPolicy;
use crate::sim::shell::Shell;

/// How starting a container's main process ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartOutcome {
    /// It keeps running (a server, `sleep infinity`).
    Running,
    /// It exited at once with this status.
    Exited(i32),
}

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
    /// The command line its main process runs: the manifest's `command`/`args` over the image's
    /// `ENTRYPOINT`/`CMD`, as Kubernetes combines them.
    pub fn main_argv(&self) -> Vec<String> {
        let (entry, cmd) = match &self.image {
            Some(img) => (img.entrypoint.clone(), img.cmd.clone()),
            None => (Vec::new(), Vec::new()),
        };
        match (self.spec.command.is_empty(), self.spec.args.is_empty()) {
            (false, _) => self
                .spec
                .command
                .iter()
                .chain(self.spec.args.iter())
                .cloned()
                .collect(),
            (true, false) => entry
                .into_iter()
                .chain(self.spec.args.iter().cloned())
                .collect(),
            (true, true) => entry.into_iter().chain(cmd).collect(),
        }
    }

    /// True when its main process is the nginx image's server.
    fn runs_nginx(&self) -> bool {
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
    /// Sets a container's state and records it.
    pub(super) fn set_state(
        &mut self,
        container: &str,
        state: ContainerState,
        now_ms: u64,
        trace: &mut Trace,
    ) {
        let (label, reason) = match &state {
            ContainerState::Waiting { reason } => ("Waiting", reason.clone()),
            ContainerState::Running { .. } => ("Running", String::new()),
            ContainerState::Terminated { reason, .. } => ("Terminated", reason.clone()),
        };
        if let Some(c) = self.container_mut(container) {
            c.state = state;
        }
        trace.record(
            now_ms,
            Actor::kubelet(),
            EventKind::ContainerState {
                container: container.to_string(),
                state: label.to_string(),
                reason,
            },
        );
    }

    /// Starts a container's main process and records how it went.
    pub(super) fn start_main_process(
        &mut self,
        container: &str,
        now_ms: &mut u64,
        trace: &mut Trace,
    ) {
        let Some(c) = self.container(container) else {
            return;
        };
        let argv = c.main_argv();
        let outcome = if c.runs_nginx() {
            self.start_nginx(container, *now_ms, trace)
        } else {
            self.run_main_command(container, &argv, now_ms, trace)
        };
        let started_ms = *now_ms;
        self.k8s_event(
            started_ms,
            "Normal",
            "Started",
            "kubelet",
            &format!("Started container {container}"),
        );
        match outcome {
            StartOutcome::Running => self.set_state(
                container,
                ContainerState::Running { started_ms },
                started_ms,
                trace,
            ),
            StartOutcome::Exited(code) => {
                self.main_exited(container, code, started_ms, now_ms, trace)
            }
        }
    }

    /// Starts nginx: master and worker processes, listening sockets, the image's log lines.
    fn start_nginx(&mut self, container: &str, now_ms: u64, trace: &mut Trace) -> StartOutcome {
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

    /// Runs a non-server main command (e.g. debian's `sh -c …`) through the container's shell.
    fn run_main_command(
        &mut self,
        container: &str,
        argv: &[String],
        now_ms: &mut u64,
        trace: &mut Trace,
    ) -> StartOutcome {
        let ns = self.pid_namespace(container).to_string();
        let pid = self
            .procs
            .spawn(&ns, container, 0, argv.to_vec(), *now_ms, false);
        trace.record(
            *now_ms,
            Actor::process(
                container,
                pid,
                argv.first().map(String::as_str).unwrap_or(""),
            ),
            EventKind::ProcessStarted {
                container: container.to_string(),
                pid,
                argv: argv.to_vec(),
            },
        );
        if let Some(c) = self.container_mut(container) {
            c.main_pid = Some(pid);
        }
        let env = self.container_env(container);
        let mut shell = Shell::new(env, "/");
        shell.set_pid(pid);
        let (line, exec) = main_line(argv);
        let result = {
            let mut host = ContainerHost::new(self, container, now_ms, trace, pid, false);
            // Like dash (`sh -c 'sleep infinity'`), a lone command replaces the main process.
            host.exec_as = exec.then_some(pid);
            shell.run_line(&line, &mut host)
        };
        let text = String::from_utf8_lossy(&result.output.interleaved()).into_owned();
        let blocked = result.interrupted;
        if let Some(c) = self.container_mut(container) {
            c.logs.push_str(text.trim_end_matches("^C\n"));
        }
        let still_alive = self.procs.live_of(container).any(|p| p.pid == pid);
        if blocked {
            StartOutcome::Running
        } else if !still_alive {
            StartOutcome::Exited(result.status)
        } else {
            self.procs.exit(container, pid, result.status);
            trace.record(
                *now_ms,
                Actor::process(
                    container,
                    pid,
                    argv.first().map(String::as_str).unwrap_or(""),
                ),
                EventKind::ProcessExited {
                    container: container.to_string(),
                    pid,
                    status: result.status,
                },
            );
            StartOutcome::Exited(result.status)
        }
    }

    /// The main process exited: terminate or restart, per the pod's restartPolicy.
    fn main_exited(
        &mut self,
        container: &str,
        code: i32,
        started_ms: u64,
        now_ms: &mut u64,
        trace: &mut Trace,
    ) {
        let reason = if code == 0 { "Completed" } else { "Error" };
        let restart = match self.manifest.restart_policy {
            RestartPolicy::Always => true,
            RestartPolicy::OnFailure => code != 0,
            RestartPolicy::Never => false,
        };
        self.set_state(
            container,
            ContainerState::Terminated {
                reason: reason.into(),
                exit_code: code,
                started_ms,
                finished_ms: *now_ms,
            },
            *now_ms,
            trace,
        );
        if restart {
            // The kubelet restarts it, it exits again, and it backs off: CrashLoopBackOff.
            if let Some(c) = self.container_mut(container) {
                c.restart_count = c.restart_count.saturating_add(1);
            }
            self.k8s_event(
                *now_ms,
                "Warning",
                "BackOff",
                "kubelet",
                &format!("Back-off restarting failed container {container}"),
            );
            self.set_state(
                container,
                ContainerState::Waiting {
                    reason: "CrashLoopBackOff".into(),
                },
                *now_ms,
                trace,
            );
        }
    }

    /// Restarts a container as the kubelet does after it was killed: a fresh writable layer from
    /// the image, the same volumes (emptyDir content survives), the main process started again.
    pub fn restart_container(&mut self, container: &str, now_ms: &mut u64, trace: &mut Trace) {
        self.stop_container(container, *now_ms, trace);
        if let Some(c) = self.container_mut(container) {
            c.restart_count = c.restart_count.saturating_add(1);
            c.packages.clear();
            c.apt_updated = false;
        }
        self.create_root(container, *now_ms, trace);
        *now_ms += 40;
        self.start_main_process(container, now_ms, trace);
        self.record_phase(*now_ms, trace);
    }

    /// Stops every process of a container and closes its sockets.
    pub fn stop_container(&mut self, container: &str, now_ms: u64, trace: &mut Trace) {
        if let Some(c) = self.container_mut(container) {
            if let Some(mut nginx) = c.nginx.take() {
                nginx.stop(&mut self.net);
            }
        }
        let pids: Vec<u32> = self.procs.live_of(container).map(|p| p.pid).collect();
        self.procs.kill_container(container);
        for pid in pids {
            trace.record(
                now_ms,
                Actor::kubelet(),
                EventKind::ProcessExited {
                    container: container.to_string(),
                    pid,
                    status: 137,
                },
            );
        }
        let started_ms = match self.container(container).map(|c| &c.state) {
            Some(ContainerState::Running { started_ms }) => *started_ms,
            _ => now_ms,
        };
        self.set_state(
            container,
            ContainerState::Terminated {
                reason: "Error".into(),
                exit_code: 137,
                started_ms,
                finished_ms: now_ms,
            },
            now_ms,
            trace,
        );
    }

    /// The environment of processes in a container: the image's, then the manifest's.
    pub fn container_env(&self, container: &str) -> Vec<(String, String)> {
        let mut env = vec![
            (
                "PATH".to_string(),
                "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin".to_string(),
            ),
            ("HOSTNAME".to_string(), self.manifest.name.clone()),
            ("HOME".to_string(), "/root".to_string()),
        ];
        if let Some(c) = self.container(container) {
            let extra = c
                .image
                .iter()
                .flat_map(|i| i.env.iter())
                .chain(c.spec.env.iter());
            for (k, v) in extra {
                env.retain(|(name, _)| name != k);
                env.push((k.clone(), v.clone()));
            }
        }
        env
    }

    /// The pod phase: Pending, Running, Succeeded or Failed.
    pub fn phase(&self) -> &'static str {
        let all_done = self
            .containers
            .iter()
            .all(|c| matches!(c.state, ContainerState::Terminated { .. }));
        let any_running = self.containers.iter().any(|c| c.state.is_running());
        let all_ok = self
            .containers
            .iter()
            .all(|c| matches!(c.state, ContainerState::Terminated { exit_code: 0, .. }));
        if all_done && all_ok {
            "Succeeded"
        } else if all_done {
            "Failed"
        } else if any_running {
            "Running"
        } else {
            "Pending"
        }
    }

    /// Records the pod phase.
    pub(super) fn record_phase(&self, now_ms: u64, trace: &mut Trace) {
        trace.record(
            now_ms,
            Actor::kubelet(),
            EventKind::PodPhase {
                phase: self.phase().to_string(),
            },
        );
    }
}

/// The line a main process runs, and whether it is one simple command that `exec`s in place of
/// the main process. `sh -c CMD` runs CMD under dash, which (0.5.12, checked) forks a child even
/// for a lone command; `bash -c CMD` execs a lone simple command; any other argv is the program
/// itself.
fn main_line(argv: &[String]) -> (String, bool) {
    let shell = argv.first().map(|a| a.rsplit('/').next().unwrap_or(a));
    match (shell, argv.get(1).map(String::as_str), argv.get(2)) {
        (Some(name @ ("sh" | "bash" | "dash")), Some("-c"), Some(cmd)) => {
            let simple = !cmd.contains([';', '|', '&', '<', '>', '$', '`', '(', '\n']);
            (cmd.clone(), name == "bash" && simple)
        }
        _ => (
            argv.iter()
                .map(|a| shell_quote(a))
                .collect::<Vec<_>>()
                .join(" "),
            true,
        ),
    }
}

/// Quotes a word for a shell line so it stays one word.
pub fn shell_quote(word: &str) -> String {
    if !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./=:@%+,".contains(c))
    {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}
