//! `grep` (GNU grep 3.8): prints the lines that match, with line numbers, file names, counts,
//! context lines (`-A`/`-B`/`-C`), only the matches (`-o`) or only file names (`-l`/`-L`).

use super::args::parse;
use super::grep_match::{Matcher, Syntax};
use super::{lines, Ctx};
use crate::sim::fs::NodeKind;

/// Files `grep -r` visits at most, so a huge tree still ends.
const MAX_FILES: usize = 10_000;

/// GNU's usage lines.
const USAGE: &str =
    "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";

/// What grep prints and how, from its flags.
struct Opts {
    invert: bool,
    number: bool,
    count: bool,
    list: bool,
    list_missing: bool,
    quiet: bool,
    names: bool,
    only: bool,
    max: Option<usize>,
    after: usize,
    before: usize,
}

/// `grep [OPTION]... PATTERNS [FILE]...`: 0 if a line was selected, 1 if none, 2 on an error.
pub(super) fn grep(args: &[String], ctx: &mut Ctx) -> i32 {
    let long = [
        ("ignore-case", 'i'),
        ("invert-match", 'v'),
        ("line-number", 'n'),
        ("count", 'c'),
        ("recursive", 'r'),
        ("dereference-recursive", 'R'),
        ("quiet", 'q'),
        ("silent", 'q'),
        ("files-with-matches", 'l'),
        ("files-without-match", 'L'),
        ("fixed-strings", 'F'),
        ("extended-regexp", 'E'),
        ("basic-regexp", 'G'),
        ("word-regexp", 'w'),
        ("line-regexp", 'x'),
        ("only-matching", 'o'),
        ("no-filename", 'h'),
        ("with-filename", 'H'),
        ("no-messages", 's'),
        ("text", 'a'),
        ("regexp", 'e'),
        ("file", 'f'),
        ("max-count", 'm'),
        ("after-context", 'A'),
        ("before-context", 'B'),
        ("context", 'C'),
    ];
    // `-2` is `-C 2`; `--color` only colours a terminal (podscope never colours).
    let args: Vec<String> = args
        .iter()
        .filter(|a| !a.starts_with("--color") && !a.starts_with("--colour"))
        .flat_map(|a| match a.strip_prefix('-') {
            Some(n) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
                vec!["-C".to_string(), n.to_string()]
            }
            _ => vec![a.clone()],
        })
        .collect();
    let p = match parse(&args, "ivyncrRlLqhHFEGswxoa", "efmABC", &long) {
        Ok(p) => p,
        Err(e) => {
            ctx.out.err(format!("grep: {e}\n{USAGE}"));
            return 2;
        }
    };
    let mut operands = p.operands.clone();
    let mut patterns = Vec::new();
    for (c, v) in &p.values {
        match c {
            'e' => patterns.push(v.clone()),
            'f' => match ctx.read_input(v) {
                Ok(d) => {
                    let text = String::from_utf8_lossy(&d);
                    patterns.extend(text.lines().map(str::to_string));
                }
                Err(k) => {
                    ctx.err("grep", &format!("{v}: {}", k.strerror()));
                    return 2;
                }
            },
            _ => {}
        }
    }
    if patterns.is_empty() && !p.values.iter().any(|(c, _)| *c == 'f') {
        if operands.is_empty() {
            ctx.out.err(USAGE);
            return 2;
        }
        patterns.push(operands.remove(0));
    }
    let Some(opts) = options(&p, &operands, ctx) else {
        return 2;
    };
    let syntax = Syntax {
        extended: p.has('E'),
        fixed: p.has('F'),
        ignore_case: p.has('i') || p.has('y'),
        words: p.has('w'),
        lines: p.has('x'),
    };
    let matcher = match Matcher::new(&patterns, syntax) {
        Ok(m) => m,
        Err(e) => {
            ctx.err("grep", &e);
            return 2;
        }
    };
    let recursive = p.has('r') || p.has('R');
    run_files(operands, recursive, &matcher, &opts, p.has('s'), ctx)
}

/// The printing options; `None` (after grep's message) for a bad count.
fn options(p: &super::args::Parsed, operands: &[String], ctx: &mut Ctx) -> Option<Opts> {
    let recursive = p.has('r') || p.has('R');
    let context = |c: char, ctx: &mut Ctx| -> Option<usize> {
        match p.value(c) {
            None => Some(0),
            Some(v) => v.parse().ok().or_else(|| {
                ctx.err("grep", &format!("{v}: invalid context length argument"));
                None
            }),
        }
    };
    let both = context('C', ctx)?;
    let after = p.value('A').map_or(Some(both), |_| context('A', ctx))?;
    let before = p.value('B').map_or(Some(both), |_| context('B', ctx))?;
    let max = match p.value('m') {
        None => None,
        Some(v) => match v.parse::<i64>() {
            Ok(n) => usize::try_from(n).ok(),
            Err(_) => {
                ctx.err("grep", "invalid max count");
                return None;
            }
        },
    };
    Some(Opts {
        invert: p.has('v'),
        number: p.has('n'),
        count: p.has('c'),
        list: p.has('l'),
        list_missing: p.has('L'),
        quiet: p.has('q'),
        names: !p.has('h') && (p.has('H') || operands.len() > 1 || recursive),
        only: p.has('o'),
        max,
        after,
        before,
    })
}

