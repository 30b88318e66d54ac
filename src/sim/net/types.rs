//! The plain values the namespace hands out: owners, socket ids, errors, TCP states and the rows
//! `ss` prints.

use std::fmt;
use std::net::{IpAddr, SocketAddr};

use smoltcp::socket::tcp::State;

pub use crate::sim::event::{Owner, TcpState};

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

/// A listening socket, for `ss -ltn` and the diagram.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListenerInfo {
    /// The socket's id.
    pub id: SocketId,
    /// Bound address: `0.0.0.0`, `::` (IPV6_V6ONLY as nginx sets it, or dual stack as
    /// `options` says) or a specific one.
    pub addr: IpAddr,
    /// Bound port.
    pub port: u16,
    /// Who listens.
    pub owner: Owner,
    /// The file descriptor `ss -p` shows.
    pub fd: u32,
    /// Connections established but not yet accepted (`ss` Recv-Q of a listener).
    pub backlog: usize,
    /// How it listens: dual stack, and the backlog `ss -l` shows as Send-Q.
    pub options: ListenOptions,
}

/// How a socket listens, as `setsockopt(2)` and `listen(2)` set it up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListenOptions {
    /// `::` without IPV6_V6ONLY: it accepts IPv4 connections too (BusyBox does this; nginx
    /// sets IPV6_V6ONLY). `ss` shows it as `*`.
    pub dual_stack: bool,
    /// The `listen(2)` backlog (`ss -l` shows it as Send-Q).
    pub backlog: u32,
}

impl ListenOptions {
    /// nginx's: IPV6_V6ONLY, backlog 511 (`NGX_LISTEN_BACKLOG`).
    pub const NGINX: ListenOptions = ListenOptions {
        dual_stack: false,
        backlog: 511,
    };
    /// BusyBox's `create_and_bind_stream_or_die` then `listen(fd, 9)`: dual stack on `::`.
    pub const BUSYBOX: ListenOptions = ListenOptions {
        dual_stack: true,
        backlog: 9,
    };
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
