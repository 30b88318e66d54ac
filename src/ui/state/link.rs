//! The app state as a [`Session`] and back: every input the user gives reaches the cluster
//! through [`AppState::input`], which also records it, so a link (the URL fragment) can rebuild
//! the same state by giving the same inputs to a fresh pod. Also keeps playback inside the
//! `from=`/`to=` range an embed locks.

use std::rc::Rc;

use super::AppState;
use crate::sim::cluster::{Terminal, TerminalResult};
use crate::sim::session::{self, Input, Reply, Session, Start, TourAt};
use crate::ui::guide::{self, TourState};
use crate::ui::params::PageParams;
use crate::ui::scenarios::ScenarioId;
use crate::ui::terminals;

/// A command line a terminal ran, and what it printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RanLine {
    /// The terminal.
    pub terminal: Terminal,
    /// The line typed.
    pub line: String,
    /// What it printed (stdout and stderr as the terminal shows them, escapes included).
    pub text: String,
    /// Its exit status; `None` while it still runs (`sleep infinity`).
    pub status: Option<i32>,
}

impl AppState {
    /// Gives `input` to the cluster as typed now, records it in the session, and shows what it
    /// did in the terminals. Returns the terminal a line asked to open, if any.
    pub(super) fn input(&mut self, input: Input) -> Option<Terminal> {
        if !Rc::make_mut(&mut self.session).record_from(&self.cluster.borrow(), input.clone()) {
            self.notify(super::keep::too_long());
        }
        let mut reply = Reply::Quiet;
        let mut opened = None;
        self.change(|c, t| {
            reply = session::apply(c, &input);
            opened = terminals::show(c, t, &input, &reply);
            terminals::add_missing(c, t);
        });
        match (&input, &reply) {
            (Input::Line { terminal, line }, Reply::Ran { result, .. }) => {
                let ran = RanLine {
                    terminal: terminal.clone(),
                    line: line.clone(),
                    text: String::new(),
                    status: None,
                };
                Rc::make_mut(&mut self.running_output).insert(terminal.clone(), ran);
                self.sliced(vec![(terminal.clone(), result.clone())]);
            }
            (Input::Interrupt { terminal }, Reply::Interrupted { text }) => {
                let ended = TerminalResult {
                    text: text.clone(),
                    status: Some(130),
                    ..TerminalResult::default()
                };
                self.sliced(vec![(terminal.clone(), ended)]);
            }
            _ => {}
        }
        if let (Input::Apply { manifest }, Reply::Applied(result)) = (&input, &reply) {
            self.manifest_errors = match result {
                Ok(_) => Vec::new(),
                Err(errors) => errors.iter().map(ToString::to_string).collect(),
            };
            self.manifest_text = manifest.clone();
            self.scenario = ScenarioId::Custom;
        }
        opened
    }

    /// Adds what running lines printed to their [`RanLine`]s; a line that ended (its status is
    /// set) becomes `last_output`, the embed's `output` event.
    pub(super) fn sliced(&mut self, shown: Vec<(Terminal, TerminalResult)>) {
        for (terminal, result) in shown {
            let running = Rc::make_mut(&mut self.running_output);
            let Some(ran) = running.get_mut(&terminal) else {
                continue;
            };
            ran.text.push_str(&result.text);
            if result.status.is_some() || result.continues || result.ended {
                ran.status = result.status;
                if let Some(done) = running.remove(&terminal) {
                    self.last_output = Some(Rc::new(done));
                }
            }
        }
    }

    /// Records an input whose effect already happened (tab completion runs in the terminal
    /// component, which needs its answer at once).
    pub(super) fn record_only(&mut self, input: Input) {
        Rc::make_mut(&mut self.session).record_from(&self.cluster.borrow(), input);
    }

    /// The session that rebuilds this state: what was recorded, plus where the clock,
    /// playback, tabs, tour and what-if stand.
    pub fn to_session(&self) -> Session {
        Session {
            now_ms: self.cluster.borrow().now_ms(),
            slices: Some(self.cluster.borrow().slices_run()),
            position: self.playback.position,
            open_terminal: Some(self.open_terminal.clone()),
            tour: self.tour.map(|t| TourAt {
                name: t.tour.scenario.to_string(),
                step: t.step,
            }),
            what_if: self.what_if.map(|w| w.id.to_string()),
            ..(*self.session).clone()
        }
    }

    /// Whether the state holds anything a scenario's fresh start does not (worth a link).
    pub fn has_history(&self) -> bool {
        !self.session.inputs.is_empty()
            || self.tour.is_some()
            || self.playback.position != self.len()
    }

