//! Programs that run other programs: `env [-i] [-u NAME] [NAME=VALUE]... [COMMAND]` and
//! `xargs [-0] [-n N] [-I REPL] [-r] [-t] [COMMAND]` (GNU coreutils 9.1, findutils 4.9). The
//! command is found on PATH and run as a child, like any program.

use super::ContainerHost;
use crate::sim::fs::normalize;
use crate::sim::output::Output;
use crate::sim::shell::{ExecOutcome, ExecRequest, ShellHost};

/// Runs `env` or `xargs`.
pub(super) fn run(
    host: &mut ContainerHost,
    req: &ExecRequest<'_>,
    out: &mut Output,
) -> ExecOutcome {
    match req.name() {
        "xargs" => xargs(host, req, out),
        _ => env(host, req, out),
    }
}

/// Runs `argv` (found on PATH) with `env`; `prog` names the caller in messages.
pub(super) fn spawn(
    host: &mut ContainerHost,
    prog: &str,
    argv: &[String],
    env: &[(String, String)],
    req: &ExecRequest<'_>,
    stdin: &[u8],
    out: &mut Output,
) -> Result<ExecOutcome, i32> {
    let Some(cmd) = argv.first() else {
        return Ok(ExecOutcome::Exited(0));
    };
    let path_var = env
        .iter()
        .rev()
        .find(|(k, _)| k == "PATH")
        .map(|(_, v)| v.clone())
        // Without PATH, execvp(3) searches glibc's default path.
        .unwrap_or_else(|| "/bin:/usr/bin".to_string());
    let lookup = if cmd.contains('/') {
        normalize(req.cwd, cmd)
    } else {
        cmd.clone()
    };
    let Some(path) = host.which(&lookup, &path_var) else {
        let quoted = if prog == "env" || prog == "find" {
            format!("'{cmd}'")
        } else {
            cmd.clone()
        };
        out.err(format!("{prog}: {quoted}: No such file or directory\n"));
        return Err(127);
    };
    let child = ExecRequest {
        path: &path,
        argv,
        env,
        cwd: req.cwd,
        stdin,
    };
    Ok(super::programs::run(host, &child, out))
}

fn env(host: &mut ContainerHost, req: &ExecRequest<'_>, out: &mut Output) -> ExecOutcome {
    let mut vars: Vec<(String, String)> = req.env.to_vec();
    let mut args = req.argv.iter().skip(1).peekable();
    while let Some(a) = args.peek() {
        match a.as_str() {
            "-i" | "-" | "--ignore-environment" => vars.clear(),
            "-u" | "--unset" => {
                args.next();
                let Some(name) = args.peek() else {
                    out.err("env: option requires an argument -- 'u'\nTry 'env --help' for more information.\n");
                    return ExecOutcome::Exited(125);
                };
                let name = name.to_string();
                vars.retain(|(k, _)| *k != name);
            }
            "--" => {
                args.next();
                break;
            }
            s if s.starts_with('-') && s.len() > 1 => {
                out.err(format!(
                    "env: invalid option -- '{}'\nTry 'env --help' for more information.\n",
                    s.chars().nth(1).unwrap_or('-')
                ));
                return ExecOutcome::Exited(125);
            }
            s => match s.split_once('=') {
                Some((k, v)) => {
                    let (k, v) = (k.to_string(), v.to_string());
                    vars.retain(|(n, _)| *n != k);
                    vars.push((k, v));
                }
                None => break,
            },
        }
        args.next();
    }
    let command: Vec<String> = args.cloned().collect();
    if command.is_empty() {
        let text: String = vars.iter().map(|(k, v)| format!("{k}={v}\n")).collect();
        out.out(text);
        return ExecOutcome::Exited(0);
    }
    match spawn(host, "env", &command, &vars, req, req.stdin, out) {
        Ok(o) => o,
        Err(status) => ExecOutcome::Exited(status),
    }
}

/// xargs' options.
#[derive(Default)]
struct XargsOptions {
    nul: bool,
    max_args: Option<usize>,
    replace: Option<String>,
    no_empty: bool,
    trace: bool,
}

