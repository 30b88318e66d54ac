//! The page header: the app's name, what it shows, where it simplifies, and the projector
//! switch.

use yew::prelude::*;

use super::AboutSimulation;
use crate::ui::theme::Theme;

/// Props of [`AppHeader`].
#[derive(Properties, PartialEq)]
pub struct AppHeaderProps {
    /// Whether the large-text (projector) mode is on.
    #[prop_or_default]
    pub large_text: bool,
    /// Flips large-text mode.
    #[prop_or_default]
    pub ontoggle_large: Callback<()>,
    /// The colour theme in force.
    #[prop_or_default]
    pub theme: Theme,
    /// Moves the theme switch on (system, light, dark).
    #[prop_or_default]
    pub ontoggle_theme: Callback<()>,
}

/// The header at the top of every screen.
#[component]
pub fn AppHeader(props: &AppHeaderProps) -> Html {
    html! {
        <header class="app-header">
            <h1 class="app-title">{ "podscope" }</h1>
            <p class="app-subtitle">{ "Inside a Kubernetes pod: how two containers talk" }</p>
            <AboutSimulation />
            <button type="button" class="large-text-toggle" aria-pressed={props.large_text.to_string()}
                data-testid="large-text" onclick={props.ontoggle_large.reform(|_: MouseEvent| ())}>
                { "Large text" }
            </button>
            <button type="button" class="theme-toggle" data-testid="theme-toggle"
                data-theme-choice={props.theme.id()}
                onclick={props.ontoggle_theme.reform(|_: MouseEvent| ())}>
                { props.theme.label() }
            </button>
        </header>
    }
}
