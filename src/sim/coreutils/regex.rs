//! The part of POSIX regular expressions `grep` needs here: literals, `.`, `*`, `[…]`,
//! `[^…]`, `^`, `$`, `\` escapes and top-level alternation (`a|b` with `-E`, GNU's `a\|b`
//! without), matched by an NFA simulation (linear in the line length, so a
//! pattern like `a*a*a*b` cannot blow up).

/// One position of the pattern.
#[derive(Debug, Clone)]
enum Atom {
    /// `.`: any byte.
    Any,
    /// A literal byte.
    Lit(u8),
    /// A bracket expression: byte ranges, negated or not.
    Class {
        negated: bool,
        ranges: Vec<(u8, u8)>,
    },
}

/// A compiled pattern: it matches when one of its alternatives does.
#[derive(Debug, Clone)]
pub(super) struct Pattern {
    branches: Vec<Branch>,
}

impl Pattern {
    /// Compiles a basic (or, `extended`, an extended) regular expression; `fixed`: every byte is
    /// literal, like `grep -F`.
    pub fn new(pattern: &str, ignore_case: bool, fixed: bool, extended: bool) -> Pattern {
        let parts = if fixed {
            vec![pattern.to_string()]
        } else {
            split_alternatives(pattern, extended)
        };
        Pattern {
            branches: parts
                .iter()
                .map(|p| Branch::new(p, ignore_case, fixed))
                .collect(),
        }
    }

    /// True when the pattern matches somewhere in `line` (without its newline).
    pub fn is_match(&self, line: &[u8]) -> bool {
        self.branches.iter().any(|b| b.is_match(line))
    }
}

/// Splits a pattern at its top-level `|` (extended) or `\|` (basic), outside bracket expressions.
fn split_alternatives(pattern: &str, extended: bool) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut chars = pattern.chars().peekable();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        if in_class {
            current.push(c);
            if c == ']' && !current.ends_with("[]") && !current.ends_with("[^]") {
                in_class = false;
            }
            continue;
        }
        match c {
            '[' => {
                in_class = true;
                current.push(c);
            }
            '|' if extended => parts.push(std::mem::take(&mut current)),
            '\\' if !extended && chars.peek() == Some(&'|') => {
                chars.next();
                parts.push(std::mem::take(&mut current));
            }
            '\\' => {
                current.push(c);
                if let Some(next) = chars.next() {
                    current.push(next);
                }
            }
            _ => current.push(c),
        }
    }
    parts.push(current);
    parts
}

/// One alternative of a pattern, compiled to positions of an NFA.
#[derive(Debug, Clone)]
struct Branch {
    pieces: Vec<(Atom, bool)>,
    anchored_start: bool,
    anchored_end: bool,
    ignore_case: bool,
}

impl Branch {
    /// Compiles one alternative (`fixed`: every byte is literal).
    fn new(pattern: &str, ignore_case: bool, fixed: bool) -> Branch {
        let bytes = pattern.as_bytes();
        let mut pieces: Vec<(Atom, bool)> = Vec::new();
        let mut i = 0;
        let anchored_start = !fixed && bytes.first() == Some(&b'^');
        if anchored_start {
            i = 1;
        }
        let mut end = bytes.len();
        let anchored_end =
            !fixed && end > i && bytes.last() == Some(&b'$') && !escaped_at(bytes, end - 1);
        if anchored_end {
            end -= 1;
        }
        while i < end {
            let b = bytes.get(i).copied().unwrap_or_default();
            i += 1;
            if fixed {
                pieces.push((Atom::Lit(b), false));
                continue;
            }
            let atom = match b {
                b'.' => Atom::Any,
                b'*' if !pieces.is_empty() => {
                    if let Some(last) = pieces.last_mut() {
                        last.1 = true;
                    }
                    continue;
                }
                b'\\' if i < end => {
                    i += 1;
                    Atom::Lit(bytes.get(i - 1).copied().unwrap_or_default())
                }
                b'[' => match parse_class(bytes.get(i..end).unwrap_or_default()) {
                    Some((atom, used)) => {
                        i += used;
                        atom
                    }
                    None => Atom::Lit(b'['),
                },
                other => Atom::Lit(other),
            };
            pieces.push((atom, false));
        }
        Branch {
            pieces,
            anchored_start,
            anchored_end,
            ignore_case,
        }
    }

