//! Embed: a button beside Share that opens a dialog writing the `<iframe>` snippet for this
//! state with the parameters chosen in it (view, controls, when it loads, autoplay, theme,
//! links, the step shown now), and copies it; when the browser refuses the clipboard, the
//! snippet stays selected for a manual copy and the dialog says so.

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::ui::embed_code::{EmbedOptions, Load};
use crate::ui::params::{Theme, View};
use crate::ui::permalink;
use crate::ui::state::AppContext;

/// What the last Copy did: nothing yet, copied, or refused by the browser.
type Copied = Option<bool>;

/// One `<select>` of the dialog: `label`, `(value, text)` options, the chosen value.
fn select(
    label: &str,
    id: &'static str,
    options: &[(&'static str, &'static str)],
    chosen: &str,
    onchange: Callback<String>,
) -> Html {
    let onchange =
        onchange.reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value());
    html! {
        <label class="embed-field">
            <span>{ label }</span>
            <select data-testid={id} {onchange}>
                { for options.iter().map(|&(value, text)| html! {
                    <option {value} selected={value == chosen}>{ text }</option>
                }) }
            </select>
        </label>
    }
}

/// One checkbox of the dialog.
fn check(label: String, id: &'static str, on: bool, onchange: Callback<bool>) -> Html {
    let onchange =
        onchange.reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().checked());
    html! {
        <label class="embed-check">
            <input type="checkbox" data-testid={id} checked={on} {onchange} />
            <span>{ label }</span>
        </label>
    }
}

/// The Embed button and its dialog, reading the state in context.
#[component]
pub fn EmbedDialog() -> Html {
    let open = use_state(|| false);
    let options = use_state(EmbedOptions::default);
    let copied = use_state(|| None::<bool> as Copied);
    let code_ref = use_node_ref();
    let Some(state) = use_context::<AppContext>() else {
        return html! {};
    };
    let ontoggle = {
        let (open, copied) = (open.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            copied.set(None);
            open.set(!*open);
        })
    };
    let button = html! {
        <button type="button" class="share-button embed-button" data-testid="embed" onclick={ontoggle.clone()}
            aria-expanded={open.to_string()} aria-haspopup="dialog" title="Embed this state in a page">
            <span class="embed-icon" aria-hidden="true">{ "</>" }</span>
            <span class="embed-label">{ "Embed" }</span>
        </button>
    };
    if !*open {
        return html! { <div class="share">{ button }</div> };
    }
    let o = *options;
    let set = |f: fn(&mut EmbedOptions, String)| {
        let (options, copied) = (options.clone(), copied.clone());
        Callback::from(move |value: String| {
            let mut next = *options;
            f(&mut next, value);
            copied.set(None);
            options.set(next);
        })
    };
    let toggle = |f: fn(&mut EmbedOptions, bool)| {
        let (options, copied) = (options.clone(), copied.clone());
        Callback::from(move |on: bool| {
            let mut next = *options;
            f(&mut next, on);
            copied.set(None);
            options.set(next);
        })
    };
    // "Open at this step" follows the step on show while the dialog is open.
    let position = state.playback.position;
    let chosen = EmbedOptions {
        at_step: o.at_step.map(|_| position),
        ..o
    };
    let snippet = chosen.snippet(&permalink::app_link(&state), state.scenario.title());
    let oncopy = {
        let (copied, code_ref, snippet) = (copied.clone(), code_ref.clone(), snippet.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(code) = code_ref.cast::<HtmlTextAreaElement>() {
                code.select();
            }
            let copied = copied.clone();
            permalink::copy(&snippet, move |ok| copied.set(Some(ok)));
        })
    };
    let status = match *copied {
        None => "",
        Some(true) => "Copied the embed code: paste it into your page's HTML.",
        Some(false) => {
            "The browser did not allow copying here: the code is selected, press Ctrl+C (⌘C)."
        }
    };
    let select_all =
        Callback::from(|e: FocusEvent| e.target_unchecked_into::<HtmlTextAreaElement>().select());
    let views = [
        ("split", "Diagram and terminal"),
        ("diagram", "Diagram only"),
        ("terminal", "Terminal only"),
    ];
    let loads: Vec<(&str, &str)> = Load::ALL.iter().map(|&(_, id, text)| (id, text)).collect();
    let themes = [
        ("auto", "The reader's (system)"),
        ("light", "Light"),
        ("dark", "Dark"),
    ];
    let view = match o.view {
        View::Split => "split",
        View::Diagram => "diagram",
        View::Terminal => "terminal",
    };
    html! {
        <div class="share is-open">
            { button }
            <div class="share-panel embed-panel" role="dialog" aria-label="Embed this state in a page" data-testid="embed-dialog">
                { select("Shows", "embed-view", &views, view, set(|o, v| o.view = match v.as_str() {
                    "diagram" => View::Diagram, "terminal" => View::Terminal, _ => View::Split })) }
                { select("Starts", "embed-load", &loads, o.load.id(), set(|o, v| o.load = Load::from_id(&v))) }
                { select("Theme", "embed-theme", &themes, o.theme.attribute().unwrap_or("auto"), set(|o, v| o.theme = match v.as_str() {
                    "light" => Theme::Light, "dark" => Theme::Dark, _ => Theme::Auto })) }
                <div class="embed-checks">
                    { check("Playback controls".into(), "embed-controls", o.controls, toggle(|o, on| o.controls = on)) }
                    { check("Play when seen (not with reduced motion)".into(), "embed-autoplay", o.autoplay, toggle(|o, on| o.autoplay = on)) }
                    { check("“Open in podscope” and Share".into(), "embed-links", o.links, toggle(|o, on| o.links = on)) }
                    { check(format!("Open at step {position}, as now"), "embed-at-step", o.at_step.is_some(),
                        toggle(|o, on| o.at_step = on.then_some(0))) }
                </div>
                <label class="share-row embed-code">
                    <span>{ format!("HTML for your page ({} px high, the page's full width)", o.height()) }</span>
                    <textarea ref={code_ref} readonly=true rows="4" data-testid="embed-code" value={snippet}
                        onfocus={select_all} />
                </label>
                <button type="button" data-testid="copy-embed" onclick={oncopy}>{ "Copy embed code" }</button>
                <p class="share-status" role="status" data-testid="embed-status">{ status }</p>
                <button type="button" class="share-close" aria-label="Close" onclick={ontoggle}>{ "×" }</button>
            </div>
        </div>
    }
}
