//! What every simulated server does with its connections: accept them from its listeners, read
//! what arrives, and send queued writes in order (each write after the first as its own segment).

use std::collections::VecDeque;
use std::net::IpAddr;

use super::message::{Request, Response};
use crate::sim::event::EventKind;
use crate::sim::net::text::ip_text;
use crate::sim::net::{NetNamespace, SocketId};

/// One client connection a server holds.
#[derive(Debug, Clone)]
pub(crate) struct Client {
    /// The connected socket.
    pub socket: SocketId,
    /// Bytes received and not yet parsed into a request.
    pub inbox: Vec<u8>,
    /// Writes not yet accepted by the socket, in order (one element per `write`).
    pub outbox: VecDeque<Vec<u8>>,
    /// Close once the outbox is empty.
    pub close_after: bool,
    /// Peer address text (`127.0.0.1`; an IPv4-mapped address as IPv4).
    pub remote: String,
    /// Peer port.
    pub remote_port: u16,
    /// Our address on this connection (for a `Location` without `Host`).
    pub local: String,
}

/// An address as servers log it: IPv4-mapped IPv6 shown as IPv4.
pub(crate) fn addr_text(a: IpAddr) -> String {
    ip_text(a.to_canonical())
}

/// Accepts every connection waiting on `listeners`, appending one [`Client`] each.
pub(crate) fn accept_all(
    net: &mut NetNamespace,
    listeners: &[SocketId],
    clients: &mut Vec<Client>,
) {
    for &l in listeners {
        while let Some(socket) = net.accept(l) {
            let remote = net.remote_endpoint(socket);
            let local = net
                .local_endpoint(socket)
                .map(|a| addr_text(a.ip()))
                .unwrap_or_default();
            clients.push(Client {
                socket,
                inbox: Vec::new(),
                outbox: VecDeque::new(),
                close_after: false,
                remote: remote.map(|a| addr_text(a.ip())).unwrap_or_default(),
                remote_port: remote.map_or(0, |a| a.port()),
                local,
            });
        }
    }
}

impl Client {
    /// Moves what arrived on the socket into the inbox.
    pub fn read(&mut self, net: &mut NetNamespace) {
        if let Ok(bytes) = net.recv(self.socket) {
            self.inbox.extend_from_slice(&bytes);
        }
    }

    /// Sends queued writes; each write after the first leaves as its own segment (a poll
    /// between). A failed send drops the rest and marks the connection for closing.
    pub fn flush(&mut self, net: &mut NetNamespace, now_ms: u64) {
        while let Some(front) = self.outbox.front_mut() {
            match net.send(self.socket, front) {
                Ok(n) if n >= front.len() => {
                    self.outbox.pop_front();
                    if !self.outbox.is_empty() {
                        net.poll(now_ms);
                    }
                }
                Ok(n) => {
                    front.drain(..n);
                    break;
                }
                Err(_) => {
                    self.outbox.clear();
                    self.close_after = true;
                }
            }
        }
    }

    /// Whether it is done: nothing left to send, and it was to close or the peer closed.
    pub fn finished(&self, net: &NetNamespace) -> bool {
        self.outbox.is_empty() && (self.close_after || net.peer_closed(self.socket))
    }
}

/// Closes and forgets the clients that are [`Client::finished`].
pub(crate) fn close_finished(net: &mut NetNamespace, clients: &mut Vec<Client>) {
    clients.retain(|c| {
        let done = c.finished(net);
        if done {
            net.close(c.socket);
        }
        !done
    });
}

/// Records one exchange: the request, the file read for it (its path under `root`, when
/// `file_read` and a file was served) and the response.
pub(crate) fn record_exchange(
    events: &mut Vec<EventKind>,
    req: &Request,
    resp: &Response,
    root: &str,
    file_read: bool,
) {
    events.push(EventKind::HttpRequest {
        method: req.method.clone(),
        target: req.target.clone(),
        version: req.version(),
        host: req.header("Host").unwrap_or("").to_string(),
    });
    if let Some(f) = resp.served.as_ref().filter(|_| file_read) {
        events.push(EventKind::FileRead {
            path: format!("{root}{}", f.path),
            inode: f.ino,
            size: f.size,
            volume: f.volume.clone(),
        });
    }
    events.push(EventKind::HttpResponse {
        status: resp.status,
        reason: resp.reason().to_string(),
        content_length: resp.content_length(),
    });
}
