//! Predict, then reveal: the tour's question before its command runs (options to pick, or a
//! short answer to type), then whether the answer matched the real output, and why.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::anim::question::Given;

/// The question on show.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionView {
    /// What is asked.
    pub prompt: AttrValue,
    /// The options; empty for a short answer.
    pub options: Vec<AttrValue>,
}

/// The reveal after the answer.
#[derive(Clone, Debug, PartialEq)]
pub struct RevealView {
    /// Whether the answer was right.
    pub right: bool,
    /// Whether it was skipped.
    pub skipped: bool,
    /// The right answer, from the real output.
    pub right_answer: AttrValue,
    /// Why.
    pub explanation: AttrValue,
}

/// Props of [`QuestionCard`].
#[derive(Properties, PartialEq)]
pub struct QuestionCardProps {
    /// The question waiting for an answer, if one is.
    #[prop_or_default]
    pub question: Option<QuestionView>,
    /// The reveal of the last answer, if one was given.
    #[prop_or_default]
    pub reveal: Option<RevealView>,
    /// An answer was given.
    pub onanswer: Callback<Given>,
}

/// The question with its answer controls, or the reveal.
#[component]
pub fn QuestionCard(props: &QuestionCardProps) -> Html {
    let input = use_node_ref();
    if let Some(q) = &props.question {
        let body = if q.options.is_empty() {
            let onsubmit = {
                let (input, onanswer) = (input.clone(), props.onanswer.clone());
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    let text = input
                        .cast::<HtmlInputElement>()
                        .map(|i| i.value())
                        .unwrap_or_default();
                    onanswer.emit(Given::Text(text));
                })
            };
            html! {
                <form class="question-short" {onsubmit}>
                    <input ref={input} type="text" data-testid="question-input" aria-label="Your answer"
                        autocomplete="off" spellcheck="false" maxlength="200" />
                    <button type="submit" data-testid="question-submit">{ "Answer" }</button>
                </form>
            }
        } else {
            let options = q.options.iter().enumerate().map(|(i, label)| {
                let onclick = props.onanswer.reform(move |_: MouseEvent| Given::Option(i));
                html! {
                    <li><button type="button" data-testid={format!("question-option-{i}")} {onclick}>
                        { label.clone() }</button></li>
                }
            });
            html! { <ul class="question-options">{ for options }</ul> }
        };
        return html! {
            <div class="question-card" data-testid="question" role="group" aria-label="Predict">
                <p class="question-prompt"><strong>{ "Predict: " }</strong>{ q.prompt.clone() }</p>
                { body }
            </div>
        };
    }
    let Some(r) = &props.reveal else {
        return html! {};
    };
    let verdict = match (r.skipped, r.right) {
        (true, _) => format!("The real output says: {}.", r.right_answer),
        (false, true) => format!("Right: {}.", r.right_answer),
        (false, false) => format!("Not quite: the real output says {}.", r.right_answer),
    };
    html! {
        <div class={classes!("question-card", "is-revealed", r.right.then_some("is-right"))}
            data-testid="question-reveal" data-right={r.right.to_string()} aria-live="polite">
            <p class="question-verdict">{ verdict }</p>
            <p class="question-explanation">{ r.explanation.clone() }</p>
        </div>
    }
}
