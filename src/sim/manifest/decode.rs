//! Strict decoding of the located YAML tree into a Pod, as the API server's decoder does it:
//! unknown fields and wrong scalar types are errors that name the full field path.
//!
//! Fields that exist in Kubernetes but do not change what podscope simulates (probes,
//! resources, `imagePullPolicy`...) are accepted and ignored; fields that would change the
//! simulation in ways podscope cannot show (init containers, host networking, non-emptyDir
//! volumes) are reported as [`ManifestErrorKind::Unsupported`].

use super::node::{position, Node};
use super::quantity::parse_quantity;
use super::{ContainerSpec, ManifestError, ManifestErrorKind, PodManifest, RestartPolicy};
use super::{Volume, VolumeMount, VolumeSource};
use serde_saphyr::Spanned;

/// A YAML position: 1-based line and column.
pub(super) type Pos = (Option<usize>, Option<usize>);

/// A decoded value and where it was written.
#[derive(Debug, Clone, Default)]
pub(super) struct Located<T> {
    pub value: T,
    pub pos: Pos,
}

/// A decoded `spec.volumes[i]` with the positions validation needs.
#[derive(Debug, Clone, Default)]
pub(super) struct DecodedVolume {
    pub name: Located<String>,
    pub pos: Pos,
    /// Every volume-source key present (`emptyDir`, `hostPath`...), in order.
    pub sources: Vec<Located<String>>,
    pub medium: Option<String>,
    pub size_limit: Option<u64>,
}

/// A decoded `volumeMounts[j]`.
#[derive(Debug, Clone, Default)]
pub(super) struct DecodedMount {
    pub name: Located<String>,
    pub mount_path: Located<String>,
    pub read_only: bool,
    pub sub_path: Located<Option<String>>,
}

/// A decoded `spec.containers[i]`.
#[derive(Debug, Clone, Default)]
pub(super) struct DecodedContainer {
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
pub(super) struct DecodedPod {
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

/// A field path in both spellings: Kubernetes' (`spec.containers[0].image`) and the one Go's
/// JSON decoder prints (`spec.containers.image`).
#[derive(Debug, Clone, Default)]
struct Path {
    k8s: String,
    go: String,
}

impl Path {
    fn child(&self, name: &str) -> Path {
        let join = |base: &str| {
            if base.is_empty() {
                name.to_string()
            } else {
                format!("{base}.{name}")
            }
        };
        Path {
            k8s: join(&self.k8s),
            go: join(&self.go),
        }
    }

    fn index(&self, i: usize) -> Path {
        Path {
            k8s: format!("{}[{i}]", self.k8s),
            go: self.go.clone(),
        }
    }
}

/// Volume sources Kubernetes knows; only `emptyDir` is simulated.
const VOLUME_SOURCES: &[&str] = &[
    "emptyDir",
    "hostPath",
    "configMap",
    "secret",
    "persistentVolumeClaim",
    "downwardAPI",
    "projected",
    "nfs",
    "csi",
    "ephemeral",
    "image",
    "gcePersistentDisk",
    "awsElasticBlockStore",
    "gitRepo",
    "iscsi",
    "glusterfs",
    "rbd",
    "flexVolume",
    "cinder",
    "cephfs",
    "flocker",
    "fc",
    "azureFile",
    "azureDisk",
    "vsphereVolume",
    "quobyte",
    "photonPersistentDisk",
    "portworxVolume",
    "scaleIO",
    "storageos",
];

/// Container fields that exist in Kubernetes but do not change the simulation.
const CONTAINER_IGNORED: &[&str] = &[
    "imagePullPolicy",
    "resources",
    "resizePolicy",
    "restartPolicy",
    "livenessProbe",
    "readinessProbe",
    "startupProbe",
    "lifecycle",
    "terminationMessagePath",
    "terminationMessagePolicy",
    "securityContext",
    "stdin",
    "stdinOnce",
    "tty",
    "envFrom",
    "volumeDevices",
];

/// PodSpec fields that exist in Kubernetes but do not change the simulation.
const SPEC_IGNORED: &[&str] = &[
    "terminationGracePeriodSeconds",
    "activeDeadlineSeconds",
    "dnsPolicy",
    "dnsConfig",
    "nodeSelector",
    "nodeName",
    "serviceAccountName",
    "serviceAccount",
    "automountServiceAccountToken",
    "securityContext",
    "imagePullSecrets",
    "affinity",
    "schedulerName",
    "tolerations",
    "hostAliases",
    "priorityClassName",
    "priority",
    "readinessGates",
    "runtimeClassName",
    "enableServiceLinks",
    "preemptionPolicy",
    "overhead",
    "topologySpreadConstraints",
    "setHostnameAsFQDN",
    "os",
    "hostname",
    "subdomain",
    "schedulingGates",
    "resourceClaims",
    "resources",
];

/// PodSpec fields that would change the pod in ways podscope does not model.
const SPEC_UNSUPPORTED: &[&str] = &[
    "initContainers",
    "ephemeralContainers",
    "hostNetwork",
    "hostPID",
    "hostIPC",
    "hostUsers",
];

struct Decoder {
    errors: Vec<ManifestError>,
}

impl Decoder {
    fn push(&mut self, kind: ManifestErrorKind, path: &Path, message: String, pos: Pos) {
        self.errors
            .push(ManifestError::at(kind, path.k8s.clone(), message, pos));
    }

