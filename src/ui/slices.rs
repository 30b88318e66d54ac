//! Runs the container terminals' command lines a slice at a time between frames, so a long
//! loop never freezes the page: each frame spends at most a budget of wall time on slices, and
//! the [`Pacer`] holds the next slice back until the wall clock has caught up with a `sleep`.
//! Pure (the wall clock is passed in), so it is tested natively with a fake clock.

use std::collections::BTreeMap;

use crate::anim::pace::SLICE_BUDGET_MS;
use crate::anim::Pacer;
use crate::sim::cluster::{Cluster, Terminal, TerminalResult};
use crate::ui::terminals::{self, Terminals};

/// What one frame's slices did.
#[derive(Debug, Default)]
pub struct SlicesRun {
    /// How many slices ran.
    pub slices: usize,
    /// What each terminal's slices printed, joined (a set `status` means its line ended).
    pub shown: Vec<(Terminal, TerminalResult)>,
}

/// Runs slices of the lines in progress while `more_time()` says the frame has time left and
/// the pacer lets the simulation go on; shows what they printed, and returns it.
pub fn run_slices(
    cluster: &mut Cluster,
    terms: &mut Terminals,
    pacer: &mut Pacer,
    mut more_time: impl FnMut() -> bool,
) -> SlicesRun {
    let mut ran = 0;
    let mut shown: BTreeMap<Terminal, TerminalResult> = BTreeMap::new();
    while pacer.ready() && more_time() {
        let before = cluster.now_ms();
        let Some((id, result)) = cluster.run_next_slice() else {
            break;
        };
        pacer.ran(cluster.now_ms().saturating_sub(before));
        ran += 1;
        shown.entry(id).or_default().append(result);
    }
    for (id, result) in &shown {
        terminals::show_slice(cluster, terms, id, result);
    }
    SlicesRun {
        slices: ran,
        shown: shown.into_iter().collect(),
    }
}

/// Least wall ms between two rebuilds of the event list while a line runs.
pub const LIST_REFRESH_MS: f64 = 300.0;

/// The wall-clock budget of one frame's slices: true while less than [`SLICE_BUDGET_MS`] has
/// passed since the call.
pub fn frame_budget() -> impl FnMut() -> bool {
    let start = wall_ms();
    move || wall_ms() - start < SLICE_BUDGET_MS
}

/// Milliseconds of wall time from some fixed point.
#[cfg(target_arch = "wasm32")]
pub fn wall_ms() -> f64 {
    js_sys::Date::now()
}

/// Milliseconds of wall time from some fixed point (native tests of the reducer).
#[cfg(not(target_arch = "wasm32"))]
pub fn wall_ms() -> f64 {
    use std::sync::OnceLock;
    use std::time::Instant;
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::session::{self, Input};

    const DEBIAN: &str = "debian-container";

    fn debian() -> Terminal {
        Terminal::container(DEBIAN)
    }

    /// Types a line and runs slices for at most `slices` as the reducer does.
    fn type_line(c: &mut Cluster, t: &mut Terminals, p: &mut Pacer, line: &str, slices: i32) {
        let input = Input::Line {
            terminal: debian(),
            line: line.to_string(),
        };
        let reply = session::apply(c, &input);
        terminals::show(c, t, &input, &reply);
        p.reset();
        run_frame(c, t, p, slices);
    }

    /// One frame that has time for `slices` slices.
    fn run_frame(c: &mut Cluster, t: &mut Terminals, p: &mut Pacer, slices: i32) -> usize {
        let mut budget = slices;
        run_slices(c, t, p, || {
            budget -= 1;
            budget >= 0
        })
        .slices
    }

    fn output(t: &Terminals) -> String {
        t[&debian()]
            .entries
            .iter()
            .map(|e| e.output.clone())
            .collect()
    }

    #[test]
    fn a_sleep_loop_prints_one_line_a_second_of_wall_time_until_ctrl_c() {
        let mut c = Cluster::with_scenario("shared-volume").unwrap();
        let mut t = Terminals::new();
        let mut p = Pacer::default();
        let line = "while true; do echo tick; sleep 1; done";
        type_line(&mut c, &mut t, &mut p, line, 3);
        assert!(t[&debian()].running);
        // A fake wall clock: 60 frames a second, each with time for three slices.
        let mut lines_at = vec![0];
        for frame in 1..=600u32 {
            p.wall(1000.0 / 60.0);
            run_frame(&mut c, &mut t, &mut p, 3);
            let n = output(&t).matches("tick\n").count();
            if n > lines_at.len() {
                lines_at.push(frame);
            }
        }
        // Ten seconds of frames: one line a second (60 frames, less the pacer's lead of about
        // a frame), the first at once.
        assert!((10..=11).contains(&lines_at.len()), "{lines_at:?}");
        for pair in lines_at.windows(2) {
            assert!((59..=61).contains(&(pair[1] - pair[0])), "{lines_at:?}");
        }
        terminals::interrupt(&mut c, &mut t, &debian());
        p.reset();
        assert!(!t[&debian()].running);
        assert!(output(&t).ends_with("tick\n^C\n"), "{}", output(&t));
        assert!(!c.has_running_lines());
        type_line(&mut c, &mut t, &mut p, "echo $?", 3);
        assert!(output(&t).ends_with("130\n"));
    }

    #[test]
    fn a_curl_loop_runs_at_full_speed_over_many_frames() {
        let mut c = Cluster::with_scenario("localhost").unwrap();
        let mut t = Terminals::new();
        let mut p = Pacer::default();
        type_line(&mut c, &mut t, &mut p, "apt-get update >/dev/null", 5);
        type_line(
            &mut c,
            &mut t,
            &mut p,
            "apt-get install -y curl >/dev/null",
            5,
        );
        let line = "for i in $(seq 50); do curl -s localhost >/dev/null; done; echo done";
        type_line(&mut c, &mut t, &mut p, line, 5);
        let mut frames = 1;
        while t[&debian()].running && frames < 1_000 {
            frames += 1;
            p.wall(1000.0 / 60.0);
            run_frame(&mut c, &mut t, &mut p, 5);
        }
        // 1 + 50 + 1 slices, five a frame: never held back by the pacer.
        assert_eq!(frames, 11);
        assert!(output(&t).ends_with("done\n"), "{}", output(&t));
    }
}
