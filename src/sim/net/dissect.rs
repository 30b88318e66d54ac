//! Reading packets back: the fields the packet inspector shows, the summary a `Segment` event
//! carries, and a hex dump. Parsing is smoltcp's wire types; nothing here can panic on bad input.

use std::fmt::Write as _;
use std::net::IpAddr;

use smoltcp::wire::{IpAddress, IpProtocol, Ipv4Packet, Ipv6Packet, TcpOption, TcpPacket};

use super::text::ip_text;
use crate::sim::event::SegmentInfo;

/// The IP header, v4 or v6 (fields that do not exist in a version are `None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IpFields {
    /// 4 or 6.
    pub version: u8,
    /// IPv4 header length in bytes (IHL × 4); 40 for IPv6.
    pub header_len: u8,
    /// IPv4 TOS byte (DSCP << 2 | ECN) or IPv6 traffic class.
    pub tos: u8,
    /// Whole packet length in bytes.
    pub total_len: usize,
    /// IPv4 identification.
    pub id: Option<u16>,
    /// IPv4 flags spelled out: `DF`, `MF`.
    pub flags: Vec<&'static str>,
    /// IPv4 fragment offset (in 8-byte units).
    pub frag_offset: Option<u16>,
    /// TTL (IPv4) or hop limit (IPv6).
    pub ttl: u8,
    /// Protocol / next header number (6 = TCP).
    pub protocol: u8,
    /// IPv4 header checksum and whether it verifies.
    pub checksum: Option<(u16, bool)>,
    /// IPv6 flow label.
    pub flow_label: Option<u32>,
    /// Source address.
    pub src: IpAddr,
    /// Destination address.
    pub dst: IpAddr,
}

/// A decoded TCP option.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TcpOptionInfo {
    /// Maximum segment size.
    Mss(u16),
    /// Window scale shift count.
    WindowScale(u8),
    /// SACK permitted.
    SackPermitted,
    /// SACK blocks (left, right edges).
    Sack(Vec<(u32, u32)>),
    /// Timestamps.
    Timestamps {
        /// Sender's timestamp value.
        tsval: u32,
        /// Echoed timestamp.
        tsecr: u32,
    },
    /// No-operation padding.
    Nop,
    /// End of option list.
    End,
    /// Anything else: kind and data.
    Unknown(u8, Vec<u8>),
}

/// The TCP header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TcpFields {
    /// Source port.
    pub sport: u16,
    /// Destination port.
    pub dport: u16,
    /// Sequence number (absolute).
    pub seq: u32,
    /// Acknowledgement number (absolute).
    pub ack: u32,
    /// Header length in bytes (data offset × 4).
    pub header_len: u8,
    /// Flags set, in the order tshark lists them (`SYN`, `ACK`, ...).
    pub flags: Vec<&'static str>,
    /// Advertised window (unscaled).
    pub window: u16,
    /// Checksum and whether it verifies against the pseudo-header.
    pub checksum: (u16, bool),
    /// Urgent pointer.
    pub urgent: u16,
    /// Options in order.
    pub options: Vec<TcpOptionInfo>,
}

/// A dissected packet: IP header, TCP header when the payload is TCP, and the TCP payload (or the
/// IP payload for anything else).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PacketFields {
    /// The IP header.
    pub ip: IpFields,
    /// The TCP header, if the packet carries TCP.
    pub tcp: Option<TcpFields>,
    /// Payload bytes.
    pub payload: Vec<u8>,
}

fn tcp_flags(p: &TcpPacket<&[u8]>) -> Vec<&'static str> {
    let all = [
        (p.cwr(), "CWR"),
        (p.ece(), "ECE"),
        (p.urg(), "URG"),
        (p.fin(), "FIN"),
        (p.syn(), "SYN"),
        (p.rst(), "RST"),
        (p.psh(), "PSH"),
        (p.ack(), "ACK"),
    ];
    all.iter().filter(|(on, _)| *on).map(|(_, n)| *n).collect()
}

fn tcp_options(mut raw: &[u8]) -> Vec<TcpOptionInfo> {
    let mut out = Vec::new();
    while !raw.is_empty() {
        let Ok((rest, opt)) = TcpOption::parse(raw) else {
            break;
        };
        out.push(match opt {
            TcpOption::EndOfList => TcpOptionInfo::End,
            TcpOption::NoOperation => TcpOptionInfo::Nop,
            TcpOption::MaxSegmentSize(m) => TcpOptionInfo::Mss(m),
            TcpOption::WindowScale(w) => TcpOptionInfo::WindowScale(w),
            TcpOption::SackPermitted => TcpOptionInfo::SackPermitted,
            TcpOption::SackRange(r) => TcpOptionInfo::Sack(r.iter().flatten().copied().collect()),
            TcpOption::TimeStamp { tsval, tsecr } => TcpOptionInfo::Timestamps { tsval, tsecr },
            TcpOption::Unknown { kind, data } => TcpOptionInfo::Unknown(kind, data.to_vec()),
        });
        if matches!(opt, TcpOption::EndOfList) {
            break;
        }
        raw = rest;
    }
    out
}

