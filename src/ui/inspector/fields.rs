//! A dissected packet as titled sections of `name: value` rows, checksums marked verified or not.

use crate::sim::net::{IpFields, PacketFields, TcpFields, TcpOptionInfo};

/// Where podscope's packets differ from what Linux would put on `lo`.
pub const SMOLTCP_NOTE: &str = "podscope's TCP is smoltcp, not Linux: the segments, flags, \
sequence and acknowledgement arithmetic are real, but Linux would also send the TCP timestamps \
option, choose other window sizes and window scale, draw random initial sequence numbers (here \
they are fixed so every run replays the same), and keep a closed connection in TIME-WAIT for 60 s.";

/// One header field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// Field name as Wireshark labels it.
    pub name: &'static str,
    /// Its value, formatted.
    pub value: String,
    /// For checksums: whether it verifies.
    pub valid: Option<bool>,
}

/// A group of fields under a heading (`Internet Protocol Version 4`, `Transmission Control Protocol`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Heading.
    pub title: String,
    /// Fields in header order.
    pub fields: Vec<Field>,
}

fn field(name: &'static str, value: impl Into<String>) -> Field {
    Field {
        name,
        value: value.into(),
        valid: None,
    }
}

fn checksum(name: &'static str, (sum, ok): (u16, bool)) -> Field {
    let verdict = if ok { "✓ correct" } else { "✗ incorrect" };
    Field {
        name,
        value: format!("0x{sum:04x} {verdict}"),
        valid: Some(ok),
    }
}

fn protocol_name(number: u8) -> &'static str {
    match number {
        1 => "ICMP",
        6 => "TCP",
        17 => "UDP",
        58 => "ICMPv6",
        _ => "other",
    }
}

fn ip_section(ip: &IpFields) -> Section {
    let mut fields = vec![field("Version", ip.version.to_string())];
    if ip.version == 4 {
        fields.push(field(
            "Header length",
            format!("{} bytes (IHL {})", ip.header_len, ip.header_len / 4),
        ));
        fields.push(field("Type of service", format!("0x{:02x}", ip.tos)));
        fields.push(field("Total length", ip.total_len.to_string()));
        if let Some(id) = ip.id {
            fields.push(field("Identification", format!("0x{id:04x} ({id})")));
        }
        let flags = if ip.flags.is_empty() {
            "none".to_string()
        } else {
            ip.flags.join(", ")
        };
        fields.push(field("Flags", flags));
        if let Some(off) = ip.frag_offset {
            fields.push(field("Fragment offset", off.to_string()));
        }
        fields.push(field("Time to live", ip.ttl.to_string()));
        fields.push(field(
            "Protocol",
            format!("{} ({})", ip.protocol, protocol_name(ip.protocol)),
        ));
        if let Some(sum) = ip.checksum {
            fields.push(checksum("Header checksum", sum));
        }
    } else {
        fields.push(field("Traffic class", format!("0x{:02x}", ip.tos)));
        if let Some(label) = ip.flow_label {
            fields.push(field("Flow label", format!("0x{label:05x}")));
        }
        fields.push(field(
            "Payload length",
            ip.total_len.saturating_sub(40).to_string(),
        ));
        fields.push(field(
            "Next header",
            format!("{} ({})", ip.protocol, protocol_name(ip.protocol)),
        ));
        fields.push(field("Hop limit", ip.ttl.to_string()));
    }
    fields.push(field("Source address", ip.src.to_string()));
    fields.push(field("Destination address", ip.dst.to_string()));
    Section {
        title: format!("Internet Protocol Version {}", ip.version),
        fields,
    }
}

fn option_text(option: &TcpOptionInfo) -> String {
    match option {
        TcpOptionInfo::Mss(m) => format!("MSS {m}"),
        TcpOptionInfo::WindowScale(s) => {
            format!("window scale {s} (×{})", 1u32 << u32::from((*s).min(14)))
        }
        TcpOptionInfo::SackPermitted => "SACK permitted".to_string(),
        TcpOptionInfo::Sack(blocks) => {
            let b: Vec<String> = blocks.iter().map(|(l, r)| format!("{l}-{r}")).collect();
            format!("SACK {}", b.join(" "))
        }
        TcpOptionInfo::Timestamps { tsval, tsecr } => {
            format!("timestamps TSval {tsval} TSecr {tsecr}")
        }
        TcpOptionInfo::Nop => "NOP".to_string(),
        TcpOptionInfo::End => "EOL".to_string(),
        TcpOptionInfo::Unknown(kind, data) => format!("kind {kind} ({} bytes)", data.len()),
    }
}

