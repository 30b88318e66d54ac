//! Terminal sessions: a bash per container (`kubectl exec -it POD -c NAME -- bash`) that keeps
//! its variables, working directory and history between lines, and waits for Ctrl-C when a
//! command blocks (`sleep infinity`, `tail -f`).

use super::running::RunningLine;
use super::{Cluster, Terminal};
use crate::sim::event::{Actor, EventKind};
use crate::sim::output::Output;
use crate::sim::pod::ContainerHost;
use crate::sim::shell::{Completion, Shell};

/// What a terminal shows after a line (or a Ctrl-C).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TerminalResult {
    /// Text to append to the terminal (may hold ANSI bold/colour escapes).
    pub text: String,
    /// Exit status of the line; `None` while a command still runs (waiting for Ctrl-C).
    pub status: Option<i32>,
    /// The screen should be cleared (`clear`, Ctrl-L).
    pub clear: bool,
    /// A container terminal to open (`kubectl exec -it … -- bash`).
    pub open_terminal: Option<Terminal>,
    /// The line left the command incomplete: nothing ran, the prompt is now PS2 (`> `).
    pub continues: bool,
    /// The shell ended (`exit`): the next line opens a new session.
    pub ended: bool,
    /// The line's output as separate stdout and stderr writes (`text` interleaves them): the
    /// bash-compatibility suite compares each stream with what bash printed.
    pub output: Output,
}

/// One container's interactive shell.
#[derive(Debug, Clone)]
pub(super) struct Session {
    /// The shell's state.
    pub shell: Shell,
    /// PID of the bash process.
    pub pid: u32,
    /// The line blocked: Ctrl-C ends it with status 130.
    pub blocked: bool,
    /// The processes still running in the blocked line.
    pub blocked_pids: Vec<u32>,
    /// The line in progress, between two of its slices.
    pub line: Option<RunningLine>,
}

impl Cluster {
    /// Runs one command line in `terminal`.
    pub fn run_line(&mut self, terminal: &Terminal, line: &str) -> TerminalResult {
        match terminal {
            Terminal::Kubectl => self.run_kubectl_line(line),
            Terminal::Container(name) => self.run_in_container(name, line),
        }
    }

    /// Opens (or reuses) the bash session of `container`.
    pub(super) fn session(&mut self, container: &str) -> Result<&mut Session, String> {
        let pod = self
            .pod
            .as_mut()
            .ok_or_else(|| "No resources found in default namespace.".to_string())?;
        if pod.container(container).is_none() {
            return Err(format!(
                "error: unable to upgrade connection: container not found (\"{container}\")"
            ));
        }
        if let Some(message) = super::exec_refusal(pod, container, self.now_ms) {
            return Err(message.trim_end().to_string());
        }
        if !self.sessions.contains_key(container) {
            let ns = pod.pid_namespace(container).to_string();
            pod.procs.reserve(&ns, 5);
            let dialect = pod.login_shell(container);
            let program = dialect.program();
            let pid = pod
                .procs
                .spawn(&ns, container, 0, vec![program.into()], self.now_ms, true);
            self.trace.record(
                self.now_ms,
                Actor::process(container, pid, program),
                EventKind::ProcessStarted {
                    container: container.to_string(),
                    pid,
                    argv: vec![program.into()],
                },
            );
            let env = pod.container_env(container);
            let mut shell_env = env;
            shell_env.push(("TERM".into(), "xterm".into()));
            let cwd = pod.working_dir(container);
            let mut shell = Shell::new(shell_env, &cwd);
            shell.set_pid(pid);
            shell.set_dialect(dialect);
            self.sessions.insert(
                container.to_string(),
                Session {
                    shell,
                    pid,
                    blocked: false,
                    blocked_pids: Vec::new(),
                    line: None,
                },
            );
        }
        self.sessions
            .get_mut(container)
            .ok_or_else(|| "session vanished".to_string())
    }

    /// The input of `terminal` ends (Ctrl-D; the end of the CLI's stdin) while a command is
    /// unfinished: what bash then prints and the status. `None` when nothing was pending.
    pub fn end_input(&mut self, terminal: &Terminal) -> Option<TerminalResult> {
        let result = match terminal {
            Terminal::Kubectl => self.end_kubectl_input()?,
            Terminal::Container(container) => {
                let session = self.sessions.get_mut(container.as_str())?;
                if !session.shell.is_continuing() {
                    return None;
                }
                let mut shell = session.shell.clone();
                let pid = session.pid;
                let pod = self.pod.as_mut()?;
                let mut host = ContainerHost::new(
                    pod,
                    container,
                    &mut self.now_ms,
                    &mut self.trace,
                    pid,
                    true,
                );
                let r = shell.end_of_input(&mut host);
                if let Some(s) = self.sessions.get_mut(container.as_str()) {
                    s.shell = shell;
                }
                r?
            }
        };
        Some(TerminalResult {
            text: String::from_utf8_lossy(&result.output.interleaved()).into_owned(),
            status: Some(result.status),
            output: result.output,
            ..Default::default()
        })
    }

