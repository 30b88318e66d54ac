//! One running pod: its containers, their filesystems and processes, and the network namespace
//! they share. Built from a validated [`PodManifest`]; driven by the [`crate::sim::cluster`].
//!
//! May use every other `sim` module; nothing web.

mod apt;
mod busybox;
mod create;
mod docroot;
mod find_exec;
mod host;
mod httpd_program;
mod kubelet_files;
mod launch;
mod lifecycle;
mod main_process;
mod net_programs;
mod nginx_main;
pub mod process;
mod programs;
mod ps;
mod script;
mod view;

pub use docroot::FsDocRoot;
pub use host::ContainerHost;
pub use lifecycle::{status_of, StartOutcome};
pub use process::{ProcState, Process, ProcessTable};
pub(crate) use programs::strip_interrupt_marker;
pub use view::runtime_id;

use crate::sim::fs::Fs;
use crate::sim::http::httpd::Httpd;
use crate::sim::http::nginx::Nginx;
use crate::sim::image::Image;
use crate::sim::kubectl::K8sEventView;
use crate::sim::manifest::{ContainerSpec, PodManifest};
use crate::sim::net::NetNamespace;

/// The IP address every simulated pod gets (one node, one pod at a time).
pub const POD_IP: [u8; 4] = [10, 244, 1, 5];
/// The node the pod is scheduled on.
pub const NODE_NAME: &str = "podscope-node";
/// Name of the sandbox ("pause") container that holds the pod's namespaces.
pub const PAUSE: &str = "pause";

/// Where a container is in its life, as the kubelet reports it (the same type kubectl shows).
pub use crate::sim::kubectl::ContainerStateView as ContainerState;

/// One container of the pod.
#[derive(Debug, Clone)]
pub struct Container {
    /// What the manifest asked for.
    pub spec: ContainerSpec,
    /// The image, when it could be pulled.
    pub image: Option<Image>,
    /// Its state once everything scheduled has happened (the kubelet's later steps are
    /// already decided): read it at a time with [`Pod::state_at`], never directly.
    state: ContainerState,
    /// How often the kubelet restarted it.
    pub restart_count: u32,
    /// Packages installed with apt-get since it started.
    pub packages: Vec<String>,
    /// Whether `apt-get update` ran (the image ships empty package lists).
    pub apt_updated: bool,
    /// What its main process wrote to stdout/stderr: `kubectl logs`.
    pub logs: String,
    /// The nginx server, when this container runs one.
    pub nginx: Option<Nginx>,
    /// The BusyBox httpd servers running in it (one per `httpd` started).
    pub httpd: Vec<Httpd>,
    /// PID of its main process in its PID namespace.
    pub main_pid: Option<u32>,
    /// When its image pull failed, if it did: the kubelet backs off from then on.
    pub pull_failed_ms: Option<u64>,
    /// Whether the trace has recorded its `ImagePullBackOff` (once the first back-off passed).
    pub backoff_recorded: bool,
}

/// A running pod.
#[derive(Debug)]
pub struct Pod {
    /// The manifest it was created from.
    pub manifest: PodManifest,
    /// Its containers, in manifest order.
    pub containers: Vec<Container>,
    /// Every container's mount namespace and the volumes.
    pub fs: Fs,
    /// The one network namespace all containers share.
    pub net: NetNamespace,
    /// All processes.
    pub procs: ProcessTable,
    /// When `kubectl apply` created it.
    pub created_ms: u64,
    /// The events `kubectl describe` lists.
    pub k8s_events: Vec<K8sEventView>,
    /// The phase, STATUS and READY count last recorded in the trace.
    recorded_phase: Option<(String, String, usize)>,
}

impl Pod {
    /// The pod's name.
    pub fn name(&self) -> &str {
        &self.manifest.name
    }

    /// The pod IP as text.
    pub fn ip(&self) -> String {
        self.net.pod_ip().to_string()
    }

    /// The containers' names in manifest order, the order the kubelet starts them.
    pub fn container_names(&self) -> Vec<String> {
        self.containers
            .iter()
            .map(|c| c.spec.name.clone())
            .collect()
    }

    /// The container called `name`.
    pub fn container(&self, name: &str) -> Option<&Container> {
        self.containers.iter().find(|c| c.spec.name == name)
    }

    /// The container called `name`, mutably.
    pub fn container_mut(&mut self, name: &str) -> Option<&mut Container> {
        self.containers.iter_mut().find(|c| c.spec.name == name)
    }

    /// The PID namespace a container's processes live in.
    pub fn pid_namespace<'a>(&self, container: &'a str) -> &'a str {
        if self.manifest.share_process_namespace {
            PAUSE
        } else {
            container
        }
    }

    /// The containers whose processes `ps` in `container` can see.
    pub fn visible_containers(&self, container: &str) -> Vec<String> {
        if self.manifest.share_process_namespace {
            let mut all = vec![PAUSE.to_string()];
            all.extend(self.containers.iter().map(|c| c.spec.name.clone()));
            all
        } else {
            vec![container.to_string()]
        }
    }
}
