//! A student's progress through one lesson: which tasks hold, the hint for what is still
//! false, and the score a course page records.

use super::{Check, Lesson};
use crate::sim::cluster::Cluster;
use crate::sim::event::EventKind;
use serde::Serialize;

/// The score as SCORM and xAPI spell it: raw points of max, scaled to 0–1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Score {
    /// Tasks done.
    pub raw: usize,
    /// Tasks in the lesson.
    pub max: usize,
    /// `raw / max`.
    pub scaled: f64,
}

/// Where a student stands in a lesson; [`Progress::observe`] after every change of the pod.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    /// The lesson, with the student's values.
    pub lesson: Lesson,
    /// Every check of the lesson (task checks, then hint conditions) and whether its event
    /// has been seen.
    seen: Vec<(Check, bool)>,
    /// Trace events looked at so far.
    cursor: usize,
    /// Target of the last HTTP request seen (a response answers it).
    last_target: Option<String>,
    /// Per task: does it hold.
    done: Vec<bool>,
    /// The hint for what is still false, as of the last observation.
    hint: Option<String>,
}

impl Progress {
    /// Nothing done yet.
    pub fn new(lesson: Lesson) -> Progress {
        let mut seen: Vec<(Check, bool)> = Vec::new();
        let checks = lesson
            .tasks
            .iter()
            .flat_map(|t| std::iter::once(&t.check).chain(t.hints.iter().map(|h| &h.when)))
            .flat_map(Check::parts);
        for check in checks {
            if !seen.iter().any(|(c, _)| c == check) {
                seen.push((check.clone(), false));
            }
        }
        let done = vec![false; lesson.tasks.len()];
        Progress {
            lesson,
            seen,
            cursor: 0,
            last_target: None,
            done,
            hint: None,
        }
    }

    /// Looks at every event recorded since the last call, one by one, then at the pod as it
    /// is now; returns whether any task changed.
    pub fn observe(&mut self, cluster: &Cluster) -> bool {
        let events = cluster.trace().events();
        if events.len() < self.cursor {
            // A different trace (a fresh cluster): start over.
            self.seen.iter_mut().for_each(|(_, s)| *s = false);
            self.cursor = 0;
            self.last_target = None;
        }
        for event in events.get(self.cursor..).unwrap_or_default() {
            if let EventKind::HttpRequest { target, .. } = &event.kind {
                self.last_target = Some(target.clone());
            }
            let target = self.last_target.as_deref();
            for (check, seen) in &mut self.seen {
                if !*seen && !check.is_state() && check.matches_event(event, target) {
                    *seen = true;
                }
            }
        }
        self.cursor = events.len();
        let done: Vec<bool> = self
            .lesson
            .tasks
            .iter()
            .map(|t| self.holds(&t.check, cluster))
            .collect();
        let changed = done != self.done;
        self.done = done;
        self.hint = self.next_hint(cluster);
        changed
    }

    /// Whether `check` holds: state checks now, trace checks once seen.
    fn holds(&self, check: &Check, cluster: &Cluster) -> bool {
        if let Check::All(parts) = check {
            return parts.iter().all(|p| self.holds(p, cluster));
        }
        if check.is_state() {
            return check.holds_now(cluster);
        }
        self.seen.iter().any(|(c, seen)| c == check && *seen)
    }

    /// Whether the cluster has recorded events this progress has not looked at (or is another
    /// cluster's), so [`Progress::observe`] has something to do.
    pub fn is_behind(&self, cluster: &Cluster) -> bool {
        cluster.trace().len() != self.cursor
    }

    /// Per task, in lesson order: whether it holds (as of the last [`Progress::observe`]).
    pub fn done(&self) -> &[bool] {
        &self.done
    }

    /// Whether every task holds.
    pub fn complete(&self) -> bool {
        self.done.iter().all(|&d| d)
    }

    /// Tasks done out of all, for the course page.
    pub fn score(&self) -> Score {
        let raw = self.done.iter().filter(|&&d| d).count();
        let max = self.done.len();
        let scaled = if max == 0 {
            0.0
        } else {
            raw as f64 / max as f64
        };
        Score { raw, max, scaled }
    }

    /// The hint for the first task still false (as of the last [`Progress::observe`]).
    pub fn hint(&self) -> Option<&str> {
        self.hint.as_deref()
    }

    /// The hint for the first task still false: the first anticipated wrong attempt whose
    /// condition holds, else the task's own hint. `None` when everything is done.
    fn next_hint(&self, cluster: &Cluster) -> Option<String> {
        let (task, _) = self
            .lesson
            .tasks
            .iter()
            .zip(&self.done)
            .find(|(_, &done)| !done)?;
        let sharper = task.hints.iter().find(|h| self.holds(&h.when, cluster));
        Some(sharper.map_or(&task.hint, |h| &h.text).clone())
    }
}
