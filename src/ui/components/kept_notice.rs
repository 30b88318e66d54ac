//! The Undo bar: after a scenario switch, a what-if, a tour, a lesson, an apply or a reset put
//! the previous session aside, one line says so with Undo beside it (the pattern of a mail
//! app's "Conversation archived. Undo"). It stays until Undo or dismissed: the session is kept
//! (and saved, so a reload still offers it) until then.

use yew::prelude::*;

use crate::ui::state::{label, Action, AppContext};
use crate::ui::yaml;

/// The bar for the session kept one Undo away, if any.
#[component]
pub fn KeptNotice() -> Html {
    let Some(state) = use_context::<AppContext>() else {
        return html! {};
    };
    let Some(kept) = state.kept.clone() else {
        return html! {};
    };
    let onundo = {
        let (s, needs) = (state.clone(), kept.session.needs_parser());
        Callback::from(move |_: MouseEvent| {
            // A kept custom manifest replays through the YAML parser module: load it first.
            let s = s.clone();
            if needs && !yaml::is_ready() {
                yaml::ensure_loaded(move || s.dispatch(Action::Undo));
            } else {
                s.dispatch(Action::Undo);
            }
        })
    };
    let message = kept.message();
    let s = state.clone();
    let ondismiss = Callback::from(move |_: MouseEvent| s.dispatch(Action::DismissKept));
    html! {
        <p class="kept-notice" role="status" data-testid="kept-notice">
            <span title={message.clone()}>{ message }</span>
            <button type="button" class="kept-undo" data-testid="kept-undo" onclick={onundo}>
                { label::UNDO }
            </button>
            <button type="button" class="kept-dismiss" aria-label={label::DISMISS_KEPT}
                data-testid="kept-dismiss" onclick={ondismiss}>{ "×" }</button>
        </p>
    }
}
