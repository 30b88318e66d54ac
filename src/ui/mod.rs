//! The Yew front end: the components, the app state, and the pure helpers they draw with.
//!
//! Only glue and drawing live here; rules about pods, files and sockets belong to `crate::sim`,
//! timing and captions to `crate::anim`. `diagram`, `terminals`, `slices`, `guide`, `scenarios`
//! and `highlight` are plain Rust with no Yew types, so their unit tests run natively;
//! components are tested in the browser (`tests/web_components.rs`, `tests/web_app.rs`).
//! May use: yew, web-sys, gloo, js-sys, `crate::anim` and `crate::sim`.

pub mod auto_height;
pub mod components;
pub mod crash;
pub mod diagram;
pub mod download;
pub mod editor;
pub mod embed_api;
pub mod embed_code;
pub mod focus;
pub mod guide;
pub mod handout;
pub mod highlight;
pub mod hooks;
pub mod host;
pub mod inspector;
pub mod keyboard;
pub mod language;
pub mod on_screen;
pub mod params;
pub mod permalink;
pub mod provider;
pub mod saved;
pub mod scenarios;
pub mod slices;
pub mod state;
pub mod terminal;
pub mod terminals;
pub mod theme;
pub mod timeline;
pub mod yaml;

pub use components::App;
