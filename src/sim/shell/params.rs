//! Parameter expansion: `$name`, the special parameters, array elements, and the `${…}`
//! operators (defaults, trimming, replacing, slicing, case changes), as bash applies them.

use super::ast::{ParamOp, Word};
use super::exec::Interp;
use super::glob::{self, Pattern};
use crate::sim::output::Output;

/// What a parameter expands to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Expanded {
    /// One piece of text; `split`: subject to field splitting (unquoted).
    Text(String, bool),
    /// `"$@"`, `"${a[@]}"`: one field per element (`split`: unquoted, each element split too).
    Fields(Vec<String>, bool),
}

/// The value(s) a parameter has before its operator: elements, whether it is a list
/// (`@`/`*` forms), and whether it is set.
struct Values {
    items: Vec<String>,
    list: bool,
    set: bool,
    /// `$*` / `${a[*]}`: a list that is joined into one word when quoted.
    star: bool,
}

impl Values {
    fn joined(&self) -> String {
        self.items.join(" ")
    }
}

/// Shortest or longest prefix (or suffix) of `s` matching `pattern` removed.
fn trim(s: &str, pattern: &Pattern, suffix: bool, longest: bool) -> String {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    let lens: Box<dyn Iterator<Item = usize>> = if longest {
        Box::new((0..=n).rev())
    } else {
        Box::new(0..=n)
    };
    for k in lens {
        let (piece, keep) = if suffix {
            (&chars[n - k..], &chars[..n - k])
        } else {
            (&chars[..k], &chars[k..])
        };
        if glob::matches(pattern, piece) {
            return keep.iter().collect();
        }
    }
    s.to_string()
}

/// `${s/pattern/with}` and its `//`, `/#`, `/%` forms (longest match at each position).
fn replace(s: &str, pattern: &Pattern, with: &str, all: bool, anchor: Option<char>) -> String {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    if pattern.is_empty() {
        return match anchor {
            Some('#') => format!("{with}{s}"),
            Some('%') => format!("{s}{with}"),
            _ => s.to_string(),
        };
    }
    let mut out = String::new();
    let mut i = 0;
    let mut replaced = false;
    while i <= n {
        let found = if (replaced && !all) || (anchor == Some('#') && i > 0) {
            None
        } else {
            let ends: Vec<usize> = if anchor == Some('%') {
                vec![n]
            } else {
                (i..=n).rev().collect()
            };
            ends.into_iter()
                .find(|&j| glob::matches(pattern, &chars[i..j]))
        };
        match found {
            Some(j) => {
                out.push_str(with);
                replaced = true;
                if j == i {
                    if let Some(&c) = chars.get(i) {
                        out.push(c);
                    }
                    i += 1;
                } else {
                    i = j;
                }
            }
            None => {
                if let Some(&c) = chars.get(i) {
                    out.push(c);
                }
                i += 1;
            }
        }
    }
    out
}

/// `${x^}`, `${x^^}`, `${x,}`, `${x,,}` (with an optional pattern). Only ASCII letters change:
/// a container's shell runs in the C locale (no `LANG`), where bash's case mapping is ASCII's
/// (`x=éa; echo ${x^^}` prints `éA`).
fn change_case(s: &str, upper: bool, all: bool, pattern: Option<&Pattern>) -> String {
    let conv = |c: char| -> char {
        if pattern.is_some_and(|p| !glob::matches(p, &[c])) {
            c
        } else if upper {
            c.to_ascii_uppercase()
        } else {
            c.to_ascii_lowercase()
        }
    };
    if all {
        return s.chars().map(conv).collect();
    }
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => {
            let mut out = String::with_capacity(s.len());
            out.push(conv(first));
            out.push_str(chars.as_str());
            out
        }
        None => String::new(),
    }
}

/// `${x@T}` of one value; `attrs` are the variable's `declare` flags (for `@a`).
fn transform(t: char, s: &str, attrs: &str) -> String {
    match t {
        'Q' => super::quote::single_quoted(s),
        // ASCII only, as change_case: the C locale.
        'U' => s.to_ascii_uppercase(),
        'L' => s.to_ascii_lowercase(),
        'u' => change_case(s, true, false, None),
        'E' => String::from_utf8_lossy(&super::builtins::unescape(s, false).0).into_owned(),
        _ => attrs.to_string(),
    }
}

