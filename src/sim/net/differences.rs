//! Where podscope's TCP/IP stack (smoltcp on a capturing loopback) differs from Linux's, for the
//! packet inspector to say so next to the bytes. Each claim was checked against the real capture
//! in `shared/golden/curl-localhost.pcap` (Linux 6, `tshark -r`) and is asserted below against
//! the simulated stack, so the text cannot drift from what the app shows.

/// Short caption text: what a student comparing podscope's packets with a real `tcpdump -i lo`
/// of the same `curl localhost` will see differ, and why it does not change the lesson.
pub const STACK_DIFFERENCES: &str = "\
These packets come from a real TCP implementation (smoltcp), not from Linux. The conversation is \
the same as on Linux - SYN, SYN-ACK, ACK, the GET, nginx's headers and body as two segments, \
curl's FIN first - but some details differ from a capture on a real pod:
- No link layer: Linux's lo adds a 14-byte Ethernet header (all-zero MACs) to every frame; \
podscope records bare IP packets, so every frame is 14 bytes shorter.
- No TCP timestamps: Linux puts TSval/TSecr (12 bytes) in every segment. Here a SYN is \
52 bytes (IP 20 + TCP 32: MSS, window scale, SACK permitted) instead of 74, and a bare ACK 40 \
instead of 66.
- Window sizes: Linux offers 65495 in its SYN with window scale 10 (x1024), then 64 x 1024. \
smoltcp offers 65535 with scale 1 (x2), then advertises its free receive buffer, so the window \
shrinks while data waits unread.
- Sequence numbers: Linux picks a random initial sequence number per connection; podscope \
draws them from a fixed seed so every run replays byte for byte. (Wireshark shows both \
relative to 0.)
- Ports: Linux picks a random ephemeral port in 32768-60999; podscope counts up from 57888.
- IPv6: the MSS on ::1 is 65475 here, 65476 on Linux (smoltcp caps the device MTU at 65535, \
Linux's lo has 65536).
- IP ID is always 0 here; Linux numbers the packets of each connection.
- Checksums: Linux does not compute TCP checksums on lo, so a real capture shows them as \
incorrect; podscope's are correct.
- Time: packets of one exchange share the same millisecond here; on Linux they are \
microseconds apart. There is no 60-second TIME-WAIT.";

#[cfg(test)]
mod tests {
    use super::STACK_DIFFERENCES;
    use crate::sim::net::tests::{http_exchange, LOCALHOST};
    use crate::sim::net::{dissect, PacketFields, TcpOptionInfo};
    use std::net::{IpAddr, Ipv6Addr};

    fn packets(dst: IpAddr) -> Vec<PacketFields> {
        http_exchange(dst)
            .captures()
            .iter()
            .map(|c| dissect(&c.bytes).unwrap())
            .collect()
    }

    #[test]
    fn the_caption_says_what_the_stack_does() {
        let packets = packets(LOCALHOST);
        let (syn, ack) = (&packets[0], &packets[2]);
        let syn_tcp = syn.tcp.as_ref().unwrap();
        assert_eq!(syn_tcp.flags, ["SYN"]);
        assert_eq!(syn.ip.total_len, 52);
        assert!(STACK_DIFFERENCES.contains("a SYN is 52 bytes"));
        assert_eq!(ack.ip.total_len, 40);
        assert!(STACK_DIFFERENCES.contains("a bare ACK 40"));
        assert!(packets.iter().all(|p| !p
            .tcp
            .as_ref()
            .unwrap()
            .options
            .iter()
            .any(|o| matches!(o, TcpOptionInfo::Timestamps { .. }))));
        assert_eq!(syn_tcp.window, 65535);
        assert!(syn_tcp.options.contains(&TcpOptionInfo::WindowScale(1)));
        assert!(STACK_DIFFERENCES.contains("65535 with scale 1"));
        assert!(packets
            .iter()
            .all(|p| p.tcp.as_ref().unwrap().checksum.1 && p.ip.id == Some(0)));
        assert_eq!(syn_tcp.sport, 57888);
        let v6 = packets_v6();
        assert!(v6.contains(&TcpOptionInfo::Mss(65475)), "{v6:?}");
    }

    fn packets_v6() -> Vec<TcpOptionInfo> {
        let p = packets(IpAddr::V6(Ipv6Addr::LOCALHOST));
        p.first().and_then(|p| p.tcp.clone()).unwrap().options
    }
}
