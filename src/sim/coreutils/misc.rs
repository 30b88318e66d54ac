//! Small programs: `rev` (util-linux), and from coreutils `nproc`, `tty`, `logname`,
//! `truncate`, `unlink`, `mktemp`, `comm` and `expand`.

use super::args::parse;
use super::text::operands_or_stdin;
use super::{lines, Ctx};
use crate::sim::fs::{FsErrorKind, WriteMode};

/// CPUs of the simulated node, as `nproc` and `/proc/cpuinfo` would show.
const NODE_CPUS: u32 = 2;

/// `rev [FILE]...`: each line reversed.
pub(super) fn rev(args: &[String], ctx: &mut Ctx) -> i32 {
    let mut status = 0;
    for f in operands_or_stdin(args) {
        match ctx.read_input(&f) {
            Ok(data) => {
                let mut out = String::new();
                for line in lines(&data) {
                    let text = String::from_utf8_lossy(line);
                    let (body, nl) = match text.strip_suffix('\n') {
                        Some(b) => (b, "\n"),
                        None => (text.as_ref(), ""),
                    };
                    out.extend(body.chars().rev());
                    out.push_str(nl);
                }
                ctx.out.out(out);
            }
            Err(k) => {
                ctx.err("rev", &format!("cannot open {f}: {}", k.strerror()));
                status = 1;
            }
        }
    }
    status
}

/// `nproc [--all]`.
pub(super) fn nproc(_args: &[String], ctx: &mut Ctx) -> i32 {
    ctx.out.out(format!("{NODE_CPUS}\n"));
    0
}

/// `tty`: the terminal of `kubectl exec -it`, or `not a tty` when stdin is a pipe or file.
pub(super) fn tty(_args: &[String], ctx: &mut Ctx) -> i32 {
    if ctx.stdin.is_empty() && ctx.tty {
        ctx.out.out("/dev/pts/0\n");
        0
    } else {
        ctx.out.out("not a tty\n");
        1
    }
}

/// `logname`: a container has no login session.
pub(super) fn logname(_args: &[String], ctx: &mut Ctx) -> i32 {
    ctx.err("logname", "no login name");
    1
}

/// `unlink FILE`.
pub(super) fn unlink(args: &[String], ctx: &mut Ctx) -> i32 {
    let [file] = args else {
        let msg = if args.is_empty() {
            "missing operand".to_string()
        } else {
            format!("extra operand '{}'", args.get(1).map_or("", String::as_str))
        };
        ctx.usage("unlink", &msg);
        return 1;
    };
    let path = ctx.abs(file);
    match ctx.fs.remove_file(ctx.ns, &path) {
        Ok(()) => 0,
        Err(e) => {
            ctx.err(
                "unlink",
                &format!("cannot unlink '{file}': {}", e.kind.strerror()),
            );
            1
        }
    }
}

/// `truncate -s [+-]SIZE FILE...`: grows (with NUL bytes) or shrinks files, creating them.
pub(super) fn truncate(args: &[String], ctx: &mut Ctx) -> i32 {
    let p = match parse(args, "c", "s", &[("size", 's'), ("no-create", 'c')]) {
        Ok(p) => p,
        Err(e) => {
            ctx.usage("truncate", &e);
            return 1;
        }
    };
    let Some(size) = p.value('s') else {
        ctx.usage(
            "truncate",
            "you must specify either '--size' or '--reference'",
        );
        return 1;
    };
    if p.operands.is_empty() {
        ctx.usage("truncate", "missing file operand");
        return 1;
    }
    let (rel, digits) = match size.chars().next() {
        Some(c @ ('+' | '-')) => (Some(c), size.get(1..).unwrap_or_default()),
        _ => (None, size),
    };
    let Ok(n) = digits.parse::<u64>() else {
        ctx.err("truncate", &format!("Invalid number: '{size}'"));
        return 1;
    };
    let mut status = 0;
    for f in p.operands.clone() {
        let old = match ctx.read_input(&f) {
            Ok(d) => d,
            Err(FsErrorKind::NotFound) if p.has('c') => continue,
            Err(FsErrorKind::NotFound) => Vec::new(),
            Err(k) => {
                ctx.err(
                    "truncate",
                    &format!("cannot open '{f}' for writing: {}", k.strerror()),
                );
                status = 1;
                continue;
            }
        };
        let len = old.len() as u64;
        let want = match rel {
            Some('+') => len.saturating_add(n),
            Some(_) => len.saturating_sub(n),
            None => n,
        };
        // A sparse file of gigabytes would only fill memory here.
        if want > 64 << 20 {
            ctx.err("truncate", "podscope: files above 64 MiB are not simulated");
            status = 1;
            continue;
        }
        let mut data = old;
        data.resize(usize::try_from(want).unwrap_or(0), 0);
        if let Err(e) = ctx.write_file(&f, &data, WriteMode::Truncate) {
            ctx.err(
                "truncate",
                &format!("cannot open '{f}' for writing: {}", e.kind.strerror()),
            );
            status = 1;
        }
    }
    status
}