/// `offset`/`length` of `${x:offset:length}` applied to `len` items: the range kept.
fn slice_range(len: usize, offset: i64, length: Option<i64>) -> Option<(usize, usize)> {
    let len_i = i64::try_from(len).unwrap_or(i64::MAX);
    let start = if offset < 0 { len_i + offset } else { offset };
    if start < 0 || start > len_i {
        return None;
    }
    let end = match length {
        None => len_i,
        Some(l) if l < 0 => len_i + l,
        Some(l) => start.saturating_add(l).min(len_i),
    };
    if end < start {
        return None;
    }
    Some((
        usize::try_from(start).unwrap_or(0),
        usize::try_from(end).unwrap_or(0),
    ))
}

impl Interp<'_> {
    /// The `declare` flags of a variable, as `${x@a}` shows them (`a`, `i`, `r`, `x`).
    fn attributes(&self, name: &str) -> String {
        let Some(v) = self.st.vars.get(name) else {
            return String::new();
        };
        let mut s = String::new();
        if v.array.is_some() {
            s.push('a');
        }
        if v.integer {
            s.push('i');
        }
        if self.st.readonly.contains(name) {
            s.push('r');
        }
        if v.exported {
            s.push('x');
        }
        s
    }

    /// An expansion error that ends the line (interactive bash) or the shell (`bash -c`, with
    /// `status`).
    pub(super) fn expansion_failed(&mut self, status: i32) {
        if self.st.interactive {
            self.aborted = true;
        } else {
            self.exit = Some(status);
        }
    }

    /// What `"$*"` puts between the parameters: the first character of `$IFS` (a space when
    /// IFS is unset, nothing when it is empty).
    pub(super) fn ifs_joiner(&self) -> String {
        match self.st.get("IFS") {
            None => " ".to_string(),
            Some(ifs) => ifs.chars().next().map(String::from).unwrap_or_default(),
        }
    }

    /// The value of `$name` (special parameters included), `None` when unset.
    pub(super) fn lookup(&self, name: &str) -> Option<String> {
        match name {
            "?" => Some(self.st.status.to_string()),
            "$" => Some(self.st.pid.to_string()),
            "#" => Some(self.st.positional.len().to_string()),
            "0" => Some(self.st.dialect.program().into()),
            "-" => Some(self.st.opts.dollar_dash(self.st.interactive)),
            "_" => Some(self.st.last_arg.clone()),
            "@" => Some(self.st.positional.join(" ")),
            "*" => Some(self.st.positional.join(&self.ifs_joiner())),
            _ if name.chars().all(|c| c.is_ascii_digit()) => {
                let n: usize = name.parse().ok()?;
                self.st.positional.get(n.checked_sub(1)?).cloned()
            }
            _ => self.st.get(name).map(str::to_string),
        }
    }

    fn values(&mut self, name: &str, index: Option<&str>, out: &mut Output) -> Option<Values> {
        let list = |items: Vec<String>, star: bool| Values {
            set: !items.is_empty(),
            items,
            list: true,
            star,
        };
        if matches!(name, "@" | "*") {
            return Some(list(self.st.positional.clone(), name == "*"));
        }
        let Some(index) = index else {
            let v = self.lookup(name);
            return Some(Values {
                set: v.is_some(),
                items: v.into_iter().collect(),
                list: false,
                star: false,
            });
        };
        let var = self.st.vars.get(name);
        let elements: Vec<(usize, String)> = match var {
            Some(v) => match &v.array {
                Some(a) => a.iter().map(|(k, v)| (*k, v.clone())).collect(),
                None => vec![(0, v.value.clone())],
            },
            None => Vec::new(),
        };
        if matches!(index, "@" | "*") {
            return Some(list(
                elements.into_iter().map(|(_, v)| v).collect(),
                index == "*",
            ));
        }
        let i = self.arith(index, out)?;
        let slot = if i < 0 {
            let last = elements.last().map_or(0, |(k, _)| k.saturating_add(1));
            i64::try_from(last).unwrap_or(0).checked_add(i)
        } else {
            Some(i)
        };
        let found = slot
            .and_then(|s| usize::try_from(s).ok())
            .and_then(|s| elements.iter().find(|(k, _)| *k == s))
            .map(|(_, v)| v.clone());
        Some(Values {
            set: found.is_some(),
            items: found.into_iter().collect(),
            list: false,
            star: false,
        })
    }

    /// Expands a parameter with its operator. `None`: an error was printed.
    pub(super) fn param(
        &mut self,
        name: &str,
        index: Option<&str>,
        op: &ParamOp,
        quoted: bool,
        out: &mut Output,
    ) -> Option<Expanded> {
        match op {
            ParamOp::Prefix { star } => {
                let names: Vec<String> = self
                    .st
                    .vars
                    .keys()
                    .filter(|k| k.starts_with(name))
                    .cloned()
                    .collect();
                if *star && quoted {
                    return Some(Expanded::Text(names.join(&self.ifs_joiner()), false));
                }
                return Some(Expanded::Fields(names, !quoted));
            }
            ParamOp::Keys => {
                let keys: Vec<String> = match self.st.vars.get(name) {
                    Some(var) => match &var.array {
                        Some(a) => a.keys().map(usize::to_string).collect(),
                        None => vec!["0".to_string()],
                    },
                    None => Vec::new(),
                };
                return Some(Expanded::Fields(keys, !quoted));
            }
            ParamOp::Indirect => {
                let target = self.lookup(name).unwrap_or_default();
                let (base, index) = match target.strip_suffix(']').and_then(|t| t.split_once('[')) {
                    Some((b, i)) => (b.to_string(), Some(i.to_string())),
                    None => (target.clone(), None),
                };
                if !super::ast::is_name(&base) && !base.chars().all(|c| c.is_ascii_digit())
                    || base.is_empty()
                {
                    out.err(format!("bash: {target}: invalid indirect expansion\n"));
                    self.aborted = true;
                    return None;
                }
                return self.param(&base, index.as_deref(), &ParamOp::Plain, quoted, out);
            }
            _ => {}
        }
        let v = self.values(name, index, out)?;
        let tests_set = matches!(
            op,
            ParamOp::Default { .. }
                | ParamOp::Assign { .. }
                | ParamOp::Error { .. }
                | ParamOp::Alternate { .. }
        );
        if !v.set && self.st.opts.nounset && !tests_set && !v.list && !matches!(name, "@" | "*") {
            let shown = match index {
                Some(i) => format!("{name}[{i}]"),
                None => name.to_string(),
            };
            out.err(format!("bash: {shown}: unbound variable\n"));
            self.expansion_failed(127);
            return None;
        }
        let joiner = self.ifs_joiner();
        let set = |colon: bool| v.set && (!colon || v.items.iter().any(|s| !s.is_empty()));
        let word = |me: &mut Self, w: &Word, out: &mut Output| {
            me.expand_string(w, out).map(|s| Expanded::Text(s, !quoted))
        };
        let result = |items: Vec<String>| -> Expanded {
            if v.list && !(v.star && quoted) {
                Expanded::Fields(items, !quoted)
            } else if v.star {
                Expanded::Text(items.join(&joiner), !quoted)
            } else {
                Expanded::Text(items.join(" "), !quoted)
            }
        };
        Some(match op {
            ParamOp::Plain => result(v.items.clone()),
            ParamOp::Length if v.list => Expanded::Text(v.items.len().to_string(), !quoted),
            ParamOp::Length => Expanded::Text(v.joined().chars().count().to_string(), !quoted),
            ParamOp::Default { colon, word: w } if !set(*colon) => word(self, w, out)?,
            ParamOp::Assign { colon, word: w } if !set(*colon) => {
                let value = self.expand_string(w, out)?;
                self.st.set(name, value.clone());
                Expanded::Text(value, !quoted)
            }
            ParamOp::Error { colon, word: w } if !set(*colon) => {
                let message = self.expand_string(w, out)?;
                let message = if message.is_empty() {
                    if *colon {
                        "parameter null or not set".to_string()
                    } else {
                        "parameter not set".to_string()
                    }
                } else {
                    message
                };
                out.err(format!("bash: {name}: {message}\n"));
                self.expansion_failed(127);
                return None;
            }
            ParamOp::Default { .. } | ParamOp::Assign { .. } | ParamOp::Error { .. } => {
                result(v.items.clone())
            }
            ParamOp::Alternate { colon, word: w } if set(*colon) => word(self, w, out)?,
            ParamOp::Alternate { .. } => Expanded::Text(String::new(), false),
            ParamOp::Trim {
                suffix,
                longest,
                pattern,
            } => {
                let p = self.expand_pattern(pattern, out)?;
                result(
                    v.items
                        .iter()
                        .map(|s| trim(s, &p, *suffix, *longest))
                        .collect(),
                )
            }
            ParamOp::Replace {
                all,
                anchor,
                pattern,
                with,
            } => {
                let p = self.expand_pattern(pattern, out)?;
                let with = self.expand_string(with, out)?;
                result(
                    v.items
                        .iter()
                        .map(|s| replace(s, &p, &with, *all, *anchor))
                        .collect(),
                )
            }
            ParamOp::Keys | ParamOp::Indirect => Expanded::Text(String::new(), false),
            ParamOp::Case {
                upper,
                all,
                pattern,
            } => {
                let pat = match pattern {
                    Some(p) => Some(self.expand_pattern(p, out)?),
                    None => None,
                };
                result(
                    v.items
                        .iter()
                        .map(|s| change_case(s, *upper, *all, pat.as_ref()))
                        .collect(),
                )
            }
            ParamOp::Transform(t) => {
                let attrs = self.attributes(name);
                result(v.items.iter().map(|s| transform(*t, s, &attrs)).collect())
            }
            ParamOp::Prefix { .. } => Expanded::Text(String::new(), false),
            ParamOp::Slice { offset, length } => {
                let off = self.arith(offset, out)?;
                let len = match length {
                    Some(l) => Some(self.arith(l, out)?),
                    None => None,
                };
                if v.list {
                    // `${@:N}` counts `$0` as parameter 0.
                    let items: Vec<String> = if matches!(name, "@" | "*") {
                        std::iter::once(self.st.dialect.program().to_string())
                            .chain(v.items.iter().cloned())
                            .collect()
                    } else {
                        v.items.clone()
                    };
                    let kept = slice_range(items.len(), off, len)
                        .and_then(|(a, b)| items.get(a..b))
                        .map(<[String]>::to_vec)
                        .unwrap_or_default();
                    result(kept)
                } else {
                    let chars: Vec<char> = v.joined().chars().collect();
                    if let Some(l) = len.filter(|l| *l < 0) {
                        let start = if off < 0 {
                            i64::try_from(chars.len()).unwrap_or(0) + off
                        } else {
                            off
                        };
                        if i64::try_from(chars.len()).unwrap_or(0) + l < start {
                            out.err(format!("bash: {l}: substring expression < 0\n"));
                            return None;
                        }
                    }
                    let kept: String = slice_range(chars.len(), off, len)
                        .and_then(|(a, b)| chars.get(a..b))
                        .map(|c| c.iter().collect())
                        .unwrap_or_default();
                    Expanded::Text(kept, !quoted)
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pat(p: &str) -> Pattern {
        p.chars().map(|c| (c, false)).collect()
    }

    #[test]
    fn trims_and_replaces_as_bash() {
        // Results recorded from bash 5.2.15.
        let f = "/usr/share/nginx/index.html";
        assert_eq!(
            trim(f, &pat("*/"), false, false),
            "usr/share/nginx/index.html"
        );
        assert_eq!(trim(f, &pat("*/"), false, true), "index.html");
        assert_eq!(trim(f, &pat(".*"), true, false), "/usr/share/nginx/index");
        assert_eq!(trim(f, &pat("/*"), true, true), "");
        assert_eq!(replace("hello", &pat("l"), "L", false, None), "heLlo");
        assert_eq!(replace("hello", &pat("l"), "L", true, None), "heLLo");
        assert_eq!(replace("hello", &pat("h*l"), "X", false, None), "Xo");
        assert_eq!(replace("hello", &pat("o"), "0", false, Some('%')), "hell0");
        assert_eq!(replace("hello", &pat("e"), "E", false, Some('#')), "hello");
        assert_eq!(
            replace("a.txt", &pat(""), "dir/", false, Some('#')),
            "dir/a.txt"
        );
        assert_eq!(change_case("hello world", true, false, None), "Hello world");
        assert_eq!(change_case("HeLLo", false, true, None), "hello");
        assert_eq!(slice_range(3, 1, None), Some((1, 3)));
        assert_eq!(slice_range(3, -1, None), Some((2, 3)));
        assert_eq!(slice_range(3, 0, Some(-1)), Some((0, 2)));
        assert_eq!(slice_range(3, 5, None), None);
    }
}