    fn type_error(&mut self, node: &Spanned<Node>, path: &Path, go_struct: &str, go_type: &str) {
        let message = format!(
            "json: cannot unmarshal {} into Go struct field {go_struct}.{} of type {go_type}",
            node.value.json_kind(),
            path.go
        );
        self.push(ManifestErrorKind::Decode, path, message, position(node));
    }

    /// The entries of a mapping; unknown keys are reported, keys in `ignored` are skipped.
    fn mapping<'a>(
        &mut self,
        node: &'a Spanned<Node>,
        path: &Path,
        go: (&str, &str),
        known: &[&str],
        ignored: &[&str],
    ) -> Vec<(&'a str, &'a Spanned<Node>)> {
        let entries = match &node.value {
            Node::Map(entries) => entries,
            Node::Null => return Vec::new(),
            _ => {
                self.type_error(node, path, go.0, go.1);
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for (key, value) in entries {
            let name = key.value.as_str();
            if known.contains(&name) {
                out.push((name, value));
            } else if !ignored.contains(&name) {
                let field = path.child(name);
                let message = format!("strict decoding error: unknown field \"{}\"", field.k8s);
                self.push(ManifestErrorKind::Decode, &field, message, position(key));
            }
        }
        out
    }

    fn string(&mut self, node: &Spanned<Node>, path: &Path, go_struct: &str) -> Located<String> {
        let value = match &node.value {
            Node::Str(s) => s.clone(),
            Node::Null => String::new(),
            _ => {
                self.type_error(node, path, go_struct, "string");
                String::new()
            }
        };
        Located {
            value,
            pos: position(node),
        }
    }

    fn boolean(&mut self, node: &Spanned<Node>, path: &Path, go_struct: &str) -> bool {
        match &node.value {
            Node::Bool(b) => *b,
            Node::Null => false,
            _ => {
                self.type_error(node, path, go_struct, "bool");
                false
            }
        }
    }

    fn items<'a>(
        &mut self,
        node: &'a Spanned<Node>,
        path: &Path,
        go: (&str, &str),
    ) -> &'a [Spanned<Node>] {
        match &node.value {
            Node::Seq(items) => items,
            Node::Null => &[],
            _ => {
                self.type_error(node, path, go.0, go.1);
                &[]
            }
        }
    }

    /// A `map[string]string` such as `metadata.labels`: any keys, string values.
    fn string_map(&mut self, node: &Spanned<Node>, path: &Path, go_struct: &str) {
        match &node.value {
            Node::Map(entries) => {
                for (key, value) in entries {
                    self.string(value, &path.child(&key.value), go_struct);
                }
            }
            Node::Null => {}
            _ => self.type_error(node, path, go_struct, "map[string]string"),
        }
    }

