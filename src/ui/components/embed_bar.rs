//! The embed's one-line header: what the frame shows, and (unless `links=0`) an "Open in
//! podscope" link to the full app at the same state, plus Share and Embed.

use yew::prelude::*;

use super::{EmbedDialog, SharePanel};
use crate::ui::permalink;
use crate::ui::state::AppContext;

/// The bar at the top of an embed.
#[component]
pub fn EmbedBar() -> Html {
    let Some(state) = use_context::<AppContext>() else {
        return html! {};
    };
    // The link is written when it is about to be followed, not on every frame.
    let onpoint = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let a: web_sys::HtmlAnchorElement = e.target_unchecked_into();
            a.set_href(&permalink::app_link(&state));
        })
    };
    let links = state.params.links;
    html! {
        <header class="embed-bar">
            <h1 class="embed-brand">{ "podscope" }</h1>
            <span class="embed-title">{ state.scenario.title() }</span>
            if links {
                <a class="embed-open" data-testid="open-in-podscope" href="./"
                    target="_blank" rel="noopener" onmousedown={onpoint.reform(|e: MouseEvent| e.into())}
                    onfocus={onpoint.reform(|e: FocusEvent| e.into())}>
                    { "Open in podscope ↗" }</a>
                <SharePanel />
                <EmbedDialog />
            }
        </header>
    }
}