fn dissect_tcp(bytes: &[u8], src: IpAddr, dst: IpAddr) -> Option<(TcpFields, Vec<u8>)> {
    let p = TcpPacket::new_checked(bytes).ok()?;
    let valid = p.verify_checksum(&IpAddress::from(src), &IpAddress::from(dst));
    let fields = TcpFields {
        sport: p.src_port(),
        dport: p.dst_port(),
        seq: p.seq_number().0 as u32,
        ack: p.ack_number().0 as u32,
        header_len: p.header_len(),
        flags: tcp_flags(&p),
        window: p.window_len(),
        checksum: (p.checksum(), valid),
        urgent: p.urgent_at(),
        options: tcp_options(p.options()),
    };
    Some((fields, p.payload().to_vec()))
}

/// Dissects a raw IP packet (as captured on `lo`). `None` if it is not a well-formed IPv4/IPv6
/// packet.
pub fn dissect(bytes: &[u8]) -> Option<PacketFields> {
    let version = bytes.first()? >> 4;
    let (ip, payload) = if version == 4 {
        let p = Ipv4Packet::new_checked(bytes).ok()?;
        let mut flags = Vec::new();
        if p.dont_frag() {
            flags.push("DF");
        }
        if p.more_frags() {
            flags.push("MF");
        }
        let ip = IpFields {
            version: 4,
            header_len: p.header_len(),
            tos: (p.dscp() << 2) | p.ecn(),
            total_len: usize::from(p.total_len()),
            id: Some(p.ident()),
            flags,
            frag_offset: Some(p.frag_offset()),
            ttl: p.hop_limit(),
            protocol: u8::from(p.next_header()),
            checksum: Some((p.checksum(), p.verify_checksum())),
            flow_label: None,
            src: IpAddr::V4(p.src_addr()),
            dst: IpAddr::V4(p.dst_addr()),
        };
        (ip, p.payload())
    } else if version == 6 {
        let p = Ipv6Packet::new_checked(bytes).ok()?;
        let ip = IpFields {
            version: 6,
            header_len: 40,
            tos: p.traffic_class(),
            total_len: p.total_len(),
            id: None,
            flags: Vec::new(),
            frag_offset: None,
            ttl: p.hop_limit(),
            protocol: u8::from(p.next_header()),
            checksum: None,
            flow_label: Some(p.flow_label()),
            src: IpAddr::V6(p.src_addr()),
            dst: IpAddr::V6(p.dst_addr()),
        };
        (ip, p.payload())
    } else {
        return None;
    };
    if ip.protocol == u8::from(IpProtocol::Tcp) {
        let (tcp, data) = dissect_tcp(payload, ip.src, ip.dst)?;
        Some(PacketFields {
            ip,
            tcp: Some(tcp),
            payload: data,
        })
    } else {
        Some(PacketFields {
            ip,
            tcp: None,
            payload: payload.to_vec(),
        })
    }
}

/// The summary of a captured TCP segment that a `Segment` event carries; `None` if the packet is
/// not TCP.
pub fn segment_info(index: usize, bytes: &[u8]) -> Option<SegmentInfo> {
    // Read straight from the headers: every segment gets one, so no full dissection here.
    let (src, dst, segment) = match bytes.first()? >> 4 {
        4 => {
            let p = Ipv4Packet::new_checked(bytes).ok()?;
            let tcp = p.next_header() == IpProtocol::Tcp;
            (
                ip_text(p.src_addr().into()),
                ip_text(p.dst_addr().into()),
                tcp.then(|| p.payload())?,
            )
        }
        6 => {
            let p = Ipv6Packet::new_checked(bytes).ok()?;
            let tcp = p.next_header() == IpProtocol::Tcp;
            (
                ip_text(p.src_addr().into()),
                ip_text(p.dst_addr().into()),
                tcp.then(|| p.payload())?,
            )
        }
        _ => return None,
    };
    let tcp = TcpPacket::new_checked(segment).ok()?;
    let mut flags = String::with_capacity(16);
    let named = [
        (tcp.fin(), "FIN"),
        (tcp.syn(), "SYN"),
        (tcp.rst(), "RST"),
        (tcp.psh(), "PSH"),
        (tcp.ack(), "ACK"),
        (tcp.urg(), "URG"),
    ];
    for (_, name) in named.iter().filter(|(on, _)| *on) {
        if !flags.is_empty() {
            flags.push_str(", ");
        }
        flags.push_str(name);
    }
    Some(SegmentInfo {
        index,
        src,
        dst,
        sport: tcp.src_port(),
        dport: tcp.dst_port(),
        flags,
        seq: tcp.seq_number().0 as u32,
        ack: if tcp.ack() {
            tcp.ack_number().0 as u32
        } else {
            0
        },
        len: tcp.payload().len(),
        window: tcp.window_len(),
    })
}

/// A hex dump like `xxd -g1` or Wireshark's bytes pane: offset, 16 bytes in hex, then ASCII with
/// `.` for anything unprintable. One line per 16 bytes, each ending in `\n`.
pub fn hex_dump(bytes: &[u8]) -> String {
    let mut out = String::new();
    for (i, chunk) in bytes.chunks(16).enumerate() {
        let _ = write!(out, "{:04x}  ", i.saturating_mul(16));
        for j in 0..16 {
            match chunk.get(j) {
                Some(b) => {
                    let _ = write!(out, "{b:02x} ");
                }
                None => out.push_str("   "),
            }
            if j == 7 {
                out.push(' ');
            }
        }
        out.push(' ');
        out.extend(chunk.iter().map(|&b| {
            if b.is_ascii_graphic() || b == b' ' {
                char::from(b)
            } else {
                '.'
            }
        }));
        out.push('\n');
    }
    out
}
