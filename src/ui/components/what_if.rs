//! What-if experiments: a row of buttons by the playback controls, each one click: a fresh pod
//! of the experiment's scenario, then what the experiment does
//! (`crate::anim::tour::WHAT_IFS`), so the diagram animates the consequence.

use yew::prelude::*;

use crate::i18n::{t, tf, Msg};

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

/// The experiments as a row of buttons by the playback controls: one click runs one.
#[component]
pub fn WhatIfBar(props: &WhatIfBarProps) -> Html {
    let buttons = props.what_ifs.iter().map(|what| {
        let pressed = props.active.as_deref() == Some(what.id);
        let run = props.onwhatif.clone();
        let onclick = Callback::from(move |_: MouseEvent| run.emit(what));
        html! {
            <li>
                <button type="button" class="what-if-button" data-testid={format!("what-if-{}", what.id)}
                    aria-pressed={pressed.to_string()}
                    title={tf(Msg::WhatifTry, &[("scenario", &what.scenario)])} {onclick}>
                    { what.title_text() }
                </button>
            </li>
        }
    });
    html! {
        <div class="what-if" role="group" aria-labelledby="what-if-label" data-testid="what-if-menu">
            <span id="what-if-label" class="what-if-label">{ t(Msg::WhatifLabel) }</span>
            <ul class="what-if-list">{ for buttons }</ul>
        </div>
    }
}
