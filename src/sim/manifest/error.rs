//! Manifest errors, worded as `kubectl apply` prints them, with the YAML position appended.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Which stage rejected the manifest; decides the wording of [`ManifestError`]'s `Display`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ManifestErrorKind {
    /// The input is larger than [`super::MAX_MANIFEST_BYTES`].
    TooLarge,
    /// Not well-formed YAML.
    Syntax,
    /// kubectl's client-side check: `apiVersion` / `kind` missing.
    Schema,
    /// The API server's strict decoder: unknown field, wrong type, bad quantity.
    Decode,
    /// The API server's validation (`The Pod "x" is invalid: ...`).
    Invalid,
    /// Valid Kubernetes that podscope does not simulate (hostPath volumes, init containers...).
    Unsupported,
    /// The YAML parser is not at hand (the web app loads it on first use; see [`super::load`]).
    Unavailable,
}

/// One problem in a manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestError {
    /// 1-based line of the offending YAML node, when known.
    pub line: Option<usize>,
    /// 1-based column of the offending YAML node, when known.
    pub column: Option<usize>,
    /// Field path as Kubernetes spells it (`spec.containers[0].image`); empty for syntax errors.
    pub field: String,
    /// What is wrong, as the API server words it after the field path.
    pub message: String,
    /// The stage that found the problem.
    pub kind: ManifestErrorKind,
    /// `metadata.name` as far as it was read (for `The Pod "x" is invalid`).
    pub pod: String,
    /// The text of the offending line, for syntax errors.
    pub source_line: Option<String>,
}

impl ManifestError {
    /// An error of `kind` at a field and position.
    pub fn at(
        kind: ManifestErrorKind,
        field: impl Into<String>,
        message: impl Into<String>,
        pos: (Option<usize>, Option<usize>),
    ) -> Self {
        ManifestError {
            line: pos.0,
            column: pos.1,
            field: field.into(),
            message: message.into(),
            kind,
            pod: String::new(),
            source_line: None,
        }
    }

    /// The input exceeds the size limit.
    pub fn too_large(len: usize) -> Self {
        ManifestError::at(
            ManifestErrorKind::TooLarge,
            "",
            format!(
                "manifest is {len} bytes; podscope accepts at most {} bytes (1 MiB)",
                super::MAX_MANIFEST_BYTES
            ),
            (None, None),
        )
    }

    /// The parser is not loaded (yet): `why` says what happened.
    pub fn unavailable(why: impl Into<String>) -> Self {
        ManifestError::at(ManifestErrorKind::Unavailable, "", why, (None, None))
    }

    /// A YAML syntax error reported by serde-saphyr, with the offending line of `yaml`.
    pub fn syntax(err: &serde_saphyr::Error, yaml: &str) -> Self {
        let loc = err.location();
        let line = loc
            .and_then(|l| usize::try_from(l.line()).ok())
            .filter(|l| *l > 0);
        let column = loc
            .and_then(|l| usize::try_from(l.column()).ok())
            .filter(|c| *c > 0);
        let mut message = err.without_snippet().to_string();
        // serde-saphyr appends " at line L, column C"; the position is shown separately.
        if let Some(cut) = message.rfind(" at line ") {
            message.truncate(cut);
        }
        let source_line = line
            .and_then(|l| yaml.lines().nth(l.saturating_sub(1)))
            .map(|s| s.to_string());
        ManifestError {
            line,
            column,
            field: String::new(),
            message,
            kind: ManifestErrorKind::Syntax,
            pod: String::new(),
            source_line,
        }
    }

    fn fmt_position(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, " (line {l}, column {c})"),
            (Some(l), None) => write!(f, " (line {l})"),
            _ => Ok(()),
        }
    }
}

impl fmt::Display for ManifestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ManifestErrorKind::TooLarge | ManifestErrorKind::Unavailable => {
                write!(f, "error: {}", self.message)?
            }
            ManifestErrorKind::Syntax => {
                write!(f, "error: error converting YAML to JSON: yaml: {}", self.message)?;
                self.fmt_position(f)?;
                if let (Some(text), Some(col)) = (&self.source_line, self.column) {
                    let pad = " ".repeat(col.saturating_sub(1));
                    write!(f, "\n  {text}\n  {pad}^")?;
                }
                return Ok(());
            }
            ManifestErrorKind::Schema => {
                write!(f, "error: error validating data: {}", self.message)?
            }
            ManifestErrorKind::Decode => write!(
                f,
                "Error from server (BadRequest): Pod in version \"v1\" cannot be handled as a Pod: {}",
                self.message
            )?,
            ManifestErrorKind::Invalid => write!(
                f,
                "The Pod \"{}\" is invalid: {}: {}",
                self.pod, self.field, self.message
            )?,
            ManifestErrorKind::Unsupported => write!(f, "{}: {}", self.field, self.message)?,
        }
        self.fmt_position(f)
    }
}
