//! `awk`, which in debian:bookworm is mawk 1.3.4: `-F`, `-v`, `-f`, `-W version`; BEGIN/END,
//! patterns and ranges, fields and `NF`/`NR`/`FNR`, `print`/`printf` (with `>`/`>>` files),
//! control flow, associative arrays, user functions and the POSIX built-ins, with mawk's number
//! output and messages. Not simulated (each says so): `system()`, pipes (`print | "cmd"`,
//! `"cmd" | getline`) and `getline < file`.

mod builtins;
mod interp;
mod lex;
mod parse;
mod value;

use super::Ctx;
use crate::sim::fs::WriteMode;
use interp::Interp;
use value::Value;

/// mawk's `-W version` text (its first lines).
const VERSION: &str = "mawk 1.3.4 20200120\nCopyright 2008-2019,2020, Thomas E. Dickey\nCopyright 1991-1996,2014, Michael D. Brennan\n\nrandom-funcs:       srandom/random\nregex-funcs:        internal\ncompiled limits:\nsprintf buffer      8192\nmaximum-integer     2147483647\n";

/// `awk [-F fs] [-v var=value] [-f progfile | 'program'] [file ...]`
pub(in crate::sim::coreutils) fn awk(args: &[String], ctx: &mut Ctx) -> i32 {
    let mut fs: Option<String> = None;
    let mut assigns: Vec<(String, String)> = Vec::new();
    let mut program: Option<String> = None;
    let mut it = args.iter().peekable();
    while let Some(a) = it.peek().map(|s| s.as_str()) {
        if a == "--" {
            it.next();
            break;
        }
        if !a.starts_with('-') || a == "-" {
            break;
        }
        let a = it.next().cloned().unwrap_or_default();
        let (flag, attached) = a.split_at(a.char_indices().nth(2).map_or(a.len(), |(i, _)| i));
        let mut value = || {
            if attached.is_empty() {
                it.next().cloned()
            } else {
                Some(attached.to_string())
            }
        };
        match flag {
            "-F" => fs = value().map(|v| unescape(&v)),
            "-v" => match value().and_then(|v| {
                v.split_once('=')
                    .map(|(k, v)| (k.to_string(), v.to_string()))
            }) {
                Some((k, v)) => assigns.push((k, unescape(&v))),
                None => {
                    ctx.err("awk", "improper assignment: -v");
                    return 2;
                }
            },
            "-f" => {
                let Some(file) = value() else {
                    ctx.err("awk", "option requires an argument -- f");
                    return 2;
                };
                match ctx.read_input(&file) {
                    Ok(text) => {
                        let text = String::from_utf8_lossy(&text).into_owned();
                        program = Some(program.map_or(text.clone(), |p| p + "\n" + &text));
                    }
                    Err(_) => {
                        ctx.err("awk", &format!("couldn't open file {file}"));
                        return 2;
                    }
                }
            }
            "-W" => {
                if value().is_some_and(|v| v.starts_with('v')) {
                    ctx.out.out(VERSION);
                    return 0;
                }
            }
            _ => {
                ctx.err("awk", &format!("not an option: {a}"));
                return 2;
            }
        }
    }
    let program = match program {
        Some(p) => p,
        None => match it.next() {
            Some(p) => p.clone(),
            None => {
                ctx.out.err("usage: awk [-F value] [-v var=value] [--] 'program text' [file ...]\nusage: awk [-F value] [-v var=value] [-f program-file] [--] [file ...]\n");
                return 2;
            }
        },
    };
    let operands: Vec<String> = it.cloned().collect();
    let parsed = match lex::tokens(&program).and_then(parse::parse) {
        Ok(p) => p,
        Err(msg) => {
            ctx.err("awk", &msg);
            return 2;
        }
    };
    run(&parsed, fs, assigns, &operands, ctx)
}

fn run(
    prog: &parse::Program,
    fs: Option<String>,
    assigns: Vec<(String, String)>,
    operands: &[String],
    ctx: &mut Ctx,
) -> i32 {
    let mut interp = Interp::new(prog);
    if let Some(fs) = fs {
        interp.vars.insert("FS".into(), Value::Str(fs));
    }
    for (k, v) in assigns {
        interp.vars.insert(k, Value::StrNum(v));
    }
    let environ = interp.arrays.entry("ENVIRON".into()).or_default();
    for (k, v) in ctx.env {
        environ.set(k.clone(), Value::StrNum(v.clone()));
    }
    let argv = interp.arrays.entry("ARGV".into()).or_default();
    argv.set("0".into(), Value::Str("awk".into()));
    for (i, a) in operands.iter().enumerate() {
        argv.set((i + 1).to_string(), Value::StrNum(a.clone()));
    }
    interp
        .vars
        .insert("ARGC".into(), Value::Num((operands.len() + 1) as f64));
    let mut inputs = Vec::new();
    let mut missing = None;
    for op in operands {
        if let Some((k, v)) = op.split_once('=').filter(|(k, _)| is_name(k)) {
            interp
                .vars
                .insert(k.to_string(), Value::StrNum(unescape(v)));
            continue;
        }
        match ctx.read_input(op) {
            Ok(data) => inputs.push((op.clone(), String::from_utf8_lossy(&data).into_owned())),
            Err(kind) => {
                missing = Some(format!("cannot open {op} ({})", kind.strerror()));
                break;
            }
        }
    }
    if operands
        .iter()
        .all(|o| o.split_once('=').is_some_and(|(k, _)| is_name(k)))
    {
        inputs.push(("".into(), String::from_utf8_lossy(ctx.stdin).into_owned()));
    }
    interp.pending = inputs;
    interp.run_with(missing.is_some());
    let files = std::mem::take(&mut interp.files);
    ctx.out.extend(std::mem::take(&mut interp.out));
    for (name, text) in files {
        if let Err(e) = ctx.write_file(&name, text.as_bytes(), WriteMode::Truncate) {
            ctx.err(
                "awk",
                &format!("cannot open \"{name}\" for output ({})", e.kind.strerror()),
            );
            return 2;
        }
    }
    if let Some(msg) = interp.failed.take() {
        if msg.starts_with("podscope:") || msg.starts_with("regular") {
            ctx.err("awk", &msg);
        } else {
            ctx.err("awk", &format!("run time error: {msg}"));
            let fnr = interp.var_str("FNR");
            let nr = interp.var_str("NR");
            let file = interp.var_str("FILENAME");
            ctx.out
                .err(format!("\tFILENAME=\"{file}\" FNR={fnr} NR={nr}\n"));
        }
        return 2;
    }
    if let Some(msg) = missing {
        ctx.err("awk", &msg);
        return 2;
    }
    interp.exit_code
}

fn is_name(k: &str) -> bool {
    let mut chars = k.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Backslash escapes in `-v` values and `-F`.
fn unescape(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        i += 1;
        if c == '\\' {
            if let Some(&n) = chars.get(i) {
                i += 1;
                out.push_str(&lex::escape(n, &chars, &mut i));
                continue;
            }
        }
        out.push(c);
    }
    out
}
