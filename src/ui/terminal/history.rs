//! One terminal's command history, navigated with ↑ and ↓ as bash's readline does.
//!
//! Measured against bash 5.2 (root's `.bashrc` in the debian image sets no `HISTCONTROL`):
//! every non-empty line is remembered, duplicates and lines starting with a space included;
//! an empty line is not. `HISTSIZE` is unset there, so bash keeps 500 lines. Like readline with its
//! default `revert-all-at-newline off`, an edit made to a recalled line stays with that history
//! slot while you move around, and the line being typed before the first ↑ (the draft) comes
//! back when you go down past the newest entry.

use std::collections::BTreeMap;

/// bash's history size when `HISTSIZE` is unset.
pub const HISTORY_SIZE: usize = 500;

/// Lines run in one terminal, plus where ↑/↓ navigation stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct History {
    entries: Vec<String>,
    /// Edits made to recalled lines, by entry index.
    edits: BTreeMap<usize, String>,
    /// Index of the line shown; `entries.len()` is the draft.
    pos: usize,
    draft: String,
}

impl History {
    /// Remembers a line that was run and returns to the (now empty) draft.
    pub fn push(&mut self, line: &str) {
        if !line.is_empty() {
            self.entries.push(line.to_string());
            if self.entries.len() > HISTORY_SIZE {
                self.entries.remove(0);
                // Edits move down with their entries; the one for the dropped entry goes.
                self.edits = std::mem::take(&mut self.edits)
                    .into_iter()
                    .filter_map(|(i, text)| i.checked_sub(1).map(|i| (i, text)))
                    .collect();
            }
        }
        self.pos = self.entries.len();
        self.draft.clear();
    }

    /// The remembered lines, oldest first.
    pub fn entries(&self) -> &[String] {
        &self.entries
    }

    /// ↑: the line before the one shown, or `None` at the oldest. `current` is what the input
    /// holds now, kept as the draft or as an edit of the recalled line.
    pub fn previous(&mut self, current: &str) -> Option<String> {
        let target = self.pos.checked_sub(1)?;
        self.remember(current);
        self.pos = target;
        Some(self.shown())
    }

    /// ↓: the line after the one shown (the draft after the newest), or `None` at the draft.
    pub fn next(&mut self, current: &str) -> Option<String> {
        if self.pos >= self.entries.len() {
            return None;
        }
        self.remember(current);
        self.pos = self.pos.saturating_add(1);
        Some(self.shown())
    }

    fn remember(&mut self, current: &str) {
        match self.entries.get(self.pos) {
            None => self.draft = current.to_string(),
            Some(original) if original == current => {
                self.edits.remove(&self.pos);
            }
            Some(_) => {
                self.edits.insert(self.pos, current.to_string());
            }
        }
    }

    fn shown(&self) -> String {
        if let Some(edit) = self.edits.get(&self.pos) {
            return edit.clone();
        }
        self.entries
            .get(self.pos)
            .cloned()
            .unwrap_or_else(|| self.draft.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(lines: &[&str]) -> History {
        let mut h = History::default();
        for l in lines {
            h.push(l);
        }
        h
    }

    #[test]
    fn up_walks_back_and_down_returns_to_the_draft() {
        let mut h = with(&["echo a", "ls /pod-data"]);
        assert_eq!(h.previous("cat ").as_deref(), Some("ls /pod-data"));
        assert_eq!(h.previous("ls /pod-data").as_deref(), Some("echo a"));
        assert_eq!(h.previous("echo a"), None);
        assert_eq!(h.next("echo a").as_deref(), Some("ls /pod-data"));
        assert_eq!(h.next("ls /pod-data").as_deref(), Some("cat "));
        assert_eq!(h.next("cat "), None);
    }

    #[test]
    fn empty_lines_are_not_remembered_but_duplicates_and_blanks_are() {
        let h = with(&["echo a", "", "   ", "echo a", " echo b"]);
        assert_eq!(h.entries(), ["echo a", "   ", "echo a", " echo b"]);
    }

    #[test]
    fn edits_to_recalled_lines_survive_navigation() {
        let mut h = with(&["one", "two"]);
        assert_eq!(h.previous("").as_deref(), Some("two"));
        assert_eq!(h.previous("two!").as_deref(), Some("one"));
        assert_eq!(h.next("one").as_deref(), Some("two!"));
        h.push("two!");
        assert_eq!(h.entries(), ["one", "two", "two!"]);
        assert_eq!(h.previous("").as_deref(), Some("two!"));
    }

    #[test]
    fn up_on_empty_history_does_nothing() {
        let mut h = History::default();
        assert_eq!(h.previous("x"), None);
        assert_eq!(h.next("x"), None);
    }

    #[test]
    fn keeps_the_last_five_hundred() {
        let mut h = History::default();
        for i in 0..=HISTORY_SIZE {
            h.push(&format!("echo {i}"));
        }
        assert_eq!(h.entries().len(), HISTORY_SIZE);
        assert_eq!(h.entries().first().map(String::as_str), Some("echo 1"));
    }
}
