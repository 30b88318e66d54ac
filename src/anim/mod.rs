//! Animation logic, free of any web dependency so it is tested natively: the scene as it stands
//! after any prefix of the event trace (so stepping back is re-deriving, never undoing), the
//! plain-language caption of each event, and the playback clock.
//!
//! May use: `crate::sim::event`. Must not use: yew, web-sys, gloo.

pub mod announce;
pub mod caption;
pub mod live;
pub mod pace;
pub mod playback;
pub mod question;
pub mod scene;
pub mod tour;

pub use announce::announcement;
pub use caption::caption;
pub use live::CatchUp;
pub use pace::Pacer;
pub use playback::{weight, Playback};
pub use scene::{derive, Scene};
