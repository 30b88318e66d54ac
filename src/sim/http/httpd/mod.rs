//! BusyBox 1.35's `httpd`, the web server of the busybox image: its command line ([`args`]),
//! what it answers ([`respond`], pure) and the server on the pod's network namespace
//! ([`Httpd`]). Recorded against the real one in `tests/busybox/httpd.yaml`.
//!
//! podscope reads no `httpd.conf` and runs no CGI; `-i`, `-m`, `-e` and `-d` say in one line
//! that they are not simulated.

pub mod args;
mod respond;
mod server;

pub use respond::{content_type, respond};
pub use server::Httpd;

/// What `httpd` prints for `--help` and after a usage error (BusyBox 1.35, recorded).
pub const USAGE: &str = include_str!("usage.txt");
