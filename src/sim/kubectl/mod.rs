//! kubectl as the user sees it: parsing its command lines and formatting what it prints.
//!
//! Nothing here executes anything: [`parse`] turns argv into a [`KubectlCommand`] (or kubectl's
//! own error text), and [`get_pods`] / [`describe_pod`] render read-only views of pods
//! ([`PodView`]) with kubectl's exact layout (Go `tabwriter` columns, `HumanDuration` ages).
//! The pod module builds the views and decides what happens.
//!
//! May use: std and [`crate::sim::clock`]. Must not use web crates.

mod age;
mod describe;
mod get;
mod parse;
mod tabwriter;

pub use age::age;
pub use describe::describe_pod;
pub use get::{get_pods, pod_status};
pub use parse::parse;
pub use tabwriter::tabwrite;

/// One parsed kubectl invocation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KubectlCommand {
    /// `kubectl apply -f FILE` (also `create -f`).
    Apply {
        /// The manifest file name as given.
        file: String,
    },
    /// `kubectl get pods [NAME] [-o wide]`.
    GetPods {
        /// `-o wide`: add IP, NODE, NOMINATED NODE, READINESS GATES.
        wide: bool,
        /// Only this pod, when a name was given.
        name: Option<String>,
    },
    /// `kubectl describe pod NAME`.
    Describe {
        /// Pod name.
        pod: String,
    },
    /// `kubectl exec [-i] [-t] POD [-c CONTAINER] -- COMMAND...`.
    Exec {
        /// Pod name.
        pod: String,
        /// `-c`: the container; `None` means kubectl picks the first one.
        container: Option<String>,
        /// The command and its arguments, after `--`.
        command: Vec<String>,
        /// `-t`: allocate a terminal.
        tty: bool,
        /// `-i`: pass stdin.
        stdin: bool,
    },
    /// `kubectl logs POD [-c CONTAINER]`.
    Logs {
        /// Pod name.
        pod: String,
        /// `-c`: the container; `None` means the first one.
        container: Option<String>,
    },
    /// `kubectl delete pod NAME`.
    Delete {
        /// Pod name.
        pod: String,
    },
}

/// A container's state as `kubectl describe` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContainerStateView {
    /// Not started yet (`ContainerCreating`, `ErrImagePull`, `ImagePullBackOff`...).
    Waiting {
        /// The kubelet's reason.
        reason: String,
    },
    /// Running since `started_ms`.
    Running {
        /// Simulated time the container started.
        started_ms: u64,
    },
    /// Exited.
    Terminated {
        /// `Completed` (status 0) or `Error`.
        reason: String,
        /// The main process's exit status.
        exit_code: i32,
        /// When it started.
        started_ms: u64,
        /// When it exited.
        finished_ms: u64,
    },
}

impl ContainerStateView {
    /// True while the main process runs.
    pub fn is_running(&self) -> bool {
        matches!(self, ContainerStateView::Running { .. })
    }

    /// A one-word label for diagrams: `Running`, `Completed`, `ErrImagePull`…
    pub fn label(&self) -> &str {
        match self {
            ContainerStateView::Waiting { reason } => reason,
            ContainerStateView::Running { .. } => "Running",
            ContainerStateView::Terminated { reason, .. } => reason,
        }
    }
}

/// What kubectl knows about one container of a pod.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContainerView {
    /// Container name.
    pub name: String,
    /// Image as written in the manifest.
    pub image: String,
    /// Resolved image with digest (`docker.io/library/nginx@sha256:...`), once pulled.
    pub image_id: Option<String>,
    /// Runtime container id (`containerd://...`), once created.
    pub container_id: Option<String>,
    /// Current state.
    pub state: ContainerStateView,
    /// Readiness.
    pub ready: bool,
    /// Restarts so far.
    pub restart_count: u32,
    /// Declared container ports.
    pub ports: Vec<u16>,
    /// Mounts: (path in the container, volume name, read-only).
    pub mounts: Vec<(String, String, bool)>,
    /// The manifest's `command`.
    pub command: Vec<String>,
    /// The manifest's `args`.
    pub args: Vec<String>,
    /// The manifest's `env`.
    pub env: Vec<(String, String)>,
}

