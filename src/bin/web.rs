//! Entry point of the web app: Trunk builds this binary for wasm32 and mounts the root component.

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<podscope::ui::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("podscope-web runs in the browser: build it with `trunk build` (see README).");
}
