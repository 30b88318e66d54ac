//! Brace expansion, the first expansion bash does: `{a,b}c` → `ac bc`, `{1..5}`, `{01..10}`,
//! `{1..10..2}`, `{a..e}`, nested and several in one word. Quoted braces and `${…}` never
//! expand; a brace without a comma or a valid sequence stays as typed.

use super::ast::{Word, WordPart};
use std::borrow::Cow;

/// Most words one brace expression may produce (`{1..100000000}` would not fit in memory).
const MAX_WORDS: usize = 100_000;

/// One piece of a word: an unquoted character or any other part.
#[derive(Debug, Clone, PartialEq)]
enum Atom {
    Char(char),
    Part(WordPart),
}

fn atoms(word: &Word) -> Vec<Atom> {
    let mut out = Vec::new();
    for part in &word.parts {
        match part {
            WordPart::Lit(s) => out.extend(s.chars().map(Atom::Char)),
            p => out.push(Atom::Part(p.clone())),
        }
    }
    out
}

fn word(atoms: &[Atom]) -> Word {
    let mut parts: Vec<WordPart> = Vec::new();
    for a in atoms {
        match a {
            Atom::Char(c) => match parts.last_mut() {
                Some(WordPart::Lit(s)) => s.push(*c),
                _ => parts.push(WordPart::Lit(c.to_string())),
            },
            Atom::Part(p) => parts.push(p.clone()),
        }
    }
    Word { parts }
}

/// The words after brace expansion (borrowed when no word has an unquoted `{`).
pub(super) fn expand(words: &[Word]) -> Cow<'_, [Word]> {
    let any = words.iter().any(|w| {
        w.parts
            .iter()
            .any(|p| matches!(p, WordPart::Lit(s) if s.contains('{')))
    });
    if !any {
        return Cow::Borrowed(words);
    }
    let mut out = Vec::new();
    for w in words {
        let mut results = Vec::new();
        expand_atoms(&atoms(w), &mut results);
        out.extend(results.iter().map(|a| word(a)));
    }
    Cow::Owned(out)
}

fn expand_atoms(a: &[Atom], out: &mut Vec<Vec<Atom>>) {
    if out.len() >= MAX_WORDS {
        return;
    }
    let Some((open, close, alternatives)) = find_brace(a) else {
        out.push(a.to_vec());
        return;
    };
    let (prefix, suffix) = (&a[..open], &a[close + 1..]);
    for alt in alternatives {
        let mut joined = prefix.to_vec();
        joined.extend(alt);
        joined.extend_from_slice(suffix);
        expand_atoms(&joined, out);
        if out.len() >= MAX_WORDS {
            return;
        }
    }
}

/// The first brace expression: where it opens and closes, and its alternatives.
fn find_brace(a: &[Atom]) -> Option<(usize, usize, Vec<Vec<Atom>>)> {
    let mut start = 0;
    while let Some(open) = (start..a.len()).find(|&i| a[i] == Atom::Char('{')) {
        let mut depth = 0usize;
        let mut commas = Vec::new();
        let mut close = None;
        for (i, atom) in a.iter().enumerate().skip(open + 1) {
            match atom {
                Atom::Char('{') => depth += 1,
                Atom::Char('}') if depth == 0 => {
                    close = Some(i);
                    break;
                }
                Atom::Char('}') => depth -= 1,
                Atom::Char(',') if depth == 0 => commas.push(i),
                _ => {}
            }
        }
        let close = close?;
        if !commas.is_empty() {
            let mut alts = Vec::new();
            let mut from = open + 1;
            for c in commas.into_iter().chain(std::iter::once(close)) {
                alts.push(a[from..c].to_vec());
                from = c + 1;
            }
            return Some((open, close, alts));
        }
        let inner: Option<String> = a[open + 1..close]
            .iter()
            .map(|x| match x {
                Atom::Char(c) => Some(*c),
                Atom::Part(_) => None,
            })
            .collect();
        if let Some(seq) = inner.as_deref().and_then(sequence) {
            let alts = seq
                .into_iter()
                .map(|s| s.chars().map(Atom::Char).collect())
                .collect();
            return Some((open, close, alts));
        }
        start = open + 1;
    }
    None
}

