//! `grep`: prints lines that match a basic regular expression (or a fixed string).

use super::args::parse;
use super::regex::Pattern;
use super::{lines, Ctx};
use crate::sim::fs::{FsErrorKind, NodeKind};

/// Files `grep -r` visits at most, so a huge tree still ends.
const MAX_FILES: usize = 10_000;

/// What grep prints and how, from its flags.
struct Opts {
    invert: bool,
    number: bool,
    count: bool,
    list: bool,
    quiet: bool,
    names: bool,
}

/// `grep [-ivncrlqhHFE] [-e PATTERN | PATTERN] [FILE]...`: 0 if a line was selected, 1 if
/// none, 2 on an error.
pub(super) fn grep(args: &[String], ctx: &mut Ctx) -> i32 {
    let long = [
        ("ignore-case", 'i'),
        ("invert-match", 'v'),
        ("line-number", 'n'),
        ("count", 'c'),
        ("recursive", 'r'),
        ("quiet", 'q'),
    ];
    let p = match parse(args, "ivncrRlqhHFEsw", "e", &long) {
        Ok(p) => p,
        Err(e) => {
            ctx.out.err(format!("grep: {e}\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n"));
            return 2;
        }
    };
    let mut operands = p.operands.clone();
    let pattern = match p.value('e') {
        Some(e) => e.to_string(),
        None if !operands.is_empty() => operands.remove(0),
        None => {
            ctx.out.err("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
            return 2;
        }
    };
    let recursive = p.has('r') || p.has('R');
    let implicit_dot = recursive && operands.is_empty();
    let files = if operands.is_empty() {
        vec![if recursive {
            ".".to_string()
        } else {
            "-".to_string()
        }]
    } else {
        operands
    };
    let opts = Opts {
        invert: p.has('v'),
        number: p.has('n'),
        count: p.has('c'),
        list: p.has('l'),
        quiet: p.has('q'),
        names: !p.has('h') && (p.has('H') || files.len() > 1 || recursive),
    };
    let pat = Pattern::new(&pattern, p.has('i'), p.has('F'), p.has('E'));
    let mut matched = false;
    let mut error = false;
    let mut queue: Vec<String> = files.into_iter().rev().collect();
    let mut visited = 0usize;
    while let Some(f) = queue.pop() {
        visited = visited.saturating_add(1);
        if visited > MAX_FILES {
            break;
        }
        let abs = ctx.abs(&f);
        if recursive
            && f != "-"
            && ctx
                .fs
                .stat(ctx.ns, &abs)
                .is_ok_and(|m| m.kind == NodeKind::Dir)
        {
            if let Ok(entries) = ctx.fs.read_dir(ctx.ns, &abs) {
                for (name, _) in entries.into_iter().rev() {
                    let child = if implicit_dot && f == "." {
                        name
                    } else {
                        format!("{}/{name}", f.trim_end_matches('/'))
                    };
                    queue.push(child);
                }
            }
            continue;
        }
        match ctx.read_input(&f) {
            Ok(data) => {
                let shown = if f == "-" {
                    "(standard input)"
                } else {
                    f.as_str()
                };
                matched |= search(&data, &pat, &opts, shown, ctx);
                if matched && opts.quiet {
                    return 0;
                }
            }
            Err(k) => {
                if !p.has('s') {
                    let k = if recursive && k == FsErrorKind::IsADirectory {
                        FsErrorKind::NotFound
                    } else {
                        k
                    };
                    ctx.err("grep", &format!("{f}: {}", k.strerror()));
                }
                error = true;
            }
        }
    }
    if error && !(opts.quiet && matched) {
        2
    } else if matched {
        0
    } else {
        1
    }
}

/// Searches one input and prints what the options ask for; true when a line was selected.
fn search(data: &[u8], pat: &Pattern, o: &Opts, name: &str, ctx: &mut Ctx) -> bool {
    let mut selected = 0usize;
    for (i, line) in lines(data).into_iter().enumerate() {
        let text = line.strip_suffix(b"\n").unwrap_or(line);
        if pat.is_match(text) == o.invert {
            continue;
        }
        selected = selected.saturating_add(1);
        if o.quiet || o.count || o.list {
            continue;
        }
        if o.names {
            ctx.out.out(format!("{name}:"));
        }
        if o.number {
            ctx.out.out(format!("{}:", i.saturating_add(1)));
        }
        ctx.out.out(text);
        ctx.out.out("\n");
    }
    if o.quiet {
        return selected > 0;
    }
    if o.list {
        if selected > 0 {
            ctx.out.out(format!("{name}\n"));
        }
    } else if o.count {
        let prefix = if o.names {
            format!("{name}:")
        } else {
            String::new()
        };
        ctx.out.out(format!("{prefix}{selected}\n"));
    }
    selected > 0
}
