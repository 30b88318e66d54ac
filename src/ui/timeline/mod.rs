//! The event timeline: the event list with its category filters, and the playback controls
//! (play/pause, step, speed, scrubber) in the manner of Packet Tracer's simulation mode.
//!
//! The components are leaves with plain props; the App owns the trace, the position and the
//! timer. The pure parts (`rows`, `filters`, `window`, `shortcut`) hold no Yew types and are
//! tested natively. May use: yew, web-sys, `crate::anim` (captions) and `crate::sim::event`.

pub mod controls;
pub mod event_log;
pub mod filters;
pub mod live_status;
pub mod roving;
pub mod rows;
pub mod shortcut;
pub mod window;

pub use controls::{Controls, ControlsProps, SPEEDS};
pub use event_log::{EventLog, EventLogProps};
pub use filters::Filters;
pub use live_status::{LiveStatus, LiveStatusProps};
pub use rows::{event_row, time_text, EventRow};
pub use shortcut::{shortcut, typing_target, ControlAction, SHORTCUTS, SHORTCUTS_HELP};
