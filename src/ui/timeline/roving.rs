//! One Tab stop for a list of buttons (a roving tabindex): Tab enters the list at one entry,
//! ↑/↓ (and Home/End) move the focus inside it, Tab leaves it.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

/// Moves the focus among the `button`s inside `list` (the element the keydown listener sits
/// on; not `current_target`, which under Yew's event delegation is the app's root): ↑/↓ one
/// entry, Home/End to either end. The newly focused entry becomes the list's one Tab stop.
pub fn move_focus(e: &KeyboardEvent, list: &Element) {
    let step: isize = match e.key().as_str() {
        "ArrowDown" => 1,
        "ArrowUp" => -1,
        "Home" => isize::MIN,
        "End" => isize::MAX,
        _ => return,
    };
    let Ok(nodes) = list.query_selector_all("button") else {
        return;
    };
    let buttons: Vec<HtmlElement> = (0..nodes.length())
        .filter_map(|i| nodes.get(i)?.dyn_into::<HtmlElement>().ok())
        .collect();
    let Some(last) = buttons.len().checked_sub(1) else {
        return;
    };
    let active = gloo::utils::document().active_element();
    let at = buttons
        .iter()
        .position(|b| active.as_ref() == Some(b.as_ref()))
        .unwrap_or(0);
    let to = match step {
        isize::MIN => 0,
        isize::MAX => last,
        s => at.saturating_add_signed(s).min(last),
    };
    e.prevent_default();
    for (i, b) in buttons.iter().enumerate() {
        b.set_tab_index(if i == to { 0 } else { -1 });
    }
    if let Some(b) = buttons.get(to) {
        let _ = b.focus();
    }
}
