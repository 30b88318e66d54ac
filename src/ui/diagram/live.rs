//! The diagram model at one step of the trace: the pod's fixed facts (names, images, IP) from
//! the simulated pod, everything that changes (states, processes, mounts, listeners, files)
//! from the scene derived from the trace prefix, so stepping back redraws the past.

use super::model::{ContainerModel, ContainerState, DiagramModel, FileMark, Mount};
use crate::anim::scene::{ContainerScene, Scene};
use crate::sim::pod::{ContainerState as PodState, Pod};

/// Most process lines drawn per container; the rest are summarised in one line.
pub const MAX_PROCESSES: usize = 4;
/// Most file lines drawn per container.
pub const MAX_FILES: usize = 3;

/// The diagram for `scene` (the trace's first events folded), with names and images from
/// `pod` (the live pod, if any). `lit` is the inode of a file to highlight.
pub fn live_model(pod: Option<&Pod>, scene: &Scene, lit: Option<u64>) -> DiagramModel {
    let mut names = pod.map(Pod::container_names).unwrap_or_default();
    names.retain(|n| scene.containers.contains_key(n));
    names.extend(
        scene
            .containers
            .keys()
            .filter(|k| !names.contains(k))
            .cloned()
            .collect::<Vec<_>>(),
    );
    let containers = names
        .iter()
        .filter_map(|name| {
            let c = scene.containers.get(name)?;
            Some(container(name, c, pod, scene, lit))
        })
        .collect();
    let pod_name = if scene.pod.is_empty() {
        "(no pod)".to_string()
    } else {
        scene.pod.clone()
    };
    DiagramModel {
        pod_name,
        pod_ip: pod.map(Pod::ip).unwrap_or_else(|| "none".to_string()),
        containers,
        volumes: scene.volumes.clone(),
        listeners: scene
            .listeners
            .iter()
            .map(|l| listener_owner(l, pod))
            .collect(),
    }
}

fn container(
    name: &str,
    c: &ContainerScene,
    pod: Option<&Pod>,
    scene: &Scene,
    lit: Option<u64>,
) -> ContainerModel {
    let live = pod.and_then(|p| p.container(name));
    let image = live.map(|l| l.spec.image.clone()).unwrap_or_default();
    let state = match c.state.as_str() {
        "Running" => ContainerState::Running,
        "Terminated" => ContainerState::Terminated {
            reason: c.reason.clone(),
            exit_code: live.and_then(|l| match &l.state {
                PodState::Terminated {
                    reason, exit_code, ..
                } if *reason == c.reason => Some(*exit_code),
                _ => None,
            }),
        },
        _ => ContainerState::Waiting {
            reason: if c.reason.is_empty() {
                "ContainerCreating".to_string()
            } else {
                c.reason.clone()
            },
        },
    };
    let mut processes: Vec<String> = c
        .processes
        .iter()
        .map(|(pid, cmd)| format!("{pid} {cmd}"))
        .collect();
    if processes.len() > MAX_PROCESSES {
        let hidden = processes.len() - MAX_PROCESSES;
        processes.truncate(MAX_PROCESSES - 1);
        processes.push(format!("… {} more", hidden + 1));
    }
    let mut files: Vec<FileMark> = scene
        .files
        .values()
        .filter_map(|f| {
            let (_, path) = f.seen_at.iter().find(|(who, _)| who == name)?;
            Some(FileMark {
                path: path.clone(),
                inode: f.inode,
                lit: lit == Some(f.inode),
            })
        })
        .collect();
    files.sort_by_key(|f| !f.lit);
    files.truncate(MAX_FILES);
    ContainerModel {
        name: name.to_string(),
        image,
        state,
        mounts: c
            .mounts
            .iter()
            .map(|(path, volume, _)| Mount::new(path, volume))
            .collect(),
        processes,
        files,
    }
}

/// `0.0.0.0:80 nginx`: the listener with its program, when the pod runs nginx.
fn listener_owner(listener: &str, pod: Option<&Pod>) -> String {
    match pod.is_some_and(|p| p.containers.iter().any(|c| c.nginx.is_some())) {
        true => format!("{listener} nginx"),
        false => listener.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anim::derive;
    use crate::sim::cluster::Cluster;

    #[test]
    fn shared_volume_file_lights_up_in_both_containers_with_one_inode() {
        let mut cluster = Cluster::with_scenario("shared-volume").unwrap();
        cluster.run_in_container("debian-container", "echo hi > /pod-data/index.html");
        let events = cluster.trace().events();
        let scene = derive(events);
        let inode = scene.files.values().next().map(|f| f.inode);
        let model = live_model(cluster.pod(), &scene, inode);
        let marks: Vec<&FileMark> = model.containers.iter().flat_map(|c| &c.files).collect();
        assert_eq!(marks.len(), 2, "{model:?}");
        assert_eq!(marks[0].inode, marks[1].inode);
        assert!(marks.iter().all(|m| m.lit));
        assert!(marks
            .iter()
            .any(|m| m.path == "/usr/share/nginx/html/index.html"));
        assert_eq!(
            model.containers[0].name, "nginx-container",
            "manifest order"
        );
        assert_eq!(model.containers[0].image, "nginx");
        assert!(model.listeners.iter().any(|l| l.starts_with("0.0.0.0:80")));
        // Before the write, no file; before anything, no containers.
        let before = live_model(cluster.pod(), &derive(&events[..events.len() - 2]), None);
        assert!(before.containers.iter().all(|c| c.files.is_empty()));
        assert!(live_model(cluster.pod(), &derive(&[]), None)
            .containers
            .is_empty());
    }

    #[test]
    fn docs_original_debian_is_terminated_completed() {
        let cluster = Cluster::with_scenario("docs-original").unwrap();
        let model = live_model(cluster.pod(), &derive(cluster.trace().events()), None);
        let debian = model
            .containers
            .iter()
            .find(|c| c.name == "debian-container")
            .unwrap();
        assert_eq!(
            debian.state,
            ContainerState::Terminated {
                reason: "Completed".into(),
                exit_code: Some(0)
            }
        );
        assert!(debian.processes.is_empty());
    }
}
