//! A bash-compatible shell interpreter for `kubectl exec … -- bash`.
//!
//! The shell knows nothing about the pod: it parses a line, expands words, runs builtins itself
//! and asks a [`ShellHost`] for everything else (programs, files, directories). May use: std and
//! `sim::output` only.

pub mod arith;
pub mod ast;
mod brace;
mod builtins;
pub mod complete;
mod compound;
mod cond;
mod cond_parse;
mod cursor;
mod declare;
mod diagnostics;
mod exec;
mod expand;
mod glob;
mod heredoc;
mod history;
mod input;
pub mod lexer;
mod more;
mod options;
mod param_lex;
mod params;
pub mod parser;
mod quote;
mod readers;
mod redirect;
mod regex;
mod testcmd;
mod typecmd;
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
    /// What `test` asks about a file (`follow`: through a final symlink); `None` when there is
    /// none. The default knows only what `exists`, `is_dir` and `read_file` tell.
    fn stat(&self, path: &str, _follow: bool) -> Option<FileStat> {
        if !self.exists(path) {
            return None;
        }
        let dir = self.is_dir(path);
        Some(FileStat {
            ino: 0,
            mtime_ms: 0,
            mode: 0o755,
            size: self.read_file(path).map_or(0, |d| d.len() as u64),
            dir,
            symlink: false,
        })
    }
    /// The path `path` leads to with every symlink followed (`pwd -P`); `None` when the host
    /// cannot tell.
    fn realpath(&self, _path: &str) -> Option<String> {
        None
    }
    /// Tells the host whether the next [`ShellHost::exec`] writes its stdout to the terminal
    /// (`false` in a pipe, a `$(…)` or a `> file`): `ls` prints one name a line and `yes` stops
    /// there, as they do on a real pipe.
    fn set_stdout_tty(&mut self, _tty: bool) {}
}

/// What [`ShellHost::stat`] tells about a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStat {
    /// The inode (equal for two names of one file).
    pub ino: u64,
    /// Last modification, in ms of simulated time.
    pub mtime_ms: u64,
    /// The permission bits.
    pub mode: u32,
    /// Size in bytes.
    pub size: u64,
    /// A directory.
    pub dir: bool,
    /// A symbolic link (only when not followed).
    pub symlink: bool,
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
    /// The command is not complete yet: nothing ran, the shell waits for another line (PS2).
    pub more: bool,
}

/// One shell variable.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Var {
    /// Its value (unused for an array).
    pub value: String,
    /// Passed to programs in their environment.
    pub exported: bool,
    /// `declare -i`: assignments are evaluated as arithmetic.
    pub integer: bool,
    /// The elements of an indexed array by index (`None`: a scalar).
    pub array: Option<BTreeMap<usize, String>>,
}

impl Var {
    /// A plain variable.
    pub fn scalar(value: String, exported: bool) -> Var {
        Var {
            value,
            exported,
            ..Var::default()
        }
    }
}

/// Which shell a session is. podscope runs one language, bash's, for both: what the dialect
/// changes is what the user sees of the shell itself (its name, prompt, "not found" message,
/// `exit`), so a BusyBox container looks like BusyBox's ash.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Dialect {
    /// GNU bash 5.2 (debian, nginx: every image that has `/bin/bash`).
    #[default]
    Bash,
    /// BusyBox 1.35's ash, `/bin/sh` of the busybox image (which has no bash).
    Ash,
}

impl Dialect {
    /// The program's name: `$0`, `ps`, the prefix of its messages (`sh: x: not found`).
    pub fn program(self) -> &'static str {
        match self {
            Dialect::Bash => "bash",
            Dialect::Ash => "sh",
        }
    }

    /// What an interactive session prints when it starts, before its first prompt (ash's
    /// banner; bash prints nothing).
    pub fn banner(self) -> &'static str {
        match self {
            Dialect::Bash => "",
            Dialect::Ash => "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) built-in shell (ash)\nEnter 'help' for a list of built-in commands.\n\n",
        }
    }
}