/// One entry of a pod's event list (`kubectl describe` → Events).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct K8sEventView {
    /// `Normal` or `Warning`.
    pub kind: String,
    /// `Scheduled`, `Pulling`, `Pulled`, `Created`, `Started`, `Failed`, `BackOff`...
    pub reason: String,
    /// Simulated time of the event (the Age column counts from here).
    pub age_from_ms: u64,
    /// Reporting component (`default-scheduler`, `kubelet`).
    pub from: String,
    /// Human message.
    pub message: String,
}

/// What kubectl knows about one pod.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PodView {
    /// Pod name.
    pub name: String,
    /// `Pending`, `Running`, `Succeeded`, `Failed`, or `Terminating` while being deleted.
    pub phase: String,
    /// Pod IP (empty before the sandbox exists).
    pub ip: String,
    /// Node name.
    pub node: String,
    /// Node IP, for `Node: name/ip` in describe.
    pub node_ip: String,
    /// When the pod object was created.
    pub start_ms: u64,
    /// Containers in manifest order.
    pub containers: Vec<ContainerView>,
    /// Volumes: (name, emptyDir size limit in bytes).
    pub volumes: Vec<(String, Option<u64>)>,
    /// Events, oldest first.
    pub events: Vec<K8sEventView>,
}

/// `kubectl apply` of a new pod: `pod/NAME created`.
pub fn created(pod: &str) -> String {
    format!("pod/{pod} created\n")
}

/// `kubectl apply` of an identical pod again: `pod/NAME unchanged`.
pub fn unchanged(pod: &str) -> String {
    format!("pod/{pod} unchanged\n")
}

/// `kubectl delete pod NAME`.
pub fn deleted(pod: &str) -> String {
    format!("pod \"{pod}\" deleted\n")
}

/// `kubectl get pods` with no pods.
pub fn no_resources() -> String {
    "No resources found in default namespace.\n".to_string()
}

/// Any command naming a pod that does not exist.
pub fn pod_not_found(pod: &str) -> String {
    format!("Error from server (NotFound): pods \"{pod}\" not found\n")
}

/// `kubectl exec -c NAME` with a container the pod does not have.
pub fn exec_container_not_found(container: &str) -> String {
    format!("error: unable to upgrade connection: container not found (\"{container}\")\n")
}

/// `kubectl exec` into a container that does not run. kubectl itself refuses a pod whose phase is
/// `Succeeded` or `Failed`; otherwise the kubelet asks the runtime, and containerd answers for a
/// container that has run and exited (`ever_started`), or finds none for one never created
/// (`ErrImagePull`, `ContainerCreating`).
pub fn exec_not_running(container: &str, pod_phase: &str, ever_started: bool) -> String {
    if pod_phase == "Succeeded" || pod_phase == "Failed" {
        format!(
            "error: cannot exec into a container in a completed pod; current phase is {pod_phase}\n"
        )
    } else if ever_started {
        "error: Internal error occurred: error executing command in container: failed to exec in container: container is in CONTAINER_EXITED state\n".to_string()
    } else {
        exec_container_not_found(container)
    }
}

/// `kubectl exec` of a program the container does not have: runc cannot start it, containerd
/// names the exec session (`exec_id`), and kubectl prints only this (no `command terminated`).
pub fn exec_executable_not_found(program: &str, exec_id: &str) -> String {
    format!(
        "error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec \"{exec_id}\": OCI runtime exec failed: exec failed: unable to start container process: exec: \"{program}\": executable file not found in $PATH: unknown\n"
    )
}

/// `kubectl logs` of a container still waiting (`reason`: `ContainerCreating`, `ErrImagePull`…):
/// the kubelet has no log yet, and says why; an image pull error reads the same whatever its
/// reason.
pub fn logs_waiting(container: &str, pod: &str, reason: &str) -> String {
    let why = match reason {
        "ErrImagePull" | "ImagePullBackOff" | "ErrImageNeverPull" | "InvalidImageName" => {
            "trying and failing to pull image"
        }
        other => other,
    };
    format!("Error from server (BadRequest): container \"{container}\" in pod \"{pod}\" is waiting to start: {why}\n")
}

/// `kubectl logs -c NAME` with a container the pod does not have.
pub fn logs_container_not_valid(container: &str, pod: &str) -> String {
    format!("error: container {container} is not valid for pod {pod}\n")
}

/// What exec and logs print (to stderr) when `-c` is omitted on a multi-container pod.
pub fn defaulted_container(chosen: &str, all: &[&str]) -> String {
    format!(
        "Defaulted container \"{chosen}\" out of: {}\n",
        all.join(", ")
    )
}
