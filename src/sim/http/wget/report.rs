//! What each wget prints about a GET, and where the body goes (stdout or a file).

use super::fetch::{Followed, Outcome, Reply};
use super::Options;
use crate::sim::clock;
use crate::sim::http::curl::CurlCtx;
use crate::sim::http::url::Url;

/// What BusyBox's wget prints after following redirects ([`super::fetch::follow`]).
pub fn show_busybox(
    followed: &Followed,
    raw: &str,
    opts: &Options,
    ctx: &mut CurlCtx,
    files: &mut Vec<(String, Vec<u8>)>,
) -> i32 {
    let announced = &followed.announced;
    match &followed.outcome {
        Some(o) => busybox(o, announced, raw, opts, ctx, files),
        None => {
            announce(announced, opts, ctx);
            ctx.out.err("wget: too many redirections\n");
            1
        }
    }
}

/// BusyBox's `Connecting to HOST (IP:PORT)` lines, unless quiet.
fn announce(announced: &[(Url, std::net::IpAddr)], opts: &Options, ctx: &mut CurlCtx) {
    if opts.quiet {
        return;
    }
    for (u, ip) in announced {
        let shown = if u.explicit_port {
            format!("{}:{}", u.host, u.port)
        } else {
            u.host.clone()
        };
        ctx.out
            .err(format!("Connecting to {shown} ({ip}:{})\n", u.port));
    }
}

/// The name a download is saved under: `-O`, else the last path component, else `index.html`.
fn target(u: &Url, opts: &Options) -> String {
    if let Some(o) = &opts.output {
        return o.clone();
    }
    let path = u.path.split(['?', '#']).next().unwrap_or("");
    match path.rsplit('/').next() {
        Some(name) if !name.is_empty() => name.to_string(),
        _ => "index.html".to_string(),
    }
}

fn deliver(name: &str, body: &[u8], ctx: &mut CurlCtx, files: &mut Vec<(String, Vec<u8>)>) {
    if name == "-" {
        ctx.out.out(body);
    } else {
        files.push((name.to_string(), body.to_vec()));
    }
}

fn busybox(
    outcome: &Outcome,
    announced: &[(Url, std::net::IpAddr)],
    raw: &str,
    opts: &Options,
    ctx: &mut CurlCtx,
    files: &mut Vec<(String, Vec<u8>)>,
) -> i32 {
    announce(announced, opts, ctx);
    match outcome {
        Outcome::BadUrl => ctx.out.err(format!("wget: bad address '{raw}'\n")),
        Outcome::Unresolved(u) => ctx.out.err(format!("wget: bad address '{}'\n", u.host)),
        Outcome::Refused(_, ip) => {
            ctx.out.err(format!(
                "wget: {}",
                crate::sim::http::nc::connect_failure(*ip, "Connection refused")
            ));
        }
        Outcome::TimedOut(..) => ctx.out.err("wget: download timed out\n"),
        Outcome::NoReply(..) => ctx.out.err("wget: error getting response\n"),
        Outcome::Replied(u, _, r) => {
            let u = announced.first().map_or(u, |(first, _)| first);
            if !(200..300).contains(&r.code) {
                ctx.out.err(format!(
                    "wget: server returned error: {} {} {}\n",
                    r.version, r.code, r.reason
                ));
                return 1;
            }
            let name = target(u, opts);
            if !opts.quiet {
                ctx.out.err(if name == "-" {
                    "writing to stdout\n".to_string()
                } else {
                    format!("saving to '{name}'\n")
                });
            }
            deliver(&name, &r.body, ctx, files);
            if !opts.quiet {
                let stars = "*".repeat(32);
                ctx.out.err(format!(
                    "{name:<20} 100% |{stars}| {:>5}  0:00:00 ETA\n",
                    busybox_size(r.body.len())
                ));
                ctx.out.err(if name == "-" {
                    "written to stdout\n".to_string()
                } else {
                    format!("'{name}' saved\n")
                });
            }
            return 0;
        }
    }
    1
}

