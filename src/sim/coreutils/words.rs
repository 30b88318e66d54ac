//! Programs that print from their arguments alone: echo, seq, yes, basename, dirname.

use super::args::parse;
use super::Ctx;

/// Bytes `yes` writes before it is considered to run forever (one pipe buffer).
const YES_BYTES: usize = 64 * 1024;
/// What `seq` writes at most, in bytes: more than the shell ever shows of one line, so a huge
/// count or a long `-s` separator ends in the shell's "printed too much" stop instead of
/// building gigabytes first.
const SEQ_MAX_BYTES: usize = 16 * 1024 * 1024;

/// `echo [-neE] [STRING]...` (GNU's `/bin/echo`: a bundle of other letters is printed as text).
pub(super) fn echo(args: &[String], ctx: &mut Ctx) -> i32 {
    let mut newline = true;
    let mut escapes = false;
    let mut rest = args;
    while let Some((first, tail)) = rest.split_first() {
        let Some(letters) = first
            .strip_prefix('-')
            .filter(|l| !l.is_empty() && l.chars().all(|c| "neE".contains(c)))
        else {
            break;
        };
        for c in letters.chars() {
            match c {
                'n' => newline = false,
                'e' => escapes = true,
                _ => escapes = false,
            }
        }
        rest = tail;
    }
    let text = rest.join(" ");
    if escapes {
        let (bytes, stop) = unescape(text.as_bytes());
        ctx.out.out(bytes);
        if stop {
            return 0;
        }
    } else {
        ctx.out.out(text);
    }
    if newline {
        ctx.out.out("\n");
    }
    0
}

