//! Keeping simulated time in step with the wall clock while a command line runs in the browser.
//!
//! A running line advances the simulation clock (`sleep 1` adds a second at once). The web
//! layer runs the line a slice at a time; before the next slice it waits until the wall clock
//! has caught up with the simulated time the earlier slices took (within [`LEAD_MS`]), so a
//! `sleep 1` loop prints one line a second and a `curl` loop (1 ms of simulated time per round
//! trip) runs a thousand round trips a second. A slice that took more wall time than simulated
//! time earns no credit: the line never hurries to make up for a slow frame. Pure: the caller
//! feeds wall milliseconds, so tests use a fake clock.

/// Wall milliseconds per frame spent running slices (the rest of a 16.7 ms frame draws and
/// answers input).
pub const SLICE_BUDGET_MS: f64 = 10.0;

/// How far the simulation may run ahead of the wall clock before the next slice waits: about
/// a frame, so a frame runs many short slices, and a wait ends at most this much early (the
/// lead carries over, so the clocks never drift apart).
pub const LEAD_MS: f64 = 20.0;

/// How far the simulation is ahead of the wall clock.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Pacer {
    /// Simulated milliseconds not yet matched by wall time.
    ahead_ms: f64,
}

impl Pacer {
    /// `dt_ms` of wall time passed.
    pub fn wall(&mut self, dt_ms: f64) {
        if dt_ms.is_finite() {
            self.ahead_ms = (self.ahead_ms - dt_ms.max(0.0)).max(0.0);
        }
    }

    /// A slice moved the simulation clock by `sim_ms`; the wall clock must catch up.
    pub fn ran(&mut self, sim_ms: u64) {
        self.ahead_ms += sim_ms as f64;
    }

    /// True when the next slice may run now.
    pub fn ready(&self) -> bool {
        self.ahead_ms < LEAD_MS
    }

    /// Wall milliseconds left to wait before the next slice.
    pub fn wait_ms(&self) -> f64 {
        (self.ahead_ms - LEAD_MS).max(0.0)
    }

    /// Forgets the wait (a new line, or Ctrl-C: nothing is left to pace).
    pub fn reset(&mut self) {
        self.ahead_ms = 0.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_of_sleep_waits_a_second_of_wall_time() {
        let mut p = Pacer::default();
        assert!(p.ready());
        p.ran(1_000);
        assert!(!p.ready());
        p.wall(600.0);
        assert_eq!(p.wait_ms(), 400.0 - LEAD_MS);
        p.wall(399.0 - LEAD_MS);
        assert!(!p.ready());
        p.wall(2.0);
        assert!(p.ready());
        // A slow frame earns no credit for the next sleep.
        p.wall(5_000.0);
        p.ran(1_000);
        assert_eq!(p.wait_ms(), 1_000.0 - LEAD_MS);
        p.wall(f64::NAN);
        assert_eq!(p.wait_ms(), 1_000.0 - LEAD_MS);
        p.reset();
        assert!(p.ready());
    }

    #[test]
    fn millisecond_round_trips_run_a_thousand_a_second() {
        let mut p = Pacer::default();
        let mut frames = 0;
        let mut trips = 0;
        while trips < 1_000 {
            frames += 1;
            p.wall(1000.0 / 60.0);
            while p.ready() {
                p.ran(1);
                trips += 1;
            }
        }
        assert!((59..=61).contains(&frames), "{frames}");
    }
}
