//! Reset: the pod the session started from, nothing typed. It asks first when there is work to
//! lose, and the session it discards stays one Undo away.

use yew::prelude::*;

use super::ConfirmDialog;
use crate::ui::state::{label, reset_question, Action, AppContext};

/// The top bar's Reset button and its question.
#[component]
pub fn ResetSession() -> Html {
    let asking = use_state(|| false);
    let Some(state) = use_context::<AppContext>() else {
        return html! {};
    };
    let reset = {
        let s = state.clone();
        let asking = asking.clone();
        Callback::from(move |()| {
            asking.set(false);
            s.dispatch(Action::ResetSession);
        })
    };
    let onclick = {
        let (asking, reset, work) = (asking.clone(), reset.clone(), state.worth_keeping());
        Callback::from(move |_: MouseEvent| {
            if work {
                asking.set(true);
            } else {
                reset.emit(());
            }
        })
    };
    let dialog = (*asking).then(|| {
        let asking = asking.clone();
        html! {
            <ConfirmDialog title={label::RESET_TITLE} question={reset_question(&state.to_saved())}
                confirm={label::RESET} onconfirm={reset.clone()}
                oncancel={Callback::from(move |()| asking.set(false))} />
        }
    });
    html! {
        <>
            <button type="button" class="reset-session" data-testid="reset-session"
                title={label::RESET_HINT} {onclick}>{ label::RESET }</button>
            { for dialog }
        </>
    }
}
