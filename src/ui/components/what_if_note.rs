//! The explanation of the what-if just run, shown beside the diagram: what to notice, and why.

use yew::prelude::*;

/// Props of [`WhatIfNote`].
#[derive(Properties, PartialEq)]
pub struct WhatIfNoteProps {
    /// The experiment's title.
    pub title: AttrValue,
    /// What the user should notice, and why.
    pub explanation: AttrValue,
    /// Hides the note.
    pub ondismiss: Callback<()>,
}

/// A callout with the what-if's title, its explanation and a close button.
#[component]
pub fn WhatIfNote(props: &WhatIfNoteProps) -> Html {
    html! {
        <aside class="what-if-note" data-testid="what-if-explanation" aria-live="polite"
            aria-label={format!("What if: {}", props.title)}>
            <p class="what-if-note-title">{ format!("What if: {}", props.title) }</p>
            <p class="what-if-note-text">{ props.explanation.clone() }</p>
            <button type="button" class="what-if-note-close" aria-label="Hide the explanation"
                onclick={props.ondismiss.reform(|_: MouseEvent| ())}>{ "✕" }</button>
        </aside>
    }
}
