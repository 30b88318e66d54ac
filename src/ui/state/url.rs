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
