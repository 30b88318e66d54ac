//! The first screen's components, one per file.
//!
//! Leaf components take plain props (no context) so a test can mount each alone; only [`app`]
//! reads the [`crate::ui::state::AppContext`]. May use: yew, web-sys, and `crate::ui`'s plain
//! data modules (`diagram`, `highlight`, `scenarios`).

pub mod app;
pub mod caption;
pub mod container_box;
pub mod header;
pub mod manifest_view;
pub mod mount_link;
pub mod network_namespace;
pub mod pod_diagram;
pub mod scenario_bar;
pub mod volume_node;

pub use app::{App, FirstScreen};
pub use caption::{DiagramCaption, DiagramCaptionProps};
pub use container_box::{ContainerBox, ContainerBoxProps};
pub use header::AppHeader;
pub use manifest_view::{ManifestView, ManifestViewProps};
pub use mount_link::{MountLinkLine, MountLinkLineProps};
pub use network_namespace::{NetworkNamespace, NetworkNamespaceProps};
pub use pod_diagram::{PodDiagram, PodDiagramProps};
pub use scenario_bar::{ScenarioBar, ScenarioBarProps};
pub use volume_node::{VolumeNode, VolumeNodeProps};
