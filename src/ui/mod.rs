//! The Yew front end: the components, the app state, and the pure helpers they draw with.
//!
//! Only glue and drawing live here; rules about pods, files and sockets belong to `crate::sim`.
//! `diagram` (model + layout) and `highlight` are plain Rust with no Yew types, so their unit
//! tests run natively; components are tested in the browser (`tests/web_components.rs`).
//! May use: yew, web-sys, gloo, and `crate::sim`.

pub mod components;
pub mod diagram;
pub mod editor;
pub mod highlight;
pub mod inspector;
pub mod scenarios;
pub mod state;
pub mod timeline;

pub use components::App;
