//! Programs that read files or stdin and print (parts of) them: head, tail, wc, uniq.

use super::args::parse;
use super::{lines, Ctx};
use crate::sim::fs::FsErrorKind;

/// How many lines or bytes `head`/`tail` keep, as `-n`/`-c` give them.
#[derive(Clone, Copy)]
enum Count {
    /// The first (head) or last (tail) N.
    Edge(usize),
    /// head `-n -N`: all but the last N; tail `-n +N`: from the N-th on.
    Other(usize),
}

/// Parses a `-n`/`-c` value; `None` if it is not a number.
fn parse_count(v: &str, plus_means_from: bool) -> Option<Count> {
    if let Some(n) = v.strip_prefix('-') {
        return n.parse().ok().map(if plus_means_from {
            Count::Edge
        } else {
            Count::Other
        });
    }
    if let Some(n) = v.strip_prefix('+') {
        return n.parse().ok().map(if plus_means_from {
            Count::Other
        } else {
            Count::Edge
        });
    }
    v.parse().ok().map(Count::Edge)
}

/// Rewrites the obsolete `-5` (first argument only) into `-n 5`.
fn old_style(args: &[String]) -> Vec<String> {
    args.iter()
        .enumerate()
        .flat_map(|(i, a)| match a.strip_prefix('-') {
            Some(d) if i == 0 && !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()) => {
                vec!["-n".to_string(), d.to_string()]
            }
            _ => vec![a.clone()],
        })
        .collect()
}

/// `head` and `tail`: `-n N`, `-c N`, several files with `==> f <==` headers, `tail -f`.
fn head_tail(prog: &str, args: &[String], ctx: &mut Ctx) -> i32 {
    let is_tail = prog == "tail";
    let p = match parse(
        &old_style(args),
        if is_tail { "qvf" } else { "qv" },
        "nc",
        &[("lines", 'n'), ("bytes", 'c'), ("follow", 'f')],
    ) {
        Ok(p) => p,
        Err(e) => {
            ctx.usage(prog, &e);
            return 1;
        }
    };
    let bytes_mode = p.values.last().is_some_and(|(c, _)| *c == 'c');
    let raw = p.values.last().map_or("10", |(_, v)| v.as_str());
    let Some(count) = parse_count(raw, is_tail) else {
        let what = if bytes_mode { "bytes" } else { "lines" };
        ctx.err(prog, &format!("invalid number of {what}: '{raw}'"));
        return 1;
    };
    let files = operands_or_stdin(&p.operands);
    let headers = (files.len() > 1 && !p.has('q')) || p.has('v');
    let mut status = 0;
    for (i, f) in files.iter().enumerate() {
        let data = match ctx.read_input(f) {
            Ok(d) => d,
            Err(FsErrorKind::IsADirectory) => {
                ctx.err(prog, &format!("error reading '{f}': Is a directory"));
                status = 1;
                continue;
            }
            Err(k) => {
                ctx.err(
                    prog,
                    &format!("cannot open '{f}' for reading: {}", k.strerror()),
                );
                status = 1;
                continue;
            }
        };
        if headers {
            let name = if f == "-" {
                "standard input"
            } else {
                f.as_str()
            };
            ctx.out
                .out(format!("{}==> {name} <==\n", if i > 0 { "\n" } else { "" }));
        }
        let chunks: Vec<&[u8]> = if bytes_mode {
            data.chunks(1).collect()
        } else {
            lines(&data)
        };
        let total = chunks.len();
        let range = match (is_tail, count) {
            (false, Count::Edge(n)) => 0..n.min(total),
            (false, Count::Other(n)) => 0..total.saturating_sub(n),
            (true, Count::Edge(n)) => total.saturating_sub(n)..total,
            (true, Count::Other(n)) => n.saturating_sub(1).min(total)..total,
        };
        for c in chunks.get(range).unwrap_or_default() {
            ctx.out.out(c);
        }
    }
    if is_tail && p.has('f') && status == 0 && !p.operands.is_empty() {
        *ctx.blocked = true;
    }
    status
}

/// `head [-n N] [-c N] [FILE]...`.
pub(super) fn head(args: &[String], ctx: &mut Ctx) -> i32 {
    head_tail("head", args, ctx)
}

/// `tail [-n [+]N] [-c N] [-f] [FILE]...`; `-f` prints, then blocks.
pub(super) fn tail(args: &[String], ctx: &mut Ctx) -> i32 {
    head_tail("tail", args, ctx)
}

