//! A one-node cluster holding (at most) one pod: what `kubectl` talks to, and what every
//! terminal of the app runs in. It owns the simulation clock and the event trace.
//!
//! The clock only moves through the commands typed (each line takes [`LINE_MS`] of typing time)
//! and what they do (`sleep`, network round trips, image pulls).

mod kubectl_exec;
mod preview;
mod running;
mod session;
mod terminal;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_httpd;

pub use preview::{Preview, MAX_PREVIEW_BYTES};
pub use session::TerminalResult;
pub use terminal::Terminal;

use crate::sim::event::{Actor, EventKind, Trace};
use crate::sim::fs::{Fs, NodeContent};
use crate::sim::kubectl;
use crate::sim::manifest::{self, ManifestError};
use crate::sim::net::Captured;
use crate::sim::pod::{ContainerState, Pod};
use crate::sim::scenario;
use crate::sim::shell::Shell;
use session::Session;
use std::collections::BTreeMap;

/// Mount namespace name of the workstation kubectl runs on.
pub const WORKSTATION: &str = "workstation";
/// The student's home directory on the workstation.
pub const HOME: &str = "/home/student";

/// Simulated time one typed command line takes before it runs, in milliseconds.
pub const LINE_MS: u64 = 1_000;

/// The cluster: one node, one pod, one clock, one trace.
#[derive(Debug)]
pub struct Cluster {
    /// Simulated time in milliseconds.
    now_ms: u64,
    /// Everything that happened.
    trace: Trace,
    /// The pod, while it exists.
    pod: Option<Pod>,
    /// Packets captured by pods that have since been deleted (kept for the pcap).
    archived_packets: Vec<Captured>,
    /// Packets of deleted pods whose bytes were dropped (numbered before `archived_packets`).
    archived_dropped: usize,
    /// One shell session per container (`kubectl exec -it … -- bash`), opened on first use.
    sessions: BTreeMap<String, Session>,
    /// The kubectl terminal's own shell.
    kubectl_shell: Shell,
    /// The workstation where kubectl runs: a filesystem of its own holding the scenario
    /// manifests in the home directory.
    workstation: Fs,
    /// Slices of command lines run so far, and the terminal that ran the last one: a session
    /// records the count with each input, so a replay runs the same slices in the same order.
    slices: running::SliceCount,
}

impl Default for Cluster {
    fn default() -> Self {
        Cluster::new()
    }
}

impl Cluster {
    /// An empty cluster; the workstation holds every built-in scenario's manifest.
    pub fn new() -> Cluster {
        let mut workstation = Fs::new();
        workstation.add_namespace(WORKSTATION);
        let mut files: Vec<(String, &str)> = scenario::all()
            .iter()
            .map(|s| (format!("{}.yaml", s.id), s.manifest))
            .collect();
        if let Some(docs) = scenario::by_id("docs-original") {
            files.push(("two-container-pod.yaml".to_string(), docs.manifest));
        }
        for (name, text) in files {
            let path = format!("{HOME}/{name}");
            // The workstation's tree is ours: installing into it cannot fail.
            let _ = workstation.install(
                WORKSTATION,
                &path,
                NodeContent::File(text.as_bytes().to_vec()),
                0o644,
                1000,
                1000,
                0,
            );
        }
        // The student's machine has kubectl and the usual coreutils (no curl, no nginx).
        let programs =
            std::iter::once("kubectl").chain(crate::sim::coreutils::names().iter().copied());
        for program in programs {
            let path = format!("/usr/bin/{program}");
            let _ = workstation.install(
                WORKSTATION,
                &path,
                NodeContent::File(b"\x7fELF".to_vec()),
                0o755,
                0,
                0,
                0,
            );
        }
        let env = vec![
            ("HOME".to_string(), HOME.to_string()),
            (
                "PATH".to_string(),
                "/usr/local/bin:/usr/bin:/bin".to_string(),
            ),
            ("USER".to_string(), "student".to_string()),
        ];
        Cluster {
            now_ms: 0,
            trace: Trace::default(),
            pod: None,
            archived_packets: Vec::new(),
            archived_dropped: 0,
            sessions: BTreeMap::new(),
            kubectl_shell: Shell::new(env, HOME),
            workstation,
            slices: running::SliceCount::default(),
        }
    }

