//! The scene after the first `n` events: everything the diagram draws at that step, folded from
//! the trace alone (names, images, the pod IP, states with exit codes, listeners with their
//! owners, which container owns which port), so stepping back shows exactly what was true then.

use crate::sim::event::{ContainerStatus, Event, EventKind, Owner, SegmentInfo, TcpState};
use std::collections::BTreeMap;

/// A container as the diagram shows it at one step.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContainerScene {
    /// The image as the manifest names it.
    pub image: String,
    /// Its state, with the reason and (once ended) the exit code.
    pub state: ContainerStatus,
    /// Live processes by PID: their command lines.
    pub processes: BTreeMap<u32, String>,
    /// Mounts: (mount path, volume, read-only).
    pub mounts: Vec<(String, String, bool)>,
    /// Packages installed with apt-get.
    pub packages: Vec<String>,
}

/// A file written during the trace, as the diagram lights it up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileScene {
    /// Inode number.
    pub inode: u64,
    /// Size in bytes.
    pub size: u64,
    /// Volume, if the file lives on one.
    pub volume: Option<String>,
    /// Every (container, path) where it is visible.
    pub seen_at: Vec<(String, String)>,
}

/// A listening socket and the process that owns it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListenerScene {
    /// `0.0.0.0:80`, `[::]:80`.
    pub endpoint: String,
    /// Who listens.
    pub owner: Owner,
}

/// Everything the diagram shows at one step.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scene {
    /// Pod name, empty when there is no pod.
    pub pod: String,
    /// The pod IP, empty when there is no pod.
    pub ip: String,
    /// Pod phase.
    pub phase: String,
    /// The STATUS column of `kubectl get pods` at the last phase change (`NotReady`).
    pub status: String,
    /// Containers ready at the last phase change.
    pub ready: usize,
    /// The containers' names in manifest order.
    pub order: Vec<String>,
    /// Containers by name.
    pub containers: BTreeMap<String, ContainerScene>,
    /// Volumes that exist.
    pub volumes: Vec<String>,
    /// Listening sockets with their owners.
    pub listeners: Vec<ListenerScene>,
    /// Which container owns each local port: listeners and connecting clients.
    pub ports: BTreeMap<u16, String>,
    /// Files written so far, by the writer's path.
    pub files: BTreeMap<String, FileScene>,
    /// The last segment on `lo`, if the last event was one.
    pub segment: Option<SegmentInfo>,
    /// Access log lines so far.
    pub access_log: Vec<String>,
}

impl Scene {
    /// The containers in manifest order, with their scenes.
    pub fn containers_in_order(&self) -> impl Iterator<Item = (&str, &ContainerScene)> {
        self.order
            .iter()
            .filter_map(|n| self.containers.get(n).map(|c| (n.as_str(), c)))
    }
}

/// Folds the trace's first events into a scene.
pub fn derive(events: &[Event]) -> Scene {
    let mut scene = Scene::default();
    for e in events {
        apply(&mut scene, e);
    }
    scene
}

/// Applies one event to a scene.
pub fn apply(scene: &mut Scene, e: &Event) {
    scene.segment = None;
    match &e.kind {
        EventKind::PodCreated {
            name,
            ip,
            containers,
        } => {
            *scene = Scene {
                pod: name.clone(),
                ip: ip.clone(),
                phase: "Pending".into(),
                order: containers.iter().map(|c| c.name.clone()).collect(),
                containers: containers
                    .iter()
                    .map(|c| {
                        let scene = ContainerScene {
                            image: c.image.clone(),
                            ..ContainerScene::default()
                        };
                        (c.name.clone(), scene)
                    })
                    .collect(),
                ..Scene::default()
            };
        }
        EventKind::PodPhase {
            phase,
            status,
            ready,
            ..
        } => {
            scene.phase = phase.clone();
            scene.status = status.clone();
            scene.ready = *ready;
        }
        EventKind::PodDeleted { .. } => *scene = Scene::default(),
        EventKind::VolumeCreated { volume } => scene.volumes.push(volume.clone()),
        EventKind::VolumeMounted {
            volume,
            container,
            mount_path,
            read_only,
        } => {
            let c = container_mut(scene, container);
            c.mounts.retain(|(p, _, _)| p != mount_path);
            c.mounts
                .push((mount_path.clone(), volume.clone(), *read_only));
        }
        EventKind::ImagePull { container, .. } => {
            container_mut(scene, container);
        }
        EventKind::ContainerState { container, state } => {
            let c = container_mut(scene, container);
            c.state = state.clone();
            if !state.is_running() {
                // Its processes are gone, and with them their sockets.
                c.processes.clear();
                scene.listeners.retain(|l| &l.owner.container != container);
            }
        }
        EventKind::ProcessStarted {
            container,
            pid,
            argv,
        } => {
            container_mut(scene, container)
                .processes
                .insert(*pid, argv.join(" "));
        }
        EventKind::ProcessExited { container, pid, .. } => {
            if let Some(c) = scene.containers.get_mut(container) {
                c.processes.remove(pid);
            }
            scene
                .listeners
                .retain(|l| !(&l.owner.container == container && l.owner.pid == *pid));
        }
        EventKind::PackageInstalled { container, package } => {
            container_mut(scene, container)
                .packages
                .push(package.clone());
        }
        EventKind::FileWritten {
            path,
            inode,
            size,
            volume,
            also_at,
        } => {
            let writer = e.actor.container.as_deref().unwrap_or_default().to_string();
            let mut seen_at = vec![(writer, path.clone())];
            seen_at.extend(also_at.iter().cloned());
            scene.files.insert(
                path.clone(),
                FileScene {
                    inode: *inode,
                    size: *size,
                    volume: volume.clone(),
                    seen_at,
                },
            );
        }
        EventKind::FileRemoved { path, .. } => {
            scene.files.remove(path);
        }
        EventKind::Listen { addr, port, owner } => {
            let endpoint = endpoint(addr, *port);
            scene.ports.insert(*port, owner.container.clone());
            if !scene.listeners.iter().any(|l| l.endpoint == endpoint) {
                scene.listeners.push(ListenerScene {
                    endpoint,
                    owner: owner.clone(),
                });
            }
        }
        EventKind::Connect {
            src_port, owner, ..
        } => {
            scene.ports.insert(*src_port, owner.container.clone());
        }
        EventKind::TcpState {
            local,
            from: TcpState::Listen,
            to: TcpState::Closed,
            ..
        } => scene.listeners.retain(|l| &l.endpoint != local),
        EventKind::Segment(info) => scene.segment = Some(info.clone()),
        EventKind::AccessLog { line } => scene.access_log.push(line.clone()),
        _ => {}
    }
}

