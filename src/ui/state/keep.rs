//! Never losing work: the session as the browser keeps it ([`AppState::to_saved`]), the page
//! load that restores it ([`AppState::boot`]: a link wins, a damaged copy is set aside), and the
//! session a discarding action puts aside one Undo away ([`Kept`]). Pure: the web glue
//! (`ui::saved`) reads and writes the storage and hands the raw strings over, so every rule here
//! is tested natively. Every sentence the user reads about it is in this file.

use std::rc::Rc;

use super::{Action, AppState};
use crate::sim::lesson::Progress;
use crate::sim::session::{
    saved::saved_problem, split_secret, Input, Session, SessionError, Start,
};
use crate::ui::params::PageParams;
use crate::ui::scenarios::ScenarioId;

/// What the browser's storage held at start, as the web glue read it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SavedAtStart {
    /// The saved session (`podscope.session`), raw.
    pub session: Option<String>,
    /// The session put aside one Undo away (`podscope.session.kept`), raw.
    pub kept: Option<String>,
    /// The storage could not be read at all.
    pub problem: Option<StorageProblem>,
}

/// Why the browser did not keep the session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageProblem {
    /// The storage throws (a sandboxed frame, privacy settings, storage turned off).
    Blocked,
    /// The storage is full (`QuotaExceededError`).
    Full,
}

/// A page load's state, and the damaged saved copy to set aside, if there was one.
#[derive(Debug)]
pub struct Booted {
    /// What the page opens.
    pub state: AppState,
    /// The raw saved copy that could not be restored: kept under the set-aside key.
    pub set_aside: Option<String>,
}

/// What put the previous session aside: the first words of the Undo notice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Displaced {
    /// Another scenario (or the same one afresh) was picked.
    Scenario,
    /// A what-if ran on a fresh pod.
    WhatIf,
    /// A tour started on a fresh pod.
    Tour,
    /// A lesson opened on a fresh pod.
    Lesson,
    /// A manifest was applied.
    Apply,
    /// Reset: the pod started over.
    Reset,
    /// The page opened a link while another session was saved.
    Link,
    /// Undo itself: what it replaced is kept in turn.
    Undone,
    /// Put aside on an earlier visit and not dismissed.
    Earlier,
}

/// A session put aside, one Undo away.
#[derive(Clone, Debug, PartialEq)]
pub struct Kept {
    /// The session, as [`AppState::to_saved`] made it.
    pub session: Rc<Session>,
    /// What put it aside.
    pub why: Displaced,
}

impl Kept {
    /// The notice's sentence ("You switched scenario. Your session (…) is kept: …").
    pub fn message(&self) -> String {
        let what = match self.why {
            Displaced::Scenario => "You switched scenario.",
            Displaced::WhatIf => "The what-if runs on a fresh pod.",
            Displaced::Tour => "The tour runs on a fresh pod.",
            Displaced::Lesson => "The lesson runs on a fresh pod.",
            Displaced::Apply => "The manifest was applied.",
            Displaced::Reset => "The pod started over.",
            Displaced::Link => "This link opened instead of the session you had saved.",
            Displaced::Undone => "Undone.",
            Displaced::Earlier => "",
        };
        let (whose, still) = match self.why {
            Displaced::Earlier => ("earlier ", "still "),
            _ => ("", ""),
        };
        let text = format!(
            "{what} Your {whose}session ({}) is {still}kept.",
            summary(&self.session)
        );
        text.trim_start().to_string()
    }
}

/// A session in a few words: "Shared volume, 3 commands".
fn summary(session: &Session) -> String {
    let applied = session
        .inputs
        .iter()
        .any(|r| matches!(r.input, Input::Apply { .. }));
    let title = match &session.start {
        Start::Scenario(id) if !applied => ScenarioId::from_id(id).map_or("", ScenarioId::title),
        _ => ScenarioId::Custom.title(),
    };
    match (session.commands(), &session.tour, &session.draft) {
        (1, _, _) => format!("{title}, 1 command"),
        (0, Some(t), _) => format!("{title}, tour step {}", t.step + 1),
        (0, None, Some(_)) => format!("{title}, a manifest not applied yet"),
        (n, _, _) => format!("{title}, {n} commands"),
    }
}

impl StorageProblem {
    /// The notice's sentence.
    pub fn message(self) -> &'static str {
        match self {
            StorageProblem::Blocked => {
                "This browser does not let podscope save your work here (its storage is \
                 blocked), so a reload starts over. Share makes a link that keeps it."
            }
            StorageProblem::Full => {
                "podscope could not save your work: this browser's storage for the site is \
                 full, so a reload would start over. Share makes a link that keeps it."
            }
        }
    }
}

