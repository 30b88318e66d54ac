//! The simulation core: a deterministic model of one Kubernetes pod.
//!
//! Pure Rust with no web dependencies and no clock of its own: time only moves when the caller
//! passes a new `now` (milliseconds of simulated time). Every change the UI animates is recorded
//! as an [`event::Event`] in the pod's [`event::Trace`]; tests assert on the same trace.
//!
//! May use: std, serde, serde-saphyr, smoltcp, httparse, regex-lite (sed, grep, awk, expr),
//! md-5 and sha2 (md5sum, sha*sum), and, for session links, lz4_flex and base64. Must not use:
//! yew, web-sys, gloo.

pub mod clock;
pub mod cluster;
pub mod coreutils;
pub mod event;
pub mod fs;
pub mod http;
pub mod image;
pub mod kubectl;
pub mod lesson;
pub mod manifest;
pub mod net;
pub mod output;
pub mod pod;
pub mod scenario;
pub mod session;
pub mod shell;
pub mod transcript;
