//! awk's built-in functions, field splitting and `printf` formatting.

use super::super::format::parse_spec;
use super::interp::Interp;
use super::parse::Expr;
use super::value::Value;
use regex_lite::Regex;
use std::collections::HashMap;

/// Splits a record by `FS`: `" "` on runs of blanks, one other character literally, longer
/// strings as an extended regular expression.
pub(super) fn split_fields(
    text: &str,
    fs: &str,
    cache: &mut HashMap<String, Regex>,
) -> Vec<String> {
    if fs == " " {
        return text
            .split([' ', '\t', '\n'])
            .filter(|f| !f.is_empty())
            .map(str::to_string)
            .collect();
    }
    if text.is_empty() {
        return Vec::new();
    }
    let mut chars = fs.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c != '\\' {
            return text.split(c).map(str::to_string).collect();
        }
    }
    let re = match cache.get(fs) {
        Some(re) => re.clone(),
        None => match super::super::posix_regex::compile(
            fs,
            super::super::posix_regex::Dialect::Extended,
            false,
        ) {
            Ok(re) => {
                cache.insert(fs.to_string(), re.clone());
                re
            }
            Err(_) => return vec![text.to_string()],
        },
    };
    re.split(text).map(str::to_string).collect()
}

/// `sprintf(format, args…)`.
pub(super) fn sprintf(values: &[Value], convfmt: &str) -> String {
    let Some(format) = values.first() else {
        return String::new();
    };
    let chars: Vec<char> = format.str(convfmt).chars().collect();
    let mut args = values.iter().skip(1);
    let mut out = String::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'%') {
            out.push('%');
            i += 2;
            continue;
        }
        let mut star = || args.next().map_or(0, |v| v.num() as i64);
        let Some((spec, next)) = parse_spec(&chars, i + 1, &mut star) else {
            out.extend(chars.get(i..).unwrap_or_default());
            break;
        };
        let arg = args.next().cloned().unwrap_or(Value::Unset);
        let from_number = matches!(arg, Value::Num(_));
        out.push_str(&spec.format(arg.num(), &arg.str(convfmt), from_number));
        i = next;
    }
    out
}

