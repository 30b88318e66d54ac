//! The guided tour's strip: start it, read the step, go back and forth.

use yew::prelude::*;

/// Props of [`TourBar`].
#[derive(Properties, PartialEq)]
pub struct TourBarProps {
    /// The step's caption while a tour runs; `None` shows the start button.
    pub caption: Option<AttrValue>,
    /// `step N of M`, while a tour runs.
    #[prop_or_default]
    pub progress: AttrValue,
    /// Whether this scenario has a tour at all.
    pub available: bool,
    /// Start the tour.
    pub onstart: Callback<()>,
    /// Next step.
    pub onnext: Callback<()>,
    /// Previous step.
    pub onprev: Callback<()>,
    /// Leave the tour.
    pub onend: Callback<()>,
}

/// A start button, or the current step with Back / Next / End.
#[component]
pub fn TourBar(props: &TourBarProps) -> Html {
    let click = |cb: &Callback<()>| cb.reform(|_: MouseEvent| ());
    match &props.caption {
        None => html! {
            <div class="tour-bar">
                <button type="button" class="tour-start" data-testid="tour-start"
                    disabled={!props.available} onclick={click(&props.onstart)}>{ "▶ Guided tour" }</button>
            </div>
        },
        Some(caption) => html! {
            <div class="tour-bar is-running" role="region" aria-label="Guided tour">
                <span class="tour-progress">{ props.progress.clone() }</span>
                <p class="tour-caption" data-testid="tour-caption" aria-live="polite">{ caption.clone() }</p>
                <button type="button" data-testid="tour-prev" onclick={click(&props.onprev)}>{ "Back" }</button>
                <button type="button" data-testid="tour-next" onclick={click(&props.onnext)}>{ "Next" }</button>
                <button type="button" class="tour-end" aria-label="End the tour" onclick={click(&props.onend)}>{ "✕" }</button>
            </div>
        },
    }
}
