//! The loopback device: every IP packet transmitted comes back in as received, in order, and is
//! recorded on the way with the simulated time it was sent.

use std::collections::VecDeque;

use smoltcp::phy::{self, ChecksumCapabilities, DeviceCapabilities, Medium};
use smoltcp::time::Instant;

/// One packet as it crossed the device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Captured {
    /// Simulated time of transmission, in milliseconds.
    pub t_ms: u64,
    /// The raw IP packet (IPv4 or IPv6 header first; no link-layer header).
    pub bytes: Vec<u8>,
    /// The device it crossed: always `lo`, since traffic to the pod's own IP also loops back.
    pub device: &'static str,
}

/// Linux's `lo` MTU is 65536; smoltcp caps a device at 65535, which still yields Linux's MSS of
/// 65495 for IPv4 (65535 - 20 - 20).
const LO_MTU: usize = 65535;

/// A loopback `phy::Device` that captures. Checksums are computed and verified (unlike smoltcp's
/// own `Loopback`) so that the capture dissects with valid checksums.
/// Most packets a capture keeps: past it (and a quarter more) the oldest are dropped, bytes
/// and all, so memory stays bounded; their numbers are not reused.
pub const MAX_PACKETS: usize = 20_000;

#[derive(Debug, Default)]
pub(crate) struct CaptureLoopback {
    queue: VecDeque<Vec<u8>>,
    captured: Vec<Captured>,
    /// Packets dropped from the front of `captured`.
    dropped: usize,
}

impl CaptureLoopback {
    /// True when no packet waits to be received.
    pub(crate) fn is_idle(&self) -> bool {
        self.queue.is_empty()
    }

    /// The packets kept of those transmitted so far (the last [`MAX_PACKETS`] or so).
    pub(crate) fn captured(&self) -> &[Captured] {
        &self.captured
    }

    /// Packets dropped from the front so far.
    pub(crate) fn dropped(&self) -> usize {
        self.dropped
    }

    /// Packets transmitted so far, kept or dropped.
    pub(crate) fn total(&self) -> usize {
        self.dropped.saturating_add(self.captured.len())
    }

    /// Drops the oldest packets once more than a quarter over [`MAX_PACKETS`], but none at or
    /// after number `reported` (not yet turned into events).
    pub(crate) fn forget_old(&mut self, reported: usize) {
        if self.captured.len() <= MAX_PACKETS + MAX_PACKETS / 4 {
            return;
        }
        let excess = self
            .captured
            .len()
            .saturating_sub(MAX_PACKETS)
            .min(reported.saturating_sub(self.dropped));
        self.captured.drain(..excess);
        self.dropped = self.dropped.saturating_add(excess);
    }
}

impl phy::Device for CaptureLoopback {
    type RxToken<'a> = RxToken;
    type TxToken<'a> = TxToken<'a>;

    fn capabilities(&self) -> DeviceCapabilities {
        let mut caps = DeviceCapabilities::default();
        caps.max_transmission_unit = LO_MTU;
        caps.medium = Medium::Ip;
        caps.checksum = ChecksumCapabilities::default();
        caps
    }

    fn receive(&mut self, timestamp: Instant) -> Option<(RxToken, TxToken<'_>)> {
        let buffer = self.queue.pop_front()?;
        Some((
            RxToken { buffer },
            TxToken {
                dev: self,
                timestamp,
            },
        ))
    }

    fn transmit(&mut self, timestamp: Instant) -> Option<TxToken<'_>> {
        Some(TxToken {
            dev: self,
            timestamp,
        })
    }
}

/// A received packet handed to smoltcp.
pub(crate) struct RxToken {
    buffer: Vec<u8>,
}

impl phy::RxToken for RxToken {
    fn consume<R, F>(self, f: F) -> R
    where
        F: FnOnce(&[u8]) -> R,
    {
        f(&self.buffer)
    }
}

/// Room for one packet to transmit; the packet is captured and queued for reception.
pub(crate) struct TxToken<'a> {
    dev: &'a mut CaptureLoopback,
    timestamp: Instant,
}

impl phy::TxToken for TxToken<'_> {
    fn consume<R, F>(self, len: usize, f: F) -> R
    where
        F: FnOnce(&mut [u8]) -> R,
    {
        let mut buffer = vec![0; len];
        let result = f(&mut buffer);
        let t_ms = u64::try_from(self.timestamp.total_millis()).unwrap_or(0);
        self.dev.captured.push(Captured {
            t_ms,
            bytes: buffer.clone(),
            device: "lo",
        });
        self.dev.queue.push_back(buffer);
        result
    }
}
