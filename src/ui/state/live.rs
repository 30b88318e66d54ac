//! One frame of playback. In live mode the picture catches up with the terminals within about a
//! second (`crate::anim::live`); leaving live (pause, step, seek, pick an event) holds the
//! picture where the user put it, and "jump to now" returns. While a line runs, the event list
//! is rebuilt a few times a second, not every frame.

use super::AppState;
use crate::anim::live::backlog_ms;
use crate::anim::weight;
use crate::ui::slices::{wall_ms, LIST_REFRESH_MS};

/// Faster than this, the event list stops following every step (its rows would be redrawn
/// every frame) and moves a few times a second.
const FAST_SPEED: f64 = 4.0;

impl AppState {
    /// Advances playback by `dt` wall ms over a trace of `len` events; true when it moved.
    pub(super) fn play_frame(&mut self, dt: f64, len: usize) -> bool {
        self.catch_up.tick(dt, len);
        if self.live && self.playback.position < len {
            self.playback.playing = true;
        }
        let cluster = self.cluster.borrow();
        let events = cluster.trace().events();
        let weight_of = |i: usize| events.get(i).map_or(1.0, |e| weight(&e.kind));
        let speed = if self.live {
            let backlog = backlog_ms(&self.playback, len, weight_of);
            self.catch_up.speed(self.playback.speed, backlog)
        } else {
            self.playback.speed
        };
        let moved = self.playback.play(dt, len, speed, weight_of);
        self.list_hold = match self.list_hold {
            _ if speed <= FAST_SPEED || self.playback.position >= len => None,
            Some((at, since)) if wall_ms() - since < LIST_REFRESH_MS => Some((at, since)),
            _ => Some((self.playback.position, wall_ms())),
        };
        moved
    }

    /// Bumps `lists_version` unless a line runs and the lists were rebuilt a moment ago.
    pub(super) fn refresh_lists(&mut self) {
        let now = wall_ms();
        let running = self.cluster.borrow().has_running_lines();
        if !running || now - self.lists_at >= LIST_REFRESH_MS {
            self.lists_version += 1;
            self.lists_at = now;
        }
    }

    /// How many compactions the trace has had (see `crate::sim::event::compact`).
    pub(super) fn compactions_seen(&self) -> usize {
        self.cluster.borrow().trace().compactions().len()
    }

    /// The trace compacted its oldest events since it had `seen` compactions: the positions
    /// the state holds move with the events they point at (into the compacted part's end if
    /// their event was dropped), and the lists are rebuilt. Returns where `position` is now.
    pub(super) fn follow_compaction(&mut self, seen: usize, position: usize) -> usize {
        if self.compactions_seen() == seen {
            return position;
        }
        let cluster = self.cluster.borrow();
        let trace = cluster.trace();
        self.playback.position = trace.map_position(self.playback.position, seen);
        self.selected_event = self.selected_event.map(|e| {
            trace
                .map_position(e.saturating_add(1), seen)
                .saturating_sub(1)
        });
        self.list_hold = None;
        self.lists_at = f64::NEG_INFINITY;
        trace.map_position(position, seen)
    }

    /// Steps not shown yet: how far the picture is behind the terminals.
    pub fn behind(&self) -> usize {
        self.len().saturating_sub(self.playback.position)
    }

    /// "Jump to now": everything that happened is shown, and new events play as they come.
    pub(super) fn jump_to_now(&mut self) {
        let len = self.len();
        self.playback.follow(len);
        self.playback.playing = false;
        self.live = true;
        self.catch_up = Default::default();
    }
}
