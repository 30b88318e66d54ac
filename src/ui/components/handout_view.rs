//! `?print=TOUR`: the printable handout of a tour, one block per step (diagram, caption,
//! command and output), with print CSS for A4 and Letter (`style/handout.css`).

use yew::prelude::*;

use crate::i18n::{t, tf, Msg};

use super::PodDiagram;
use crate::ui::handout::handout;

/// Props of [`HandoutView`].
#[derive(Properties, PartialEq)]
pub struct HandoutViewProps {
    /// The scenario whose tour is printed.
    pub scenario: AttrValue,
}

/// The handout page.
#[component]
pub fn HandoutView(props: &HandoutViewProps) -> Html {
    let built = use_memo(props.scenario.clone(), |id| handout(id));
    let Some((tour, steps)) = built.as_ref() else {
        return html! {
            <main class="handout">
                <p role="alert">{ tf(Msg::HandoutNoTour, &[("scenario", &props.scenario)]) }</p>
            </main>
        };
    };
    let total = steps.len();
    let blocks = steps.iter().enumerate().map(|(i, s)| {
        let (lines, more) = &s.output;
        html! {
            <section class="handout-step" data-testid="handout-step">
                <div class="handout-diagram"><PodDiagram model={s.diagram.clone()} /></div>
                <div class="handout-text">
                    <p class="handout-number">{ tf(Msg::HandoutStepOf, &[("step", &(i + 1)), ("total", &total)]) }</p>
                    if let Some(q) = &s.question {
                        <p class="handout-question">{ tf(Msg::HandoutPredict, &[("question", q)]) }</p>
                    }
                    if let Some(command) = &s.command {
                        <pre class="handout-command" data-testid="handout-command">{ command.clone() }</pre>
                    }
                    <p class="handout-caption" data-testid="handout-caption">{ s.caption.clone() }</p>
                    if !lines.is_empty() {
                        <pre class="handout-output">{ lines.join("\n") }
                            if *more > 0 { { tf(Msg::HandoutMoreLines, &[("count", more)]) } }
                        </pre>
                    }
                </div>
            </section>
        }
    });
    let onprint = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    html! {
        <main class="handout" data-testid="handout">
            <header class="handout-head">
                <h1>{ tour.title_text() }</h1>
                <p>{ t(Msg::HandoutIntro) }</p>
                <button type="button" class="handout-print" onclick={onprint}>{ t(Msg::HandoutPrint) }</button>
            </header>
            { for blocks }
        </main>
    }
}
