//! The session as a URL fragment: `v1.` then URL-safe base64 (no padding) of a packet holding
//! the JSON of a [`Session`]: its FNV-1a checksum (4 bytes, little-endian), its length (4 bytes)
//! and its LZ4 block. The version comes first and in clear, so a newer link is recognised as
//! such before anything is decoded; the length tells a link that was cut short, the checksum
//! one that was altered. LZ4 (lz4_flex) rather than deflate: it costs 7 KiB of gzipped wasm where
//! miniz_oxide costs 20 KiB, for links about a third longer (measured in README, "Links"). Decoding never trusts its input: every size is capped before the work it would
//! cost, and a decoded session is checked against the limits in [`crate::sim::session`].

use std::fmt;

use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine;

use super::{terminal_name, Input, Session, Start, MAX_INPUTS, MAX_LINE, MAX_TEXT, MAX_TIME_MS};
use crate::sim::cluster::Terminal;
use crate::sim::scenario;

/// The format version this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;
/// Longest fragment accepted, in bytes (browsers keep far longer URLs; a chat app may not).
pub const MAX_FRAGMENT: usize = 128 * 1024;
/// Most bytes the JSON may unpack to: the text limit plus room for its keys.
const MAX_JSON: usize = MAX_TEXT + 256 * 1024;
/// Bytes before the LZ4 block: checksum and length.
const HEADER: usize = 8;

/// URL-safe base64 without padding, accepting padded input too.
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Why a fragment does not hold a session this build can show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionError {
    /// Not a session at all, or damaged beyond a cut (bad characters, bad checksum, bad JSON).
    Malformed(String),
    /// The fragment ends before the session does: the link was cut short.
    Truncated,
    /// Written by a newer podscope, in a format this build does not know.
    NewerVersion {
        /// The version the link declares.
        found: u32,
    },
    /// The fragment is longer than [`MAX_FRAGMENT`].
    OverSizeCap {
        /// Its length in bytes.
        len: usize,
    },
    /// Well-formed, but built to hurt: it unpacks past its cap, or breaks a session limit.
    Hostile(String),
}

impl fmt::Display for SessionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SessionError::Malformed(why) => write!(f, "the link is malformed ({why})"),
            SessionError::Truncated => {
                write!(
                    f,
                    "the link is truncated: its end is missing (was it copied whole?)"
                )
            }
            SessionError::NewerVersion { found } => write!(
                f,
                "the link comes from a newer podscope (session format {found}; this one reads \
                 up to {FORMAT_VERSION})"
            ),
            SessionError::OverSizeCap { len } => write!(
                f,
                "the link is too long ({len} bytes after #; at most {MAX_FRAGMENT})"
            ),
            SessionError::Hostile(why) => write!(f, "the link was refused: {why}"),
        }
    }
}

impl std::error::Error for SessionError {}

/// Splits what WordPress appends to an embed's fragment (`#STATE?secret=XXXXXXXXXX`, or just
/// `#?secret=…`) from our state. Returns the state (without `#`) and the secret, if it is one
/// (1 to 64 ASCII letters and digits).
pub fn split_secret(fragment: &str) -> (&str, Option<&str>) {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let Some((state, query)) = fragment.split_once('?') else {
        return (fragment, None);
    };
    let secret = query
        .split('&')
        .find_map(|kv| kv.strip_prefix("secret="))
        .filter(|s| (1..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()));
    (state, secret)
}

