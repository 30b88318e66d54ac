//! A bash-compatible shell interpreter for `kubectl exec … -- bash`.
//!
//! The shell knows nothing about the pod: it parses a line, expands words, runs builtins itself
//! and asks a [`ShellHost`] for everything else (programs, files, directories). May use: std and
//! `sim::output` only.

pub mod ast;
pub mod lexer;
pub mod parser;
