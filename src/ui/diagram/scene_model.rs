//! The diagram model at one step of the trace, from the scene derived from the trace prefix
//! alone: names, images, the pod IP, states with exit codes, processes, mounts, listeners with
//! their owners and files. Nothing is read from the live pod, so stepping back redraws the past.

use super::model::{ContainerModel, ContainerState, DiagramModel, FileMark, Mount};
use crate::anim::scene::{ContainerScene, Scene};
use crate::sim::event::ContainerStatus;

/// Most process lines drawn per container; the rest are summarised in one line.
pub const MAX_PROCESSES: usize = 4;
/// Most file lines drawn per container.
pub const MAX_FILES: usize = 3;

/// The diagram for `scene` (the trace's first events folded). `lit` is the inode of a file to
/// highlight.
pub fn scene_model(scene: &Scene, lit: Option<u64>) -> DiagramModel {
    let containers = scene
        .containers_in_order()
        .map(|(name, c)| container(name, c, scene, lit))
        .collect();
    let (pod_name, pod_ip) = if scene.pod.is_empty() {
        ("(no pod)".to_string(), "none".to_string())
    } else {
        (scene.pod.clone(), scene.ip.clone())
    };
    DiagramModel {
        pod_name,
        pod_ip,
        containers,
        volumes: scene.volumes.clone(),
        listeners: scene
            .listeners
            .iter()
            .map(|l| format!("{} {}", l.endpoint, l.owner.program))
            .collect(),
    }
}

fn container(name: &str, c: &ContainerScene, scene: &Scene, lit: Option<u64>) -> ContainerModel {
    let state = match &c.state {
        ContainerStatus::Running => ContainerState::Running,
        ContainerStatus::Terminated { reason, exit_code } => ContainerState::Terminated {
            reason: reason.clone(),
            exit_code: Some(*exit_code),
        },
        ContainerStatus::Waiting { reason } => ContainerState::Waiting {
            reason: reason.clone(),
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
        image: c.image.clone(),
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
        let model = scene_model(&scene, inode);
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
        assert!(model.listeners.iter().any(|l| l == "0.0.0.0:80 nginx"));
        assert_eq!(model.pod_ip, "10.244.1.5");
        // Before the write, no file; before anything, no containers.
        let before = scene_model(&derive(&events[..events.len() - 2]), None);
        assert!(before.containers.iter().all(|c| c.files.is_empty()));
        assert!(scene_model(&derive(&[]), None).containers.is_empty());
    }

    #[test]
    fn docs_original_debian_is_terminated_completed() {
        let cluster = Cluster::with_scenario("docs-original").unwrap();
        let model = scene_model(&derive(cluster.trace().events()), None);
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
