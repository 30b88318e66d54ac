//! nginx in the `nginx-container`: [`respond`] decides the answer (pure), [`server`] runs the
//! master/worker on the pod's network namespace, [`cli`] is the `nginx` command line.
//!
//! May use: `super::message`, `super::pages`, `crate::sim::{clock, event, net}`.

pub mod cli;
mod respond;
pub mod server;

pub use cli::nginx_command;
pub use respond::{access_log_line, normalize_uri, respond, DocRoot, FileStat};
pub use server::Nginx;

#[cfg(test)]
pub(crate) mod testroot;
