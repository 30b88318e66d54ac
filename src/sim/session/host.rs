//! The `postMessage` protocol between an embedded podscope and the page that frames it, as pure
//! data: [`HostMessage::parse`] validates what a host sends (anything else is ignored by the
//! caller), [`EmbedEvent::to_json`] writes what the embed reports back. Every message carries
//! `"podscope": <version>`; a message from a newer protocol is refused rather than guessed at,
//! and fields a command does not take are ignored (a later minor addition stays harmless).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::codec::valid_terminal;
use super::MAX_LINE;
use crate::sim::cluster::Terminal;

/// The protocol version this build speaks.
pub const PROTOCOL_VERSION: u32 = 1;
/// Longest message accepted, in bytes (a command line and its envelope).
pub const MAX_MESSAGE: usize = MAX_LINE + 1024;
/// Most steps one `step` message moves.
pub const MAX_STEP_BY: i64 = 10_000;

/// A command from the host page.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum HostMessage {
    /// Type `line` into `terminal` and press Enter.
    Run {
        /// `kubectl` or a container's name.
        #[serde(with = "super::terminal_name")]
        terminal: Terminal,
        /// The command line.
        line: String,
    },
    /// Move the playback `by` events (negative: back); one forward by default.
    Step {
        /// How many events, at most [`MAX_STEP_BY`] either way.
        #[serde(default = "one")]
        by: i64,
    },
    /// Show exactly `step` events.
    Goto {
        /// The position, from 0.
        step: usize,
    },
    /// Start the playback.
    Play,
    /// Stop the playback.
    Pause,
    /// Back to the first event, paused.
    Reset,
    /// A fresh pod of a built-in scenario.
    LoadScenario {
        /// Its id (`localhost`).
        scenario: String,
    },
}

/// Why a message was not a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostMessageError {
    /// Longer than [`MAX_MESSAGE`].
    TooLong,
    /// Not an object with `"podscope": N` (someone else's message on the same window).
    NotOurs,
    /// From a newer protocol version.
    NewerVersion(u32),
    /// Ours, but not a valid command: unknown `type`, missing or bad fields.
    Invalid(String),
}

impl fmt::Display for HostMessageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HostMessageError::TooLong => write!(f, "message over {MAX_MESSAGE} bytes"),
            HostMessageError::NotOurs => write!(f, "not a podscope message"),
            HostMessageError::NewerVersion(v) => write!(
                f,
                "protocol version {v} is newer than this podscope's {PROTOCOL_VERSION}"
            ),
            HostMessageError::Invalid(why) => write!(f, "invalid podscope message: {why}"),
        }
    }
}

impl std::error::Error for HostMessageError {}

/// Serde's default for [`HostMessage::Step`].
fn one() -> i64 {
    1
}

impl HostMessage {
    /// Reads one message: JSON text such as `{"podscope":1,"type":"run","terminal":
    /// "debian-container","line":"curl localhost"}`.
    pub fn parse(text: &str) -> Result<HostMessage, HostMessageError> {
        if text.len() > MAX_MESSAGE {
            return Err(HostMessageError::TooLong);
        }
        let mut value: serde_json::Value =
            serde_json::from_str(text).map_err(|_| HostMessageError::NotOurs)?;
        let object = value.as_object_mut().ok_or(HostMessageError::NotOurs)?;
        let version = object
            .remove("podscope")
            .and_then(|v| v.as_u64())
            .ok_or(HostMessageError::NotOurs)?;
        if version > u64::from(PROTOCOL_VERSION) {
            let shown = u32::try_from(version).unwrap_or(u32::MAX);
            return Err(HostMessageError::NewerVersion(shown));
        }
        let message: HostMessage =
            serde_json::from_value(value).map_err(|e| HostMessageError::Invalid(e.to_string()))?;
        message.check()?;
        Ok(message)
    }

    /// Refuses values no user could produce.
    fn check(&self) -> Result<(), HostMessageError> {
        let invalid = |why: &str| Err(HostMessageError::Invalid(why.to_string()));
        match self {
            HostMessage::Run { terminal, line } => {
                if !valid_terminal(&super::terminal_name::to_name(terminal)) {
                    return invalid("no such terminal name");
                }
                if line.len() > MAX_LINE || line.contains(['\n', '\r']) {
                    return invalid("a run line is one line of at most 64 KiB");
                }
                Ok(())
            }
            HostMessage::Step { by } if by.unsigned_abs() > MAX_STEP_BY as u64 => {
                invalid("step by at most 10000")
            }
            _ => Ok(()),
        }
    }
}

/// Whether a message from `origin` may drive the embed: any origin without an `origin=`
/// parameter, else only that exact origin (`https://blog.example`).
pub fn origin_allowed(allowed: Option<&str>, origin: &str) -> bool {
    allowed.is_none_or(|a| a.trim_end_matches('/') == origin)
}

/// What the embed reports to its host page.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum EmbedEvent {
    /// The app runs and listens; sent once, and again after `load-scenario`.
    Ready {
        /// The scenario on show.
        scenario: String,
        /// Events in the trace.
        steps: usize,
    },
    /// A terminal printed something for a line.
    Output {
        /// The terminal.
        terminal: String,
        /// The line typed.
        line: String,
        /// What it printed (ANSI escapes removed).
        text: String,
        /// Its exit status; absent while the command still runs.
        #[serde(skip_serializing_if = "Option::is_none")]
        status: Option<i32>,
    },
    /// One event of the trace reached the screen.
    Event {
        /// Its sequence number.
        seq: usize,
        /// Its category (`file`, `tcp`, `http`, `process`, `k8s`).
        category: String,
        /// Its caption.
        caption: String,
    },
    /// The playback position changed.
    Step {
        /// Events shown.
        step: usize,
        /// Events in the trace.
        total: usize,
    },
}

impl EmbedEvent {
    /// The event as JSON text, with `"podscope": 1` first.
    pub fn to_json(&self) -> String {
        // An internally tagged enum of strings and numbers always serializes to an object.
        let json = serde_json::to_string(self).unwrap_or_else(|_| "{}".into());
        let fields = json.strip_prefix('{').unwrap_or("}");
        format!("{{\"podscope\":{PROTOCOL_VERSION},{fields}")
    }
}
