//! What `grep` matches: its patterns (`-e`, `-f`, one per line), read as basic, extended
//! (`-E`) or fixed (`-F`) strings, ignoring case (`-i`), as whole words (`-w`) or whole lines
//! (`-x`); compiled by `posix_regex` into one `regex-lite` alternation.

use super::posix_regex::{translate, Dialect};
use regex_lite::{Regex, RegexBuilder};

/// How the patterns are read.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Syntax {
    /// `-E`.
    pub extended: bool,
    /// `-F`.
    pub fixed: bool,
    /// `-i`.
    pub ignore_case: bool,
    /// `-w`.
    pub words: bool,
    /// `-x`.
    pub lines: bool,
}

/// The compiled patterns.
pub(super) struct Matcher {
    re: Regex,
    words: bool,
}

impl Matcher {
    /// Compiles `patterns` (each may hold several, one a line); the error is grep's message.
    pub(super) fn new(patterns: &[String], syntax: Syntax) -> Result<Matcher, String> {
        let mut parts = Vec::new();
        for p in patterns.iter().flat_map(|p| p.split('\n')) {
            let part = if syntax.fixed {
                regex_lite::escape(p)
            } else {
                let dialect = if syntax.extended {
                    Dialect::Extended
                } else {
                    Dialect::Basic
                };
                translate(p, dialect)?
            };
            parts.push(if syntax.lines {
                format!("^(?:{part})$")
            } else {
                format!("(?:{part})")
            });
        }
        let re = RegexBuilder::new(&parts.join("|"))
            .case_insensitive(syntax.ignore_case)
            .build()
            .map_err(|e| message(&e.to_string()))?;
        Ok(Matcher {
            re,
            words: syntax.words,
        })
    }

    /// True when the line (without its newline) holds a match.
    pub(super) fn is_match(&self, line: &str) -> bool {
        self.find_at(line, 0).is_some()
    }

    /// Every non-empty match in the line, left to right (what `-o` prints).
    pub(super) fn matches<'l>(&self, line: &'l str) -> Vec<&'l str> {
        let mut out = Vec::new();
        let mut at = 0;
        while let Some((s, e)) = self.find_at(line, at) {
            if e > s {
                out.extend(line.get(s..e));
                at = e;
            } else {
                at = next_char(line, e);
            }
            if at > line.len() {
                break;
            }
        }
        out
    }

    /// The first match starting at or after byte `at`; with `-w`, the first one with a
    /// non-word character (or the line's edge) on both sides.
    fn find_at(&self, line: &str, mut at: usize) -> Option<(usize, usize)> {
        loop {
            if at > line.len() {
                return None;
            }
            let m = self.re.find_at(line, at)?;
            if !self.words || (!word_before(line, m.start()) && !word_at(line, m.end())) {
                return Some((m.start(), m.end()));
            }
            at = next_char(line, m.start());
        }
    }
}

/// grep's wording of a pattern regex-lite refused.
fn message(err: &str) -> String {
    if err.contains("open group") {
        "Unmatched ( or \\(".to_string()
    } else if err.contains("closing ')'") {
        "Unmatched ) or \\)".to_string()
    } else if err.contains("character class") && err.contains("clos") {
        "Unmatched [, [^, [:, [., or [=".to_string()
    } else if err.contains("unclosed") && err.contains("repetition") {
        "Unmatched \\{".to_string()
    } else if err.contains("repetition") {
        "Invalid content of \\{\\}".to_string()
    } else {
        "Invalid regular expression".to_string()
    }
}

/// A word constituent for `-w`: a letter, a digit or `_`, as the C locale has them (ASCII: a
/// container has no `LANG`, so GNU grep finds `a` as a word in `éa`).
fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

fn word_before(line: &str, i: usize) -> bool {
    line.get(..i)
        .and_then(|s| s.chars().next_back())
        .is_some_and(is_word)
}

fn word_at(line: &str, i: usize) -> bool {
    line.get(i..)
        .and_then(|s| s.chars().next())
        .is_some_and(is_word)
}

/// The byte offset after the character at `i` (past the end: `len + 1`).
fn next_char(line: &str, i: usize) -> usize {
    line.get(i..)
        .and_then(|s| s.chars().next())
        .map_or(line.len() + 1, |c| i + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &[&str], s: Syntax) -> Matcher {
        let p: Vec<String> = p.iter().map(|x| x.to_string()).collect();
        Matcher::new(&p, s).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn words_fixed_and_several_patterns() {
        let w = Syntax {
            words: true,
            ..Syntax::default()
        };
        assert!(!m(&["cat"], w).is_match("catalog"));
        assert!(m(&["cat"], w).is_match("a catalog, cat."));
        let f = Syntax {
            fixed: true,
            ..Syntax::default()
        };
        assert_eq!(m(&["a.b"], f).matches("a.b axb a.b"), ["a.b", "a.b"]);
        assert!(m(&["one", "three"], Syntax::default()).is_match("three"));
        assert_eq!(m(&["a*"], Syntax::default()).matches("baab"), ["aa"]);
        assert!(m(&["^[[:digit:]]"], Syntax::default()).is_match("123"));
        let e = Syntax {
            extended: true,
            ..Syntax::default()
        };
        assert_eq!(m(&["[0-9]+"], e).matches("x=1 y=22"), ["1", "22"]);
        assert!(Matcher::new(&["(".to_string()], e).is_err());
    }
}
