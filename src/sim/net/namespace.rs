//! [`NetNamespace`]: the sockets API the simulated programs call (listen, connect, accept, send,
//! recv, close) on top of one smoltcp interface.

use std::collections::{BTreeMap, VecDeque};
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use smoltcp::iface::{Config, Interface, SocketHandle, SocketSet};
use smoltcp::socket::tcp;
use smoltcp::time::Instant;
use smoltcp::wire::{HardwareAddress, IpAddress, IpCidr, IpListenEndpoint};

use super::device::CaptureLoopback;
use super::types::{ListenOptions, NetError, Owner, SocketId, TcpState};
use crate::sim::event::EventKind;

/// smoltcp draws initial sequence numbers from a generator seeded here: a fixed seed makes every
/// run produce the same ISNs, so captures replay byte for byte.
const RANDOM_SEED: u64 = 0x706f_6473_636f_7065;

/// First ephemeral port handed out; the one the reference capture's curl happened to get.
/// Later connections count up through Linux's `ip_local_port_range` (32768–60999).
const FIRST_EPHEMERAL_PORT: u16 = 57888;
const EPHEMERAL_LOW: u16 = 32768;
const EPHEMERAL_HIGH: u16 = 60999;

/// Socket buffer size: 64 KiB each way, the order of Linux's loopback defaults.
const BUFFER_SIZE: usize = 65536;
/// How many released smoltcp sockets are kept for reuse: a round trip needs three (the client,
/// the accepted one, and the listener's next waiting one).
const SPARE_SOCKETS: usize = 4;

/// Keeps a socket that left smoltcp's set for the next [`NetNamespace::new_tcp_socket`], up to
/// [`SPARE_SOCKETS`].
pub(super) fn keep_spare(spare: &mut Vec<tcp::Socket<'static>>, mut socket: tcp::Socket<'static>) {
    if spare.len() < SPARE_SOCKETS {
        // Out of the set it sends nothing; CLOSED lets `listen` and `connect` take it.
        socket.abort();
        spare.push(socket);
    }
}

/// A listening socket. smoltcp needs one listening socket per concrete local address and a fresh
/// one each time a SYN consumes it, so a listener keeps one waiting socket per address it covers.
#[derive(Debug)]
pub(super) struct Listener {
    pub(super) owner: Owner,
    pub(super) fd: u32,
    pub(super) addr: IpAddr,
    pub(super) port: u16,
    pub(super) waiting: Vec<(IpAddress, SocketHandle)>,
    pub(super) backlog: VecDeque<SocketId>,
    pub(super) open: bool,
    pub(super) options: ListenOptions,
}

/// One end of a connection.
#[derive(Debug)]
pub(super) struct Conn {
    pub(super) owner: Owner,
    pub(super) fd: u32,
    /// `None` once the socket reached CLOSED and left smoltcp's socket set.
    pub(super) handle: Option<SocketHandle>,
    pub(super) state: TcpState,
    pub(super) local: Option<SocketAddr>,
    pub(super) remote: Option<SocketAddr>,
    pub(super) refused: bool,
    pub(super) was_established: bool,
    /// The listener that accepted it (server side), if any.
    pub(super) listener: Option<SocketId>,
    pub(super) accepted: bool,
    /// When the ACK of a received FIN is due if the application does not answer first.
    pub(super) fin_ack_due: Option<u64>,
    /// When TIME-WAIT ends (set on entering it). Once the stack has settled, the smoltcp socket
    /// (and its two buffers) is released and the timer is kept here instead.
    pub(super) time_wait_until: Option<u64>,
    /// Bytes received but not read when the socket was released in TIME-WAIT.
    pub(super) unread: Vec<u8>,
}

/// A socket of the namespace.
#[derive(Debug)]
pub(super) enum Entry {
    Listener(Listener),
    Conn(Conn),
}