/// `mktemp [-d] [-u] [-p DIR] [TEMPLATE]`: a new file (or directory) under /tmp named from the
/// template's trailing X's. The letters come from the simulated clock, so a run is repeatable.
pub(super) fn mktemp(args: &[String], ctx: &mut Ctx) -> i32 {
    let long = [
        ("directory", 'd'),
        ("dry-run", 'u'),
        ("tmpdir", 'p'),
        ("quiet", 'q'),
    ];
    let p = match parse(args, "duqt", "p", &long) {
        Ok(p) => p,
        Err(e) => {
            ctx.usage("mktemp", &e);
            return 1;
        }
    };
    let template = p
        .operands
        .first()
        .cloned()
        .unwrap_or_else(|| "tmp.XXXXXXXXXX".into());
    let xs = template.chars().rev().take_while(|c| *c == 'X').count();
    if xs < 3 {
        ctx.err("mktemp", &format!("too few X's in template '{template}'"));
        return 1;
    }
    let dir = p
        .value('p')
        .map(str::to_string)
        .or_else(|| (p.operands.is_empty() || !template.contains('/')).then(|| "/tmp".to_string()));
    const LETTERS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut seed = ctx
        .now_ms
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1);
    for attempt in 0..100u64 {
        let mut name = template
            .get(..template.len() - xs)
            .unwrap_or_default()
            .to_string();
        for _ in 0..xs {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407 ^ attempt);
            let i = usize::try_from((seed >> 33) % LETTERS.len() as u64).unwrap_or(0);
            name.push(char::from(LETTERS.get(i).copied().unwrap_or(b'a')));
        }
        let shown = match &dir {
            Some(d) => format!("{}/{name}", d.trim_end_matches('/')),
            None => name,
        };
        let abs = ctx.abs(&shown);
        if ctx.fs.lstat(ctx.ns, &abs).is_ok() {
            continue;
        }
        let made = if p.has('u') {
            Ok(())
        } else if p.has('d') {
            ctx.fs.mkdir(ctx.ns, &abs, *ctx.now_ms).map(|_| ())
        } else {
            ctx.write_file(&shown, b"", WriteMode::Truncate).map(|_| ())
        };
        return match made {
            Ok(()) => {
                ctx.out.out(format!("{shown}\n"));
                0
            }
            Err(e) => {
                let what = if p.has('d') { "directory" } else { "file" };
                ctx.err(
                    "mktemp",
                    &format!(
                        "failed to create {what} via template '{template}': {}",
                        e.kind.strerror()
                    ),
                );
                1
            }
        };
    }
    ctx.err(
        "mktemp",
        &format!("failed to create file via template '{template}': File exists"),
    );
    1
}

