//! The guided tour's strip: start it, read the step, go back and forth, or take over.

use yew::prelude::*;

use super::{QuestionCard, QuestionView, RevealView};
use crate::anim::question::Given;

/// Where a running tour stands, as the bar shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct TourView {
    /// The tour's title.
    pub title: AttrValue,
    /// The step's narration.
    pub caption: AttrValue,
    /// `step 3 of 14`.
    pub progress: AttrValue,
    /// The command the step typed, if it typed one (`debian-container: curl localhost`).
    pub typed: Option<AttrValue>,
    /// Whether Back has nowhere to go.
    pub first: bool,
    /// Whether this is the last step (Next becomes Finish).
    pub last: bool,
    /// The step's question, while it waits for the answer.
    pub question: Option<QuestionView>,
    /// The reveal of the step's answered question.
    pub reveal: Option<RevealView>,
    /// The printable handout of this tour (`?print=SCENARIO`).
    pub handout: Option<AttrValue>,
}

/// Props of [`TourBar`].
#[derive(Properties, PartialEq)]
pub struct TourBarProps {
    /// The running tour; `None` shows the start button.
    #[prop_or_default]
    pub tour: Option<TourView>,
    /// Whether this scenario has a tour at all.
    pub available: bool,
    /// Start the tour.
    pub onstart: Callback<()>,
    /// Next step.
    pub onnext: Callback<()>,
    /// Previous step.
    pub onprev: Callback<()>,
    /// Leave the tour, keeping the pod as it is.
    pub onend: Callback<()>,
    /// The step's question was answered.
    #[prop_or_default]
    pub onanswer: Callback<Given>,
}

/// A start button, or the current step with Back / Next / Take over (Finish on the last).
#[component]
pub fn TourBar(props: &TourBarProps) -> Html {
    let click = |cb: &Callback<()>| cb.reform(|_: MouseEvent| ());
    let Some(tour) = &props.tour else {
        let title = if props.available {
            "Starts this scenario's pod afresh and walks through it, one command per step"
        } else {
            "Tours exist for the built-in scenarios"
        };
        return html! {
            <div class="tour-bar">
                <button type="button" class="tour-start" data-testid="tour-start" {title}
                    disabled={!props.available} onclick={click(&props.onstart)}>{ "▶ Guided tour" }</button>
            </div>
        };
    };
    html! {
        <div class="tour-bar is-running" role="region" aria-label={format!("Guided tour: {}", tour.title)}>
            <div class="tour-caption" data-testid="tour-caption" aria-live="polite">
                <span class="tour-meta">
                    <span class="tour-progress">{ format!("{} · {}", tour.title, tour.progress) }</span>
                    if let Some(href) = &tour.handout {
                        <a class="tour-handout" href={href.clone()} target="_blank" rel="noopener"
                            data-testid="tour-handout" title="Every step's diagram, caption and command, to print (A4 or Letter)">
                            { "Handout" }</a>
                    }
                    if let Some(typed) = &tour.typed {
                        <code class="tour-typed">{ typed.clone() }</code>
                    }
                </span>
                if tour.question.is_none() {
                    <span class="tour-text">{ tour.caption.clone() }</span>
                }
                <QuestionCard question={tour.question.clone()} reveal={tour.reveal.clone()}
                    onanswer={props.onanswer.clone()} />
            </div>
            <div class="tour-buttons">
                <button type="button" data-testid="tour-prev" disabled={tour.first}
                    onclick={click(&props.onprev)}>{ "◀ Back" }</button>
                if tour.last {
                    <button type="button" class="tour-next" data-testid="tour-next"
                        onclick={click(&props.onend)}>{ "Finish ✓" }</button>
                } else {
                    <button type="button" class="tour-next" data-testid="tour-next"
                        title={tour.question.is_some().then_some("Skip the question: run the command and see")}
                        onclick={click(&props.onnext)}>{ if tour.question.is_some() { "Skip ▶" } else { "Next ▶" } }</button>
                    <button type="button" class="tour-end" data-testid="tour-end"
                        title="Leave the tour and type your own commands; the pod stays as it is"
                        onclick={click(&props.onend)}>{ "Take over" }</button>
                }
            </div>
        </div>
    }
}
