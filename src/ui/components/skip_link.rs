//! The first Tab stop: a link that jumps over the header and the diagram to the command line.

use yew::prelude::*;

use crate::ui::focus::focus_first;

/// "Skip to the terminal": hidden until focused (app.css), it puts the keyboard focus on the
/// command line of the terminal on show, so a keyboard user types after one Tab, not 25.
#[component]
pub fn SkipLink() -> Html {
    let onclick = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        focus_first(".terminal-pane:not([hidden]) .terminal-input");
    });
    html! {
        <a class="skip-link" href="#terminals" data-testid="skip-to-terminal" {onclick}>
            { "Skip to the terminal" }
        </a>
    }
}
