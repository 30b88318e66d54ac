//! `?print=TOUR`: the printable handout of a tour, one block per step (diagram, caption,
//! command and output), with print CSS for A4 and Letter (`style/handout.css`).

use yew::prelude::*;

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
                <p role="alert">{ format!("No guided tour for '{}': try ?print=shared-volume, ?print=localhost or ?print=docs-original.", props.scenario) }</p>
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
                    <p class="handout-number">{ format!("Step {} of {total}", i + 1) }</p>
                    if let Some(q) = s.question {
                        <p class="handout-question">{ format!("Predict first: {q}") }</p>
                    }
                    if let Some(command) = &s.command {
                        <pre class="handout-command" data-testid="handout-command">{ command.clone() }</pre>
                    }
                    <p class="handout-caption" data-testid="handout-caption">{ s.caption }</p>
                    if !lines.is_empty() {
                        <pre class="handout-output">{ lines.join("\n") }
                            if *more > 0 { { format!("\n… {more} more lines") } }
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
                <h1>{ tour.title }</h1>
                <p>{ "podscope handout: one Kubernetes pod, simulated. Each step shows the command typed, what it printed, and the pod afterwards." }</p>
                <button type="button" class="handout-print" onclick={onprint}>{ "Print" }</button>
            </header>
            { for blocks }
        </main>
    }
}
