//! Driving the stack: [`NetNamespace::poll`] moves packets through `lo` one at a time and turns
//! what changed into events; plus the socket tables `ss` and the diagram read.

use std::net::SocketAddr;

use smoltcp::socket::tcp;
use smoltcp::time::Instant;
use smoltcp::wire::IpAddress;

use super::dissect::segment_info;
use super::namespace::{addr_text, keep_spare, Conn, Entry, NetNamespace};
use super::types::{ConnInfo, ListenerInfo, SocketId, TcpState};
use crate::sim::event::EventKind;

/// Linux's minimum delayed-ACK timeout (`TCP_DELACK_MIN`).
const FIN_ACK_DELAY_MS: u64 = 40;

/// How long smoltcp keeps a socket in TIME-WAIT (its `CLOSE_DELAY`).
const TIME_WAIT_MS: u64 = 10_000;

/// Upper bound on steps in one poll: a TCP exchange at one instant settles long before.
const MAX_STEPS: usize = 100_000;

fn sim_instant(now_ms: u64) -> Instant {
    Instant::from_millis(i64::try_from(now_ms).unwrap_or(i64::MAX))
}

impl NetNamespace {
    /// Runs the stack at `now_ms` until nothing more moves at this instant: sockets transmit,
    /// each packet crosses `lo` (captured) and is received, the receiver answers, and so on.
    /// Returns whether anything happened.
    pub fn poll(&mut self, now_ms: u64) -> bool {
        self.now_ms = self.now_ms.max(now_ms);
        let now = sim_instant(self.now_ms);
        let before = (self.device.total(), self.events.len());
        self.iface.poll_maintenance(now);
        self.end_time_waits();
        for _ in 0..MAX_STEPS {
            let mut moved = false;
            let parked = self.park();
            while self
                .iface
                .poll_egress(now, &mut self.device, &mut self.sockets)
                == smoltcp::iface::PollResult::SocketStateChanged
            {
                moved = true;
            }
            self.unpark(parked);
            self.report_segments();
            self.sync();
            if !self.device.is_idle() {
                self.iface
                    .poll_ingress_single(now, &mut self.device, &mut self.sockets);
                self.sync();
                moved = true;
            }
            if !moved && self.device.is_idle() {
                break;
            }
        }
        self.release_time_waits();
        (self.device.total(), self.events.len()) != before
    }

    /// When something will next happen by itself (a delayed ACK, a retransmission, TIME-WAIT
    /// ending), as a sim time; `None` when the stack is idle until a program acts.
    pub fn poll_at(&mut self, now_ms: u64) -> Option<u64> {
        let now = now_ms.max(self.now_ms);
        let parked = self.park();
        let at = self.iface.poll_at(sim_instant(now), &self.sockets);
        self.unpark(parked);
        let stack = at
            .and_then(|t| u64::try_from(t.total_millis()).ok())
            .map(|t| t.max(now));
        [stack, self.next_fin_ack(), self.next_time_wait_end()]
            .into_iter()
            .flatten()
            .min()
    }

    /// Sockets in TIME-WAIT once the stack has settled (their last ACK is sent) leave smoltcp:
    /// a connection's two 64 KiB buffers are not held for the 10 s of TIME-WAIT, so thousands of
    /// connections in a row stay small. Their timer and unread bytes stay on the [`Conn`].
    fn release_time_waits(&mut self) {
        for &id in &self.live {
            let Some(Entry::Conn(c)) = self.entries.get_mut(id) else {
                continue;
            };
            let (Some(h), Some(_)) = (c.handle, c.time_wait_until) else {
                continue;
            };
            let smoltcp::socket::Socket::Tcp(mut socket) = self.sockets.remove(h);
            while let Ok(chunk) = socket.recv(|buf| (buf.len(), buf.to_vec())) {
                if chunk.is_empty() {
                    break;
                }
                c.unread.extend_from_slice(&chunk);
            }
            c.handle = None;
            keep_spare(&mut self.spare, socket);
        }
    }

    /// Released connections whose TIME-WAIT is over become CLOSED, as smoltcp's timer would make
    /// them at this poll.
    fn end_time_waits(&mut self) {
        let t = self.now_ms;
        for &id in &self.live {
            let Some(Entry::Conn(c)) = self.entries.get_mut(id) else {
                continue;
            };
            match (c.handle, c.time_wait_until) {
                (None, Some(due)) if due <= t => {
                    c.time_wait_until = None;
                    c.state = TcpState::Closed;
                    self.events
                        .push((t, state_event(c, TcpState::TimeWait, TcpState::Closed)));
                }
                _ => {}
            }
        }
    }

