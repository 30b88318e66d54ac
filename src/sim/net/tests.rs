//! Behaviour of the namespace: handshakes, data, teardown, refusals, bind clashes, determinism,
//! and the capture read back as pcap.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::*;
use crate::sim::event::{EventKind, SegmentInfo};

pub(super) const POD_IP: [u8; 4] = [10, 244, 1, 5];
pub(super) const V4_ANY: IpAddr = IpAddr::V4(Ipv4Addr::UNSPECIFIED);
pub(super) const V6_ANY: IpAddr = IpAddr::V6(Ipv6Addr::UNSPECIFIED);
pub(super) const LOCALHOST: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

fn owner(container: &str, pid: u32, program: &str) -> Owner {
    Owner {
        container: container.into(),
        pid,
        program: program.into(),
    }
}

pub(super) fn nginx() -> Owner {
    owner("nginx-container", 1, "nginx")
}

pub(super) fn curl() -> Owner {
    owner("debian-container", 42, "curl")
}

fn segments(ns: &NetNamespace) -> Vec<SegmentInfo> {
    ns.captures()
        .iter()
        .enumerate()
        .filter_map(|(i, c)| dissect::segment_info(i, &c.bytes))
        .collect()
}

/// The reference exchange: curl GETs `/`, nginx answers headers and body in two writes, curl
/// closes, nginx closes. Returns the namespace afterwards.
pub(super) fn http_exchange(dst: IpAddr) -> NetNamespace {
    let mut ns = NetNamespace::new(POD_IP);
    let l4 = ns.listen(nginx(), V4_ANY, 80, 0).unwrap();
    let l6 = ns.listen(nginx(), V6_ANY, 80, 0).unwrap();
    let c = ns.connect(curl(), dst, 80, 10).unwrap();
    ns.poll(10);
    let l = if dst.is_ipv6() { l6 } else { l4 };
    let s = ns.accept(l).expect("accepted");
    assert_eq!(ns.state(c), TcpState::Established);
    let get =
        b"GET / HTTP/1.1\r\nHost: localhost\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n";
    assert_eq!(get.len(), 73);
    assert_eq!(ns.send(c, get).unwrap(), 73);
    ns.poll(11);
    assert_eq!(ns.recv(s).unwrap(), get.to_vec());
    ns.send(s, &[b'H'; 236]).unwrap();
    ns.poll(12);
    ns.send(s, b"Hello from the debian container\n").unwrap();
    ns.poll(12);
    let body = ns.recv(c).unwrap();
    assert_eq!(body.len(), 236 + 32);
    ns.close(c);
    ns.poll(13);
    assert!(ns.peer_closed(s));
    ns.close(s);
    ns.poll(13);
    ns
}

#[test]
fn reference_exchange_has_the_shape_of_the_linux_capture() {
    let ns = http_exchange(LOCALHOST);
    let segs = segments(&ns);
    let shape: Vec<(&str, usize)> = segs.iter().map(|s| (s.flags.as_str(), s.len)).collect();
    assert_eq!(
        shape,
        vec![
            ("SYN", 0),
            ("SYN, ACK", 0),
            ("ACK", 0),
            ("PSH, ACK", 73),
            ("ACK", 0),
            ("PSH, ACK", 236),
            ("ACK", 0),
            ("PSH, ACK", 32),
            ("ACK", 0),
            ("FIN, ACK", 0),
            ("FIN, ACK", 0),
            ("ACK", 0),
        ]
    );
    // curl's FIN comes first, then nginx's.
    assert_eq!(segs[9].dport, 80);
    assert_eq!(segs[10].sport, 80);
    assert!(segs
        .iter()
        .all(|s| s.src == "127.0.0.1" && s.dst == "127.0.0.1"));
}

#[test]
fn seq_and_ack_numbers_add_up() {
    let ns = http_exchange(LOCALHOST);
    let segs = segments(&ns);
    for pair in segs.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if a.sport != b.sport {
            // b answers a: it acknowledges everything a carried.
            let syn_fin = u32::from(a.flags.contains("SYN") || a.flags.contains("FIN"));
            assert_eq!(
                b.ack,
                a.seq.wrapping_add(a.len as u32).wrapping_add(syn_fin),
                "{a:?} -> {b:?}"
            );
        }
    }
    // The client's sequence space: ISN, +1 for SYN, +73 for the GET, +1 for FIN.
    let isn = segs[0].seq;
    assert_eq!(segs[3].seq, isn.wrapping_add(1));
    assert_eq!(segs[9].seq, isn.wrapping_add(74));
    assert_eq!(segs[11].seq, isn.wrapping_add(75));
}

