//! `cut -b|-c|-f LIST [-d DELIM] [-s] [FILE]...` (GNU coreutils 9.1).

use super::args::parse;
use super::text::operands_or_stdin;
use super::{lines, Ctx};

/// `cut`.
pub(super) fn cut(args: &[String], ctx: &mut Ctx) -> i32 {
    let p = match parse(
        args,
        "sn",
        "bcfd",
        &[
            ("only-delimited", 's'),
            ("fields", 'f'),
            ("characters", 'c'),
            ("bytes", 'b'),
            ("delimiter", 'd'),
        ],
    ) {
        Ok(p) => p,
        Err(e) => {
            ctx.usage("cut", &e);
            return 1;
        }
    };
    let (list, fields) = match (p.value('b').or(p.value('c')), p.value('f')) {
        (Some(l), None) => (l.to_string(), false),
        (None, Some(l)) => (l.to_string(), true),
        (Some(_), Some(_)) => {
            ctx.usage("cut", "only one type of list may be specified");
            return 1;
        }
        (None, None) => {
            ctx.usage(
                "cut",
                "you must specify a list of bytes, characters, or fields",
            );
            return 1;
        }
    };
    let delim = match p.value('d') {
        Some(d) if d.len() == 1 => d.as_bytes()[0],
        Some(_) => {
            ctx.usage("cut", "the delimiter must be a single character");
            return 1;
        }
        None => b'\t',
    };
    if p.value('d').is_some() && !fields {
        ctx.usage(
            "cut",
            "an input delimiter may be specified only when operating on fields",
        );
        return 1;
    }
    let ranges = match ranges(&list, fields) {
        Ok(r) => r,
        Err(e) => {
            ctx.usage("cut", &e);
            return 1;
        }
    };
    let pick = |n: usize| ranges.iter().any(|(a, b)| n >= *a && n <= *b);
    let mut status = 0;
    for f in operands_or_stdin(&p.operands) {
        let data = match ctx.read_input(&f) {
            Ok(d) => d,
            Err(kind) => {
                ctx.err("cut", &format!("{f}: {}", kind.strerror()));
                status = 1;
                continue;
            }
        };
        let mut out = Vec::new();
        for line in lines(&data) {
            let body = line.strip_suffix(b"\n").unwrap_or(line);
            if fields {
                if !body.contains(&delim) {
                    if !p.has('s') {
                        out.extend_from_slice(body);
                        out.push(b'\n');
                    }
                    continue;
                }
                let chosen: Vec<&[u8]> = body
                    .split(|b| *b == delim)
                    .enumerate()
                    .filter(|(i, _)| pick(i + 1))
                    .map(|(_, f)| f)
                    .collect();
                out.extend_from_slice(&chosen.join(&delim));
            } else {
                out.extend(
                    body.iter()
                        .enumerate()
                        .filter(|(i, _)| pick(i + 1))
                        .map(|(_, b)| *b),
                );
            }
            out.push(b'\n');
        }
        ctx.out.out(out);
    }
    status
}

/// `1,3-5,7-` → inclusive ranges (1-based).
fn ranges(list: &str, fields: bool) -> Result<Vec<(usize, usize)>, String> {
    let what = if fields {
        "fields"
    } else {
        "byte/character positions"
    };
    let mut out = Vec::new();
    for part in list.split(',') {
        let num = |s: &str, default: usize| -> Result<usize, String> {
            if s.is_empty() {
                return Ok(default);
            }
            match s.parse::<usize>() {
                Ok(0) => Err(format!("{what} are numbered from 1")),
                Ok(n) => Ok(n),
                Err(_) => Err(format!(
                    "invalid {} value '{s}'",
                    if fields {
                        "field"
                    } else {
                        "byte/character position"
                    }
                )),
            }
        };
        let range = match part.split_once('-') {
            Some((a, b)) => {
                if a.is_empty() && b.is_empty() {
                    return Err("invalid range with no endpoint: -".into());
                }
                (num(a, 1)?, num(b, usize::MAX)?)
            }
            None => {
                let n = num(part, 0)?;
                if part.is_empty() {
                    return Err(format!("{what} are numbered from 1"));
                }
                (n, n)
            }
        };
        if range.1 < range.0 {
            return Err("invalid decreasing range".into());
        }
        out.push(range);
    }
    Ok(out)
}
