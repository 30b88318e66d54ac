//! Scripts: a text file run as a program (`./script.sh` after `chmod +x`, or `bash FILE`). A
//! `#!` line names the interpreter, as execve(2) reads it; a file without one is run by bash
//! itself, as bash does when execve says `ENOEXEC`. The shells (`bash`, `sh`, `dash`, through
//! `/usr/bin/env` too) run it as a non-interactive child shell.

use super::create::ELF_STUB;
use super::ContainerHost;
use crate::sim::output::Output;
use crate::sim::shell::{ExecOutcome, ExecRequest, Shell};

/// Most child shells running inside one another (a script that runs itself stops there
/// instead of exhausting the stack).
const MAX_SHELLS: u32 = 32;

/// Runs `text` in a non-interactive child shell `name` with positional parameters `args`.
pub(super) fn run_text(
    host: &mut ContainerHost,
    text: &str,
    args: &[String],
    req: &ExecRequest<'_>,
    out: &mut Output,
) -> ExecOutcome {
    if host.shells >= MAX_SHELLS {
        out.err(format!(
            "bash: podscope: shells nested more than {MAX_SHELLS} deep; this one does not start\n"
        ));
        return ExecOutcome::Exited(126);
    }
    let mut child = Shell::new(req.env.to_vec(), req.cwd);
    child.set_interactive(false);
    child.set_positional(args.to_vec());
    host.shells += 1;
    let result = child.run_line(text, host);
    host.shells -= 1;
    let mut shown = result.output;
    super::programs::strip_interrupt_marker(&mut shown, result.interrupted);
    out.extend(shown);
    let status = result.exit_requested.unwrap_or(result.status);
    ExecOutcome::from_status(status, result.interrupted)
}

/// Runs `req.path` as a script when it is not one of the image's binaries; `None` for a
/// binary (the caller dispatches it by name).
pub(super) fn run(
    host: &mut ContainerHost,
    req: &ExecRequest<'_>,
    out: &mut Output,
) -> Option<ExecOutcome> {
    let data = host.pod.fs.read(&host.container, req.path).ok()?;
    if data.starts_with(&ELF_STUB[..4]) {
        return None;
    }
    let text = String::from_utf8_lossy(&data).into_owned();
    let shown = req.argv.first().map_or(req.path, String::as_str);
    let args: Vec<String> = req.argv.iter().skip(1).cloned().collect();
    let Some(first) = text.strip_prefix("#!") else {
        return Some(run_text(host, &text, &args, req, out));
    };
    let line = first.lines().next().unwrap_or_default().trim();
    let mut words = line.split_whitespace();
    let interp = words.next().unwrap_or_default().to_string();
    let mut interp_args: Vec<String> = words.map(str::to_string).collect();
    if interp.is_empty() {
        return Some(run_text(host, &text, &args, req, out));
    }
    let exists = host
        .pod
        .fs
        .stat(&host.container, &interp)
        .is_ok_and(|m| m.mode & 0o111 != 0);
    if !exists {
        // bash 5.2's words for execve's ENOENT on the interpreter.
        out.err(format!(
            "bash: {shown}: cannot execute: required file not found\n"
        ));
        return Some(ExecOutcome::Exited(127));
    }
    let name = interp.rsplit('/').next().unwrap_or_default().to_string();
    let program = if name == "env" && !interp_args.is_empty() {
        interp_args.remove(0)
    } else {
        name
    };
    if matches!(program.as_str(), "bash" | "sh" | "dash") && interp_args.is_empty() {
        return Some(run_text(host, &text, &args, req, out));
    }
    out.err(format!(
        "{shown}: podscope runs scripts with bash or sh only (this one asks for {line})\n"
    ));
    Some(ExecOutcome::Exited(126))
}
