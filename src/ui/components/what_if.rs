//! What-if buttons: things that happen to a pod without anyone typing a command.

use yew::prelude::*;

use crate::ui::state::WhatIf;

/// Props of [`WhatIfBar`].
#[derive(Properties, PartialEq)]
pub struct WhatIfBarProps {
    /// Containers that can be restarted (running ones).
    pub containers: Vec<String>,
    /// Whether a pod exists (delete) or not (recreate).
    pub has_pod: bool,
    /// Runs the experiment.
    pub onwhatif: Callback<WhatIf>,
}

/// "Restart nginx-container", "Delete the pod" / "Create it again".
#[component]
pub fn WhatIfBar(props: &WhatIfBarProps) -> Html {
    let restart = props.containers.iter().map(|name| {
        let what = WhatIf::RestartContainer(name.clone());
        html! {
            <button type="button" title="Its processes end; the emptyDir volume keeps its files"
                onclick={props.onwhatif.reform(move |_: MouseEvent| what.clone())}>
                { format!("Restart {name}") }
            </button>
        }
    });
    let pod = if props.has_pod {
        html! { <button type="button" title="kubectl delete pod: the emptyDir goes with it"
        onclick={props.onwhatif.reform(|_: MouseEvent| WhatIf::DeletePod)}>{ "Delete the pod" }</button> }
    } else {
        html! { <button type="button" onclick={props.onwhatif.reform(|_: MouseEvent| WhatIf::Recreate)}>
        { "Create the pod again" }</button> }
    };
    html! {
        <div class="what-if" role="group" aria-label="What if">
            <span class="what-if-label">{ "What if…" }</span>
            { for restart }
            { pod }
        </div>
    }
}