/// Whether `state` (a fragment without `#`) claims to be a session: `v<digits>.`.
pub fn looks_like_session(state: &str) -> bool {
    state
        .strip_prefix('v')
        .and_then(|rest| rest.split_once('.'))
        .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

impl Session {
    /// The session as a fragment (without `#`): `v1.` + base64url(checksum, length, LZ4).
    pub fn to_fragment(&self) -> String {
        // Serializing plain strings and numbers cannot fail.
        let json = serde_json::to_vec(self).unwrap_or_default();
        format!("v{FORMAT_VERSION}.{}", BASE64.encode(pack(&json)))
    }

    /// Reads a fragment written by [`Session::to_fragment`] (a leading `#` and a WordPress
    /// `?secret=` suffix are allowed), checking it against every session limit.
    pub fn from_fragment(fragment: &str) -> Result<Session, SessionError> {
        let (state, _) = split_secret(fragment);
        Session::decode(state, MAX_FRAGMENT)
    }

    /// Reads `state` (`v1.…`, nothing before it) if it is at most `cap` bytes long.
    pub(super) fn decode(state: &str, cap: usize) -> Result<Session, SessionError> {
        if state.len() > cap {
            return Err(SessionError::OverSizeCap { len: state.len() });
        }
        let (version, data) = state
            .strip_prefix('v')
            .and_then(|rest| rest.split_once('.'))
            .ok_or_else(|| SessionError::Malformed("it does not start with v1.".into()))?;
        let version: u32 = version
            .parse()
            .map_err(|_| SessionError::Malformed(format!("bad version '{}'", clip(version))))?;
        if version > FORMAT_VERSION {
            return Err(SessionError::NewerVersion { found: version });
        }
        if version < 1 {
            return Err(SessionError::Malformed(format!(
                "unknown version {version}"
            )));
        }
        let packed = BASE64.decode(data).map_err(|e| match e {
            base64::DecodeError::InvalidLength(_) | base64::DecodeError::InvalidLastSymbol(..) => {
                SessionError::Truncated
            }
            other => SessionError::Malformed(format!("not base64: {other}")),
        })?;
        let json = unpack(&packed)?;
        let session: Session = serde_json::from_slice(&json)
            .map_err(|e| SessionError::Malformed(format!("not a session: {e}")))?;
        session.check()?;
        Ok(session)
    }

    /// Refuses a session that breaks a limit or names what cannot exist.
    fn check(&self) -> Result<(), SessionError> {
        let hostile = |why: String| Err(SessionError::Hostile(why));
        if let Start::Scenario(id) = &self.start {
            if scenario::by_id(id).is_none() {
                return Err(SessionError::Malformed(format!(
                    "unknown scenario '{}'",
                    clip(id)
                )));
            }
        }
        if self.inputs.len() > MAX_INPUTS {
            return hostile(format!(
                "{} inputs (at most {MAX_INPUTS})",
                self.inputs.len()
            ));
        }
        let mut text = match &self.start {
            Start::Manifest(m) => m.len(),
            Start::Scenario(_) => 0,
        };
        text = text.saturating_add(self.draft.as_ref().map_or(0, String::len));
        let mut clock = 0;
        let mut slices = 0;
        for rec in &self.inputs {
            if rec.at_ms < clock || rec.at_ms > MAX_TIME_MS {
                return hostile("its clock runs backwards or past thirty days".into());
            }
            clock = rec.at_ms;
            if rec.slices.is_some_and(|n| n < slices) {
                return hostile("its count of command-line slices runs backwards".into());
            }
            slices = rec.slices.unwrap_or(slices);
            let (terminal, body) = parts(&rec.input);
            if !valid_terminal(&terminal) {
                return hostile(format!("no terminal is called '{}'", clip(&terminal)));
            }
            if matches!(rec.input, Input::Line { .. } | Input::Cancel { .. })
                && body.len() > MAX_LINE
            {
                return hostile(format!("a command line is over {MAX_LINE} bytes"));
            }
            text = text.saturating_add(body.len());
        }
        if text > MAX_TEXT {
            return hostile(format!("{text} bytes of text (at most {MAX_TEXT})"));
        }
        if self.now_ms < clock || self.now_ms > MAX_TIME_MS {
            return hostile("its clock runs backwards or past thirty days".into());
        }
        if self.slices.is_some_and(|n| n < slices) {
            return hostile("its count of command-line slices runs backwards".into());
        }
        if let Some(bad) = self
            .open_terminal
            .as_ref()
            .filter(|t| !valid_terminal(&terminal_name::to_name(t)))
        {
            return hostile(format!("no terminal is called '{}'", clip(bad.label())));
        }
        Ok(())
    }
}

/// Checksum, length and LZ4 block of `json`.
pub fn pack(json: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(json.len() / 2 + HEADER);
    out.extend_from_slice(&fnv1a(json).to_le_bytes());
    out.extend_from_slice(&u32::try_from(json.len()).unwrap_or(u32::MAX).to_le_bytes());
    out.extend_from_slice(&lz4_flex::block::compress(json));
    out
}

/// The JSON [`pack`] packed, if it is whole, unaltered, and at most [`MAX_JSON`] bytes.
fn unpack(packed: &[u8]) -> Result<Vec<u8>, SessionError> {
    let (header, block) = packed
        .split_at_checked(HEADER)
        .ok_or(SessionError::Truncated)?;
    let word = |at: usize| {
        let bytes: [u8; 4] = header
            .get(at..at + 4)
            .and_then(|b| b.try_into().ok())
            .unwrap_or_default();
        u32::from_le_bytes(bytes)
    };
    let (sum, len) = (word(0), word(4) as usize);
    if len > MAX_JSON {
        return Err(SessionError::Hostile(format!(
            "it inflates to {len} bytes (at most {MAX_JSON})"
        )));
    }
    let json = lz4_flex::block::decompress(block, len).map_err(|e| match e {
        lz4_flex::block::DecompressError::ExpectedAnotherByte
        | lz4_flex::block::DecompressError::LiteralOutOfBounds => SessionError::Truncated,
        _ => SessionError::Malformed("not compressed session data".into()),
    })?;
    if json.len() != len {
        return Err(SessionError::Truncated);
    }
    if fnv1a(&json) != sum {
        return Err(SessionError::Malformed(
            "its checksum does not match".into(),
        ));
    }
    Ok(json)
}

/// FNV-1a, 32 bits: enough to tell an altered link from the one that was shared.
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |hash: u32, &b| {
        (hash ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// The name of the terminal (or container) an input names, and its text (line or manifest).
fn parts(input: &Input) -> (String, &str) {
    match input {
        Input::Line { terminal, line } | Input::Cancel { terminal, line } => {
            (terminal_name::to_name(terminal), line)
        }
        Input::Interrupt { terminal }
        | Input::Clear { terminal }
        | Input::Complete { terminal } => (terminal_name::to_name(terminal), ""),
        Input::Restart { container } => (container.clone(), ""),
        Input::Apply { manifest } | Input::Replace { manifest } => {
            (Terminal::KUBECTL_NAME.to_string(), manifest)
        }
    }
}

/// Whether `name` can name a terminal in a session or a message: `kubectl`, a name a container
/// can have (a DNS-1123 label), or `container_kubectl` (a container that is called `kubectl`).
pub fn valid_terminal(name: &str) -> bool {
    let name = name.strip_prefix("container_").unwrap_or(name);
    let label = (1..=63).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !name.starts_with('-')
        && !name.ends_with('-');
    name == "kubectl" || label
}

/// At most 40 characters of untrusted text, for a message.
fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(40).filter(|c| !c.is_control()).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}