    /// A cluster running the built-in scenario `id`, all containers started.
    pub fn with_scenario(id: &str) -> Result<Cluster, String> {
        let s = scenario::by_id(id).ok_or_else(|| {
            let ids: Vec<&str> = scenario::all().iter().map(|s| s.id).collect();
            format!("unknown scenario '{id}' (built-in: {})", ids.join(", "))
        })?;
        Cluster::with_manifest(s.manifest).map_err(|errors| render_errors(&errors))
    }

    /// A cluster running the pod described by `yaml`.
    pub fn with_manifest(yaml: &str) -> Result<Cluster, Vec<ManifestError>> {
        let mut cluster = Cluster::new();
        cluster.apply(yaml)?;
        cluster.settle();
        Ok(cluster)
    }

    /// Simulated time in milliseconds.
    pub fn now_ms(&self) -> u64 {
        self.now_ms
    }

    /// Everything that has happened, in order: what the diagram draws and tests assert on.
    pub fn trace(&self) -> &Trace {
        &self.trace
    }

    /// The pod, while it exists (as it is now: a scene of an earlier step comes from the
    /// trace, not from here).
    pub fn pod(&self) -> Option<&Pod> {
        self.pod.as_ref()
    }

    /// The state of container `name` now, as `kubectl` reports it (`ContainerCreating` while
    /// the kubelet still pulls its image); `None` without a pod or such a container.
    pub fn container_state(&self, name: &str) -> Option<ContainerState> {
        let pod = self.pod.as_ref()?;
        pod.container(name).map(|c| pod.state_at(c, self.now_ms))
    }

    /// Records what has happened by now of what the kubelet scheduled (and the back-offs it
    /// reports on its own).
    pub fn advance(&mut self) {
        self.trace.flush_until(self.now_ms);
        if let Some(pod) = self.pod.as_mut() {
            pod.record_due(self.now_ms, &mut self.trace);
        }
    }

    /// True while the kubelet still has work scheduled (containers being created).
    pub fn has_scheduled(&self) -> bool {
        self.trace.has_pending()
    }

    /// Lets `ms` of simulated time pass with nothing typed (the web app does this while the
    /// kubelet still works, so the pod visibly comes up).
    pub fn advance_by(&mut self, ms: u64) {
        self.now_ms = self.now_ms.saturating_add(ms);
        self.advance();
    }

    /// Lets the clock run until everything scheduled has happened (all containers started).
    pub fn settle(&mut self) {
        if let Some(last) = self.trace.last_pending_ms() {
            self.now_ms = self.now_ms.max(last);
        }
        self.advance();
    }

    /// Creates the pod from a manifest (`kubectl apply`). The one pod this cluster holds is
    /// replaced by it (deleted first), unless the manifest is unchanged.
    pub fn apply(&mut self, yaml: &str) -> Result<String, Vec<ManifestError>> {
        let parsed = manifest::load(yaml)?;
        if let Some(existing) = &self.pod {
            if existing.manifest == parsed {
                return Ok(kubectl::unchanged(&parsed.name));
            }
            self.delete_pod();
        }
        self.settle();
        let name = parsed.name.clone();
        // The kubelet works on after `kubectl apply` has answered: the pod is built at once, but
        // what happens after now (pulls, container starts) reaches the trace as time passes.
        let mut kubelet_clock = self.now_ms;
        let mut pod = Pod::create(parsed, &mut kubelet_clock, &mut self.trace);
        // Packets are numbered across the cluster: the pcap and the inspector count the
        // packets of deleted pods first.
        pod.net
            .number_packets_from(self.archived_dropped + self.archived_packets.len());
        self.trace.defer_after(self.now_ms);
        self.pod = Some(pod);
        Ok(kubectl::created(&name))
    }

    /// Deletes the pod: its processes stop and its emptyDir volumes are wiped.
    pub fn delete_pod(&mut self) -> Option<String> {
        self.settle();
        let mut pod = self.pod.take()?;
        let name = pod.name().to_string();
        let containers: Vec<String> = pod.containers.iter().map(|c| c.spec.name.clone()).collect();
        for c in &containers {
            if pod.running_at(c, self.now_ms) {
                pod.stop_container(c, self.now_ms, &mut self.trace);
            }
        }
        self.archive_packets(&pod.net);
        self.sessions.clear();
        self.trace.record(
            self.now_ms,
            Actor::kubelet(),
            EventKind::PodDeleted { name: name.clone() },
        );
        Some(name)
    }