#[test]
fn ipv6_loopback_and_pod_ip_loop_back_too() {
    for dst in [
        IpAddr::V6(Ipv6Addr::LOCALHOST),
        IpAddr::V4(Ipv4Addr::from(POD_IP)),
    ] {
        let ns = http_exchange(dst);
        let segs = segments(&ns);
        assert_eq!(segs.len(), 12, "{dst}");
        assert_eq!(segs[0].src, dst.to_string());
        assert!(ns.captures().iter().all(|c| c.device == "lo"));
    }
}

#[test]
fn state_events_follow_the_rfc_diagram() {
    let mut ns = http_exchange(LOCALHOST);
    let transitions: Vec<(String, String)> = ns
        .drain_events()
        .into_iter()
        .filter_map(|(_, e)| match e {
            EventKind::TcpState {
                from, to, local, ..
            } if local.ends_with(":57888") => Some((from.to_string(), to.to_string())),
            _ => None,
        })
        .collect();
    let names: Vec<String> = transitions.iter().map(|(_, to)| to.clone()).collect();
    // nginx's FIN carries the ACK of curl's FIN, so FIN-WAIT-1 goes straight to TIME-WAIT.
    assert_eq!(
        names,
        ["SYN-SENT", "ESTABLISHED", "FIN-WAIT-1", "TIME-WAIT"]
    );
    assert_eq!(transitions[0].0, "CLOSED");
}

