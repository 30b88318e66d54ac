//! Creating a pod from its manifest, the way the kubelet does: sandbox first, then volumes, then
//! each container in order (pull, create, mount, start).

use super::{kubelet_files, Container, ContainerState, Pod, NODE_NAME, PAUSE, POD_IP};
use crate::sim::event::{Actor, EventKind, PodContainer, Trace};
use crate::sim::fs::{Fs, NodeContent};
use crate::sim::image::{self, FileData, Image};
use crate::sim::kubectl::K8sEventView;
use crate::sim::manifest::{PodManifest, VolumeSource};
use crate::sim::net::NetNamespace;
use crate::sim::pod::process::ProcessTable;

/// Simulated time an image pull takes, in milliseconds.
const PULL_MS: u64 = 1_200;

/// Bytes standing in for a program's ELF binary in the image.
pub(super) const ELF_STUB: &[u8] = b"\x7fELF\x02\x01\x01\0podscope-simulated-binary\n";

impl Pod {
    /// Creates the pod and starts its containers, advancing `now_ms` as the kubelet works and
    /// recording every step in `trace`.
    pub fn create(manifest: PodManifest, now_ms: &mut u64, trace: &mut Trace) -> Pod {
        let name = manifest.name.clone();
        let mut pod = Pod {
            containers: manifest
                .containers
                .iter()
                .map(|spec| Container {
                    spec: spec.clone(),
                    image: None,
                    state: ContainerState::Waiting {
                        reason: "ContainerCreating".into(),
                    },
                    restart_count: 0,
                    packages: Vec::new(),
                    apt_updated: false,
                    logs: String::new(),
                    nginx: None,
                    httpd: Vec::new(),
                    main_pid: None,
                    pull_failed_ms: None,
                    backoff_recorded: false,
                })
                .collect(),
            manifest,
            fs: Fs::new(),
            net: NetNamespace::new(POD_IP),
            procs: ProcessTable::default(),
            created_ms: *now_ms,
            k8s_events: Vec::new(),
            recorded_phase: None,
        };
        let containers = pod
            .containers
            .iter()
            .map(|c| PodContainer {
                name: c.spec.name.clone(),
                image: c.spec.image.clone(),
            })
            .collect();
        trace.record(
            *now_ms,
            Actor::kubelet(),
            EventKind::PodCreated {
                name: name.clone(),
                ip: pod.ip(),
                containers,
            },
        );
        pod.record_phase(*now_ms, trace);
        pod.k8s_event(
            *now_ms,
            "Normal",
            "Scheduled",
            "default-scheduler",
            &format!("Successfully assigned default/{name} to {NODE_NAME}"),
        );
        *now_ms = now_ms.saturating_add(5);
        pod.start_sandbox(*now_ms);
        for volume in pod.manifest.volumes.clone() {
            let VolumeSource::EmptyDir { size_limit, .. } = volume.source;
            pod.fs.create_volume(&volume.name, size_limit, *now_ms);
            trace.record(
                *now_ms,
                Actor::kubelet(),
                EventKind::VolumeCreated {
                    volume: volume.name.clone(),
                },
            );
        }
        let names = pod.container_names();
        for container in &names {
            pod.pull_and_start(container, now_ms, trace);
        }
        pod.record_phase(*now_ms, trace);
        pod
    }

    /// Starts the pause container: it holds the network (and, if shared, PID) namespace.
    fn start_sandbox(&mut self, now_ms: u64) {
        self.procs
            .spawn(PAUSE, PAUSE, 0, vec!["/pause".into()], now_ms, false);
    }

