//! The first Tab stop: a link that jumps over the header and the diagram to the command line.

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// "Skip to the terminal": hidden until focused (app.css), it puts the keyboard focus on the
/// command line of the terminal on show, so a keyboard user types after one Tab, not 25.
#[component]
pub fn SkipLink() -> Html {
    let onclick = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        focus_open_terminal();
    });
    html! {
        <a class="skip-link" href="#terminals" data-testid="skip-to-terminal" {onclick}>
            { "Skip to the terminal" }
        </a>
    }
}

/// Puts the keyboard focus on the command line of the terminal on show.
fn focus_open_terminal() {
    let found = gloo::utils::document()
        .query_selector(".terminal-pane:not([hidden]) .terminal-input")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(input) = found {
        let _ = input.focus();
    }
}
