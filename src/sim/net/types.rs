//! The plain values the namespace hands out: owners, socket ids, errors, TCP states and the rows
//! `ss` prints.

use std::fmt;
use std::net::{IpAddr, SocketAddr};

use smoltcp::socket::tcp::State;

/// The process that owns a socket (what `ss -p` shows and the diagram labels).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    /// Container the process runs in, e.g. `nginx-container`.
    pub container: String,
    /// PID inside the container's PID namespace.
    pub pid: u32,
    /// Program name as `ss -p` prints it, e.g. `nginx`, `curl`.
    pub program: String,
}

/// Handle of a socket in a [`super::NetNamespace`]: a listener or one connection.
pub type SocketId = usize;

/// Why a socket call failed, with the errno Linux would report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetError {
    /// `EADDRINUSE`: something in the namespace already listens on an overlapping address:port.
    AddrInUse,
    /// `ECONNREFUSED`: the peer answered the SYN with a RST (nothing listens there).
    ConnectionRefused,
    /// `EADDRNOTAVAIL`: the address is not one of the namespace's own.
    AddrNotAvailable,
    /// `ENOTCONN`: the socket is not (or no longer) connected.
    NotConnected,
    /// `EBADF`: no such socket, or the wrong kind of socket for the call.
    InvalidSocket,
}

impl NetError {
    /// The Linux errno value.
    pub fn errno(&self) -> i32 {
        match self {
            NetError::AddrInUse => 98,
            NetError::ConnectionRefused => 111,
            NetError::AddrNotAvailable => 99,
            NetError::NotConnected => 107,
            NetError::InvalidSocket => 9,
        }
    }

    /// The message glibc's `strerror` gives for the errno (what curl and nginx print).
    pub fn strerror(&self) -> &'static str {
        match self {
            NetError::AddrInUse => "Address already in use",
            NetError::ConnectionRefused => "Connection refused",
            NetError::AddrNotAvailable => "Cannot assign requested address",
            NetError::NotConnected => "Transport endpoint is not connected",
            NetError::InvalidSocket => "Bad file descriptor",
        }
    }
}

impl fmt::Display for NetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.strerror())
    }
}

/// A TCP connection state, as RFC 9293 names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TcpState {
    /// No connection.
    Closed,
    /// Waiting for a SYN.
    Listen,
    /// SYN sent, waiting for SYN-ACK.
    SynSent,
    /// SYN received and SYN-ACK sent, waiting for the final ACK.
    SynReceived,
    /// Open: data flows both ways.
    Established,
    /// We sent FIN, waiting for its ACK.
    FinWait1,
    /// Our FIN is acknowledged, waiting for the peer's FIN.
    FinWait2,
    /// The peer sent FIN; we may still send.
    CloseWait,
    /// Both sides sent FIN at once.
    Closing,
    /// We sent FIN after the peer's, waiting for its ACK.
    LastAck,
    /// Both FINs acknowledged; lingering so stray segments die.
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

impl From<State> for TcpState {
    fn from(s: State) -> Self {
        match s {
            State::Closed => TcpState::Closed,
            State::Listen => TcpState::Listen,
            State::SynSent => TcpState::SynSent,
            State::SynReceived => TcpState::SynReceived,
            State::Established => TcpState::Established,
            State::FinWait1 => TcpState::FinWait1,
            State::FinWait2 => TcpState::FinWait2,
            State::CloseWait => TcpState::CloseWait,
            State::Closing => TcpState::Closing,
            State::LastAck => TcpState::LastAck,
            State::TimeWait => TcpState::TimeWait,
        }
    }
}

impl fmt::Display for TcpState {
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

/// A listening socket, for `ss -ltn` and the diagram.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListenerInfo {
    /// The socket's id.
    pub id: SocketId,
    /// Bound address: `0.0.0.0`, `::` (IPV6_V6ONLY, as nginx sets it) or a specific one.
    pub addr: IpAddr,
    /// Bound port.
    pub port: u16,
    /// Who listens.
    pub owner: Owner,
    /// The file descriptor `ss -p` shows.
    pub fd: u32,
    /// Connections established but not yet accepted (`ss` Recv-Q of a listener).
    pub backlog: usize,
}

/// One TCP connection endpoint, for `ss -tn` and the diagram.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnInfo {
    /// The socket's id.
    pub id: SocketId,
    /// Our address and port.
    pub local: SocketAddr,
    /// The peer's address and port.
    pub remote: SocketAddr,
    /// Current state.
    pub state: TcpState,
    /// The process holding the socket (`None` in TIME-WAIT: no process holds it any more).
    pub owner: Option<Owner>,
    /// The file descriptor `ss -p` shows.
    pub fd: u32,
    /// Bytes received and not yet read by the process.
    pub recv_q: usize,
    /// Bytes sent and not yet acknowledged by the peer.
    pub send_q: usize,
}
