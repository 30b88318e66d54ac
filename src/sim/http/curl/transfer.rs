//! One URL's transfer: resolve, connect (each address in turn), send the request, read the
//! response, follow redirects with `-L`, and say what happened the way curl 7.88.1 does.

use std::net::IpAddr;

use super::args::Options;
use super::report::{self, Reply};
use super::{CurlCtx, CurlResult};
use crate::sim::http::url::{self, Url};
use crate::sim::net::{NetNamespace, SocketId, TcpState};

/// Rounds without progress (1 ms each) after which curl gives up when no `--max-time` is set.
pub const DEFAULT_CAP_MS: u64 = 300_000;

/// Addresses of `host`: an IP literal, else every `/etc/hosts` match, IPv4 first (what curl tried
/// first in the recordings).
pub fn resolve(host: &str, hosts_file: &str) -> Vec<IpAddr> {
    if let Ok(ip) = host.parse::<IpAddr>() {
        return vec![ip];
    }
    let mut found: Vec<IpAddr> = hosts_file
        .lines()
        .map(|l| l.split('#').next().unwrap_or(""))
        .filter_map(|l| {
            let mut words = l.split_whitespace();
            let ip = words.next()?.parse::<IpAddr>().ok()?;
            words.any(|n| n.eq_ignore_ascii_case(host)).then_some(ip)
        })
        .collect();
    found.sort_by_key(|a| a.is_ipv6());
    found.dedup();
    found
}

/// Runs rounds (servers step, stack polls) until `done` holds or the deadline passes; the clock
/// moves 1 ms only after a round in which nothing happened (wget waits the same way).
pub(crate) fn wait(
    ctx: &mut CurlCtx,
    deadline: u64,
    mut done: impl FnMut(&mut NetNamespace) -> bool,
) -> bool {
    loop {
        let now = *ctx.now_ms;
        (ctx.step)(ctx.net, now);
        let moved = ctx.net.poll(now);
        if done(ctx.net) {
            return true;
        }
        if !moved {
            if now >= deadline {
                return false;
            }
            *ctx.now_ms = now.saturating_add(1);
        }
    }
}

fn fail(ctx: &mut CurlCtx, opts: &Options, code: i32, msg: &str) -> i32 {
    if !opts.silent || opts.show_error {
        ctx.out.err(format!("curl: ({code}) {msg}\n"));
    }
    code
}

fn verbose(ctx: &mut CurlCtx, opts: &Options, line: &str) {
    if opts.verbose {
        ctx.out.err(format!("{line}\n"));
    }
}

/// An open connection: socket, the address it reached, curl's number for it.
struct Conn {
    socket: SocketId,
    ip: IpAddr,
    host: String,
    port: u16,
    number: u32,
}

fn connect(
    u: &Url,
    opts: &Options,
    ctx: &mut CurlCtx,
    number: u32,
    start: u64,
    deadline: u64,
) -> Result<Conn, i32> {
    let addrs = resolve(&u.host, ctx.hosts_file);
    if addrs.is_empty() {
        verbose(ctx, opts, &format!("* Could not resolve host: {}", u.host));
        verbose(ctx, opts, &format!("* Closing connection {number}"));
        return Err(fail(
            ctx,
            opts,
            6,
            &format!("Could not resolve host: {}", u.host),
        ));
    }
    for ip in addrs {
        let shown = if ip.is_ipv6() {
            format!("[{ip}]")
        } else {
            ip.to_string()
        };
        verbose(ctx, opts, &format!("*   Trying {shown}:{}...", u.port));
        let Ok(socket) = ctx.net.connect(ctx.owner.clone(), ip, u.port, *ctx.now_ms) else {
            verbose(
                ctx,
                opts,
                &format!(
                    "* connect to {ip} port {} failed: Network is unreachable",
                    u.port
                ),
            );
            continue;
        };
        let ok = wait(ctx, deadline, |n| {
            n.is_refused(socket) || n.state(socket) == TcpState::Established
        });
        if ok && ctx.net.state(socket) == TcpState::Established {
            verbose(
                ctx,
                opts,
                &format!(
                    "* Connected to {} ({ip}) port {} (#{number})",
                    u.host, u.port
                ),
            );
            return Ok(Conn {
                socket,
                ip,
                host: u.host.clone(),
                port: u.port,
                number,
            });
        }
        if !ok {
            let ms = ctx.now_ms.saturating_sub(start);
            return Err(fail(
                ctx,
                opts,
                28,
                &format!("Connection timed out after {ms} milliseconds"),
            ));
        }
        verbose(
            ctx,
            opts,
            &format!(
                "* connect to {ip} port {} failed: Connection refused",
                u.port
            ),
        );
    }
    let ms = ctx.now_ms.saturating_sub(start);
    let msg = format!(
        "Failed to connect to {} port {} after {ms} ms: Couldn't connect to server",
        u.host, u.port
    );
    verbose(ctx, opts, &format!("* {msg}"));
    verbose(ctx, opts, &format!("* Closing connection {number}"));
    Err(fail(ctx, opts, 7, &msg))
}

