//! What-if experiments: a "What if…" menu by the playback controls whose every entry is one
//! click: a fresh pod of the experiment's scenario, then what the experiment does
//! (`crate::anim::tour::WHAT_IFS`), so the diagram animates the consequence.

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

/// A "What if…" button opening the list of experiments; picking one runs it and closes the list.
#[component]
pub fn WhatIfBar(props: &WhatIfBarProps) -> Html {
    let open = use_state_eq(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let onkeydown = {
        let open = open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                open.set(false);
            }
        })
    };
    let buttons = props.what_ifs.iter().map(|what| {
        let pressed = props.active.as_deref() == Some(what.id);
        let (run, open) = (props.onwhatif.clone(), open.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            open.set(false);
            run.emit(what);
        });
        html! {
            <li>
                <button type="button" class="what-if-button" data-testid={format!("what-if-{}", what.id)}
                    aria-pressed={pressed.to_string()}
                    title={format!("Starts a fresh {} pod and tries it", what.scenario)} {onclick}>
                    { what.title }
                </button>
            </li>
        }
    });
    html! {
        <div class="what-if" {onkeydown}>
            <button type="button" class="what-if-toggle" data-testid="what-if-menu"
                aria-expanded={open.to_string()} aria-controls="what-if-list" onclick={ontoggle}>
                { "What if… ▾" }
            </button>
            <ul id="what-if-list" class="what-if-list" role="group" aria-label="What if" hidden={!*open}>
                { for buttons }
            </ul>
        </div>
    }
}