/// `comm [-123] FILE1 FILE2`: lines only in the first, only in the second, and in both.
pub(super) fn comm(args: &[String], ctx: &mut Ctx) -> i32 {
    let p = match parse(args, "123", "", &[]) {
        Ok(p) => p,
        Err(e) => {
            ctx.usage("comm", &e);
            return 1;
        }
    };
    let [a, b] = p.operands.as_slice() else {
        let msg = match p.operands.len() {
            0 => "missing operand".to_string(),
            1 => format!(
                "missing operand after '{}'",
                p.operands.first().map_or("", String::as_str)
            ),
            _ => format!(
                "extra operand '{}'",
                p.operands.get(2).map_or("", String::as_str)
            ),
        };
        ctx.usage("comm", &msg);
        return 1;
    };
    let read = |ctx: &mut Ctx, f: &str| -> Option<Vec<String>> {
        match ctx.read_input(f) {
            Ok(d) => Some(
                String::from_utf8_lossy(&d)
                    .lines()
                    .map(str::to_string)
                    .collect(),
            ),
            Err(k) => {
                ctx.err("comm", &format!("{f}: {}", k.strerror()));
                None
            }
        }
    };
    let (Some(left), Some(right)) = (read(ctx, a), read(ctx, b)) else {
        return 1;
    };
    let show = [!p.has('1'), !p.has('2'), !p.has('3')];
    let indent = |col: usize| -> String {
        show.iter()
            .take(col)
            .filter(|s| **s)
            .map(|_| "\t")
            .collect()
    };
    let (mut i, mut j) = (0, 0);
    let mut out = String::new();
    let mut unsorted = [false, false];
    while i < left.len() || j < right.len() {
        let (l, r) = (left.get(i), right.get(j));
        let col = match (l, r) {
            (Some(x), Some(y)) if x == y => 2,
            (Some(x), Some(y)) if x < y => 0,
            (Some(_), None) => 0,
            _ => 1,
        };
        let text = if col == 1 { r } else { l }.cloned().unwrap_or_default();
        if col != 1 {
            unsorted[0] |= left.get(i + 1).is_some_and(|n| *n < text);
            i += 1;
        }
        if col != 0 {
            unsorted[1] |= right.get(j + 1).is_some_and(|n| *n < text);
            j += 1;
        }
        if show.get(col).copied().unwrap_or(false) {
            out.push_str(&format!("{}{text}\n", indent(col)));
        }
    }
    ctx.out.out(out);
    for (k, bad) in unsorted.iter().enumerate() {
        if *bad {
            ctx.err("comm", &format!("file {} is not in sorted order", k + 1));
        }
    }
    if unsorted.iter().any(|b| *b) {
        ctx.err("comm", "input is not in sorted order");
        return 1;
    }
    0
}

/// `expand [-t N] [FILE]...`: tabs to spaces (stops every N columns, 8 by default).
pub(super) fn expand(args: &[String], ctx: &mut Ctx) -> i32 {
    let p = match parse(args, "i", "t", &[("tabs", 't'), ("initial", 'i')]) {
        Ok(p) => p,
        Err(e) => {
            ctx.usage("expand", &e);
            return 1;
        }
    };
    let stop = match p.value('t').map(str::parse::<usize>) {
        None => 8,
        Some(Ok(n)) if n > 0 => n.min(4096),
        Some(_) => {
            let v = p.value('t').unwrap_or_default().to_string();
            ctx.err(
                "expand",
                &format!("tab size contains invalid character(s): '{v}'"),
            );
            return 1;
        }
    };
    let mut status = 0;
    for f in operands_or_stdin(&p.operands) {
        let Ok(data) = ctx.read_input(&f).map_err(|k| {
            ctx.err("expand", &format!("{f}: {}", k.strerror()));
        }) else {
            status = 1;
            continue;
        };
        let text = String::from_utf8_lossy(&data);
        let mut out = String::with_capacity(text.len());
        let mut col = 0;
        let mut leading = true;
        for c in text.chars() {
            match c {
                '\t' if !p.has('i') || leading => {
                    let n = stop - col % stop;
                    out.push_str(&" ".repeat(n));
                    col += n;
                }
                '\n' => {
                    out.push(c);
                    col = 0;
                    leading = true;
                }
                _ => {
                    leading &= c == ' ' || c == '\t';
                    out.push(c);
                    col += 1;
                }
            }
        }
        ctx.out.out(out);
    }
    status
}
