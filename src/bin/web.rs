//! Entry point of the web app: Trunk builds this binary for wasm32 and mounts the root component.

#[cfg(target_arch = "wasm32")]
fn main() {
    podscope::ui::crash::install_panic_hook();
    yew::Renderer::<podscope::ui::App>::new().render();
}

/// Test hook (`tests/e2e/crash.test.mjs`): a panic inside the app, to show the error panel.
/// Reachable only as `window.wasmBindings.podscope_test_panic()`, i.e. by script running in the
/// page's own origin, which the app's CSP limits to its own files: a link cannot call it.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn podscope_test_panic() {
    panic!("podscope_test_panic: a panic on purpose (test hook)");
}

/// Test hook: a wasm trap with no panic behind it (as a stack overflow is), for the panel's
/// `window.onerror` path. Reachable the same way as [`podscope_test_panic`] only.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn podscope_test_trap() {
    core::arch::wasm32::unreachable()
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("podscope-web runs in the browser: build it with `trunk build` (see README).");
}
