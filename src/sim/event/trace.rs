//! The trace: events appended in time order, with the kubelet's later steps held back until
//! the clock reaches them.

use super::compact::{lasting, Compaction};
use super::{Actor, Event, EventKind};

/// Most events a trace holds: past it, the oldest are compacted ([`super::compact`]).
pub const MAX_EVENTS: usize = 40_000;

/// The ordered list of events of one pod's life.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trace {
    events: Vec<Event>,
    /// Events that have not happened yet at the clock's time (the kubelet's later steps),
    /// recorded as soon as something happens at or after their time.
    pending: Vec<Event>,
    /// Most events held before the oldest are compacted.
    limit: usize,
    /// The length past which the next compaction runs: `limit`, or a quarter of it beyond
    /// what the last compaction left, when events that set lasting state (lines typed, say)
    /// fill more than the compacted part. Compacting at every event would cost O(n) each.
    compact_at: usize,
    /// Every compaction so far, oldest first.
    compactions: Vec<Compaction>,
    /// Events dropped by compaction in all.
    dropped: usize,
}

impl Default for Trace {
    fn default() -> Self {
        Trace::with_limit(MAX_EVENTS)
    }
}

impl Trace {
    /// An empty trace that compacts its oldest events past `limit` events.
    pub fn with_limit(limit: usize) -> Trace {
        Trace {
            events: Vec::new(),
            pending: Vec::new(),
            limit: limit.max(4),
            compact_at: limit.max(4),
            compactions: Vec::new(),
            dropped: 0,
        }
    }

    /// Compacts past `limit` events from now on (tests use a small one).
    pub fn set_limit(&mut self, limit: usize) {
        self.limit = limit.max(4);
        self.compact_at = self.limit;
    }

    /// Events dropped by compaction so far (the list says "showing the last N events").
    pub fn dropped(&self) -> usize {
        self.dropped
    }

    /// Every compaction so far, oldest first: a position taken before compaction `i` is
    /// found again by mapping it through compactions `i..` ([`Compaction::map`]).
    pub fn compactions(&self) -> &[Compaction] {
        &self.compactions
    }

    /// Where position `p`, taken when [`Trace::compactions`] had `seen` entries, is now.
    pub fn map_position(&self, p: usize, seen: usize) -> usize {
        self.compactions
            .get(seen..)
            .unwrap_or_default()
            .iter()
            .fold(p, |p, c| c.map(p))
    }

    /// Past the limit, compacts the oldest quarter of the limit's worth of events and more:
    /// the last three quarters stay whole, and of those before only the ones that set lasting
    /// state stay. Every event is then numbered again by its position.
    fn compact_if_full(&mut self) {
        if self.events.len() <= self.compact_at {
            return;
        }
        let cut = self.events.len().saturating_sub(self.limit / 4 * 3);
        let flags = lasting(self.events.get(..cut).unwrap_or_default());
        let mut i = 0;
        self.events.retain(|_| {
            let kept = i >= cut || flags.get(i).copied().unwrap_or(true);
            i += 1;
            kept
        });
        let removed = i.saturating_sub(self.events.len());
        for (seq, e) in self.events.iter_mut().enumerate() {
            e.seq = seq as u64;
        }
        self.dropped = self.dropped.saturating_add(removed);
        self.compactions.push(Compaction { cut, removed });
        self.compact_at = self
            .limit
            .max(self.events.len().saturating_add(self.limit / 4));
    }

    /// Appends an event at time `t_ms`.
    pub fn record(&mut self, t_ms: u64, actor: Actor, kind: EventKind) {
        self.flush_until(t_ms);
        self.push(t_ms, actor, kind);
    }

    /// Appends without looking at pending events.
    fn push(&mut self, t_ms: u64, actor: Actor, kind: EventKind) {
        let seq = self.events.len() as u64;
        self.events.push(Event {
            seq,
            t_ms,
            actor,
            kind,
        });
        self.compact_if_full();
    }

    /// Records the pending events whose time has come (`t_ms` or earlier), keeping the trace in
    /// time order whatever the caller records next.
    pub fn flush_until(&mut self, t_ms: u64) {
        let due = self.pending.iter().take_while(|e| e.t_ms <= t_ms).count();
        let due: Vec<Event> = self.pending.drain(..due).collect();
        for e in due {
            self.push(e.t_ms, e.actor, e.kind);
        }
    }

    /// Holds back the events recorded after `t_ms` (at the end of the trace: they have not
    /// happened yet at `t_ms`); they come back in time order as the clock passes them.
    pub fn defer_after(&mut self, t_ms: u64) {
        let later = self.split_off_after(t_ms);
        self.pending.extend(later);
    }

    /// Removes the last event when `pred` holds for it: a step that a later event of the same
    /// operation makes redundant (the truncation before a redirected write).
    pub fn drop_last_if(&mut self, pred: impl FnOnce(&Event) -> bool) {
        if self.events.last().is_some_and(pred) {
            self.events.pop();
        }
    }

    /// True while some events are held back for later.
    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Time of the last held-back event, if any.
    pub fn last_pending_ms(&self) -> Option<u64> {
        self.pending.last().map(|e| e.t_ms)
    }

    /// Takes out the events after `t_ms` (at the end of the trace: they have not happened yet
    /// at `t_ms`), to be recorded again by [`Trace::record`] when the clock gets there.
    fn split_off_after(&mut self, t_ms: u64) -> Vec<Event> {
        let keep = self
            .events
            .iter()
            .rposition(|e| e.t_ms <= t_ms)
            .map_or(0, |i| i + 1);
        self.events.split_off(keep)
    }

    /// Time of the last event recorded, if any.
    pub fn last_ms(&self) -> Option<u64> {
        self.events.last().map(|e| e.t_ms)
    }

    /// All events so far.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// Events from position `from` on (what the UI has not animated yet).
    pub fn since(&self, from: usize) -> &[Event] {
        self.events.get(from..).unwrap_or(&[])
    }

    /// Number of events.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// True when nothing has happened yet.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// The trace as JSON Lines, one event per line.
    pub fn to_jsonl(&self) -> String {
        let mut s = String::new();
        for e in &self.events {
            if let Ok(line) = serde_json::to_string(e) {
                s.push_str(&line);
                s.push('\n');
            }
        }
        s
    }
}
