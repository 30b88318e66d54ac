//! The guided tour and what-if arms of the reducer: each replays actions on a fresh pod as if
//! typed, so the pod on show is the one the tour or what-if had at that step.

use super::{AnswerView, AppState};
use crate::anim::question::Given;
use crate::anim::tour::{Action as TourAction, WhatIf};
use crate::ui::guide::{self, TourState};
use crate::ui::scenarios::ScenarioId;

impl AppState {
    /// A fresh pod of `id`, keeping the viewer's preferences (filters, live, speed).
    pub(super) fn restarted(&self, id: ScenarioId) -> AppState {
        self.restarted_from(AppState::new(id))
    }

    /// `fresh`, keeping the viewer's preferences and the session kept one Undo away.
    pub(super) fn restarted_from(&self, fresh: AppState) -> AppState {
        let mut fresh = AppState {
            filters: self.filters,
            live: self.live,
            params: self.params.clone(),
            presenter: self.presenter,
            seed: self.seed.clone(),
            kept: self.kept.clone(),
            ..fresh
        };
        fresh.playback.speed = self.playback.speed;
        fresh
    }

    /// Performs a tour or what-if action as if typed, bringing its terminal to the front.
    pub(super) fn perform(&mut self, action: TourAction) {
        let Some(input) = guide::input_for(action) else {
            return;
        };
        let opened = self.input(input.clone());
        // A tour's command runs to its end at once: the step's check and question read it.
        self.run_slices_until(None);
        if let Some(id) = guide::front(&input, opened) {
            self.open_terminal = id;
        }
    }

    /// Shows `tour` at its step: the steps before it are replayed at once (the sim is
    /// deterministic, so this is the pod the tour had there), then the step itself plays.
    pub(super) fn start_tour_at(&mut self, tour: TourState) {
        let before = tour.tour.steps.get(..tour.step).unwrap_or_default();
        for step in before {
            self.perform(step.action);
        }
        self.version += 1;
        let len = self.len();
        self.playback.follow(len);
        self.tour = Some(tour);
        self.run_tour_step();
    }

    /// Performs the tour's current step; what earlier steps left playing is skipped to its end,
    /// so the events on show are this step's.
    pub(super) fn run_tour_step(&mut self) {
        let Some(step) = self.tour.and_then(|t| t.current()) else {
            return;
        };
        if self.live {
            let len = self.len();
            self.playback.follow(len);
        }
        self.perform(step.action);
    }

    /// Answers the question on show: the step's command runs, and its real output decides.
    pub(super) fn answer_question(&mut self, given: Given) {
        let Some(t) = self.tour.filter(|t| t.asking) else {
            return;
        };
        let Some(question) = t.question() else {
            return;
        };
        self.tour = Some(TourState { asking: false, ..t });
        self.run_tour_step();
        let output = self
            .terminals
            .get(&self.open_terminal)
            .and_then(|term| term.entries.last())
            .map(|e| crate::sim::transcript::strip_ansi(&e.output))
            .unwrap_or_default();
        self.answer = Some(AnswerView {
            right: question.is_right(&given, &output),
            skipped: given == Given::Skipped,
            right_answer: question.right_answer(&output).unwrap_or_default(),
            explanation: question.explanation,
        });
    }

    /// Runs `what` on a fresh pod of its scenario and keeps it for its explanation.
    pub(super) fn run_what_if(&mut self, what: &'static WhatIf) {
        let scenario = ScenarioId::from_id(what.scenario).unwrap_or(self.scenario);
        *self = self.restarted(scenario);
        for &action in what.actions {
            if let TourAction::Apply { manifest } = action {
                self.manifest_text = manifest.to_string();
            }
            self.perform(action);
        }
        self.what_if = Some(what);
    }

    /// Starts the scenario's tour on a fresh pod; false when the scenario has no tour.
    pub(super) fn tour_start(&mut self) -> bool {
        let Some(tour) = TourState::start(self.scenario.id()) else {
            return false;
        };
        *self = self.restarted(self.scenario);
        self.start_tour_at(tour);
        true
    }

    /// Moves the tour one step on and performs it; false at the last step or without a tour.
    pub(super) fn tour_next(&mut self) -> bool {
        if self.tour.is_some_and(|t| t.asking) {
            // Next without an answer: the command runs and the explanation shows anyway.
            self.answer_question(Given::Skipped);
            return true;
        }
        let Some(t) = self.tour.filter(|t| !t.is_last()) else {
            return false;
        };
        let step = t.step.saturating_add(1);
        let asks = t.tour.steps.get(step).is_some_and(|s| s.question.is_some());
        self.answer = None;
        self.tour = Some(TourState {
            step,
            asking: asks,
            ..t
        });
        if !asks {
            self.run_tour_step();
        }
        true
    }

    /// Moves the tour one step back by replaying the steps before it on a fresh pod; false at
    /// the first step or without a tour.
    pub(super) fn tour_prev(&mut self) -> bool {
        let Some(t) = self.tour.filter(|t| !t.is_first()) else {
            return false;
        };
        let tour = TourState {
            step: t.step.saturating_sub(1),
            asking: false,
            ..t
        };
        *self = self.restarted(self.scenario);
        self.start_tour_at(tour);
        true
    }
}
