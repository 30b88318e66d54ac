//! Copying text to the system clipboard without ever throwing.
//!
//! `navigator.clipboard` is missing outside secure contexts and may refuse inside a sandboxed
//! iframe; both end as `done(false)` so the view can say so instead of failing silently.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::Callback;

/// Writes `text` to the clipboard, then calls `done` with whether it worked.
pub fn copy_text(text: &str, done: Callback<bool>) {
    let Some(promise) = write_text(text) else {
        done.emit(false);
        return;
    };
    let ok = {
        let done = done.clone();
        Closure::once_into_js(move |_: JsValue| done.emit(true))
    };
    let failed = Closure::once_into_js(move |_: JsValue| done.emit(false));
    let then = Reflect::get(&promise, &JsValue::from_str("then"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok());
    if let Some(then) = then {
        // Only one of the two closures runs; the other is a few bytes left to the GC.
        let _ = then.call2(&promise, &ok, &failed);
    }
}

/// Starts `navigator.clipboard.writeText(text)`, or `None` when there is no clipboard API.
fn write_text(text: &str) -> Option<Promise> {
    let navigator = web_sys::window()?.navigator();
    let clipboard = Reflect::get(&navigator, &JsValue::from_str("clipboard")).ok()?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return None;
    }
    let write = Reflect::get(&clipboard, &JsValue::from_str("writeText"))
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    write
        .call1(&clipboard, &JsValue::from_str(text))
        .ok()?
        .dyn_into::<Promise>()
        .ok()
}
