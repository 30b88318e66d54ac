//! The web app's panic hook: a panic hands its message to the page's error panel (`js/crash.js`,
//! `window.podscopeCrash`) before the release build's `panic = "abort"` traps the wasm, so the
//! page shows what happened, with Reload, Reset and Copy report, instead of going dead.
//!
//! The release build leaves panic locations out of the wasm (`scripts/release.sh`,
//! `-Zlocation-detail=none`): the report then gives the message without a place, rather than
//! the `<redacted>:0:0` the standard text would show.

use wasm_bindgen::{JsCast, JsValue};

/// The function `js/crash.js` defines on `window` for the hook to call.
const CRASH_FUNCTION: &str = "podscopeCrash";

/// Installs the hook; Yew keeps it (it installs its own only when none was set through it).
pub fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| report(&panic_text(info))));
}

/// What a panic says, as the standard hook prints it (`panicked at FILE:LINE:COLUMN:` and the
/// message), with `panicked:` where the build kept no location.
fn panic_text(info: &std::panic::PanicHookInfo<'_>) -> String {
    info.to_string().replacen(NO_LOCATION, "panicked:", 1)
}

/// How the standard text begins under `-Zlocation-detail=none`.
const NO_LOCATION: &str = "panicked at <redacted>:0:0:";

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
