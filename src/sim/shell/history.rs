//! History expansion, as an interactive bash applies it to each line it reads before parsing:
//! `!!`, `!N`, `!-N`, `!STRING`, `!?STRING?`, the word designators (`!$`, `!^`, `!*`,
//! `!!:N`, `:N-M`) and the quick substitution `^old^new`. Not inside single quotes, not after
//! a backslash, not before a blank, `=` or `(`, and not in `${!…}`. Modifiers (`:h`, `:s/a/b/`…)
//! are not simulated and say so.

/// What history expansion did to a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Expansion {
    /// Nothing to expand.
    Unchanged,
    /// The line as expanded (bash prints it before running it).
    Expanded(String),
    /// The line does not run: the message after `bash: `.
    Failed(String),
    /// The line changed without anything expanded, so bash does not show it: a `^old^new`
    /// inside a continued single quote becomes `!!:s^old^new`, as bash rewrites it before
    /// finding nothing to expand there.
    Rewritten(String),
}

/// True when `text` (the lines of a command typed so far) ends inside single quotes, where a
/// continuation line gets no history expansion.
pub(super) fn ends_in_single_quote(text: &str) -> bool {
    let (mut single, mut double, mut escaped) = (false, false, false);
    for c in text.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' if !single => escaped = true,
            '\'' if !double => single = !single,
            '"' if !single => double = !double,
            _ => {}
        }
    }
    single
}

/// Expands `line` against `history` (oldest first, the current line not in it yet);
/// `in_single`: the line continues a single-quoted string.
pub(super) fn expand(line: &str, history: &[String], in_single: bool) -> Expansion {
    if let Some(rest) = line.strip_prefix('^') {
        if in_single {
            return Expansion::Rewritten(format!("!!:s^{rest}"));
        }
        return quick_substitution(rest, history);
    }
    if !line.contains('!') {
        return Expansion::Unchanged;
    }
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let (mut single, mut double, mut changed) = (in_single, false, false);
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        match c {
            '\\' if !single => {
                out.push(c);
                if let Some(&n) = chars.get(i + 1) {
                    out.push(n);
                }
                i += 2;
                continue;
            }
            '\'' if !double => single = !single,
            '"' if !single => double = !double,
            '!' if !single && expands_here(&chars, i, double) => {
                match event(&chars, i, history, &out) {
                    Ok((text, next)) => {
                        out.push_str(&text);
                        i = next;
                        changed = true;
                        continue;
                    }
                    Err(msg) => return Expansion::Failed(msg),
                }
            }
            _ => {}
        }
        out.push(c);
        i += 1;
    }
    if changed {
        Expansion::Expanded(out)
    } else {
        Expansion::Unchanged
    }
}

/// True when the `!` at `i` starts a history reference.
fn expands_here(chars: &[char], i: usize, double: bool) -> bool {
    let next = chars.get(i + 1).copied();
    if matches!(next, None | Some(' ' | '\t' | '\n' | '=' | '(')) || (double && next == Some('"')) {
        return false;
    }
    let before = |k: usize| i.checked_sub(k).and_then(|j| chars.get(j)).copied();
    let closes = |c: char| chars.get(i + 1..).is_some_and(|rest| rest.contains(&c));
    // `${!name}` and `$!` are parameter expansions, `[!…]` a glob bracket expression.
    !(before(1) == Some('{') && before(2) == Some('$') && closes('}'))
        && before(1) != Some('$')
        && !(before(1) == Some('[') && closes(']'))
}

/// The history event (and word designator) at `chars[start] == '!'`: its text and the index
/// after it.
fn event(
    chars: &[char],
    start: usize,
    history: &[String],
    so_far: &str,
) -> Result<(String, usize), String> {
    let mut i = start + 1;
    let stop = |c: char| c.is_whitespace() || ";&|()<>'\"`:".contains(c);
    let (entry, spec_end): (Option<String>, usize) = match chars.get(i).copied() {
        Some('!') => (history.last().cloned(), i + 1),
        Some('#') => (Some(so_far.to_string()), i + 1),
        Some('$' | '^' | '*' | ':') => (history.last().cloned(), i),
        Some('?') => {
            let from = i + 1;
            let end = (from..chars.len())
                .find(|&j| chars.get(j) == Some(&'?'))
                .unwrap_or(chars.len());
            let needle: String = chars.get(from..end).unwrap_or_default().iter().collect();
            let found = history.iter().rev().find(|h| h.contains(&needle)).cloned();
            (found, (end + 1).min(chars.len()))
        }
        Some(c) if c.is_ascii_digit() || c == '-' => {
            let from = i + usize::from(c == '-');
            let end = (from..chars.len())
                .find(|&j| !chars.get(j).is_some_and(char::is_ascii_digit))
                .unwrap_or(chars.len());
            let n: usize = chars
                .get(from..end)
                .unwrap_or_default()
                .iter()
                .collect::<String>()
                .parse()
                .unwrap_or(0);
            let index = if c == '-' {
                history.len().checked_sub(n)
            } else {
                n.checked_sub(1)
            };
            (index.and_then(|k| history.get(k)).cloned(), end)
        }
        _ => {
            let end = (i..chars.len())
                .find(|&j| chars.get(j).is_some_and(|c| stop(*c)))
                .unwrap_or(chars.len());
            let prefix: String = chars.get(i..end).unwrap_or_default().iter().collect();
            let found = history
                .iter()
                .rev()
                .find(|h| h.starts_with(&prefix))
                .cloned();
            (found, end)
        }
    };
    let spec: String = chars
        .get(start..spec_end)
        .unwrap_or_default()
        .iter()
        .collect();
    let Some(entry) = entry else {
        return Err(format!("{spec}: event not found"));
    };
    i = spec_end;
    let designator = match chars.get(i).copied() {
        Some(':') => {
            i += 1;
            let from = i;
            while chars
                .get(i)
                .is_some_and(|c| c.is_ascii_digit() || "^$*-".contains(*c))
            {
                i += 1;
            }
            let d: String = chars.get(from..i).unwrap_or_default().iter().collect();
            if d.is_empty() {
                let m: String = chars
                    .get(from..from + 1)
                    .unwrap_or_default()
                    .iter()
                    .collect();
                return Err(format!(
                    ":{m}: podscope does not simulate history modifiers"
                ));
            }
            Some(d)
        }
        Some(c @ ('$' | '^' | '*')) if spec_end == start + 1 || spec.ends_with('!') => {
            i += 1;
            Some(c.to_string())
        }
        _ => None,
    };
    let text = match designator {
        None => entry,
        Some(d) => pick_words(&entry, &d).ok_or_else(|| format!(":{d}: bad word specifier"))?,
    };
    Ok((text, i))
}

