//! "About this simulation": a disclosure that says, in the app itself, where podscope
//! simplifies, so nobody takes a simplification for how Kubernetes or Linux behave.

use yew::prelude::*;

use crate::i18n::{t, Msg};

/// Where the simulation differs from a real pod, one sentence each (in `locales/*.ftl`).
pub const SIMPLIFICATIONS: &[Msg] = &[
    Msg::AboutTcp,
    Msg::AboutCapture,
    Msg::AboutPipeline,
    Msg::AboutImages,
    Msg::AboutClock,
    Msg::AboutShell,
    Msg::AboutMemory,
    Msg::AboutCluster,
];

/// The header's disclosure listing [`SIMPLIFICATIONS`].
#[component]
pub fn AboutSimulation() -> Html {
    html! {
        <details class="about" data-testid="about">
            <summary>{ t(Msg::AboutTitle) }</summary>
            <div class="about-body">
                <p>{ t(Msg::AboutIntro) }</p>
                <ul>{ for SIMPLIFICATIONS.iter().map(|s| html! { <li>{ t(*s) }</li> }) }</ul>
            </div>
        </details>
    }
}
