//! Which state a page load opens: a session in the URL's fragment (`#v1.…`), else the query's
//! `?scenario=` (or a `#localhost` fragment), else the scenario stored last visit; then the
//! URL's other parameters (tour, step, speed, locked range). A link that cannot be opened opens
//! the default scenario with a notice naming what was wrong.

use std::rc::Rc;

use super::AppState;
use crate::sim::session::{split_secret, Session};
use crate::ui::params::PageParams;
use crate::ui::scenarios::ScenarioId;

impl AppState {
    /// The state for a page URL's query (`?scenario=localhost`) and fragment; `#localhost`
    /// works too. The query's values are taken as they are (the web app decodes them first and
    /// calls [`AppState::open`]).
    pub fn from_url(search: &str, hash: &str, stored: Option<&str>) -> Self {
        let pairs = search
            .trim_start_matches('?')
            .split('&')
            .filter_map(|kv| kv.split_once('='));
        AppState::open(PageParams::parse(pairs), hash, stored)
    }

    /// The state for the page's parameters and its fragment (`#v1.…`, `#localhost`, or with a
    /// WordPress `?secret=` after it).
    pub fn open(params: PageParams, hash: &str, stored: Option<&str>) -> Self {
        let (state, _) = split_secret(hash);
        let named = params.scenario.or_else(|| ScenarioId::from_id(state));
        let params = Rc::new(params);
        let fresh = |notice: Option<String>| {
            let scenario = named
                .or_else(|| stored.and_then(ScenarioId::from_id))
                .unwrap_or(ScenarioId::SharedVolume);
            AppState {
                params: params.clone(),
                notice,
                ..AppState::new(scenario)
            }
        };
        let mut s = if state.is_empty() || ScenarioId::from_id(state).is_some() {
            let mut s = fresh(None);
            s.apply_start_params();
            s
        } else {
            match Session::from_fragment(state) {
                Ok(session) => AppState::from_session(&session, params.clone()),
                Err(e) => {
                    let scenario = named.unwrap_or(ScenarioId::SharedVolume);
                    fresh(Some(format!(
                        "This link could not be opened: {e}. Showing the {} scenario instead.",
                        scenario.title()
                    )))
                }
            }
        };
        if let Some(speed) = s.params.speed {
            s.playback.set_speed(speed);
        }
        if !s.params.warnings.is_empty() {
            let mut notes: Vec<String> = s.notice.take().into_iter().collect();
            notes.extend(s.params.warnings.iter().cloned());
            s.notice = Some(notes.join(" "));
        }
        s.keep_in_range();
        s
    }

    /// `tour=` and `step=` on a fresh pod.
    fn apply_start_params(&mut self) {
        if let Some(name) = self.params.tour.clone() {
            if let Some(scenario) = ScenarioId::from_id(&name) {
                self.scenario = scenario;
                self.tour_start();
            }
        }
        if let Some(step) = self.params.step.or(self.params.from) {
            let len = self.len();
            self.playback.seek(step, len);
            self.playback.playing = false;
        }
    }
}

/// The classroom's settings in a page URL: `profile=projector`, `lesson=ID`, `seed=S`,
/// `print=TOUR`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClassroomParams {
    /// `profile=projector`: start in presenter mode.
    pub presenter: bool,
    /// `lesson=shared-volume`: open that lesson.
    pub lesson: Option<String>,
    /// `seed=`: the student's values (empty: each list's first).
    pub seed: String,
    /// `print=shared-volume`: the printable handout of that scenario's tour instead of the app.
    pub print: Option<String>,
}

impl ClassroomParams {
    /// Reads the settings through `get`, which looks a query parameter up by name, decoded
    /// (the browser's `URLSearchParams.get`).
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Self {
        let non_empty = |name: &str| get(name).filter(|v| !v.is_empty());
        ClassroomParams {
            presenter: get("profile").as_deref() == Some("projector"),
            lesson: non_empty("lesson"),
            seed: get("seed").unwrap_or_default().chars().take(100).collect(),
            print: non_empty("print"),
        }
    }
}

impl AppState {
    /// Applies the classroom settings: presenter mode, the seed, then the lesson.
    pub fn with_classroom(mut self, params: &ClassroomParams) -> Self {
        self.presenter = params.presenter;
        self.seed = params.seed.as_str().into();
        if let Some(id) = &params.lesson {
            // A reload keeps the work done in the lesson; another pod is kept one Undo away.
            let kept = self.keepsake(super::Displaced::Lesson);
            if !self.resume_lesson(id) {
                self.open_lesson(id);
                self.kept = kept.or(self.kept.take());
            }
        }
        self
    }
}
