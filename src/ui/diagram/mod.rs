//! The pod diagram's data: what to draw ([`model`]) and where to draw it ([`layout`]).
//!
//! Both are plain Rust with no Yew types, so the SVG components stay thin and the geometry can be
//! tested natively. [`live`] builds the [`DiagramModel`] from the simulated pod and the scene at
//! one step of the trace; [`flight`] places what moves during one event. May use: std,
//! `crate::anim`, `crate::sim` (read only).

pub mod flight;
pub mod layout;
pub mod live;
pub mod model;

pub use flight::{flight, Flight, FlightKind};
pub use layout::{layout, DiagramLayout, MountLink, Point, Rect};
pub use live::live_model;
pub use model::{ContainerModel, ContainerState, DiagramModel, FileMark, Mount};
