//! The pod diagram's data: what to draw ([`model`]) and where to draw it ([`layout`]).
//!
//! Both are plain Rust with no Yew types, so the SVG components stay thin and the geometry can be
//! tested natively. [`scene_model`] builds the [`DiagramModel`] from the scene at one step of the
//! trace (and nothing else); [`flight`] places what moves during one event. May use: std,
//! `crate::anim`, `crate::sim` (read only).

pub mod describe;
pub mod flight;
pub mod layout;
pub mod model;
pub mod narrow;
pub mod scene_model;

pub use describe::describe;
pub use flight::{flight, Flight, FlightKind};
pub use layout::{layout, DiagramLayout, MountLink, Point, Rect, Shape};
pub use model::{ContainerModel, ContainerState, DiagramModel, FileMark, Mount};
pub use scene_model::scene_model;
