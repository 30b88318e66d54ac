//! Embed: a button beside Share that opens a dialog writing the `<iframe>` snippet for this
//! state with the parameters chosen in it (view, controls, when it loads, autoplay, theme,
//! links, the step shown now), and copies it; when the browser refuses the clipboard, the
//! snippet stays selected for a manual copy and the dialog says so.

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::i18n::{t, tf, Msg};
use crate::ui::embed_code::{EmbedOptions, Load};
use crate::ui::focus::{popover_keys, use_popover_focus};
use crate::ui::params::{Theme, View};
use crate::ui::permalink;
use crate::ui::state::AppContext;

/// What the last Copy did: nothing yet, copied, or refused by the browser.
type Copied = Option<bool>;

/// One `<select>` of the dialog: `label`, `(value, text)` options, the chosen value.
fn select(
    label: &str,
    id: &'static str,
    options: &[(&'static str, Msg)],
    chosen: &str,
    node: NodeRef,
    onchange: Callback<String>,
) -> Html {
    let onchange =
        onchange.reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value());
    html! {
        <label class="embed-field">
            <span>{ label }</span>
            <select data-testid={id} ref={node} {onchange}>
                { for options.iter().map(|&(value, text)| html! {
                    <option {value} selected={value == chosen}>{ t(text) }</option>
                }) }
            </select>
        </label>
    }
}

/// One checkbox of the dialog.
fn check(label: &str, id: &'static str, on: bool, onchange: Callback<bool>) -> Html {
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
    let first_ref = use_node_ref();
    let button_ref = use_node_ref();
    // Opening moves the focus to the first choice; closing (×, Escape, Embed) brings it back.
    use_popover_focus(*open, first_ref.clone(), button_ref.clone());
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
            ref={button_ref} aria-expanded={open.to_string()} aria-haspopup="dialog" title={t(Msg::EmbedRegion)}>
            <span class="embed-icon" aria-hidden="true">{ "</>" }</span>
            <span class="embed-label">{ t(Msg::EmbedButton) }</span>
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
        Some(true) => t(Msg::EmbedCopied),
        Some(false) => t(Msg::EmbedRefused),
    };
    let select_all =
        Callback::from(|e: FocusEvent| e.target_unchecked_into::<HtmlTextAreaElement>().select());
    let views = [
        ("split", Msg::EmbedViewSplit),
        ("diagram", Msg::EmbedViewDiagram),
        ("terminal", Msg::EmbedViewTerminal),
    ];
    let loads: Vec<(&str, Msg)> = Load::ALL.iter().map(|&(_, id, text)| (id, text)).collect();
    let themes = [
        ("auto", Msg::EmbedThemeAuto),
        ("light", Msg::EmbedThemeLight),
        ("dark", Msg::EmbedThemeDark),
    ];
    let onkeydown = {
        let (open, copied) = (open.clone(), copied.clone());
        popover_keys(Callback::from(move |()| {
            copied.set(None);
            open.set(false);
        }))
    };
    let view = match o.view {
        View::Split => "split",
        View::Diagram => "diagram",
        View::Terminal => "terminal",
    };
    html! {
        <div class="share is-open">
            { button }
            <div class="share-panel embed-panel" role="dialog" aria-label={t(Msg::EmbedRegion)} data-testid="embed-dialog" {onkeydown}>
                { select(t(Msg::EmbedShows), "embed-view", &views, view, first_ref, set(|o, v| o.view = match v.as_str() {
                    "diagram" => View::Diagram, "terminal" => View::Terminal, _ => View::Split })) }
                { select(t(Msg::EmbedStarts), "embed-load", &loads, o.load.id(), NodeRef::default(), set(|o, v| o.load = Load::from_id(&v))) }
                { select(t(Msg::EmbedTheme), "embed-theme", &themes, o.theme.attribute().unwrap_or("auto"), NodeRef::default(), set(|o, v| o.theme = match v.as_str() {
                    "light" => Theme::Light, "dark" => Theme::Dark, _ => Theme::Auto })) }
                <div class="embed-checks">
                    { check(t(Msg::EmbedControls), "embed-controls", o.controls, toggle(|o, on| o.controls = on)) }
                    { check(t(Msg::EmbedAutoplay), "embed-autoplay", o.autoplay, toggle(|o, on| o.autoplay = on)) }
                    { check(t(Msg::EmbedLinks), "embed-links", o.links, toggle(|o, on| o.links = on)) }
                    { check(&tf(Msg::EmbedAtStep, &[("step", &position)]), "embed-at-step", o.at_step.is_some(),
                        toggle(|o, on| o.at_step = on.then_some(0))) }
                </div>
                <label class="share-row embed-code">
                    <span>{ tf(Msg::EmbedCodeLabel, &[("height", &o.height())]) }</span>
                    <textarea ref={code_ref} readonly=true rows="4" data-testid="embed-code" value={snippet}
                        onfocus={select_all} />
                </label>
                <button type="button" data-testid="copy-embed" onclick={oncopy}>{ t(Msg::EmbedCopy) }</button>
                <p class="share-status" role="status" data-testid="embed-status">{ status }</p>
                <button type="button" class="share-close" aria-label={t(Msg::CommonClose)} onclick={ontoggle}>{ "×" }</button>
            </div>
        </div>
    }
}
