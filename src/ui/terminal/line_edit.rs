//! Editing the command line: caret positions and Tab completion, as plain functions.
//!
//! The browser counts caret positions in UTF-16 code units; the sim's `Cluster::complete` takes
//! a byte offset into the line. These helpers convert between the two and decide what a Tab
//! does, following bash: the first Tab inserts what all candidates share (completing the word
//! and adding `/` or a space when there is only one); when nothing can be inserted, a second
//! Tab in a row lists the candidates.

/// What the parent's completer answers for a line and a caret (byte offset).
///
/// Mirrors `podscope::sim::shell::Completion` minus its `start`, which the view does not need.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TermCompletion {
    /// Text to insert at the caret (may be empty).
    pub insert: String,
    /// Every candidate, sorted, as bash lists them on the second Tab.
    pub candidates: Vec<String>,
}

impl From<crate::sim::shell::Completion> for TermCompletion {
    /// So a parent can answer with `cluster.complete(&terminal, &line, cursor).map(Into::into)`.
    fn from(c: crate::sim::shell::Completion) -> Self {
        Self {
            insert: c.insert,
            candidates: c.candidates,
        }
    }
}

/// What a Tab press does to the line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TabOutcome {
    /// The line changes; the caret moves to `cursor` (a byte offset).
    Insert {
        /// The new line.
        line: String,
        /// The new caret, as a byte offset.
        cursor: usize,
    },
    /// Nothing to insert and several ways to go: show these below the line.
    List(Vec<String>),
    /// Nothing happens (bash rings the bell).
    Nothing,
}

/// Decides what Tab does. `second_tab` is true when the previous key was also Tab.
pub fn tab(
    line: &str,
    cursor: usize,
    completion: Option<TermCompletion>,
    second_tab: bool,
) -> TabOutcome {
    let Some(completion) = completion else {
        return TabOutcome::Nothing;
    };
    if !completion.insert.is_empty() {
        let at = clamp_to_char(line, cursor);
        let (before, after) = line.split_at(at);
        return TabOutcome::Insert {
            line: format!("{before}{}{after}", completion.insert),
            cursor: at.saturating_add(completion.insert.len()),
        };
    }
    if second_tab && completion.candidates.len() > 1 {
        return TabOutcome::List(completion.candidates);
    }
    TabOutcome::Nothing
}

/// The byte offset of UTF-16 position `units` in `text` (clamped to the end).
pub fn utf16_to_byte(text: &str, units: usize) -> usize {
    let mut seen = 0usize;
    for (byte, c) in text.char_indices() {
        if seen >= units {
            return byte;
        }
        seen = seen.saturating_add(c.len_utf16());
    }
    text.len()
}

/// The UTF-16 position of byte offset `byte` in `text` (clamped to a character boundary).
pub fn byte_to_utf16(text: &str, byte: usize) -> usize {
    let at = clamp_to_char(text, byte);
    text.get(..at).map_or(0, |head| head.encode_utf16().count())
}

/// `byte` moved back to the nearest character boundary within `text`.
fn clamp_to_char(text: &str, byte: usize) -> usize {
    let mut at = byte.min(text.len());
    while !text.is_char_boundary(at) {
        at = at.saturating_sub(1);
    }
    at
}

/// Length of `text` in UTF-16 code units, the unit of an input's `maxlength`.
pub fn utf16_len(text: &str) -> usize {
    text.encode_utf16().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offer(insert: &str, candidates: &[&str]) -> Option<TermCompletion> {
        Some(TermCompletion {
            insert: insert.into(),
            candidates: candidates.iter().map(|c| c.to_string()).collect(),
        })
    }

    #[test]
    fn single_candidate_is_inserted_at_the_caret() {
        let got = tab("ls /pod-d x", 9, offer("ata/", &["pod-data/"]), false);
        assert_eq!(
            got,
            TabOutcome::Insert {
                line: "ls /pod-data/ x".into(),
                cursor: 13
            }
        );
    }

    #[test]
    fn ambiguous_lists_only_on_the_second_tab() {
        let c = offer("", &["cat", "chmod"]);
        assert_eq!(tab("c", 1, c.clone(), false), TabOutcome::Nothing);
        assert_eq!(
            tab("c", 1, c, true),
            TabOutcome::List(vec!["cat".into(), "chmod".into()])
        );
        assert_eq!(tab("zz", 2, offer("", &[]), true), TabOutcome::Nothing);
        assert_eq!(tab("zz", 2, None, true), TabOutcome::Nothing);
    }

    #[test]
    fn the_real_shell_completion_drives_tab() {
        // docs-original's nginx-container (its debian exits after writing): /etc has hostname
        // and hosts, so "hostn" is unique and bash adds the rest plus a space.
        let mut cluster = crate::sim::cluster::Cluster::with_scenario("docs-original").unwrap();
        let line = "cat /etc/hostn";
        let got = cluster
            .complete(
                &crate::sim::cluster::Terminal::container("nginx-container"),
                line,
                line.len(),
            )
            .map(TermCompletion::from);
        assert_eq!(
            tab(line, line.len(), got, false),
            TabOutcome::Insert {
                line: "cat /etc/hostname ".into(),
                cursor: 18
            }
        );
    }

    #[test]
    fn utf16_and_bytes_round_trip() {
        let s = "é🙂x";
        assert_eq!(utf16_to_byte(s, 0), 0);
        assert_eq!(utf16_to_byte(s, 1), 2);
        assert_eq!(utf16_to_byte(s, 3), 6);
        assert_eq!(utf16_to_byte(s, 99), 7);
        assert_eq!(byte_to_utf16(s, 6), 3);
        assert_eq!(byte_to_utf16(s, 4), 1); // inside the emoji: back to its start
        assert_eq!(utf16_len(s), 4);
    }
}