    /// Restarts one container (as if its process was killed): emptyDir content survives.
    pub fn restart_container(&mut self, container: &str) -> Result<(), String> {
        self.settle();
        let pod = self.pod.as_mut().ok_or("no pod is running")?;
        if pod.container(container).is_none() {
            return Err(format!("container not found (\"{container}\")"));
        }
        self.sessions.remove(container);
        pod.restart_container(container, &mut self.now_ms, &mut self.trace);
        Ok(())
    }

    /// A deleted pod's packets join the archive; the archive keeps only the last packets in
    /// a row (if the pod dropped some, every older one goes too), at most `MAX_PACKETS` or so.
    fn archive_packets(&mut self, net: &crate::sim::net::NetNamespace) {
        if net.packets_dropped() > 0 {
            self.archived_dropped = self
                .archived_dropped
                .saturating_add(self.archived_packets.len())
                .saturating_add(net.packets_dropped());
            self.archived_packets.clear();
        }
        self.archived_packets.extend(net.captures().iter().cloned());
        let excess = self
            .archived_packets
            .len()
            .saturating_sub(crate::sim::net::MAX_PACKETS);
        self.archived_packets.drain(..excess);
        self.archived_dropped = self.archived_dropped.saturating_add(excess);
    }

    /// The packets kept of those captured on the pod's loopback, across pod re-creations: the
    /// last ones in a row (older packets' bytes are dropped to bound memory, see
    /// [`Cluster::packets_dropped`]).
    pub fn packets(&self) -> Vec<&Captured> {
        let live = self.pod.as_ref().map(|p| &p.net);
        let archived = self
            .archived_packets
            .iter()
            .filter(|_| live.is_none_or(|n| n.packets_dropped() == 0));
        let live = live.into_iter().flat_map(|n| n.captures().iter());
        archived.chain(live).collect()
    }

    /// How many packets were captured in all, kept or not.
    pub fn packets_total(&self) -> usize {
        let live = self
            .pod
            .as_ref()
            .map_or(0, |p| p.net.packets_dropped() + p.net.captures().len());
        self.archived_dropped + self.archived_packets.len() + live
    }

    /// How many of the oldest packets' bytes were dropped (the pcap holds the rest).
    pub fn packets_dropped(&self) -> usize {
        self.packets_total().saturating_sub(self.packets().len())
    }

    /// Packet number `index` of the cluster's capture (what a `Segment` event's `index` names);
    /// `None` when its bytes were dropped.
    pub fn packet(&self, index: usize) -> Option<&Captured> {
        let archived_end = self.archived_dropped + self.archived_packets.len();
        match index.checked_sub(archived_end) {
            None => self
                .archived_packets
                .get(index.checked_sub(self.archived_dropped)?),
            Some(live) => self.pod.as_ref()?.net.packet(live),
        }
    }

    /// Compacts the trace past `limit` events from now on (default [`crate::sim::event::MAX_EVENTS`]).
    pub fn set_trace_limit(&mut self, limit: usize) {
        self.trace.set_limit(limit);
    }

    /// The captured packets as a classic pcap file.
    pub fn pcap(&self) -> Vec<u8> {
        let packets: Vec<Captured> = self.packets().into_iter().cloned().collect();
        crate::sim::net::pcap_file(&packets)
    }
}

/// What `kubectl exec` prints for `container` when it does not run at `now_ms` (`None` while
/// it runs).
fn exec_refusal(pod: &Pod, container: &str, now_ms: u64) -> Option<String> {
    let c = pod.container(container)?;
    let state = pod.state_at(c, now_ms);
    if state.is_running() {
        return None;
    }
    let ever_started = matches!(state, ContainerState::Terminated { .. }) || c.restart_count > 0;
    Some(kubectl::exec_not_running(
        container,
        pod.phase_at(now_ms),
        ever_started,
    ))
}

/// Validation errors as the terminal shows them, one per line.
pub fn render_errors(errors: &[ManifestError]) -> String {
    errors
        .iter()
        .map(|e| e.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}
