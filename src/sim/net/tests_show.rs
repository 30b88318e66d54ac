//! The namespace seen from outside: dissected packets, the pcap file, `ss` and `ip addr`.

use super::tests::{curl, http_exchange, nginx, LOCALHOST, POD_IP, V4_ANY, V6_ANY};
use super::*;

#[test]
fn dissect_reads_valid_headers_and_options() {
    let ns = http_exchange(LOCALHOST);
    for c in ns.captures() {
        let p = dissect(&c.bytes).unwrap();
        assert_eq!(p.ip.version, 4);
        assert_eq!(p.ip.total_len, c.bytes.len());
        assert_eq!(p.ip.checksum.map(|(_, ok)| ok), Some(true));
        let tcp = p.tcp.unwrap();
        assert!(tcp.checksum.1, "TCP checksum must verify");
        assert_eq!(
            usize::from(tcp.header_len) + usize::from(p.ip.header_len) + p.payload.len(),
            c.bytes.len()
        );
    }
    let syn = dissect(&ns.captures()[0].bytes).unwrap().tcp.unwrap();
    assert_eq!(syn.flags, vec!["SYN"]);
    assert!(syn.options.contains(&TcpOptionInfo::Mss(65495)));
    let get = dissect(&ns.captures()[3].bytes).unwrap();
    assert!(get.payload.starts_with(b"GET / HTTP/1.1\r\n"));
    assert_eq!(dissect(&[0x45, 0]), None);
}

#[test]
fn hex_dump_looks_like_xxd() {
    let dump = hex_dump(b"GET / HTTP/1.1\r\nHost");
    assert_eq!(
        dump,
        "0000  47 45 54 20 2f 20 48 54  54 50 2f 31 2e 31 0d 0a  GET / HTTP/1.1..\n\
         0010  48 6f 73 74                                       Host\n"
    );
}

/// A minimal pcap reader: header fields and records.
fn read_pcap(bytes: &[u8]) -> (u32, Vec<(u32, u32, Vec<u8>)>) {
    let u32_at = |o: usize| u32::from_le_bytes(bytes[o..o + 4].try_into().unwrap());
    assert_eq!(u32_at(0), 0xa1b2_c3d4);
    let linktype = u32_at(20);
    let mut records = Vec::new();
    let mut o = 24;
    while o < bytes.len() {
        let (secs, usecs, incl) = (u32_at(o), u32_at(o + 4), u32_at(o + 8) as usize);
        assert_eq!(u32_at(o + 12) as usize, incl);
        records.push((secs, usecs, bytes[o + 16..o + 16 + incl].to_vec()));
        o += 16 + incl;
    }
    (linktype, records)
}

#[test]
fn pcap_reads_back_and_tshark_finds_nothing_malformed() {
    let ns = http_exchange(LOCALHOST);
    let pcap = ns.pcap();
    let (linktype, records) = read_pcap(&pcap);
    assert_eq!(linktype, 101);
    assert_eq!(records.len(), ns.captures().len());
    for (rec, cap) in records.iter().zip(ns.captures()) {
        assert_eq!(rec.2, cap.bytes);
        let ms = crate::sim::clock::EPOCH_UNIX_MS + cap.t_ms;
        // Same second and millisecond as the capture; packets within one millisecond are
        // spread by 10 µs steps.
        assert_eq!(u64::from(rec.0), ms / 1000);
        assert_eq!(u64::from(rec.1) / 1000, ms % 1000);
    }
    let Ok(out) = std::process::Command::new("tshark").arg("-v").output() else {
        return;
    };
    if !out.status.success() {
        return;
    }
    let path = std::env::temp_dir().join(format!("podscope-net-{}.pcap", std::process::id()));
    std::fs::write(&path, &pcap).unwrap();
    let out = std::process::Command::new("tshark")
        .arg("-r")
        .arg(&path)
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&path);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert_eq!(text.lines().count(), 12, "{text}");
    assert!(!text.contains("Malformed"), "{text}");
    assert!(text.contains("GET / HTTP/1.1"), "{text}");
}

fn lines(text: &[&str]) -> String {
    text.iter().map(|l| format!("{l}\n")).collect()
}

#[test]
fn ss_matches_iproute2_layout() {
    let mut ns = NetNamespace::new(POD_IP);
    let l4 = ns.listen(nginx(), V4_ANY, 80, 0).unwrap();
    ns.listen(nginx(), V6_ANY, 80, 0).unwrap();
    let args = |a: &str| vec![a.to_string()];
    assert_eq!(
        ns.ss(&args("-ltn")),
        (
            lines(&[
                "State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess",
                "LISTEN 0      511          0.0.0.0:80        0.0.0.0:*          ",
                "LISTEN 0      511             [::]:80           [::]:*          ",
            ]),
            0
        )
    );
    assert_eq!(
        ns.ss(&args("-tl")).0,
        lines(&[
            "State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess",
            "LISTEN 0      511          0.0.0.0:http      0.0.0.0:*          ",
            "LISTEN 0      511             [::]:http         [::]:*          ",
        ])
    );
    assert_eq!(
        ns.ss(&args("-tn")).0,
        lines(&["State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess"])
    );
    let c = ns.connect(curl(), LOCALHOST, 80, 1).unwrap();
    ns.poll(1);
    let s = ns.accept(l4).unwrap();
    ns.send(s, &[b'x'; 100]).unwrap();
    ns.poll(2);
    let (out, status) = ns.ss(&args("-tnp"));
    assert_eq!(status, 0);
    assert_eq!(
        out,
        lines(&[
            "State Recv-Q Send-Q Local Address:Port  Peer Address:Port Process                      ",
            "ESTAB 100    0          127.0.0.1:57888    127.0.0.1:80    users:((\"curl\",pid=42,fd=3))",
            "ESTAB 0      0          127.0.0.1:80       127.0.0.1:57888 users:((\"nginx\",pid=1,fd=5))",
        ])
    );
    assert_eq!(ns.recv(c).unwrap().len(), 100);
    let (err, status) = ns.ss(&args("-q"));
    assert_eq!(status, 255);
    assert!(err.starts_with("ss: invalid option -- 'q'\nUsage: ss [ OPTIONS ]\n"));
}

#[test]
fn ip_addr_shows_lo_and_the_veth() {
    let ns = NetNamespace::new(POD_IP);
    assert_eq!(
        ns.ip_addr_show(),
        lines(&[
            "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000",
            "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00",
            "    inet 127.0.0.1/8 scope host lo",
            "       valid_lft forever preferred_lft forever",
            "    inet6 ::1/128 scope host ",
            "       valid_lft forever preferred_lft forever",
            "2: eth0@if7: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000",
            "    link/ether 0a:58:0a:f4:01:05 brd ff:ff:ff:ff:ff:ff link-netnsid 0",
            "    inet 10.244.1.5/24 brd 10.244.1.255 scope global eth0",
            "       valid_lft forever preferred_lft forever",
            "    inet6 fe80::858:aff:fef4:105/64 scope link ",
            "       valid_lft forever preferred_lft forever",
        ])
    );
}