/// Runs built-in `name`.
pub(super) fn call(it: &mut Interp, name: &str, args: &[Expr]) -> Value {
    let convfmt = it.var_str("CONVFMT");
    let arg = |it: &mut Interp, i: usize| args.get(i).map_or(Value::Unset, |e| it.eval(e));
    match name {
        "length" => match args.first() {
            None => Value::Num(
                it.eval(&Expr::Field(Box::new(Expr::Num(0.0))))
                    .str(&convfmt)
                    .chars()
                    .count() as f64,
            ),
            Some(Expr::Var(v)) if it.arrays.contains_key(&it.array_name(v)) => {
                let n = it.arrays.get(&it.array_name(v)).map_or(0, |a| a.len());
                Value::Num(n as f64)
            }
            Some(e) => Value::Num(it.eval(e).str(&convfmt).chars().count() as f64),
        },
        "substr" => {
            let s: Vec<char> = arg(it, 0).str(&convfmt).chars().collect();
            let start = arg(it, 1).num().round();
            let from = if start < 1.0 {
                0
            } else {
                (start as usize).saturating_sub(1)
            };
            let len = if args.len() > 2 {
                arg(it, 2).num().round().max(0.0) as usize
            } else {
                usize::MAX
            };
            let text: String = s.iter().skip(from).take(len).collect();
            Value::Str(text)
        }
        "index" => {
            let s = arg(it, 0).str(&convfmt);
            let t = arg(it, 1).str(&convfmt);
            let pos = s
                .find(&t)
                .map_or(0, |b| s.get(..b).map_or(0, |p| p.chars().count()) + 1);
            Value::Num(pos as f64)
        }
        "split" => {
            let s = arg(it, 0).str(&convfmt);
            let fs = if args.len() > 2 {
                match args.get(2) {
                    Some(Expr::Regex(r)) => r.clone(),
                    _ => arg(it, 2).str(&convfmt),
                }
            } else {
                it.var_str("FS")
            };
            let mut cache = HashMap::new();
            let parts = split_fields(&s, &fs, &mut cache);
            let Some(Expr::Var(target)) = args.get(1) else {
                return Value::Num(0.0);
            };
            let arr_name = it.array_name(target);
            let arr = it.arrays.entry(arr_name).or_default();
            arr.clear();
            for (i, p) in parts.iter().enumerate() {
                arr.set((i + 1).to_string(), Value::StrNum(p.clone()));
            }
            Value::Num(parts.len() as f64)
        }
        "sub" | "gsub" => {
            let pattern = match args.first() {
                Some(Expr::Regex(r)) => r.clone(),
                _ => arg(it, 0).str(&convfmt),
            };
            let repl = arg(it, 1).str(&convfmt);
            let target = args
                .get(2)
                .cloned()
                .unwrap_or(Expr::Field(Box::new(Expr::Num(0.0))));
            let text = it.eval(&target).str(&convfmt);
            let Some(re) = it.regex(&pattern) else {
                return Value::Num(0.0);
            };
            let (result, n) = substitute(&re, &text, &repl, name == "gsub");
            if n > 0 {
                it.assign(&target, Value::Str(result));
            }
            Value::Num(n as f64)
        }
        "match" => {
            let s = arg(it, 0).str(&convfmt);
            let pattern = match args.get(1) {
                Some(Expr::Regex(r)) => r.clone(),
                _ => arg(it, 1).str(&convfmt),
            };
            let found = it
                .regex(&pattern)
                .and_then(|re| re.find(&s).map(|m| (m.start(), m.end())));
            let (start, len) = match found {
                Some((a, b)) => (
                    s.get(..a).map_or(0, |p| p.chars().count()) + 1,
                    s.get(a..b).map_or(0, |p| p.chars().count()) as f64,
                ),
                None => (0, -1.0),
            };
            it.assign_var("RSTART", Value::Num(start as f64));
            it.assign_var("RLENGTH", Value::Num(len));
            Value::Num(start as f64)
        }
        "sprintf" => {
            let values: Vec<Value> = (0..args.len()).map(|i| arg(it, i)).collect();
            Value::Str(sprintf(&values, &convfmt))
        }
        // mawk in the C locale (a container has no LANG): only ASCII letters change.
        "toupper" => Value::Str(arg(it, 0).str(&convfmt).to_ascii_uppercase()),
        "tolower" => Value::Str(arg(it, 0).str(&convfmt).to_ascii_lowercase()),
        "int" => Value::Num(arg(it, 0).num().trunc()),
        "sqrt" => Value::Num(arg(it, 0).num().sqrt()),
        "exp" => Value::Num(arg(it, 0).num().exp()),
        "log" => Value::Num(arg(it, 0).num().ln()),
        "sin" => Value::Num(arg(it, 0).num().sin()),
        "cos" => Value::Num(arg(it, 0).num().cos()),
        "atan2" => {
            let y = arg(it, 0).num();
            Value::Num(y.atan2(arg(it, 1).num()))
        }
        "rand" => {
            // A fixed-seed generator: the same numbers on every run (not mawk's sequence).
            it.rand_state = it
                .rand_state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            Value::Num((it.rand_state >> 11) as f64 / (1u64 << 53) as f64)
        }
        "srand" => {
            let previous = it.rand_state as f64;
            it.rand_state = arg(it, 0).num() as u64;
            Value::Num(previous)
        }
        "system" => {
            it.failed = Some("podscope: awk's system() is not simulated".into());
            Value::Num(-1.0)
        }
        _ => Value::Num(0.0),
    }
}

/// `sub`/`gsub`: `&` in the replacement is the match, `\&` a literal `&`.
fn substitute(re: &Regex, text: &str, repl: &str, global: bool) -> (String, usize) {
    let mut out = String::new();
    let mut last = 0;
    let mut n = 0;
    for m in re.find_iter(text) {
        out.push_str(text.get(last..m.start()).unwrap_or_default());
        let mut chars = repl.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' if chars.peek() == Some(&'&') => {
                    chars.next();
                    out.push('&');
                }
                '\\' if chars.peek() == Some(&'\\') => {
                    chars.next();
                    out.push('\\');
                }
                '&' => out.push_str(m.as_str()),
                other => out.push(other),
            }
        }
        last = m.end();
        n += 1;
        if !global {
            break;
        }
    }
    out.push_str(text.get(last..).unwrap_or_default());
    (out, n)
}
