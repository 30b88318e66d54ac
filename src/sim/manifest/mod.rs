//! Pod manifests: parse a `kind: Pod` YAML document and validate it as the API server would.
//!
//! [`parse`] turns YAML text into a typed [`PodManifest`], or into every [`ManifestError`] found,
//! each with the field path Kubernetes would name (`spec.containers[1].volumeMounts[0].name`)
//! and the line/column of the offending YAML node. serde-saphyr parses the YAML (syntax errors
//! and their locations come from it); [`decode`] walks the located tree the way the API
//! server's strict decoder does (unknown fields, wrong types), and [`validate`] applies the
//! API server's validation rules. Nothing here panics on bad input.
//!
//! May use: std, serde, serde-saphyr. Must not use other `sim` modules or any web crate.

mod builtin;
mod decode;
mod error;
mod load;
mod node;
mod quantity;
mod validate;

pub use builtin::lookup as builtin;
pub use error::{ManifestError, ManifestErrorKind};
pub use load::{load, parser_ready, set_external_parser, ExternalParser};
pub use quantity::parse_quantity;
use serde::{Deserialize, Serialize};

/// The largest manifest podscope accepts, in bytes (1 MiB).
pub const MAX_MANIFEST_BYTES: usize = 1024 * 1024;

/// What the kubelet does when a container exits (`spec.restartPolicy`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum RestartPolicy {
    /// Restart every container that exits (the default).
    #[default]
    Always,
    /// Restart only containers that exit with a non-zero status.
    OnFailure,
    /// Never restart: an exited container stays `Terminated`.
    Never,
}

impl RestartPolicy {
    /// The spelling used in YAML and `kubectl describe`.
    pub fn as_str(self) -> &'static str {
        match self {
            RestartPolicy::Always => "Always",
            RestartPolicy::OnFailure => "OnFailure",
            RestartPolicy::Never => "Never",
        }
    }
}

/// A validated Pod: only what the simulation uses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PodManifest {
    /// `metadata.name`.
    pub name: String,
    /// `spec.restartPolicy`.
    pub restart_policy: RestartPolicy,
    /// `spec.shareProcessNamespace`: whether the containers see each other's processes.
    pub share_process_namespace: bool,
    /// `spec.volumes`, in order.
    pub volumes: Vec<Volume>,
    /// `spec.containers`, in order (the order the kubelet starts them).
    pub containers: Vec<ContainerSpec>,
}

/// One entry of `spec.volumes`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Volume {
    /// The name mounts refer to.
    pub name: String,
    /// Where the volume's data lives.
    pub source: VolumeSource,
}

/// The kinds of volume podscope simulates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum VolumeSource {
    /// A directory created empty when the pod starts and deleted with it.
    EmptyDir {
        /// `medium` (`Memory` for a tmpfs), `None` for the node's disk.
        medium: Option<String>,
        /// `sizeLimit` in bytes, parsed from a quantity such as `1Mi` or `500M`.
        size_limit: Option<u64>,
    },
}

/// One entry of `spec.containers`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContainerSpec {
    /// Container name, unique in the pod.
    pub name: String,
    /// Image reference as written (`nginx`, `debian:bookworm`).
    pub image: String,
    /// `command`: replaces the image's ENTRYPOINT when not empty.
    pub command: Vec<String>,
    /// `args`: replaces the image's CMD when not empty.
    pub args: Vec<String>,
    /// `ports[].containerPort` (informational, as in Kubernetes).
    pub ports: Vec<u16>,
    /// `env[]` name/value pairs, in order.
    pub env: Vec<(String, String)>,
    /// `workingDir`, overriding the image's.
    pub working_dir: Option<String>,
    /// `volumeMounts`, in order.
    pub volume_mounts: Vec<VolumeMount>,
}

/// One entry of a container's `volumeMounts`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VolumeMount {
    /// The volume's name in `spec.volumes`.
    pub name: String,
    /// Absolute path inside the container.
    pub mount_path: String,
    /// Mounted read-only.
    pub read_only: bool,
    /// Mount only this sub-directory of the volume.
    pub sub_path: Option<String>,
}

/// Parses and validates a Pod manifest.
///
/// Errors come in the order the API server would meet them: size, YAML syntax, strict
/// decoding (unknown fields, wrong types), then validation; all errors of the first failing
/// stage are returned.
pub fn parse(yaml: &str) -> Result<PodManifest, Vec<ManifestError>> {
    if yaml.len() > MAX_MANIFEST_BYTES {
        return Err(vec![ManifestError::too_large(yaml.len())]);
    }
    let root = match serde_saphyr::from_str::<serde_saphyr::Spanned<node::Node>>(yaml) {
        Ok(root) => root,
        Err(err) => return Err(vec![ManifestError::syntax(&err, yaml)]),
    };
    let decoded = decode::decode(&root)?;
    validate::validate(&decoded)?;
    Ok(decoded.into_manifest())
}

// Native only: the suite uses proptest, which does not build for wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
