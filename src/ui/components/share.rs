//! Share: a button that opens a small panel with the link to this exact state and a Copy
//! button (the `<iframe>` snippet is the Embed dialog's, beside it). When the browser refuses
//! the clipboard (a sandboxed frame, an old browser), the link stays selected in view for a
//! manual copy, and the panel says so.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{t, tf, Msg};

use crate::ui::focus::{popover_keys, use_popover_focus};
use crate::ui::permalink;
use crate::ui::state::AppContext;

/// What the last Copy did.
#[derive(Clone, Copy, PartialEq)]
enum Copied {
    /// Nothing copied yet.
    Not,
    /// The link or snippet is on the clipboard.
    Yes(&'static str),
    /// The browser refused: copy by hand.
    Refused,
}

/// The Share button and its panel, reading the state in context.
#[component]
pub fn SharePanel() -> Html {
    let open = use_state(|| false);
    let copied = use_state(|| Copied::Not);
    let link_ref = use_node_ref();
    let button_ref = use_node_ref();
    // Opening moves the focus to the link (selected, ready to copy); closing brings it back.
    use_popover_focus(*open, link_ref.clone(), button_ref.clone());
    let Some(state) = use_context::<AppContext>() else {
        return html! {};
    };
    let ontoggle = {
        let (open, copied) = (open.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            copied.set(Copied::Not);
            open.set(!*open);
        })
    };
    if !*open {
        return html! {
            <div class="share">
                <button type="button" class="share-button" data-testid="share" onclick={ontoggle}
                    ref={button_ref} aria-expanded="false">{ t(Msg::ShareButton) }</button>
            </div>
        };
    }
    let link = permalink::app_link(&state);
    let copy = |what: &'static str, text: String, node: NodeRef| {
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = node.cast::<HtmlInputElement>() {
                input.select();
            }
            let copied = copied.clone();
            permalink::copy(&text, move |ok| {
                copied.set(if ok {
                    Copied::Yes(what)
                } else {
                    Copied::Refused
                })
            });
        })
    };
    let status = match *copied {
        Copied::Not => String::new(),
        Copied::Yes(what) => tf(Msg::ShareCopied, &[("what", &what)]),
        Copied::Refused => t(Msg::ShareRefused).to_string(),
    };
    let select_all = Callback::from(|e: FocusEvent| {
        e.target_unchecked_into::<HtmlInputElement>().select();
    });
    let onkeydown = {
        let open = open.clone();
        popover_keys(Callback::from(move |()| open.set(false)))
    };
    html! {
        <div class="share is-open">
            <button type="button" class="share-button" data-testid="share" onclick={ontoggle.clone()}
                ref={button_ref} aria-expanded="true">{ t(Msg::ShareButton) }</button>
            <div class="share-panel" role="dialog" aria-label={t(Msg::ShareRegion)} {onkeydown}>
                <label class="share-row">
                    <span>{ t(Msg::ShareLinkLabel) }</span>
                    <input ref={link_ref.clone()} readonly=true data-testid="share-link" value={link.clone()}
                        onfocus={select_all} />
                </label>
                <button type="button" data-testid="copy-link" onclick={copy(t(Msg::ShareWhatLink), link, link_ref)}>
                    { t(Msg::ShareCopyLink) }</button>
                <p class="share-status" role="status" data-testid="share-status">{ status }</p>
                <button type="button" class="share-close" aria-label={t(Msg::CommonClose)} onclick={ontoggle}>{ "×" }</button>
            </div>
        </div>
    }
}
