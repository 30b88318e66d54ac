//! The provider that owns the [`AppState`] reducer and hands it to the components below, and the
//! page-level settings it reads: a session in the URL's fragment, the URL's parameters
//! (`?scenario=`, the embed's), then the session, scenario and text size saved in LocalStorage
//! (never in an embed; see `ui::saved`). It keeps the address and the saved session in step
//! with the state, and serves the page that frames it (the postMessage API, auto-height).

use yew::prelude::*;

use std::rc::Rc;

use super::auto_height::use_auto_height;
use super::embed_api::use_host_api;
use super::hooks::{store, stored};
use super::state::{boot_needs_parser, label, AppContext, AppState, ClassroomParams, SavedAtStart};
use super::{permalink, saved, yaml};

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

/// Reads what the browser saved, then hands it to [`SessionProvider`]; a session whose replay
/// needs the YAML parser module (a custom manifest) waits for it first, so it replays whole.
#[component]
pub fn AppStateProvider(props: &AppStateProviderProps) -> Html {
    let saved = use_memo((), |_| saved::read_at_start());
    let needs_parser = *use_memo((), {
        let saved = saved.clone();
        move |_| boot_needs_parser(&permalink::page_hash(), &saved)
    });
    let ready = yaml::use_yaml_parser();
    use_effect_with(needs_parser, |&needs| {
        if needs {
            yaml::ensure_loaded(|| ());
        }
    });
    if needs_parser && !ready {
        return html! { <p class="restoring" role="status">{ label::restoring() }</p> };
    }
    html! { <SessionProvider {saved}>{ props.children.clone() }</SessionProvider> }
}

/// Props of [`SessionProvider`].
#[derive(Properties, PartialEq)]
struct SessionProviderProps {
    /// What the browser's storage held at start.
    saved: Rc<SavedAtStart>,
    /// The components that read the state.
    #[prop_or_default]
    children: Children,
}

/// Owns the [`AppState`] reducer; the first state comes from the page URL, else the saved
/// session (see `state/keep.rs`), and every later change is saved.
#[component]
fn SessionProvider(props: &SessionProviderProps) -> Html {
    let state = use_reducer(|| {
        let booted = AppState::boot(
            permalink::page_params(),
            &permalink::page_hash(),
            stored(SCENARIO_KEY).as_deref(),
            &props.saved,
        );
        if let Some(raw) = &booted.set_aside {
            saved::set_aside(raw);
        }
        booted.state.with_classroom(&classroom_params())
    });
    saved::use_session_saving(&state);
    use_effect_with(state.scenario, |scenario| {
        store(SCENARIO_KEY, scenario.id())
    });
    // A host page that frames podscope drives it and hears what happens (README, "Host page").
    use_host_api(state.clone());
    use_auto_height(&state);
    // The address follows the state; while playing, only once it pauses (not every frame).
    let shown = (!state.playback.playing).then_some(state.playback.position);
    let key = (
        state.version,
        state.scenario,
        shown,
        state.tour.map(|t| t.step),
        state.open_terminal.clone(),
        state.what_if.map(|w| w.id),
    );
    {
        let state = state.clone();
        use_effect_with(key, move |_| permalink::sync_address(&state));
    }
    html! {
        <ContextProvider<AppContext> context={state}>
            { props.children.clone() }
        </ContextProvider<AppContext>>
    }
}

/// Whether `?embed=1` (or the page itself, embed.html) asks for the page without its header
/// (for embedding in an iframe).
pub fn embedded() -> bool {
    url_param("embed").as_deref() == Some("1")
}

/// The page's parameter `name`, decoded: the URL's, else the page's default (`None` when
/// neither has it; see [`permalink::page_param`]).
pub fn url_param(name: &str) -> Option<String> {
    permalink::page_param(name)
}

/// The classroom settings in the page's parameters (`profile=`, `lesson=`, `seed=`, `print=`).
pub fn classroom_params() -> ClassroomParams {
    ClassroomParams::from_lookup(url_param)
}
