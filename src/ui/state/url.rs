//! Which scenario a page load opens: the URL's query or hash, else the one stored last visit.

use super::AppState;
use crate::ui::scenarios::ScenarioId;

impl AppState {
    /// The state for a page URL's query (`?scenario=localhost`); `#localhost` works too.
    pub fn from_url(search: &str, hash: &str, stored: Option<&str>) -> Self {
        let from_query = search
            .trim_start_matches('?')
            .split('&')
            .find_map(|kv| kv.strip_prefix("scenario="))
            .and_then(ScenarioId::from_id);
        let from_hash = ScenarioId::from_id(hash.trim_start_matches('#'));
        let scenario = from_query
            .or(from_hash)
            .or_else(|| stored.and_then(ScenarioId::from_id));
        AppState::new(scenario.unwrap_or(ScenarioId::SharedVolume))
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
            self.open_lesson(id);
        }
        self
    }
}