/// The pod's network namespace: `lo` (127.0.0.1/8, ::1) and `eth0` (the pod IP). All traffic
/// between the pod's containers, including to the pod IP, crosses `lo`, as on Linux.
///
/// Sockets use no Nagle and no delayed ACK for data, which matches Linux's loopback behaviour in
/// the reference capture (every data segment is ACKed at once, and each `send` + `poll` makes
/// its own segment, like nginx's header write and sendfile body). A FIN reaching an ESTABLISHED
/// socket is ACKed lazily (40 ms, Linux's minimum delayed-ACK time) so that a server closing in
/// response sends one FIN-ACK, as nginx does in the reference capture. Differences from Linux
/// that remain: no TCP timestamps option, smoltcp's window sizes and scale, TIME-WAIT lasts smoltcp's 10 s
/// (Linux: 60 s), and a segment reaching a socket in TIME-WAIT is not answered (on a lossless
/// loopback none arrives).
pub struct NetNamespace {
    pub(super) iface: Interface,
    pub(super) device: CaptureLoopback,
    pub(super) sockets: SocketSet<'static>,
    /// smoltcp sockets that left the set, kept for the next connection: `listen` and `connect`
    /// reset a socket, so reusing one is the same as a new one, without allocating and zeroing
    /// its two 64 KiB buffers again (most of a round trip's time went to that).
    pub(super) spare: Vec<tcp::Socket<'static>>,
    pub(super) entries: Vec<Entry>,
    /// Ids of the connections that may still hold a smoltcp socket or a pending FIN ACK, in
    /// ascending order: the only ones a poll needs to look at (`entries` keeps every socket
    /// ever made, since a [`SocketId`] is an index into it).
    pub(super) live: Vec<SocketId>,
    /// Ids of the listening sockets, open or closed, in ascending order.
    pub(super) listener_ids: Vec<SocketId>,
    /// How many sockets each process (container, pid) has opened: its next fd number.
    pub(super) fds_opened: BTreeMap<(String, u32), u32>,
    pub(super) events: Vec<(u64, EventKind)>,
    pub(super) now_ms: u64,
    pub(super) next_port: u16,
    pub(super) reported: usize,
    /// The number of the first packet this namespace captures, in the cluster's capture (which
    /// goes on across pods).
    pub(super) first_packet: usize,
    pub(super) pod_ip: Ipv4Addr,
    pub(super) host_ifindex: u32,
}

impl fmt::Debug for NetNamespace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NetNamespace")
            .field("pod_ip", &self.pod_ip)
            .field("now_ms", &self.now_ms)
            .field("entries", &self.entries)
            .field("captured", &self.device.captured().len())
            .finish()
    }
}

/// Renders an address the way events and `ss` name it (IPv6 without brackets).
pub(super) fn addr_text(addr: IpAddr) -> String {
    addr.to_string()
}

impl NetNamespace {
    /// A fresh namespace with `lo` up and `eth0` carrying `pod_ip`/24.
    pub fn new(pod_ip: [u8; 4]) -> Self {
        let mut device = CaptureLoopback::default();
        let mut config = Config::new(HardwareAddress::Ip);
        config.random_seed = RANDOM_SEED;
        let mut iface = Interface::new(config, &mut device, Instant::from_millis(0));
        let ip = Ipv4Addr::from(pod_ip);
        iface.update_ip_addrs(|addrs| {
            // Capacity is 3 (smoltcp feature `iface-max-addr-count-3`); these cannot overflow.
            let _ = addrs.push(IpCidr::new(IpAddress::Ipv4(Ipv4Addr::LOCALHOST), 8));
            let _ = addrs.push(IpCidr::new(IpAddress::Ipv6(Ipv6Addr::LOCALHOST), 128));
            let _ = addrs.push(IpCidr::new(IpAddress::Ipv4(ip), 24));
        });
        NetNamespace {
            iface,
            device,
            sockets: SocketSet::new(Vec::new()),
            spare: Vec::new(),
            entries: Vec::new(),
            live: Vec::new(),
            listener_ids: Vec::new(),
            fds_opened: BTreeMap::new(),
            events: Vec::new(),
            now_ms: 0,
            next_port: FIRST_EPHEMERAL_PORT,
            reported: 0,
            first_packet: 0,
            pod_ip: ip,
            host_ifindex: 7,
        }
    }

    /// The pod IP (on `eth0`).
    pub fn pod_ip(&self) -> Ipv4Addr {
        self.pod_ip
    }

    /// Numbers this namespace's packets from `first` on (in `Segment` events): the cluster's
    /// capture holds the packets of earlier pods before them.
    pub fn number_packets_from(&mut self, first: usize) {
        self.first_packet = first;
    }

    /// Sets the interface index of the node-side veth peer (`eth0@if<N>` in `ip addr`).
    pub fn set_host_ifindex(&mut self, index: u32) {
        self.host_ifindex = index;
    }

    /// The namespace's own addresses of one family (what a wildcard bind covers).
    pub(super) fn local_addrs(&self, v6: bool) -> Vec<IpAddr> {
        if v6 {
            vec![IpAddr::V6(Ipv6Addr::LOCALHOST)]
        } else {
            vec![IpAddr::V4(Ipv4Addr::LOCALHOST), IpAddr::V4(self.pod_ip)]
        }
    }

