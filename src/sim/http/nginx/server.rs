//! nginx as a process on the pod's network namespace: the master binds `0.0.0.0:80` and
//! `[::]:80`, the worker accepts, reads whole requests, answers (headers and body as two writes,
//! as `sendfile on` makes real nginx do), closes per keep-alive rules and logs each request.

use std::collections::VecDeque;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::super::message::{parse_request, ParsedRequest};
use super::{access_log_line, respond, DocRoot};
use crate::sim::event::EventKind;
use crate::sim::net::{NetNamespace, Owner, SocketId};

/// The document root of the official image's `default.conf`.
pub const ROOT: &str = "/usr/share/nginx/html";

/// One client connection the worker holds.
#[derive(Debug, Clone)]
struct Client {
    socket: SocketId,
    /// Bytes received and not yet parsed into a request.
    inbox: Vec<u8>,
    /// Writes not yet accepted by the socket, in order (one element per `write`).
    outbox: VecDeque<Vec<u8>>,
    /// Close once the outbox is empty.
    close_after: bool,
    /// Peer address text for the access log (`127.0.0.1`).
    remote: String,
    /// Our address on this connection (for a `Location` without `Host`).
    local: String,
}

/// A running nginx (master + one worker) in a container.
#[derive(Debug, Clone)]
pub struct Nginx {
    /// The container it runs in.
    pub container: String,
    /// PID of the master process.
    pub master_pid: u32,
    /// PID of the worker process (owner of accepted connections).
    pub worker_pid: u32,
    listeners: Vec<SocketId>,
    clients: Vec<Client>,
}

fn addr_text(a: IpAddr) -> String {
    match a {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => v6
            .to_ipv4_mapped()
            .map_or_else(|| v6.to_string(), |m| m.to_string()),
    }
}

impl Nginx {
    /// Starts nginx: binds both listening sockets. On `EADDRINUSE` returns what nginx 1.22.1
    /// prints on stderr (five tries of both addresses, then `still could not bind()`), having
    /// released anything it bound.
    pub fn start(
        net: &mut NetNamespace,
        container: &str,
        master_pid: u32,
        worker_pid: u32,
        now_ms: u64,
    ) -> Result<Nginx, String> {
        let owner = Owner {
            container: container.to_string(),
            pid: master_pid,
            program: "nginx".to_string(),
        };
        let addrs = [
            (IpAddr::V4(Ipv4Addr::UNSPECIFIED), "0.0.0.0:80"),
            (IpAddr::V6(Ipv6Addr::UNSPECIFIED), "[::]:80"),
        ];
        let mut listeners = Vec::new();
        let mut failures = Vec::new();
        for (addr, shown) in addrs {
            match net.listen(owner.clone(), addr, 80, now_ms) {
                Ok(id) => listeners.push(id),
                Err(e) => failures.push(format!(
                    "nginx: [emerg] bind() to {shown} failed ({}: {})\n",
                    e.errno(),
                    e.strerror()
                )),
            }
        }
        if failures.is_empty() {
            return Ok(Nginx {
                container: container.to_string(),
                master_pid,
                worker_pid,
                listeners,
                clients: Vec::new(),
            });
        }
        for id in listeners {
            net.close_listener(id);
        }
        let mut text = String::new();
        for _ in 0..5 {
            text.push_str(&failures.concat());
        }
        text.push_str("nginx: [emerg] still could not bind()\n");
        Err(text)
    }

    /// Whether a connection is open with a client.
    pub fn has_clients(&self) -> bool {
        !self.clients.is_empty()
    }

    /// Runs the worker once at `now_ms`: accepts, reads, answers, closes. Access-log lines go to
    /// `stdout` (the image links access.log to the container's stdout); what happened to `events`.
    pub fn service(
        &mut self,
        net: &mut NetNamespace,
        docroot: &dyn DocRoot,
        now_ms: u64,
        stdout: &mut Vec<String>,
        events: &mut Vec<EventKind>,
    ) {
        for &l in &self.listeners {
            while let Some(socket) = net.accept(l) {
                let remote = net
                    .remote_endpoint(socket)
                    .map(|a| addr_text(a.ip()))
                    .unwrap_or_default();
                let local = net
                    .local_endpoint(socket)
                    .map(|a| addr_text(a.ip()))
                    .unwrap_or_default();
                self.clients.push(Client {
                    socket,
                    inbox: Vec::new(),
                    outbox: VecDeque::new(),
                    close_after: false,
                    remote,
                    local,
                });
            }
        }
        let mut done = Vec::new();
        for (i, c) in self.clients.iter_mut().enumerate() {
            if let Ok(bytes) = net.recv(c.socket) {
                c.inbox.extend_from_slice(&bytes);
            }
            while !c.close_after {
                let ParsedRequest::Complete(req, used) = parse_request(&c.inbox, &c.local) else {
                    break;
                };
                c.inbox.drain(..used.min(c.inbox.len()));
                let resp = respond(&req, docroot, now_ms);
                events.push(EventKind::HttpRequest {
                    method: req.method.clone(),
                    target: req.target.clone(),
                    version: req.version(),
                    host: req.header("Host").unwrap_or("").to_string(),
                });
                if let Some(f) = &resp.served {
                    if req.method != "HEAD" {
                        events.push(EventKind::FileRead {
                            path: format!("{ROOT}{}", f.path),
                            inode: f.ino,
                            size: f.size,
                            volume: f.volume.clone(),
                        });
                    }
                }
                events.push(EventKind::HttpResponse {
                    status: resp.status,
                    reason: resp.reason().to_string(),
                    content_length: resp.content_length(),
                });
                let line = access_log_line(&req, &resp, &c.remote, now_ms);
                events.push(EventKind::AccessLog { line: line.clone() });
                stdout.push(line);
                let head = resp.head_bytes();
                if !head.is_empty() {
                    c.outbox.push_back(head);
                }
                if !resp.body.is_empty() {
                    c.outbox.push_back(resp.body);
                }
                c.close_after = !resp.keep_alive;
            }
            flush(net, c, now_ms);
            if c.outbox.is_empty() && (c.close_after || net.peer_closed(c.socket)) {
                net.close(c.socket);
                done.push(i);
            }
        }
        for i in done.into_iter().rev() {
            if i < self.clients.len() {
                self.clients.remove(i);
            }
        }
    }

    /// Stops nginx: closes the listeners and every client connection.
    pub fn stop(&mut self, net: &mut NetNamespace) {
        for id in self.listeners.drain(..) {
            net.close_listener(id);
        }
        for c in self.clients.drain(..) {
            net.close(c.socket);
        }
    }
}

/// Sends queued writes; each write after the first leaves as its own segment (a poll between).
fn flush(net: &mut NetNamespace, c: &mut Client, now_ms: u64) {
    while let Some(front) = c.outbox.front_mut() {
        match net.send(c.socket, front) {
            Ok(n) if n >= front.len() => {
                c.outbox.pop_front();
                if !c.outbox.is_empty() {
                    net.poll(now_ms);
                }
            }
            Ok(n) => {
                front.drain(..n);
                break;
            }
            Err(_) => {
                c.outbox.clear();
                c.close_after = true;
            }
        }
    }
}
