//! `sed`, as GNU sed 4.9 of Debian bookworm: options (`-n`, `-e`, `-f`, `-E`/`-r`, `-i[SUFFIX]`,
//! `-s`), addresses (numbers, `$`, `/re/`, `first~step`, ranges with `,N` `,/re/` `,+N` `,~N`,
//! `!`), and the commands `s y p P d D n N h H g G x = l z F q Q a i c b t T : r w { }`, with
//! GNU's messages. Regular expressions are POSIX (see `posix_regex`).

mod exec;
mod parse;

use super::{Ctx, FsErrorKind};
use crate::sim::fs::WriteMode;
use exec::{Line, Machine};
use parse::{Command, Op};
use std::collections::BTreeMap;

const USAGE: &str = include_str!("usage.txt");

/// What the command line asked for.
#[derive(Default)]
struct Options {
    quiet: bool,
    extended: bool,
    separate: bool,
    in_place: Option<String>,
    scripts: Vec<String>,
    files: Vec<String>,
}

/// `sed [OPTION]... SCRIPT [FILE]...`
pub(in crate::sim::coreutils) fn sed(args: &[String], ctx: &mut Ctx) -> i32 {
    let opts = match options(args, ctx) {
        Ok(o) => o,
        Err(status) => return status,
    };
    let mut prog: Vec<Command> = Vec::new();
    let mut open = Vec::new();
    for (i, script) in opts.scripts.iter().enumerate() {
        if let Err(msg) = parse::parse_into(script, i + 1, opts.extended, &mut prog, &mut open) {
            ctx.err("sed", &msg);
            return 1;
        }
    }
    if !open.is_empty() {
        ctx.err(
            "sed",
            &format!(
                "-e expression #{}, char 0: unmatched `{{'",
                opts.scripts.len()
            ),
        );
        return 1;
    }
    let labels: BTreeMap<String, usize> = prog
        .iter()
        .enumerate()
        .filter_map(|(i, c)| match &c.op {
            Op::Label(l) => Some((l.clone(), i)),
            _ => None,
        })
        .collect();
    for c in &prog {
        if let Op::Jump(_, Some(label)) = &c.op {
            if !labels.contains_key(label) {
                ctx.err("sed", &format!("can't find label for jump to `{label}'"));
                return 1;
            }
        }
    }
    run(&opts, &prog, &labels, ctx)
}

fn run(opts: &Options, prog: &[Command], labels: &BTreeMap<String, usize>, ctx: &mut Ctx) -> i32 {
    let files = if opts.files.is_empty() {
        vec!["-".to_string()]
    } else {
        opts.files.clone()
    };
    let mut status = 0;
    let mut inputs: Vec<(String, String)> = Vec::new();
    for f in &files {
        if opts.in_place.is_some() && f == "-" {
            ctx.err("sed", "couldn't edit -: not a regular file");
            return 4;
        }
        match ctx.read_input(f) {
            Ok(data) => inputs.push((f.clone(), String::from_utf8_lossy(&data).into_owned())),
            Err(FsErrorKind::IsADirectory) if opts.in_place.is_some() => {
                ctx.err("sed", &format!("couldn't edit {f}: not a regular file"));
                status = 4;
            }
            Err(FsErrorKind::IsADirectory) => {
                ctx.err("sed", &format!("read error on {f}: Is a directory"));
                status = 2;
            }
            Err(kind) => {
                ctx.err("sed", &format!("can't read {f}: {}", kind.strerror()));
                status = 2;
            }
        }
    }
    let fs = &*ctx.fs;
    let (ns, cwd) = (ctx.ns, ctx.cwd);
    let reader = move |name: &str| {
        fs.read(ns, &crate::sim::fs::normalize(cwd, name))
            .ok()
            .map(|b| String::from_utf8_lossy(&b).into_owned())
    };
    let mut results: Vec<(Option<String>, String)> = Vec::new();
    let mut writes = BTreeMap::new();
    let mut quit = None;
    if opts.in_place.is_some() || opts.separate {
        for (name, text) in &inputs {
            let mut m = Machine::new(prog, labels, opts.quiet, &reader);
            m.file_name = name.clone();
            m.run(&split_lines(text));
            let target = opts.in_place.as_ref().map(|_| name.clone());
            results.push((target, std::mem::take(&mut m.out)));
            writes.append(&mut m.writes);
            if m.quit.is_some() {
                quit = m.quit;
                break;
            }
        }
    } else {
        let lines: Vec<Line> = inputs.iter().flat_map(|(_, t)| split_lines(t)).collect();
        let mut m = Machine::new(prog, labels, opts.quiet, &reader);
        m.file_name = inputs.first().map_or("-".into(), |(n, _)| n.clone());
        m.run(&lines);
        results.push((None, std::mem::take(&mut m.out)));
        writes.append(&mut m.writes);
        quit = m.quit;
    }
    for c in prog {
        if let Op::File('w', name) = &c.op {
            writes.entry(name.clone()).or_default();
        }
    }
    for (target, text) in results {
        match target {
            None => ctx.out.out(text),
            Some(file) => {
                if let Some(suffix) = opts.in_place.as_ref().filter(|s| !s.is_empty()) {
                    let original = inputs
                        .iter()
                        .find(|(n, _)| *n == file)
                        .map(|(_, t)| t.clone())
                        .unwrap_or_default();
                    let backup = backup_name(&file, suffix);
                    if let Err(e) =
                        ctx.write_file(&backup, original.as_bytes(), WriteMode::Truncate)
                    {
                        ctx.err(
                            "sed",
                            &format!("cannot rename {file}: {}", e.kind.strerror()),
                        );
                        status = 4;
                    }
                }
                if let Err(e) = ctx.write_file(&file, text.as_bytes(), WriteMode::Truncate) {
                    ctx.err(
                        "sed",
                        &format!("couldn't open file {file}: {}", e.kind.strerror()),
                    );
                    status = 4;
                }
            }
        }
    }
    for (file, text) in writes {
        if let Err(e) = ctx.write_file(&file, text.as_bytes(), WriteMode::Truncate) {
            ctx.err(
                "sed",
                &format!("couldn't open file {file}: {}", e.kind.strerror()),
            );
            status = 4;
        }
    }
    quit.unwrap_or(status)
}

