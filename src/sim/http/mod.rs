//! HTTP in the pod: the nginx server that the `nginx-container` runs and the curl client that the
//! `debian-container` runs, both byte-exact copies of nginx 1.22.1 and curl 7.88.1 (recorded in
//! `tests/golden-local/`).
//!
//! [`message`] parses requests (with httparse) and formats responses; [`nginx`] decides what nginx
//! answers ([`nginx::respond`], pure) and runs it as a process on the pod's network namespace;
//! [`curl`] is the client; [`url`] parses URLs the way curl does.
//!
//! May use: std, httparse, `crate::sim::{clock, event, output, net}`. No web dependencies, no clock
//! of its own: time is the `now_ms` passed in.

mod conn;
pub mod curl;
pub mod httpd;
pub mod message;
pub mod nc;
pub mod nginx;
pub mod pages;
pub mod url;
pub mod wget;

pub use message::{parse_request, ParsedRequest, Request, Response};
pub use nginx::{respond, DocRoot, FileStat};
