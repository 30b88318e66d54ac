//! BusyBox httpd as a process on the pod's network namespace: one listening socket (`::` dual
//! stack for a bare port, backlog 9), one request answered per connection, then close; with
//! `-v` a log line per response (and per URL with `-vv`), as BusyBox writes them to stderr.

use std::net::SocketAddr;

use super::super::conn::{accept_all, close_finished, record_exchange, Client};
use super::super::message::{parse_request, ParsedRequest};
use super::super::nginx::DocRoot;
use super::respond;
use crate::sim::event::EventKind;
use crate::sim::net::{ListenOptions, NetNamespace, Owner, SocketId};

/// A running `httpd` in a container.
#[derive(Debug, Clone)]
pub struct Httpd {
    /// The container it runs in.
    pub container: String,
    /// Its PID (the daemon's, or the foreground process's).
    pub pid: u32,
    /// Its home directory (`-h`), absolute, in the container's filesystem.
    pub home: String,
    /// `-v` count.
    pub verbose: u8,
    /// Whether its stderr is the container's log (it is the main process, in the foreground).
    pub logs_to_container: bool,
    listener: SocketId,
    dual_stack: bool,
    clients: Vec<Client>,
}

impl Httpd {
    /// Binds `addr` for `owner` serving `home`. `Err` is what httpd prints when the bind fails.
    pub fn start(
        net: &mut NetNamespace,
        owner: Owner,
        addr: SocketAddr,
        home: &str,
        now_ms: u64,
    ) -> Result<Httpd, String> {
        let (container, pid) = (owner.container.clone(), owner.pid);
        let listener = net
            .listen_with(
                owner,
                (addr.ip(), addr.port()),
                ListenOptions::BUSYBOX,
                now_ms,
            )
            .map_err(|e| format!("httpd: bind: {}\n", e.strerror()))?;
        Ok(Httpd {
            container,
            pid,
            home: home.to_string(),
            verbose: 0,
            logs_to_container: false,
            listener,
            dual_stack: addr.ip().is_unspecified() && addr.is_ipv6(),
            clients: Vec::new(),
        })
    }

    /// How a client appears in its log: `[::ffff:127.0.0.1]:40386` on a dual-stack socket.
    fn peer(&self, c: &Client) -> String {
        match (self.dual_stack, c.remote.contains(':')) {
            (true, false) => format!("[::ffff:{}]:{}", c.remote, c.remote_port),
            (_, true) => format!("[{}]:{}", c.remote, c.remote_port),
            (false, false) => format!("{}:{}", c.remote, c.remote_port),
        }
    }

    /// Serves once at `now_ms`: accepts, answers each complete request, closes. Log lines (with
    /// `-v`) go to `log`; what happened to `events`.
    pub fn service(
        &mut self,
        net: &mut NetNamespace,
        docroot: &dyn DocRoot,
        now_ms: u64,
        log: &mut Vec<String>,
        events: &mut Vec<EventKind>,
    ) {
        accept_all(net, std::slice::from_ref(&self.listener), &mut self.clients);
        let mut answered = Vec::new();
        for (i, c) in self.clients.iter_mut().enumerate() {
            c.read(net);
            if c.close_after {
                c.flush(net, now_ms);
                continue;
            }
            let ParsedRequest::Complete(req, _) = parse_request(&head_so_far(c, net), &c.local)
            else {
                continue;
            };
            c.inbox.clear();
            let resp = respond(&req, docroot, now_ms);
            record_exchange(events, &req, &resp, self.home.trim_end_matches('/'), true);
            answered.push((i, req.target.clone(), resp.status));
            let head = resp.head_bytes();
            if resp.served.is_some() {
                c.outbox.push_back(head);
                c.outbox.push_back(resp.body);
            } else {
                let mut page = head;
                page.extend_from_slice(&resp.body);
                c.outbox.push_back(page);
            }
            c.outbox.retain(|w| !w.is_empty());
            c.close_after = true;
            c.flush(net, now_ms);
        }
        for (i, target, status) in answered {
            let Some(c) = self.clients.get(i) else {
                continue;
            };
            let peer = self.peer(c);
            if self.verbose >= 2 {
                log.push(format!("{peer}: url:{target}"));
            }
            if self.verbose >= 1 {
                log.push(format!("{peer}: response:{status}"));
            }
        }
        close_finished(net, &mut self.clients);
    }

    /// Stops it: closes the listener and every client connection.
    pub fn stop(&mut self, net: &mut NetNamespace) {
        net.close_listener(self.listener);
        for c in self.clients.drain(..) {
            net.close(c.socket);
        }
    }
}

/// What httpd has of a request's head: once the client has closed its side, the head ends
/// there (BusyBox reads header lines until a blank one or the end of input, so `printf 'GET /
/// HTTP/1.0\r\n' | nc` is answered).
fn head_so_far(c: &Client, net: &NetNamespace) -> Vec<u8> {
    let mut head = c.inbox.clone();
    if net.peer_closed(c.socket) && !head.is_empty() {
        if !head.ends_with(b"\n") {
            head.extend_from_slice(b"\r\n");
        }
        head.extend_from_slice(b"\r\n");
    }
    head
}
