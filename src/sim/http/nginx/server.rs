//! nginx as a process on the pod's network namespace: the master binds `0.0.0.0:80` and
//! `[::]:80`, the worker accepts, reads whole requests, answers (headers and body as two writes,
//! as `sendfile on` makes real nginx do), closes per keep-alive rules and logs each request.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::super::conn::{accept_all, close_finished, record_exchange, Client};
use super::super::message::{parse_request, ParsedRequest};
use super::{access_log_line, respond, DocRoot};
use crate::sim::event::EventKind;
use crate::sim::net::{NetNamespace, Owner, SocketId};

/// The document root of the official image's `default.conf`.
pub const ROOT: &str = "/usr/share/nginx/html";

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
        accept_all(net, &self.listeners, &mut self.clients);
        for c in &mut self.clients {
            c.read(net);
            while !c.close_after {
                let ParsedRequest::Complete(req, used) = parse_request(&c.inbox, &c.local) else {
                    break;
                };
                c.inbox.drain(..used.min(c.inbox.len()));
                let resp = respond(&req, docroot, now_ms);
                record_exchange(events, &req, &resp, ROOT, req.method != "HEAD");
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
            c.flush(net, now_ms);
        }
        close_finished(net, &mut self.clients);
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
