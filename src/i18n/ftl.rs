//! The catalogue file format: a small subset of Project Fluent's syntax (`key = value` lines,
//! `#` comments, indented continuation lines joined with a space, `{name}` placeholders,
//! `{" "}` quoted literals for edge spaces). Shared
//! by `build.rs`, which turns the files into tables at compile time, and by the tests that
//! compare catalogues: no parser ships in the app.

/// One message: its key, its text and the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The key (`controls.play`).
    pub key: String,
    /// The text, continuation lines joined with single spaces.
    pub text: String,
    /// 1-based line number of the key.
    pub line: usize,
}

/// Reads a catalogue; a line that is neither a comment, a continuation nor `key = value` is an
/// error naming its line.
pub fn parse(source: &str) -> Result<Vec<Entry>, String> {
    let mut entries: Vec<Entry> = Vec::new();
    for (index, raw) in source.lines().enumerate() {
        let line = index + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if raw.starts_with(' ') || raw.starts_with('\t') {
            match entries.last_mut() {
                Some(last) => {
                    if !last.text.is_empty() {
                        last.text.push(' ');
                    }
                    last.text.push_str(&literals(trimmed));
                }
                None => return Err(format!("line {line}: a continuation line before any key")),
            }
            continue;
        }
        let Some((key, text)) = raw.split_once('=') else {
            return Err(format!("line {line}: expected `key = value`"));
        };
        let key = key.trim();
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
        {
            return Err(format!(
                "line {line}: `{key}` is not a key (letters, digits, . _ -)"
            ));
        }
        if entries.iter().any(|e| e.key == key) {
            return Err(format!("line {line}: `{key}` is defined twice"));
        }
        entries.push(Entry {
            key: key.to_string(),
            text: literals(text.trim()),
            line,
        });
    }
    Ok(entries)
}

/// Replaces Fluent's quoted literals (`{" "}`, for a space the trimming would drop) by their
/// text.
fn literals(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("{\"") {
        let after = &rest[open + 2..];
        match after.find("\"}") {
            Some(close) => {
                out.push_str(&rest[..open]);
                out.push_str(&after[..close]);
                rest = &after[close + 2..];
            }
            None => break,
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` placeholders of a text, sorted, each once.
pub fn placeholders(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            names.push(name.to_string());
        }
        rest = &after[close + 1..];
    }
    names.sort();
    names.dedup();
    names
}
