//! The pod diagram's data: what to draw ([`model`]) and where to draw it ([`layout`]).
//!
//! Both are plain Rust with no Yew types, so the SVG components stay thin and the geometry can be
//! tested natively. Later phases build a [`DiagramModel`] from the live simulated pod; the layout
//! does not care where the model came from. May use: std only.

pub mod layout;
pub mod model;

pub use layout::{layout, DiagramLayout, MountLink, Point, Rect};
pub use model::{ContainerModel, ContainerState, DiagramModel, Mount};