    fn strings(&mut self, node: &Spanned<Node>, path: &Path, go_struct: &str) -> Vec<String> {
        let items = self.items(node, path, (go_struct, "[]string"));
        items
            .iter()
            .map(|item| self.string(item, path, go_struct).value)
            .collect()
    }
}

/// Decodes the document root into a [`DecodedPod`], or every decoding error found.
pub(super) fn decode(root: &Spanned<Node>) -> Result<DecodedPod, Vec<ManifestError>> {
    let mut d = Decoder { errors: Vec::new() };
    let Node::Map(top) = &root.value else {
        let message = format!(
            "json: cannot unmarshal {} into Go value of type map[string]interface {{}}",
            root.value.json_kind()
        );
        return Err(vec![ManifestError::at(
            ManifestErrorKind::Decode,
            "",
            message,
            position(root),
        )]);
    };
    check_type_meta(top, root)?;
    let mut pod = DecodedPod::default();
    let known = ["apiVersion", "kind", "metadata", "spec", "status"];
    for (key, value) in d.mapping(root, &Path::default(), ("Pod", "v1.Pod"), &known, &[]) {
        match key {
            "metadata" => decode_metadata(&mut d, value, &mut pod),
            "spec" => decode_spec(&mut d, value, &mut pod),
            _ => {}
        }
    }
    if d.errors.is_empty() {
        Ok(pod)
    } else {
        for e in &mut d.errors {
            e.pod = pod.name.value.clone();
        }
        Err(d.errors)
    }
}

/// kubectl's own checks before anything reaches the server: apiVersion and kind.
fn check_type_meta(
    top: &[(Spanned<String>, Spanned<Node>)],
    root: &Spanned<Node>,
) -> Result<(), Vec<ManifestError>> {
    let get = |name: &str| top.iter().find(|(k, _)| k.value == name).map(|(_, v)| v);
    let text = |n: Option<&Spanned<Node>>| match n.map(|n| &n.value) {
        Some(Node::Str(s)) if !s.is_empty() => Some(s.clone()),
        _ => None,
    };
    let (api, kind) = (get("apiVersion"), get("kind"));
    let mut missing = Vec::new();
    if text(api).is_none() {
        missing.push("apiVersion not set");
    }
    if text(kind).is_none() {
        missing.push("kind not set");
    }
    if !missing.is_empty() {
        let message = format!("[{}]", missing.join(", "));
        return Err(vec![ManifestError::at(
            ManifestErrorKind::Schema,
            "",
            message,
            position(root),
        )]);
    }
    let kind_text = text(kind).unwrap_or_default();
    if kind_text != "Pod" {
        let pos = kind.map(position).unwrap_or((None, None));
        let message = format!("podscope simulates only kind Pod, not \"{kind_text}\"");
        return Err(vec![ManifestError::at(
            ManifestErrorKind::Unsupported,
            "kind",
            message,
            pos,
        )]);
    }
    let api_text = text(api).unwrap_or_default();
    if api_text != "v1" {
        let pos = api.map(position).unwrap_or((None, None));
        let message = format!("no matches for kind \"Pod\" in version \"{api_text}\"");
        return Err(vec![ManifestError::at(
            ManifestErrorKind::Unsupported,
            "apiVersion",
            message,
            pos,
        )]);
    }
    Ok(())
}

fn decode_metadata(d: &mut Decoder, node: &Spanned<Node>, pod: &mut DecodedPod) {
    let path = Path::default().child("metadata");
    let known = ["name", "namespace", "labels", "annotations"];
    let ignored = [
        "uid",
        "resourceVersion",
        "generation",
        "creationTimestamp",
        "ownerReferences",
        "finalizers",
        "managedFields",
        "generateName",
        "deletionTimestamp",
        "deletionGracePeriodSeconds",
        "selfLink",
    ];
    for (key, value) in d.mapping(
        node,
        &path,
        ("ObjectMeta", "v1.ObjectMeta"),
        &known,
        &ignored,
    ) {
        let field = path.child(key);
        match key {
            "name" => pod.name = d.string(value, &field, "ObjectMeta"),
            "namespace" => {
                d.string(value, &field, "ObjectMeta");
            }
            _ => d.string_map(value, &field, "ObjectMeta"),
        }
    }
}

fn decode_spec(d: &mut Decoder, node: &Spanned<Node>, pod: &mut DecodedPod) {
    let path = Path::default().child("spec");
    let known = [
        "containers",
        "volumes",
        "restartPolicy",
        "shareProcessNamespace",
    ];
    let mut all: Vec<&str> = known.to_vec();
    all.extend_from_slice(SPEC_UNSUPPORTED);
    for (key, value) in d.mapping(node, &path, ("Pod", "v1.PodSpec"), &all, SPEC_IGNORED) {
        let field = path.child(key);
        match key {
            "containers" => {
                pod.containers_pos = position(value);
                let items = d.items(value, &field, ("PodSpec", "[]v1.Container"));
                for (i, item) in items.iter().enumerate() {
                    pod.containers
                        .push(decode_container(d, item, &field.index(i)));
                }
            }
            "volumes" => {
                let items = d.items(value, &field, ("PodSpec", "[]v1.Volume"));
                for (i, item) in items.iter().enumerate() {
                    pod.volumes.push(decode_volume(d, item, &field.index(i)));
                }
            }
            "restartPolicy" => {
                let s = d.string(value, &field, "PodSpec");
                pod.restart_policy = Located {
                    value: Some(s.value),
                    pos: s.pos,
                };
            }
            "shareProcessNamespace" => {
                pod.share_process_namespace = d.boolean(value, &field, "PodSpec")
            }
            other => {
                let message = format!("podscope does not simulate {other}");
                d.push(
                    ManifestErrorKind::Unsupported,
                    &field,
                    message,
                    position(value),
                );
            }
        }
    }
}

fn decode_volume(d: &mut Decoder, node: &Spanned<Node>, path: &Path) -> DecodedVolume {
    let mut vol = DecodedVolume {
        pos: position(node),
        ..Default::default()
    };
    let mut known = vec!["name"];
    known.extend_from_slice(VOLUME_SOURCES);
    for (key, value) in d.mapping(node, path, ("PodSpec", "v1.Volume"), &known, &[]) {
        let field = path.child(key);
        if key == "name" {
            vol.name = d.string(value, &field, "Volume");
            continue;
        }
        vol.sources.push(Located {
            value: key.to_string(),
            pos: position(value),
        });
        if key == "emptyDir" {
            let known = ["medium", "sizeLimit"];
            let go = ("Volume", "v1.EmptyDirVolumeSource");
            for (k, v) in d.mapping(value, &field, go, &known, &[]) {
                let sub = field.child(k);
                if k == "medium" {
                    let medium = d.string(v, &sub, "EmptyDirVolumeSource").value;
                    vol.medium = Some(medium).filter(|m| !m.is_empty());
                } else {
                    vol.size_limit = decode_quantity(d, v, &sub);
                }
            }
        }
    }
    vol
}

fn decode_quantity(d: &mut Decoder, node: &Spanned<Node>, path: &Path) -> Option<u64> {
    let text = match &node.value {
        Node::Str(s) => s.clone(),
        Node::Int(i) => i.to_string(),
        Node::Float(f) => f.to_string(),
        Node::Null => return None,
        _ => {
            d.type_error(node, path, "EmptyDirVolumeSource", "resource.Quantity");
            return None;
        }
    };
    match parse_quantity(&text) {
        Ok(bytes) => Some(bytes),
        Err(message) => {
            d.push(ManifestErrorKind::Decode, path, message, position(node));
            None
        }
    }
}

fn decode_container(d: &mut Decoder, node: &Spanned<Node>, path: &Path) -> DecodedContainer {
    let mut c = DecodedContainer {
        name: Located {
            pos: position(node),
            ..Default::default()
        },
        ..Default::default()
    };
    let known = [
        "name",
        "image",
        "command",
        "args",
        "ports",
        "env",
        "workingDir",
        "volumeMounts",
    ];
    let go = ("PodSpec", "v1.Container");
    for (key, value) in d.mapping(node, path, go, &known, CONTAINER_IGNORED) {
        let field = path.child(key);
        match key {
            "name" => c.name = d.string(value, &field, "Container"),
            "image" => c.image = d.string(value, &field, "Container"),
            "command" => c.command = d.strings(value, &field, "Container"),
            "args" => c.args = d.strings(value, &field, "Container"),
            "workingDir" => {
                c.working_dir =
                    Some(d.string(value, &field, "Container").value).filter(|w| !w.is_empty())
            }
            "ports" => {
                let items = d.items(value, &field, ("Container", "[]v1.ContainerPort"));
                for (i, item) in items.iter().enumerate() {
                    c.ports.push(decode_port(d, item, &field.index(i)));
                }
            }
            "env" => {
                let items = d.items(value, &field, ("Container", "[]v1.EnvVar"));
                for (i, item) in items.iter().enumerate() {
                    c.env.push(decode_env(d, item, &field.index(i)));
                }
            }
            _ => {
                let items = d.items(value, &field, ("Container", "[]v1.VolumeMount"));
                for (i, item) in items.iter().enumerate() {
                    c.mounts.push(decode_mount(d, item, &field.index(i)));
                }
            }
        }
    }
    c
}

fn decode_port(d: &mut Decoder, node: &Spanned<Node>, path: &Path) -> Located<Option<i64>> {
    let mut port = Located {
        value: None,
        pos: position(node),
    };
    let known = ["containerPort", "name", "protocol", "hostPort", "hostIP"];
    let go = ("Container", "v1.ContainerPort");
    for (key, value) in d.mapping(node, path, go, &known, &[]) {
        let field = path.child(key);
        match (key, &value.value) {
            ("containerPort" | "hostPort", Node::Int(n)) if i32::try_from(*n).is_ok() => {
                if key == "containerPort" {
                    port = Located {
                        value: Some(*n),
                        pos: position(value),
                    };
                }
            }
            ("containerPort" | "hostPort", _) => {
                d.type_error(value, &field, "ContainerPort", "int32");
            }
            _ => {
                d.string(value, &field, "ContainerPort");
            }
        }
    }
    port
}

fn decode_env(d: &mut Decoder, node: &Spanned<Node>, path: &Path) -> Located<(String, String)> {
    let mut env = Located {
        value: (String::new(), String::new()),
        pos: position(node),
    };
    let known = ["name", "value", "valueFrom"];
    for (key, value) in d.mapping(node, path, ("Container", "v1.EnvVar"), &known, &[]) {
        let field = path.child(key);
        match key {
            "name" => env.value.0 = d.string(value, &field, "EnvVar").value,
            "value" => env.value.1 = d.string(value, &field, "EnvVar").value,
            _ => {
                let message = "podscope simulates only literal env values".to_string();
                d.push(
                    ManifestErrorKind::Unsupported,
                    &field,
                    message,
                    position(value),
                );
            }
        }
    }
    env
}

fn decode_mount(d: &mut Decoder, node: &Spanned<Node>, path: &Path) -> DecodedMount {
    let pos = position(node);
    let mut m = DecodedMount {
        name: Located {
            pos,
            ..Default::default()
        },
        mount_path: Located {
            pos,
            ..Default::default()
        },
        ..Default::default()
    };
    let known = ["name", "mountPath", "readOnly", "subPath"];
    let ignored = ["mountPropagation", "subPathExpr", "recursiveReadOnly"];
    for (key, value) in d.mapping(
        node,
        path,
        ("Container", "v1.VolumeMount"),
        &known,
        &ignored,
    ) {
        let field = path.child(key);
        match key {
            "name" => m.name = d.string(value, &field, "VolumeMount"),
            "mountPath" => m.mount_path = d.string(value, &field, "VolumeMount"),
            "readOnly" => m.read_only = d.boolean(value, &field, "VolumeMount"),
            _ => {
                let s = d.string(value, &field, "VolumeMount");
                m.sub_path = Located {
                    value: Some(s.value).filter(|p| !p.is_empty()),
                    pos: s.pos,
                };
            }
        }
    }
    m
}