/// What a subshell copies: variables, functions, working directory, `$?`, positional
/// parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct State {
    pub(crate) vars: BTreeMap<String, Var>,
    pub(crate) funcs: BTreeMap<String, std::rc::Rc<ast::Command>>,
    pub(crate) cwd: String,
    pub(crate) status: i32,
    pub(crate) pid: u32,
    /// `$1`, `$2`, … (`$@`).
    pub(crate) positional: Vec<String>,
    /// `$_`: the last argument of the previous command.
    pub(crate) last_arg: String,
    /// The `set` and `shopt` options.
    pub(crate) opts: options::Options,
    /// The file-creation mask `umask` shows and sets.
    pub(crate) umask: u32,
    /// The names `readonly` protects.
    pub(crate) readonly: std::collections::BTreeSet<String>,
    /// `alias` definitions.
    pub(crate) aliases: BTreeMap<String, String>,
    /// Programs found on PATH so far (`hash`, `type`).
    pub(crate) hashed: BTreeMap<String, String>,
    /// Where `getopts` is inside a bundle of flags: the `OPTIND` it belongs to and the index
    /// of the next flag character.
    pub(crate) getopts_at: (usize, usize),
    /// False in `bash -c`: aliases are not expanded and `$-` has no `i`.
    pub(crate) interactive: bool,
    /// bash, or BusyBox's ash.
    pub(crate) dialect: Dialect,
}

impl State {
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        let var = self.vars.get(name)?;
        match &var.array {
            Some(a) => a.get(&0).map(String::as_str),
            None => Some(var.value.as_str()),
        }
    }

    pub(crate) fn set(&mut self, name: &str, value: String) {
        match self.vars.get_mut(name) {
            Some(v) => match &mut v.array {
                Some(a) => {
                    a.insert(0, value);
                }
                None => v.value = value,
            },
            None => {
                self.vars
                    .insert(name.to_string(), Var::scalar(value, false));
            }
        }
    }

    /// Sets element `index` of array `name` (a scalar becomes element 0 of a new array).
    pub(crate) fn set_element(&mut self, name: &str, index: usize, value: String) {
        let var = self.vars.entry(name.to_string()).or_insert_with(|| Var {
            array: Some(BTreeMap::new()),
            ..Var::default()
        });
        expand::as_array(var).insert(index, value);
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
    /// Lines typed so far of a command that is not complete yet (PS2 is showing).
    pending: Option<input::Pending>,
    /// Lines read at the prompt (bash's line numbers in messages).
    lines_read: u64,
    /// The line the pending command began on.
    pending_from: u64,
}

impl Shell {
    /// A shell started with environment `env` (HOME, PATH, HOSTNAME, TERM…) in directory `cwd`.
    pub fn new(env: Vec<(String, String)>, cwd: &str) -> Shell {
        let mut vars = BTreeMap::new();
        for (k, value) in env {
            vars.insert(k, Var::scalar(value, true));
        }
        let mut state = State {
            vars,
            funcs: BTreeMap::new(),
            cwd: String::new(),
            status: 0,
            pid: 7,
            positional: Vec::new(),
            last_arg: String::new(),
            opts: options::Options::default(),
            umask: 0o022,
            readonly: std::collections::BTreeSet::new(),
            aliases: BTreeMap::new(),
            hashed: BTreeMap::new(),
            getopts_at: (1, 0),
            interactive: true,
            dialect: Dialect::Bash,
        };
        startup_vars(&mut state.vars);
        state.cwd = state.abs(cwd);
        let pwd = state.cwd.clone();
        state.vars.insert("PWD".into(), Var::scalar(pwd, true));
        Shell {
            state,
            history: Vec::new(),
            interactive: true,
            pending: None,
            lines_read: 0,
            pending_from: 0,
        }
    }

