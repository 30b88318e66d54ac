//! What a screen reader hears when playback moves: one step's caption, or for a burst of steps
//! a summary ("12 packets on lo"), never one announcement per packet.

use super::caption;
use crate::sim::event::{Event, EventKind};

/// Steps at most this many are announced one caption each (joined); more are summarised.
const SPELLED_OUT: usize = 1;

/// The announcement for the steps `events` that playback just showed (oldest first): the
/// caption of a single step, else a count of packets (all on the pod's one loopback, `lo`) and
/// of other events, ending with the caption of the last step. Empty for no steps.
pub fn announcement(events: &[Event]) -> String {
    let Some(last) = events.last() else {
        return String::new();
    };
    if events.len() <= SPELLED_OUT {
        return caption(last);
    }
    let packets = events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Segment(_)))
        .count();
    let others = events.len() - packets;
    let mut parts = Vec::new();
    if packets > 0 {
        parts.push(plural(packets, "packet", "packets") + " on lo");
    }
    if others > 0 {
        parts.push(plural(others, "other event", "other events"));
    }
    format!("{}. Last: {}", parts.join(" and "), caption(last))
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::announcement;
    use crate::sim::cluster::Cluster;
    use crate::sim::event::EventKind;

    /// The events `curl -s localhost` records in the localhost scenario.
    fn curl_events() -> Vec<crate::sim::event::Event> {
        let mut c = Cluster::with_scenario("localhost").unwrap_or_else(|e| panic!("{e:?}"));
        for line in ["apt-get update", "apt-get install -y curl"] {
            c.run_in_container("debian-container", line);
        }
        let before = c.trace().len();
        c.run_in_container("debian-container", "curl -s localhost");
        c.trace().since(before).to_vec()
    }

    #[test]
    fn a_burst_is_summarised_with_its_packet_count() {
        let events = curl_events();
        let packets = events
            .iter()
            .filter(|e| matches!(e.kind, EventKind::Segment(_)))
            .count();
        assert!(packets > 3, "curl sent {packets} packets");
        let said = announcement(&events);
        assert!(
            said.starts_with(&format!("{packets} packets on lo")),
            "{said}"
        );
        assert!(said.contains("Last: "), "{said}");
    }

    #[test]
    fn one_step_is_its_caption_and_none_is_silence() {
        let events = curl_events();
        assert_eq!(announcement(&events[..1]), super::caption(&events[0]));
        assert_eq!(announcement(&[]), "");
    }
}
