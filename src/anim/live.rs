//! Live mode keeps the picture within about a second of the terminals: the steps not shown yet
//! play fast enough to be over [`LIVE_LAG_MS`] after the newest event arrived. One `curl`
//! (about 12 s of steps at 1×) then plays in a second; a loop's thousands of events rush past
//! while the event list keeps every one of them. Pure: the web layer feeds frame times.

use super::playback::{Playback, STEP_MS};

/// How long after the newest event the picture may still be catching up, in wall ms.
pub const LIVE_LAG_MS: f64 = 1_000.0;

/// The live catch-up clock: how much of [`LIVE_LAG_MS`] is left since events last arrived.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CatchUp {
    /// Trace length when events last arrived.
    seen: usize,
    /// Wall ms left until the picture must have caught up.
    left_ms: f64,
}

impl Default for CatchUp {
    fn default() -> Self {
        CatchUp {
            seen: 0,
            left_ms: LIVE_LAG_MS,
        }
    }
}

impl CatchUp {
    /// `dt_ms` of wall time passed, and the trace now holds `len` events: new events restart
    /// the countdown.
    pub fn tick(&mut self, dt_ms: f64, len: usize) {
        if len != self.seen {
            self.seen = len;
            self.left_ms = LIVE_LAG_MS;
        } else if dt_ms.is_finite() {
            self.left_ms = (self.left_ms - dt_ms.max(0.0)).max(0.0);
        }
    }

    /// The speed that plays the steps left (`backlog_ms` of them at 1×) by the deadline, never
    /// slower than the chosen `speed`.
    pub fn speed(&self, speed: f64, backlog_ms: f64) -> f64 {
        let left = self.left_ms.max(MIN_LEFT_MS);
        speed.max(backlog_ms / left)
    }
}

/// The countdown never divides by less than one frame.
const MIN_LEFT_MS: f64 = 16.0;

/// Wall ms at 1× that the steps from `p.position` to the end take: the one in flight (what is
/// left of it) and every later one, each `weight_of(i)` × [`STEP_MS`].
pub fn backlog_ms(p: &Playback, len: usize, weight_of: impl Fn(usize) -> f64) -> f64 {
    if p.position >= len {
        return 0.0;
    }
    let first = (1.0 - p.progress.clamp(0.0, 1.0)) * weight_of(p.position);
    let rest: f64 = (p.position + 1..len).map(&weight_of).sum();
    (first + rest) * STEP_MS
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Plays `len` steps of weight 1 from the start in live mode at 60 frames a second; returns
    /// the frames until the last one is shown.
    fn frames_to_catch_up(len: usize) -> usize {
        let mut p = Playback {
            position: 0,
            progress: 0.0,
            playing: true,
            speed: 1.0,
        };
        let mut live = CatchUp::default();
        let mut frames = 0;
        while p.position < len && frames < 1_000 {
            frames += 1;
            let dt = 1000.0 / 60.0;
            live.tick(dt, len);
            let speed = live.speed(p.speed, backlog_ms(&p, len, |_| 1.0));
            p.play(dt, len, speed, |_| 1.0);
        }
        frames
    }

    #[test]
    fn a_backlog_of_any_size_is_shown_within_about_a_second() {
        // 13 steps (a curl, 11.7 s at 1×) and 30,000 (a loop of a thousand).
        for len in [13, 30_000] {
            let frames = frames_to_catch_up(len);
            assert!((55..=62).contains(&frames), "{len} steps: {frames} frames");
        }
        // One step plays at the chosen speed: 0.9 s.
        assert!((54..=55).contains(&frames_to_catch_up(1)));
    }

    #[test]
    fn new_events_restart_the_countdown() {
        let mut live = CatchUp::default();
        live.tick(600.0, 0);
        assert_eq!(live.speed(1.0, 4_000.0), 10.0);
        live.tick(600.0, 5);
        assert_eq!(live.speed(1.0, 4_000.0), 4.0);
        assert_eq!(live.speed(8.0, 4_000.0), 8.0, "never slower than chosen");
        live.tick(5_000.0, 5);
        assert_eq!(live.speed(1.0, 160.0), 10.0, "one frame at least");
    }
}
