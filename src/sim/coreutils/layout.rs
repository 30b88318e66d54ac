//! Programs that lay lines out: `nl` (numbers them), `paste` (joins files side by side or
//! serially) and `fold` (wraps them), as GNU coreutils 9.1 does.

use super::args::parse;
use super::text::operands_or_stdin;
use super::{lines, Ctx};

/// Reads operand `f` (`-`: stdin) or prints `prog: f: error`.
fn input(prog: &str, f: &str, ctx: &mut Ctx) -> Option<Vec<u8>> {
    match ctx.read_input(f) {
        Ok(d) => Some(d),
        Err(k) => {
            ctx.err(prog, &format!("{f}: {}", k.strerror()));
            None
        }
    }
}

/// `nl [-b STYLE] [-n FORMAT] [-w WIDTH] [-s SEP] [-v START] [-i INCR] [FILE]...`: numbers
/// the non-empty lines (`-b a`: all, `-b n`: none).
pub(super) fn nl(args: &[String], ctx: &mut Ctx) -> i32 {
    let long = [
        ("body-numbering", 'b'),
        ("number-format", 'n'),
        ("number-width", 'w'),
        ("number-separator", 's'),
        ("starting-line-number", 'v'),
        ("line-increment", 'i'),
    ];
    let p = match parse(args, "", "bnwsvi", &long) {
        Ok(p) => p,
        Err(e) => {
            ctx.usage("nl", &e);
            return 1;
        }
    };
    let style = p.value('b').unwrap_or("t").to_string();
    if !matches!(style.as_str(), "a" | "t" | "n") {
        ctx.err("nl", &format!("invalid body numbering style: '{style}'"));
        return 1;
    }
    let format = p.value('n').unwrap_or("rn").to_string();
    let sep = p.value('s').unwrap_or("\t").to_string();
    let num = |c: char, default: i64, ctx: &mut Ctx| -> Option<i64> {
        match p.value(c) {
            None => Some(default),
            Some(v) => v.parse().ok().or_else(|| {
                let what = match c {
                    'w' => "line number field width",
                    'v' => "starting line number",
                    _ => "line number increment",
                };
                ctx.err("nl", &format!("invalid {what}: '{v}'"));
                None
            }),
        }
    };
    let (Some(width), Some(mut n), Some(incr)) =
        (num('w', 6, ctx), num('v', 1, ctx), num('i', 1, ctx))
    else {
        return 1;
    };
    // Wider than any screen only fills memory.
    let width = usize::try_from(width).unwrap_or(0).min(4096);
    let mut status = 0;
    for f in operands_or_stdin(&p.operands) {
        let Some(data) = input("nl", &f, ctx) else {
            status = 1;
            continue;
        };
        for line in lines(&data) {
            let text = line.strip_suffix(b"\n").unwrap_or(line);
            let numbered = match style.as_str() {
                "a" => true,
                "t" => !text.is_empty(),
                _ => false,
            };
            if numbered {
                let number = match format.as_str() {
                    "ln" => format!("{n:<width$}"),
                    "rz" => format!("{n:0width$}"),
                    _ => format!("{n:>width$}"),
                };
                ctx.out.out(format!("{number}{sep}"));
                n = n.saturating_add(incr);
            } else {
                ctx.out.out(" ".repeat(width.saturating_add(sep.len())));
            }
            ctx.out.out(text);
            ctx.out.out("\n");
        }
    }
    status
}