/// The scene of container `name`, added (after the manifest's) if the trace had not named it.
fn container_mut<'a>(scene: &'a mut Scene, name: &str) -> &'a mut ContainerScene {
    if !scene.order.iter().any(|n| n == name) {
        scene.order.push(name.to_string());
    }
    scene.containers.entry(name.to_string()).or_default()
}

/// `127.0.0.1:80`, or `[::1]:80` for IPv6: an address and port as `ss` and curl print them.
pub fn endpoint(addr: &str, port: u16) -> String {
    if addr.contains(':') {
        format!("[{addr}]:{port}")
    } else {
        format!("{addr}:{port}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::event::{Actor, Trace};

    fn trace() -> Trace {
        let mut t = Trace::default();
        t.record(
            0,
            Actor::kubelet(),
            EventKind::PodCreated {
                name: "p".into(),
                ip: "10.244.1.5".into(),
                containers: Vec::new(),
            },
        );
        t.record(
            1,
            Actor::kubelet(),
            EventKind::ContainerState {
                container: "a".into(),
                state: ContainerStatus::Running,
            },
        );
        t.record(
            2,
            Actor::process("a", 7, "bash"),
            EventKind::FileWritten {
                path: "/pod-data/index.html".into(),
                inode: 9,
                size: 3,
                volume: Some("shared-data".into()),
                also_at: vec![("b".into(), "/usr/share/nginx/html/index.html".into())],
            },
        );
        t.record(
            3,
            Actor::kubelet(),
            EventKind::PodDeleted { name: "p".into() },
        );
        t
    }

    #[test]
    fn any_prefix_derives_its_own_scene() {
        let t = trace();
        let at2 = derive(&t.events()[..3]);
        let file = at2.files.get("/pod-data/index.html").expect("file shown");
        assert_eq!(file.seen_at.len(), 2);
        assert_eq!(
            at2.containers.get("a").map(|c| &c.state),
            Some(&ContainerStatus::Running)
        );
        assert_eq!(
            (at2.ip.as_str(), at2.order.as_slice()),
            ("10.244.1.5", &["a".to_string()][..])
        );
        assert_eq!(derive(&t.events()[..4]), Scene::default());
        // Stepping back is re-deriving: the same prefix always gives the same scene.
        assert_eq!(derive(&t.events()[..2]), derive(&t.events()[..2]));
        assert!(derive(&t.events()[..2]).files.is_empty());
    }
}

/// The last scene derived, so the next frame folds only the events shown since (a running
/// loop adds thousands; re-deriving from the first event every frame would freeze the page).
#[derive(Debug, Clone, Default)]
pub struct SceneCache {
    /// Events folded into `scene`.
    upto: usize,
    /// The last of them, to notice a trace that changed under the cache.
    last: Option<Event>,
    /// The scene after the first `upto` events.
    scene: Scene,
}

impl SceneCache {
    /// The scene after `events[..position]`: folded on from the cached one when the trace
    /// only grew past it, else derived afresh.
    pub fn scene_at(&mut self, events: &[Event], position: usize) -> &Scene {
        let position = position.min(events.len());
        let same = self.upto <= position
            && self.upto.checked_sub(1).and_then(|i| events.get(i)) == self.last.as_ref();
        if !same {
            *self = SceneCache::default();
        }
        for e in events.get(self.upto..position).unwrap_or(&[]) {
            apply(&mut self.scene, e);
        }
        self.upto = position;
        self.last = position.checked_sub(1).and_then(|i| events.get(i)).cloned();
        &self.scene
    }
}

#[cfg(test)]
mod cache_tests {
    use super::*;
    use crate::sim::cluster::Cluster;

    #[test]
    fn the_cache_gives_the_derived_scene_forward_and_back() {
        let mut c = Cluster::with_scenario("shared-volume").unwrap();
        c.run_in_container("debian-container", "echo hi > /pod-data/index.html");
        c.run_in_container(
            "debian-container",
            "for i in 1 2 3; do echo $i >> /pod-data/n; done",
        );
        let events = c.trace().events();
        let mut cache = SceneCache::default();
        for position in [3, 10, events.len(), 5, 0, events.len()] {
            assert_eq!(
                cache.scene_at(events, position),
                &derive(&events[..position])
            );
        }
        let mut shorter = events.to_vec();
        shorter.pop();
        let n = shorter.len();
        assert_eq!(cache.scene_at(&shorter, n), &derive(&shorter));
    }
}
