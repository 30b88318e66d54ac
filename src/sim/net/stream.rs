//! The data plane of a connection: accept, send, recv, close.

use smoltcp::socket::tcp;

use super::namespace::{Entry, NetNamespace};
use super::types::{NetError, SocketId};
use crate::sim::event::EventKind;

impl NetNamespace {
    /// Takes the next established connection off a listener's backlog. The listener keeps
    /// listening.
    pub fn accept(&mut self, listener: SocketId) -> Option<SocketId> {
        let id = match self.entries.get_mut(listener) {
            Some(Entry::Listener(l)) => l.backlog.pop_front()?,
            _ => return None,
        };
        let t = self.now_ms;
        let conn = self.conn_mut(id)?;
        conn.accepted = true;
        let local = conn.local.map(|a| a.to_string()).unwrap_or_default();
        let remote = conn.remote.map(|a| a.to_string()).unwrap_or_default();
        self.events.push((t, EventKind::Accepted { local, remote }));
        Some(id)
    }

    /// Queues bytes for sending; returns how many fit in the send buffer. They leave at the next
    /// [`NetNamespace::poll`] (one `send` then one `poll` makes one segment).
    pub fn send(&mut self, s: SocketId, data: &[u8]) -> Result<usize, NetError> {
        let conn = self.conn_mut(s).ok_or(NetError::InvalidSocket)?;
        if conn.refused {
            return Err(NetError::ConnectionRefused);
        }
        conn.fin_ack_due = None;
        let h = conn.handle.ok_or(NetError::NotConnected)?;
        let socket = self.sockets.get_mut::<tcp::Socket>(h);
        if !socket.may_send() {
            return Err(NetError::NotConnected);
        }
        socket.send_slice(data).map_err(|_| NetError::NotConnected)
    }

    /// Everything received and not read yet (empty when nothing is there, or at end of stream).
    pub fn recv(&mut self, s: SocketId) -> Result<Vec<u8>, NetError> {
        let conn = self.conn(s).ok_or(NetError::InvalidSocket)?;
        if conn.refused {
            return Err(NetError::ConnectionRefused);
        }
        let Some(h) = conn.handle else {
            return Ok(self
                .conn_mut(s)
                .map(|c| std::mem::take(&mut c.unread))
                .unwrap_or_default());
        };
        let socket = self.sockets.get_mut::<tcp::Socket>(h);
        let mut out = Vec::new();
        while socket.can_recv() {
            match socket.recv(|buf| (buf.len(), buf.to_vec())) {
                Ok(chunk) if !chunk.is_empty() => out.extend_from_slice(&chunk),
                _ => break,
            }
        }
        Ok(out)
    }

    /// Closes our direction (FIN at the next poll); on a listener, the same as
    /// [`NetNamespace::close_listener`].
    pub fn close(&mut self, s: SocketId) {
        match self.entries.get(s) {
            Some(Entry::Listener(_)) => self.close_listener(s),
            Some(Entry::Conn(c)) => {
                let handle = c.handle;
                if let Some(c) = self.conn_mut(s) {
                    c.fin_ack_due = None;
                }
                if let Some(h) = handle {
                    self.sockets.get_mut::<tcp::Socket>(h).close();
                    self.sync();
                }
            }
            None => {}
        }
    }
}
