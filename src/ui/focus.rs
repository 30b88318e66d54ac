//! Keeping the keyboard focus somewhere sensible when the page redraws under it.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use yew::prelude::*;

thread_local! {
    /// What had the focus when a dialog was asked for ([`remember_focus`]).
    static OPENER: RefCell<Option<web_sys::HtmlElement>> = const { RefCell::new(None) };
}

/// Notes the element that has the focus now, for [`restore_focus`] when a dialog closes
/// (called as the key or click that opens it is handled, before the page redraws).
pub fn remember_focus() {
    let active = gloo::utils::document()
        .active_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    OPENER.with(|o| *o.borrow_mut() = active);
}

/// Gives the focus back to the element [`remember_focus`] noted (or, if the page has replaced
/// it, to its twin of the same `data-testid`), once the closing dialog has left the page.
pub fn restore_focus() {
    let Some(opener) = OPENER.with(|o| o.borrow_mut().take()) else {
        return;
    };
    gloo::timers::callback::Timeout::new(0, move || {
        if opener.is_connected() {
            let _ = opener.focus();
        } else if let Some(id) = opener.get_attribute("data-testid") {
            focus_first(&format!("[data-testid=\"{id}\"]"));
        }
    })
    .forget();
}

/// Focuses the first element matching `selector`; false when there is none to focus.
pub fn focus_first(selector: &str) -> bool {
    let found = gloo::utils::document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    found.is_some_and(|el| el.focus().is_ok())
}

/// When the element that had the focus was taken out of the page (the focus fell back to the
/// body), focuses the first element matching `selector` instead: a keyboard user who pressed
/// a switch that redraws the page stays on that switch.
pub fn refocus_if_lost(selector: &str) {
    let document = gloo::utils::document();
    let lost = match (document.active_element(), document.body()) {
        (None, _) => true,
        (Some(active), Some(body)) => active == *body.as_ref(),
        (Some(_), None) => false,
    };
    if lost {
        focus_first(selector);
    }
}

/// After each change of `key` (never on the first draw), [`refocus_if_lost`] to `selector`:
/// for a switch whose press redraws the part of the page it sits in.
#[hook]
pub fn use_keep_focus<T: PartialEq + 'static>(key: T, selector: &'static str) {
    let drawn = use_mut_ref(|| false);
    use_effect_with(key, move |_| {
        if std::mem::replace(&mut *drawn.borrow_mut(), true) {
            refocus_if_lost(selector);
        }
    });
}

/// Moves the focus into a popover as it opens (to `inside`) and back to the button that opens
/// it (`opener`) as it closes, never on the first draw: a keyboard user is never dropped at the
/// top of the page.
#[hook]
pub fn use_popover_focus(open: bool, inside: NodeRef, opener: NodeRef) {
    let first = use_mut_ref(|| true);
    use_effect_with(open, move |open| {
        let target = if *open { &inside } else { &opener };
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            if let Some(el) = target.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

/// What can take the focus inside a popover, in page order.
const FOCUSABLE: &str =
    "button, input, select, textarea, a[href], [tabindex]:not([tabindex=\"-1\"])";

/// The keys of a popover panel: Escape closes it (`close`); Tab past its last control comes back
/// to its first (Shift+Tab the other way), so the focus stays in the panel until it is closed.
pub fn popover_keys(close: Callback<()>) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
        "Escape" => {
            e.prevent_default();
            close.emit(());
        }
        "Tab" => {
            // Yew delegates events to the app's root, so the panel is found from the target.
            let Some(panel) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest("[role=\"dialog\"]").ok().flatten())
            else {
                return;
            };
            let Ok(list) = panel.query_selector_all(FOCUSABLE) else {
                return;
            };
            let at = |i: u32| {
                list.item(i)
                    .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            };
            let (Some(first), Some(last)) = (at(0), at(list.length().saturating_sub(1))) else {
                return;
            };
            let active = gloo::utils::document().active_element();
            let (edge, wrap_to) = if e.shift_key() {
                (first, last)
            } else {
                (last, first)
            };
            if active.as_ref() == Some(edge.as_ref()) {
                e.prevent_default();
                let _ = wrap_to.focus();
            }
        }
        _ => {}
    })
}
