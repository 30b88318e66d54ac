//! `${…}`: the parameter expansions bash offers, parsed into a [`ParamOp`]. A form bash refuses
//! (or podscope does not simulate) becomes [`WordPart::BadSubst`], reported when it is expanded.

use super::ast::{is_name, ParamOp, Word, WordPart};
use super::lexer::Tok;
use super::parser::{ParseError, Parser};

/// Special parameters that can follow `$` or `${`.
const SPECIAL: [char; 7] = ['?', '$', '#', '!', '@', '*', '-'];

/// Splits `inner` (after `${`, before `}`) into the parameter name and the rest.
fn split_name(inner: &str) -> (&str, &str) {
    let name_len = inner
        .char_indices()
        .find(|&(_, c)| !(c == '_' || c.is_ascii_alphanumeric()))
        .map_or(inner.len(), |(k, _)| k);
    if name_len > 0 {
        return inner.split_at(name_len);
    }
    match inner.chars().next() {
        Some(c) if SPECIAL.contains(&c) => inner.split_at(c.len_utf8()),
        _ => ("", inner),
    }
}

fn valid_name(name: &str) -> bool {
    is_name(name)
        || (!name.is_empty() && name.chars().all(|c| c.is_ascii_digit()))
        || (name.len() == 1 && name.chars().all(|c| SPECIAL.contains(&c)))
}

/// `[index]` at the start of `rest`: the index text and what follows it.
fn split_index(rest: &str) -> Option<(Option<String>, &str)> {
    let Some(inside) = rest.strip_prefix('[') else {
        return Some((None, rest));
    };
    let mut depth = 0usize;
    for (i, c) in inside.char_indices() {
        match c {
            '[' => depth += 1,
            ']' if depth == 0 => {
                return Some((Some(inside[..i].to_string()), &inside[i + 1..]));
            }
            ']' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// Splits `a/b` at the first `/` that is not escaped.
fn split_slash(text: &str) -> (&str, Option<&str>) {
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            '/' if !escaped => return (&text[..i], Some(&text[i + 1..])),
            _ => escaped = false,
        }
    }
    (text, None)
}

impl Parser {
    /// `${…}` at the cursor (which is on the `$`).
    pub(super) fn brace_param(
        &mut self,
        parts: &mut Vec<WordPart>,
        quoted: bool,
    ) -> Result<(), ParseError> {
        let from = self.pos + 2;
        let mut depth = 0usize;
        let mut i = from;
        loop {
            match self.at(i) {
                None => return Err(ParseError::Unmatched('}')),
                Some('\\') => i += 1,
                Some('\'') if !quoted => {
                    i += 1;
                    while self.at(i).is_some_and(|c| c != '\'') {
                        i += 1;
                    }
                }
                Some('{') => depth += 1,
                Some('}') if depth == 0 => break,
                Some('}') => depth -= 1,
                _ => {}
            }
            i += 1;
        }
        let inner = self.text(from, i);
        self.pos = i + 1;
        let part = self
            .param_part(&inner, quoted)?
            .unwrap_or_else(|| WordPart::BadSubst(format!("${{{inner}}}")));
        parts.push(part);
        Ok(())
    }

    /// The word of an operand such as the `w` of `${x:-w}`.
    fn operand(&self, text: &str) -> Result<Box<Word>, ParseError> {
        let mut sub = self.sub_parser(text)?;
        Ok(match sub.word(true)? {
            Tok::Word(w, _) => Box::new(w),
            _ => Box::default(),
        })
    }

    fn param_part(&self, inner: &str, quoted: bool) -> Result<Option<WordPart>, ParseError> {
        let param = |name: &str, index: Option<String>, op: ParamOp| {
            Some(WordPart::Param {
                name: name.to_string(),
                index,
                op,
                quoted,
            })
        };
        if let Some(len_of) = inner.strip_prefix('#').filter(|s| !s.is_empty()) {
            let (name, rest) = split_name(len_of);
            return Ok(match split_index(rest) {
                Some((index, "")) if valid_name(name) => param(name, index, ParamOp::Length),
                _ => None,
            });
        }
        if let Some(target) = inner.strip_prefix('!').filter(|s| !s.is_empty()) {
            if let Some(prefix) = target.strip_suffix(['*', '@']).filter(|p| is_name(p)) {
                let star = target.ends_with('*');
                return Ok(param(prefix, None, ParamOp::Prefix { star }));
            }
            let (name, rest) = split_name(target);
            return Ok(match split_index(rest) {
                Some((Some(i), "")) if is_name(name) && matches!(i.as_str(), "@" | "*") => {
                    param(name, Some(i), ParamOp::Keys)
                }
                Some((None, "")) if valid_name(name) => param(name, None, ParamOp::Indirect),
                _ => None,
            });
        }
        let (name, rest) = split_name(inner);
        if !valid_name(name) {
            return Ok(None);
        }
        let Some((index, rest)) = split_index(rest) else {
            return Ok(None);
        };
        let op = match rest.chars().next() {
            None => ParamOp::Plain,
            Some(':') => {
                let r = &rest[1..];
                match r.chars().next() {
                    Some(k @ ('-' | '=' | '+' | '?')) => self.with_word(k, true, &r[1..])?,
                    _ => {
                        let (offset, length) = match r.split_once(':') {
                            Some((o, l)) => (o, Some(l.to_string())),
                            None => (r, None),
                        };
                        ParamOp::Slice {
                            offset: offset.to_string(),
                            length,
                        }
                    }
                }
            }
            Some(k @ ('-' | '=' | '+' | '?')) => self.with_word(k, false, &rest[1..])?,
            Some(k @ ('#' | '%')) => {
                let longest = rest[1..].starts_with(k);
                let text = &rest[1 + usize::from(longest)..];
                ParamOp::Trim {
                    suffix: k == '%',
                    longest,
                    pattern: self.operand(text)?,
                }
            }
            Some('/') => {
                let mut r = &rest[1..];
                let all = r.starts_with('/');
                let mut anchor = None;
                if all {
                    r = &r[1..];
                } else if let Some(a @ ('#' | '%')) = r.chars().next() {
                    anchor = Some(a);
                    r = &r[1..];
                }
                let (pattern, with) = split_slash(r);
                ParamOp::Replace {
                    all,
                    anchor,
                    pattern: self.operand(pattern)?,
                    with: self.operand(with.unwrap_or(""))?,
                }
            }
            Some(k @ ('^' | ',')) => {
                let all = rest[1..].starts_with(k);
                let text = &rest[1 + usize::from(all)..];
                ParamOp::Case {
                    upper: k == '^',
                    all,
                    pattern: if text.is_empty() {
                        None
                    } else {
                        Some(self.operand(text)?)
                    },
                }
            }
            Some('@') if matches!(&rest[1..], "Q" | "U" | "L" | "u" | "E" | "a") => {
                ParamOp::Transform(rest[1..].chars().next().unwrap_or('Q'))
            }
            Some(_) => return Ok(None),
        };
        Ok(param(name, index, op))
    }

    fn with_word(&self, kind: char, colon: bool, text: &str) -> Result<ParamOp, ParseError> {
        let word = self.operand(text)?;
        Ok(match kind {
            '-' => ParamOp::Default { colon, word },
            '=' => ParamOp::Assign { colon, word },
            '+' => ParamOp::Alternate { colon, word },
            _ => ParamOp::Error { colon, word },
        })
    }
}
