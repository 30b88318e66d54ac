//! `find … -exec COMMAND {} ;` (and `{} +`, `-execdir`): find lists what the expression before
//! `-exec` selects, then each name (or all of them at once, for `+`) runs COMMAND as a child,
//! as findutils 4.9 does. Only a trailing `-exec` is simulated; one followed by more of the
//! expression says so.

use super::ContainerHost;
use crate::sim::output::{Output, Stream};
use crate::sim::shell::{ExecOutcome, ExecRequest};

/// The actions that run a command.
const EXEC: [&str; 4] = ["-exec", "-execdir", "-ok", "-okdir"];

/// Runs `find` when its expression ends in an `-exec` action; `None` when it has none (or an
/// unterminated one, which find itself reports).
pub(super) fn run(
    host: &mut ContainerHost,
    pid: u32,
    req: &ExecRequest<'_>,
    out: &mut Output,
) -> Option<ExecOutcome> {
    let argv = req.argv;
    let at = argv.iter().position(|a| EXEC.contains(&a.as_str()))?;
    let end = (at + 1..argv.len()).find(|&j| {
        let a = argv.get(j).map_or("", String::as_str);
        a == ";" || (a == "+" && j > at + 1 && argv.get(j - 1).is_some_and(|p| p == "{}"))
    })?;
    let action = argv.get(at).map_or("-exec", String::as_str);
    if action.starts_with("-ok") {
        out.err(format!("find: podscope: {action} asks on the terminal, which podscope does not simulate; use -exec\n"));
        return Some(ExecOutcome::Exited(1));
    }
    if end + 1 < argv.len() {
        out.err("find: podscope: only an -exec at the end of the expression is simulated\n");
        return Some(ExecOutcome::Exited(1));
    }
    let batch = argv.get(end).is_some_and(|a| a == "+");
    let command: Vec<String> = argv.get(at + 1..end).unwrap_or_default().to_vec();
    let mut listing: Vec<String> = argv.get(..at).unwrap_or_default().to_vec();
    listing.push("-print0".into());
    let mut found = Output::default();
    let list_req = ExecRequest {
        argv: &listing,
        ..*req
    };
    let listed = super::programs::run_coreutil(host, pid, "find", &list_req, &mut found);
    out.err(found.stream_bytes(Stream::Stderr));
    let names: Vec<String> = String::from_utf8_lossy(&found.stream_bytes(Stream::Stdout))
        .split('\0')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    let in_dir = action == "-execdir";
    let mut status = match listed {
        ExecOutcome::Exited(s) => s,
        blocked => return Some(blocked),
    };
    let runs: Vec<(Vec<String>, String)> = if batch {
        let mut argv: Vec<String> = command
            .iter()
            .take(command.len().saturating_sub(1))
            .cloned()
            .collect();
        argv.extend(names.iter().cloned());
        if names.is_empty() {
            Vec::new()
        } else {
            vec![(argv, req.cwd.to_string())]
        }
    } else {
        names
            .iter()
            .map(|name| {
                let (dir, shown) = if in_dir {
                    let (d, base) = name.rsplit_once('/').unwrap_or((".", name));
                    (crate::sim::fs::normalize(req.cwd, d), format!("./{base}"))
                } else {
                    (req.cwd.to_string(), name.clone())
                };
                let argv = command.iter().map(|c| c.replace("{}", &shown)).collect();
                (argv, dir)
            })
            .collect()
    };
    for (argv, cwd) in runs {
        let child = ExecRequest {
            cwd: &cwd,
            stdin: b"",
            ..*req
        };
        match super::launch::spawn(host, "find", &argv, req.env, &child, b"", out) {
            Ok(ExecOutcome::Exited(s)) if batch && s != 0 => status = 1,
            Ok(ExecOutcome::Exited(_)) | Err(_) => {}
            Ok(blocked) => return Some(blocked),
        }
    }
    Some(ExecOutcome::Exited(status))
}