fn xargs(host: &mut ContainerHost, req: &ExecRequest<'_>, out: &mut Output) -> ExecOutcome {
    let mut o = XargsOptions::default();
    let mut args = req.argv.iter().skip(1);
    let mut command: Vec<String> = Vec::new();
    let usage = |out: &mut Output, msg: String| {
        out.err(format!(
            "xargs: {msg}\nTry 'xargs --help' for more information.\n"
        ));
        ExecOutcome::Exited(1)
    };
    while let Some(a) = args.next() {
        match a.as_str() {
            "-0" | "--null" => o.nul = true,
            "-r" | "--no-run-if-empty" => o.no_empty = true,
            "-t" | "--verbose" => o.trace = true,
            "-n" | "-I" => {
                let Some(v) = args.next() else {
                    return usage(out, format!("option requires an argument -- '{}'", &a[1..]));
                };
                if a == "-I" {
                    o.replace = Some(v.clone());
                } else {
                    match v.parse::<usize>() {
                        Ok(n) if n > 0 => o.max_args = Some(n),
                        _ => return usage(out, format!("invalid number \"{v}\" for -n option")),
                    }
                }
            }
            s if s.starts_with("-n") => o.max_args = s[2..].parse().ok(),
            s if s.starts_with("-I") => o.replace = Some(s[2..].to_string()),
            s if s.starts_with('-') && s.len() > 1 && command.is_empty() => {
                return usage(
                    out,
                    format!("invalid option -- '{}'", s.chars().nth(1).unwrap_or('-')),
                )
            }
            _ => {
                command.push(a.clone());
                command.extend(args.by_ref().cloned());
            }
        }
    }
    if command.is_empty() {
        command.push("echo".into());
    }
    let input = String::from_utf8_lossy(req.stdin).into_owned();
    let items: Vec<String> = if o.nul {
        input
            .split('\0')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    } else if o.replace.is_some() {
        input
            .lines()
            .map(|l| l.trim_start().to_string())
            .filter(|l| !l.is_empty())
            .collect()
    } else {
        match words(&input) {
            Ok(w) => w,
            Err(q) => {
                out.err(format!("xargs: unmatched {q} quote; by default quotes are special to xargs unless you use the -0 option\n"));
                return ExecOutcome::Exited(1);
            }
        }
    };
    let batches: Vec<Vec<String>> = if let Some(r) = &o.replace {
        items
            .iter()
            .map(|item| {
                command
                    .iter()
                    .map(|c| c.replace(r.as_str(), item))
                    .collect()
            })
            .collect()
    } else if items.is_empty() {
        if o.no_empty {
            Vec::new()
        } else {
            vec![command.clone()]
        }
    } else {
        let per = o.max_args.unwrap_or(usize::MAX).max(1);
        items
            .chunks(per.min(items.len().max(1)))
            .map(|chunk| {
                command
                    .iter()
                    .cloned()
                    .chain(chunk.iter().cloned())
                    .collect()
            })
            .collect()
    };
    let mut status = 0;
    for argv in batches {
        if o.trace {
            out.err(format!("{}\n", argv.join(" ")));
        }
        match spawn(host, "xargs", &argv, req.env, req, b"", out) {
            Ok(ExecOutcome::Exited(0)) => {}
            Ok(ExecOutcome::Exited(255)) => {
                out.err(format!(
                    "xargs: {}: exited with status 255; aborting\n",
                    argv.first().cloned().unwrap_or_default()
                ));
                return ExecOutcome::Exited(124);
            }
            Ok(ExecOutcome::Exited(_)) => status = 123,
            Ok(blocked) => return blocked,
            Err(code) => return ExecOutcome::Exited(code),
        }
    }
    ExecOutcome::Exited(status)
}

/// xargs' default input words: blanks separate; quotes and backslashes group.
fn words(input: &str) -> Result<Vec<String>, &'static str> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut has = false;
    let mut chars = input.chars();
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' | '\n' => {
                if has {
                    out.push(std::mem::take(&mut cur));
                    has = false;
                }
            }
            '\'' | '"' => {
                has = true;
                loop {
                    match chars.next() {
                        Some(d) if d == c => break,
                        Some('\n') | None => {
                            return Err(if c == '"' { "double" } else { "single" })
                        }
                        Some(d) => cur.push(d),
                    }
                }
            }
            '\\' => {
                has = true;
                if let Some(d) = chars.next() {
                    cur.push(d);
                }
            }
            other => {
                has = true;
                cur.push(other);
            }
        }
    }
    if has {
        out.push(cur);
    }
    Ok(out)
}
