//! The diagram in words: its text alternative for screen readers, stating what the drawing
//! shows at this step.

use super::model::DiagramModel;

/// One paragraph saying what the diagram shows: the pod and its IP, each container with its
/// image, state and mounts, the volumes, and who listens where in the shared network namespace.
pub fn describe(m: &DiagramModel) -> String {
    let mut parts = vec![format!("Pod {}, IP {}.", m.pod_name, m.pod_ip)];
    for c in &m.containers {
        let mounts: Vec<String> = c
            .mounts
            .iter()
            .map(|mount| format!("{} at {}", mount.volume, mount.path))
            .collect();
        let mounts = if mounts.is_empty() {
            String::new()
        } else {
            format!(", mounts {}", mounts.join(" and "))
        };
        parts.push(format!(
            "Container {} (image {}): {}{mounts}.",
            c.name,
            c.image,
            c.state.describe()
        ));
    }
    if !m.volumes.is_empty() {
        parts.push(format!("emptyDir volume: {}.", m.volumes.join(", ")));
    }
    parts.push(if m.listeners.is_empty() {
        "Nothing listens in the shared network namespace.".to_string()
    } else {
        format!(
            "Listening on the shared loopback: {}.",
            m.listeners.join("; ")
        )
    });
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anim::derive;
    use crate::sim::cluster::Cluster;
    use crate::ui::diagram::scene_model;

    #[test]
    fn states_each_container_the_volume_and_the_listeners() {
        let c = Cluster::with_scenario("shared-volume").unwrap();
        let events = c.trace().events();
        let start = describe(&scene_model(&derive(&events[..1]), None));
        assert!(start.contains("Waiting"), "{start}");
        assert!(start.contains("Nothing listens"), "{start}");
        let text = describe(&scene_model(&derive(events), None));
        for part in [
            "Pod two-containers, IP 10.244.1.5.",
            "Container nginx-container (image nginx): Running, mounts shared-data at /usr/share/nginx/html.",
            "Container debian-container (image debian): Running, mounts shared-data at /pod-data.",
            "emptyDir volume: shared-data.",
            "Listening on the shared loopback: 0.0.0.0:80 nginx",
        ] {
            assert!(text.contains(part), "{part:?} missing from {text:?}");
        }
    }
}