/// `1..5`, `01..10`, `1..10..2`, `a..e`: the items, or `None` when it is not a sequence.
fn sequence(inner: &str) -> Option<Vec<String>> {
    let mut parts = inner.split("..");
    let (from, to) = (parts.next()?, parts.next()?);
    let step = match parts.next() {
        Some(s) => s.parse::<i64>().ok()?,
        None => 1,
    };
    if parts.next().is_some() {
        return None;
    }
    let step = step.unsigned_abs().max(1);
    if let (Ok(a), Ok(b)) = (from.parse::<i64>(), to.parse::<i64>()) {
        let padded = |s: &str| {
            let digits = s.trim_start_matches('-');
            digits.len() > 1 && digits.starts_with('0')
        };
        let width = if padded(from) || padded(to) {
            from.len().max(to.len())
        } else {
            0
        };
        let count = a.abs_diff(b) / step + 1;
        if count > MAX_WORDS as u64 {
            return None;
        }
        let items = (0..count).map(|k| {
            let off = i64::try_from(k * step).unwrap_or(0);
            let v = if a <= b { a + off } else { a - off };
            if v < 0 {
                format!("-{:0w$}", v.unsigned_abs(), w = width.saturating_sub(1))
            } else {
                format!("{v:0width$}")
            }
        });
        return Some(items.collect());
    }
    let (mut fc, mut tc) = (from.chars(), to.chars());
    let (a, b) = (fc.next()?, tc.next()?);
    if fc.next().is_some()
        || tc.next().is_some()
        || !a.is_ascii_alphabetic()
        || !b.is_ascii_alphabetic()
    {
        return None;
    }
    let (a, b) = (u32::from(a), u32::from(b));
    let step = u32::try_from(step).unwrap_or(1);
    let mut items = Vec::new();
    let mut v = a;
    loop {
        items.extend(char::from_u32(v).map(String::from));
        if v == b {
            break;
        }
        let next = if a <= b {
            v.checked_add(step)
        } else {
            v.checked_sub(step)
        };
        match next {
            Some(n) if (a <= b && n <= b) || (a > b && n >= b) => v = n,
            _ => break,
        }
    }
    Some(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(s: &str) -> Vec<String> {
        let w = Word {
            parts: vec![WordPart::Lit(s.to_string())],
        };
        expand(&[w])
            .iter()
            .map(|w| w.as_plain().unwrap_or("?").to_string())
            .collect()
    }

    #[test]
    fn expands_as_bash() {
        // Results recorded from bash 5.2.15 (`echo …`).
        assert_eq!(ex("{1..5}"), ["1", "2", "3", "4", "5"]);
        assert_eq!(ex("{a,b}c"), ["ac", "bc"]);
        assert_eq!(ex("{01..03}"), ["01", "02", "03"]);
        assert_eq!(ex("{1..10..3}"), ["1", "4", "7", "10"]);
        assert_eq!(ex("{5..1..2}"), ["5", "3", "1"]);
        assert_eq!(ex("{a..e..2}"), ["a", "c", "e"]);
        assert_eq!(ex("x{a,{b,c}}y"), ["xay", "xby", "xcy"]);
        assert_eq!(ex("{a,b}{1,2}"), ["a1", "a2", "b1", "b2"]);
        assert_eq!(ex("{-2..1}"), ["-2", "-1", "0", "1"]);
        assert_eq!(ex("{a}"), ["{a}"]);
        assert_eq!(ex("{1..x}"), ["{1..x}"]);
        assert_eq!(ex("a{,b}"), ["a", "ab"]);
        assert_eq!(ex("{"), ["{"]);
    }
}
