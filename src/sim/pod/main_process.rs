//! A container's main command when it is not a server: its argv from the manifest and image, and
//! running it through the container's shell as the main process.

use super::lifecycle::StartOutcome;
use super::{Container, ContainerHost, Pod};
use crate::sim::event::{Actor, EventKind, Trace};
use crate::sim::shell::Shell;

impl Container {
    /// The command line its main process runs: the manifest's `command`/`args` over the image's
    /// `ENTRYPOINT`/`CMD`, as Kubernetes combines them.
    pub fn main_argv(&self) -> Vec<String> {
        let (entry, cmd) = match &self.image {
            Some(img) => (img.entrypoint.clone(), img.cmd.clone()),
            None => (Vec::new(), Vec::new()),
        };
        match (self.spec.command.is_empty(), self.spec.args.is_empty()) {
            (false, _) => self
                .spec
                .command
                .iter()
                .chain(self.spec.args.iter())
                .cloned()
                .collect(),
            (true, false) => entry
                .into_iter()
                .chain(self.spec.args.iter().cloned())
                .collect(),
            (true, true) => entry.into_iter().chain(cmd).collect(),
        }
    }
}

impl Pod {
    /// Runs a non-server main command (e.g. debian's `sh -c …`) through the container's shell.
    pub(super) fn run_main_command(
        &mut self,
        container: &str,
        argv: &[String],
        now_ms: &mut u64,
        trace: &mut Trace,
    ) -> StartOutcome {
        let ns = self.pid_namespace(container).to_string();
        let pid = self
            .procs
            .spawn(&ns, container, 0, argv.to_vec(), *now_ms, false);
        trace.record(
            *now_ms,
            Actor::process(
                container,
                pid,
                argv.first().map(String::as_str).unwrap_or(""),
            ),
            EventKind::ProcessStarted {
                container: container.to_string(),
                pid,
                argv: argv.to_vec(),
            },
        );
        if let Some(c) = self.container_mut(container) {
            c.main_pid = Some(pid);
        }
        let env = self.container_env(container);
        let mut shell = Shell::new(env, "/");
        shell.set_pid(pid);
        let (line, exec) = main_line(argv);
        let result = {
            let mut host = ContainerHost::new(self, container, now_ms, trace, pid, false);
            // Like dash (`sh -c 'sleep infinity'`), a lone command replaces the main process.
            host.exec_as = exec.then_some(pid);
            shell.run_line(&line, &mut host)
        };
        let text = String::from_utf8_lossy(&result.output.interleaved()).into_owned();
        let blocked = result.interrupted;
        if let Some(c) = self.container_mut(container) {
            c.logs.push_str(text.trim_end_matches("^C\n"));
        }
        let still_alive = self.procs.live_of(container).any(|p| p.pid == pid);
        if blocked {
            StartOutcome::Running
        } else if !still_alive {
            StartOutcome::Exited(result.status)
        } else {
            self.procs.exit(container, pid, result.status);
            trace.record(
                *now_ms,
                Actor::process(
                    container,
                    pid,
                    argv.first().map(String::as_str).unwrap_or(""),
                ),
                EventKind::ProcessExited {
                    container: container.to_string(),
                    pid,
                    status: result.status,
                },
            );
            StartOutcome::Exited(result.status)
        }
    }
}

/// The line a main process runs, and whether it is one simple command that `exec`s in place of
/// the main process. `sh -c CMD` runs CMD under dash, which (0.5.12, checked) forks a child even
/// for a lone command; `bash -c CMD` execs a lone simple command; any other argv is the program
/// itself.
fn main_line(argv: &[String]) -> (String, bool) {
    let shell = argv.first().map(|a| a.rsplit('/').next().unwrap_or(a));
    match (shell, argv.get(1).map(String::as_str), argv.get(2)) {
        (Some(name @ ("sh" | "bash" | "dash")), Some("-c"), Some(cmd)) => {
            let simple = !cmd.contains([';', '|', '&', '<', '>', '$', '`', '(', '\n']);
            (cmd.clone(), name == "bash" && simple)
        }
        _ => (
            argv.iter()
                .map(|a| shell_quote(a))
                .collect::<Vec<_>>()
                .join(" "),
            true,
        ),
    }
}

/// Quotes a word for a shell line so it stays one word.
pub fn shell_quote(word: &str) -> String {
    if !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./=:@%+,".contains(c))
    {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}
