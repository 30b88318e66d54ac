//! The page-wide keyboard shortcuts: one keydown listener on the document, installed while the
//! explainer is mounted, that turns keys into app actions — never while a terminal, the editor
//! or another text field has focus.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::state::{Action, AppContext};
use super::timeline::{shortcut, typing_target, ControlAction};

/// Whether the key event comes from somewhere the user types.
fn from_typing(e: &KeyboardEvent) -> bool {
    let Some(el) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    let editable = el
        .dyn_ref::<web_sys::HtmlElement>()
        .is_some_and(|h| h.is_content_editable());
    let in_terminal = el
        .closest(".terminal, .manifest-code")
        .ok()
        .flatten()
        .is_some();
    typing_target(&el.tag_name(), editable, in_terminal)
}

/// The app action for a shortcut, given the state it acts on.
fn action_for(key: ControlAction, state: &AppContext) -> Action {
    let len = state.len();
    match key {
        ControlAction::PlayPause if state.playback.playing => Action::Pause,
        ControlAction::PlayPause => Action::Play,
        ControlAction::StepForward => Action::StepForward,
        ControlAction::StepBack => Action::StepBack,
        ControlAction::First => Action::Seek(0),
        ControlAction::Last => Action::Seek(len),
        ControlAction::Reset => Action::Reset,
        ControlAction::Presenter => Action::SetPresenter(!state.presenter),
        ControlAction::NextTourStep if state.tour.is_some() => Action::TourNext,
        ControlAction::NextTourStep => Action::TourStart,
        ControlAction::Help => Action::SetHelp(!state.help_open),
    }
}

/// Listens for the shortcuts on the whole document while mounted.
#[hook]
pub fn use_shortcuts(state: Option<AppContext>) {
    // The listener reads the newest state through this ref, so it is installed once.
    let latest = use_mut_ref(|| None::<AppContext>);
    *latest.borrow_mut() = state;
    use_effect_with((), move |_| {
        let listener = EventListener::new_with_options(
            &gloo::utils::document(),
            "keydown",
            EventListenerOptions::enable_prevent_default(),
            move |event| {
                let Some(e) = event.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                let modified = e.ctrl_key() || e.alt_key() || e.meta_key();
                let Some(key) = shortcut(&e.key(), modified) else {
                    return;
                };
                // A widget that took the key (tabs, the event list's arrows) keeps it.
                if from_typing(e) || e.default_prevented() {
                    return;
                }
                // Space and Enter on a focused button press it; leave that to the browser.
                let on_button = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| el.tag_name() == "BUTTON");
                if on_button && key == ControlAction::PlayPause {
                    return;
                }
                let Some(state) = latest.borrow().clone() else {
                    return;
                };
                e.prevent_default();
                if key == ControlAction::Help && !state.help_open {
                    super::focus::remember_focus();
                }
                state.dispatch(action_for(key, &state));
            },
        );
        move || drop(listener)
    });
}
