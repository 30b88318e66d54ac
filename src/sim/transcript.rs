//! Transcripts: command lines in, `$ line` / output / `[exit N]` out — the format of
//! `podscope shell` and of the golden recordings in `shared/golden/`.

use crate::sim::cluster::{Cluster, Terminal, TerminalResult};

/// The pseudo-container name that selects the kubectl terminal (`@kubectl`).
pub const KUBECTL: &str = Terminal::KUBECTL_NAME;

/// Runs command lines one after another, remembering which terminal is current.
#[derive(Debug, Clone)]
pub struct TranscriptRunner {
    /// The terminal lines currently run in.
    pub current: Terminal,
}

impl TranscriptRunner {
    /// Starts in the terminal a script calls `name` (a container, or `kubectl`).
    pub fn new(name: &str) -> Self {
        TranscriptRunner {
            current: Terminal::from_script_name(name),
        }
    }

    /// Runs one input line and returns what the transcript shows for it (possibly nothing).
    pub fn line(&mut self, cluster: &mut Cluster, line: &str) -> String {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if let Some(name) = line.strip_prefix('@') {
            self.current = Terminal::from_script_name(name.trim());
            return String::new();
        }
        let continued = cluster.is_continuing(&self.current);
        let result = cluster.run_line(&self.current, line);
        if let Some(next) = &result.open_terminal {
            self.current = next.clone();
        }
        format_entry(line, &result, continued)
    }

    /// Runs a whole script (one command per line), then ends the input.
    pub fn script(&mut self, cluster: &mut Cluster, script: &str) -> String {
        let mut text: String = script.lines().map(|l| self.line(cluster, l)).collect();
        text.push_str(&self.finish(cluster));
        text
    }

    /// The end of the input: an unfinished command in the current terminal is reported as
    /// bash does at end of file (what it printed, then `[exit N]`); empty when none was.
    pub fn finish(&mut self, cluster: &mut Cluster) -> String {
        let Some(result) = cluster.end_input(&self.current) else {
            return String::new();
        };
        let mut s = result.text;
        if !s.is_empty() && !s.ends_with('\n') {
            s.push('\n');
        }
        if let Some(status) = result.status {
            s.push_str(&format!("[exit {status}]\n"));
        }
        s
    }
}

/// `$ line` (`> line` for a line that continues an unfinished command, as PS2 shows it), the
/// output (ending in a newline), then `[exit N]` unless the command still runs or goes on.
pub fn format_entry(line: &str, result: &TerminalResult, continued: bool) -> String {
    let sign = if continued { '>' } else { '$' };
    let mut s = format!("{sign} {line}\n{}", result.text);
    if result.continues {
        return s;
    }
    if !result.text.is_empty() && !result.text.ends_with('\n') {
        s.push('\n');
    }
    if let Some(status) = result.status {
        s.push_str(&format!("[exit {status}]\n"));
    }
    s
}

/// The normalizations `shared/golden/README.md` allows, applied to a transcript so that a
/// simulated one and a recorded one can be compared: ANSI escapes stripped, product versions
/// and HTTP dates replaced, the ETag's time part dropped, `bash: line 1: ` shortened.
pub fn normalize(text: &str) -> String {
    let stripped = strip_ansi(text);
    stripped
        .lines()
        .map(normalize_line)
        .map(|l| l + "\n")
        .collect()
}

/// Removes ANSI CSI escape sequences (`ESC [ … letter`).
pub fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            chars.next();
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// One line of [`normalize`].
fn normalize_line(line: &str) -> String {
    let mut l = line.replace("bash: line 1: ", "bash: ");
    for product in ["nginx/", "curl/"] {
        l = replace_version(&l, product);
    }
    for header in ["Date: ", "Last-Modified: "] {
        if let Some(pos) = l.find(header) {
            l.truncate(pos + header.len());
            l.push_str("DATE");
        }
    }
    if let Some(pos) = l.find("ETag: \"") {
        let rest = &l[pos + 7..];
        if let Some(dash) = rest.find('-') {
            let size = rest[dash..].to_string();
            l = format!("{}ETag: \"MTIME{size}", &l[..pos]);
        }
    }
    l
}

/// Replaces `product/1.2.3` with `product/VERSION`.
fn replace_version(line: &str, product: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(pos) = rest.find(product) {
        let after = &rest[pos + product.len()..];
        let digits = after
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .count();
        out.push_str(&rest[..pos + product.len()]);
        if digits > 0 {
            out.push_str("VERSION");
        }
        rest = &after[digits..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_like_the_golden_readme() {
        let raw = "\u{1b}[1mServer\u{1b}[0m: nginx/1.22.1\r\nDate: Thu, 26 Nov 2026 05:20:02 GMT\nETag: \"6b07c182-20\"\nbash: line 1: x: command not found\nUser-Agent: curl/7.88.1";
        let n = normalize(raw);
        assert_eq!(
            n,
            "Server: nginx/VERSION\nDate: DATE\nETag: \"MTIME-20\"\nbash: x: command not found\nUser-Agent: curl/VERSION\n"
        );
    }

    #[test]
    fn entry_format() {
        let r = TerminalResult {
            text: "hi".into(),
            status: Some(0),
            ..Default::default()
        };
        assert_eq!(
            format_entry("echo -n hi", &r, false),
            "$ echo -n hi\nhi\n[exit 0]\n"
        );
        let blocked = TerminalResult {
            text: String::new(),
            status: None,
            ..Default::default()
        };
        assert_eq!(
            format_entry("sleep infinity", &blocked, false),
            "$ sleep infinity\n"
        );
        let more = TerminalResult {
            status: Some(0),
            continues: true,
            ..Default::default()
        };
        assert_eq!(format_entry("do", &more, true), "> do\n");
    }
}
