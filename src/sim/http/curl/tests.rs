//! curl driven against nginx over a real [`NetNamespace`], compared with the recordings of the
//! real programs (shared goldens and `tests/golden-local/`), after the README's normalizations.

use super::*;
use crate::sim::http::nginx::testroot::MemRoot;
use crate::sim::http::nginx::{DocRoot, Nginx};
use crate::sim::net::NetNamespace;

const HOSTS: &str =
    "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n10.244.1.5\ttwo-containers\n";

/// Runs one shell-free command line (`curl ...`) in a fresh pod; returns (terminal bytes, exit).
fn run_line(line: &str, root: &dyn DocRoot) -> (String, i32, NetNamespace, Vec<String>) {
    let mut net = NetNamespace::new([10, 244, 1, 5]);
    let mut nginx = Nginx::start(&mut net, "nginx-container", 1, 29, 0).unwrap();
    let argv = split_words(line);
    let mut out = Output::default();
    let mut now = 1_000u64;
    let mut log = Vec::new();
    let mut events = Vec::new();
    let result = {
        let mut step =
            |n: &mut NetNamespace, t: u64| nginx.service(n, root, t, &mut log, &mut events);
        let mut ctx = CurlCtx {
            net: &mut net,
            owner: Owner {
                container: "debian-container".into(),
                pid: 40,
                program: "curl".into(),
            },
            hosts_file: HOSTS,
            now_ms: &mut now,
            out: &mut out,
            tty: true,
            step: &mut step,
        };
        curl(&argv, &mut ctx)
    };
    (
        String::from_utf8_lossy(&out.interleaved()).into_owned(),
        result.status,
        net,
        log,
    )
}

fn split_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !cur.is_empty() {
                    words.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
}

/// README normalizations: versions, dates, ETag mtime, ANSI/OSC 8 escapes, carriage returns.
fn normalize(s: &str) -> String {
    let mut t = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            match chars.next() {
                Some('[') => while chars.next().is_some_and(|x| !x.is_ascii_alphabetic()) {},
                Some(']') => {
                    while let Some(x) = chars.next() {
                        if x == '\x1b' {
                            chars.next();
                            break;
                        }
                    }
                }
                _ => {}
            }
        } else if c != '\r' {
            t.push(c);
        }
    }
    t.lines()
        .map(|l| {
            let mut l = l
                .replace("nginx/1.22.1", "nginx/VERSION")
                .replace("curl/7.88.1", "curl/VERSION");
            // Local recordings only: real connect times on a busy machine vary ("after 3 ms").
            if let Some((pre, post)) = l.split_once(" after ") {
                if let Some((_, tail)) = post.split_once(" ms") {
                    l = format!("{pre} after N ms{tail}");
                }
            }
            if let Some((pre, _)) = l
                .split_once("Date: ")
                .or_else(|| l.split_once("Last-Modified: "))
            {
                let name = if l.contains("Date: ") && !l.contains("Last-Modified") {
                    "Date"
                } else {
                    "Last-Modified"
                };
                format!("{pre}{name}: DATE")
            } else if let Some((pre, tag)) = l.split_once("ETag: \"") {
                format!("{pre}ETag: \"X-{}", tag.split('-').nth(1).unwrap_or(""))
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Checks one transcript file (`$ cmd`, output, `[exit N]`) against the simulation.
fn check(path: &str, root: &dyn DocRoot) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    let cmd = lines
        .next()
        .unwrap()
        .strip_prefix("$ ")
        .unwrap()
        .to_string();
    let body: Vec<&str> = lines.collect();
    let (last, output) = body.split_last().unwrap();
    let exit: i32 = last
        .trim_start_matches("[exit ")
        .trim_end_matches(']')
        .parse()
        .unwrap();
    let (got, status, _, _) = run_line(&cmd, root);
    let want = normalize(&output.join("\n"));
    assert_eq!(
        normalize(&got).trim_end_matches('\n'),
        want.trim_end_matches('\n'),
        "{path}"
    );
    assert_eq!(status, exit, "{path}");
}

fn golden(name: &str) -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/golden/").to_string() + name
}

fn local(name: &str) -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden-local/").to_string() + name
}

fn root_with(index: Option<&str>) -> MemRoot {
    let mut r = MemRoot {
        entries: Default::default(),
        mtime_ms: 0,
    };
    r.entries.insert("/".into(), (true, Vec::new()));
    if let Some(i) = index {
        r.entries
            .insert("/index.html".into(), (false, i.as_bytes().to_vec()));
    }
    r
}

