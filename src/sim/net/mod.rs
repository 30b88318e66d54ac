//! The pod's network namespace: one TCP/IP stack shared by every container of the pod.
//!
//! Kubernetes gives a pod one network namespace, held by the pause container; `nginx-container`
//! and `debian-container` both live in it, so `curl localhost` from debian reaches nginx over the
//! one loopback device. [`NetNamespace`] models that namespace on smoltcp (a real TCP
//! implementation, driven sans-IO with an explicit clock) over a loopback device of our own that
//! captures every packet it carries, so the UI can show the real segments and export a pcap.
//!
//! May use: std, smoltcp, serde, and `crate::sim::event`. Must not use the web stack or any clock.

mod device;
mod differences;
mod dissect;
mod namespace;
mod pcap;
mod query;
mod show;
mod sockets;
mod stream;
pub(crate) mod text;
mod types;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_show;

pub use device::{Captured, MAX_PACKETS};
pub use differences::STACK_DIFFERENCES;
pub use dissect::{
    dissect, hex_dump, segment_info, IpFields, PacketFields, TcpFields, TcpOptionInfo,
};
pub use namespace::NetNamespace;
pub use pcap::pcap_file;
pub use types::{ConnInfo, ListenOptions, ListenerInfo, NetError, Owner, SocketId, TcpState};
