//! The scene after the first `n` events: what the diagram draws at that step.

use crate::sim::event::{Event, EventKind, SegmentInfo};
use std::collections::BTreeMap;

/// A container as the diagram shows it at one step.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContainerScene {
    /// `Running`, `Waiting`, `Terminated`…
    pub state: String,
    /// The reason (`ErrImagePull`, `Completed`…), empty when running.
    pub reason: String,
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

/// Everything the diagram shows at one step.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scene {
    /// Pod name, empty when there is no pod.
    pub pod: String,
    /// Pod phase.
    pub phase: String,
    /// Containers by name.
    pub containers: BTreeMap<String, ContainerScene>,
    /// Volumes that exist.
    pub volumes: Vec<String>,
    /// Listening sockets: `0.0.0.0:80`, `[::]:80`.
    pub listeners: Vec<String>,
    /// Files written so far, by the writer's path.
    pub files: BTreeMap<String, FileScene>,
    /// The last segment on `lo`, if the last event was one.
    pub segment: Option<SegmentInfo>,
    /// Access log lines so far.
    pub access_log: Vec<String>,
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
fn apply(scene: &mut Scene, e: &Event) {
    scene.segment = None;
    match &e.kind {
        EventKind::PodCreated { name } => {
            *scene = Scene {
                pod: name.clone(),
                phase: "Pending".into(),
                ..Scene::default()
            };
        }
        EventKind::PodPhase { phase } => scene.phase = phase.clone(),
        EventKind::PodDeleted { .. } => *scene = Scene::default(),
        EventKind::VolumeCreated { volume } => scene.volumes.push(volume.clone()),
        EventKind::VolumeMounted {
            volume,
            container,
            mount_path,
            read_only,
        } => {
            let c = scene.containers.entry(container.clone()).or_default();
            c.mounts.retain(|(p, _, _)| p != mount_path);
            c.mounts
                .push((mount_path.clone(), volume.clone(), *read_only));
        }
        EventKind::ImagePull { container, .. } => {
            scene.containers.entry(container.clone()).or_default();
        }
        EventKind::ContainerState {
            container,
            state,
            reason,
        } => {
            let c = scene.containers.entry(container.clone()).or_default();
            c.state = state.clone();
            c.reason = reason.clone();
            if state != "Running" {
                c.processes.clear();
            }
        }
        EventKind::ProcessStarted {
            container,
            pid,
            argv,
        } => {
            let c = scene.containers.entry(container.clone()).or_default();
            c.processes.insert(*pid, argv.join(" "));
        }
        EventKind::ProcessExited { container, pid, .. } => {
            if let Some(c) = scene.containers.get_mut(container) {
                c.processes.remove(pid);
            }
            if let Some(owner) = &e.actor.container {
                if owner == container && e.actor.process.as_deref() == Some("nginx") {
                    scene.listeners.clear();
                }
            }
        }
        EventKind::PackageInstalled { container, package } => {
            scene
                .containers
                .entry(container.clone())
                .or_default()
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
            let writer = e.actor.container.clone().unwrap_or_default();
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
        EventKind::Listen { addr, port } => {
            let l = endpoint(addr, *port);
            if !scene.listeners.contains(&l) {
                scene.listeners.push(l);
            }
        }
        EventKind::Segment(info) => scene.segment = Some(info.clone()),
        EventKind::AccessLog { line } => scene.access_log.push(line.clone()),
        _ => {}
    }
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
            EventKind::PodCreated { name: "p".into() },
        );
        t.record(
            1,
            Actor::kubelet(),
            EventKind::ContainerState {
                container: "a".into(),
                state: "Running".into(),
                reason: String::new(),
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
            at2.containers.get("a").map(|c| c.state.as_str()),
            Some("Running")
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
