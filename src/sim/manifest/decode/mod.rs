//! Strict decoding of the located YAML tree into a Pod, as the API server's decoder does it:
//! unknown fields and wrong scalar types are errors that name the full field path.
//!
//! Fields that exist in Kubernetes but do not change what podscope simulates (probes,
//! resources, `imagePullPolicy`...) are accepted and ignored; fields that would change the
//! simulation in ways podscope cannot show (init containers, host networking, non-emptyDir
//! volumes) are reported as [`ManifestErrorKind::Unsupported`].

//!
//! `decoder` holds the typed reads of one node; `spec`, `container` and `volume` walk their part
//! of the tree; `decoded` holds the result validation reads.

mod container;
mod decoded;
mod decoder;
mod spec;
mod volume;

pub(super) use decoded::{DecodedContainer, DecodedMount, DecodedPod, DecodedVolume, Located, Pos};

use super::node::{position, Node};
use super::{ManifestError, ManifestErrorKind};
use decoder::{Decoder, Path};
use serde_saphyr::Spanned;
use spec::decode_spec;

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
