//! The app's state, the actions that change it, and the context that hands it to components.
//! Each reducer arm only delegates: to the cluster (`crate::sim`), the playback clock
//! (`crate::anim`), or the terminal bookkeeping in [`crate::ui::terminals`].

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::guide::TourState;
use super::params::PageParams;
use super::scenarios::ScenarioId;
use super::slices::{frame_budget, run_slices};
use super::terminals::{self, Terminals};
use super::timeline::Filters;
use crate::anim::question::Given;
use crate::anim::tour::WhatIf;
use crate::anim::{CatchUp, Pacer, Playback};
use crate::sim::cluster::{Cluster, Terminal};
use crate::sim::lesson::Progress;
use crate::sim::pod::Pod;
use crate::sim::session::{Input, Session, Start};
use std::collections::BTreeMap;

mod classroom;
mod inspect;
mod keep;
mod link;
mod live;
mod tour;
mod url;

pub use inspect::InspectedPacket;
pub use keep::{
    boot_needs_parser, label, reset_question, Booted, Displaced, Kept, SavedAtStart, StorageProblem,
};
pub use link::RanLine;
pub use url::ClassroomParams;

/// Largest manifest the editor keeps (the parser's own limit).
pub const MAX_MANIFEST: usize = 1 << 20;

/// Everything the explainer remembers.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The scenario chosen on the scenario bar.
    pub scenario: ScenarioId,
    /// The simulation; not `Clone`, so shared, and changes bump [`AppState::version`].
    pub cluster: Rc<RefCell<Cluster>>,
    /// Bumped on every change to the cluster, so components re-derive what they show.
    pub version: u64,
    /// Why the scenario could not start, if it could not.
    pub load_error: Option<String>,
    /// Every terminal's transcript.
    pub terminals: Rc<Terminals>,
    /// The terminal tab shown.
    pub open_terminal: Terminal,
    /// Which step of the trace is shown and how far its animation is.
    pub playback: Playback,
    /// Follow the trace: new events play as commands run.
    pub live: bool,
    /// Counts animation frames, so the frame hook asks for the next one.
    pub frame: u64,
    /// Bumped when the event list and the browser preview should be rebuilt: on every change,
    /// but at most [`crate::ui::slices::LIST_REFRESH_MS`] apart while a line runs (rebuilding
    /// thousands of rows every frame would freeze the page).
    pub lists_version: u64,
    /// Wall ms of the last bump of `lists_version`.
    pub lists_at: f64,
    /// While live mode rushes through a backlog, the position the event list shows, moved at
    /// most every [`crate::ui::slices::LIST_REFRESH_MS`]; `None` when it follows playback.
    pub list_hold: Option<(usize, f64)>,
    /// Holds a running command line back until the wall clock catches up with its `sleep`s.
    pub pacer: Pacer,
    /// How fast live mode must play to stay within about a second of the terminals.
    pub catch_up: CatchUp,
    /// The event picked in the event list (its `seq`).
    pub selected_event: Option<usize>,
    /// Which categories the event list shows.
    pub filters: Filters,
    /// The guided tour, while one runs.
    pub tour: Option<TourState>,
    /// The last what-if run, whose explanation is shown by the diagram until dismissed.
    pub what_if: Option<&'static WhatIf>,
    /// The manifest editor's text.
    pub manifest_text: String,
    /// Errors from the last apply, as `kubectl apply` prints them.
    pub manifest_errors: Vec<String>,
    /// Every input since the pod on show started: what a link carries (see `state/link.rs`).
    pub session: Rc<Session>,
    /// The page's URL parameters (embed layout, locked range…).
    pub params: Rc<PageParams>,
    /// What was wrong with the link this page was opened with, if anything.
    pub notice: Option<String>,
    /// Presenter mode: large type, only the diagram, the caption, one terminal, the controls.
    pub presenter: bool,
    /// Whether the keyboard shortcuts dialog is open.
    pub help_open: bool,
    /// The student's seed (`?seed=`): it picks the lesson's values.
    pub seed: Rc<str>,
    /// The lesson being worked on, and where the student stands in it.
    pub lesson: Option<Rc<Progress>>,
    /// The answer to the tour's last question, once given: right or not, and why.
    pub answer: Option<AnswerView>,
    /// The hint shown after Check was pressed (what was still false then); `Some("")` when
    /// everything was done.
    pub checked_hint: Option<String>,
    /// The last command line a terminal ran and what it printed (the embed's `output` event).
    pub last_output: Option<Rc<RanLine>>,
    /// Lines still running, per terminal, with what they printed so far: each becomes
    /// `last_output` when it ends (a line runs a slice at a time, see `ui/slices.rs`).
    pub running_output: Rc<BTreeMap<Terminal, RanLine>>,
    /// The session a scenario switch, what-if, tour, lesson, apply or reset put aside, one
    /// Undo away (see `state/keep.rs`).
    pub kept: Option<Rc<Kept>>,
}

