//! The provider that owns the [`AppState`] reducer and hands it to the components below, and the
//! page-level settings it reads: `?scenario=` (or `#scenario`) in the URL, then the scenario and
//! text size remembered in LocalStorage.

use yew::prelude::*;

use super::hooks::{store, stored};
use super::state::{AppContext, AppState, ClassroomParams};

/// LocalStorage key of the last scenario picked.
pub const SCENARIO_KEY: &str = "podscope.scenario";
/// LocalStorage key of the "Large text" switch (`on` / `off`).
pub const LARGE_TEXT_KEY: &str = "podscope.large-text";

/// Props of [`AppStateProvider`].
#[derive(Properties, PartialEq)]
pub struct AppStateProviderProps {
    /// The components that read the state.
    #[prop_or_default]
    pub children: Children,
}

/// Owns the [`AppState`] reducer; the first scenario comes from the page URL or storage, and
/// every later pick is remembered.
#[component]
pub fn AppStateProvider(props: &AppStateProviderProps) -> Html {
    let state = use_reducer(|| {
        let location = gloo::utils::window().location();
        let search = location.search().unwrap_or_default();
        let hash = location.hash().unwrap_or_default();
        AppState::from_url(&search, &hash, stored(SCENARIO_KEY).as_deref())
            .with_classroom(&classroom_params())
    });
    use_effect_with(state.scenario, |scenario| {
        store(SCENARIO_KEY, scenario.id())
    });
    html! {
        <ContextProvider<AppContext> context={state}>
            { props.children.clone() }
        </ContextProvider<AppContext>>
    }
}

/// Whether `?embed=1` asks for the page without its header (for embedding in an iframe).
pub fn embedded() -> bool {
    let search = gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default();
    search
        .trim_start_matches('?')
        .split('&')
        .any(|kv| kv == "embed=1")
}

/// The classroom settings in the page URL's query (`profile=`, `lesson=`, `seed=`, `print=`).
pub fn classroom_params() -> ClassroomParams {
    let search = gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
    ClassroomParams::from_lookup(|name| params.as_ref().and_then(|p| p.get(name)))
}
