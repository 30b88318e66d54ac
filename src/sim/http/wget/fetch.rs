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
    /// `Location`, if sent.
    pub location: Option<String>,
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

impl Outcome {
    /// The URL and address it connected to, if it got that far.
    pub fn connection(&self) -> Option<(&Url, IpAddr)> {
        match self {
            Outcome::Refused(u, ip)
            | Outcome::TimedOut(u, ip)
            | Outcome::NoReply(u, ip)
            | Outcome::Replied(u, ip, _) => Some((u, *ip)),
            Outcome::BadUrl | Outcome::Unresolved(_) => None,
        }
    }
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

/// How many redirects BusyBox's wget follows before `too many redirections`.
const BUSYBOX_REDIRECTS: usize = 5;

/// Where BusyBox's wget got to after following redirects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Followed {
    /// How the last GET ended; `None` after too many redirections.
    pub outcome: Option<Outcome>,
    /// The connections that print `Connecting to`, in order (the first names the download).
    pub announced: Vec<(Url, IpAddr)>,
}

/// Fetches `raw` as BusyBox's wget does, following redirects: a `Location` on the same server
/// (`/sub/`) reuses the connection's address; any other is resolved and connected to anew.
pub fn follow(raw: &str, opts: &Options, ctx: &mut CurlCtx) -> Followed {
    let mut announced = Vec::new();
    let mut outcome = get(raw, opts, Flavour::Busybox, ctx);
    for _ in 0..=BUSYBOX_REDIRECTS {
        let Some((u, ip)) = outcome.connection() else {
            return Followed {
                outcome: Some(outcome),
                announced,
            };
        };
        if announced.is_empty() {
            announced.push((u.clone(), ip));
        }
        let redirect = match &outcome {
            Outcome::Replied(_, _, r) if matches!(r.code, 301 | 302 | 303 | 307 | 308) => {
                r.location.clone()
            }
            _ => None,
        };
        let Some(location) = redirect else {
            return Followed {
                outcome: Some(outcome),
                announced,
            };
        };
        let same_server = location.starts_with('/') && !location.starts_with("//");
        let next = if same_server {
            format!("http://{}{location}", u.host_header())
        } else {
            location
        };
        outcome = get(&next, opts, Flavour::Busybox, ctx);
        if let Some((u, ip)) = outcome.connection().filter(|_| !same_server) {
            announced.push((u.clone(), ip));
        }
    }
    Followed {
        outcome: None,
        announced,
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
        location: header("Location"),
        body,
    })
}