impl PartialEq for AppState {
    /// Same cluster at the same version, and the same view of it.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.cluster, &other.cluster)
            && self.version == other.version
            && self.frame == other.frame
            && self.lists_version == other.lists_version
            && self.list_hold == other.list_hold
            && self.playback == other.playback
            && (Rc::ptr_eq(&self.terminals, &other.terminals) || self.terminals == other.terminals)
            && (
                self.scenario,
                self.live,
                self.selected_event,
                self.filters,
                self.tour,
                self.what_if,
                self.presenter,
                self.help_open,
            ) == (
                other.scenario,
                other.live,
                other.selected_event,
                other.filters,
                other.tour,
                other.what_if,
                other.presenter,
                other.help_open,
            )
            && (&self.seed, &self.lesson, &self.checked_hint, &self.answer)
                == (
                    &other.seed,
                    &other.lesson,
                    &other.checked_hint,
                    &other.answer,
                )
            && (
                &self.open_terminal,
                &self.manifest_text,
                &self.manifest_errors,
                &self.load_error,
                &self.notice,
            ) == (
                &other.open_terminal,
                &other.manifest_text,
                &other.manifest_errors,
                &other.load_error,
                &other.notice,
            )
            && Rc::ptr_eq(&self.params, &other.params)
            && Rc::ptr_eq(&self.session, &other.session)
            && self.kept == other.kept
    }
}

/// The reveal after a tour question: how the answer compares with the real output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerView {
    /// Whether the answer was right.
    pub right: bool,
    /// Whether no answer was given (Next was pressed).
    pub skipped: bool,
    /// The right answer, read from the real output.
    pub right_answer: String,
    /// Why.
    pub explanation: &'static str,
}

/// What the user (or the animation clock) can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Pick a scenario: a fresh cluster running its pod.
    SelectScenario(ScenarioId),
    /// Run a line in a terminal.
    RunLine {
        /// The terminal typed into.
        terminal: Terminal,
        /// The line typed.
        line: String,
    },
    /// Ctrl-C in a terminal while a command runs.
    Interrupt(Terminal),
    /// Ctrl-C at a terminal's prompt: the line typed so far is abandoned.
    Cancel {
        /// The terminal typed into.
        terminal: Terminal,
        /// The line abandoned.
        line: String,
    },
    /// Ctrl-L in a terminal.
    Clear(Terminal),
    /// Show another terminal tab.
    OpenTerminal(Terminal),
    /// Tab completion ran in a container terminal (it may open its bash session).
    Completed(Terminal),
    /// Hide the notice about the link the page was opened with.
    DismissNotice,
    /// Start the clock.
    Play,
    /// Stop the clock.
    Pause,
    /// One event more.
    StepForward,
    /// One event fewer (the scene is re-derived).
    StepBack,
    /// Back to the first event, paused.
    Reset,
    /// Show exactly this many events.
    Seek(usize),
    /// Show everything that has happened and follow new events live.
    JumpToNow,
    /// Playback speed, 0.25–4.
    Speed(f64),
    /// Milliseconds of wall time since the last frame.
    Tick(f64),
    /// Follow new events as they happen (or not).
    SetLive(bool),
    /// Pick an event in the list (by `seq`): playback jumps to it.
    SelectEvent(usize),
    /// Change the event list's filters.
    SetFilters(Filters),
    /// Apply the manifest text: the pod is replaced.
    ApplyManifest(String),
    /// The manifest text changed.
    EditManifest(String),
    /// Run a what-if on a fresh pod of its scenario, and show its explanation.
    WhatIf(&'static WhatIf),
    /// Hide the what-if's explanation.
    DismissWhatIf,
    /// Start the scenario's tour on a fresh pod.
    TourStart,
    /// Next tour step: performs its action (types its command) and plays the events.
    TourNext,
    /// Previous tour step: the pod is rebuilt by replaying the steps before it.
    TourPrev,
    /// Leave the tour ("take over"): the pod stays as the tour left it.
    TourEnd,
    /// Answer the tour's question: its command runs and the answer is checked against it.
    TourAnswer(Given),
    /// Presenter mode on or off.
    SetPresenter(bool),
    /// Open or close the keyboard shortcuts dialog.
    SetHelp(bool),
    /// Open a built-in lesson (by id) on a fresh pod of its scenario, for the state's seed.
    OpenLesson(String),
    /// Check the lesson now: shows the hint for what is still false.
    CheckLesson,
    /// Start the lesson over on a fresh pod.
    ResetLesson,
    /// Leave the lesson (the pod stays).
    CloseLesson,
    /// Start the session over from its first pod (the UI asks first; Undo can bring it back).
    ResetSession,
    /// Back to the session put aside (the one on show is put aside in turn).
    Undo,
    /// Drop the session put aside.
    DismissKept,
    /// Add a sentence to the notice (the browser's storage refused the session).
    Notify(String),
}

