//! The capture file: what `podscope shell --pcap F` writes is `Cluster::pcap()`, byte for byte,
//! a classic pcap that parses back into the segments of the trace and — when Wireshark's
//! `tshark` is installed — dissects cleanly into the same 12-packet shape as the real Linux
//! capture in `../shared/golden/curl-localhost.pcap`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test that unwraps fails with a location
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::podscope_shell;
use podscope::sim::cluster::Cluster;
use podscope::sim::event::EventKind;
use podscope::sim::transcript::TranscriptRunner;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const SCRIPT: &[&str] = &[
    "apt-get update",
    "apt-get install -y curl",
    "curl localhost",
];

/// A scratch file of this test binary (tests run in parallel: one name per test).
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    dir.join(format!("{name}-{}.pcap", std::process::id()))
}

/// Runs SCRIPT through the CLI binary with `--pcap`; returns the file's bytes.
fn cli_pcap(name: &str) -> Vec<u8> {
    let path = scratch(name);
    let script: String = SCRIPT.iter().map(|l| format!("{l}\n")).collect();
    let path_text = path.display().to_string();
    podscope_shell(&["--scenario", "localhost", "--pcap", &path_text], &script);
    let bytes = std::fs::read(&path).unwrap();
    let _ = std::fs::remove_file(&path);
    bytes
}

/// SCRIPT through the library, as the CLI drives it.
fn cluster() -> Cluster {
    let mut c = Cluster::with_scenario("localhost").unwrap();
    let mut runner = TranscriptRunner::new("debian-container");
    for line in SCRIPT {
        runner.line(&mut c, line);
    }
    c
}

/// One record of a little-endian classic pcap: (seconds, microseconds, packet bytes).
type Record = (u32, u32, Vec<u8>);

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().unwrap())
}

/// Parses the file by hand (independently of the code that wrote it): global header, records.
fn parse(file: &[u8]) -> (u32, Vec<Record>) {
    assert_eq!(
        u32_at(file, 0),
        0xa1b2_c3d4,
        "magic: little-endian, microseconds"
    );
    assert_eq!(&file[4..8], &[2, 0, 4, 0], "version 2.4");
    let linktype = u32_at(file, 20);
    let mut records = Vec::new();
    let mut at = 24;
    while at < file.len() {
        let (secs, usecs, incl, orig) = (
            u32_at(file, at),
            u32_at(file, at + 4),
            u32_at(file, at + 8) as usize,
            u32_at(file, at + 12) as usize,
        );
        assert_eq!(incl, orig, "nothing truncated");
        assert!(usecs < 1_000_000);
        records.push((secs, usecs, file[at + 16..at + 16 + incl].to_vec()));
        at += 16 + incl;
    }
    assert_eq!(at, file.len());
    (linktype, records)
}

#[test]
fn the_cli_file_is_cluster_pcap() {
    let from_cli = cli_pcap("cli");
    assert_eq!(from_cli, cluster().pcap());
}

