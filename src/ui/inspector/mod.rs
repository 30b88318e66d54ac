//! The packet inspector: the header fields, payload and bytes of one captured segment, as
//! Wireshark's detail and bytes panes show them, plus the Download pcap button.
//!
//! `fields` turns `crate::sim::net::dissect`'s result into labelled rows (plain Rust, tested
//! natively); `packet_inspector` draws them. May use: yew, web-sys, `crate::sim::net`.

pub mod fields;
pub mod packet_inspector;

pub use fields::{field_sections, payload_title, Field, Section, SMOLTCP_NOTE};
pub use packet_inspector::{PacketInspector, PacketInspectorProps};