/// `-i.bak` on `dir/f` writes `dir/f.bak`; a `*` in the suffix stands for the file's name.
fn backup_name(file: &str, suffix: &str) -> String {
    if suffix.contains('*') {
        let (dir, base) = file.rsplit_once('/').map_or(("", file), |(d, b)| (d, b));
        let name = suffix.replace('*', base);
        if dir.is_empty() || name.contains('/') {
            name
        } else {
            format!("{dir}/{name}")
        }
    } else {
        format!("{file}{suffix}")
    }
}

/// Lines with their newline flags (the last one may lack its newline).
fn split_lines(text: &str) -> Vec<Line> {
    let mut lines: Vec<Line> = text.split('\n').map(|l| (l.to_string(), true)).collect();
    if let Some(last) = lines.pop() {
        if !last.0.is_empty() {
            lines.push((last.0, false));
        }
    }
    lines
}

/// Parses sed's options; `Err` is the exit status after a message.
fn options(args: &[String], ctx: &mut Ctx) -> Result<Options, i32> {
    let mut o = Options::default();
    let mut operands = Vec::new();
    let mut it = args.iter();
    let mut script_given = false;
    let invalid = |ctx: &mut Ctx, what: String| {
        ctx.out.err(format!("sed: {what}\n{USAGE}"));
        Err(1)
    };
    while let Some(a) = it.next() {
        if a == "--" {
            operands.extend(it.by_ref().cloned());
            break;
        }
        if let Some(long) = a.strip_prefix("--") {
            let (key, val) = long
                .split_once('=')
                .map_or((long, None), |(k, v)| (k, Some(v)));
            match key {
                "quiet" | "silent" => o.quiet = true,
                "regexp-extended" => o.extended = true,
                "separate" => o.separate = true,
                "posix" | "unbuffered" | "debug" | "sandbox" | "follow-symlinks" => {}
                "in-place" => o.in_place = Some(val.unwrap_or_default().to_string()),
                "expression" | "file" => {
                    let Some(v) = val.map(str::to_string).or_else(|| it.next().cloned()) else {
                        return invalid(ctx, format!("option '--{key}' requires an argument"));
                    };
                    o.scripts.push(script_from(key == "file", &v, ctx)?);
                    script_given = true;
                }
                "help" => {
                    ctx.out.out(USAGE);
                    return Err(0);
                }
                "version" => {
                    ctx.out.out("sed (GNU sed) 4.9\n");
                    return Err(0);
                }
                _ => return invalid(ctx, format!("unrecognized option '{a}'")),
            }
            continue;
        }
        let Some(bundle) = a.strip_prefix('-').filter(|b| !b.is_empty()) else {
            operands.push(a.clone());
            continue;
        };
        for (i, c) in bundle.char_indices() {
            let rest = bundle.get(i + 1..).unwrap_or_default();
            match c {
                'n' => o.quiet = true,
                'E' | 'r' => o.extended = true,
                's' => o.separate = true,
                'u' => {}
                'i' => {
                    o.in_place = Some(rest.to_string());
                    break;
                }
                'e' | 'f' => {
                    let v = if rest.is_empty() {
                        match it.next() {
                            Some(v) => v.clone(),
                            None => {
                                return invalid(
                                    ctx,
                                    format!("option requires an argument -- '{c}'"),
                                )
                            }
                        }
                    } else {
                        rest.to_string()
                    };
                    o.scripts.push(script_from(c == 'f', &v, ctx)?);
                    script_given = true;
                    break;
                }
                'z' => {
                    ctx.err("sed", "podscope: -z (NUL-separated lines) is not simulated");
                    return Err(1);
                }
                other => return invalid(ctx, format!("invalid option -- '{other}'")),
            }
        }
    }
    let mut operands = operands.into_iter();
    if !script_given {
        match operands.next() {
            Some(s) => o.scripts.push(s),
            None => {
                ctx.out.err(USAGE);
                return Err(1);
            }
        }
    }
    o.files = operands.collect();
    Ok(o)
}

/// The text of `-e TEXT`, or of the file `-f FILE` names.
fn script_from(is_file: bool, value: &str, ctx: &mut Ctx) -> Result<String, i32> {
    if !is_file {
        return Ok(value.to_string());
    }
    match ctx.read_input(value) {
        Ok(data) => {
            let text = String::from_utf8_lossy(&data).into_owned();
            Ok(text.strip_suffix('\n').unwrap_or(&text).to_string())
        }
        Err(kind) => {
            ctx.err(
                "sed",
                &format!("couldn't open file {value}: {}", kind.strerror()),
            );
            Err(1)
        }
    }
}
