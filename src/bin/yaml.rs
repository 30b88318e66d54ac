//! The web app's manifest parser module: serde-saphyr with positioned errors, kept out of the
//! app's first download. Trunk builds it beside the app (index.html, `data-type="worker"` so
//! nothing starts it); the app imports it the first time a manifest that is not built in has
//! to be parsed (`podscope::ui::yaml`) and registers [`parse_manifest`] as the simulation's
//! external parser.

/// `sim::manifest::parse(yaml)` as a JavaScript value: `{ Ok: manifest }` or `{ Err: [error] }`
/// (serde-wasm-bindgen's form of the `Result`, read back by the app with the same serde types).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn parse_manifest(yaml: &str) -> wasm_bindgen::JsValue {
    let result = podscope::sim::manifest::parse(yaml);
    serde_wasm_bindgen::to_value(&result).unwrap_or(wasm_bindgen::JsValue::NULL)
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("podscope-yaml is a browser module: Trunk builds it with the web app (see README).");
}