/// Words `d` (`N`, `^`, `$`, `*`, `N-M`, `N*`, `N-`) of a history entry.
fn pick_words(entry: &str, d: &str) -> Option<String> {
    let words = split_words(entry);
    let last = words.len().checked_sub(1)?;
    let num = |s: &str, default: usize| -> Option<usize> {
        match s {
            "" => Some(default),
            "^" => Some(1),
            "$" => Some(last),
            n => n.parse().ok(),
        }
    };
    let (from, to) = match d {
        "*" => (1, last),
        "^" | "$" => {
            let n = num(d, 0)?;
            (n, n)
        }
        _ if d.ends_with('*') => (num(d.trim_end_matches('*'), 0)?, last),
        _ => match d.split_once('-') {
            Some((a, "")) => (num(a, 0)?, last.saturating_sub(1)),
            Some((a, b)) => (num(a, 0)?, num(b, last)?),
            None => {
                let n = num(d, 0)?;
                (n, n)
            }
        },
    };
    if d == "*" && last == 0 {
        return Some(String::new());
    }
    if from > to || to > last {
        return None;
    }
    Some(words.get(from..=to)?.join(" "))
}

/// A history entry's words: blanks separate, quotes group.
fn split_words(entry: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    for c in entry.chars() {
        match quote {
            Some(q) => {
                cur.push(c);
                if c == q {
                    quote = None;
                }
            }
            None if c.is_whitespace() => {
                if !cur.is_empty() {
                    words.push(std::mem::take(&mut cur));
                }
            }
            None => {
                if c == '\'' || c == '"' {
                    quote = Some(c);
                }
                cur.push(c);
            }
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
}

/// `^old^new[^]`: the previous command with the first `old` replaced.
fn quick_substitution(rest: &str, history: &[String]) -> Expansion {
    let mut parts = rest.splitn(3, '^');
    let old = parts.next().unwrap_or_default();
    let new = parts.next().unwrap_or_default();
    let Some(prev) = history.last() else {
        return Expansion::Failed("!!: event not found".into());
    };
    if old.is_empty() || !prev.contains(old) {
        return Expansion::Failed(":s^".to_string() + old + "^" + new + ": substitution failed");
    }
    let tail = parts.next().unwrap_or_default();
    Expansion::Expanded(format!("{}{tail}", prev.replacen(old, new, 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h() -> Vec<String> {
        ["echo first", "echo a b c"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    fn x(line: &str) -> Expansion {
        expand(line, &h(), false)
    }

    #[test]
    fn events_and_words() {
        assert_eq!(x("!!"), Expansion::Expanded("echo a b c".into()));
        assert_eq!(
            x("echo !$ !^ !*"),
            Expansion::Expanded("echo c a a b c".into())
        );
        assert_eq!(x("!-2"), Expansion::Expanded("echo first".into()));
        assert_eq!(
            x("echo \"x!1\""),
            Expansion::Expanded("echo \"xecho first\"".into())
        );
        assert_eq!(x("!?first?"), Expansion::Expanded("echo first".into()));
        assert_eq!(x("!ec"), Expansion::Expanded("echo a b c".into()));
        assert_eq!(x("echo !!:2"), Expansion::Expanded("echo b".into()));
        assert_eq!(
            x("^first^second"),
            Expansion::Failed(":s^first^second: substitution failed".into())
        );
        assert_eq!(
            x("echo $((!0))"),
            Expansion::Failed("!0: event not found".into())
        );
        assert_eq!(
            x("echo !nope"),
            Expansion::Failed("!nope: event not found".into())
        );
        for same in [
            "echo x!",
            "[ ! -z a ]",
            "echo ${!HO*}",
            "echo 'a!b'",
            "echo \\!hi",
            "a!=b",
            "echo $!",
        ] {
            assert_eq!(x(same), Expansion::Unchanged, "{same}");
        }
    }
}
