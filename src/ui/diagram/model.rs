//! The diagram's input: a snapshot of one pod, as plain data.

/// Everything the pod diagram shows, independent of how it is laid out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiagramModel {
    /// `metadata.name` of the pod.
    pub pod_name: String,
    /// The pod IP, held by `eth0` in the pod's network namespace.
    pub pod_ip: String,
    /// The app containers, in manifest order (the pause container is implicit).
    pub containers: Vec<ContainerModel>,
    /// Names of the pod's volumes (`spec.volumes[*].name`), each drawn once.
    pub volumes: Vec<String>,
    /// Listening sockets in the shared network namespace, as `ss -ltn` would show the local
    /// address plus the owning program, e.g. `0.0.0.0:80 nginx`.
    pub listeners: Vec<String>,
}

/// One app container in the diagram.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContainerModel {
    /// `spec.containers[*].name`.
    pub name: String,
    /// The image as written in the manifest (`nginx`, `debian`).
    pub image: String,
    /// The container's state as the kubelet reports it.
    pub state: ContainerState,
    /// Where the container sees each volume.
    pub mounts: Vec<Mount>,
    /// Command lines of its processes, as `ps` would print them.
    pub processes: Vec<String>,
    /// Files written during the session that this container can see (on a shared volume, the
    /// same inode shows up in every container that mounts it).
    pub files: Vec<FileMark>,
}

/// A written file as one container sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileMark {
    /// The path inside this container, e.g. `/usr/share/nginx/html/index.html`.
    pub path: String,
    /// The inode number: equal in two containers means one file.
    pub inode: u64,
    /// Drawn highlighted: the event on show just wrote it.
    pub lit: bool,
}

/// A `volumeMounts` entry: which volume appears at which path inside the container.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mount {
    /// `mountPath`, e.g. `/usr/share/nginx/html`.
    pub path: String,
    /// The volume's name, e.g. `shared-data`.
    pub volume: String,
}

/// A container state, spelled as in `kubectl describe pod` (`State: Waiting`, `Reason: ...`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContainerState {
    /// Not running yet (or restarting); the reason is kubelet's, e.g. `ContainerCreating`.
    Waiting {
        /// Why, e.g. `ContainerCreating`, `ErrImagePull`.
        reason: String,
    },
    /// The main process is running.
    Running,
    /// The main process exited.
    Terminated {
        /// `Completed` for exit status 0, `Error` otherwise.
        reason: String,
        /// The main process's exit status, when known.
        exit_code: Option<i32>,
    },
}

impl ContainerState {
    /// The word `kubectl describe` prints after `State:`.
    pub fn label(&self) -> &'static str {
        match self {
            ContainerState::Waiting { .. } => "Waiting",
            ContainerState::Running => "Running",
            ContainerState::Terminated { .. } => "Terminated",
        }
    }

    /// The state with its reason, for the container's badge: `Terminated (Completed, exit 0)`.
    pub fn describe(&self) -> String {
        match self {
            ContainerState::Waiting { reason } => format!("Waiting ({reason})"),
            ContainerState::Running => "Running".to_string(),
            ContainerState::Terminated {
                reason,
                exit_code: Some(code),
            } => format!("Terminated ({reason}, exit {code})"),
            ContainerState::Terminated { reason, .. } => format!("Terminated ({reason})"),
        }
    }
}

impl Mount {
    /// A mount of `volume` at `path`.
    pub fn new(path: &str, volume: &str) -> Self {
        Mount {
            path: path.to_string(),
            volume: volume.to_string(),
        }
    }
}
