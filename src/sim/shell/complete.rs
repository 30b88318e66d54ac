//! Tab completion as bash does it: command names (builtins, keywords, PATH) for the first word
//! of a command, file names after; one match gets a `/` (directory) or a space appended.

use super::builtins::{BUILTINS, KEYWORDS};
use super::{ShellHost, State};

/// What Tab offers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Completion {
    /// Byte offset in the line where the word being completed starts.
    pub start: usize,
    /// Every candidate, sorted (directories end with `/`), as bash lists them on a second Tab.
    pub candidates: Vec<String>,
    /// Text to insert at the cursor: the rest of the longest common prefix, plus `/` or a space
    /// when there is exactly one candidate.
    pub insert: String,
}

fn common_prefix(items: &[String]) -> String {
    let Some(first) = items.first() else {
        return String::new();
    };
    let mut len = first.len();
    for s in items.iter().skip(1) {
        len = first
            .char_indices()
            .zip(s.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((i, a), _)| i + a.len_utf8())
            .min(len);
    }
    first.get(..len).unwrap_or("").to_string()
}

/// Completes the word before byte offset `cursor` of `line`.
pub(super) fn complete(st: &State, line: &str, cursor: usize, host: &dyn ShellHost) -> Completion {
    let mut cursor = cursor.min(line.len());
    while !line.is_char_boundary(cursor) {
        cursor = cursor.saturating_sub(1);
    }
    let before = line.get(..cursor).unwrap_or("");
    let start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, ';' | '|' | '&' | '<' | '>' | '('))
        .map_or(0, |i| i + 1);
    let word = before.get(start..).unwrap_or("");
    let head = before.get(..start).unwrap_or("").trim_end();
    let command_position = head.is_empty() || head.ends_with([';', '|', '&', '(']);
    let mut candidates: Vec<String> = if command_position && !word.contains('/') {
        commands(st, word, host)
    } else {
        paths(st, word, host)
    };
    candidates.sort();
    candidates.dedup();
    let mut insert = common_prefix(&candidates)
        .get(word.len()..)
        .unwrap_or("")
        .to_string();
    if let [only] = candidates.as_slice() {
        if !only.ends_with('/') {
            insert.push(' ');
        }
    }
    Completion {
        start,
        candidates,
        insert,
    }
}

fn commands(st: &State, word: &str, host: &dyn ShellHost) -> Vec<String> {
    let mut found: Vec<String> = BUILTINS
        .iter()
        .chain(KEYWORDS.iter())
        .filter(|b| b.starts_with(word))
        .map(|b| b.to_string())
        .collect();
    for dir in st
        .get("PATH")
        .unwrap_or("")
        .split(':')
        .filter(|d| !d.is_empty())
    {
        for name in host.list_dir(dir).unwrap_or_default() {
            if name.starts_with(word) && !host.is_dir(&format!("{dir}/{name}")) {
                found.push(name);
            }
        }
    }
    found
}

fn paths(st: &State, word: &str, host: &dyn ShellHost) -> Vec<String> {
    let (dir_typed, prefix) = match word.rfind('/') {
        Some(i) => word.split_at(i + 1),
        None => ("", word),
    };
    let dir_typed_expanded = match dir_typed.strip_prefix('~') {
        Some(rest) => format!("{}{rest}", st.get("HOME").unwrap_or("")),
        None => dir_typed.to_string(),
    };
    let dir = st.abs(if dir_typed_expanded.is_empty() {
        "."
    } else {
        &dir_typed_expanded
    });
    let mut found = Vec::new();
    for name in host.list_dir(&dir).unwrap_or_default() {
        if !name.starts_with(prefix) || (name.starts_with('.') && !prefix.starts_with('.')) {
            continue;
        }
        let full = format!("{dir_typed}{name}");
        let is_dir = host.is_dir(&st.abs(&format!("{dir_typed_expanded}{name}")));
        found.push(if is_dir { format!("{full}/") } else { full });
    }
    found
}
