//! `spec`: the PodSpec fields podscope simulates, ignores or rejects as unsupported.

use super::super::node::{position, Node};
use super::super::ManifestErrorKind;
use super::container::decode_container;
use super::decoder::{Decoder, Path};
use super::volume::decode_volume;
use super::{DecodedPod, Located};
use serde_saphyr::Spanned;

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
pub(super) fn decode_spec(d: &mut Decoder, node: &Spanned<Node>, pod: &mut DecodedPod) {
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
