//! A whole podscope session as data, so that a link (the URL fragment), a host page or a saved
//! copy can carry it: which pod it started from, every input given to the terminals in order
//! (with the simulated time it was given at), and the playback position. Replaying the inputs
//! through a fresh [`Cluster`] reproduces the trace, and with it every transcript and every
//! step, exactly: the core is deterministic (see `ARCHITECTURE.md`, "Time").
//!
//! [`codec`] turns a session into a compact, versioned, URL-safe fragment and back, refusing bad
//! input with a typed [`SessionError`]; [`replay`] drives a cluster; [`host`] parses the
//! `postMessage` protocol of embeds, [`embed`] writes their resize messages and oEmbed
//! documents; [`saved`] reads the copy the full app keeps in the browser. May use: serde,
//! serde_json, lz4_flex, base64, and the rest of `crate::sim`.

pub mod codec;
pub mod embed;
pub mod host;
pub mod replay;
pub mod saved;
mod terminal_name;
#[cfg(test)]
mod tests;

pub use codec::{split_secret, SessionError, FORMAT_VERSION, MAX_FRAGMENT};
pub use host::{HostMessage, HostMessageError, PROTOCOL_VERSION};
pub use replay::{apply, catch_up, run_slices, Reply};

use crate::sim::cluster::{Cluster, Terminal};
use serde::{Deserialize, Serialize};

/// Most inputs a session carries.
pub const MAX_INPUTS: usize = 500;
/// Longest single command line (the web terminal's own limit).
pub const MAX_LINE: usize = 65_536;
/// Most bytes of command lines and manifests a session carries in all.
pub const MAX_TEXT: usize = 1 << 20;
/// Latest simulated time a session may reach: thirty days, in milliseconds.
pub const MAX_TIME_MS: u64 = 30 * 24 * 3600 * 1000;

/// The pod a session starts from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Start {
    /// A built-in scenario, by id (`shared-volume`).
    #[serde(rename = "s")]
    Scenario(String),
    /// A manifest the user wrote, applied to an empty cluster.
    #[serde(rename = "m")]
    Manifest(String),
}

/// One thing the user did that changes what the terminals or the pod show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "k", try_from = "WrittenInput")]
pub enum Input {
    /// A command line typed into a terminal (`kubectl` or a container's name) with Enter.
    #[serde(rename = "l")]
    Line {
        /// The terminal.
        #[serde(rename = "t", with = "terminal_name")]
        terminal: Terminal,
        /// The line.
        #[serde(rename = "l")]
        line: String,
    },
    /// Ctrl-C with nothing typed (ends a blocked command, or drops the empty line).
    #[serde(rename = "c")]
    Interrupt {
        /// The terminal.
        #[serde(rename = "t", with = "terminal_name")]
        terminal: Terminal,
    },
    /// Ctrl-C with a half-typed line: the line is abandoned.
    #[serde(rename = "x")]
    Cancel {
        /// The terminal.
        #[serde(rename = "t", with = "terminal_name")]
        terminal: Terminal,
        /// What had been typed.
        #[serde(rename = "l")]
        line: String,
    },
    /// Ctrl-L: the terminal's screen is cleared.
    #[serde(rename = "L")]
    Clear {
        /// The terminal.
        #[serde(rename = "t", with = "terminal_name")]
        terminal: Terminal,
    },
    /// Tab completion ran (it opens the container's bash session if none is open).
    #[serde(rename = "T")]
    Complete {
        /// The terminal.
        #[serde(rename = "t", with = "terminal_name")]
        terminal: Terminal,
    },
    /// A container restarted (as if its main process was killed).
    #[serde(rename = "r")]
    Restart {
        /// The container.
        #[serde(rename = "t")]
        container: String,
    },
    /// The manifest editor applied a manifest (`kubectl apply`).
    #[serde(rename = "a")]
    Apply {
        /// The YAML text.
        #[serde(rename = "m")]
        manifest: String,
    },
    /// The pod was deleted and re-created from a manifest (a tour's or what-if's variant).
    #[serde(rename = "R")]
    Replace {
        /// The YAML text.
        #[serde(rename = "m")]
        manifest: String,
    },
}

/// How an [`Input`] is written: one flat object whose `k` names the kind and whose `t`, `l` and
/// `m` carry its fields. It reads the JSON the derived, internally tagged enum writes, with a
/// fraction of the code serde generates for reading such an enum.
#[derive(Deserialize)]
struct WrittenInput {
    k: String,
    #[serde(default)]
    t: Option<String>,
    #[serde(default)]
    l: Option<String>,
    #[serde(default)]
    m: Option<String>,
}

impl TryFrom<WrittenInput> for Input {
    type Error = String;

