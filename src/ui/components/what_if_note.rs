//! The explanation of the what-if just run, shown beside the diagram: what to notice, and why.

use yew::prelude::*;

use crate::i18n::{t, tf, Msg};

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
            aria-label={tf(Msg::WhatifNote, &[("title", &props.title)])}>
            <p class="what-if-note-title">{ tf(Msg::WhatifNote, &[("title", &props.title)]) }</p>
            <p class="what-if-note-text">{ props.explanation.clone() }</p>
            <button type="button" class="what-if-note-close" aria-label={t(Msg::WhatifHide)}
                onclick={props.ondismiss.reform(|_: MouseEvent| ())}>{ "✕" }</button>
        </aside>
    }
}
