//! The event trace: everything the UI animates and the tests assert on.
//!
//! Each subsystem reports what happened as an [`EventKind`]; the pod stamps it with the sim time
//! and the actor, and appends it to the [`Trace`]. Same inputs, same trace, byte for byte.

use serde::Serialize;

/// Who caused an event: a container and, when known, the process inside it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Actor {
    /// Container name (`nginx-container`), or `None` for the kubelet / the pod itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub container: Option<String>,
    /// PID as seen inside the container's PID namespace.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pid: Option<u32>,
    /// Program name (`nginx`, `bash`, `curl`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub process: Option<String>,
}

impl Actor {
    /// The kubelet (or the pod as a whole): no container.
    pub fn kubelet() -> Self {
        Actor::default()
    }

    /// A process in a container.
    pub fn process(container: &str, pid: u32, process: &str) -> Self {
        Actor {
            container: Some(container.to_string()),
            pid: Some(pid),
            process: Some(process.to_string()),
        }
    }
}

/// The filter groups of the event list (`data-kind` in the UI).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// Files and volumes.
    File,
    /// TCP segments, sockets and connections.
    Tcp,
    /// HTTP requests, responses and access logs.
    Http,
    /// Processes starting and exiting, commands typed.
    Process,
    /// Kubernetes objects: pod phase, container state, images, volumes.
    K8s,
}

impl Category {
    /// The lowercase name used in `data-kind` and filters.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::File => "file",
            Category::Tcp => "tcp",
            Category::Http => "http",
            Category::Process => "process",
            Category::K8s => "k8s",
        }
    }
}

/// One TCP segment as captured on the loopback device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SegmentInfo {
    /// Index of the packet in the capture (and in the pcap file).
    pub index: usize,
    /// Source address, e.g. `127.0.0.1`.
    pub src: String,
    /// Destination address.
    pub dst: String,
    /// Source port.
    pub sport: u16,
    /// Destination port.
    pub dport: u16,
    /// Flags as tcpdump spells them, e.g. `SYN`, `SYN, ACK`, `PSH, ACK`, `FIN, ACK`, `RST, ACK`.
    pub flags: String,
    /// Sequence number (absolute).
    pub seq: u32,
    /// Acknowledgement number (absolute; 0 when ACK is not set).
    pub ack: u32,
    /// Payload length in bytes.
    pub len: usize,
    /// Advertised window.
    pub window: u16,
}

/// What happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventKind {
    // --- Kubernetes ---
    /// The pod object was created (`kubectl apply`).
    PodCreated { name: String },
    /// The pod moved to a new phase (`Pending`, `Running`, `Succeeded`, …).
    PodPhase { phase: String },
    /// The pod was deleted; its volumes are gone.
    PodDeleted { name: String },
    /// An image was pulled (or failed to: `ok = false`).
    ImagePull {
        container: String,
        image: String,
        ok: bool,
    },
    /// A container changed state (`Waiting`/`Running`/`Terminated`) with a reason.
    ContainerState {
        container: String,
        state: String,
        reason: String,
    },
    /// An emptyDir volume was created for the pod.
    VolumeCreated { volume: String },
    /// A volume was mounted into a container.
    VolumeMounted {
        volume: String,
        container: String,
        mount_path: String,
        read_only: bool,
    },

    // --- Processes ---
    /// A line typed into a terminal.
    CommandTyped { container: String, line: String },
    /// A process started.
    ProcessStarted {
        container: String,
        pid: u32,
        argv: Vec<String>,
    },
    /// A process exited with a status.
    ProcessExited {
        container: String,
        pid: u32,
        status: i32,
    },
    /// A package was installed with apt-get.
    PackageInstalled { container: String, package: String },

    // --- Files ---
    /// A file was written (created, truncated or appended).
    FileWritten {
        /// Path as the writer named it.
        path: String,
        /// Inode number.
        inode: u64,
        /// Size after the write.
        size: u64,
        /// Volume the file lives on, if any.
        #[serde(skip_serializing_if = "Option::is_none")]
        volume: Option<String>,
        /// The same inode's path in every other container that mounts the volume.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        also_at: Vec<(String, String)>,
    },
    /// A file was read by a process (e.g. nginx serving it).
    FileRead {
        path: String,
        inode: u64,
        size: u64,
        #[serde(skip_serializing_if = "Option::is_none")]
        volume: Option<String>,
    },
    /// A directory was created.
    DirCreated {
        path: String,
        inode: u64,
        #[serde(skip_serializing_if = "Option::is_none")]
        volume: Option<String>,
    },
    /// A file or directory was removed.
    FileRemoved {
        path: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        volume: Option<String>,
    },
    /// A write failed (read-only file system, no space…).
    WriteFailed { path: String, error: String },

    // --- TCP ---
    /// A socket was bound and is listening.
    Listen { addr: String, port: u16 },
    /// Binding failed (EADDRINUSE).
    BindFailed {
        addr: String,
        port: u16,
        error: String,
    },
    /// A client started connecting.
    Connect {
        src_port: u16,
        addr: String,
        port: u16,
    },
    /// A segment travelled over a device (`lo`).
    Segment(SegmentInfo),
    /// A TCP connection changed state (states spelled as the RFC: `SYN-SENT`, `ESTABLISHED`).
    TcpState {
        local: String,
        remote: String,
        from: String,
        to: String,
    },
    /// A listening socket accepted a connection.
    Accepted { local: String, remote: String },
    /// A connection was refused (RST): nothing listens there.
    Refused { addr: String, port: u16 },

    // --- HTTP ---
    /// A server received an HTTP request.
    HttpRequest {
        method: String,
        target: String,
        version: String,
        host: String,
    },
    /// A server sent an HTTP response.
    HttpResponse {
        status: u16,
        reason: String,
        content_length: u64,
    },
    /// A line was written to an access log (the container's stdout).
    AccessLog { line: String },
}