#[test]
fn shared_goldens() {
    if !std::path::Path::new(&golden("A01-curl-empty-volume.txt")).exists() {
        return;
    }
    check(&golden("A01-curl-empty-volume.txt"), &root_with(None));
    let hello = root_with(Some("Hello from the debian container\n"));
    check(&golden("A06-curl.txt"), &hello);
    check(&golden("A07-curl-v.txt"), &hello);
    check(&golden("A11-curl-8080.txt"), &hello);
    let b02 = std::fs::read_to_string(golden("B02-curl.txt")).unwrap();
    let page: Vec<&str> = b02.lines().skip(1).collect();
    let page = page.split_last().unwrap().1.join("\n") + "\n";
    check(&golden("B02-curl.txt"), &root_with(Some(&page)));
}

#[test]
fn local_recordings() {
    let root = MemRoot::recorded();
    for name in [
        "c01-curl",
        "c02-curl-i",
        "c03-curl-v",
        "c04-curl-I",
        "c05-403-s",
        "c06-403-i",
        "c07-404-i",
        "c08-301-i",
        "c09-301-iL",
        "c10-post-dir",
        "c11-post-d",
        "c12-path-as-is",
        "c13-http10",
        "c14-conn-close",
        "c15-8080-sS",
        "c16-https",
        "c17-ftp",
        "c18-nosuchhost",
        "c19-noargs",
        "c21-w",
        "c22-f",
        "c22b-fsS",
        "c23-v-404",
        "c24-I-404",
        "c25-v-8080",
        "c26-help",
        "c28-v-0",
        "c29-v-post",
        "c30-v-127",
        "c30b-v-ip6",
        "c31-badport",
        "c32-vL",
        "c33-w-404",
        "c34-X-noarg",
        "c35-unknown-opt",
        "c36-v-8080-sS",
        "c37-s-8080",
        "c38-o-s",
        "c39-I-dir",
        "c40-v-H",
        "c42-v-d",
        "c43-v-I",
        "c44-bad-url",
        "c45-v-https",
        "c47-i-0-close",
        "c48-f-w",
        "c49-unknown-scheme",
        "c50-dotseg",
        "c51-v-nosuchhost",
        "c52-o-v",
        "c53-i-v",
        "c54-f-v",
        "c55-empty-host",
    ] {
        check(&local(&format!("{name}.txt")), &root);
    }
}

#[test]
fn packets_and_access_log() {
    let (_, status, net, log) = run_line(
        "curl -s localhost/",
        &root_with(Some("Hello from the debian container\n")),
    );
    assert_eq!(status, 0);
    assert_eq!(log, vec!["127.0.0.1 - - [26/Nov/2026:09:00:01 +0000] \"GET / HTTP/1.1\" 200 32 \"-\" \"curl/7.88.1\" \"-\"".to_string()]);
    let lens: Vec<usize> = net
        .captures()
        .iter()
        .filter_map(|c| crate::sim::net::dissect(&c.bytes))
        .map(|p| p.payload.len())
        .collect();
    assert!(
        lens.contains(&73) && lens.contains(&236) && lens.contains(&32),
        "{lens:?}"
    );
}

/// curl 7.88.1 (measured): `-s` mutes the `-X HEAD` warning, and the "Unnecessary use of -X"
/// note is shown only with `-v` (and muted by `-s`).
#[test]
fn silent_mutes_notes_and_warnings() {
    let root = root_with(Some("hi\n"));
    let (out, status, _, _) = run_line("curl -s -X POST -d a=b localhost", &root);
    assert!(!out.contains("Note:") && !out.contains("Warning:"), "{out}");
    assert_eq!(status, 0);
    let (out, _, _, _) = run_line("curl -X POST -d a=b localhost", &root);
    assert!(!out.contains("Note:"), "{out}");
    let (out, _, _, _) = run_line("curl -v -X POST -d a=b localhost", &root);
    assert!(
        out.starts_with("Note: Unnecessary use of -X or --request, POST is already inferred.\n"),
        "{out}"
    );
    let (out, _, _, _) = run_line("curl -sv -X POST -d a=b localhost", &root);
    assert!(!out.contains("Note:"), "{out}");
    let (out, _, _, _) = run_line("curl -s -X HEAD localhost", &root);
    assert!(!out.contains("Warning:"), "{out}");
    let (out, _, _, _) = run_line("curl -X HEAD -m 1 localhost", &root);
    assert!(
        out.starts_with("Warning: Setting custom HTTP method to HEAD"),
        "{out}"
    );
}
