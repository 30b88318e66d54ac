//! Shared by the browser tests: a fresh element to mount into, and lookups by `data-testid`.
//! Each test crate uses part of it.
#![allow(dead_code)]

use web_sys::Element;

/// A new, empty `<div>` appended to the page's body: each test mounts into its own.
pub fn fresh_root() -> Element {
    let root = gloo::utils::document().create_element("div").unwrap();
    gloo::utils::body().append_child(&root).unwrap();
    root
}

/// The element with `data-testid="id"` under `root`, if any.
pub fn find(root: &Element, id: &str) -> Option<Element> {
    root.query_selector(&format!("[data-testid=\"{id}\"]"))
        .unwrap()
}

/// The element with `data-testid="id"` under `root`; the test fails when there is none.
pub fn by_testid(root: &Element, id: &str) -> Element {
    find(root, id).unwrap_or_else(|| panic!("no element with data-testid={id}"))
}

/// The text of the element with `data-testid="id"`; the test fails when there is none.
pub fn text_of(root: &Element, id: &str) -> String {
    by_testid(root, id).text_content().unwrap_or_default()
}