/// Searches every operand (directories too with `-r`); returns grep's status.
fn run_files(
    operands: Vec<String>,
    recursive: bool,
    matcher: &Matcher,
    opts: &Opts,
    silent: bool,
    ctx: &mut Ctx,
) -> i32 {
    let implicit_dot = recursive && operands.is_empty();
    let files = if operands.is_empty() {
        vec![if recursive { "." } else { "-" }.to_string()]
    } else {
        operands
    };
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
        let is_dir = f != "-"
            && ctx
                .fs
                .stat(ctx.ns, &abs)
                .is_ok_and(|m| m.kind == NodeKind::Dir);
        if recursive && is_dir {
            if let Ok(entries) = ctx.fs.read_dir(ctx.ns, &abs) {
                for (name, _) in entries.into_iter().rev() {
                    queue.push(if implicit_dot && f == "." {
                        name
                    } else {
                        format!("{}/{name}", f.trim_end_matches('/'))
                    });
                }
            }
            continue;
        }
        if is_dir {
            if !silent {
                ctx.err("grep", &format!("{f}: Is a directory"));
            }
            error = true;
            continue;
        }
        match ctx.read_input(&f) {
            Ok(data) => {
                let shown = if f == "-" { "(standard input)" } else { &f };
                matched |= search(&data, matcher, opts, shown, ctx);
                if matched && opts.quiet {
                    return 0;
                }
            }
            Err(k) => {
                if !silent {
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
fn search(data: &[u8], m: &Matcher, o: &Opts, name: &str, ctx: &mut Ctx) -> bool {
    let rows: Vec<String> = lines(data)
        .into_iter()
        .map(|l| String::from_utf8_lossy(l.strip_suffix(b"\n").unwrap_or(l)).into_owned())
        .collect();
    let binary = data.contains(&0);
    let silent = o.quiet || o.count || o.list || o.list_missing;
    let context = (o.after > 0 || o.before > 0) && !o.only && !binary;
    let mut selected = 0usize;
    let mut printed: Option<usize> = None;
    let mut after_left = 0usize;
    for (i, text) in rows.iter().enumerate() {
        if o.max.is_some_and(|max| selected >= max) {
            // Past the last line -m allows, only its trailing context prints.
            if after_left == 0 {
                break;
            }
        } else if m.is_match(text) != o.invert {
            selected = selected.saturating_add(1);
            if silent {
                continue;
            }
            if binary {
                ctx.err("grep", &format!("{name}: binary file matches"));
                break;
            }
            if context {
                let from = i.saturating_sub(o.before);
                let from = printed.map_or(from, |p| from.max(p.saturating_add(1)));
                for (j, row) in rows.iter().enumerate().take(i).skip(from) {
                    print_line(ctx, o, name, j, row, '-', &mut printed);
                }
            }
            if o.only {
                if !o.invert {
                    for part in m.matches(text) {
                        print_prefix(ctx, o, name, i, ':');
                        ctx.out.out(format!("{part}\n"));
                    }
                }
            } else {
                print_line(ctx, o, name, i, text, ':', &mut printed);
            }
            after_left = o.after;
            continue;
        }
        if context && after_left > 0 {
            after_left -= 1;
            print_line(ctx, o, name, i, text, '-', &mut printed);
        }
    }
    if o.quiet {
        return selected > 0;
    }
    if o.count {
        let prefix = if o.names {
            format!("{name}:")
        } else {
            String::new()
        };
        ctx.out.out(format!("{prefix}{selected}\n"));
    }
    if (o.list && selected > 0) || (o.list_missing && selected == 0) {
        ctx.out.out(format!("{name}\n"));
    }
    if o.list_missing {
        return selected == 0;
    }
    selected > 0
}

/// Prints one line (selected: `sep` is `:`; context: `-`), with `--` after a gap.
fn print_line(
    ctx: &mut Ctx,
    o: &Opts,
    name: &str,
    i: usize,
    text: &str,
    sep: char,
    printed: &mut Option<usize>,
) {
    if (o.after > 0 || o.before > 0) && printed.is_some_and(|p| i > p.saturating_add(1)) {
        ctx.out.out("--\n");
    }
    print_prefix(ctx, o, name, i, sep);
    ctx.out.out(format!("{text}\n"));
    *printed = Some(i);
}

/// The `name:` and `number:` prefixes of a line.
fn print_prefix(ctx: &mut Ctx, o: &Opts, name: &str, i: usize, sep: char) {
    if o.names {
        ctx.out.out(format!("{name}{sep}"));
    }
    if o.number {
        ctx.out.out(format!("{}{sep}", i.saturating_add(1)));
    }
}
