//! The explainer's components, one per file.
//!
//! Leaf components take plain props (no context) so a test can mount each alone. The panels
//! (`diagram_panel`, `terminal_panel`, `info_panel`) and [`app`] read the
//! [`crate::ui::state::AppContext`] and wire leaves to it. May use: yew, web-sys, gloo, and
//! `crate::ui`'s modules.

pub mod about;
pub mod announcer;
pub mod app;
pub mod browser_preview;
pub mod caption;
pub mod confirm_dialog;
pub mod container_box;
pub mod diagram_panel;
pub mod embed_bar;
pub mod embed_dialog;
pub mod experiments;
pub mod flight_marker;
pub mod handout_view;
pub mod header;
pub mod info_panel;
pub mod kept_notice;
pub mod lesson_panel;
pub mod lesson_picker;
pub mod manifest_view;
pub mod mount_link;
pub mod network_namespace;
pub mod pod_diagram;
pub mod question_card;
pub mod reset_session;
pub mod scenario_bar;
pub mod share;
pub mod shortcuts_dialog;
pub mod skip_link;
pub mod tab_list;
pub mod task_panel;
pub mod terminal_panel;
pub mod tour_bar;
pub mod volume_node;
pub mod what_if;
pub mod what_if_note;

pub use about::{AboutSimulation, SIMPLIFICATIONS};
pub use announcer::Announcer;
pub use app::{App, Explainer};
pub use browser_preview::{BrowserPreview, BrowserPreviewProps};
pub use caption::{DiagramCaption, DiagramCaptionProps};
pub use confirm_dialog::{ConfirmDialog, ConfirmDialogProps};
pub use container_box::{ContainerBox, ContainerBoxProps};
pub use diagram_panel::DiagramPanel;
pub use embed_bar::EmbedBar;
pub use embed_dialog::EmbedDialog;
pub use experiments::Experiments;
pub use flight_marker::{FlightMarker, FlightMarkerProps};
pub use handout_view::{HandoutView, HandoutViewProps};
pub use header::{AppHeader, AppHeaderProps};
pub use info_panel::InfoPanel;
pub use kept_notice::KeptNotice;
pub use lesson_panel::LessonPanel;
pub use lesson_picker::{LessonPicker, LessonPickerProps};
pub use manifest_view::{ManifestView, ManifestViewProps};
pub use mount_link::{MountLinkLine, MountLinkLineProps};
pub use network_namespace::{NetworkNamespace, NetworkNamespaceProps};
pub use pod_diagram::{PodDiagram, PodDiagramProps};
pub use question_card::{QuestionCard, QuestionCardProps, QuestionView, RevealView};
pub use reset_session::ResetSession;
pub use scenario_bar::{ScenarioBar, ScenarioBarProps};
pub use share::SharePanel;
pub use shortcuts_dialog::{ShortcutsDialog, ShortcutsDialogProps};
pub use skip_link::SkipLink;
pub use tab_list::{TabList, TabListProps};
pub use task_panel::{TaskPanel, TaskPanelProps, TaskView};
pub use terminal_panel::TerminalPanel;
pub use tour_bar::{TourBar, TourBarProps, TourView};
pub use volume_node::{VolumeNode, VolumeNodeProps};
pub use what_if::{WhatIfBar, WhatIfBarProps};
pub use what_if_note::{WhatIfNote, WhatIfNoteProps};
