//! The classroom arms of the reducer: a lesson opened on a fresh pod, checked after every
//! change (the checks themselves live in `crate::sim::lesson`), Check, Reset.

use std::rc::Rc;

use super::AppState;
use crate::sim::lesson::{self, Progress};
use crate::ui::scenarios::ScenarioId;

impl AppState {
    /// Opens lesson `id` for the state's seed on a fresh pod of its scenario; an unknown id
    /// or a broken lesson file shows its error where scenario errors go.
    pub(super) fn open_lesson(&mut self, id: &str) {
        match lesson::builtin(id, &self.seed) {
            Ok(l) => {
                let scenario = ScenarioId::from_id(&l.scenario).unwrap_or(self.scenario);
                *self = self.restarted(scenario);
                let mut progress = Progress::new(l);
                progress.observe(&self.cluster.borrow());
                self.lesson = Some(Rc::new(progress));
            }
            Err(e) => self.load_error = Some(e.to_string()),
        }
    }

    /// Opens lesson `id` on the pod on show when that pod runs the lesson's scenario and holds
    /// work (a reload of the lesson's page); true if it did. Otherwise nothing changes.
    pub(super) fn resume_lesson(&mut self, id: &str) -> bool {
        let Ok(l) = lesson::builtin(id, &self.seed) else {
            return false;
        };
        if !self.worth_keeping() || ScenarioId::from_id(&l.scenario) != Some(self.scenario) {
            return false;
        }
        let mut progress = Progress::new(l);
        progress.observe(&self.cluster.borrow());
        self.lesson = Some(Rc::new(progress));
        true
    }

    /// Check: the hint for the first task still false, kept on show until the next Check.
    pub(super) fn check_lesson(&mut self) {
        self.observe_lesson();
        self.checked_hint = self
            .lesson
            .as_ref()
            .map(|p| p.hint().unwrap_or_default().to_string());
    }

    /// The same lesson again on a fresh pod, nothing done.
    pub(super) fn reset_lesson(&mut self) {
        if let Some(id) = self.lesson.as_ref().map(|p| p.lesson.id.clone()) {
            self.open_lesson(&id);
        }
    }

    /// Re-evaluates the lesson's checks against the events recorded since the last look.
    pub(super) fn observe_lesson(&mut self) {
        if let Some(progress) = self.lesson.as_mut() {
            let cluster = self.cluster.borrow();
            if progress.is_behind(&cluster) {
                Rc::make_mut(progress).observe(&cluster);
            }
        }
    }
}
