//! Smoke test of the web build in headless Chromium: the root component mounts and renders.
//!
//! Runs only on wasm32 (`cargo test --target wasm32-unknown-unknown --tests`, through
//! wasm-bindgen-test-runner); natively this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

mod web_util;
use web_util::fresh_root;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh `<div>` appended to the document body, so each test mounts into its own element.

#[wasm_bindgen_test]
async fn app_mounts_and_shows_the_title() {
    let root = fresh_root();
    yew::Renderer::<podscope::ui::App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;

    let title = root
        .query_selector("h1")
        .unwrap()
        .and_then(|h1| h1.text_content())
        .unwrap_or_default();
    assert_eq!(title, "podscope");
}