    /// Makes this session BusyBox's ash (or bash): its name, prompt (ash sets `PS1='\w \$ '`)
    /// and the messages of the shell itself follow.
    pub fn set_dialect(&mut self, dialect: Dialect) {
        self.state.dialect = dialect;
        if dialect == Dialect::Ash {
            self.state.set("PS1", "\\w \\$ ".to_string());
        }
    }

    /// Makes this a non-interactive shell (`bash -c LINE`): `exit` does not print `exit`, and
    /// `history` stays empty, as in real bash.
    pub fn set_interactive(&mut self, interactive: bool) {
        self.interactive = interactive;
        self.state.interactive = interactive;
    }

    /// Sets the positional parameters (`$1`…, `$@`), as a script's arguments.
    pub fn set_positional(&mut self, args: Vec<String>) {
        self.state.positional = args;
    }

    /// Sets the PID `$$` reports (the pod knows which PID the shell got).
    pub fn set_pid(&mut self, pid: u32) {
        self.state.pid = pid;
    }

    /// Runs `text` as a whole script (`bash -c TEXT`): a here-document left open at the end
    /// gets what was read, with bash's warning.
    pub fn run_line(&mut self, line: &str, host: &mut dyn ShellHost) -> LineResult {
        if let Some(result) = self.too_long(line.len()) {
            return result;
        }
        if self.interactive && !line.trim().is_empty() {
            self.history.push(line.trim_end_matches('\n').to_string());
        }
        match parser::parse_input_at(line, false) {
            Ok(parsed) => {
                let mut result = self.run_parsed(&parsed, 1, host);
                if !self.interactive && parsed.open_heredoc.is_some() {
                    // The here-document warning names the line where the input ended.
                    let last = u32::try_from(line.lines().count()).unwrap_or(u32::MAX);
                    diagnostics::number_lines(&mut result.output, (0, 0), last);
                }
                result
            }
            Err((e, at)) if !self.interactive => {
                // bash -c reads and runs a line at a time: the complete commands before the
                // bad line run first.
                let mut result = self.run_lines_before(line, at, host);
                if result.exit_requested.is_some() || result.interrupted {
                    return result;
                }
                let error = self.script_syntax_error(&e, at, line);
                result.output.extend(error.output);
                result.status = error.status;
                result
            }
            Err((e, _)) => self.syntax_error(&e),
        }
    }

    /// Runs the longest run of whole lines before line `at` of `text` that parses (the
    /// commands bash ran before it met a syntax error); an empty result when none does.
    fn run_lines_before(&mut self, text: &str, at: u32, host: &mut dyn ShellHost) -> LineResult {
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let before = usize::try_from(at.saturating_sub(1))
            .unwrap_or(0)
            .min(lines.len());
        // A bounded search: a command longer than this many lines is not looked for.
        for k in (before.saturating_sub(64).max(1)..=before).rev() {
            let prefix: String = lines.get(..k).unwrap_or_default().concat();
            if let Ok(parsed) = parser::parse_input(&prefix, false) {
                return self.run_parsed(&parsed, 1, host);
            }
        }
        LineResult::default()
    }

    /// A syntax error in `bash -c TEXT`: bash names `-c` and the line, and shows that line
    /// after an unexpected token.
    fn script_syntax_error(&mut self, e: &parser::ParseError, at: u32, text: &str) -> LineResult {
        let mut result = LineResult::default();
        result.output.err(format!("bash: -c: line {at}: {e}\n"));
        if matches!(e, parser::ParseError::UnexpectedToken(_)) {
            let index = usize::try_from(at.saturating_sub(1)).unwrap_or(0);
            let source = text.lines().nth(index).unwrap_or_default();
            result
                .output
                .err(format!("bash: -c: line {at}: `{source}'\n"));
        }
        self.state.status = 2;
        result.status = 2;
        result
    }

