//! Above the terminals: the Live switch, the one-click what-ifs, and the explanation of the
//! what-if just run, next to the terminal output it explains.

use yew::prelude::*;

use super::{WhatIfBar, WhatIfNote};
use crate::anim::tour::WHAT_IFS;
use crate::ui::state::{Action, AppContext};
use crate::ui::timeline::LiveStatus;

/// The what-if row and note, wired to the app state.
#[component]
pub fn Experiments() -> Html {
    let Some(state) = use_context::<AppContext>() else {
        return html! {};
    };
    let onwhatif = {
        let s = state.clone();
        Callback::from(move |w| s.dispatch(Action::WhatIf(w)))
    };
    let onlive = {
        let s = state.clone();
        let live = state.live;
        Callback::from(move |_: Event| s.dispatch(Action::SetLive(!live)))
    };
    let onjump = {
        let s = state.clone();
        Callback::from(move |()| s.dispatch(Action::JumpToNow))
    };
    let ondismiss = {
        let s = state.clone();
        Callback::from(move |()| s.dispatch(Action::DismissWhatIf))
    };
    html! {
        <div class="experiments">
            <div class="diagram-options">
                <label class="live-toggle">
                    <input type="checkbox" checked={state.live} onchange={onlive} />
                    { " Live: play new events as commands run" }
                </label>
                <LiveStatus live={state.live} behind={state.behind()} onjump={onjump} />
                <WhatIfBar what_ifs={WHAT_IFS} active={state.what_if.map(|w| AttrValue::from(w.id))} {onwhatif} />
            </div>
            if let Some(w) = state.what_if {
                <WhatIfNote title={w.title} explanation={w.explanation} {ondismiss} />
            }
        </div>
    }
}
