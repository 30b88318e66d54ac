//! One GET over the pod's network namespace: resolve, connect to the first address (both wgets
//! try IPv4 first, as the recordings show), send the flavour's request, read to the end.

use std::net::IpAddr;

use super::{Flavour, Options};
use crate::sim::http::curl::{resolve, wait, CurlCtx, DEFAULT_CAP_MS};
use crate::sim::http::url::{self, Url};
use crate::sim::net::TcpState;

/// A parsed response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// Status code.
    pub code: u16,
    /// Reason phrase (`Not Found`).
    pub reason: String,
    /// `HTTP/1.1`.
    pub version: String,
    /// `Content-Type`, if sent.
    pub content_type: Option<String>,
    /// `Content-Length`, if sent.
    pub length: Option<usize>,
    /// The body.
    pub body: Vec<u8>,
}

/// How a GET ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The URL does not parse.
    BadUrl,
    /// No address for the host.
    Unresolved(Url),
    /// Connecting was refused.
    Refused(Url, IpAddr),
    /// Nothing answered in time.
    TimedOut(Url, IpAddr),
    /// The server closed without a response.
    NoReply(Url, IpAddr),
    /// A response.
    Replied(Url, IpAddr, Reply),
}

/// Fetches `raw` once.
pub fn get(raw: &str, opts: &Options, flavour: Flavour, ctx: &mut CurlCtx) -> Outcome {
    let Ok(u) = url::parse(raw, false) else {
        return Outcome::BadUrl;
    };
    let Some(ip) = resolve(&u.host, ctx.hosts_file).into_iter().next() else {
        return Outcome::Unresolved(u);
    };
    let deadline = ctx
        .now_ms
        .saturating_add(opts.timeout_ms.unwrap_or(DEFAULT_CAP_MS));
    let Ok(socket) = ctx.net.connect(ctx.owner.clone(), ip, u.port, *ctx.now_ms) else {
        return Outcome::Refused(u, ip);
    };
    let connected = wait(ctx, deadline, |n| {
        n.is_refused(socket) || n.state(socket) == TcpState::Established
    });
    if !connected {
        ctx.net.close(socket);
        return Outcome::TimedOut(u, ip);
    }
    if ctx.net.state(socket) != TcpState::Established {
        return Outcome::Refused(u, ip);
    }
    let _ = ctx.net.send(socket, request(&u, flavour).as_bytes());
    let mut buf = Vec::new();
    let finished = wait(ctx, deadline, |n| {
        if let Ok(b) = n.recv(socket) {
            buf.extend_from_slice(&b);
        }
        let closed = n.peer_closed(socket) || n.state(socket) == TcpState::Closed;
        closed || parse(&buf).is_some_and(|r| r.length.is_some_and(|l| r.body.len() >= l))
    });
    ctx.net.close(socket);
    let until = ctx.now_ms.saturating_add(5);
    wait(ctx, until, |n| {
        matches!(n.state(socket), TcpState::Closed | TcpState::TimeWait)
    });
    match parse(&buf) {
        Some(reply) => Outcome::Replied(u, ip, reply),
        None if finished => Outcome::NoReply(u, ip),
        None => Outcome::TimedOut(u, ip),
    }
}

/// The request each wget sends (BusyBox closes after one response; GNU asks to keep alive).
fn request(u: &Url, flavour: Flavour) -> String {
    let host = u.host_header();
    match flavour {
        Flavour::Busybox => format!(
            "GET {} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: Wget\r\nConnection: close\r\n\r\n",
            u.path
        ),
        Flavour::Gnu => format!(
            "GET {} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: Wget/1.21.3\r\nAccept: */*\r\nAccept-Encoding: identity\r\nConnection: Keep-Alive\r\n\r\n",
            u.path
        ),
    }
}

/// The response in `buf`, once its head is complete.
fn parse(buf: &[u8]) -> Option<Reply> {
    let mut headers = [httparse::EMPTY_HEADER; 32];
    let mut response = httparse::Response::new(&mut headers);
    let httparse::Status::Complete(head_len) = response.parse(buf).ok()? else {
        return None;
    };
    let header = |name: &str| {
        response
            .headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).into_owned())
    };
    let length = header("Content-Length").and_then(|v| v.trim().parse().ok());
    let mut body = buf.get(head_len..).unwrap_or(&[]).to_vec();
    if let Some(l) = length {
        body.truncate(l);
    }
    Some(Reply {
        code: response.code.unwrap_or(0),
        reason: response.reason.unwrap_or("").to_string(),
        version: format!("HTTP/1.{}", response.version.unwrap_or(1)),
        content_type: header("Content-Type"),
        length,
        body,
    })
}