    /// Runs parsed input; a here-document the input ended inside gets bash's warning naming
    /// `line`, where it began.
    fn run_parsed(
        &mut self,
        parsed: &parser::Parsed,
        line: u64,
        host: &mut dyn ShellHost,
    ) -> LineResult {
        let warning = heredoc_warning(parsed, line);
        self.run_all(LineRun::parsed(parsed.list.clone(), warning), host)
    }

    /// Runs every slice of `run` at once.
    pub fn run_all(&mut self, mut run: LineRun, host: &mut dyn ShellHost) -> LineResult {
        let mut output = Output::default();
        while !run.is_done() {
            output.extend(self.run_slice(&mut run, host));
        }
        LineResult {
            output,
            ..run.result().clone()
        }
    }

    /// The input ended (Ctrl-D, or the end of the CLI's stdin) with a command unfinished:
    /// bash reports it (`unexpected EOF while looking for matching `''`), or runs a
    /// here-document cut short with a warning. `None` when nothing was pending.
    pub fn end_of_input(&mut self, host: &mut dyn ShellHost) -> Option<LineResult> {
        let pending = self.pending.take()?;
        let run = match parser::parse_input(&pending.text, false) {
            Ok(parsed) => {
                let warning = heredoc_warning(&parsed, self.pending_from);
                LineRun::parsed(parsed.list, warning)
            }
            Err(e) => LineRun::finished(self.syntax_error(&e)),
        };
        Some(self.run_all(run, host))
    }

    /// Reads one line typed at the prompt, as interactive bash does, and runs it all at once
    /// (see [`Shell::begin_feed`]).
    pub fn feed(&mut self, line: &str, host: &mut dyn ShellHost) -> LineResult {
        let run = self.begin_feed(line);
        self.run_all(run, host)
    }

    /// Reads one line typed at the prompt, as interactive bash does (history expansion
    /// first; bash shows the line it expanded to): a complete command is returned ready to run a
    /// slice at a time ([`Shell::run_slice`]); an incomplete one is kept (the result has `more`
    /// set, the prompt becomes PS2 `> `) until a later line completes it.
    pub fn begin_feed(&mut self, line: &str) -> LineRun {
        if !self.interactive {
            return self.begin_expanded(line);
        }
        let in_single = self
            .pending
            .as_ref()
            .is_some_and(|p| history::ends_in_single_quote(&p.text));
        match history::expand(line, &self.history, in_single) {
            history::Expansion::Unchanged => self.begin_expanded(line),
            history::Expansion::Rewritten(text) => self.begin_expanded(&text),
            history::Expansion::Expanded(text) => {
                let mut run = self.begin_expanded(&text);
                let mut shown = Output::default();
                shown.err(format!("{text}\n"));
                run.prepend(shown);
                run
            }
            history::Expansion::Failed(message) => {
                let mut result = LineResult {
                    status: self.state.status,
                    more: self.pending.is_some(),
                    ..LineResult::default()
                };
                result.output.err(format!("bash: {message}\n"));
                LineRun::finished(result)
            }
        }
    }

    /// [`Shell::begin_feed`] after history expansion.
    fn begin_expanded(&mut self, line: &str) -> LineRun {
        self.lines_read = self.lines_read.saturating_add(1);
        let before = self.pending.take();
        if before.is_none() {
            self.pending_from = self.lines_read;
        }
        let so_far = before.as_ref().map_or(0, |p| p.text.len());
        if let Some(result) = self.too_long(line.len()) {
            return LineRun::finished(result);
        }
        if so_far.saturating_add(line.len()) > MAX_LINE * 16 {
            let mut result = self.too_long(usize::MAX).unwrap_or_default();
            result.output = Output::default();
            result.output.err(format!(
                "bash: podscope: this command is longer than {} bytes; podscope dropped it\n",
                MAX_LINE * 16
            ));
            return LineRun::finished(result);
        }
        if self.interactive {
            match (&before, self.history.last_mut()) {
                (Some(p), Some(entry)) => input::join_history(entry, p, line),
                (Some(_), None) => {}
                (None, _) if line.trim().is_empty() => {}
                (None, _) => self.history.push(line.to_string()),
            }
        }
        match input::step(before, line) {
            input::Step::More(p) => {
                self.pending = Some(p);
                LineRun::finished(LineResult {
                    status: self.state.status,
                    more: true,
                    ..LineResult::default()
                })
            }
            input::Step::Error(e) => LineRun::finished(self.syntax_error(&e)),
            input::Step::Run(parsed) => LineRun::parsed(parsed.list, Output::default()),
        }
    }