#[test]
fn records_parse_back_into_the_traced_segments() {
    let c = cluster();
    let (linktype, records) = parse(&c.pcap());
    assert_eq!(
        linktype, 101,
        "LINKTYPE_RAW: bare IP packets, as lo carries them here"
    );
    let traced: Vec<_> = c
        .trace()
        .events()
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Segment(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(records.len(), 12);
    assert_eq!(records.len(), traced.len());
    for ((_, _, ip), seg) in records.iter().zip(&traced) {
        assert_eq!(ip[0] >> 4, 4);
        let ihl = usize::from(ip[0] & 0x0f) * 4;
        assert_eq!(usize::from(u16::from_be_bytes([ip[2], ip[3]])), ip.len());
        assert_eq!(ip[9], 6, "TCP");
        assert_eq!(&ip[12..16], &[127, 0, 0, 1]);
        let tcp = &ip[ihl..];
        let sport = u16::from_be_bytes([tcp[0], tcp[1]]);
        let seq = u32::from_be_bytes(tcp[4..8].try_into().unwrap());
        let ack = u32::from_be_bytes(tcp[8..12].try_into().unwrap());
        let data_offset = usize::from(tcp[12] >> 4) * 4;
        let flags = tcp[13];
        assert_eq!((sport, seq), (seg.sport, seg.seq));
        if flags & 0x10 != 0 {
            assert_eq!(ack, seg.ack);
        }
        assert_eq!(tcp.len() - data_offset, seg.len);
        let names: Vec<&str> = [(0x01, "FIN"), (0x02, "SYN"), (0x04, "RST"), (0x08, "PSH")]
            .iter()
            .chain(&[(0x10, "ACK")])
            .filter(|(bit, _)| flags & bit != 0)
            .map(|(_, n)| *n)
            .collect();
        assert_eq!(names.join(", "), seg.flags);
    }
    // The GET travels in the fourth packet, as in the real capture.
    let (_, _, get) = &records[3];
    assert!(get.ends_with(
        b"GET / HTTP/1.1\r\nHost: localhost\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n"
    ));
    // Timestamps never go back.
    let times: Vec<u64> = records
        .iter()
        .map(|(s, us, _)| u64::from(*s) * 1_000_000 + u64::from(*us))
        .collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]));
}

/// `tshark ARGS FILE` fields, one line per packet. A missing tshark fails the test: the
/// dissector check is the point (`scripts/setup.sh --test` installs it).
fn tshark_fields(file: &Path, fields: &[&str]) -> Vec<String> {
    let mut cmd = Command::new("tshark");
    cmd.args([
        "-o",
        "tcp.check_checksum:TRUE",
        "-o",
        "ip.check_checksum:TRUE",
    ])
    .arg("-r")
    .arg(file)
    .args(["-T", "fields"]);
    for f in fields {
        cmd.args(["-e", f]);
    }
    let out = cmd.stderr(Stdio::null()).output().unwrap_or_else(|e| {
        panic!("tshark cannot be run ({e}): install it with `scripts/setup.sh --test`")
    });
    assert!(out.status.success(), "tshark -r {}", file.display());
    let text = String::from_utf8(out.stdout).unwrap();
    text.lines().map(String::from).collect()
}

#[test]
fn tshark_reads_the_same_shape_as_the_real_capture() {
    let path = scratch("tshark");
    std::fs::write(&path, cluster().pcap()).unwrap();
    let golden = common::golden_dir().join("curl-localhost.pcap");
    let ours = tshark_fields(
        &path,
        &["tcp.flags", "_ws.expert.severity", "_ws.malformed"],
    );
    let summary = Command::new("tshark")
        .arg("-r")
        .arg(&path)
        .stderr(Stdio::null())
        .output()
        .unwrap();
    let summary = String::from_utf8(summary.stdout).unwrap();
    let _ = std::fs::remove_file(&path);
    assert!(!summary.contains("Malformed"), "{summary}");
    assert_eq!(summary.lines().count(), 12, "{summary}");
    assert!(summary.lines().nth(3).unwrap().contains("HTTP"));
    assert!(summary.lines().nth(3).unwrap().contains("GET / HTTP/1.1"));
    assert!(summary
        .lines()
        .nth(7)
        .unwrap()
        .contains("HTTP/1.1 200 OK  (text/html)"));
    // No expert error (with checksum validation on) and nothing malformed.
    const PI_ERROR: u32 = 0x0080_0000;
    for line in &ours {
        let cols: Vec<&str> = line.split('\t').collect();
        let worst = cols[1]
            .split(',')
            .filter_map(|s| s.parse::<u32>().ok())
            .max()
            .unwrap_or(0);
        assert!(worst < PI_ERROR, "{line}");
        assert!(cols.get(2).is_none_or(|m| m.is_empty()), "{line}");
    }
    let flags = |lines: &[String]| -> Vec<String> {
        lines
            .iter()
            .map(|l| l.split('\t').next().unwrap_or("").to_string())
            .collect()
    };
    let real = tshark_fields(&golden, &["tcp.flags"]);
    assert_eq!(flags(&ours), flags(&real));
}
