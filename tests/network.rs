//! The network lesson end to end, through the [`Cluster`] API the UI uses: `curl localhost` from
//! the debian container reaches nginx in the other container over the pod's one loopback device,
//! and the trace shows why (segments, HTTP, the access log). The texts to match were recorded
//! from the real programs: `../shared/golden/` and `tests/golden-local/net-namespace.txt`
//! (ss, nginx and ip run in a fresh network namespace where an nginx holds port 80).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test that unwraps fails with a location
#![cfg(not(target_arch = "wasm32"))]

mod common;

use podscope::sim::cluster::{Cluster, TerminalResult};
use podscope::sim::event::{Event, EventKind, SegmentInfo};
use podscope::sim::image::{lookup, FileData};

const DEBIAN: &str = "debian-container";

/// The `localhost` scenario with curl installed in the debian container.
fn lesson() -> Cluster {
    let mut c = Cluster::with_scenario("localhost").unwrap();
    for line in ["apt-get update", "apt-get install -y curl"] {
        assert_eq!(c.run_in_container(DEBIAN, line).status, Some(0), "{line}");
    }
    c
}

/// Runs `line` in the debian container; returns what the terminal shows and the new events.
fn run(c: &mut Cluster, line: &str) -> (TerminalResult, Vec<Event>) {
    let before = c.trace().len();
    let r = c.run_in_container(DEBIAN, line);
    (r, c.trace().since(before).to_vec())
}

fn segments(events: &[Event]) -> Vec<SegmentInfo> {
    events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Segment(s) => Some(s.clone()),
            _ => None,
        })
        .collect()
}

/// The command's block of a recorded transcript: the lines after `$ line` up to `[exit N]`.
fn recorded(transcript: &str, line: &str) -> (String, i32) {
    let start = transcript
        .split(&format!("$ {line}\n"))
        .nth(1)
        .unwrap_or_else(|| panic!("no `{line}` in the recording"));
    let (body, rest) = start.split_once("[exit ").unwrap();
    let status = rest.split(']').next().unwrap().parse().unwrap();
    (body.to_string(), status)
}

const NET_RECORDING: &str = include_str!("golden-local/net-namespace.txt");

/// The nginx image's own welcome page, byte for byte.
fn welcome_page() -> &'static str {
    let image = lookup("nginx").unwrap();
    let f = image
        .files
        .iter()
        .find(|f| f.path == "/usr/share/nginx/html/index.html")
        .unwrap();
    match f.content {
        FileData::File(text) => text,
        other => panic!("index.html is {other:?}"),
    }
}

#[test]
fn curl_localhost_reaches_the_nginx_container() {
    let mut c = lesson();
    let (r, _) = run(&mut c, "curl localhost");
    assert_eq!(r.status, Some(0));
    assert_eq!(r.text, welcome_page());
}

