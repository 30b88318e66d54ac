//! `spec.volumes[i]`: the volume source keys Kubernetes knows, `emptyDir` and its size limit.

use super::super::node::{position, Node};
use super::super::quantity::parse_quantity;
use super::super::ManifestErrorKind;
use super::decoder::{Decoder, Path};
use super::{DecodedVolume, Located};
use serde_saphyr::Spanned;

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
pub(super) fn decode_volume(d: &mut Decoder, node: &Spanned<Node>, path: &Path) -> DecodedVolume {
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