/// The labels of the Undo bar, the Reset button and its question: with the sentences in this
/// file, every string the never-lose-work feature shows.
pub mod label {
    /// The Undo bar's button.
    pub const UNDO: &str = "Undo";
    /// The Undo bar's dismiss button, for screen readers.
    pub const DISMISS_KEPT: &str = "Dismiss (the previous session is let go)";
    /// The top bar's Reset and the question's button that goes ahead.
    pub const RESET: &str = "Reset";
    /// The Reset button's tooltip.
    pub const RESET_HINT: &str = "Start this pod over, nothing typed";
    /// The question's safe answer.
    pub const CANCEL: &str = "Cancel";
    /// The title of the question Reset asks.
    pub const RESET_TITLE: &str = "Reset the session?";
    /// The title of the question the lesson's Reset asks.
    pub const LESSON_RESET_TITLE: &str = "Start the lesson over?";
    /// Shown while a saved custom manifest waits for the YAML parser module.
    pub const RESTORING: &str = "Restoring your session…";
}

/// The notice once a session holds as many inputs as a session can carry.
pub(super) const TOO_LONG: &str = "This session is too long to keep: past 500 inputs, what you \
     type runs but is not saved for a reload or put in a link. Reset starts a fresh one.";

/// The notice for a saved copy that could not be restored, when `opened` opened instead.
fn set_aside_notice(error: &SessionError, opened: ScenarioId) -> String {
    format!(
        "Your saved session could not be restored: {}. It was set aside (kept as \
         podscope.session.set-aside in this site's storage, for a bug report) and the {} \
         scenario opened.",
        saved_problem(error),
        opened.title()
    )
}

/// The question Reset asks before it discards a session.
pub fn reset_question(session: &Session) -> String {
    format!(
        "Your session ({}) is discarded and the pod starts over. Undo can still bring it back.",
        summary(session)
    )
}

impl Action {
    /// What this action puts aside if it runs (it starts a fresh pod or replaces the one on
    /// show), or `None` when it keeps the session.
    pub(super) fn displaces(&self) -> Option<Displaced> {
        match self {
            Action::SelectScenario(_) => Some(Displaced::Scenario),
            Action::WhatIf(_) => Some(Displaced::WhatIf),
            Action::TourStart => Some(Displaced::Tour),
            Action::OpenLesson(_) => Some(Displaced::Lesson),
            Action::ApplyManifest(_) => Some(Displaced::Apply),
            Action::ResetLesson | Action::ResetSession => Some(Displaced::Reset),
            _ => None,
        }
    }
}

impl AppState {
    /// The manifest in force: the last one applied, else the one the pod started from.
    fn manifest_in_force(&self) -> &str {
        let applied = self
            .session
            .inputs
            .iter()
            .rev()
            .find_map(|r| match &r.input {
                Input::Apply { manifest } | Input::Replace { manifest } => Some(manifest.as_str()),
                _ => None,
            });
        applied.unwrap_or(match &self.session.start {
            Start::Manifest(text) => text,
            Start::Scenario(id) => ScenarioId::from_id(id).map_or("", ScenarioId::manifest),
        })
    }

    /// The session as the browser keeps it: a link's session plus the manifest editor's text
    /// when it is not the manifest in force. While new events play live, the position is
    /// where playback is going (a reload mid-animation shows the end of it).
    pub fn to_saved(&self) -> Session {
        let mut session = self.to_session();
        if self.playback.playing && self.live {
            session.position = self.len();
        }
        session.draft =
            (self.manifest_text != self.manifest_in_force()).then(|| self.manifest_text.clone());
        session
    }

    /// Whether the state holds work a fresh pod would lose: inputs, a tour, a draft.
    pub fn worth_keeping(&self) -> bool {
        !self.session.inputs.is_empty()
            || self.tour.is_some()
            || self.manifest_text != self.manifest_in_force()
    }

    /// The session to keep one Undo away if `action` replaces it and it holds work. A tour's
    /// Back rebuilds the pod from the tour's own steps: it puts the session aside only when
    /// something was typed besides them.
    pub(super) fn displaced_by(&self, action: &Action) -> Option<Rc<Kept>> {
        match action {
            Action::TourPrev if self.typed_during_tour() => self.keepsake(Displaced::Tour),
            _ => action.displaces().and_then(|why| self.keepsake(why)),
        }
    }

    /// Whether the session holds inputs the running tour did not give: its inputs are not those
    /// the tour's steps up to this one give a fresh pod (the step asking a question may not have
    /// given its own yet).
    fn typed_during_tour(&self) -> bool {
        let Some(tour) = self.tour else {
            return false;
        };
        let mut probe = self.restarted(self.scenario);
        probe.start_tour_at(tour);
        let given: Vec<&Input> = probe.session.inputs.iter().map(|r| &r.input).collect();
        let had: Vec<&Input> = self.session.inputs.iter().map(|r| &r.input).collect();
        !given.starts_with(&had)
    }

    /// The session to keep one Undo away if `why` replaces it, when it holds any work.
    pub(super) fn keepsake(&self, why: Displaced) -> Option<Rc<Kept>> {
        self.worth_keeping().then(|| {
            Rc::new(Kept {
                session: Rc::new(self.to_saved()),
                why,
            })
        })
    }