    fn try_from(w: WrittenInput) -> Result<Input, String> {
        let missing = |field: &str| format!("missing field `{field}`");
        let name = w.t.ok_or_else(|| missing("t"));
        let terminal = || {
            name.as_deref()
                .map(terminal_name::from_name)
                .map_err(Clone::clone)
        };
        let line = || w.l.clone().ok_or_else(|| missing("l"));
        let manifest = || w.m.clone().ok_or_else(|| missing("m"));
        Ok(match w.k.as_str() {
            "l" => Input::Line {
                terminal: terminal()?,
                line: line()?,
            },
            "c" => Input::Interrupt {
                terminal: terminal()?,
            },
            "x" => Input::Cancel {
                terminal: terminal()?,
                line: line()?,
            },
            "L" => Input::Clear {
                terminal: terminal()?,
            },
            "T" => Input::Complete {
                terminal: terminal()?,
            },
            "r" => Input::Restart {
                container: name.clone()?,
            },
            "a" => Input::Apply {
                manifest: manifest()?,
            },
            "R" => Input::Replace {
                manifest: manifest()?,
            },
            other => return Err(format!("unknown variant `{other}`")),
        })
    }
}

/// An input and the simulated time it was given at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recorded {
    /// The cluster's clock (`Cluster::now_ms`) just before the input. Between inputs the clock
    /// may have moved on its own (the web app follows the wall clock while the kubelet works);
    /// replay moves it to here first.
    #[serde(rename = "a")]
    pub at_ms: u64,
    /// What was done.
    #[serde(rename = "i")]
    pub input: Input,
    /// How many slices of command lines the cluster had run just before the input
    /// (`Cluster::slices_run`): the web app runs a line a slice at a time, so an input may
    /// come while a line is still running. `None` (links made before slices): every line had
    /// run to its end.
    #[serde(rename = "s", default, skip_serializing_if = "Option::is_none")]
    pub slices: Option<u64>,
}

/// A guided tour shown at one of its steps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TourAt {
    /// The tour's name: the id of the scenario it belongs to.
    #[serde(rename = "n")]
    pub name: String,
    /// The step shown, from 0.
    #[serde(rename = "s")]
    pub step: usize,
}

/// Everything needed to show someone exactly what the sender saw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// The pod it started from.
    #[serde(rename = "s")]
    pub start: Start,
    /// Every input, oldest first.
    #[serde(rename = "i", default)]
    pub inputs: Vec<Recorded>,
    /// The clock when the session was captured (the pod may have come up after the last input).
    #[serde(rename = "n", default)]
    pub now_ms: u64,
    /// The playback position: how many events of the trace are shown.
    #[serde(rename = "p", default)]
    pub position: usize,
    /// The terminal tab in front.
    #[serde(
        rename = "o",
        default,
        skip_serializing_if = "Option::is_none",
        with = "terminal_name::option"
    )]
    pub open_terminal: Option<Terminal>,
    /// The guided tour on show, if one runs.
    #[serde(rename = "t", default, skip_serializing_if = "Option::is_none")]
    pub tour: Option<TourAt>,
    /// The what-if whose explanation is on show (its id).
    #[serde(rename = "w", default, skip_serializing_if = "Option::is_none")]
    pub what_if: Option<String>,
    /// Slices of command lines run when the session was captured (see [`Recorded::slices`]).
    #[serde(rename = "S", default, skip_serializing_if = "Option::is_none")]
    pub slices: Option<u64>,
    /// The manifest editor's text when it is not the manifest in force (an edit not applied
    /// yet): only the browser's saved copy carries it, so a reload keeps a half-written
    /// manifest; links leave it out.
    #[serde(rename = "d", default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<String>,
}

impl Session {
    /// A session that starts from built-in scenario `id` with nothing typed yet.
    pub fn new(start: Start) -> Session {
        Session {
            start,
            inputs: Vec::new(),
            now_ms: 0,
            position: 0,
            open_terminal: None,
            tour: None,
            what_if: None,
            slices: None,
            draft: None,
        }
    }

    /// Records `input`, given when the cluster's clock read `at_ms`. Past [`MAX_INPUTS`] the
    /// oldest inputs cannot be dropped (replay needs them all), so the input is not recorded and
    /// `false` says the session no longer describes what is on screen.
    pub fn record(&mut self, at_ms: u64, input: Input) -> bool {
        if self.inputs.len() >= MAX_INPUTS {
            return false;
        }
        self.inputs.push(Recorded {
            at_ms,
            input,
            slices: None,
        });
        true
    }

    /// Records `input` as [`Session::record`] does, given as `cluster` stands now: its clock
    /// and how many slices of command lines it has run.
    pub fn record_from(&mut self, cluster: &Cluster, input: Input) -> bool {
        let recorded = self.record(cluster.now_ms(), input);
        if let Some(last) = self.inputs.last_mut().filter(|_| recorded) {
            last.slices = Some(cluster.slices_run());
        }
        recorded
    }

    /// A fresh cluster running the session's starting pod (before any input).
    pub fn start_cluster(&self) -> (Cluster, Option<String>) {
        self.start.cluster()
    }
}

impl Start {
    /// A fresh cluster running this pod, and why it could not start if it could not (then the
    /// cluster is empty, as after `kubectl delete pod`).
    pub fn cluster(&self) -> (Cluster, Option<String>) {
        let started = match self {
            Start::Scenario(id) => Cluster::with_scenario(id),
            Start::Manifest(text) => Cluster::with_manifest(text)
                .map_err(|errors| crate::sim::cluster::render_errors(&errors)),
        };
        match started {
            Ok(cluster) => (cluster, None),
            Err(why) => (Cluster::new(), Some(why)),
        }
    }
}
