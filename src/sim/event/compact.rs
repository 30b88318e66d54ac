//! Compacting the oldest part of a long trace, so memory stays bounded however long a loop
//! runs: of the events before the cut only those that set lasting state are kept (the pod, its
//! containers and volumes, packages, listeners, the processes still alive, the last write of
//! each file, the lines typed); per-packet, per-connection and per-request detail is dropped.
//! Deriving the scene from the kept events gives what deriving it from all of them gave,
//! except for the port numbers of connections opened before the cut (see `ARCHITECTURE.md`,
//! "Bounded memory").

use super::{Event, EventKind, TcpState};
use std::collections::{BTreeMap, BTreeSet};

/// One compaction: where the trace was cut and how many events before the cut went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Compaction {
    /// Events before this position (in the trace as it was) were compacted.
    pub cut: usize,
    /// How many of them were dropped.
    pub removed: usize,
}

impl Compaction {
    /// Where position `p` of the trace before this compaction is now: after the cut it moves
    /// back by the events removed; inside the compacted part it moves to the part's end.
    pub fn map(&self, p: usize) -> usize {
        if p >= self.cut {
            p.saturating_sub(self.removed)
        } else {
            p.min(self.cut.saturating_sub(self.removed))
        }
    }
}

/// Which of `old` (the events before the cut) are kept: one flag per event.
pub(super) fn lasting(old: &[Event]) -> Vec<bool> {
    let mut keep: Vec<bool> = old.iter().map(|e| sets_state(&e.kind)).collect();
    // A process that started and ended before the cut leaves nothing behind, unless it
    // listened (its exit takes its listeners away).
    let listeners: BTreeSet<(&str, u32)> = old
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Listen { owner, .. } => Some((owner.container.as_str(), owner.pid)),
            _ => None,
        })
        .collect();
    let mut started: BTreeMap<(&str, u32), usize> = BTreeMap::new();
    // Only the last write (or removal) of a path matters to what is drawn.
    let mut last_of_path: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, e) in old.iter().enumerate() {
        match &e.kind {
            EventKind::ProcessStarted { container, pid, .. } => {
                started.insert((container.as_str(), *pid), i);
            }
            EventKind::ProcessExited { container, pid, .. } => {
                let key = (container.as_str(), *pid);
                if let Some(start) = started.remove(&key).filter(|_| !listeners.contains(&key)) {
                    set(&mut keep, start, false);
                    set(&mut keep, i, false);
                }
            }
            EventKind::FileWritten { path, .. } | EventKind::FileRemoved { path, .. } => {
                if let Some(before) = last_of_path.insert(path.as_str(), i) {
                    set(&mut keep, before, false);
                }
            }
            _ => {}
        }
    }
    keep
}

fn set(flags: &mut [bool], i: usize, value: bool) {
    if let Some(f) = flags.get_mut(i) {
        *f = value;
    }
}

/// Whether an event of this kind can matter long after it happened (before the pairing of
/// processes and the last write per path are looked at).
fn sets_state(kind: &EventKind) -> bool {
    match kind {
        EventKind::PodCreated { .. }
        | EventKind::PodPhase { .. }
        | EventKind::PodDeleted { .. }
        | EventKind::ImagePull { .. }
        | EventKind::ContainerState { .. }
        | EventKind::VolumeCreated { .. }
        | EventKind::VolumeMounted { .. }
        | EventKind::CommandTyped { .. }
        | EventKind::ProcessStarted { .. }
        | EventKind::ProcessExited { .. }
        | EventKind::PackageInstalled { .. }
        | EventKind::FileWritten { .. }
        | EventKind::FileRemoved { .. }
        | EventKind::Listen { .. } => true,
        EventKind::TcpState { from, to, .. } => {
            *from == TcpState::Listen || *to == TcpState::Listen
        }
        EventKind::FileRead { .. }
        | EventKind::DirCreated { .. }
        | EventKind::WriteFailed { .. }
        | EventKind::BindFailed { .. }
        | EventKind::Connect { .. }
        | EventKind::Segment(_)
        | EventKind::Accepted { .. }
        | EventKind::Refused { .. }
        | EventKind::HttpRequest { .. }
        | EventKind::HttpResponse { .. }
        | EventKind::AccessLog { .. } => false,
    }
}
