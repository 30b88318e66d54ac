//! The pod manifest, coloured by YAML token kind; editable for the custom scenario.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::i18n::{t, Msg};

use crate::ui::highlight::{tokenize, TokenKind};

/// Props of [`ManifestView`].
#[derive(Properties, PartialEq)]
pub struct ManifestViewProps {
    /// The YAML text.
    pub manifest: AttrValue,
    /// File name shown above the text, e.g. `two-container-pod.yaml`.
    pub file_name: AttrValue,
    /// Whether the user may edit the text.
    #[prop_or_default]
    pub editable: bool,
    /// Called with the whole new text after each edit.
    #[prop_or_default]
    pub onedit: Callback<String>,
}

/// The manifest with syntax colouring. When editable, a transparent textarea lies exactly over
/// the coloured text, so the user types into a plain textarea and sees colours underneath.
#[component]
pub fn ManifestView(props: &ManifestViewProps) -> Html {
    let mut token_lines = tokenize(&props.manifest);
    // A final newline ends the last line; it does not start a numbered empty one.
    if token_lines.len() > 1 && token_lines.last().is_some_and(|l| l.is_empty()) {
        token_lines.pop();
    }
    let lines = token_lines.into_iter().map(|tokens| {
        let spans = tokens.into_iter().map(|t| match t.kind {
            TokenKind::Space => html! { { t.text } },
            kind => html! { <span class={kind.class()}>{ t.text }</span> },
        });
        html! { <span class="yaml-line">{ for spans }{ "\n" }</span> }
    });
    let editor = props.editable.then(|| {
        let oninput = props
            .onedit
            .reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
        html! {
            <textarea
                class="manifest-editor"
                data-testid="manifest-editor"
                aria-label={t(Msg::ManifestCustomLabel)}
                spellcheck="false"
                autocapitalize="off"
                autocomplete="off"
                wrap="off"
                value={props.manifest.clone()}
                {oninput}
            />
        }
    });
    html! {
        <section class="panel manifest-panel" aria-labelledby="manifest-heading">
            <h2 id="manifest-heading" class="panel-title">
                { t(Msg::ManifestHeading) }{ " " }<code class="file-name">{ props.file_name.clone() }</code>
            </h2>
            <div class={classes!("manifest-code", props.editable.then_some("is-editable"))}>
                <pre class="yaml" data-testid="manifest-view" aria-hidden={props.editable.to_string()}>
                    <code>{ for lines }</code>
                </pre>
                { for editor }
            </div>
        </section>
    }
}