impl AppState {
    /// A fresh state running `scenario`, playback at the end of its start-up events.
    pub fn new(scenario: ScenarioId) -> Self {
        let start = match scenario {
            ScenarioId::Custom => Start::Manifest(scenario.manifest().to_string()),
            built_in => Start::Scenario(built_in.id().to_string()),
        };
        AppState::started(scenario, start)
    }

    /// A fresh state on the scenario bar's `scenario`, running the pod `start` describes.
    pub(super) fn started(scenario: ScenarioId, start: Start) -> Self {
        let manifest_text = match &start {
            Start::Manifest(text) => text.clone(),
            Start::Scenario(_) => scenario.manifest().to_string(),
        };
        let (cluster, load_error) = start.cluster();
        let mut playback = Playback::default();
        playback.follow(cluster.trace().events().len());
        let terminals = terminals::terminal_ids(&cluster)
            .into_iter()
            .map(|id| (id, Default::default()))
            .collect();
        AppState {
            scenario,
            open_terminal: first_terminal(&cluster),
            cluster: Rc::new(RefCell::new(cluster)),
            version: 0,
            load_error,
            terminals: Rc::new(terminals),
            playback,
            live: true,
            frame: 0,
            lists_version: 0,
            lists_at: 0.0,
            list_hold: None,
            pacer: Pacer::default(),
            catch_up: CatchUp::default(),
            selected_event: None,
            filters: Filters::default(),
            tour: None,
            what_if: None,
            manifest_text,
            manifest_errors: Vec::new(),
            session: Rc::new(Session::new(start)),
            params: Rc::default(),
            notice: None,
            presenter: false,
            help_open: false,
            seed: Rc::from(""),
            lesson: None,
            checked_hint: None,
            answer: None,
            last_output: None,
            running_output: Rc::default(),
            kept: None,
        }
    }

    /// How many events the trace holds.
    pub fn len(&self) -> usize {
        self.cluster.borrow().trace().events().len()
    }