#[test]
fn the_trace_holds_one_tcp_conversation_with_consistent_numbers() {
    let mut c = lesson();
    let (_, events) = run(&mut c, "curl localhost");
    let segs = segments(&events);
    let flags: Vec<&str> = segs.iter().map(|s| s.flags.as_str()).collect();
    // The shape of the real capture (../shared/golden/curl-localhost.pcap): handshake, GET, ACK,
    // headers and body as two segments (sendfile), ACKs, curl closes first.
    assert_eq!(
        flags,
        [
            "SYN", "SYN, ACK", "ACK", "PSH, ACK", "ACK", "PSH, ACK", "ACK", "PSH, ACK", "ACK",
            "FIN, ACK", "FIN, ACK", "ACK"
        ]
    );
    let client_port = segs[0].sport;
    assert_eq!(segs[0].dport, 80);
    assert!(segs
        .iter()
        .all(|s| s.src == "127.0.0.1" && s.dst == "127.0.0.1"));
    let (syn, synack) = (&segs[0], &segs[1]);
    assert_eq!(synack.ack, syn.seq.wrapping_add(1), "SYN takes one number");
    assert_eq!(
        (segs[2].seq, segs[2].ack),
        (syn.seq.wrapping_add(1), synack.seq.wrapping_add(1))
    );
    // Every segment continues its direction's numbering and acknowledges what the peer sent.
    let (mut next_c, mut next_s) = (syn.seq.wrapping_add(1), synack.seq.wrapping_add(1));
    for s in &segs[2..] {
        let from_client = s.sport == client_port;
        let (mine, theirs) = if from_client {
            (&mut next_c, next_s)
        } else {
            (&mut next_s, next_c)
        };
        assert_eq!(s.seq, *mine, "seq of {s:?}");
        assert_eq!(s.ack, theirs, "ack of {s:?}");
        let fin = u32::from(s.flags.contains("FIN"));
        *mine = mine.wrapping_add(s.len as u32).wrapping_add(fin);
    }
    // The GET is what curl 7.88.1 sends (73 bytes, as in the real capture).
    assert_eq!(segs[3].len, 73);
    let body = welcome_page().len();
    assert_eq!(segs[7].len, body, "the body is a segment of its own");
    let indices: Vec<usize> = segs.iter().map(|s| s.index).collect();
    assert!(indices.windows(2).all(|w| w[1] == w[0] + 1));
}

#[test]
fn http_events_and_the_access_log_follow_the_packets() {
    let mut c = lesson();
    let (_, events) = run(&mut c, "curl localhost");
    let pos = |want: &dyn Fn(&EventKind) -> bool| events.iter().position(|e| want(&e.kind));
    let get = pos(&|k| matches!(k, EventKind::Segment(s) if s.len == 73)).unwrap();
    let req = pos(&|k| matches!(k, EventKind::HttpRequest { .. })).unwrap();
    let resp = pos(&|k| matches!(k, EventKind::HttpResponse { .. })).unwrap();
    let log = pos(&|k| matches!(k, EventKind::AccessLog { .. })).unwrap();
    assert!(
        get < req && req < resp && resp <= log,
        "{get} {req} {resp} {log}"
    );
    assert_eq!(
        events[req].kind,
        EventKind::HttpRequest {
            method: "GET".into(),
            target: "/".into(),
            version: "HTTP/1.1".into(),
            host: "localhost".into(),
        }
    );
    assert_eq!(
        events[resp].kind,
        EventKind::HttpResponse {
            status: 200,
            reason: "OK".into(),
            content_length: welcome_page().len() as u64,
        }
    );
    assert_eq!(
        events[req].actor.container.as_deref(),
        Some("nginx-container")
    );
    let EventKind::AccessLog { line } = &events[log].kind else {
        unreachable!()
    };
    assert!(line.starts_with("127.0.0.1 - - ["), "{line}");
    assert!(
        line.ends_with("] \"GET / HTTP/1.1\" 200 615 \"-\" \"curl/7.88.1\" \"-\""),
        "{line}"
    );
    // The access log is nginx-container's stdout: `kubectl logs` shows the same line last.
    let logs = c.run_kubectl_line("kubectl logs two-containers -c nginx-container");
    assert_eq!(logs.status, Some(0));
    assert_eq!(logs.text.lines().last(), Some(line.as_str()));
}

/// Nothing listens on the port: the stack answers the SYN with RST, for 127.0.0.1 and ::1.
fn assert_refused(c: &mut Cluster, line: &str, port: u16) {
    let (r, events) = run(c, line);
    assert_eq!(r.status, Some(7), "{line}");
    assert_eq!(
        r.text,
        format!(
            "curl: (7) Failed to connect to localhost port {port} after 0 ms: Couldn't connect to server\n"
        )
    );
    let segs = segments(&events);
    let shape: Vec<(&str, &str, u16, u16)> = segs
        .iter()
        .map(|s| {
            (
                s.src.as_str(),
                s.flags.as_str(),
                s.sport.min(s.dport),
                s.window,
            )
        })
        .collect();
    // As real curl does (recorded with tshark): IPv4 first, then ::1; RST carries window 0.
    assert_eq!(shape.len(), 4, "{shape:?}");
    assert_eq!(shape[0].0, "127.0.0.1");
    assert_eq!(shape[2].0, "::1");
    for pair in segs.chunks(2) {
        assert_eq!(pair[0].flags, "SYN");
        assert_eq!((pair[1].flags.as_str(), pair[1].sport), ("RST, ACK", port));
        assert_eq!(pair[1].ack, pair[0].seq.wrapping_add(1));
        assert_eq!(pair[1].window, 0);
    }
    assert!(events
        .iter()
        .any(|e| matches!(&e.kind, EventKind::Refused { port: p, .. } if *p == port)));
}

