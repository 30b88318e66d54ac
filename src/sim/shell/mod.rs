//! A bash-compatible shell interpreter for `kubectl exec … -- bash`.
//!
//! The shell knows nothing about the pod: it parses a line, expands words, runs builtins itself
//! and asks a [`ShellHost`] for everything else (programs, files, directories). May use: std and
//! `sim::output` only.

pub mod arith;
pub mod ast;
mod builtins;
pub mod complete;
mod cursor;
mod exec;
mod expand;
mod glob;
pub mod lexer;
pub mod parser;
mod redirect;
mod testcmd;
// Native only: the suite uses proptest, which does not build for wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use complete::Completion;
pub use cursor::LineRun;

use crate::sim::output::Output;
use std::collections::BTreeMap;

/// Longest line `run_line` accepts, in bytes.
pub const MAX_LINE: usize = 65536;
/// Most simple commands one line may run before it is stopped as if by Ctrl-C.
pub const MAX_COMMANDS: u64 = 100_000;
/// Most bytes of output (and of one expanded word) one line may produce before it is stopped.
pub const MAX_OUTPUT: usize = 1 << 20;

/// The world as the shell sees it: programs, files and directories. The pod implements it for a
/// container; tests implement it over a `HashMap`.
pub trait ShellHost {
    /// Runs an external program (`req.path`, already found on PATH). Writes go to `out`.
    /// Returns how it ended: an exit status, or [`ExecOutcome::Blocked`] when it would block
    /// forever (`sleep infinity`, `tail -f`): the shell then stops the whole line as if Ctrl-C
    /// came.
    fn exec(&mut self, req: &ExecRequest<'_>, out: &mut Output) -> ExecOutcome;
    /// Absolute path of an executable file called `name` in one of the PATH dirs, if any.
    fn which(&self, name: &str, path_var: &str) -> Option<String>;
    /// The contents of a file, or the strerror text (`No such file or directory`).
    fn read_file(&self, path: &str) -> Result<Vec<u8>, String>;
    /// Creates, truncates or appends to a file; `Err` holds the strerror text.
    fn write_file(&mut self, path: &str, data: &[u8], append: bool) -> Result<(), String>;
    /// True when `path` is a directory.
    fn is_dir(&self, path: &str) -> bool;
    /// True when something exists at `path`.
    fn exists(&self, path: &str) -> bool;
    /// The names in a directory (without `.` and `..`), for globbing and completion.
    fn list_dir(&self, path: &str) -> Option<Vec<String>>;
    /// The container's hostname (the pod name).
    fn hostname(&self) -> String;
    /// Tells the host whether the next [`ShellHost::exec`] writes its stdout to the terminal
    /// (`false` in a pipe, a `$(…)` or a `> file`): `ls` prints one name a line and `yes` stops
    /// there, as they do on a real pipe.
    fn set_stdout_tty(&mut self, _tty: bool) {}
}

/// One program for [`ShellHost::exec`] to run: what `execve(2)` gets, plus its standard input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExecRequest<'a> {
    /// The executable, already found on PATH (`/usr/bin/cat`).
    pub path: &'a str,
    /// The arguments, `argv[0]` as typed.
    pub argv: &'a [String],
    /// The environment it starts with.
    pub env: &'a [(String, String)],
    /// Its working directory (absolute).
    pub cwd: &'a str,
    /// What it reads on standard input.
    pub stdin: &'a [u8],
}

impl ExecRequest<'_> {
    /// The program's name: the last component of its path (`cat` for `/usr/bin/cat`).
    pub fn name(&self) -> &str {
        self.path.rsplit('/').next().unwrap_or(self.path)
    }
}

/// How a program run by [`ShellHost::exec`] ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExecOutcome {
    /// It exited with this status.
    Exited(i32),
    /// It would block forever (`sleep infinity`, `tail -f`) and still runs: the shell stops the
    /// line as if Ctrl-C came, and the terminal waits for a real Ctrl-C.
    Blocked,
}

