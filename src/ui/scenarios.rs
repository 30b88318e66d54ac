//! The built-in scenarios as the first screen shows them: manifest text, caption and the pod
//! they draw once running.
//!
//! Stand-in data: `crate::sim::scenario::all()` (being written alongside) will own the manifests,
//! and the diagram will come from the simulated pod; this module then shrinks to the captions.

use super::diagram::{ContainerModel, ContainerState, DiagramModel, Mount};

/// Which manifest the user is looking at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScenarioId {
    /// The docs' pod with debian kept running, so both containers share the volume live.
    SharedVolume,
    /// The same two containers without a volume: they meet only on `localhost`.
    Localhost,
    /// `two-container-pod.yaml` from the Kubernetes docs, verbatim.
    DocsOriginal,
    /// A manifest the user edits.
    Custom,
}

impl ScenarioId {
    /// Every scenario, in the order of the scenario bar.
    pub const ALL: [ScenarioId; 4] = [
        ScenarioId::SharedVolume,
        ScenarioId::Localhost,
        ScenarioId::DocsOriginal,
        ScenarioId::Custom,
    ];

    /// Stable id, used in `data-testid`s and later in the URL.
    pub fn id(self) -> &'static str {
        match self {
            ScenarioId::SharedVolume => "shared-volume",
            ScenarioId::Localhost => "localhost",
            ScenarioId::DocsOriginal => "docs-original",
            ScenarioId::Custom => "custom",
        }
    }

    /// The scenario whose [`ScenarioId::id`] is `id`, if any.
    pub fn from_id(id: &str) -> Option<ScenarioId> {
        ScenarioId::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The label on the scenario bar.
    pub fn title(self) -> &'static str {
        match self {
            ScenarioId::SharedVolume => "Shared volume",
            ScenarioId::Localhost => "Localhost",
            ScenarioId::DocsOriginal => "Docs original",
            ScenarioId::Custom => "Custom manifest",
        }
    }

    /// The caption under the diagram.
    pub fn caption(self) -> &'static str {
        match self {
            ScenarioId::SharedVolume => {
                "Both containers mount the same emptyDir volume, shared-data. \
                A file debian writes to /pod-data/index.html is the very file nginx serves from \
                /usr/share/nginx/html/index.html: one directory, seen at two mount paths."
            }
            ScenarioId::Localhost => {
                "No volume this time. Every container in a pod shares the \
                pause container's network namespace: one lo device, one 127.0.0.1, one set of \
                ports. So curl localhost in debian reaches nginx listening on port 80 next door."
            }
            ScenarioId::DocsOriginal => {
                "The manifest from the Kubernetes docs, verbatim: debian \
                writes one line to /pod-data/index.html and exits. With restartPolicy: Never it \
                stays Terminated (Completed), while nginx keeps serving the file it left behind."
            }
            ScenarioId::Custom => {
                "Edit the manifest freely. Drawing your own pod needs the \
                manifest parser, which arrives in the next phase; until then the diagram shows \
                the shared-volume pod."
            }
        }
    }

    /// The manifest text the scenario starts from.
    pub fn manifest(self) -> &'static str {
        match self {
            ScenarioId::SharedVolume | ScenarioId::Custom => SHARED_VOLUME,
            ScenarioId::Localhost => LOCALHOST,
            ScenarioId::DocsOriginal => DOCS_ORIGINAL,
        }
    }

    /// The pod this scenario runs, as the diagram draws it.
    pub fn diagram(self) -> DiagramModel {
        let shared = |path: &str| vec![Mount::new(path, "shared-data")];
        let (nginx_mounts, debian_mounts, volumes) = match self {
            ScenarioId::Localhost => (vec![], vec![], vec![]),
            _ => (
                shared("/usr/share/nginx/html"),
                shared("/pod-data"),
                vec!["shared-data".to_string()],
            ),
        };
        let (debian_state, debian_processes) = match self {
            ScenarioId::DocsOriginal => (
                ContainerState::Terminated {
                    reason: "Completed".to_string(),
                    exit_code: 0,
                },
                vec![],
            ),
            _ => (
                ContainerState::Running,
                strings(&["/bin/sh -c sleep infinity", "sleep infinity"]),
            ),
        };
        DiagramModel {
            pod_name: "two-containers".to_string(),
            pod_ip: "10.244.1.5".to_string(),
            containers: vec![
                ContainerModel {
                    name: "nginx-container".to_string(),
                    image: "nginx".to_string(),
                    state: ContainerState::Running,
                    mounts: nginx_mounts,
                    processes: strings(&[
                        "nginx: master process nginx -g daemon off;",
                        "nginx: worker process",
                    ]),
                },
                ContainerModel {
                    name: "debian-container".to_string(),
                    image: "debian".to_string(),
                    state: debian_state,
                    mounts: debian_mounts,
                    processes: debian_processes,
                },
            ],
            volumes,
            listeners: strings(&["0.0.0.0:80 nginx", "[::]:80 nginx"]),
        }
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

const DOCS_ORIGINAL: &str = r#"apiVersion: v1
kind: Pod
metadata:
  name: two-containers
spec:

  restartPolicy: Never

  volumes:
  - name: shared-data
    emptyDir: {}

  containers:

  - name: nginx-container
    image: nginx
    volumeMounts:
    - name: shared-data
      mountPath: /usr/share/nginx/html

  - name: debian-container
    image: debian
    volumeMounts:
    - name: shared-data
      mountPath: /pod-data
    command: ["/bin/sh"]
    args: ["-c", "echo Hello from the debian container > /pod-data/index.html"]
"#;

const SHARED_VOLUME: &str = r#"# The docs' pod, debian kept running.
apiVersion: v1
kind: Pod
metadata:
  name: two-containers
spec:
  restartPolicy: Never
  volumes:
  - name: shared-data
    emptyDir: {}
  containers:
  - name: nginx-container
    image: nginx
    volumeMounts:
    - name: shared-data
      mountPath: /usr/share/nginx/html
  - name: debian-container
    image: debian
    volumeMounts:
    - name: shared-data
      mountPath: /pod-data
    command: ["/bin/sh"]
    args: ["-c", "sleep infinity"]
"#;

const LOCALHOST: &str = r#"# Two containers, no volume: they meet on localhost.
apiVersion: v1
kind: Pod
metadata:
  name: two-containers
spec:
  restartPolicy: Never
  containers:
  - name: nginx-container
    image: nginx
    ports:
    - containerPort: 80
  - name: debian-container
    image: debian
    command: ["/bin/sh"]
    args: ["-c", "sleep infinity"]
"#;
