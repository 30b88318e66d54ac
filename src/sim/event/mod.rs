//! The event trace: everything the UI animates and the tests assert on.
//!
//! Each subsystem reports what happened as an [`EventKind`]; the pod stamps it with the sim time
//! and the actor, and appends it to the [`Trace`]. Same inputs, same trace, byte for byte.

pub mod compact;
mod facts;
mod trace;

pub use facts::{ContainerStatus, Owner, PodContainer, SegmentInfo, TcpState};
pub use trace::{Trace, MAX_EVENTS};

use std::sync::Arc;

use serde::Serialize;

/// Who caused an event: a container and, when known, the process inside it. The names are
/// shared (`Arc<str>`): a command's network events all name the same process, and copying
/// them per event was two allocations each (native round trips, `make bench`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Actor {
    /// Container name (`nginx-container`), or `None` for the kubelet / the pod itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub container: Option<Arc<str>>,
    /// PID as seen inside the container's PID namespace.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pid: Option<u32>,
    /// Program name (`nginx`, `bash`, `curl`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub process: Option<Arc<str>>,
}

impl Actor {
    /// The kubelet (or the pod as a whole): no container.
    pub fn kubelet() -> Self {
        Actor::default()
    }

    /// A process in a container.
    pub fn process(container: &str, pid: u32, process: &str) -> Self {
        Actor {
            container: Some(Arc::from(container)),
            pid: Some(pid),
            process: Some(Arc::from(process)),
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

/// What happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventKind {
    // --- Kubernetes ---
    /// The pod object was created (`kubectl apply`), with the IP the node gives it and its
    /// containers in manifest order.
    PodCreated {
        /// `metadata.name`.
        name: String,
        /// The pod IP (`eth0` in its network namespace).
        ip: String,
        /// Its containers, in manifest order.
        containers: Vec<PodContainer>,
    },
    /// The pod moved to a new phase, as `kubectl get pods` shows it then.
    PodPhase {
        /// `Pending`, `Running`, `Succeeded` or `Failed`.
        phase: String,
        /// The STATUS column of `kubectl get pods` (`NotReady` while a container has ended).
        status: String,
        /// How many containers are ready (the READY column's first number).
        ready: usize,
        /// How many containers the pod has.
        total: usize,
    },
    /// The pod was deleted; its volumes are gone.
    PodDeleted {
        /// `metadata.name` of the deleted pod.
        name: String,
    },
    /// An image was pulled (or failed to: `ok = false`).
    ImagePull {
        /// The container the image is for.
        container: String,
        /// The image reference, as the manifest names it.
        image: String,
        /// False when the pull failed (unknown image).
        ok: bool,
    },
    /// A container changed state (`Waiting`/`Running`/`Terminated`, with reason and exit code).
    ContainerState {
        /// The container.
        container: String,
        /// Its new state.
        #[serde(flatten)]
        state: ContainerStatus,
    },
    /// An emptyDir volume was created for the pod.
    VolumeCreated {
        /// The volume's name in the manifest.
        volume: String,
    },
    /// A volume was mounted into a container.
    VolumeMounted {
        /// The volume's name in the manifest.
        volume: String,
        /// The container it is mounted into.
        container: String,
        /// Where the volume appears in that container.
        mount_path: String,
        /// Mounted with `readOnly: true`.
        read_only: bool,
    },

    // --- Processes ---
    /// A line typed into a terminal.
    CommandTyped {
        /// The container whose terminal it was typed in.
        container: String,
        /// The line as typed.
        line: String,
    },
    /// A process started.
    ProcessStarted {
        /// The container it runs in.
        container: String,
        /// Its PID inside the container.
        pid: u32,
        /// The command and its arguments.
        argv: Vec<String>,
    },
    /// A process exited with a status.
    ProcessExited {
        /// The container it ran in.
        container: String,
        /// Its PID inside the container.
        pid: u32,
        /// The exit status (128 + N after signal N).
        status: i32,
    },
    /// A package was installed with apt-get.
    PackageInstalled {
        /// The container it was installed in.
        container: String,
        /// The Debian package name.
        package: String,
    },

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
        /// Path as the reader named it.
        path: String,
        /// Inode number.
        inode: u64,
        /// Bytes read.
        size: u64,
        #[serde(skip_serializing_if = "Option::is_none")]
        /// Volume the file lives on, if any.
        volume: Option<String>,
    },
    /// A directory was created.
    DirCreated {
        /// Path as the process named it.
        path: String,
        /// Inode number.
        inode: u64,
        #[serde(skip_serializing_if = "Option::is_none")]
        /// Volume the directory lives on, if any.
        volume: Option<String>,
    },
    /// A file or directory was removed.
    FileRemoved {
        /// Path as the process named it.
        path: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        /// Volume it lived on, if any.
        volume: Option<String>,
    },
    /// A write failed (read-only file system, no space…).
    WriteFailed {
        /// Path as the writer named it.
        path: String,
        /// The error as the program prints it (`Read-only file system`).
        error: String,
    },

    // --- TCP ---
    /// A socket was bound and is listening.
    Listen {
        /// Bound address: `0.0.0.0`, `::`, `127.0.0.1`.
        addr: String,
        /// Bound port.
        port: u16,
        /// The process that listens.
        owner: Owner,
    },
    /// Binding failed (EADDRINUSE).
    BindFailed {
        /// The address it tried to bind.
        addr: String,
        /// The port it tried to bind.
        port: u16,
        /// The error (`Address already in use`).
        error: String,
    },
    /// A client started connecting.
    Connect {
        /// Its ephemeral port.
        src_port: u16,
        /// The address it connects to.
        addr: String,
        /// The port it connects to.
        port: u16,
        /// The process that connects.
        owner: Owner,
    },
    /// A segment travelled over a device (`lo`).
    Segment(SegmentInfo),
    /// A TCP connection changed state (states spelled as the RFC: `SYN-SENT`, `ESTABLISHED`).
    TcpState {
        /// Local endpoint (`127.0.0.1:80`).
        local: String,
        /// Remote endpoint (`127.0.0.1:52000`, `0.0.0.0:*` for a listener).
        remote: String,
        /// State before.
        from: TcpState,
        /// State after.
        to: TcpState,
    },
    /// A listening socket accepted a connection.
    Accepted {
        /// The listener's endpoint (`127.0.0.1:80`).
        local: String,
        /// The client's endpoint (`127.0.0.1:52000`).
        remote: String,
    },
    /// A connection was refused (RST): nothing listens there.
    Refused {
        /// The address connected to.
        addr: String,
        /// The port nothing listens on.
        port: u16,
    },

    // --- HTTP ---
    /// A server received an HTTP request.
    HttpRequest {
        /// The request method (`GET`).
        method: String,
        /// The request target (`/index.html`).
        target: String,
        /// The protocol version (`HTTP/1.1`).
        version: String,
        /// The `Host` header (empty when absent).
        host: String,
    },
    /// A server sent an HTTP response.
    HttpResponse {
        /// The status code (`200`).
        status: u16,
        /// The reason phrase (`OK`).
        reason: String,
        /// The body's length in bytes.
        content_length: u64,
    },
    /// A line was written to an access log (the container's stdout).
    AccessLog {
        /// The line, as nginx writes it.
        line: String,
    },
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
                status: "NotReady".into(),
                ready: 1,
                total: 2,
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
        assert!(jsonl.starts_with("{\"seq\":0,\"t_ms\":5,\"actor\":{\"container\":\"debian-container\",\"pid\":7,\"process\":\"bash\"},\"type\":\"pod_phase\",\"phase\":\"Running\",\"status\":\"NotReady\",\"ready\":1,\"total\":2}"));
        assert_eq!(t.events()[1].kind.category(), Category::K8s);
    }

    #[test]
    fn typed_facts_serialize_as_kubectl_and_the_rfc_spell_them() {
        let mut t = Trace::default();
        t.record(
            1,
            Actor::kubelet(),
            EventKind::ContainerState {
                container: "debian-container".into(),
                state: ContainerStatus::Terminated {
                    reason: "Completed".into(),
                    exit_code: 0,
                },
            },
        );
        t.record(
            2,
            Actor::kubelet(),
            EventKind::TcpState {
                local: "127.0.0.1:80".into(),
                remote: "127.0.0.1:57888".into(),
                from: TcpState::SynReceived,
                to: TcpState::Established,
            },
        );
        let jsonl = t.to_jsonl();
        assert!(
            jsonl.contains("\"container\":\"debian-container\",\"state\":\"Terminated\",\"reason\":\"Completed\",\"exit_code\":0"),
            "{jsonl}"
        );
        assert!(
            jsonl.contains("\"from\":\"SYN-RECEIVED\",\"to\":\"ESTABLISHED\""),
            "{jsonl}"
        );
    }
}