#[test]
fn server_side_goes_through_close_wait_and_last_ack() {
    let mut ns = http_exchange(LOCALHOST);
    let server: Vec<String> = ns
        .drain_events()
        .into_iter()
        .filter_map(|(_, e)| match e {
            EventKind::TcpState { to, local, .. } if local == "127.0.0.1:80" => {
                Some(to.to_string())
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        server,
        [
            "SYN-RECEIVED",
            "ESTABLISHED",
            "CLOSE-WAIT",
            "LAST-ACK",
            "CLOSED"
        ]
    );
}

#[test]
fn closed_port_answers_rst_and_the_connect_is_refused() {
    let mut ns = NetNamespace::new(POD_IP);
    let c = ns.connect(curl(), LOCALHOST, 8080, 5).unwrap();
    ns.poll(5);
    assert!(ns.is_refused(c));
    assert_eq!(ns.state(c), TcpState::Closed);
    let segs = segments(&ns);
    assert_eq!(segs.len(), 2);
    assert_eq!(segs[1].flags, "RST, ACK");
    assert_eq!(segs[1].ack, segs[0].seq.wrapping_add(1));
    assert_eq!(ns.send(c, b"x"), Err(NetError::ConnectionRefused));
    let events = ns.drain_events();
    assert!(events.iter().any(|(t, e)| *t == 5
        && *e
            == EventKind::Refused {
                addr: "127.0.0.1".into(),
                port: 8080
            }));
    assert_eq!(NetError::ConnectionRefused.errno(), 111);
    assert_eq!(
        NetError::ConnectionRefused.to_string(),
        "Connection refused"
    );
}

#[test]
fn only_v4_listener_refuses_ipv6() {
    let mut ns = NetNamespace::new(POD_IP);
    ns.listen(nginx(), V4_ANY, 80, 0).unwrap();
    let c = ns
        .connect(curl(), IpAddr::V6(Ipv6Addr::LOCALHOST), 80, 1)
        .unwrap();
    ns.poll(1);
    assert!(ns.is_refused(c));
}

#[test]
fn bind_clash_across_containers_is_eaddrinuse() {
    let mut ns = NetNamespace::new(POD_IP);
    ns.listen(nginx(), V4_ANY, 80, 0).unwrap();
    let other = owner("debian-container", 7, "python3");
    assert_eq!(
        ns.listen(other.clone(), V4_ANY, 80, 1),
        Err(NetError::AddrInUse)
    );
    assert_eq!(
        ns.listen(other.clone(), LOCALHOST, 80, 1),
        Err(NetError::AddrInUse)
    );
    // [::]:80 with IPV6_V6ONLY does not overlap 0.0.0.0:80; a second [::]:80 does.
    assert!(ns.listen(nginx(), V6_ANY, 80, 1).is_ok());
    assert_eq!(
        ns.listen(other.clone(), V6_ANY, 80, 1),
        Err(NetError::AddrInUse)
    );
    assert!(ns.listen(other, LOCALHOST, 8080, 1).is_ok());
    assert_eq!(NetError::AddrInUse.errno(), 98);
    let failed = ns
        .drain_events()
        .into_iter()
        .filter(|(_, e)| matches!(e, EventKind::BindFailed { .. }))
        .count();
    assert_eq!(failed, 3);
}

#[test]
fn closing_a_listener_frees_the_port() {
    let mut ns = NetNamespace::new(POD_IP);
    let l = ns.listen(nginx(), V4_ANY, 80, 0).unwrap();
    ns.close_listener(l);
    assert_eq!(ns.state(l), TcpState::Closed);
    let c = ns.connect(curl(), LOCALHOST, 80, 1).unwrap();
    ns.poll(1);
    assert!(ns.is_refused(c));
    assert!(ns.listen(nginx(), V4_ANY, 80, 2).is_ok());
}

#[test]
fn listener_keeps_accepting_one_connection_after_another() {
    let mut ns = NetNamespace::new(POD_IP);
    let l = ns.listen(nginx(), V4_ANY, 80, 0).unwrap();
    let a = ns.connect(curl(), LOCALHOST, 80, 1).unwrap();
    let b = ns.connect(curl(), LOCALHOST, 80, 1).unwrap();
    ns.poll(1);
    let sa = ns.accept(l).unwrap();
    let sb = ns.accept(l).unwrap();
    assert_eq!(ns.accept(l), None);
    assert_eq!(ns.remote_endpoint(sa), ns.local_endpoint(a));
    assert_eq!(ns.remote_endpoint(sb), ns.local_endpoint(b));
    assert_ne!(ns.local_endpoint(a), ns.local_endpoint(b));
}

#[test]
fn two_runs_capture_identical_bytes() {
    let a = http_exchange(LOCALHOST);
    let b = http_exchange(LOCALHOST);
    assert_eq!(a.captures(), b.captures());
    assert_eq!(a.pcap(), b.pcap());
}

#[test]
fn fin_ack_is_sent_alone_when_the_application_does_not_close() {
    let mut ns = NetNamespace::new(POD_IP);
    let l = ns.listen(nginx(), V4_ANY, 80, 0).unwrap();
    let c = ns.connect(curl(), LOCALHOST, 80, 0).unwrap();
    ns.poll(0);
    let s = ns.accept(l).unwrap();
    ns.close(c);
    ns.poll(1);
    assert_eq!(ns.state(s), TcpState::CloseWait);
    assert_eq!(ns.state(c), TcpState::FinWait1);
    assert_eq!(ns.poll_at(1), Some(41));
    ns.poll(41);
    assert_eq!(ns.state(c), TcpState::FinWait2);
    assert_eq!(
        segments(&ns).last().map(|s| s.flags.clone()),
        Some("ACK".to_string())
    );
}

#[test]
fn time_wait_lasts_ten_seconds_without_holding_a_socket() {
    let mut ns = http_exchange(LOCALHOST);
    let in_time_wait = |ns: &NetNamespace| {
        ns.connections()
            .iter()
            .filter(|c| c.state == TcpState::TimeWait)
            .count()
    };
    assert_eq!(in_time_wait(&ns), 1, "curl's end waits in TIME-WAIT");
    // Only the listeners' waiting sockets (127.0.0.1, the pod IP, ::1) are left in smoltcp.
    assert_eq!(ns.sockets.iter().count(), 3);
    ns.drain_events();
    assert_eq!(ns.poll_at(13), Some(10_013), "TIME-WAIT entered at 13 ms");
    ns.poll(10_012);
    assert_eq!(in_time_wait(&ns), 1);
    ns.poll(10_013);
    assert_eq!(in_time_wait(&ns), 0);
    let closed: Vec<(u64, String)> = ns
        .drain_events()
        .into_iter()
        .filter_map(|(t, e)| match e {
            EventKind::TcpState {
                from: TcpState::TimeWait,
                to,
                local,
                ..
            } => Some((t, format!("{local} {to}"))),
            _ => None,
        })
        .collect();
    assert_eq!(closed, [(10_013, "127.0.0.1:57888 CLOSED".to_string())]);
    assert_eq!(ns.poll_at(10_013), None, "nothing else is pending");
}
