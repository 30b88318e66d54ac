//! The pod as kubectl sees it: the plain [`PodView`] that `kubectl get` and `describe` format.

use super::{Pod, NODE_NAME};
use crate::sim::kubectl::{ContainerView, PodView};
use crate::sim::manifest::VolumeSource;

/// The node's InternalIP.
const NODE_IP: &str = "172.18.0.2";

impl Pod {
    /// What kubectl knows about this pod.
    pub fn view(&self) -> PodView {
        PodView {
            name: self.name().to_string(),
            phase: self.phase().to_string(),
            ip: self.ip(),
            node: NODE_NAME.to_string(),
            node_ip: NODE_IP.to_string(),
            start_ms: self.created_ms,
            containers: self
                .containers
                .iter()
                .enumerate()
                .map(|(i, c)| ContainerView {
                    name: c.spec.name.clone(),
                    image: c.spec.image.clone(),
                    image_id: c
                        .image
                        .as_ref()
                        .map(|img| format!("{}@{}", img.reference, img.digest)),
                    container_id: c
                        .image
                        .as_ref()
                        .map(|_| container_id(&self.manifest.name, i, c.restart_count)),
                    state: c.state.clone(),
                    ready: c.state.is_running(),
                    restart_count: c.restart_count,
                    ports: c.spec.ports.clone(),
                    mounts: c
                        .spec
                        .volume_mounts
                        .iter()
                        .map(|m| (m.mount_path.clone(), m.name.clone(), m.read_only))
                        .collect(),
                    command: c.spec.command.clone(),
                    args: c.spec.args.clone(),
                    env: c.spec.env.clone(),
                })
                .collect(),
            volumes: self
                .manifest
                .volumes
                .iter()
                .map(|v| {
                    let VolumeSource::EmptyDir { size_limit, .. } = &v.source;
                    (v.name.clone(), *size_limit)
                })
                .collect(),
            events: self.k8s_events.clone(),
        }
    }
}

/// A deterministic 64-hex-digit containerd id for a container instance.
fn container_id(pod: &str, index: usize, restarts: u32) -> String {
    let seed: Vec<u8> = pod.bytes().chain([index as u8, restarts as u8]).collect();
    format!("containerd://{}", runtime_id(&seed))
}

/// A deterministic 64-hex-digit id, as containerd gives containers and exec sessions (FNV-1a
/// over `seed`, four rounds), so runs and replays agree.
pub fn runtime_id(seed: &[u8]) -> String {
    let mut state: u64 = 0xcbf2_9ce4_8422_2325;
    let mut hex = String::new();
    for round in 0..4u8 {
        for &b in seed.iter().chain([round].iter()) {
            state ^= u64::from(b);
            state = state.wrapping_mul(0x0100_0000_01b3);
        }
        hex.push_str(&format!("{state:016x}"));
    }
    hex
}
