//! POSIX regular expressions (basic, as GNU sed reads them, and extended, as `sed -E` and awk
//! read them) translated into the syntax of the `regex-lite` crate, which then matches them.
//!
//! The translation follows GNU: in a basic RE `\(`, `\)`, `\{`, `\}`, `\+`, `\?` and `\|` are
//! operators and their bare forms are literals; `*` at the start is literal; `^` and `$` anchor
//! only at the ends of the RE or of a group; a backslash inside a bracket expression is a
//! literal; `.` matches a newline too. One thing differs and says so: POSIX picks the leftmost
//! *longest* match, regex-lite the leftmost match of its first alternative (`a|ab` on `ab`).
//! Back-references inside a pattern (`\(a\)\1`) are refused with a clear message.

use regex_lite::{Regex, RegexBuilder};

/// Which POSIX dialect a pattern is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    /// Basic regular expressions (`sed`, `grep`).
    Basic,
    /// Extended regular expressions (`sed -E`, `grep -E`, awk).
    Extended,
}

/// Compiles `pattern`; the error is a short reason (callers add their own prefix).
pub(crate) fn compile(pattern: &str, dialect: Dialect, ignore_case: bool) -> Result<Regex, String> {
    let translated = translate(pattern, dialect)?;
    RegexBuilder::new(&translated)
        .case_insensitive(ignore_case)
        .dot_matches_new_line(true)
        .build()
        .map_err(|e| {
            let text = e.to_string();
            if text.contains("unclosed group") || text.contains("unopened group") {
                "Unmatched ( or \\(".to_string()
            } else if text.contains("unclosed character class") {
                "unterminated address regex".to_string()
            } else {
                "Invalid preceding regular expression".to_string()
            }
        })
}

/// The regex-lite spelling of a POSIX pattern.
pub(crate) fn translate(pattern: &str, dialect: Dialect) -> Result<String, String> {
    let basic = dialect == Dialect::Basic;
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut i = 0;
    // True where a `*` would be literal (start of the RE or of a group, after `|` or `^`).
    let mut at_start = true;
    while let Some(&c) = chars.get(i) {
        let next = chars.get(i + 1).copied();
        let was_start = at_start;
        at_start = false;
        match c {
            '\\' => {
                let Some(n) = next else {
                    return Err("Trailing backslash".into());
                };
                i += 1;
                match n {
                    '(' | ')' | '{' | '}' | '|' | '+' | '?' if basic => {
                        out.push(n);
                        at_start = n == '(' || n == '|';
                    }
                    '1'..='9' => return Err(
                        "podscope: back-references inside a regular expression are not simulated"
                            .into(),
                    ),
                    'n' => out.push_str("\\n"),
                    't' => out.push_str("\\t"),
                    'w' | 'W' | 's' | 'S' | 'b' | 'B' | '<' | '>' => {
                        out.push('\\');
                        out.push(n);
                    }
                    '`' => out.push_str("\\A"),
                    '\'' => out.push_str("\\z"),
                    other => push_literal(&mut out, other),
                }
            }
            '[' => {
                i = bracket(&chars, i, &mut out)?;
                continue;
            }
            '*' if was_start => out.push_str("\\*"),
            '^' if basic && !was_start => out.push_str("\\^"),
            '^' => {
                out.push('^');
                at_start = true;
            }
            '$' if basic && !ends_here(&chars, i + 1) => out.push_str("\\$"),
            '(' | ')' | '{' | '}' | '|' | '+' | '?' if basic => push_literal(&mut out, c),
            '(' | '|' => {
                out.push(c);
                at_start = true;
            }
            '{' if was_start => out.push_str("\\{"),
            '.' | '*' | '$' | ')' | '{' | '}' | '+' | '?' => out.push(c),
            other => push_literal(&mut out, other),
        }
        i += 1;
    }
    Ok(out)
}

/// True when a basic RE's `$` at `i - 1` anchors: at the end, or before `\)` or `\|`.
fn ends_here(chars: &[char], i: usize) -> bool {
    match chars.get(i) {
        None => true,
        Some('\\') => matches!(chars.get(i + 1), Some(')') | Some('|')),
        _ => false,
    }
}

/// Appends `c` so that regex-lite reads it literally.
fn push_literal(out: &mut String, c: char) {
    if r"\.+*?()|[]{}^$#&-~".contains(c) {
        out.push('\\');
    }
    out.push(c);
}

/// Copies the bracket expression starting at `chars[start] == '['`; returns the index after it.
fn bracket(chars: &[char], start: usize, out: &mut String) -> Result<usize, String> {
    let mut i = start + 1;
    out.push('[');
    if chars.get(i) == Some(&'^') {
        out.push('^');
        i += 1;
    }
    let mut first = true;
    loop {
        let Some(&c) = chars.get(i) else {
            return Err("Unmatched [, [^, [:, [., or [=".into());
        };
        match c {
            ']' if !first => {
                out.push(']');
                return Ok(i + 1);
            }
            '[' if matches!(chars.get(i + 1), Some(':') | Some('.') | Some('=')) => {
                let kind = chars.get(i + 1).copied().unwrap_or(':');
                let close = (i + 2..chars.len().saturating_sub(1))
                    .find(|&j| chars.get(j) == Some(&kind) && chars.get(j + 1) == Some(&']'))
                    .ok_or("Unmatched [, [^, [:, [., or [=")?;
                let name: String = chars.get(i + 2..close).unwrap_or_default().iter().collect();
                if kind == ':' {
                    out.push_str(&format!("[:{name}:]"));
                } else {
                    name.chars().for_each(|n| push_class_char(out, n));
                }
                i = close + 2;
            }
            other => {
                push_class_char(out, other);
                i += 1;
            }
        }
        first = false;
    }
}

/// Appends one character of a bracket expression (POSIX: everything but `]`, `-`, `^` is literal).
fn push_class_char(out: &mut String, c: char) {
    if matches!(c, '\\' | '[' | ']' | '&' | '~') {
        out.push('\\');
    }
    out.push(c);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(p: &str) -> String {
        translate(p, Dialect::Basic).unwrap_or_else(|e| format!("ERR {e}"))
    }

    #[test]
    fn basic_operators_and_literals() {
        assert_eq!(t(r"\(a\)\{2\}"), "(a){2}");
        assert_eq!(t("a+b?(c)|{"), r"a\+b\?\(c\)\|\{");
        assert_eq!(t("*a"), r"\*a");
        assert_eq!(t("a^b$c$"), r"a\^b\$c$");
        assert_eq!(t(r"[\.]x"), r"[\\.]x");
        assert_eq!(t("[]a]"), r"[\]a]");
        assert_eq!(t("[[:digit:]]"), "[[:digit:]]");
        assert!(t(r"\(a\)\1").starts_with("ERR podscope"));
        let e = translate("(a|b)+", Dialect::Extended).unwrap_or_default();
        assert_eq!(e, "(a|b)+");
    }

    #[test]
    fn compiled_patterns_match_like_posix() {
        let re = compile(r"^\(.*\) \(.*\)$", Dialect::Basic, false).unwrap_or_else(|_| {
            compile("x", Dialect::Basic, false).unwrap_or_else(|_| unreachable!())
        });
        assert!(re.is_match("john smith"));
        let re = compile("a.c", Dialect::Basic, true);
        assert!(re.is_ok_and(|r| r.is_match("A\nC")));
        assert!(compile(r"\(a", Dialect::Basic, false).is_err());
    }
}
