//! What a browser would show for `http://localhost/` in the pod, in a sandboxed iframe.

use yew::prelude::*;

use crate::i18n::{t, Msg};

/// Props of [`BrowserPreview`].
#[derive(Properties, PartialEq)]
pub struct BrowserPreviewProps {
    /// The status line, e.g. `HTTP/1.1 403 Forbidden`.
    pub status: AttrValue,
    /// Whether the status is 2xx.
    pub ok: bool,
    /// The response body, shown as a document.
    pub body: AttrValue,
}

/// The served page behind a Content-Security-Policy of its own: it may style itself and show
/// inline images, but fetch nothing (no `<img src="https://…">` leaving the page's origin).
const PREVIEW_CSP: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'\">";

/// `body` with [`PREVIEW_CSP`] in front, so the policy holds before any of its markup.
fn guarded(body: &str) -> String {
    format!("{PREVIEW_CSP}{body}")
}

/// A fake address bar with the status, and the body in an iframe that can never run a script
/// or reach this page (`sandbox=""`: no scripts, unique origin; a CSP: no requests).
#[component]
pub fn BrowserPreview(props: &BrowserPreviewProps) -> Html {
    html! {
        <section class="browser-preview" data-testid="browser-preview" aria-label={t(Msg::PreviewRegion)}>
            <div class="browser-bar">
                <span class="browser-url" aria-label={t(Msg::PreviewAddress)}>{ "http://localhost/" }</span>
                <span class={classes!("browser-status", if props.ok { "ok" } else { "bad" })}
                    data-testid="browser-status">{ props.status.clone() }</span>
            </div>
            <iframe class="browser-frame" title={t(Msg::PreviewFrame)} sandbox=""
                referrerpolicy="no-referrer" srcdoc={guarded(&props.body)} />
        </section>
    }
}