    /// Whether the trace is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Runs `f` on the cluster, then starts playing the new events if following live.
    fn change(&mut self, f: impl FnOnce(&mut Cluster, &mut Terminals)) {
        let before = self.len();
        let seen = self.compactions_seen();
        f(
            &mut self.cluster.borrow_mut(),
            Rc::make_mut(&mut self.terminals),
        );
        self.version += 1;
        let before = self.follow_compaction(seen, before);
        self.refresh_lists();
        let after = self.len();
        if self.live && after > before {
            if self.playback.position >= before {
                self.playback.position = before;
                self.playback.progress = 0.0;
            }
            self.playback.playing = true;
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        let len = s.len();
        let kept = s.displaced_by(&action);
        match action {
            Action::SelectScenario(id) => {
                let kept = s.manifest_text.clone();
                s = s.restarted(id);
                if id == ScenarioId::Custom {
                    s.manifest_text = kept;
                }
            }
            Action::RunLine { terminal, line } => {
                let line = terminals::cap(&line, terminals::MAX_LINE).to_string();
                if let Some(id) = s.input(Input::Line { terminal, line }) {
                    s.open_terminal = id;
                }
                // The line's first slices run in this frame. Only its own slices wait for each
                // other: typing time already passed.
                let mut pacer = Pacer::default();
                let mut shown = Vec::new();
                s.change(|c, t| {
                    shown = run_slices(c, t, &mut pacer, frame_budget()).shown;
                });
                s.pacer = pacer;
                s.sliced(shown);
            }
            Action::Interrupt(terminal) => {
                s.input(Input::Interrupt { terminal });
                if !s.cluster.borrow().has_running_lines() {
                    s.pacer.reset();
                }
            }
            Action::Cancel { terminal, line } => {
                s.input(Input::Cancel { terminal, line });
            }
            Action::Clear(terminal) => {
                s.input(Input::Clear { terminal });
            }
            Action::OpenTerminal(id) => s.open_terminal = id,
            Action::Completed(terminal) => {
                s.record_only(Input::Complete { terminal });
                s.version += 1;
            }
            Action::DismissNotice => s.notice = None,
            Action::Play => {
                if s.playback.position < len && s.playback.progress >= 1.0 {
                    s.playback.progress = 0.0;
                }
                s.playback.playing = s.playback.position < len || s.playback.progress < 1.0;
            }
            // Pausing, stepping or seeking leaves live mode: the picture stays put.
            Action::Pause => {
                s.playback.playing = false;
                s.live = false;
            }
            Action::StepForward => {
                s.playback.step_forward(len);
                s.live = false;
            }
            Action::StepBack => {
                s.playback.step_back();
                s.live = false;
            }
            Action::Reset => {
                s.playback.seek(0, len);
                s.playback.playing = false;
                s.selected_event = None;
                s.live = false;
            }
            Action::Seek(n) => {
                s.playback.seek(n, len);
                s.live = false;
            }
            Action::JumpToNow => s.jump_to_now(),
            Action::Speed(x) => s.playback.set_speed(x),
            Action::Tick(dt) => {
                // Command lines in progress run their next slices, as far as the frame's budget
                // and the pacer allow.
                s.pacer.wall(dt);
                let running = s.cluster.borrow().has_running_lines();
                if running && s.pacer.ready() {
                    let mut pacer = s.pacer;
                    let mut shown = Vec::new();
                    s.change(|c, t| {
                        shown = run_slices(c, t, &mut pacer, frame_budget()).shown;
                    });
                    s.pacer = pacer;
                    s.sliced(shown);
                }
                // While the kubelet still works (after `kubectl apply`), sim time follows the
                // wall clock so the containers come up on their own.
                let (len, kubelet_busy) = {
                    let mut cluster = s.cluster.borrow_mut();
                    let busy = cluster.has_scheduled();
                    if busy {
                        cluster.advance_by(dt.max(0.0) as u64);
                    }
                    (cluster.trace().len(), busy)
                };
                if kubelet_busy {
                    // The kubelet's events reach the trace as the clock passes them.
                    s.refresh_lists();
                }
                let moved = s.play_frame(dt, len);
                if !moved && !kubelet_busy && !running && s.playback == self.playback {
                    return self;
                }
                s.frame += 1;
            }
            Action::SetLive(live) => s.live = live,
            Action::SelectEvent(seq) => {
                s.selected_event = Some(seq);
                s.live = false;
                s.playback.playing = false;
                s.playback.seek(seq.saturating_add(1), len);
            }
            Action::SetFilters(f) => s.filters = f,
            Action::EditManifest(text) => {
                s.manifest_text = terminals::cap(&text, MAX_MANIFEST).to_string()
            }
            Action::ApplyManifest(text) => {
                let manifest = terminals::cap(&text, MAX_MANIFEST).to_string();
                s.input(Input::Apply { manifest });
            }
            Action::WhatIf(what) => s.run_what_if(what),
            Action::DismissWhatIf => s.what_if = None,
            Action::TourStart => {
                if !s.tour_start() {
                    return self;
                }
            }
            Action::TourNext => {
                if !s.tour_next() {
                    return self;
                }
            }
            Action::TourPrev => {
                if !s.tour_prev() {
                    return self;
                }
            }
            Action::TourEnd => {
                s.tour = None;
                s.answer = None;
            }
            Action::TourAnswer(given) => s.answer_question(given),
            Action::SetPresenter(on) => s.presenter = on,
            Action::SetHelp(open) => s.help_open = open,
            Action::OpenLesson(id) => s.open_lesson(&id),
            Action::CheckLesson => s.check_lesson(),
            Action::ResetLesson => s.reset_lesson(),
            Action::CloseLesson => {
                s.lesson = None;
                s.checked_hint = None;
            }
            Action::ResetSession => s.reset_session(),
            Action::Undo => s.undo(),
            Action::DismissKept => s.kept = None,
            Action::Notify(text) => s.notify(&text),
        }
        if kept.is_some() {
            s.kept = kept;
        }
        s.keep_in_range();
        s.observe_lesson();
        Rc::new(s)
    }
}

/// The terminal shown first: the last running container's (debian's in every scenario that
/// keeps it running), else kubectl's.
fn first_terminal(cluster: &Cluster) -> Terminal {
    let names = cluster.pod().map(Pod::container_names).unwrap_or_default();
    let running = names.into_iter().rev().find(|name| {
        cluster
            .container_state(name)
            .is_some_and(|s| s.is_running())
    });
    running.map_or(Terminal::Kubectl, Terminal::Container)
}

/// The state handle that the provider puts in context.
pub type AppContext = UseReducerHandle<AppState>;

#[cfg(test)]
mod tests;
