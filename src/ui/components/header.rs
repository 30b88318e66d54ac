//! The page header: the app's name and what it shows.

use yew::prelude::*;

/// The header at the top of every screen.
#[component]
pub fn AppHeader() -> Html {
    html! {
        <header class="app-header">
            <h1 class="app-title">{ "podscope" }</h1>
            <p class="app-subtitle">{ "Inside a Kubernetes pod: how two containers talk" }</p>
        </header>
    }
}
