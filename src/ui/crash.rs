//! The web app's panic hook: a panic hands its message to the page's error panel (`js/crash.js`,
//! `window.podscopeCrash`) before the release build's `panic = "abort"` traps the wasm, so the
//! page shows what happened, with Reload, Reset and Copy report, instead of going dead.

use wasm_bindgen::{JsCast, JsValue};

/// The function `js/crash.js` defines on `window` for the hook to call.
const CRASH_FUNCTION: &str = "podscopeCrash";

/// Installs the hook; Yew keeps it (it installs its own only when none was set through it).
pub fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| report(&info.to_string())));
}

/// Calls `window.podscopeCrash(message)`; nothing to do where the page has no panel. Never
/// panics itself: a panic inside a panic hook aborts before anything is shown.
fn report(message: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(function) = js_sys::Reflect::get(&window, &JsValue::from_str(CRASH_FUNCTION)) else {
        return;
    };
    if let Some(function) = function.dyn_ref::<js_sys::Function>() {
        let _ = function.call1(&JsValue::NULL, &JsValue::from_str(message));
    }
}
