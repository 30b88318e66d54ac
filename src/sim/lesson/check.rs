//! The predicates a task is checked by. Some look at the pod as it is now (a file's content:
//! end state, as hands-on labs grade); the others look for an event in the trace (a handshake,
//! a response, a refused SYN) and stay true once it happened.

use crate::sim::cluster::Cluster;
use crate::sim::event::{Event, EventKind};
use serde::{Deserialize, Serialize};

/// One predicate over the simulated pod and its trace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Check {
    /// The file at `path` in `container`'s filesystem contains `text`.
    FileContains {
        /// Whose view of the filesystem (a volume looks different per container).
        container: String,
        /// Absolute path.
        path: String,
        /// Text the file must contain.
        text: String,
    },
    /// A file exists at `path` in `container`.
    FileExists {
        /// Container.
        container: String,
        /// Absolute path.
        path: String,
    },
    /// `container` was restarted at least once, and the file at `path` is still there.
    RestartedKept {
        /// Container.
        container: String,
        /// Absolute path (on a volume, for it to survive).
        path: String,
    },
    /// apt-get installed `package` in `container`.
    PackageInstalled {
        /// Container.
        container: String,
        /// Debian package name.
        package: String,
    },
    /// A TCP connection from a program in `from` to `port` reached ESTABLISHED.
    TcpEstablished {
        /// The client's container.
        from: String,
        /// The server's port.
        port: u16,
    },
    /// A server sent an HTTP response with `status` (to a request for `target`, if given).
    HttpResponse {
        /// Status code.
        status: u16,
        /// Request target (`/hello.html`); any when absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        target: Option<String>,
    },
    /// A SYN to `port` was answered with a RST: nothing listens there.
    Refused {
        /// Port.
        port: u16,
    },
    /// A server could not bind `port` (EADDRINUSE).
    BindFailed {
        /// Port.
        port: u16,
    },
    /// A program in `container` wrote the file it calls `path`.
    FileWritten {
        /// The writer's container.
        container: String,
        /// The path as the writer named it.
        path: String,
    },
    /// Every one of these holds.
    All(Vec<Check>),
    /// A write by a program in `container` failed (wrong path, read-only mount).
    WriteFailed {
        /// Container.
        container: String,
    },
}

impl Check {
    /// This check and the checks it combines, each once: what has to be watched.
    pub fn parts(&self) -> Vec<&Check> {
        match self {
            Check::All(parts) => parts.iter().flat_map(Check::parts).collect(),
            one => vec![one],
        }
    }

    /// Whether this check looks at the pod as it is now (else: at events, once seen, true).
    /// A combination is neither: it holds when its parts do.
    pub fn is_state(&self) -> bool {
        matches!(
            self,
            Check::FileContains { .. } | Check::FileExists { .. } | Check::RestartedKept { .. }
        )
    }

    /// Evaluates a state check against the pod now (trace checks give false here).
    pub fn holds_now(&self, cluster: &Cluster) -> bool {
        let Some(pod) = cluster.pod() else {
            return false;
        };
        let read = |container: &str, path: &str| pod.fs.read(container, path).ok();
        match self {
            Check::FileContains {
                container,
                path,
                text,
            } => read(container, path)
                .is_some_and(|bytes| String::from_utf8_lossy(&bytes).contains(text.as_str())),
            Check::FileExists { container, path } => read(container, path).is_some(),
            Check::RestartedKept { container, path } => {
                pod.container(container)
                    .is_some_and(|c| c.restart_count > 0)
                    && read(container, path).is_some()
            }
            _ => false,
        }
    }

    /// Whether `event` makes this trace check true; `target` is the request target of the last
    /// HTTP request seen before it (a response answers it).
    pub fn matches_event(&self, event: &Event, target: Option<&str>) -> bool {
        let by = event.actor.container.as_deref();
        match (self, &event.kind) {
            (
                Check::PackageInstalled { container, package },
                EventKind::PackageInstalled {
                    container: c,
                    package: p,
                },
            ) => c == container && p == package,
            (Check::TcpEstablished { from, port }, EventKind::TcpState { remote, to, .. }) => {
                *to == crate::sim::event::TcpState::Established
                    && by == Some(from.as_str())
                    && port_of(remote) == Some(*port)
            }
            (
                Check::HttpResponse {
                    status,
                    target: want,
                },
                EventKind::HttpResponse { status: s, .. },
            ) => s == status && want.as_deref().is_none_or(|w| Some(w) == target),
            (Check::Refused { port }, EventKind::Refused { port: p, .. })
            | (Check::BindFailed { port }, EventKind::BindFailed { port: p, .. }) => p == port,
            (Check::FileWritten { container, path }, EventKind::FileWritten { path: p, .. }) => {
                by == Some(container.as_str()) && p == path
            }
            (Check::WriteFailed { container }, EventKind::WriteFailed { .. }) => {
                by == Some(container.as_str())
            }
            _ => false,
        }
    }
}

/// The port of an endpoint written `127.0.0.1:80` or `[::1]:80`.
fn port_of(endpoint: &str) -> Option<u16> {
    endpoint.rsplit_once(':')?.1.parse().ok()
}