    /// The state `session` describes, keeping this one's viewer settings (filters, speed,
    /// presenter mode, seed, URL parameters) and its open lesson, checked afresh.
    pub(super) fn reopened(&self, session: &Session) -> AppState {
        let mut s = self.restarted_from(AppState::from_session(session, self.params.clone()));
        s.notice = self.notice.clone();
        s.lesson = self.lesson.as_ref().map(|p| {
            let mut progress = Progress::new(p.lesson.clone());
            progress.observe(&s.cluster.borrow());
            Rc::new(progress)
        });
        s
    }

    /// Undo: back to the session put aside; the one it replaces is put aside in turn.
    pub(super) fn undo(&mut self) {
        let Some(kept) = self.kept.take() else {
            return;
        };
        let current = self.keepsake(Displaced::Undone);
        *self = self.reopened(&kept.session);
        self.kept = current;
    }

    /// Reset: the pod the session started from, nothing typed (an open lesson starts over).
    pub(super) fn reset_session(&mut self) {
        if self.lesson.is_some() {
            return self.reset_lesson();
        }
        let start = self.session.start.clone();
        let scenario = match &start {
            Start::Scenario(id) => ScenarioId::from_id(id).unwrap_or(self.scenario),
            Start::Manifest(_) => ScenarioId::Custom,
        };
        *self = self.restarted_from(AppState::started(scenario, start));
    }

    /// Adds `text` to the notice on show.
    pub(super) fn notify(&mut self, text: &str) {
        self.notice = Some(match self.notice.take() {
            Some(before) if before.contains(text) => before,
            Some(before) => format!("{before} {text}"),
            None => text.to_string(),
        });
    }

    /// The state a page load opens. A link (a session in the fragment, or a query naming what to
    /// show) wins: it is what the person clicked; a different saved session is then kept one
    /// Undo away. Without one, the saved session is restored, replayed through the core. A
    /// saved copy that cannot be read is set aside with a notice, and the default scenario
    /// opens.
    pub fn boot(
        params: PageParams,
        hash: &str,
        stored_scenario: Option<&str>,
        saved: &SavedAtStart,
    ) -> Booted {
        let named = !split_secret(hash).0.is_empty()
            || params.scenario.is_some()
            || params.tour.is_some()
            || params.step.is_some()
            || params.from.is_some()
            || params.to.is_some();
        let read = saved
            .session
            .as_deref()
            .map(|raw| (raw, Session::from_saved(raw)));
        let (restored, damaged) = match read {
            Some((_, Ok(session))) => (Some(session), None),
            Some((raw, Err(e))) => (None, Some((raw.to_string(), e))),
            None => (None, None),
        };
        // A damaged copy opens the default scenario, not the one remembered beside it.
        let default = stored_scenario.filter(|_| damaged.is_none());
        let mut state = AppState::open(params, hash, default);
        let mut notes: Vec<String> = damaged
            .iter()
            .map(|(_, e)| set_aside_notice(e, state.scenario))
            .collect();
        match restored {
            Some(session) if !named => state = state.reopened(&session),
            Some(session) if same_work(&session, &state.to_saved()) => {
                if let Some(draft) = session.draft {
                    state.manifest_text = draft;
                }
            }
            Some(session) if !session.inputs.is_empty() || session.draft.is_some() => {
                state.kept = Some(Rc::new(Kept {
                    session: Rc::new(session),
                    why: Displaced::Link,
                }));
            }
            _ => {}
        }
        if state.kept.is_none() {
            state.kept = saved
                .kept
                .as_deref()
                .and_then(|raw| Session::from_saved(raw).ok())
                .map(|session| {
                    Rc::new(Kept {
                        session: Rc::new(session),
                        why: Displaced::Earlier,
                    })
                });
        }
        notes.extend(saved.problem.map(|p| p.message().to_string()));
        for note in notes {
            state.notify(&note);
        }
        Booted {
            state,
            set_aside: damaged.map(|(raw, _)| raw),
        }
    }
}

/// Whether a page load may replay a session that needs the YAML parser
/// ([`Session::needs_parser`]): the link's or the saved one. The web app loads the parser first.
pub fn boot_needs_parser(hash: &str, saved: &SavedAtStart) -> bool {
    let link = Session::from_fragment(split_secret(hash).0).ok();
    let restored = saved
        .session
        .as_deref()
        .and_then(|raw| Session::from_saved(raw).ok());
    link.iter()
        .chain(restored.iter())
        .any(Session::needs_parser)
}

/// Whether two sessions hold the same work (the same pod and the same inputs): a reload, whose
/// address and saved copy describe one session.
fn same_work(a: &Session, b: &Session) -> bool {
    a.start == b.start && a.inputs == b.inputs
}

#[cfg(test)]
#[path = "keep_tests.rs"]
mod tests;
