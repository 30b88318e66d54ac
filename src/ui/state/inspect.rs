//! Which packet the Packet tab inspects: the selected event's segment, else the one of the
//! event on show. Stepping back picks an earlier event; the cluster numbers packets across
//! pods, so the packet found is that event's even after the pod was re-created.

use std::rc::Rc;

use super::AppState;
use crate::sim::event::EventKind;

/// The packet the inspector shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InspectedPacket {
    /// Its number in the cluster's capture (frame `index + 1` of the pcap).
    pub index: usize,
    /// Simulated time it crossed `lo`.
    pub t_ms: u64,
    /// The raw IP packet.
    pub bytes: Rc<Vec<u8>>,
}

impl AppState {
    /// The packet of the selected event, else of the event on show; `None` when that event is
    /// not a segment.
    pub fn inspected_packet(&self) -> Option<InspectedPacket> {
        let cluster = self.cluster.borrow();
        let pick = self
            .selected_event
            .or_else(|| self.playback.position.checked_sub(1))?;
        let event = cluster.trace().events().get(pick)?;
        let EventKind::Segment(s) = &event.kind else {
            return None;
        };
        let packet = cluster.packet(s.index)?;
        Some(InspectedPacket {
            index: s.index,
            t_ms: event.t_ms,
            bytes: Rc::new(packet.bytes.clone()),
        })
    }
}
