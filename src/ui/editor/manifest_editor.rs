//! The YAML editor for a custom Pod manifest, validated live, with an Apply button.

use std::collections::BTreeSet;

use web_sys::{HtmlElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::validation::{cap_input, image_warnings, problems};

/// The gutter numbers this many lines one by one; past it, the rest is one plain block.
const GUTTER_LINES: usize = 5000;

/// Props of [`ManifestEditor`].
#[derive(Properties, PartialEq)]
pub struct ManifestEditorProps {
    /// The manifest text (the editor is controlled: it shows exactly this).
    pub text: AttrValue,
    /// Called with the new text on every edit (cut to 1 MiB).
    pub oninput: Callback<String>,
    /// Apply pressed with a valid manifest: called with its text.
    pub onapply: Callback<String>,
}

/// The line-number gutter, offending lines marked.
fn gutter(lines: usize, bad: &BTreeSet<usize>) -> Html {
    let numbered = (1..=lines.min(GUTTER_LINES)).map(|n| {
        let is_bad = bad.contains(&n);
        html! {
            <span class={classes!("gutter-line", is_bad.then_some("is-error"))}
                title={is_bad.then(|| format!("line {n} has a problem"))}>{ n }</span>
        }
    });
    let rest: String = (GUTTER_LINES + 1..=lines)
        .map(|n| format!("{n}\n"))
        .collect();
    html! { <>{ for numbered }if !rest.is_empty() { <span class="gutter-rest">{ rest }</span> }</> }
}

/// A textarea with line numbers, the parser's complaints under it, and Apply.
#[component]
pub fn ManifestEditor(props: &ManifestEditorProps) -> Html {
    let gutter_ref = use_node_ref();
    // Opening the Manifest tab loads the YAML parser module; problems are read again once it is in.
    let parser_ready = crate::ui::yaml::use_yaml_parser();
    let found = use_memo((props.text.clone(), parser_ready), |(text, _)| {
        problems(text)
    });
    let warned = use_memo(props.text.clone(), |text| image_warnings(text));
    let bad: BTreeSet<usize> = found
        .iter()
        .chain(warned.iter())
        .filter_map(|p| p.line)
        .collect();
    let lines = props.text.split('\n').count();
    let valid = found.is_empty();
    // Text that is not a built-in manifest waits for the parser module: no verdict until then.
    let checking = !parser_ready && !valid;

    let oninput = props.oninput.reform(|e: InputEvent| {
        cap_input(e.target_unchecked_into::<HtmlTextAreaElement>().value())
    });
    let onscroll = {
        let gutter_ref = gutter_ref.clone();
        Callback::from(move |e: Event| {
            if let Some(g) = gutter_ref.cast::<HtmlElement>() {
                g.set_scroll_top(
                    e.target_unchecked_into::<HtmlTextAreaElement>()
                        .scroll_top(),
                );
            }
        })
    };
    let onapply = {
        let (text, onapply) = (props.text.clone(), props.onapply.clone());
        Callback::from(move |_: MouseEvent| onapply.emit(text.to_string()))
    };
    let errors = found
        .iter()
        .map(|p| html! { <li data-testid="manifest-error">{ &p.text }</li> });
    let warnings = warned
        .iter()
        .map(|p| html! { <li data-testid="manifest-warning">{ &p.text }</li> });

    html! {
        <section class="editor-panel" aria-label="Manifest editor">
            <div class="editor-body">
                <div class="editor-gutter" ref={gutter_ref} aria-hidden="true">{ gutter(lines, &bad) }</div>
                <textarea data-testid="manifest-editor" class="editor-text" value={props.text.clone()}
                    aria-label="Pod manifest (YAML)" aria-invalid={(!valid).to_string()}
                    aria-describedby="manifest-problems" spellcheck="false" autocomplete="off"
                    autocapitalize="off" wrap="off" {oninput} {onscroll} />
            </div>
            <div class="editor-footer">
                <div id="manifest-problems" class="editor-status" aria-live="polite">
                    if valid {
                        <p class="manifest-ok">{ "✓ A valid Pod manifest" }</p>
                    } else if checking {
                        <p class="manifest-checking">{ "Loading the YAML checker…" }</p>
                    } else {
                        <ul class="manifest-errors">{ for errors }</ul>
                    }
                    if !warned.is_empty() {
                        <ul class="manifest-errors manifest-warnings">{ for warnings }</ul>
                    }
                </div>
                <button type="button" class="manifest-apply" data-testid="manifest-apply"
                    disabled={!valid} onclick={onapply}>{ "Apply" }</button>
            </div>
        </section>
    }
}
