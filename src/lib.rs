//! podscope: container-to-container communication in a Kubernetes pod, simulated faithfully and
//! animated in the browser.
//!
//! [`sim`] is the deterministic simulation core (no web dependencies); [`ui`] is the Yew front end,
//! compiled only with the default `web` feature.

pub mod anim;
pub mod i18n;
pub mod sim;

#[cfg(feature = "web")]
pub mod ui;