    /// The state `session` describes: its inputs given again to a fresh pod, at their times,
    /// then playback, tabs, tour and what-if as they were, paused.
    pub fn from_session(session: &Session, params: Rc<PageParams>) -> AppState {
        let scenario = match &session.start {
            Start::Scenario(id) => ScenarioId::from_id(id).unwrap_or(ScenarioId::SharedVolume),
            Start::Manifest(_) => ScenarioId::Custom,
        };
        let mut s = AppState::started(scenario, session.start.clone());
        s.params = params;
        for rec in &session.inputs {
            s.run_slices_until(rec.slices);
            session::catch_up(&mut s.cluster.borrow_mut(), rec.at_ms);
            if let Some(open) = s.input(rec.input.clone()) {
                s.open_terminal = open;
            }
        }
        s.run_slices_until(session.slices);
        session::catch_up(&mut s.cluster.borrow_mut(), session.now_ms);
        s.version += 1;
        let len = s.len();
        s.playback.seek(session.position, len);
        s.playback.playing = false;
        if let Some(open) = session.open_terminal.clone() {
            if s.terminals.contains_key(&open) {
                s.open_terminal = open;
            }
        }
        s.tour = session.tour.as_ref().and_then(|t| {
            let tour = TourState::start(&t.name)?;
            let last = tour.tour.steps.len().saturating_sub(1);
            Some(TourState {
                step: t.step.min(last),
                ..tour
            })
        });
        s.what_if = session.what_if.as_deref().and_then(guide::what_if);
        if let Some(draft) = &session.draft {
            s.manifest_text = draft.clone();
        }
        s
    }

    /// Runs slices of the command lines in progress until the cluster has run `slices` of them
    /// (what a session recorded before its next input, see `Recorded::slices`; `None`: until
    /// every line has ended), showing what they print. Lines still running afterwards go on a
    /// slice at a time with the frames.
    pub(super) fn run_slices_until(&mut self, slices: Option<u64>) {
        self.change(|c, t| {
            session::run_slices(c, slices, |c, id, result| {
                terminals::show_slice(c, t, id, &result);
            });
        });
    }

    /// Keeps playback inside the steps `from=`/`to=` lock; with `loop=1`, playing past the last
    /// starts again at the first.
    pub(super) fn keep_in_range(&mut self) {
        if !self.params.is_locked() {
            return;
        }
        let len = self.len();
        let low = self.params.from.unwrap_or(0).min(len);
        let high = self.params.to.unwrap_or(len).min(len).max(low);
        let p = &mut self.playback;
        if p.position < low {
            p.position = low;
            p.progress = 1.0;
        }
        let past = p.position > high || (p.position == high && p.progress < 1.0);
        if past {
            if self.params.looping && p.playing {
                p.position = low;
                p.progress = 0.0;
            } else {
                p.position = high;
                p.progress = 1.0;
                p.playing = false;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::state::Action;
    use yew::Reducible;

    fn run(s: Rc<AppState>, terminal: Terminal, line: &str) -> Rc<AppState> {
        s.reduce(Action::RunLine {
            terminal,
            line: line.into(),
        })
    }

    #[test]
    fn a_session_rebuilds_the_terminals_the_trace_and_the_step() {
        let debian = Terminal::container("debian-container");
        let mut s = Rc::new(AppState::new(ScenarioId::SharedVolume));
        s = run(s, debian.clone(), "echo hi > /pod-data/index.html");
        s = run(s, debian.clone(), "sleep infinity");
        s = s.reduce(Action::Interrupt(debian.clone()));
        s = run(s, Terminal::Kubectl, "kubectl get pods");
        s = s.reduce(Action::Seek(7));
        let fragment = s.to_session().to_fragment();
        let back =
            AppState::from_session(&Session::from_fragment(&fragment).unwrap(), Rc::default());
        assert_eq!(back.terminals, s.terminals);
        assert_eq!(
            back.cluster.borrow().trace().events(),
            s.cluster.borrow().trace().events()
        );
        assert_eq!(back.playback.position, 7);
        assert_eq!(back.open_terminal, s.open_terminal);
    }

    #[test]
    fn a_locked_range_keeps_the_controls_inside_it() {
        let params = PageParams::parse([("from", "2"), ("to", "5")]);
        let s = AppState::open(params, "", None);
        // Without step=, an embed starts at from=.
        assert_eq!(s.playback.position, 2);
        let s = Rc::new(s).reduce(Action::StepBack);
        assert_eq!(s.playback.position, 2);
        let s = s.reduce(Action::Seek(100));
        assert_eq!(s.playback.position, 5);
    }

    #[test]
    fn a_bad_link_opens_the_default_scenario_with_a_notice() {
        let s = AppState::open(PageParams::default(), "#v1.AAAA", None);
        assert_eq!(s.scenario, ScenarioId::SharedVolume);
        let notice = s.notice.unwrap_or_default();
        assert!(
            notice.starts_with("This link could not be opened: the link is"),
            "{notice}"
        );
    }
}