    /// Pulls a container's image, then creates and starts it (or leaves it in ErrImagePull).
    pub(super) fn pull_and_start(&mut self, container: &str, now_ms: &mut u64, trace: &mut Trace) {
        let Some(image_name) = self.container(container).map(|c| c.spec.image.clone()) else {
            return;
        };
        self.k8s_event(
            *now_ms,
            "Normal",
            "Pulling",
            "kubelet",
            &format!("Pulling image \"{image_name}\""),
        );
        *now_ms = now_ms.saturating_add(PULL_MS);
        let pulled = image::lookup(&image_name);
        trace.record(
            *now_ms,
            Actor::kubelet(),
            EventKind::ImagePull {
                container: container.to_string(),
                image: image_name.clone(),
                ok: pulled.is_some(),
            },
        );
        let Some(img) = pulled else {
            let msg = format!(
                "Failed to pull image \"{image_name}\": rpc error: code = NotFound desc = failed to pull and unpack image \"docker.io/library/{image_name}:latest\": not found (podscope has only the nginx and debian images)"
            );
            self.k8s_event(*now_ms, "Warning", "Failed", "kubelet", &msg);
            self.k8s_event(
                *now_ms,
                "Warning",
                "Failed",
                "kubelet",
                "Error: ErrImagePull",
            );
            if let Some(c) = self.container_mut(container) {
                c.pull_failed_ms = Some(*now_ms);
            }
            self.set_state(
                container,
                ContainerState::Waiting {
                    reason: "ErrImagePull".into(),
                },
                *now_ms,
                trace,
            );
            return;
        };
        self.k8s_event(
            *now_ms,
            "Normal",
            "Pulled",
            "kubelet",
            &format!(
                "Successfully pulled image \"{image_name}\" in {}.{}s",
                PULL_MS / 1000,
                PULL_MS % 1000 / 100
            ),
        );
        if let Some(c) = self.container_mut(container) {
            c.image = Some(img);
        }
        self.create_root(container, *now_ms, trace);
        self.k8s_event(
            *now_ms,
            "Normal",
            "Created",
            "kubelet",
            &format!("Created container {container}"),
        );
        *now_ms = now_ms.saturating_add(40);
        self.start_main_process(container, now_ms, trace);
    }

    /// Lays the image's files out as the container's root and mounts its volumes on top.
    pub(super) fn create_root(&mut self, container: &str, now_ms: u64, trace: &mut Trace) {
        let Some(c) = self.container(container) else {
            return;
        };
        let spec = c.spec.clone();
        let img: Option<Image> = c.image.clone();
        self.fs.remove_namespace(container);
        self.fs.add_namespace(container);
        if let Some(img) = &img {
            install_files(&mut self.fs, container, &img.files, now_ms);
        }
        let pod_name = self.manifest.name.clone();
        let ip = self.ip();
        kubelet_files::install(&mut self.fs, container, &pod_name, &ip, now_ms);
        for m in &spec.volume_mounts {
            if self
                .fs
                .mount_volume(
                    container,
                    &m.name,
                    &m.mount_path,
                    m.read_only,
                    m.sub_path.as_deref(),
                    now_ms,
                )
                .is_ok()
            {
                trace.record(
                    now_ms,
                    Actor::kubelet(),
                    EventKind::VolumeMounted {
                        volume: m.name.clone(),
                        container: container.to_string(),
                        mount_path: m.mount_path.clone(),
                        read_only: m.read_only,
                    },
                );
            }
        }
    }

    /// Adds an event to the list `kubectl describe` shows.
    pub(super) fn k8s_event(
        &mut self,
        now_ms: u64,
        kind: &str,
        reason: &str,
        from: &str,
        message: &str,
    ) {
        self.k8s_events.push(K8sEventView {
            kind: kind.to_string(),
            reason: reason.to_string(),
            age_from_ms: now_ms,
            from: from.to_string(),
            message: message.to_string(),
        });
    }
}

/// Installs image (or package) files into a container's root.
pub(super) fn install_files(fs: &mut Fs, container: &str, files: &[image::ImageFile], now_ms: u64) {
    for f in files {
        let content = match &f.content {
            FileData::File(text) => NodeContent::File(text.as_bytes().to_vec()),
            FileData::Dir => NodeContent::Dir,
            FileData::Symlink(target) => NodeContent::Symlink(target.to_string()),
            FileData::Executable => NodeContent::File(ELF_STUB.to_vec()),
        };
        // Image data is built in; a clash (a file where a directory should be) is skipped.
        let _ = fs.install(container, f.path, content, f.mode, f.uid, f.gid, now_ms);
    }
}