/// Interprets `echo -e` escapes; the flag is true when `\c` ended the output.
fn unescape(s: &[u8]) -> (Vec<u8>, bool) {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&b) = s.get(i) {
        i += 1;
        if b != b'\\' {
            out.push(b);
            continue;
        }
        let Some(&e) = s.get(i) else {
            out.push(b'\\');
            break;
        };
        i += 1;
        let simple = match e {
            b'\\' => Some(b'\\'),
            b'a' => Some(7),
            b'b' => Some(8),
            b'e' => Some(27),
            b'f' => Some(12),
            b'n' => Some(b'\n'),
            b'r' => Some(b'\r'),
            b't' => Some(b'\t'),
            b'v' => Some(11),
            _ => None,
        };
        if let Some(c) = simple {
            out.push(c);
            continue;
        }
        match e {
            b'c' => return (out, true),
            b'0' | b'x' => {
                let (radix, max) = if e == b'0' { (8, 3) } else { (16, 2) };
                let digits: Vec<u8> = s
                    .iter()
                    .skip(i)
                    .take(max)
                    .take_while(|d| (**d as char).is_digit(radix))
                    .copied()
                    .collect();
                if e == b'x' && digits.is_empty() {
                    out.extend_from_slice(b"\\x");
                    continue;
                }
                i += digits.len();
                let v = digits.iter().fold(0u32, |acc, d| {
                    acc.saturating_mul(radix)
                        .saturating_add((*d as char).to_digit(radix).unwrap_or(0))
                });
                out.push((v & 0xff) as u8);
            }
            other => {
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    (out, false)
}

/// A `seq` operand as a scaled integer: (value × 10^decimals, decimals).
fn seq_number(s: &str) -> Option<(i128, u32)> {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let neg = int.starts_with('-');
    let digits = int.trim_start_matches(['-', '+']);
    if (digits.is_empty() && frac.is_empty())
        || !digits
            .bytes()
            .chain(frac.bytes())
            .all(|b| b.is_ascii_digit())
        || frac.len() > 9
    {
        return None;
    }
    let whole: i128 = if digits.is_empty() {
        0
    } else {
        digits.parse().ok()?
    };
    let f: i128 = if frac.is_empty() {
        0
    } else {
        frac.parse().ok()?
    };
    let dec = frac.len() as u32;
    let v = whole
        .checked_mul(10i128.checked_pow(dec)?)?
        .checked_add(f)?;
    Some((if neg { -v } else { v }, dec))
}

/// `seq [-s SEP] [-w] [FIRST [INCREMENT]] LAST`.
pub(super) fn seq(args: &[String], ctx: &mut Ctx) -> i32 {
    let mut sep = "\n".to_string();
    let mut equal_width = false;
    let mut ops: Vec<&String> = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if seq_number(a).is_some() || !a.starts_with('-') || a == "-" {
            ops.push(a);
        } else if a == "-w" {
            equal_width = true;
        } else if let Some(s) = a.strip_prefix("-s") {
            sep = if s.is_empty() {
                it.next().cloned().unwrap_or_default()
            } else {
                s.to_string()
            };
        } else {
            ctx.usage(
                "seq",
                &format!("invalid option -- '{}'", a.chars().nth(1).unwrap_or('-')),
            );
            return 1;
        }
    }
    if ops.is_empty() {
        ctx.usage("seq", "missing operand");
        return 1;
    }
    if let Some(extra) = ops.get(3) {
        ctx.usage("seq", &format!("extra operand '{extra}'"));
        return 1;
    }
    let mut nums = Vec::new();
    for o in &ops {
        match seq_number(o) {
            Some(n) => nums.push(n),
            None => {
                ctx.usage("seq", &format!("invalid floating point argument: '{o}'"));
                return 1;
            }
        }
    }
    let (first, step, last) = match nums.as_slice() {
        [l] => ((1, 0), (1, 0), *l),
        [f, l] => (*f, (1, 0), *l),
        [f, s, l] => (*f, *s, *l),
        _ => return 1,
    };
    let dec = first.1.max(step.1);
    let scale =
        |(v, d): (i128, u32)| v.saturating_mul(10i128.saturating_pow(dec.saturating_sub(d)));
    let max_dec = dec.max(last.1);
    let (a, s) = (scale(first), scale(step));
    let l = last
        .0
        .saturating_mul(10i128.saturating_pow(max_dec.saturating_sub(last.1)));
    let l_scaled = if max_dec > dec {
        l / 10i128.saturating_pow(max_dec - dec)
    } else {
        l
    };
    if s == 0 {
        ctx.usage(
            "seq",
            &format!(
                "invalid Zero increment value: '{}'",
                ops.get(1).map_or("0", |o| o.as_str())
            ),
        );
        return 1;
    }
    let render = |v: i128| -> String {
        let p = 10i128.saturating_pow(dec);
        let sign = if v < 0 { "-" } else { "" };
        let (w, f) = (v.abs() / p, v.abs() % p);
        if dec == 0 {
            format!("{sign}{w}")
        } else {
            format!("{sign}{w}.{f:0width$}", width = dec as usize)
        }
    };
    let mut out: Vec<String> = Vec::new();
    let mut v = a;
    let mut bytes = 0usize;
    while (s > 0 && v <= l_scaled) || (s < 0 && v >= l_scaled) {
        let number = render(v);
        bytes = bytes.saturating_add(number.len()).saturating_add(sep.len());
        out.push(number);
        if out.len() > 1_000_000 || bytes > SEQ_MAX_BYTES {
            break;
        }
        v = v.saturating_add(s);
    }
    if equal_width {
        let w = out.iter().map(String::len).max().unwrap_or(0);
        out = out.into_iter().map(|x| format!("{x:0>w$}")).collect();
    }
    if !out.is_empty() {
        ctx.out.out(out.join(&sep));
        ctx.out.out("\n");
    }
    0
}

/// `yes [STRING]...`: repeats the line for one pipe buffer (64 KiB). On a terminal it would never
/// stop, so it then sets `blocked` (the caller waits for Ctrl-C); into a pipe or file it stops
/// there as if the reader had gone (status 141, killed by SIGPIPE).
pub(super) fn yes(args: &[String], ctx: &mut Ctx) -> i32 {
    let line = if args.is_empty() {
        "y\n".to_string()
    } else {
        format!("{}\n", args.join(" "))
    };
    let reps = (YES_BYTES / line.len().max(1)).max(1);
    ctx.out.out(line.repeat(reps));
    if ctx.tty {
        *ctx.blocked = true;
        0
    } else {
        141
    }
}

/// The last component of `name` (`basename`), without `suffix` unless that is all of it.
fn base_of(name: &str, suffix: Option<&str>) -> String {
    let trimmed = name.trim_end_matches('/');
    if trimmed.is_empty() {
        return if name.is_empty() {
            String::new()
        } else {
            "/".to_string()
        };
    }
    let base = trimmed.rsplit('/').next().unwrap_or(trimmed);
    match suffix {
        Some(s) if !s.is_empty() && base.len() > s.len() => {
            base.strip_suffix(s).unwrap_or(base).to_string()
        }
        _ => base.to_string(),
    }
}

/// `basename NAME [SUFFIX]`, `basename -a NAME...`, `-s SUFFIX`.
pub(super) fn basename(args: &[String], ctx: &mut Ctx) -> i32 {
    let p = match parse(args, "az", "s", &[("multiple", 'a'), ("suffix", 's')]) {
        Ok(p) => p,
        Err(e) => {
            ctx.usage("basename", &e);
            return 1;
        }
    };
    let multiple = p.has('a') || p.value('s').is_some();
    let Some(first) = p.operands.first() else {
        ctx.usage("basename", "missing operand");
        return 1;
    };
    if multiple {
        for n in &p.operands {
            ctx.out.out(format!("{}\n", base_of(n, p.value('s'))));
        }
        return 0;
    }
    if let Some(extra) = p.operands.get(2) {
        ctx.usage("basename", &format!("extra operand '{extra}'"));
        return 1;
    }
    ctx.out.out(format!(
        "{}\n",
        base_of(first, p.operands.get(1).map(String::as_str))
    ));
    0
}

/// `dirname NAME...`.
pub(super) fn dirname(args: &[String], ctx: &mut Ctx) -> i32 {
    let p = match parse(args, "z", "", &[]) {
        Ok(p) => p,
        Err(e) => {
            ctx.usage("dirname", &e);
            return 1;
        }
    };
    if p.operands.is_empty() {
        ctx.usage("dirname", "missing operand");
        return 1;
    }
    for n in &p.operands {
        let t = n.trim_end_matches('/');
        let d = match t.rfind('/') {
            None if n.starts_with('/') => "/",
            None => ".",
            Some(i) => {
                let d = t.get(..i).unwrap_or_default().trim_end_matches('/');
                if d.is_empty() {
                    "/"
                } else {
                    d
                }
            }
        };
        ctx.out.out(format!("{d}\n"));
    }
    0
}
