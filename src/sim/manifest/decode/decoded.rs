//! The decoded Pod before validation: every value with the YAML position validation errors name.

use super::super::{ContainerSpec, PodManifest, RestartPolicy, Volume, VolumeMount, VolumeSource};

/// A YAML position: 1-based line and column.
pub(in crate::sim::manifest) type Pos = (Option<usize>, Option<usize>);

/// A decoded value and where it was written.
#[derive(Debug, Clone, Default)]
pub(in crate::sim::manifest) struct Located<T> {
    pub value: T,
    pub pos: Pos,
}

/// A decoded `spec.volumes[i]` with the positions validation needs.
#[derive(Debug, Clone, Default)]
pub(in crate::sim::manifest) struct DecodedVolume {
    pub name: Located<String>,
    pub pos: Pos,
    /// Every volume-source key present (`emptyDir`, `hostPath`...), in order.
    pub sources: Vec<Located<String>>,
    pub medium: Option<String>,
    pub size_limit: Option<u64>,
}

/// A decoded `volumeMounts[j]`.
#[derive(Debug, Clone, Default)]
pub(in crate::sim::manifest) struct DecodedMount {
    pub name: Located<String>,
    pub mount_path: Located<String>,
    pub read_only: bool,
    pub sub_path: Located<Option<String>>,
}

/// A decoded `spec.containers[i]`.
#[derive(Debug, Clone, Default)]
pub(in crate::sim::manifest) struct DecodedContainer {
    pub name: Located<String>,
    pub image: Located<String>,
    pub command: Vec<String>,
    pub args: Vec<String>,
    pub ports: Vec<Located<Option<i64>>>,
    pub env: Vec<Located<(String, String)>>,
    pub working_dir: Option<String>,
    pub mounts: Vec<DecodedMount>,
}

/// The whole decoded Pod, before validation.
#[derive(Debug, Clone, Default)]
pub(in crate::sim::manifest) struct DecodedPod {
    pub name: Located<String>,
    pub restart_policy: Located<Option<String>>,
    pub share_process_namespace: bool,
    pub volumes: Vec<DecodedVolume>,
    pub containers: Vec<DecodedContainer>,
    pub containers_pos: Pos,
}

impl DecodedPod {
    /// The typed manifest; call only after validation succeeded.
    pub fn into_manifest(self) -> PodManifest {
        let restart_policy = match self.restart_policy.value.as_deref() {
            Some("Never") => RestartPolicy::Never,
            Some("OnFailure") => RestartPolicy::OnFailure,
            _ => RestartPolicy::Always,
        };
        PodManifest {
            name: self.name.value,
            restart_policy,
            share_process_namespace: self.share_process_namespace,
            volumes: self
                .volumes
                .into_iter()
                .map(|v| Volume {
                    name: v.name.value,
                    source: VolumeSource::EmptyDir {
                        medium: v.medium,
                        size_limit: v.size_limit,
                    },
                })
                .collect(),
            containers: self.containers.into_iter().map(into_container).collect(),
        }
    }
}

fn into_container(c: DecodedContainer) -> ContainerSpec {
    ContainerSpec {
        name: c.name.value,
        image: c.image.value,
        command: c.command,
        args: c.args,
        ports: c
            .ports
            .iter()
            .filter_map(|p| p.value.and_then(|v| u16::try_from(v).ok()))
            .collect(),
        env: c.env.into_iter().map(|e| e.value).collect(),
        working_dir: c.working_dir,
        volume_mounts: c
            .mounts
            .into_iter()
            .map(|m| VolumeMount {
                name: m.name.value,
                mount_path: m.mount_path.value,
                read_only: m.read_only,
                sub_path: m.sub_path.value,
            })
            .collect(),
    }
}
