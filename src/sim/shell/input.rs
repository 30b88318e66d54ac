//! Interactive input as bash reads it: a typed line that leaves a command incomplete (an open
//! quote, a final `\`, `if` without `fi`, a here-document without its delimiter…) is kept, PS2
//! (`> `) is shown, and the next line is added to it. History keeps the command as one entry,
//! joined the way bash's `cmdhist` joins it (`for i in 1 2; do echo $i; done`).

use super::parser::{self, ParseError, Parsed};

/// Why the shell waits for another line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Wait {
    /// Inside quotes, `$(`, `` ` `` or `${`: the newline is part of the text.
    Quote,
    /// The grammar needs more (`then`, `done`, a command after `|`…).
    Tokens,
    /// The line ended in `\`: the next line continues it.
    Backslash,
    /// Inside a here-document: until the delimiter line (tabs stripped first for `<<-`).
    HereDoc { delim: String, strip: bool },
}

/// The lines of an incomplete command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Pending {
    /// The lines so far, joined by newlines: what the parser reads.
    pub(super) text: String,
    /// What is missing.
    pub(super) wait: Wait,
    /// Nesting of `case … esac` seen so far (a `)` there ends a pattern, not a subshell).
    case_depth: usize,
}

/// What one typed line leads to.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Step {
    /// The command is complete: run it.
    Run(Parsed),
    /// Not complete yet: show PS2.
    More(Pending),
    /// A syntax error.
    Error(ParseError),
}

/// Adds `line` to what was pending (if anything) and decides what happens next.
pub(super) fn step(pending: Option<Pending>, line: &str) -> Step {
    let (text, case_depth) = match pending {
        Some(p) => {
            if let Wait::HereDoc { delim, strip } = &p.wait {
                // Fast path for long pasted documents: only the delimiter line can end it.
                let body_line = if *strip {
                    line.trim_start_matches('\t')
                } else {
                    line
                };
                if body_line != delim {
                    let text = format!("{}\n{line}", p.text);
                    return Step::More(Pending { text, ..p });
                }
            }
            (format!("{}\n{line}", p.text), p.case_depth)
        }
        None => (line.to_string(), 0),
    };
    let case_depth =
        (case_depth + count_words(line, "case")).saturating_sub(count_words(line, "esac"));
    match parser::parse_input(&text, true) {
        Ok(parsed) => match parsed.open_heredoc.clone() {
            Some((delim, strip)) => Step::More(Pending {
                text,
                wait: Wait::HereDoc { delim, strip },
                case_depth,
            }),
            None => Step::Run(parsed),
        },
        Err(e) if e.is_incomplete() => {
            let wait = match e {
                ParseError::Continuation => Wait::Backslash,
                ParseError::Unmatched(_) => Wait::Quote,
                _ => Wait::Tokens,
            };
            Step::More(Pending {
                text,
                wait,
                case_depth,
            })
        }
        Err(e) => Step::Error(e),
    }
}

fn count_words(line: &str, word: &str) -> usize {
    line.split(|c: char| c.is_whitespace() || c == ';')
        .filter(|w| *w == word)
        .count()
}

/// The history entry after `line` is added to `entry`, the entry of the command `before`
/// (the pending state before `line` was read), as bash does with `cmdhist` on.
pub(super) fn join_history(entry: &mut String, before: &Pending, line: &str) {
    match &before.wait {
        Wait::Quote => {
            entry.push('\n');
            entry.push_str(line);
        }
        Wait::HereDoc { .. } => {
            if !entry.ends_with('\n') {
                entry.push('\n');
            }
            entry.push_str(line);
            entry.push('\n');
        }
        Wait::Backslash => {
            entry.pop();
            entry.push_str(line);
        }
        Wait::Tokens => {
            if line.trim().is_empty() {
                return;
            }
            if !entry.ends_with('\n') {
                entry.push_str(separator(entry, line, before.case_depth > 0));
            }
            entry.push_str(line);
        }
    }
}

/// What bash puts between two lines of one command: `"; "` unless the first ends where a
/// `;` cannot follow (`then`, `do`, `|`, `{`, `(`, `&&`…).
fn separator(before: &str, line: &str, in_case: bool) -> &'static str {
    let trimmed = before.trim_end();
    if trimmed.is_empty() {
        return "";
    }
    if trimmed.ends_with(['\n', '{', '(', ';', '&', '|']) {
        return " ";
    }
    let words: Vec<&str> = trimmed.split_whitespace().collect();
    if trimmed.ends_with(')') {
        let compact: String = trimmed.chars().filter(|c| !c.is_whitespace()).collect();
        return if compact.ends_with("()") || in_case {
            " "
        } else {
            "; "
        };
    }
    match words.as_slice() {
        [.., "function", _] => " ",
        [.., "for", _] if line.trim_start().starts_with("in") => " ",
        [.., "for", _] => ";",
        [.., last] if NO_SEMI.contains(last) => " ",
        _ => "; ",
    }
}

/// Words after which bash joins the next line with a space, not `; `.
const NO_SEMI: [&str; 9] = [
    "case", "do", "else", "if", "then", "until", "while", "in", "elif",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Feeds `lines` one by one; returns the history entry and whether the command is complete.
    fn feed(lines: &[&str]) -> (String, bool) {
        let mut pending: Option<Pending> = None;
        let mut entry = String::new();
        let mut complete = false;
        for line in lines {
            match &pending {
                None => entry = line.to_string(),
                Some(p) => join_history(&mut entry, p, line),
            }
            match step(pending.take(), line) {
                Step::More(p) => pending = Some(p),
                Step::Run(_) => complete = true,
                Step::Error(e) => panic!("{e}"),
            }
        }
        (entry, complete)
    }

    #[test]
    fn history_joins_lines_as_bash_cmdhist() {
        // Entries recorded from `history` in an interactive bash 5.2.15 (under `script`).
        let cases: [(&[&str], &str); 8] = [
            (
                &["for i in 1 2", "do", "echo $i", "done"],
                "for i in 1 2; do echo $i; done",
            ),
            (
                &["if true", "then echo yes", "fi"],
                "if true; then echo yes; fi",
            ),
            (&["cat <<EOF", "hello", "EOF"], "cat <<EOF\nhello\nEOF\n"),
            (&["echo 'a", "b'"], "echo 'a\nb'"),
            (&["echo a \\", "b"], "echo a b"),
            (&["f() {", "echo f", "}"], "f() { echo f; }"),
            (&["echo a |", "cat"], "echo a | cat"),
            (
                &["case x in", "x) echo x;;", "esac"],
                "case x in x) echo x;; esac",
            ),
        ];
        for (lines, want) in cases {
            assert_eq!(feed(lines), (want.to_string(), true), "{lines:?}");
        }
        assert_eq!(feed(&["echo $(echo", "hi)"]).0, "echo $(echo\nhi)");
    }

    #[test]
    fn incomplete_until_the_end() {
        assert!(!feed(&["while true", "do"]).1);
        assert!(!feed(&["cat <<EOF", "x"]).1);
        assert!(!feed(&["cat <<-EOF", "x", "EOF "]).1);
        assert!(feed(&["cat <<-EOF", "x", "\tEOF"]).1);
        assert!(!feed(&["echo \"a"]).1);
        assert!(!feed(&["[[ a == b"]).1);
        assert!(feed(&["echo a \\\\"]).1);
    }
}