/// `wc [-lwc] [FILE]...`, with GNU's column widths.
pub(super) fn wc(args: &[String], ctx: &mut Ctx) -> i32 {
    let p = match parse(
        args,
        "lwcm",
        "",
        &[("lines", 'l'), ("words", 'w'), ("bytes", 'c')],
    ) {
        Ok(p) => p,
        Err(e) => {
            ctx.usage("wc", &e);
            return 1;
        }
    };
    let mut which: Vec<char> = ['l', 'w', 'c']
        .into_iter()
        .filter(|c| p.has(*c) || (*c == 'c' && p.has('m')))
        .collect();
    if which.is_empty() {
        which = vec!['l', 'w', 'c'];
    }
    let files = p.operands.clone();
    let mut results: Vec<(Option<[u64; 3]>, Option<String>)> = Vec::new();
    let mut status = 0;
    let mut width_bytes = 0u64;
    let mut stdin_like = files.is_empty();
    for f in operands_or_stdin(&files) {
        match ctx.read_input(&f) {
            Ok(d) => {
                if f == "-" {
                    stdin_like = true;
                }
                width_bytes = width_bytes.saturating_add(d.len() as u64);
                let name = (!files.is_empty()).then(|| f.clone());
                results.push((Some(counts(&d)), name));
            }
            Err(k) => {
                ctx.err("wc", &format!("{f}: {}", k.strerror()));
                status = 1;
                if k == FsErrorKind::IsADirectory {
                    stdin_like = true;
                    results.push((Some([0, 0, 0]), Some(f.clone())));
                }
            }
        }
    }
    let mut width = width_bytes.to_string().len();
    if stdin_like {
        width = width.max(7);
    }
    if which.len() == 1 && results.len() == 1 {
        width = 1;
    }
    let total = results
        .iter()
        .filter_map(|(c, _)| *c)
        .fold([0u64; 3], |acc, c| {
            [
                acc[0].saturating_add(c[0]),
                acc[1].saturating_add(c[1]),
                acc[2].saturating_add(c[2]),
            ]
        });
    if files.len() > 1 {
        results.push((Some(total), Some("total".into())));
    }
    for (c, name) in results {
        let Some(c) = c else { continue };
        let cols: Vec<String> = which
            .iter()
            .map(|k| {
                let v = match k {
                    'l' => c[0],
                    'w' => c[1],
                    _ => c[2],
                };
                format!("{v:>width$}")
            })
            .collect();
        let mut line = cols.join(" ");
        if let Some(n) = name {
            line.push(' ');
            line.push_str(&n);
        }
        line.push('\n');
        ctx.out.out(line);
    }
    status
}

/// Lines, words and bytes of `data`.
fn counts(data: &[u8]) -> [u64; 3] {
    let lines = data.iter().filter(|b| **b == b'\n').count() as u64;
    let words = data
        .split(|b| b.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .count() as u64;
    [lines, words, data.len() as u64]
}

/// Reads every input of `sort`/`uniq`, reporting errors the way `prog` does.
pub(super) fn gather(prog: &str, files: &[String], ctx: &mut Ctx) -> Result<Vec<u8>, i32> {
    let mut all = Vec::new();
    for f in operands_or_stdin(files) {
        match ctx.read_input(&f) {
            Ok(d) => {
                all.extend_from_slice(&d);
                if !all.is_empty() && all.last() != Some(&b'\n') {
                    all.push(b'\n');
                }
            }
            Err(k) => {
                let msg = match (prog, k) {
                    ("sort", FsErrorKind::IsADirectory) => {
                        format!("read failed: {f}: {}", k.strerror())
                    }
                    ("sort", _) => format!("cannot read: {f}: {}", k.strerror()),
                    (_, FsErrorKind::IsADirectory) => format!("error reading '{f}'"),
                    _ => format!("{f}: {}", k.strerror()),
                };
                ctx.err(prog, &msg);
                return Err(if prog == "sort" { 2 } else { 1 });
            }
        }
    }
    Ok(all)
}

/// `uniq [-c] [-d] [-u] [INPUT]`: collapses adjacent equal lines.
pub(super) fn uniq(args: &[String], ctx: &mut Ctx) -> i32 {
    let p = match parse(
        args,
        "cdui",
        "",
        &[("count", 'c'), ("repeated", 'd'), ("unique", 'u')],
    ) {
        Ok(p) => p,
        Err(e) => {
            ctx.usage("uniq", &e);
            return 1;
        }
    };
    let data = match gather("uniq", p.operands.get(..1).unwrap_or_default(), ctx) {
        Ok(d) => d,
        Err(s) => return s,
    };
    let mut rows: Vec<&[u8]> = data.split(|b| *b == b'\n').collect();
    rows.pop();
    let same = |a: &[u8], b: &[u8]| {
        if p.has('i') {
            a.eq_ignore_ascii_case(b)
        } else {
            a == b
        }
    };
    let mut groups: Vec<(&[u8], usize)> = Vec::new();
    for r in rows {
        match groups.last_mut() {
            Some((g, n)) if same(g, r) => *n = n.saturating_add(1),
            _ => groups.push((r, 1)),
        }
    }
    for (line, n) in groups {
        if (p.has('d') && n < 2) || (p.has('u') && n > 1) {
            continue;
        }
        if p.has('c') {
            ctx.out.out(format!("{n:>7} "));
        }
        ctx.out.out(line);
        ctx.out.out("\n");
    }
    0
}

/// The operands, or `-` (stdin) when there are none.
pub(super) fn operands_or_stdin(ops: &[String]) -> Vec<String> {
    if ops.is_empty() {
        vec!["-".to_string()]
    } else {
        ops.to_vec()
    }
}
