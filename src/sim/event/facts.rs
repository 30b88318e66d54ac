//! The typed facts events carry: a container's state with its exit code, TCP states as RFC 9293
//! spells them, a socket's owner, the pod's containers and one captured segment. The scene the
//! diagram draws is folded from these alone.

use serde::Serialize;
use std::fmt;

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

/// A container's state as the kubelet reports it, with what `kubectl describe` adds: the reason
/// and, once it ended, the exit code of its main process.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state")]
pub enum ContainerStatus {
    /// Not running: being created, or backing off (`ContainerCreating`, `ErrImagePull`,
    /// `CrashLoopBackOff`…).
    Waiting {
        /// The kubelet's reason.
        reason: String,
    },
    /// Its main process runs.
    Running,
    /// Its main process ended.
    Terminated {
        /// `Completed` (status 0) or `Error`.
        reason: String,
        /// The main process's exit status (137 when the kubelet killed it).
        exit_code: i32,
    },
}

impl Default for ContainerStatus {
    /// What a container is before the kubelet has started it.
    fn default() -> Self {
        ContainerStatus::Waiting {
            reason: "ContainerCreating".into(),
        }
    }
}

impl ContainerStatus {
    /// `Waiting`, `Running` or `Terminated`, as after `State:` in `kubectl describe`.
    pub fn label(&self) -> &'static str {
        match self {
            ContainerStatus::Waiting { .. } => "Waiting",
            ContainerStatus::Running => "Running",
            ContainerStatus::Terminated { .. } => "Terminated",
        }
    }

    /// The kubelet's reason; empty while running.
    pub fn reason(&self) -> &str {
        match self {
            ContainerStatus::Waiting { reason } | ContainerStatus::Terminated { reason, .. } => {
                reason
            }
            ContainerStatus::Running => "",
        }
    }

    /// True while the main process runs.
    pub fn is_running(&self) -> bool {
        matches!(self, ContainerStatus::Running)
    }
}

/// A TCP connection state, as RFC 9293 names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum TcpState {
    /// No connection.
    #[serde(rename = "CLOSED")]
    Closed,
    /// Waiting for a SYN.
    #[serde(rename = "LISTEN")]
    Listen,
    /// SYN sent, waiting for SYN-ACK.
    #[serde(rename = "SYN-SENT")]
    SynSent,
    /// SYN received and SYN-ACK sent, waiting for the final ACK.
    #[serde(rename = "SYN-RECEIVED")]
    SynReceived,
    /// Open: data flows both ways.
    #[serde(rename = "ESTABLISHED")]
    Established,
    /// We sent FIN, waiting for its ACK.
    #[serde(rename = "FIN-WAIT-1")]
    FinWait1,
    /// Our FIN is acknowledged, waiting for the peer's FIN.
    #[serde(rename = "FIN-WAIT-2")]
    FinWait2,
    /// The peer sent FIN; we may still send.
    #[serde(rename = "CLOSE-WAIT")]
    CloseWait,
    /// Both sides sent FIN at once.
    #[serde(rename = "CLOSING")]
    Closing,
    /// We sent FIN after the peer's, waiting for its ACK.
    #[serde(rename = "LAST-ACK")]
    LastAck,
    /// Both FINs acknowledged; lingering so stray segments die.
    #[serde(rename = "TIME-WAIT")]
    TimeWait,
}

impl TcpState {
    /// The name `ss` prints in its State column (`ESTAB`, `SYN-RECV`, ...).
    pub fn ss_name(self) -> &'static str {
        match self {
            TcpState::Closed => "UNCONN",
            TcpState::Listen => "LISTEN",
            TcpState::SynSent => "SYN-SENT",
            TcpState::SynReceived => "SYN-RECV",
            TcpState::Established => "ESTAB",
            TcpState::FinWait1 => "FIN-WAIT-1",
            TcpState::FinWait2 => "FIN-WAIT-2",
            TcpState::CloseWait => "CLOSE-WAIT",
            TcpState::Closing => "CLOSING",
            TcpState::LastAck => "LAST-ACK",
            TcpState::TimeWait => "TIME-WAIT",
        }
    }
}

impl fmt::Display for TcpState {
    /// The RFC's spelling: `SYN-SENT`, `ESTABLISHED`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TcpState::Closed => "CLOSED",
            TcpState::Listen => "LISTEN",
            TcpState::SynSent => "SYN-SENT",
            TcpState::SynReceived => "SYN-RECEIVED",
            TcpState::Established => "ESTABLISHED",
            TcpState::FinWait1 => "FIN-WAIT-1",
            TcpState::FinWait2 => "FIN-WAIT-2",
            TcpState::CloseWait => "CLOSE-WAIT",
            TcpState::Closing => "CLOSING",
            TcpState::LastAck => "LAST-ACK",
            TcpState::TimeWait => "TIME-WAIT",
        })
    }
}

/// The process that owns a socket (what `ss -p` shows and the diagram labels).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Owner {
    /// Container the process runs in, e.g. `nginx-container`.
    pub container: String,
    /// PID inside the container's PID namespace.
    pub pid: u32,
    /// Program name as `ss -p` prints it, e.g. `nginx`, `curl`.
    pub program: String,
}

/// One container of a pod as the manifest declares it: what the pod is created with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PodContainer {
    /// `spec.containers[*].name`.
    pub name: String,
    /// The image as written in the manifest (`nginx`, `debian`).
    pub image: String,
}