/// Transfers one URL.
pub fn run(raw_url: &str, opts: &Options, ctx: &mut CurlCtx) -> CurlResult {
    let mut files = Vec::new();
    let mut u = match url::parse(raw_url, opts.path_as_is) {
        Ok(u) => u,
        Err(e) => {
            return CurlResult {
                status: fail(ctx, opts, e.code(), &e.message()),
                files,
            }
        }
    };
    let start = *ctx.now_ms;
    let deadline = start.saturating_add(opts.max_time_ms.unwrap_or(DEFAULT_CAP_MS));
    let mut conn: Option<Conn> = None;
    let mut connects = 0u32;
    let mut redirects = 0u32;
    loop {
        let c = match conn.take() {
            Some(c) => c,
            None => match connect(&u, opts, ctx, connects, start, deadline) {
                Ok(c) => {
                    connects = connects.saturating_add(1);
                    c
                }
                Err(code) => {
                    report::write_out(ctx, opts, None, &u, code, connects);
                    return CurlResult {
                        status: code,
                        files,
                    };
                }
            },
        };
        let request = report::request_bytes(&u, opts);
        report::show_request(ctx, opts, &request);
        let _ = ctx.net.send(c.socket, &request);
        let head_only = opts.head;
        let mut buf = Vec::new();
        let mut reply: Option<Reply> = None;
        let socket = c.socket;
        let finished = wait(ctx, deadline, |n| {
            if let Ok(b) = n.recv(socket) {
                buf.extend_from_slice(&b);
            }
            if reply.is_none() {
                reply = Reply::parse(&buf, head_only);
            }
            let closed = n.peer_closed(socket) || n.state(socket) == TcpState::Closed;
            match &reply {
                Some(r) => {
                    r.body_len(&buf)
                        .is_some_and(|have| r.expected.is_some_and(|e| have >= e))
                        || closed
                }
                None => closed,
            }
        });
        let Some(r) = reply else {
            ctx.net.close(socket);
            let code = if finished { 52 } else { 28 };
            let msg = if finished {
                "Empty reply from server".to_string()
            } else {
                format!(
                    "Operation timed out after {} milliseconds with 0 bytes received",
                    ctx.now_ms.saturating_sub(start)
                )
            };
            return CurlResult {
                status: fail(ctx, opts, code, &msg),
                files,
            };
        };
        let body = buf.get(r.head_len..).unwrap_or(&[]).to_vec();
        let follow =
            opts.location && (300..400).contains(&r.status) && r.header("Location").is_some();
        let failed = opts.fail && r.status >= 400;
        report::show_head(ctx, opts, &r, &buf, follow, failed);
        if !finished {
            ctx.net.close(socket);
            let got = body.len();
            let msg = match r.expected {
                Some(e) => format!("Operation timed out after {} milliseconds with {got} out of {e} bytes received", ctx.now_ms.saturating_sub(start)),
                None => format!("Operation timed out after {} milliseconds with {got} bytes received", ctx.now_ms.saturating_sub(start)),
            };
            return CurlResult {
                status: fail(ctx, opts, 28, &msg),
                files,
            };
        }
        if failed {
            verbose(
                ctx,
                opts,
                &format!("* The requested URL returned error: {}", r.status),
            );
            verbose(ctx, opts, &format!("* Closing connection {}", c.number));
            close_and_drain(ctx, socket);
            let code = fail(
                ctx,
                opts,
                22,
                &format!("The requested URL returned error: {}", r.status),
            );
            report::write_out(ctx, opts, Some((&r, &body)), &u, code, connects);
            return CurlResult {
                status: code,
                files,
            };
        }
        let keep = r.keep_alive(opts.http10) && !ctx.net.peer_closed(socket);
        if follow {
            verbose(ctx, opts, "* Ignoring the response-body");
        } else {
            report::show_body(ctx, opts, &body, &mut files);
        }
        if keep {
            verbose(
                ctx,
                opts,
                &format!("* Connection #{} to host {} left intact", c.number, c.host),
            );
        } else {
            verbose(ctx, opts, &format!("* Closing connection {}", c.number));
        }
        let next = if follow {
            r.header("Location").map(|l| u.join(l))
        } else {
            None
        };
        match next {
            Some(Ok(n)) if redirects < 50 => {
                redirects = redirects.saturating_add(1);
                verbose(
                    ctx,
                    opts,
                    &format!(
                        "* Issue another request to this URL: '{}'",
                        n.to_url_string()
                    ),
                );
                if keep && n.host == c.host && n.port == c.port {
                    verbose(
                        ctx,
                        opts,
                        "* Found bundle for host: 0x5560eab57200 [serially]",
                    );
                    verbose(ctx, opts, "* Can not multiplex, even if we wanted to");
                    verbose(
                        ctx,
                        opts,
                        &format!(
                            "* Re-using existing connection #{} with host {}",
                            c.number, c.host
                        ),
                    );
                    conn = Some(c);
                } else {
                    close_and_drain(ctx, socket);
                }
                u = n;
            }
            _ => {
                let _ = c.ip;
                close_and_drain(ctx, socket);
                report::progress(ctx, opts, body.len(), start);
                report::write_out(ctx, opts, Some((&r, &body)), &u, 0, connects);
                return CurlResult { status: 0, files };
            }
        }
    }
}

/// curl exits: its socket closes (FIN first, as in the golden pcap) and the rounds continue until
/// the exchange settles.
fn close_and_drain(ctx: &mut CurlCtx, socket: SocketId) {
    ctx.net.close(socket);
    let until = ctx.now_ms.saturating_add(5);
    wait(ctx, until, |n| {
        matches!(n.state(socket), TcpState::Closed | TcpState::TimeWait)
    });
}
