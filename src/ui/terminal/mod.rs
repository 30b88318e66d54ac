//! The terminal panel: one shell (or kubectl) session as the user sees and types into it.
//!
//! [`Terminal`] is a leaf component with plain props: the parent owns the transcript
//! ([`TermEntry`] list) and runs lines in the sim; the component owns only what a terminal
//! emulator owns — the line being edited, its history, Tab-completion display, scrolling.
//! `ansi`, `screen`, `history`, `keys` and `line_edit` are plain Rust with native unit tests.
//! May use: yew, web-sys, gloo, js-sys, wasm-bindgen; from `crate::sim` only the shell's
//! `Completion` type, converted into [`TermCompletion`].

pub mod ansi;
pub mod clipboard;
pub mod history;
pub mod input;
pub mod keys;
pub mod line_edit;
pub mod output;
pub mod panel;
pub mod paste;
pub mod screen;

pub use history::History;
pub use input::{Completer, TerminalInput, TerminalInputProps, MAX_INPUT};
pub use line_edit::TermCompletion;
pub use output::{TerminalOutput, TerminalOutputProps};
pub use panel::{Terminal, TerminalProps, MAX_LINES};
pub use screen::TermEntry;