#[test]
fn closed_ports_are_refused_with_rst() {
    let mut c = lesson();
    let golden = common::golden_dir().join("A11-curl-8080.txt");
    let text = std::fs::read_to_string(&golden).expect("the A11 recording");
    let (body, status) = recorded(&text, "curl localhost:8080");
    let (r, _) = run(&mut c, "curl localhost:8080");
    assert_eq!((r.text, r.status), (body, Some(status)));
    assert_refused(&mut c, "curl localhost:8080", 8080);
    // nginx in the pod serves plain HTTP only: nothing listens on 443.
    assert_refused(&mut c, "curl https://localhost", 443);
}

#[test]
fn a_second_nginx_in_the_debian_container_cannot_bind_port_80() {
    let mut c = lesson();
    let (r, _) = run(&mut c, "nginx");
    assert_eq!(
        (r.text.as_str(), r.status),
        ("bash: nginx: command not found\n", Some(127))
    );
    let (r, events) = run(&mut c, "apt-get install -y nginx");
    assert_eq!(r.status, Some(0));
    // nginx's postinst runs `ss -nlt 'sport = 80'` and sees nginx-container's socket.
    assert!(r.text.contains(
        "Setting up nginx (1.22.1-9+deb12u11) ...\nNot attempting to start NGINX, port 80 is already in use.\n"
    ));
    assert!(events.iter().any(|e| matches!(&e.kind,
        EventKind::PackageInstalled { package, .. } if package == "nginx")));
    let t0 = c.now_ms();
    let (r, events) = run(&mut c, "nginx");
    let (body, status) = recorded(NET_RECORDING, "nginx");
    assert_eq!((r.text, r.status), (body, Some(status)));
    assert!(
        events.iter().any(|e| matches!(&e.kind,
        EventKind::BindFailed { port: 80, error, .. } if error.contains("Address already in use")))
    );
    // Five attempts 500 ms apart, after the second of typing.
    assert!(c.now_ms() >= t0 + 1_000 + 2_500, "{} -> {}", t0, c.now_ms());
    // The first nginx is untouched and still answers.
    let (r, _) = run(&mut c, "curl -s localhost");
    assert_eq!(r.text, welcome_page());
}

#[test]
fn the_namespace_as_ip_ss_and_hostname_show_it() {
    let mut c = lesson();
    let (r, _) = run(&mut c, "hostname -i");
    assert_eq!((r.text.as_str(), r.status), ("10.244.1.5\n", Some(0)));
    let (r, _) = run(&mut c, "ss -ltn");
    assert_eq!(r.status, Some(127), "the debian image has no iproute2");
    let (r, _) = run(&mut c, "apt-get install -y iproute2");
    assert_eq!(r.status, Some(0));
    let (r, _) = run(&mut c, "ss -ltn");
    let (body, status) = recorded(NET_RECORDING, "ss -ltn");
    assert_eq!((r.text, r.status), (body, Some(status)));
    let (r, _) = run(&mut c, "ip addr");
    assert_eq!(r.status, Some(0));
    let (lo, _) = recorded(NET_RECORDING, "ip addr show lo");
    assert!(r.text.starts_with(&lo), "{}", r.text);
    assert!(r
        .text
        .contains("    inet 10.244.1.5/24 brd 10.244.1.255 scope global eth0\n"));
}
