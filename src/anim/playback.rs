//! The playback clock of the explainer: which step of the trace is shown, how far its
//! animation has progressed, and how play, pause, step and speed move it. Pure: the web layer
//! feeds it elapsed milliseconds from requestAnimationFrame.

use crate::sim::event::EventKind;

/// Slowest and fastest playback speeds.
pub const SPEED_RANGE: (f64, f64) = (0.25, 4.0);

/// How long one step's animation lasts at 1× speed, in milliseconds.
pub const STEP_MS: f64 = 900.0;

/// How long an event's step lasts, relative to [`STEP_MS`]: what travels or lights up in the
/// diagram (segments, writes, refusals, HTTP) gets the full time; bookkeeping (process starts,
/// state changes, typed commands) passes quickly so that a `curl` plays in a few seconds.
pub fn weight(kind: &EventKind) -> f64 {
    use EventKind::*;
    match kind {
        Segment(_)
        | FileWritten { .. }
        | Refused { .. }
        | BindFailed { .. }
        | WriteFailed { .. }
        | HttpRequest { .. }
        | HttpResponse { .. }
        | VolumeMounted { .. } => 1.0,
        PodCreated { .. }
        | PodDeleted { .. }
        | ContainerState { .. }
        | ImagePull { .. }
        | VolumeCreated { .. }
        | Listen { .. } => 0.5,
        _ => 0.2,
    }
}

/// Where playback stands.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Playback {
    /// Number of events shown (0 = none; `len` = all).
    pub position: usize,
    /// Progress of the current step's animation, 0.0–1.0.
    pub progress: f64,
    /// Whether time runs.
    pub playing: bool,
    /// Speed multiplier, within [`SPEED_RANGE`].
    pub speed: f64,
}

impl Default for Playback {
    fn default() -> Self {
        Playback {
            position: 0,
            progress: 1.0,
            playing: false,
            speed: 1.0,
        }
    }
}

impl Playback {
    /// Advances by `dt_ms` of wall time over a trace of `len` events; returns true when the
    /// scene changed.
    pub fn tick(&mut self, dt_ms: f64, len: usize) -> bool {
        self.tick_weighted(dt_ms, len, 1.0)
    }

    /// Like [`Playback::tick`], for a current step that lasts `weight` × [`STEP_MS`] (see
    /// [`weight`]): packets and file writes get the full time, bookkeeping events a fraction.
    pub fn tick_weighted(&mut self, dt_ms: f64, len: usize, weight: f64) -> bool {
        self.play(dt_ms, len, self.speed, |_| weight)
    }

    /// Advances by `dt_ms` of wall time at `speed` (live mode catches up faster than the
    /// chosen speed), through as many steps as that time covers; step `i` lasts
    /// `weight_of(i)` × [`STEP_MS`] (see [`weight`]). Returns true when the scene changed.
    pub fn play(
        &mut self,
        dt_ms: f64,
        len: usize,
        speed: f64,
        weight_of: impl Fn(usize) -> f64,
    ) -> bool {
        if !self.playing {
            return false;
        }
        if self.position >= len && self.progress >= 1.0 {
            self.playing = false;
            return false;
        }
        let speed = if speed.is_finite() {
            speed.max(0.0)
        } else {
            1.0
        };
        // Wall time at 1× still to spend on steps.
        let mut budget = dt_ms.max(0.0) * speed;
        loop {
            if self.position >= len {
                self.progress = 1.0;
                break;
            }
            let w = weight_of(self.position);
            let step = STEP_MS
                * if w.is_finite() {
                    w.clamp(0.05, 4.0)
                } else {
                    1.0
                };
            let left = (1.0 - self.progress.clamp(0.0, 1.0)) * step;
            if budget < left {
                self.progress += budget / step;
                break;
            }
            budget -= left;
            self.position += 1;
            self.progress = if self.position < len { 0.0 } else { 1.0 };
        }
        true
    }

    /// Shows one more event, its animation complete.
    pub fn step_forward(&mut self, len: usize) {
        self.playing = false;
        self.position = (self.position + 1).min(len);
        self.progress = 1.0;
    }

    /// Shows one event fewer.
    pub fn step_back(&mut self) {
        self.playing = false;
        self.position = self.position.saturating_sub(1);
        self.progress = 1.0;
    }

    /// Jumps so that exactly `position` events are shown.
    pub fn seek(&mut self, position: usize, len: usize) {
        self.position = position.min(len);
        self.progress = 1.0;
    }

    /// Sets the speed, clamped to [`SPEED_RANGE`].
    pub fn set_speed(&mut self, speed: f64) {
        self.speed = if speed.is_finite() {
            speed.clamp(SPEED_RANGE.0, SPEED_RANGE.1)
        } else {
            1.0
        };
    }

    /// Jumps to the end (live mode: what you type shows at once).
    pub fn follow(&mut self, len: usize) {
        self.position = len;
        self.progress = 1.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plays_steps_and_stops_at_the_end() {
        let mut p = Playback {
            playing: true,
            progress: 0.0,
            ..Playback::default()
        };
        assert!(p.tick(STEP_MS / 2.0, 2));
        assert_eq!(p.position, 0);
        p.tick(STEP_MS / 2.0, 2);
        assert_eq!(p.position, 1);
        p.set_speed(2.0);
        p.tick(STEP_MS / 2.0, 2);
        assert_eq!((p.position, p.progress), (2, 1.0));
        assert!(!p.tick(10.0, 2));
        assert!(!p.playing);
        p.step_back();
        p.step_back();
        p.step_back();
        assert_eq!(p.position, 0);
        p.set_speed(100.0);
        assert_eq!(p.speed, 4.0);
        p.set_speed(f64::NAN);
        assert_eq!(p.speed, 1.0);
        let mut q = Playback {
            playing: true,
            progress: 0.0,
            ..Playback::default()
        };
        q.tick_weighted(STEP_MS * 0.2, 2, 0.2);
        assert_eq!(q.position, 1, "a light step passes in a fifth of the time");
    }
}