    /// The earliest end of a released TIME-WAIT.
    fn next_time_wait_end(&self) -> Option<u64> {
        self.live
            .iter()
            .filter_map(|&id| match self.entries.get(id) {
                Some(Entry::Conn(c)) if c.handle.is_none() => c.time_wait_until,
                _ => None,
            })
            .min()
    }

    /// Takes out of the socket set, for one egress, every socket that owes only the ACK of a FIN
    /// whose delayed-ACK time has not come: Linux waits, and the application's own FIN usually
    /// carries that ACK. smoltcp ACKs a bare FIN at once, so the wait is modelled here.
    fn park(&mut self) -> Vec<(SocketId, smoltcp::socket::Socket<'static>)> {
        let now = self.now_ms;
        let mut parked = Vec::new();
        for &id in &self.live {
            let Some(Entry::Conn(c)) = self.entries.get_mut(id) else {
                continue;
            };
            match (c.fin_ack_due, c.handle) {
                (Some(due), Some(h)) if due > now && c.state == TcpState::CloseWait => {
                    parked.push((id, self.sockets.remove(h)));
                    c.handle = None;
                }
                (Some(_), _) => c.fin_ack_due = None,
                _ => {}
            }
        }
        parked
    }

    /// Puts parked sockets back (under new handles).
    fn unpark(&mut self, parked: Vec<(SocketId, smoltcp::socket::Socket<'static>)>) {
        for (id, socket) in parked {
            let h = self.sockets.add(socket);
            if let Some(c) = self.conn_mut(id) {
                c.handle = Some(h);
            }
        }
    }

    /// The earliest pending delayed ACK of a FIN.
    fn next_fin_ack(&self) -> Option<u64> {
        self.live
            .iter()
            .filter_map(|&id| match self.entries.get(id) {
                Some(Entry::Conn(c)) => c.fin_ack_due,
                _ => None,
            })
            .min()
    }

    /// Turns newly captured packets into `Segment` events.
    fn report_segments(&mut self) {
        let dropped = self.device.dropped();
        let first = self.first_packet.saturating_add(dropped);
        let captured = self.device.captured();
        let fresh: Vec<(u64, EventKind)> = captured
            .iter()
            .enumerate()
            .skip(self.reported.saturating_sub(dropped))
            .filter_map(|(i, c)| {
                segment_info(first.saturating_add(i), &c.bytes)
                    .map(|s| (c.t_ms, EventKind::Segment(s)))
            })
            .collect();
        self.reported = self.device.total();
        self.events.extend(fresh);
        self.device.forget_old(self.reported);
    }

    /// Compares every socket with what we last saw: records state transitions, promotes
    /// listening sockets that got a SYN into connections (and replaces them), fills backlogs and
    /// drops closed sockets from the stack.
    pub(super) fn sync(&mut self) {
        self.promote_listeners();
        let t = self.now_ms;
        let mut ready: Vec<(SocketId, SocketId)> = Vec::new();
        for &id in &self.live {
            let Some(Entry::Conn(c)) = self.entries.get_mut(id) else {
                continue;
            };
            let Some(h) = c.handle else { continue };
            let socket = self.sockets.get::<tcp::Socket>(h);
            let mut now_state = TcpState::from(socket.state());
            if c.listener.is_some() && now_state == TcpState::Listen {
                // A half-open connection reset back to LISTEN: it is gone.
                now_state = TcpState::Closed;
            }
            if let Some(l) = socket.local_endpoint() {
                c.local = Some(SocketAddr::from(l));
            }
            if let Some(r) = socket.remote_endpoint() {
                c.remote = Some(SocketAddr::from(r));
            }
            if now_state == c.state {
                continue;
            }
            let from = c.state;
            c.state = now_state;
            self.events.push((t, state_event(c, from, now_state)));
            if now_state == TcpState::TimeWait {
                c.time_wait_until = Some(t.saturating_add(TIME_WAIT_MS));
            }
            if from == TcpState::Established && now_state == TcpState::CloseWait {
                c.fin_ack_due = Some(t.saturating_add(FIN_ACK_DELAY_MS));
            }
            if now_state == TcpState::Established {
                c.was_established = true;
                if let (Some(l), false) = (c.listener, c.accepted) {
                    ready.push((l, id));
                }
            }
            if from == TcpState::SynSent && now_state == TcpState::Closed {
                c.refused = true;
                if let Some(r) = c.remote {
                    self.events.push((
                        t,
                        EventKind::Refused {
                            addr: addr_text(r.ip()),
                            port: r.port(),
                        },
                    ));
                }
            }
            if now_state == TcpState::Closed {
                let smoltcp::socket::Socket::Tcp(socket) = self.sockets.remove(h);
                c.handle = None;
                keep_spare(&mut self.spare, socket);
            }
        }
        for (l, id) in ready {
            if let Some(Entry::Listener(listener)) = self.entries.get_mut(l) {
                listener.backlog.push_back(id);
            }
        }
        // A connection with neither a socket nor a pending FIN ACK never changes again.
        let entries = &self.entries;
        self.live.retain(|&id| match entries.get(id) {
            Some(Entry::Conn(c)) => {
                c.handle.is_some() || c.fin_ack_due.is_some() || c.time_wait_until.is_some()
            }
            _ => false,
        });
    }

    /// Listening sockets that received a SYN become connections of their listener.
    fn promote_listeners(&mut self) {
        let mut promoted: Vec<(SocketId, usize, IpAddress)> = Vec::new();
        for &id in &self.listener_ids {
            let Some(Entry::Listener(l)) = self.entries.get(id) else {
                continue;
            };
            for (slot, (addr, h)) in l.waiting.iter().enumerate() {
                if self.sockets.get::<tcp::Socket>(*h).state() != tcp::State::Listen {
                    promoted.push((id, slot, *addr));
                }
            }
        }
        for (lid, slot, addr) in promoted {
            let Some(Entry::Listener(l)) = self.entries.get(lid) else {
                continue;
            };
            let (port, owner) = (l.port, l.owner.clone());
            let fd = self.next_fd(&owner);
            let Some(fresh) = self.add_waiting(addr, port) else {
                continue;
            };
            let Some(Entry::Listener(l)) = self.entries.get_mut(lid) else {
                continue;
            };
            let Some(old) = l
                .waiting
                .get_mut(slot)
                .map(|w| std::mem::replace(&mut w.1, fresh))
            else {
                continue;
            };
            let socket = self.sockets.get::<tcp::Socket>(old);
            let conn = Conn {
                owner,
                fd,
                handle: Some(old),
                state: TcpState::Listen,
                local: socket.local_endpoint().map(SocketAddr::from),
                remote: socket.remote_endpoint().map(SocketAddr::from),
                refused: false,
                was_established: false,
                listener: Some(lid),
                accepted: false,
                fin_ack_due: None,
                time_wait_until: None,
                unread: Vec::new(),
            };
            self.push_entry(Entry::Conn(conn));
        }
    }

    /// Open listening sockets, in the order they were created.
    pub fn listeners(&self) -> Vec<ListenerInfo> {
        self.entries
            .iter()
            .enumerate()
            .filter_map(|(id, e)| match e {
                Entry::Listener(l) if l.open => Some(ListenerInfo {
                    id,
                    addr: l.addr,
                    port: l.port,
                    owner: l.owner.clone(),
                    fd: l.fd,
                    backlog: l.backlog.len(),
                    options: l.options,
                }),
                _ => None,
            })
            .collect()
    }

    /// Connections that still exist (any state but CLOSED), in creation order.
    pub fn connections(&self) -> Vec<ConnInfo> {
        self.entries
            .iter()
            .enumerate()
            .filter_map(|(id, e)| {
                let Entry::Conn(c) = e else { return None };
                let (recv_q, send_q) = match c.handle {
                    Some(h) => {
                        let socket = self.sockets.get::<tcp::Socket>(h);
                        (socket.recv_queue(), socket.send_queue())
                    }
                    None if c.state == TcpState::TimeWait => (c.unread.len(), 0),
                    None => return None,
                };
                Some(ConnInfo {
                    id,
                    local: c.local?,
                    remote: c.remote?,
                    state: c.state,
                    owner: (c.state != TcpState::TimeWait).then(|| c.owner.clone()),
                    fd: c.fd,
                    recv_q,
                    send_q,
                })
            })
            .collect()
    }
}

fn endpoint_text(e: Option<SocketAddr>) -> String {
    e.map_or_else(|| "*:*".to_string(), super::text::socket_addr_text)
}

fn state_event(c: &Conn, from: TcpState, to: TcpState) -> EventKind {
    EventKind::TcpState {
        local: endpoint_text(c.local),
        remote: endpoint_text(c.remote),
        from,
        to,
    }
}
