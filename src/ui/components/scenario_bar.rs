//! The segmented control that picks a scenario.

use yew::prelude::*;

use crate::i18n::{t, Msg};

use crate::ui::scenarios::ScenarioId;

/// Props of [`ScenarioBar`].
#[derive(Properties, PartialEq)]
pub struct ScenarioBarProps {
    /// The scenario shown now; its button is drawn pressed.
    pub selected: ScenarioId,
    /// Called with the scenario whose button was clicked.
    pub onselect: Callback<ScenarioId>,
}

/// One button per scenario, exactly one pressed.
#[component]
pub fn ScenarioBar(props: &ScenarioBarProps) -> Html {
    let buttons = ScenarioId::ALL.iter().map(|&scenario| {
        let pressed = scenario == props.selected;
        let onclick = props.onselect.reform(move |_: MouseEvent| scenario);
        html! {
            <button
                type="button"
                class={classes!("scenario-button", pressed.then_some("is-selected"))}
                aria-pressed={pressed.to_string()}
                data-testid={format!("scenario-{}", scenario.id())}
                {onclick}
            >
                { scenario.title() }
            </button>
        }
    });
    html! {
        <nav class="scenario-bar" aria-label={t(Msg::ScenarioRegion)} data-testid="scenario-select">
            { for buttons }
        </nav>
    }
}