/// BusyBox's progress size column: bytes up to 99999, then `k`/`M` multiples of 1024.
fn busybox_size(bytes: usize) -> String {
    let mut size = bytes;
    for unit in ["", "k", "M", "G"] {
        if size < 100_000 {
            return format!("{size}{unit}");
        }
        size /= 1024;
    }
    format!("{size}T")
}

/// The rate GNU wget reports (podscope's transfers take no wall time).
const SPEED: &str = "16.5";

/// Prints what GNU wget prints for `outcome`, queues the file to write; returns the status.
pub fn show_gnu(
    outcome: &Outcome,
    raw: &str,
    opts: &Options,
    ctx: &mut CurlCtx,
    files: &mut Vec<(String, Vec<u8>)>,
) -> i32 {
    let loud = !opts.quiet;
    let c = clock::civil(*ctx.now_ms);
    let stamp = format!(
        "{}-{:02}-{:02} {:02}:{:02}:{:02}",
        c.year, c.month, c.day, c.hour, c.minute, c.second
    );
    let (u, ip) = match outcome {
        Outcome::BadUrl => {
            ctx.out.err(format!("{raw}: Invalid URL.\n"));
            return 1;
        }
        Outcome::Unresolved(u) => {
            if loud {
                ctx.out.err(format!("--{stamp}--  {}\nResolving {h} ({h})... failed: Name or service not known.\nwget: unable to resolve host address ‘{h}’\n", u.to_url_string(), h = u.host));
            }
            return 4;
        }
        Outcome::Refused(u, ip)
        | Outcome::TimedOut(u, ip)
        | Outcome::NoReply(u, ip)
        | Outcome::Replied(u, ip, _) => (u, ip),
    };
    if loud {
        ctx.out.err(format!("--{stamp}--  {}\n", u.to_url_string()));
        if u.host.parse::<std::net::IpAddr>().is_ok() {
            ctx.out
                .err(format!("Connecting to {}:{}... ", u.host, u.port));
        } else {
            ctx.out.err(format!(
                "Resolving {h} ({h})... {ip}\nConnecting to {h} ({h})|{ip}|:{}... ",
                u.port,
                h = u.host
            ));
        }
    }
    let reply: &Reply = match outcome {
        Outcome::Replied(_, _, r) => r,
        Outcome::Refused(..) => {
            if loud {
                ctx.out.err("failed: Connection refused.\n");
            }
            return 4;
        }
        _ => {
            if loud {
                ctx.out
                    .err("connected.\nHTTP request sent, awaiting response... No data received.\n");
            }
            return 4;
        }
    };
    if loud {
        ctx.out.err(format!(
            "connected.\nHTTP request sent, awaiting response... {} {}\n",
            reply.code, reply.reason
        ));
    }
    if !(200..300).contains(&reply.code) {
        if loud {
            ctx.out.err(format!(
                "{stamp} ERROR {}: {}.\n\n",
                reply.code, reply.reason
            ));
        }
        return 8;
    }
    let name = target(u, opts);
    if loud {
        let kind = reply.content_type.as_deref().unwrap_or("");
        let length = reply
            .length
            .map_or("unspecified".to_string(), |l| l.to_string());
        let shown = if name == "-" {
            "STDOUT".to_string()
        } else {
            format!("‘{name}’")
        };
        ctx.out
            .err(format!("Length: {length} [{kind}]\nSaving to: {shown}\n\n"));
    }
    deliver(&name, &reply.body, ctx, files);
    if loud {
        let len = reply.body.len();
        let saved = if name == "-" {
            "written to stdout".to_string()
        } else {
            format!("‘{name}’ saved")
        };
        // The transfer rate is a fixed stand-in (a real loopback gives a few MB/s).
        ctx.out.err(format!(
            "     0K {:<50} 100% {SPEED}M=0s\n\n{stamp} ({SPEED} MB/s) - {saved} [{len}/{len}]\n\n",
            ""
        ));
    }
    0
}