    fn is_local(&self, addr: IpAddr) -> bool {
        self.local_addrs(addr.is_ipv6()).contains(&addr)
    }

    /// The next free file descriptor number for a process (sockets only; 3 is the first after
    /// stdio). `ss -p` shows it.
    pub(super) fn next_fd(&self, owner: &Owner) -> u32 {
        let used = self
            .fds_opened
            .get(&(owner.container.clone(), owner.pid))
            .copied()
            .unwrap_or(0);
        3u32.saturating_add(used)
    }

    /// Adds a socket to the table (and to the indexes a poll walks); returns its id.
    pub(super) fn push_entry(&mut self, entry: Entry) -> SocketId {
        let id = self.entries.len();
        let owner = match &entry {
            Entry::Listener(l) => {
                self.listener_ids.push(id);
                &l.owner
            }
            Entry::Conn(c) => {
                self.live.push(id);
                &c.owner
            }
        };
        let opened = self
            .fds_opened
            .entry((owner.container.clone(), owner.pid))
            .or_insert(0);
        *opened = opened.saturating_add(1);
        self.entries.push(entry);
        id
    }

    pub(super) fn new_tcp_socket(&mut self) -> tcp::Socket<'static> {
        if let Some(socket) = self.spare.pop() {
            return socket;
        }
        let rx = tcp::SocketBuffer::new(vec![0u8; BUFFER_SIZE]);
        let tx = tcp::SocketBuffer::new(vec![0u8; BUFFER_SIZE]);
        let mut socket = tcp::Socket::new(rx, tx);
        socket.set_nagle_enabled(false);
        socket.set_ack_delay(None);
        socket
    }

    /// A smoltcp socket listening on one concrete address.
    pub(super) fn add_waiting(&mut self, addr: IpAddress, port: u16) -> Option<SocketHandle> {
        let mut socket = self.new_tcp_socket();
        socket
            .listen(IpListenEndpoint {
                addr: Some(addr),
                port,
            })
            .ok()?;
        Some(self.sockets.add(socket))
    }

    /// Binds and listens as nginx does. Fails with `EADDRINUSE` when any socket of the
    /// namespace, whatever its container, listens on an overlapping address:port. `::` is taken
    /// as IPV6_V6ONLY (nginx sets it), so it does not clash with `0.0.0.0`.
    pub fn listen(
        &mut self,
        owner: Owner,
        addr: IpAddr,
        port: u16,
        now_ms: u64,
    ) -> Result<SocketId, NetError> {
        self.listen_with(owner, (addr, port), ListenOptions::NGINX, now_ms)
    }

    /// Binds and listens with `options`: a dual-stack `::` also takes IPv4 connections, and
    /// clashes with IPv4 listeners on its port as well.
    pub fn listen_with(
        &mut self,
        owner: Owner,
        (addr, port): (IpAddr, u16),
        options: ListenOptions,
        now_ms: u64,
    ) -> Result<SocketId, NetError> {
        let dual = options.dual_stack && addr.is_ipv6() && addr.is_unspecified();
        self.now_ms = self.now_ms.max(now_ms);
        let t = self.now_ms;
        let fail = |ns: &mut Self, e: NetError| {
            ns.events.push((
                t,
                EventKind::BindFailed {
                    addr: addr_text(addr),
                    port,
                    error: e.strerror().to_string(),
                },
            ));
            Err(e)
        };
        if !addr.is_unspecified() && !self.is_local(addr) {
            return fail(self, NetError::AddrNotAvailable);
        }
        let clash = self
            .listener_ids
            .iter()
            .any(|&id| match self.entries.get(id) {
                Some(Entry::Listener(l)) => {
                    let families_meet =
                        l.addr.is_ipv6() == addr.is_ipv6() || dual || l.options.dual_stack;
                    l.open
                        && l.port == port
                        && families_meet
                        && (l.addr.is_unspecified() || addr.is_unspecified() || l.addr == addr)
                }
                _ => false,
            });
        if clash {
            return fail(self, NetError::AddrInUse);
        }
        let concrete = if dual {
            let mut both = self.local_addrs(false);
            both.extend(self.local_addrs(true));
            both
        } else if addr.is_unspecified() {
            self.local_addrs(addr.is_ipv6())
        } else {
            vec![addr]
        };
        let mut waiting = Vec::new();
        for a in concrete {
            let a = IpAddress::from(a);
            if let Some(h) = self.add_waiting(a, port) {
                waiting.push((a, h));
            }
        }
        let fd = self.next_fd(&owner);
        let listen_event = EventKind::Listen {
            // A dual-stack `::` is every address of both families: `*`, as ss shows it.
            addr: if dual { "*".into() } else { addr_text(addr) },
            port,
            owner: owner.clone(),
        };
        let id = self.push_entry(Entry::Listener(Listener {
            owner,
            fd,
            addr,
            port,
            waiting,
            backlog: VecDeque::new(),
            open: true,
            options: ListenOptions {
                dual_stack: dual,
                ..options
            },
        }));
        self.events.push((t, listen_event));
        Ok(id)
    }

    /// Closes a listening socket (its process exited): no more SYNs are answered, and connections
    /// still waiting in its backlog are reset.
    pub fn close_listener(&mut self, id: SocketId) {
        let (waiting, backlog, label) = match self.entries.get_mut(id) {
            Some(Entry::Listener(l)) if l.open => {
                l.open = false;
                (
                    std::mem::take(&mut l.waiting),
                    std::mem::take(&mut l.backlog),
                    (l.addr, l.port, l.options.dual_stack),
                )
            }
            _ => return,
        };
        for (_, h) in waiting {
            let smoltcp::socket::Socket::Tcp(socket) = self.sockets.remove(h);
            keep_spare(&mut self.spare, socket);
        }
        for c in backlog {
            if let Some(Entry::Conn(conn)) = self.entries.get(c) {
                if let Some(h) = conn.handle {
                    self.sockets.get_mut::<tcp::Socket>(h).abort();
                }
            }
        }
        let (addr, port, dual) = label;
        let (local, wildcard) = match (dual, addr.is_ipv6()) {
            (true, _) => (format!("*:{port}"), "*:*"),
            (false, true) => (SocketAddr::new(addr, port).to_string(), "[::]:*"),
            (false, false) => (SocketAddr::new(addr, port).to_string(), "0.0.0.0:*"),
        };
        self.events.push((
            self.now_ms,
            EventKind::TcpState {
                local,
                remote: wildcard.to_string(),
                from: TcpState::Listen,
                to: TcpState::Closed,
            },
        ));
        self.sync();
    }

    fn ephemeral_port(&mut self) -> u16 {
        let port = self.next_port;
        self.next_port = if port >= EPHEMERAL_HIGH {
            EPHEMERAL_LOW
        } else {
            port.saturating_add(1)
        };
        port
    }

    /// Starts connecting (sends SYN at the next [`NetNamespace::poll`]). Every address of the
    /// namespace loops back; others are not reachable from this model.
    pub fn connect(
        &mut self,
        owner: Owner,
        dst: IpAddr,
        port: u16,
        now_ms: u64,
    ) -> Result<SocketId, NetError> {
        self.now_ms = self.now_ms.max(now_ms);
        if !self.is_local(dst) {
            return Err(NetError::AddrNotAvailable);
        }
        let local_port = self.ephemeral_port();
        let mut socket = self.new_tcp_socket();
        socket
            .connect(
                self.iface.context(),
                (IpAddress::from(dst), port),
                local_port,
            )
            .map_err(|_| NetError::AddrNotAvailable)?;
        let local = socket.local_endpoint().map(SocketAddr::from);
        let handle = self.sockets.add(socket);
        let fd = self.next_fd(&owner);
        let connect_event = EventKind::Connect {
            src_port: local_port,
            addr: addr_text(dst),
            port,
            owner: owner.clone(),
        };
        let id = self.push_entry(Entry::Conn(Conn {
            owner,
            fd,
            handle: Some(handle),
            state: TcpState::Closed,
            local,
            remote: Some(SocketAddr::new(dst, port)),
            refused: false,
            was_established: false,
            listener: None,
            accepted: false,
            fin_ack_due: None,
            time_wait_until: None,
            unread: Vec::new(),
        }));
        self.events.push((self.now_ms, connect_event));
        self.sync();
        Ok(id)
    }

    pub(super) fn conn(&self, s: SocketId) -> Option<&Conn> {
        match self.entries.get(s) {
            Some(Entry::Conn(c)) => Some(c),
            _ => None,
        }
    }

    pub(super) fn conn_mut(&mut self, s: SocketId) -> Option<&mut Conn> {
        match self.entries.get_mut(s) {
            Some(Entry::Conn(c)) => Some(c),
            _ => None,
        }
    }
}