impl ExecOutcome {
    /// `Exited(status)`, or `Blocked` when `blocked` is set (the coreutils report blocking
    /// through their context).
    pub fn from_status(status: i32, blocked: bool) -> Self {
        if blocked {
            ExecOutcome::Blocked
        } else {
            ExecOutcome::Exited(status)
        }
    }

    /// True for [`ExecOutcome::Blocked`].
    pub fn is_blocked(self) -> bool {
        self == ExecOutcome::Blocked
    }
}

/// What one line did, for the terminal.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineResult {
    /// What the terminal shows: stdout and stderr in order.
    pub output: Output,
    /// `$?` after the line.
    pub status: i32,
    /// `Some(status)` when the line ran `exit`: the session ends.
    pub exit_requested: Option<i32>,
    /// `clear` ran: the terminal should be wiped.
    pub clear_screen: bool,
    /// The line was stopped as if by Ctrl-C (a blocking program, or a budget exceeded).
    pub interrupted: bool,
}

/// One shell variable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Var {
    /// Its value.
    pub value: String,
    /// Passed to programs in their environment.
    pub exported: bool,
}

/// What a subshell copies: variables, working directory, `$?`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct State {
    pub(crate) vars: BTreeMap<String, Var>,
    pub(crate) cwd: String,
    pub(crate) status: i32,
    pub(crate) pid: u32,
}

impl State {
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.vars.get(name).map(|v| v.value.as_str())
    }

    pub(crate) fn set(&mut self, name: &str, value: String) {
        match self.vars.get_mut(name) {
            Some(v) => v.value = value,
            None => {
                self.vars.insert(
                    name.to_string(),
                    Var {
                        value,
                        exported: false,
                    },
                );
            }
        }
    }

    /// The environment a program gets: exported variables, then `extra` (prefix assignments).
    pub(crate) fn env(&self, extra: &[(String, String)]) -> Vec<(String, String)> {
        let mut env: BTreeMap<&str, &str> = self
            .vars
            .iter()
            .filter(|(_, v)| v.exported)
            .map(|(k, v)| (k.as_str(), v.value.as_str()))
            .collect();
        for (k, v) in extra {
            env.insert(k, v);
        }
        env.into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    /// `path` made absolute against the working directory, with `.` and `..` resolved.
    pub(crate) fn abs(&self, path: &str) -> String {
        let joined = if path.starts_with('/') {
            path.to_string()
        } else {
            format!("{}/{}", self.cwd, path)
        };
        let mut parts: Vec<&str> = Vec::new();
        for p in joined.split('/') {
            match p {
                "" | "." => {}
                ".." => {
                    parts.pop();
                }
                p => parts.push(p),
            }
        }
        format!("/{}", parts.join("/"))
    }
}

/// An interactive bash session in one container: variables, working directory, history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shell {
    state: State,
    history: Vec<String>,
    /// False for `bash -c`: `exit` prints nothing and no history is kept.
    interactive: bool,
}

impl Shell {
    /// A shell started with environment `env` (HOME, PATH, HOSTNAME, TERM…) in directory `cwd`.
    pub fn new(env: Vec<(String, String)>, cwd: &str) -> Shell {
        let mut vars = BTreeMap::new();
        for (k, value) in env {
            vars.insert(
                k,
                Var {
                    value,
                    exported: true,
                },
            );
        }
        let mut state = State {
            vars,
            cwd: String::new(),
            status: 0,
            pid: 7,
        };
        state.cwd = state.abs(cwd);
        let pwd = state.cwd.clone();
        state.vars.insert(
            "PWD".into(),
            Var {
                value: pwd,
                exported: true,
            },
        );
        Shell {
            state,
            history: Vec::new(),
            interactive: true,
        }
    }

