// @generated from scenarios/*.yaml by `UPDATE_BUILTINS=1 cargo test --lib sim::manifest::builtin`;
// do not edit (the test fails when this file is stale).

use super::super::*;

/// Every shipped YAML text with its decoded manifest.
pub(super) static BUILTINS: &[super::Builtin] = &[
    (include_str!("../../../scenarios/docs-original.yaml"), pod_0),
    (include_str!("../../../scenarios/localhost.yaml"), pod_1),
    (include_str!("../../../scenarios/shared-volume.yaml"), pod_2),
    (include_str!("../../../scenarios/what-if-read-only.yaml"), pod_3),
];

/// scenarios/docs-original.yaml
fn pod_0() -> PodManifest {
    PodManifest { name: "two-containers".into(), restart_policy: RestartPolicy::Never, share_process_namespace: false, volumes: vec![Volume { name: "shared-data".into(), source: VolumeSource::EmptyDir { medium: None, size_limit: None } }], containers: vec![ContainerSpec { name: "nginx-container".into(), image: "nginx".into(), command: vec![], args: vec![], ports: vec![], env: vec![], working_dir: None, volume_mounts: vec![VolumeMount { name: "shared-data".into(), mount_path: "/usr/share/nginx/html".into(), read_only: false, sub_path: None }] }, ContainerSpec { name: "debian-container".into(), image: "debian".into(), command: vec!["/bin/sh".into()], args: vec!["-c".into(), "echo Hello from the debian container > /pod-data/index.html".into()], ports: vec![], env: vec![], working_dir: None, volume_mounts: vec![VolumeMount { name: "shared-data".into(), mount_path: "/pod-data".into(), read_only: false, sub_path: None }] }] }
}

/// scenarios/localhost.yaml
fn pod_1() -> PodManifest {
    PodManifest { name: "two-containers".into(), restart_policy: RestartPolicy::Never, share_process_namespace: false, volumes: vec![], containers: vec![ContainerSpec { name: "nginx-container".into(), image: "nginx".into(), command: vec![], args: vec![], ports: vec![80], env: vec![], working_dir: None, volume_mounts: vec![] }, ContainerSpec { name: "debian-container".into(), image: "debian".into(), command: vec!["/bin/sh".into()], args: vec!["-c".into(), "sleep infinity".into()], ports: vec![], env: vec![], working_dir: None, volume_mounts: vec![] }] }
}

/// scenarios/shared-volume.yaml
fn pod_2() -> PodManifest {
    PodManifest { name: "two-containers".into(), restart_policy: RestartPolicy::Never, share_process_namespace: false, volumes: vec![Volume { name: "shared-data".into(), source: VolumeSource::EmptyDir { medium: None, size_limit: None } }], containers: vec![ContainerSpec { name: "nginx-container".into(), image: "nginx".into(), command: vec![], args: vec![], ports: vec![], env: vec![], working_dir: None, volume_mounts: vec![VolumeMount { name: "shared-data".into(), mount_path: "/usr/share/nginx/html".into(), read_only: false, sub_path: None }] }, ContainerSpec { name: "debian-container".into(), image: "debian".into(), command: vec!["/bin/sh".into()], args: vec!["-c".into(), "sleep infinity".into()], ports: vec![], env: vec![], working_dir: None, volume_mounts: vec![VolumeMount { name: "shared-data".into(), mount_path: "/pod-data".into(), read_only: false, sub_path: None }] }] }
}

/// scenarios/what-if-read-only.yaml
fn pod_3() -> PodManifest {
    PodManifest { name: "two-containers".into(), restart_policy: RestartPolicy::Never, share_process_namespace: false, volumes: vec![Volume { name: "shared-data".into(), source: VolumeSource::EmptyDir { medium: None, size_limit: None } }], containers: vec![ContainerSpec { name: "nginx-container".into(), image: "nginx".into(), command: vec![], args: vec![], ports: vec![], env: vec![], working_dir: None, volume_mounts: vec![VolumeMount { name: "shared-data".into(), mount_path: "/usr/share/nginx/html".into(), read_only: false, sub_path: None }] }, ContainerSpec { name: "debian-container".into(), image: "debian".into(), command: vec!["/bin/sh".into()], args: vec!["-c".into(), "sleep infinity".into()], ports: vec![], env: vec![], working_dir: None, volume_mounts: vec![VolumeMount { name: "shared-data".into(), mount_path: "/pod-data".into(), read_only: true, sub_path: None }] }] }
}
