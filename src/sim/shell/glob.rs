//! Pathname expansion: `*`, `?` and `[…]` against the host's directories, sorted as in the C
//! locale, dotfiles only for a pattern that starts with a dot. No match: the word stays as typed.

use super::{ShellHost, State};

/// An expanded field: each character with whether it was quoted (quoted characters never glob).
pub(super) type Pattern = Vec<(char, bool)>;

/// True when the pattern has an unquoted `*`, `?` or `[`.
pub(super) fn is_glob(p: &[(char, bool)]) -> bool {
    p.iter().any(|&(c, q)| !q && matches!(c, '*' | '?' | '['))
}

/// The paths matching `pattern`, or `None` when it has no glob characters or matches nothing.
pub(super) fn expand(
    st: &State,
    host: &dyn ShellHost,
    pattern: &[(char, bool)],
) -> Option<Vec<String>> {
    if !is_glob(pattern) {
        return None;
    }
    let comps: Vec<&[(char, bool)]> = pattern.split(|&(c, _)| c == '/').collect();
    let absolute = pattern.first().is_some_and(|&(c, _)| c == '/');
    let mut found = vec![if absolute {
        "/".to_string()
    } else {
        String::new()
    }];
    let last = comps.len().saturating_sub(1);
    for (i, comp) in comps.iter().enumerate() {
        if comp.is_empty() {
            continue;
        }
        let sep = if i < last { "/" } else { "" };
        let mut next = Vec::new();
        for base in &found {
            if !is_glob(comp) {
                let lit: String = comp.iter().map(|&(c, _)| c).collect();
                next.push(format!("{base}{lit}{sep}"));
                continue;
            }
            let dir = st.abs(if base.is_empty() { "." } else { base });
            let mut names = host.list_dir(&dir).unwrap_or_default();
            names.sort();
            for name in names {
                let chars: Vec<char> = name.chars().collect();
                let hidden_ok =
                    !name.starts_with('.') || comp.first().is_some_and(|&(c, _)| c == '.');
                if hidden_ok && matches(comp, &chars) {
                    let path = format!("{base}{name}{sep}");
                    if i == last || host.is_dir(&st.abs(&path)) {
                        next.push(path);
                    }
                }
            }
        }
        found = next;
    }
    let mut found: Vec<String> = found
        .into_iter()
        .filter(|p| host.exists(&st.abs(p)))
        .collect();
    found.sort();
    if found.is_empty() {
        None
    } else {
        Some(found)
    }
}

/// A `[…]` class at the start of `p` (after the `[`): whether `c` is in it, and its length.
fn class(p: &[(char, bool)], c: char) -> Option<(bool, usize)> {
    let mut i = 0;
    let negate = matches!(p.first(), Some(&('!' | '^', false)));
    if negate {
        i += 1;
    }
    let mut hit = false;
    let mut first = true;
    loop {
        let &(lo, quoted) = p.get(i)?;
        if lo == ']' && !quoted && !first {
            return Some((hit != negate, i + 1));
        }
        first = false;
        if lo == '[' && !quoted && matches!(p.get(i + 1), Some(&(':', false))) {
            let name_start = i + 2;
            let close = (name_start..p.len()).find(|&j| {
                matches!(p.get(j), Some(&(':', _))) && matches!(p.get(j + 1), Some(&(']', _)))
            });
            if let Some(close) = close {
                let name: String = p.get(name_start..close)?.iter().map(|&(c, _)| c).collect();
                hit |= in_class(&name, c);
                i = close + 2;
                continue;
            }
        }
        match (p.get(i + 1), p.get(i + 2)) {
            (Some(&('-', false)), Some(&(hi, _))) if hi != ']' => {
                hit |= lo <= c && c <= hi;
                i += 3;
            }
            _ => {
                hit |= lo == c;
                i += 1;
            }
        }
    }
}

/// True when `c` is in the POSIX character class `name` (`alpha`, `digit`…; C locale).
fn in_class(name: &str, c: char) -> bool {
    match name {
        "alpha" => c.is_ascii_alphabetic(),
        "digit" => c.is_ascii_digit(),
        "alnum" => c.is_ascii_alphanumeric(),
        "upper" => c.is_ascii_uppercase(),
        "lower" => c.is_ascii_lowercase(),
        "space" => c.is_ascii_whitespace() || c == '\x0b',
        "blank" => c == ' ' || c == '\t',
        "punct" => c.is_ascii_punctuation(),
        "xdigit" => c.is_ascii_hexdigit(),
        "cntrl" => c.is_ascii_control(),
        "print" => (' '..='~').contains(&c),
        "graph" => ('!'..='~').contains(&c),
        "word" => c.is_ascii_alphanumeric() || c == '_',
        _ => false,
    }
}

/// True when `name` matches the glob `pattern` (iterative, backtracking only to the last `*`).
pub(super) fn matches(pattern: &[(char, bool)], name: &[char]) -> bool {
    let (mut p, mut n) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while n < name.len() {
        let c = name.get(n).copied().unwrap_or_default();
        let step = match pattern.get(p) {
            Some(&('*', false)) => {
                star = Some((p, n));
                p += 1;
                continue;
            }
            Some(&('?', false)) => Some(1),
            Some(&('[', false)) => match pattern.get(p + 1..).and_then(|rest| class(rest, c)) {
                Some((true, len)) => Some(len + 1),
                Some((false, _)) => None,
                None => (c == '[').then_some(1),
            },
            Some(&(pc, _)) => (pc == c).then_some(1),
            None => None,
        };
        match (step, star) {
            (Some(len), _) => {
                p += len;
                n += 1;
            }
            (None, Some((sp, sn))) => {
                p = sp + 1;
                n = sn + 1;
                star = Some((sp, sn + 1));
            }
            (None, None) => return false,
        }
    }
    pattern
        .get(p..)
        .is_some_and(|rest| rest.iter().all(|&(c, q)| c == '*' && !q))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &str, n: &str) -> bool {
        let pat: Pattern = p.chars().map(|c| (c, false)).collect();
        matches(&pat, &n.chars().collect::<Vec<_>>())
    }

    #[test]
    fn glob_matching() {
        assert!(m("*.html", "index.html"));
        assert!(!m("*.html", "index.htm"));
        assert!(m("i?dex*", "index.html"));
        assert!(m("[a-c]x", "bx"));
        assert!(!m("[!a-c]x", "bx"));
        assert!(m("*a*b*c", "xxaxxbxxc"));
        assert!(m("*", ""));
        assert!(m("f[[:alpha:]]", "fa"));
        assert!(!m("f[[:alpha:]]", "f1"));
        assert!(m("[![:digit:]x]", "a"));
        assert!(!m("?", ""));
        let quoted: Pattern = vec![('*', true)];
        assert!(!matches(&quoted, &['a']));
    }
}
