//! The built-in scenarios: real Pod manifests under `scenarios/`, embedded in the binary so
//! the web app and the CLI start from the same files a user could `kubectl apply`.

/// One built-in scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scenario {
    /// Stable identifier, used in URLs and on the command line (`shared-volume`).
    pub id: &'static str,
    /// Short human title.
    pub title: &'static str,
    /// One or two sentences on what the scenario shows.
    pub summary: &'static str,
    /// The manifest's YAML text, exactly as in `scenarios/<id>.yaml`.
    pub manifest: &'static str,
}

static SCENARIOS: [Scenario; 3] = [
    Scenario {
        id: "shared-volume",
        title: "Shared emptyDir volume",
        summary: "nginx serves /usr/share/nginx/html, debian mounts the same emptyDir at \
                  /pod-data. The volume starts empty: write index.html from debian and \
                  watch nginx serve it.",
        manifest: include_str!("../../scenarios/shared-volume.yaml"),
    },
    Scenario {
        id: "localhost",
        title: "Shared network namespace",
        summary: "No volume at all: the containers share one network namespace, so \
                  `curl localhost` in debian reaches nginx on port 80 over the pod's loopback.",
        manifest: include_str!("../../scenarios/localhost.yaml"),
    },
    Scenario {
        id: "docs-original",
        title: "The Kubernetes docs' pod, verbatim",
        summary: "two-container-pod.yaml as published: debian writes index.html into the \
                  shared volume and exits, nginx keeps serving it.",
        manifest: include_str!("../../scenarios/docs-original.yaml"),
    },
];

/// Every built-in scenario, the default first.
pub fn all() -> &'static [Scenario] {
    &SCENARIOS
}

/// The scenario with this id.
pub fn by_id(id: &str) -> Option<&'static Scenario> {
    SCENARIOS.iter().find(|s| s.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::manifest::{self, VolumeSource};

    #[test]
    fn every_scenario_is_a_valid_two_container_pod() {
        for s in all() {
            let pod = manifest::parse(s.manifest).unwrap_or_else(|e| panic!("{}: {e:?}", s.id));
            assert_eq!(pod.name, "two-containers", "{}", s.id);
            let names: Vec<_> = pod.containers.iter().map(|c| c.name.as_str()).collect();
            assert_eq!(names, ["nginx-container", "debian-container"], "{}", s.id);
            assert_eq!(by_id(s.id), Some(s));
        }
        assert_eq!(by_id("nope"), None);
    }

    #[test]
    fn scenarios_differ_as_described() {
        let shared = manifest::parse(by_id("shared-volume").unwrap().manifest).unwrap();
        assert!(matches!(
            shared.volumes[0].source,
            VolumeSource::EmptyDir { .. }
        ));
        assert_eq!(shared.containers[1].args, ["-c", "sleep infinity"]);
        let local = manifest::parse(by_id("localhost").unwrap().manifest).unwrap();
        assert!(local.volumes.is_empty());
        assert!(local.containers.iter().all(|c| c.volume_mounts.is_empty()));
        let docs = manifest::parse(by_id("docs-original").unwrap().manifest).unwrap();
        assert!(docs.containers[1].args[1].starts_with("echo Hello from the debian container"));
    }
}
