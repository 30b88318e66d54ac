//! What-if buttons: one click starts a fresh pod of the experiment's scenario and does what the
//! experiment says (`crate::anim::tour::WHAT_IFS`), so the diagram animates the consequence.

use yew::prelude::*;

use crate::anim::tour::WhatIf;

/// Props of [`WhatIfBar`].
#[derive(Properties, PartialEq)]
pub struct WhatIfBarProps {
    /// The experiments offered, in order.
    pub what_ifs: &'static [WhatIf],
    /// The id of the experiment last run, drawn pressed.
    #[prop_or_default]
    pub active: Option<AttrValue>,
    /// Runs the experiment.
    pub onwhatif: Callback<&'static WhatIf>,
}

/// "What if… A second server on port 80 | Mount the volume read-only in debian | …".
#[component]
pub fn WhatIfBar(props: &WhatIfBarProps) -> Html {
    let buttons = props.what_ifs.iter().map(|what| {
        let pressed = props.active.as_deref() == Some(what.id);
        html! {
            <button type="button" class="what-if-button" data-testid={format!("what-if-{}", what.id)}
                aria-pressed={pressed.to_string()}
                title={format!("Starts a fresh {} pod and tries it", what.scenario)}
                onclick={props.onwhatif.reform(move |_: MouseEvent| what)}>
                { what.title }
            </button>
        }
    });
    html! {
        <div class="what-if" role="group" aria-label="What if">
            <span class="what-if-label">{ "What if…" }</span>
            { for buttons }
        </div>
    }
}
