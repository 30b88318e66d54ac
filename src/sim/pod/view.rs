//! The pod as kubectl sees it: the plain [`PodView`] that `kubectl get` and `describe` format.

use super::lifecycle::PULL_BACKOFF_MS;
use super::{ContainerState, Pod, NODE_NAME};
use crate::sim::kubectl::{ContainerView, K8sEventView, PodView};
use crate::sim::manifest::VolumeSource;

/// The node's InternalIP.
const NODE_IP: &str = "172.18.0.2";

impl Pod {
    /// What kubectl knows about this pod at `now_ms`. A failed image pull turns into
    /// `ImagePullBackOff` once the kubelet's first back-off (10 s) has passed, as it does for real.
    pub fn view(&self, now_ms: u64) -> PodView {
        PodView {
            name: self.name().to_string(),
            phase: self.phase_at(now_ms).to_string(),
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
                    state: self.state_at(c, now_ms),
                    ready: self.state_at(c, now_ms).is_running(),
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
            events: self.events_at(now_ms),
        }
    }
}

impl Pod {
    /// The event list at `now_ms`: the recorded events plus the kubelet's back-off from failed
    /// pulls, which it reports while the sim is idle.
    fn events_at(&self, now_ms: u64) -> Vec<K8sEventView> {
        let mut events: Vec<K8sEventView> = self
            .k8s_events
            .iter()
            .filter(|e| e.age_from_ms <= now_ms)
            .cloned()
            .collect();
        for c in &self.containers {
            if let Some(failed) = c.pull_failed_ms {
                let at = failed.saturating_add(PULL_BACKOFF_MS);
                if now_ms >= at && matches!(c.state, ContainerState::Waiting { .. }) {
                    events.push(K8sEventView {
                        kind: "Normal".into(),
                        reason: "BackOff".into(),
                        age_from_ms: at,
                        from: "kubelet".into(),
                        message: format!("Back-off pulling image \"{}\"", c.spec.image),
                    });
                    events.push(K8sEventView {
                        kind: "Warning".into(),
                        reason: "Failed".into(),
                        age_from_ms: at,
                        from: "kubelet".into(),
                        message: "Error: ImagePullBackOff".into(),
                    });
                }
            }
        }
        events
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