    /// True when this alternative matches somewhere in `line`.
    fn is_match(&self, line: &[u8]) -> bool {
        let n = self.pieces.len();
        let mut states = vec![false; n + 1];
        self.add(&mut states, 0);
        for &b in line {
            if states.get(n) == Some(&true) && !self.anchored_end {
                return true;
            }
            let mut next = vec![false; n + 1];
            for (s, (atom, star)) in self.pieces.iter().enumerate() {
                if states.get(s) == Some(&true) && self.atom_matches(atom, b) {
                    self.add(&mut next, if *star { s } else { s + 1 });
                }
            }
            if !self.anchored_start {
                self.add(&mut next, 0);
            }
            states = next;
        }
        states.get(n) == Some(&true)
    }

    /// Marks state `s` and everything reachable from it without input (skipping starred atoms).
    fn add(&self, states: &mut [bool], mut s: usize) {
        while let Some(slot) = states.get_mut(s) {
            *slot = true;
            match self.pieces.get(s) {
                Some((_, true)) => s += 1,
                _ => break,
            }
        }
    }

    fn atom_matches(&self, atom: &Atom, b: u8) -> bool {
        let fold = |x: u8| {
            if self.ignore_case {
                x.to_ascii_lowercase()
            } else {
                x
            }
        };
        match atom {
            Atom::Any => b != b'\n',
            Atom::Lit(l) => fold(*l) == fold(b),
            Atom::Class { negated, ranges } => {
                let hit = ranges.iter().any(|(lo, hi)| {
                    (*lo..=*hi).contains(&b)
                        || (self.ignore_case
                            && ((*lo..=*hi).contains(&b.to_ascii_lowercase())
                                || (*lo..=*hi).contains(&b.to_ascii_uppercase())))
                });
                hit != *negated
            }
        }
    }
}

/// True when the byte at `idx` is preceded by an odd number of backslashes.
fn escaped_at(bytes: &[u8], idx: usize) -> bool {
    bytes
        .get(..idx)
        .unwrap_or_default()
        .iter()
        .rev()
        .take_while(|b| **b == b'\\')
        .count()
        % 2
        == 1
}

/// Parses a bracket expression after `[`; returns the atom and the bytes used (including `]`).
fn parse_class(bytes: &[u8]) -> Option<(Atom, usize)> {
    let mut i = 0;
    let negated = bytes.first() == Some(&b'^');
    if negated {
        i = 1;
    }
    let mut ranges = Vec::new();
    let mut first = true;
    loop {
        let b = *bytes.get(i)?;
        if b == b']' && !first {
            return Some((Atom::Class { negated, ranges }, i + 1));
        }
        first = false;
        if bytes.get(i + 1) == Some(&b'-') && bytes.get(i + 2).is_some_and(|c| *c != b']') {
            let hi = *bytes.get(i + 2)?;
            ranges.push((b, hi));
            i += 3;
        } else {
            ranges.push((b, b));
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Pattern;

    fn m(p: &str, s: &str) -> bool {
        Pattern::new(p, false, false, false).is_match(s.as_bytes())
    }

    #[test]
    fn basic_regular_expressions() {
        assert!(m("deb", "Hello from the debian container"));
        assert!(m("^Hel", "Hello"));
        assert!(!m("^el", "Hello"));
        assert!(m("lo$", "Hello"));
        assert!(!m("l$", "Hello"));
        assert!(m("H.l*o", "Hello"));
        assert!(m("a*", ""));
        assert!(m("^$", ""));
        assert!(m("[0-9][0-9]*", "port 80"));
        assert!(!m("[^a-z]", "abc"));
        assert!(m("a\\.b", "a.b"));
        assert!(!m("a\\.b", "axb"));
        assert!(m("*x", "a*x"));
        assert!(Pattern::new("HELLO", true, false, false).is_match(b"hello"));
        assert!(Pattern::new("a.*", false, true, false).is_match(b"xa.*"));
        assert!(!Pattern::new("a.*", false, true, false).is_match(b"ab"));
        assert!(!m("a*a*a*a*a*a*a*a*b", &"a".repeat(5000)));
    }

    // GNU grep 3.8: `-E 'a|b'` and basic `a\|b` are alternations; a `|` in brackets is literal.
    #[test]
    fn alternation() {
        let e = |p: &str, s: &str| Pattern::new(p, false, false, true).is_match(s.as_bytes());
        assert!(e("pod-data|nginx", "/usr/share/nginx/html"));
        assert!(e("^x|data$", "pod-data"));
        assert!(!e("^x|^y", "pod-data"));
        assert!(e("[|]", "a|b"));
        assert!(!e("[|]x", "ab"));
        assert!(m("a\\|b", "b"));
        assert!(m("a|b", "a|b"));
        assert!(!m("a|b", "b"));
    }
}