    /// Makes this a non-interactive shell (`bash -c LINE`): `exit` does not print `exit`, and
    /// `history` stays empty, as in real bash.
    pub fn set_interactive(&mut self, interactive: bool) {
        self.interactive = interactive;
    }

    /// Sets the PID `$$` reports (the pod knows which PID the shell got).
    pub fn set_pid(&mut self, pid: u32) {
        self.state.pid = pid;
    }

    /// Runs one line typed at the prompt, all of it at once.
    pub fn run_line(&mut self, line: &str, host: &mut dyn ShellHost) -> LineResult {
        let mut run = self.begin_line(line);
        let mut output = Output::default();
        while !run.is_done() {
            output.extend(self.run_slice(&mut run, host));
        }
        LineResult {
            output,
            ..run.result().clone()
        }
    }

    /// Takes one line typed at the prompt (history, parsing) and returns it ready to run a
    /// slice at a time with [`Shell::run_slice`]; nothing has run yet.
    pub fn begin_line(&mut self, line: &str) -> LineRun {
        if line.len() > MAX_LINE {
            return LineRun::failed(
                format!(
                    "bash: line too long ({} bytes); podscope accepts up to {MAX_LINE}\n",
                    line.len()
                ),
                1,
            );
        }
        if self.interactive && !line.trim().is_empty() {
            self.history.push(line.trim_end_matches('\n').to_string());
        }
        match parser::parse(line) {
            Ok(list) => LineRun::parsed(list),
            Err(e) => LineRun::failed(format!("bash: {e}\n"), 2),
        }
    }

    /// The prompt bash prints in the debian image: `\u@\h:\w\$ ` (`~` for `$HOME`).
    pub fn prompt(&self, hostname: &str) -> String {
        let user = self.state.get("USER").unwrap_or("root");
        let sign = if user == "root" { '#' } else { '$' };
        format!("{user}@{hostname}:{}{sign} ", self.tilde_cwd())
    }

    fn tilde_cwd(&self) -> String {
        let cwd = &self.state.cwd;
        match self.state.get("HOME").filter(|h| h.len() > 1) {
            Some(home) if cwd == home => "~".to_string(),
            Some(home) => match cwd.strip_prefix(home).filter(|rest| rest.starts_with('/')) {
                Some(rest) => format!("~{rest}"),
                None => cwd.clone(),
            },
            None => cwd.clone(),
        }
    }

    /// Tab completion at byte offset `cursor` of `line`.
    pub fn complete(&self, line: &str, cursor: usize, host: &dyn ShellHost) -> Completion {
        complete::complete(&self.state, line, cursor, host)
    }

    /// The lines typed so far, oldest first.
    pub fn history(&self) -> &[String] {
        &self.history
    }

    /// The working directory.
    pub fn cwd(&self) -> &str {
        &self.state.cwd
    }

    /// `$?`: the status of the last line.
    pub fn last_status(&self) -> i32 {
        self.state.status
    }

    /// Sets `$?`, e.g. to 130 after Ctrl-C ended a command that was still running.
    pub fn set_last_status(&mut self, status: i32) {
        self.state.status = status;
    }

    /// The value of a shell variable.
    pub fn var(&self, name: &str) -> Option<&str> {
        self.state.get(name)
    }

    /// All shell variables, sorted by name.
    pub fn vars(&self) -> &BTreeMap<String, Var> {
        &self.state.vars
    }

    /// The environment a program started now would get.
    pub fn env(&self) -> Vec<(String, String)> {
        self.state.env(&[])
    }
}

/// Cuts `out` down to its first `limit` bytes.
fn truncate(out: &mut Output, limit: usize) {
    let mut left = limit;
    let mut kept = Vec::new();
    for (stream, mut bytes) in std::mem::take(&mut out.chunks) {
        if left == 0 {
            break;
        }
        bytes.truncate(left);
        left = left.saturating_sub(bytes.len());
        kept.push((stream, bytes));
    }
    out.chunks = kept;
}
