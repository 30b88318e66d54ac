//! The capture as a classic pcap file (what `tshark -r` and Wireshark open).

use super::device::Captured;
use super::namespace::NetNamespace;
use crate::sim::clock::EPOCH_UNIX_MS;

/// `LINKTYPE_RAW`: each record is a bare IPv4 or IPv6 packet, which is what `lo` carries here.
const LINKTYPE_RAW: u32 = 101;
const SNAPLEN: u32 = 262_144;

impl NetNamespace {
    /// Every captured packet as a little-endian pcap file (microsecond timestamps, on the sim's
    /// wall clock).
    pub fn pcap(&self) -> Vec<u8> {
        pcap_file(self.captures())
    }
}

/// Captured packets (of one namespace or several, in order) as a little-endian pcap file.
pub fn pcap_file(captures: &[Captured]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(&0xa1b2_c3d4u32.to_le_bytes());
    out.extend_from_slice(&2u16.to_le_bytes());
    out.extend_from_slice(&4u16.to_le_bytes());
    out.extend_from_slice(&0i32.to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&SNAPLEN.to_le_bytes());
    out.extend_from_slice(&LINKTYPE_RAW.to_le_bytes());
    // The sim clock counts milliseconds; packets sent in the same millisecond are spread 10 µs
    // apart so that Wireshark's time column keeps their order readable.
    let mut same_ms: (u64, u64) = (u64::MAX, 0);
    for c in captures {
        same_ms = if same_ms.0 == c.t_ms {
            (c.t_ms, same_ms.1.saturating_add(1))
        } else {
            (c.t_ms, 0)
        };
        let unix_ms = EPOCH_UNIX_MS.saturating_add(c.t_ms);
        let secs = u32::try_from(unix_ms / 1000).unwrap_or(u32::MAX);
        let usecs = u32::try_from((unix_ms % 1000) * 1000 + (same_ms.1 * 10).min(990)).unwrap_or(0);
        let len = u32::try_from(c.bytes.len()).unwrap_or(u32::MAX);
        out.extend_from_slice(&secs.to_le_bytes());
        out.extend_from_slice(&usecs.to_le_bytes());
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&c.bytes);
    }
    out
}
