//! Read-only questions about sockets: state, endpoints, refusal, end of stream, events and the
//! capture.

use std::net::SocketAddr;

use smoltcp::socket::tcp;

use super::device::Captured;
use super::namespace::{Entry, NetNamespace};
use super::types::{SocketId, TcpState};
use crate::sim::event::EventKind;

impl NetNamespace {
    /// The socket's TCP state (`Listen` for an open listener, `Closed` for unknown ids).
    pub fn state(&self, s: SocketId) -> TcpState {
        match self.entries.get(s) {
            Some(Entry::Listener(l)) if l.open => TcpState::Listen,
            Some(Entry::Conn(c)) => c.state,
            _ => TcpState::Closed,
        }
    }

    /// True when a connect was answered with RST (`ECONNREFUSED`).
    pub fn is_refused(&self, s: SocketId) -> bool {
        self.conn(s).is_some_and(|c| c.refused)
    }

    /// True when the peer sent FIN and every byte before it has been read (read returns 0).
    pub fn peer_closed(&self, s: SocketId) -> bool {
        let Some(c) = self.conn(s) else { return false };
        let fin = match c.state {
            TcpState::CloseWait | TcpState::LastAck | TcpState::Closing | TcpState::TimeWait => {
                true
            }
            TcpState::Closed => c.was_established,
            _ => false,
        };
        let pending = c
            .handle
            .map(|h| self.sockets.get::<tcp::Socket>(h).recv_queue())
            .unwrap_or(c.unread.len());
        fin && pending == 0
    }

    /// Our address and port.
    pub fn local_endpoint(&self, s: SocketId) -> Option<SocketAddr> {
        match self.entries.get(s)? {
            Entry::Listener(l) => Some(SocketAddr::new(l.addr, l.port)),
            Entry::Conn(c) => c.local,
        }
    }

    /// The peer's address and port (none for a listener).
    pub fn remote_endpoint(&self, s: SocketId) -> Option<SocketAddr> {
        self.conn(s)?.remote
    }

    /// Takes the events recorded since the last call, each with the sim time it happened.
    pub fn drain_events(&mut self) -> Vec<(u64, EventKind)> {
        std::mem::take(&mut self.events)
    }

    /// The packets kept of those that crossed `lo`, in order (the last
    /// [`super::device::MAX_PACKETS`] or so).
    pub fn captures(&self) -> &[Captured] {
        self.device.captured()
    }

    /// Packets that crossed `lo` whose bytes were dropped (the oldest).
    pub fn packets_dropped(&self) -> usize {
        self.device.dropped()
    }

    /// Packet `index` of this namespace (counted from its first), if its bytes are kept.
    pub fn packet(&self, index: usize) -> Option<&Captured> {
        let kept = index.checked_sub(self.device.dropped())?;
        self.device.captured().get(kept)
    }
}
