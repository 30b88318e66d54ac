//! Container lifecycle: starting a container's main process, exits, restarts, and the pod's
//! phase and status as `kubectl get pods` reports them.

use super::{Container, ContainerState, Pod};
use crate::sim::event::{Actor, ContainerStatus, EventKind, Trace};
use crate::sim::manifest::RestartPolicy;

/// The kubelet's first back-off after a failed image pull.
pub const PULL_BACKOFF_MS: u64 = 10_000;

/// How starting a container's main process ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartOutcome {
    /// It keeps running (a server, `sleep infinity`).
    Running,
    /// It exited at once with this status.
    Exited(i32),
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
        let status = status_of(&state);
        if let Some(c) = self.container_mut(container) {
            c.state = state;
        }
        trace.record(
            now_ms,
            Actor::kubelet(),
            EventKind::ContainerState {
                container: container.to_string(),
                state: status,
            },
        );
        // What kubectl get pods says follows every container state change.
        self.record_phase(now_ms, trace);
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

    /// Records what the kubelet does by `now_ms` without anything happening in the pod: a
    /// container whose image pull failed turns `ImagePullBackOff` once the first back-off has
    /// passed. Recorded once, at that time or (if the trace has moved on) right after its last
    /// event, so the trace stays in time order.
    pub fn record_due(&mut self, now_ms: u64, trace: &mut Trace) {
        let due: Vec<(String, u64)> = self
            .containers
            .iter()
            .filter(|c| !c.backoff_recorded && matches!(c.state, ContainerState::Waiting { .. }))
            .filter_map(|c| {
                let at = c.pull_failed_ms?.saturating_add(PULL_BACKOFF_MS);
                (at <= now_ms).then(|| (c.spec.name.clone(), at))
            })
            .collect();
        for (container, at) in due {
            if let Some(c) = self.container_mut(&container) {
                c.backoff_recorded = true;
            }
            let at = at.max(trace.last_ms().unwrap_or(0));
            trace.record(
                at,
                Actor::kubelet(),
                EventKind::ContainerState {
                    container,
                    state: ContainerStatus::Waiting {
                        reason: "ImagePullBackOff".into(),
                    },
                },
            );
            self.record_phase(at, trace);
        }
    }

    /// Ctrl-C: ends the processes of a command line that blocked (`sleep infinity`), with
    /// status 130 as the shell reports for SIGINT.
    pub fn interrupt(&mut self, container: &str, pids: &[u32], now_ms: u64, trace: &mut Trace) {
        self.stop_httpd(container, |pid| pids.contains(&pid));
        for &pid in pids {
            let name = self
                .procs
                .live_of(container)
                .find(|p| p.pid == pid)
                .map(|p| p.name().to_string())
                .unwrap_or_default();
            self.procs.exit(container, pid, 130);
            trace.record(
                now_ms,
                Actor::process(container, pid, &name),
                EventKind::ProcessExited {
                    container: container.to_string(),
                    pid,
                    status: 130,
                },
            );
        }
    }

    /// Stops the httpd servers of `container` whose PID `which` picks.
    fn stop_httpd(&mut self, container: &str, which: impl Fn(u32) -> bool) {
        let Some(c) = self
            .containers
            .iter_mut()
            .find(|c| c.spec.name == container)
        else {
            return;
        };
        let net = &mut self.net;
        c.httpd.retain_mut(|server| {
            let stop = which(server.pid);
            if stop {
                server.stop(net);
            }
            !stop
        });
    }

    /// Restarts a container as the kubelet does after it was killed: a fresh writable layer from
    /// the image, the same volumes (emptyDir content survives), the main process started again.
    pub fn restart_container(&mut self, container: &str, now_ms: &mut u64, trace: &mut Trace) {
        // A container whose image never came has nothing to restart: it keeps backing off.
        if self.container(container).is_none_or(|c| c.image.is_none()) {
            return;
        }
        self.stop_container(container, *now_ms, trace);
        if let Some(c) = self.container_mut(container) {
            c.restart_count = c.restart_count.saturating_add(1);
            c.packages.clear();
            c.apt_updated = false;
        }
        self.create_root(container, *now_ms, trace);
        *now_ms = now_ms.saturating_add(40);
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
        self.stop_httpd(container, |_| true);
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

    /// Where processes started in a container begin: the manifest's `workingDir`, else `/`.
    pub fn working_dir(&self, container: &str) -> String {
        self.container(container)
            .and_then(|c| c.spec.working_dir.clone())
            .unwrap_or_else(|| "/".to_string())
    }

    /// The shell `kubectl exec -it` opens in a container: bash where the image has
    /// `/bin/bash`, else BusyBox's ash (`/bin/sh` of the busybox image).
    pub fn login_shell(&self, container: &str) -> crate::sim::shell::Dialect {
        let has_bash = self
            .fs
            .stat(container, "/bin/bash")
            .is_ok_and(|m| m.mode & 0o111 != 0);
        if has_bash {
            crate::sim::shell::Dialect::Bash
        } else {
            crate::sim::shell::Dialect::Ash
        }
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

    /// A container's state as the kubelet reports it at `now_ms`: the pod is created all at once,
    /// but a container whose start (or failed pull) lies after `now_ms` is still
    /// `ContainerCreating`, and a failed pull turns into `ImagePullBackOff` after the back-off.
    pub fn state_at(&self, c: &Container, now_ms: u64) -> ContainerState {
        let creating = || ContainerState::Waiting {
            reason: "ContainerCreating".into(),
        };
        match &c.state {
            ContainerState::Running { started_ms }
            | ContainerState::Terminated { started_ms, .. }
                if started_ms > &now_ms =>
            {
                creating()
            }
            ContainerState::Terminated {
                started_ms,
                finished_ms,
                ..
            } if finished_ms > &now_ms => ContainerState::Running {
                started_ms: *started_ms,
            },
            ContainerState::Waiting { .. } => match c.pull_failed_ms {
                Some(failed) if failed > now_ms => creating(),
                Some(failed) if now_ms >= failed.saturating_add(PULL_BACKOFF_MS) => {
                    ContainerState::Waiting {
                        reason: "ImagePullBackOff".into(),
                    }
                }
                _ => c.state.clone(),
            },
            state => state.clone(),
        }
    }

    /// True when `container` runs at `now_ms` (it may still be being created).
    pub fn running_at(&self, container: &str, now_ms: u64) -> bool {
        self.container(container)
            .is_some_and(|c| self.state_at(c, now_ms).is_running())
    }

    /// The pod phase at `now_ms`: Pending, Running, Succeeded or Failed.
    pub fn phase_at(&self, now_ms: u64) -> &'static str {
        let states: Vec<ContainerState> = self
            .containers
            .iter()
            .map(|c| self.state_at(c, now_ms))
            .collect();
        let all_done = states
            .iter()
            .all(|s| matches!(s, ContainerState::Terminated { .. }));
        let all_ok = states
            .iter()
            .all(|s| matches!(s, ContainerState::Terminated { exit_code: 0, .. }));
        if all_done && all_ok {
            "Succeeded"
        } else if all_done {
            "Failed"
        } else if states.iter().any(ContainerState::is_running) {
            "Running"
        } else {
            "Pending"
        }
    }

    /// The pod phase once everything scheduled has happened.
    pub fn phase(&self) -> &'static str {
        self.phase_at(u64::MAX)
    }

    /// Records the pod phase at `now_ms`, with the READY and STATUS columns `kubectl get pods`
    /// shows then, when any of them changed since it was last recorded.
    pub(super) fn record_phase(&mut self, now_ms: u64, trace: &mut Trace) {
        let view = self.view(now_ms);
        let ready = view.containers.iter().filter(|c| c.ready).count();
        let shown = (
            view.phase.clone(),
            crate::sim::kubectl::pod_status(&view),
            ready,
        );
        if self.recorded_phase.as_ref() == Some(&shown) {
            return;
        }
        let (phase, status, ready) = shown.clone();
        self.recorded_phase = Some(shown);
        trace.record(
            now_ms,
            Actor::kubelet(),
            EventKind::PodPhase {
                phase,
                status,
                ready,
                total: view.containers.len(),
            },
        );
    }
}

/// A container state as the trace records it: the kubelet's state without its times.
pub fn status_of(state: &ContainerState) -> ContainerStatus {
    match state {
        ContainerState::Waiting { reason } => ContainerStatus::Waiting {
            reason: reason.clone(),
        },
        ContainerState::Running { .. } => ContainerStatus::Running,
        ContainerState::Terminated {
            reason, exit_code, ..
        } => ContainerStatus::Terminated {
            reason: reason.clone(),
            exit_code: *exit_code,
        },
    }
}