impl EventKind {
    /// The filter group this event belongs to.
    pub fn category(&self) -> Category {
        use EventKind::*;
        match self {
            PodCreated { .. }
            | PodPhase { .. }
            | PodDeleted { .. }
            | ImagePull { .. }
            | ContainerState { .. }
            | VolumeCreated { .. }
            | VolumeMounted { .. } => Category::K8s,
            CommandTyped { .. }
            | ProcessStarted { .. }
            | ProcessExited { .. }
            | PackageInstalled { .. } => Category::Process,
            FileWritten { .. }
            | FileRead { .. }
            | DirCreated { .. }
            | FileRemoved { .. }
            | WriteFailed { .. } => Category::File,
            Listen { .. }
            | BindFailed { .. }
            | Connect { .. }
            | Segment(_)
            | TcpState { .. }
            | Accepted { .. }
            | Refused { .. } => Category::Tcp,
            HttpRequest { .. } | HttpResponse { .. } | AccessLog { .. } => Category::Http,
        }
    }
}

/// One recorded event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    /// Position in the trace, from 0.
    pub seq: u64,
    /// Simulated time in milliseconds.
    pub t_ms: u64,
    /// Who did it.
    pub actor: Actor,
    /// What happened.
    #[serde(flatten)]
    pub kind: EventKind,
}

/// The ordered list of events of one pod's life.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Trace {
    events: Vec<Event>,
    /// Events that have not happened yet at the clock's time (the kubelet's later steps),
    /// recorded as soon as something happens at or after their time.
    pending: Vec<Event>,
}

impl Trace {
    /// Appends an event at time `t_ms`.
    pub fn record(&mut self, t_ms: u64, actor: Actor, kind: EventKind) {
        self.flush_until(t_ms);
        self.push(t_ms, actor, kind);
    }

    /// Appends without looking at pending events.
    fn push(&mut self, t_ms: u64, actor: Actor, kind: EventKind) {
        let seq = self.events.len() as u64;
        self.events.push(Event {
            seq,
            t_ms,
            actor,
            kind,
        });
    }

    /// Records the pending events whose time has come (`t_ms` or earlier), keeping the trace in
    /// time order whatever the caller records next.
    pub fn flush_until(&mut self, t_ms: u64) {
        let due = self.pending.iter().take_while(|e| e.t_ms <= t_ms).count();
        let due: Vec<Event> = self.pending.drain(..due).collect();
        for e in due {
            self.push(e.t_ms, e.actor, e.kind);
        }
    }

    /// Holds back the events recorded after `t_ms` (at the end of the trace: they have not
    /// happened yet at `t_ms`); they come back in time order as the clock passes them.
    pub fn defer_after(&mut self, t_ms: u64) {
        let later = self.split_off_after(t_ms);
        self.pending.extend(later);
    }

    /// Removes the last event when `pred` holds for it: a step that a later event of the same
    /// operation makes redundant (the truncation before a redirected write).
    pub fn drop_last_if(&mut self, pred: impl FnOnce(&Event) -> bool) {
        if self.events.last().is_some_and(pred) {
            self.events.pop();
        }
    }

    /// True while some events are held back for later.
    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Time of the last held-back event, if any.
    pub fn last_pending_ms(&self) -> Option<u64> {
        self.pending.last().map(|e| e.t_ms)
    }

    /// Takes out the events after `t_ms` (at the end of the trace: they have not happened yet
    /// at `t_ms`), to be recorded again by [`Trace::record`] when the clock gets there.
    fn split_off_after(&mut self, t_ms: u64) -> Vec<Event> {
        let keep = self
            .events
            .iter()
            .rposition(|e| e.t_ms <= t_ms)
            .map_or(0, |i| i + 1);
        self.events.split_off(keep)
    }

    /// All events so far.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// Events from position `from` on (what the UI has not animated yet).
    pub fn since(&self, from: usize) -> &[Event] {
        self.events.get(from..).unwrap_or(&[])
    }

    /// Number of events.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// True when nothing has happened yet.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// The trace as JSON Lines, one event per line.
    pub fn to_jsonl(&self) -> String {
        let mut s = String::new();
        for e in &self.events {
            if let Ok(line) = serde_json::to_string(e) {
                s.push_str(&line);
                s.push('\n');
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_in_order_and_serializes_flat() {
        let mut t = Trace::default();
        t.record(
            5,
            Actor::process("debian-container", 7, "bash"),
            EventKind::PodPhase {
                phase: "Running".into(),
            },
        );
        t.record(
            6,
            Actor::kubelet(),
            EventKind::VolumeCreated {
                volume: "shared-data".into(),
            },
        );
        assert_eq!(t.len(), 2);
        assert_eq!(t.since(1)[0].seq, 1);
        let jsonl = t.to_jsonl();
        assert!(jsonl.starts_with("{\"seq\":0,\"t_ms\":5,\"actor\":{\"container\":\"debian-container\",\"pid\":7,\"process\":\"bash\"},\"type\":\"pod_phase\",\"phase\":\"Running\"}"));
        assert_eq!(t.events()[1].kind.category(), Category::K8s);
    }
}