    /// Ctrl-C at the prompt: drops the lines of an incomplete command (true if there were any).
    pub fn cancel_input(&mut self) -> bool {
        self.pending.take().is_some()
    }

    /// True while the lines typed so far do not form a complete command (PS2 shows).
    pub fn is_continuing(&self) -> bool {
        self.pending.is_some()
    }

    fn too_long(&mut self, len: usize) -> Option<LineResult> {
        if len <= MAX_LINE {
            return None;
        }
        self.pending = None;
        let mut result = LineResult::default();
        result.output.err(format!(
            "bash: line too long ({len} bytes); podscope accepts up to {MAX_LINE}\n"
        ));
        result.status = 1;
        self.state.status = 1;
        Some(result)
    }

    fn syntax_error(&mut self, e: &parser::ParseError) -> LineResult {
        let mut result = LineResult::default();
        result.output.err(format!("bash: {e}\n"));
        // bash leaves `$?` alone after a `[[ ]]` operator error (`[[ a b ]]`).
        if !matches!(e, parser::ParseError::Cond(_)) {
            self.state.status = 2;
        }
        result.status = self.state.status;
        result
    }

    /// The prompt bash prints in the debian image: `\u@\h:\w\$ ` (`~` for `$HOME`); ash's
    /// `\w \$ ` in BusyBox; or PS2 (`> `) while a command is incomplete.
    pub fn prompt(&self, hostname: &str) -> String {
        if self.pending.is_some() {
            return "> ".to_string();
        }
        let user = self.state.get("USER").unwrap_or("root");
        let sign = if user == "root" { '#' } else { '$' };
        match self.state.dialect {
            Dialect::Bash => format!("{user}@{hostname}:{}{sign} ", self.tilde_cwd()),
            Dialect::Ash => format!("{} {sign} ", self.tilde_cwd()),
        }
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

/// bash's warning when `parsed` ended inside a here-document begun on input line `line`.
fn heredoc_warning(parsed: &parser::Parsed, line: u64) -> Output {
    let mut warning = Output::default();
    if let Some((delim, _)) = &parsed.open_heredoc {
        warning.err(format!(
            "bash: warning: here-document at line {line} delimited by end-of-file (wanted `{delim}')\n"
        ));
    }
    warning
}

/// The variables bash sets when it starts: `SHLVL` (one more than it got), `BASH_VERSION` and
/// `BASH_VERSINFO`, `UID` and `EUID` (root), `BASH`; `OLDPWD` is exported once `cd` sets it.
fn startup_vars(vars: &mut BTreeMap<String, Var>) {
    let level = vars
        .get("SHLVL")
        .and_then(|v| v.value.trim().parse::<i64>().ok())
        .unwrap_or(0)
        .saturating_add(1);
    vars.insert("SHLVL".into(), Var::scalar(level.to_string(), true));
    vars.insert(
        "BASH_VERSION".into(),
        Var::scalar("5.2.15(1)-release".into(), false),
    );
    let info = ["5", "2", "15", "1", "release", "x86_64-pc-linux-gnu"];
    vars.insert(
        "BASH_VERSINFO".into(),
        Var {
            array: Some(info.iter().map(|s| s.to_string()).enumerate().collect()),
            ..Var::default()
        },
    );
    for name in ["UID", "EUID"] {
        vars.insert(name.into(), Var::scalar("0".into(), false));
    }
    vars.insert("BASH".into(), Var::scalar("/usr/bin/bash".into(), false));
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
