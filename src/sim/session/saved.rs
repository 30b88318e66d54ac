//! The copy of a session the full app keeps in the browser so that a reload, or the next visit,
//! loses nothing. It is the same versioned format as a link ([`Session::to_fragment`]), read
//! with a larger cap (a saved session may carry a half-written manifest of up to a mebibyte that
//! no link would), and what is wrong with a copy that cannot be read is said about a *saved
//! session*, not a link. Pure: the web layer (`ui::saved`) does the storing.

use super::codec::{SessionError, FORMAT_VERSION};
use super::{Input, Session, Start, MAX_TEXT};
use crate::sim::cluster::Terminal;
use crate::sim::manifest;

/// Longest saved copy read back, in bytes: the text limit, base64's third and room for the rest.
pub const MAX_SAVED: usize = 2 * MAX_TEXT;

impl Session {
    /// Reads a copy written by [`Session::to_fragment`] into the browser's storage.
    pub fn from_saved(saved: &str) -> Result<Session, SessionError> {
        Session::decode(saved.trim(), MAX_SAVED)
    }

    /// Whether replaying the session parses a manifest podscope does not ship (a custom pod,
    /// an edited manifest applied, a `kubectl apply` typed): the web app then loads its YAML
    /// parser first, so the replay reaches the same pod as the session did.
    pub fn needs_parser(&self) -> bool {
        let own = |yaml: &str| manifest::builtin(yaml).is_none();
        let started_own = matches!(&self.start, Start::Manifest(m) if own(m));
        started_own
            || self.inputs.iter().any(|rec| match &rec.input {
                Input::Apply { manifest } | Input::Replace { manifest } => own(manifest),
                Input::Line { terminal, line } => {
                    *terminal == Terminal::Kubectl
                        && (line.contains("apply") || line.contains("create"))
                }
                _ => false,
            })
    }

    /// How many command lines were typed and manifests applied: the work a reset would lose.
    pub fn commands(&self) -> usize {
        self.inputs
            .iter()
            .filter(|rec| matches!(rec.input, Input::Line { .. } | Input::Apply { .. }))
            .count()
    }
}

/// Why a saved copy could not be restored, as the notice says it: "it is damaged (…)".
pub fn saved_problem(error: &SessionError) -> String {
    match error {
        SessionError::Malformed(why) => format!("it is damaged ({why})"),
        SessionError::Truncated => "it is cut short (its end is missing)".into(),
        SessionError::NewerVersion { found } => format!(
            "it was saved by a newer podscope (session format {found}; this one reads up to \
             {FORMAT_VERSION})"
        ),
        SessionError::OverSizeCap { len } => {
            format!("it is too large ({len} bytes; at most {MAX_SAVED})")
        }
        SessionError::Hostile(why) => format!("it breaks a limit ({why})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(line: &str) -> Input {
        Input::Line {
            terminal: Terminal::container("debian-container"),
            line: line.into(),
        }
    }

    fn session_with(inputs: Vec<Input>) -> Session {
        let mut session = Session::new(Start::Scenario("shared-volume".into()));
        for (at, input) in inputs.into_iter().enumerate() {
            assert!(session.record(at as u64 * 1000, input));
        }
        session.now_ms = 60_000;
        session
    }

    #[test]
    fn a_saved_copy_with_a_draft_reads_back_whole() {
        let mut session = session_with(vec![typed("echo hi > /pod-data/index.html")]);
        session.draft = Some("apiVersion: v1\nkind: Pod\n".into());
        assert_eq!(Session::from_saved(&session.to_fragment()), Ok(session));
    }

    #[test]
    fn a_saved_copy_may_be_longer_than_a_link() {
        // An incompressible half-written manifest: too long for a link, fine for the browser.
        let mut x: u32 = 2_463_534_242;
        let noise: String = (0..300_000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                char::from(b'a' + (x % 26) as u8)
            })
            .collect();
        let mut session = session_with(Vec::new());
        session.draft = Some(noise);
        let saved = session.to_fragment();
        assert!(saved.len() > super::super::MAX_FRAGMENT);
        assert!(Session::from_fragment(&saved).is_err());
        assert_eq!(Session::from_saved(&saved), Ok(session));
    }

    #[test]
    fn what_is_wrong_with_a_copy_is_said_about_a_saved_session() {
        let whole = session_with(vec![typed("ls")]).to_fragment();
        let cut = &whole[..whole.len() - 6];
        let cases = [
            (
                "{\"not\":\"ours\"}",
                "it is damaged (it does not start with v1.)",
            ),
            (cut, "it is cut short (its end is missing)"),
            (
                "v9.AAAA",
                "it was saved by a newer podscope (session format 9; this one reads up to 1)",
            ),
            ("v0.AAAA", "it is damaged (unknown version 0)"),
        ];
        for (saved, said) in cases {
            let error = Session::from_saved(saved).expect_err(saved);
            assert_eq!(saved_problem(&error), said, "{saved}");
        }
    }

    #[test]
    fn only_a_manifest_podscope_does_not_ship_needs_the_parser() {
        let builtin = crate::sim::scenario::by_id("localhost")
            .map(|s| s.manifest.to_string())
            .unwrap_or_default();
        assert!(!session_with(vec![typed("curl localhost")]).needs_parser());
        let replaced = session_with(vec![Input::Replace { manifest: builtin }]);
        assert!(!replaced.needs_parser());
        let applied = session_with(vec![Input::Apply {
            manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: mine\n".into(),
        }]);
        assert!(applied.needs_parser());
        let kubectl = session_with(vec![Input::Line {
            terminal: Terminal::Kubectl,
            line: "kubectl apply -f pod.yaml".into(),
        }]);
        assert!(kubectl.needs_parser());
        assert!(Session::new(Start::Manifest("kind: Pod\n".into())).needs_parser());
    }

    #[test]
    fn commands_count_lines_and_applies_only() {
        let session = session_with(vec![
            typed("ls"),
            Input::Clear {
                terminal: Terminal::Kubectl,
            },
            Input::Apply {
                manifest: "kind: Pod\n".into(),
            },
        ]);
        assert_eq!(session.commands(), 2);
    }
}
