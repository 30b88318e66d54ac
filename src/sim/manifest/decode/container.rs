//! `spec.containers[i]`: image, command, ports, env and volume mounts of one container.

use super::super::node::{position, Node};
use super::super::ManifestErrorKind;
use super::decoder::{Decoder, Path};
use super::{DecodedContainer, DecodedMount, Located};
use serde_saphyr::Spanned;

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
pub(super) fn decode_container(
    d: &mut Decoder,
    node: &Spanned<Node>,
    path: &Path,
) -> DecodedContainer {
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