fn tcp_section(tcp: &TcpFields, payload_len: usize) -> Section {
    let options: Vec<String> = tcp.options.iter().map(option_text).collect();
    let ack = if tcp.flags.contains(&"ACK") {
        tcp.ack.to_string()
    } else {
        format!("{} (ACK not set)", tcp.ack)
    };
    Section {
        title: "Transmission Control Protocol".to_string(),
        fields: vec![
            field("Source port", tcp.sport.to_string()),
            field("Destination port", tcp.dport.to_string()),
            field("Sequence number", tcp.seq.to_string()),
            field("Acknowledgment number", ack),
            field(
                "Header length",
                format!(
                    "{} bytes (data offset {})",
                    tcp.header_len,
                    tcp.header_len / 4
                ),
            ),
            field("Flags", tcp.flags.join(", ")),
            field("Window", tcp.window.to_string()),
            checksum("Checksum", tcp.checksum),
            field("Urgent pointer", tcp.urgent.to_string()),
            field(
                "Options",
                if options.is_empty() {
                    "none".to_string()
                } else {
                    options.join(", ")
                },
            ),
            field("Segment length", payload_len.to_string()),
        ],
    }
}

/// The header sections of a dissected packet: IP, then TCP when present.
pub fn field_sections(packet: &PacketFields) -> Vec<Section> {
    let mut sections = vec![ip_section(&packet.ip)];
    if let Some(tcp) = &packet.tcp {
        sections.push(tcp_section(tcp, packet.payload.len()));
    }
    sections
}

/// The heading for a payload: `Hypertext Transfer Protocol` when it starts like an HTTP message.
pub fn payload_title(payload: &[u8]) -> &'static str {
    const STARTS: [&[u8]; 9] = [
        b"HTTP/",
        b"GET ",
        b"HEAD ",
        b"POST ",
        b"PUT ",
        b"DELETE ",
        b"OPTIONS ",
        b"PATCH ",
        b"CONNECT ",
    ];
    if STARTS.iter().any(|s| payload.starts_with(s)) {
        "Hypertext Transfer Protocol"
    } else {
        "Data"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::net::{dissect, NetNamespace, Owner};
    use std::net::{IpAddr, Ipv4Addr};

    fn value(section: &Section, name: &str) -> String {
        section
            .fields
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.value.clone())
            .unwrap_or_default()
    }

    #[test]
    fn a_real_syn_reads_like_wireshark() {
        let mut ns = NetNamespace::new([10, 244, 1, 5]);
        let owner = |c: &str, pid, p: &str| Owner {
            container: c.into(),
            pid,
            program: p.into(),
        };
        ns.listen(
            owner("nginx-container", 1, "nginx"),
            IpAddr::V4(Ipv4Addr::UNSPECIFIED),
            80,
            0,
        )
        .unwrap();
        ns.connect(
            owner("debian-container", 42, "curl"),
            IpAddr::V4(Ipv4Addr::LOCALHOST),
            80,
            5,
        )
        .unwrap();
        ns.poll(5);
        let syn = dissect(&ns.captures()[0].bytes).unwrap();
        let s = field_sections(&syn);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].title, "Internet Protocol Version 4");
        assert_eq!(value(&s[0], "Protocol"), "6 (TCP)");
        assert_eq!(value(&s[0], "Source address"), "127.0.0.1");
        assert!(value(&s[0], "Header checksum").ends_with("✓ correct"));
        assert_eq!(value(&s[1], "Destination port"), "80");
        assert_eq!(value(&s[1], "Flags"), "SYN");
        assert_eq!(
            value(&s[1], "Sequence number"),
            syn.tcp.as_ref().unwrap().seq.to_string()
        );
        assert!(value(&s[1], "Acknowledgment number").contains("ACK not set"));
        assert!(
            value(&s[1], "Options").contains("MSS 65495"),
            "{}",
            value(&s[1], "Options")
        );
        assert_eq!(
            s[1].fields
                .iter()
                .find(|f| f.name == "Checksum")
                .unwrap()
                .valid,
            Some(true)
        );
    }

    #[test]
    fn a_corrupted_checksum_is_flagged() {
        let mut ns = NetNamespace::new([10, 244, 1, 5]);
        let owner = Owner {
            container: "debian-container".into(),
            pid: 42,
            program: "curl".into(),
        };
        ns.connect(owner, IpAddr::V4(Ipv4Addr::LOCALHOST), 80, 0)
            .unwrap();
        ns.poll(0);
        let mut bytes = ns.captures()[0].bytes.clone();
        bytes[10] ^= 0xff; // IPv4 header checksum
        let s = field_sections(&dissect(&bytes).unwrap());
        assert!(value(&s[0], "Header checksum").ends_with("✗ incorrect"));
    }

    #[test]
    fn http_payloads_are_recognised() {
        assert_eq!(
            payload_title(b"GET / HTTP/1.1\r\n"),
            "Hypertext Transfer Protocol"
        );
        assert_eq!(
            payload_title(b"HTTP/1.1 200 OK\r\n"),
            "Hypertext Transfer Protocol"
        );
        assert_eq!(payload_title(b"<html>"), "Data");
    }
}
