//! The manifest editor: a YAML textarea with a line-number gutter, validated on every keystroke
//! by the same parser `kubectl apply` goes through in the sim, errors listed under it.
//!
//! `validation` is plain Rust over `crate::sim::manifest` (tested natively); `manifest_editor`
//! is the component. May use: yew, web-sys, `crate::sim::manifest`.

pub mod manifest_editor;
pub mod validation;

pub use manifest_editor::{ManifestEditor, ManifestEditorProps};
pub use validation::{cap_input, problems, Problem};