    /// True while the lines typed in `terminal` do not form a complete command yet (its
    /// prompt is PS2, `> `).
    pub fn is_continuing(&self, terminal: &Terminal) -> bool {
        match terminal {
            Terminal::Kubectl => self.kubectl_shell.is_continuing(),
            Terminal::Container(c) => self
                .sessions
                .get(c)
                .is_some_and(|s| s.shell.is_continuing()),
        }
    }

    /// True while a command in `terminal` blocks (waiting for Ctrl-C). The kubectl terminal
    /// never blocks.
    pub fn is_blocked(&self, terminal: &Terminal) -> bool {
        terminal
            .container_name()
            .and_then(|c| self.sessions.get(c))
            .is_some_and(|s| s.blocked)
    }

    /// Ctrl-C in `terminal`: ends a blocked command with status 130; at a prompt bash drops
    /// the line and `$?` becomes 130.
    pub fn interrupt(&mut self, terminal: &Terminal) -> TerminalResult {
        match terminal {
            Terminal::Kubectl => {
                self.kubectl_shell.cancel_input();
                self.kubectl_shell.set_last_status(130);
                TerminalResult {
                    text: "^C\n".into(),
                    status: Some(130),
                    ..Default::default()
                }
            }
            Terminal::Container(name) => self.interrupt_container(name),
        }
    }

    /// Ctrl-C in a container's terminal.
    pub(super) fn interrupt_container(&mut self, container: &str) -> TerminalResult {
        if let Some(result) = self.interrupt_line(container) {
            return result;
        }
        match self.sessions.get_mut(container) {
            Some(s) if s.blocked => {
                s.blocked = false;
                s.shell.set_last_status(130);
                let pids = std::mem::take(&mut s.blocked_pids);
                if let Some(pod) = self.pod.as_mut() {
                    pod.interrupt(container, &pids, self.now_ms, &mut self.trace);
                }
                TerminalResult {
                    text: "^C\n".into(),
                    status: Some(130),
                    ..Default::default()
                }
            }
            other => {
                // Ctrl-C at the prompt: bash drops the line (and the lines of an unfinished
                // command, PS2 showing) and `$?` becomes 130.
                if let Some(s) = other {
                    s.shell.cancel_input();
                    s.shell.set_last_status(130);
                }
                TerminalResult {
                    text: "^C\n".into(),
                    status: Some(130),
                    ..Default::default()
                }
            }
        }
    }

    /// `exit` in a container's terminal: the bash process ends.
    pub(super) fn close_session(&mut self, container: &str, code: i32) {
        if let (Some(s), Some(pod)) = (self.sessions.remove(container), self.pod.as_mut()) {
            pod.procs.exit(container, s.pid, code);
            self.trace.record(
                self.now_ms,
                Actor::process(container, s.pid, "bash"),
                EventKind::ProcessExited {
                    container: container.to_string(),
                    pid: s.pid,
                    status: code,
                },
            );
        }
    }

    /// The prompt `terminal` shows: `root@two-containers:/# `, `student@workstation:~$ `.
    pub fn prompt(&self, terminal: &Terminal) -> String {
        let Terminal::Container(container) = terminal else {
            return self.kubectl_prompt();
        };
        let host = self
            .pod
            .as_ref()
            .map(|p| p.name().to_string())
            .unwrap_or_default();
        match (self.sessions.get(container), &self.pod) {
            (Some(s), _) => s.shell.prompt(&host),
            // Not opened yet: the prompt its shell will show in the container's working directory.
            (None, Some(pod)) if pod.container(container).is_some() => {
                let mut shell =
                    Shell::new(pod.container_env(container), &pod.working_dir(container));
                shell.set_dialect(pod.login_shell(container));
                shell.prompt(&host)
            }
            (None, _) => format!("root@{host}:/# "),
        }
    }

    /// Tab completion in `terminal` (container terminals only: `None` for kubectl's).
    pub fn complete(
        &mut self,
        terminal: &Terminal,
        line: &str,
        cursor: usize,
    ) -> Option<Completion> {
        let container = terminal.container_name()?;
        let (shell, pid) = {
            let s = self.session(container).ok()?;
            (s.shell.clone(), s.pid)
        };
        let pod = self.pod.as_mut()?;
        let mut now = self.now_ms;
        let mut scratch = crate::sim::event::Trace::default();
        let host = ContainerHost::new(pod, container, &mut now, &mut scratch, pid, true);
        Some(shell.complete(line, cursor, &host))
    }
}