/// `paste [-s] [-d LIST] [FILE]...`: line N of every file on one line, joined by the
/// delimiters of LIST in turn (TAB by default); `-s`: each file's lines on one line.
pub(super) fn paste(args: &[String], ctx: &mut Ctx) -> i32 {
    let long = [("serial", 's'), ("delimiters", 'd')];
    let p = match parse(args, "s", "d", &long) {
        Ok(p) => p,
        Err(e) => {
            ctx.usage("paste", &e);
            return 1;
        }
    };
    let delims = delimiters(p.value('d').unwrap_or("\t"));
    let mut files = Vec::new();
    // `-` given more than once reads stdin's lines in turn.
    let stdin_lines: Vec<Vec<u8>> = lines(ctx.stdin).iter().map(|l| l.to_vec()).collect();
    let dashes = p.operands.iter().filter(|f| *f == "-").count().max(1);
    let mut dash = 0;
    for f in operands_or_stdin(&p.operands) {
        if f == "-" {
            let mine: Vec<Vec<u8>> = if p.has('s') {
                stdin_lines.clone()
            } else {
                stdin_lines
                    .iter()
                    .skip(dash)
                    .step_by(dashes)
                    .cloned()
                    .collect()
            };
            dash += 1;
            files.push(mine);
            continue;
        }
        match input("paste", &f, ctx) {
            Some(d) => files.push(lines(&d).iter().map(|l| l.to_vec()).collect()),
            None => return 1,
        }
    }
    let strip = |l: &[u8]| l.strip_suffix(b"\n").unwrap_or(l).to_vec();
    let delim = |i: usize| {
        delims
            .get(i % delims.len().max(1))
            .cloned()
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    if p.has('s') {
        for file in &files {
            for (i, l) in file.iter().enumerate() {
                if i > 0 {
                    out.extend(delim(i - 1));
                }
                out.extend(strip(l));
            }
            out.push(b'\n');
        }
    } else {
        let rows = files.iter().map(Vec::len).max().unwrap_or(0);
        for r in 0..rows {
            for (i, file) in files.iter().enumerate() {
                if i > 0 {
                    out.extend(delim(i - 1));
                }
                if let Some(l) = file.get(r) {
                    out.extend(strip(l));
                }
            }
            out.push(b'\n');
        }
    }
    ctx.out.out(out);
    0
}

/// The delimiters of `-d LIST`: `\n`, `\t`, `\\`, and `\0` (none).
fn delimiters(list: &str) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut chars = list.chars();
    while let Some(c) = chars.next() {
        let d = match c {
            '\\' => match chars.next() {
                Some('n') => "\n".to_string(),
                Some('t') => "\t".to_string(),
                Some('0') | None => String::new(),
                Some(o) => o.to_string(),
            },
            c => c.to_string(),
        };
        out.push(d.into_bytes());
    }
    if out.is_empty() {
        out.push(Vec::new());
    }
    out
}

/// `fold [-b] [-s] [-w WIDTH] [FILE]...`: wraps lines at WIDTH columns (80), at the last blank
/// with `-s`; a TAB moves to the next multiple of 8 unless `-b` counts bytes.
pub(super) fn fold(args: &[String], ctx: &mut Ctx) -> i32 {
    // `-20` is `-w 20`.
    let args: Vec<String> = args
        .iter()
        .map(|a| match a.strip_prefix('-') {
            Some(n) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => format!("-w{n}"),
            _ => a.clone(),
        })
        .collect();
    let long = [("bytes", 'b'), ("spaces", 's'), ("width", 'w')];
    let p = match parse(&args, "bs", "w", &long) {
        Ok(p) => p,
        Err(e) => {
            ctx.usage("fold", &e);
            return 1;
        }
    };
    let width = match p.value('w').map(str::parse::<usize>) {
        None => 80,
        Some(Ok(w)) if w > 0 => w,
        Some(Ok(_)) => {
            ctx.err(
                "fold",
                "invalid number of columns: '0': Numerical result out of range",
            );
            return 1;
        }
        Some(Err(_)) => {
            let v = p.value('w').unwrap_or_default().to_string();
            ctx.err("fold", &format!("invalid number of columns: '{v}'"));
            return 1;
        }
    };
    let mut status = 0;
    for f in operands_or_stdin(&p.operands) {
        let Some(data) = input("fold", &f, ctx) else {
            status = 1;
            continue;
        };
        let mut out = Vec::with_capacity(data.len());
        for line in lines(&data) {
            let (text, nl) = match line.strip_suffix(b"\n") {
                Some(t) => (t, true),
                None => (line, false),
            };
            fold_line(text, width, p.has('b'), p.has('s'), &mut out);
            if nl {
                out.push(b'\n');
            }
        }
        ctx.out.out(out);
    }
    status
}

/// Wraps one line (without its newline) into `out`.
fn fold_line(text: &[u8], width: usize, bytes: bool, spaces: bool, out: &mut Vec<u8>) {
    let advance = |col: usize, b: u8| -> usize {
        if bytes {
            return col + 1;
        }
        match b {
            b'\t' => col + 8 - col % 8,
            b'\x08' => col.saturating_sub(1),
            b'\r' => 0,
            _ => col + 1,
        }
    };
    let mut row: Vec<u8> = Vec::new();
    let mut col = 0;
    for &b in text {
        let next = advance(col, b);
        if next > width && !row.is_empty() {
            let cut = if spaces {
                row.iter()
                    .rposition(|c| *c == b' ' || *c == b'\t')
                    .map(|i| i + 1)
            } else {
                None
            };
            match cut {
                Some(at) => {
                    let rest = row.split_off(at);
                    out.extend_from_slice(&row);
                    out.push(b'\n');
                    row = rest;
                }
                _ => {
                    out.extend_from_slice(&row);
                    out.push(b'\n');
                    row.clear();
                }
            }
            col = row.iter().fold(0, |c, b| advance(c, *b));
        }
        row.push(b);
        col = advance(col, b);
    }
    out.extend_from_slice(&row);
}
