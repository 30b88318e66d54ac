//! The interpreter: walks a parsed [`List`], runs pipelines, loops and conditionals, applies
//! redirections and keeps the per-line budget that makes every line finish.

use super::ast::{AndOr, Assign, Command, Connector, List, Pipeline, Redir, Word};
use super::{Dialect, ExecOutcome, ExecRequest, ShellHost, State, Var, MAX_COMMANDS, MAX_OUTPUT};
use crate::sim::output::{Output, Stream};

/// A pending `break`/`continue` with its loop count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LoopCtl {
    /// `break n`.
    Break(u32),
    /// `continue n`.
    Continue(u32),
}

/// A command's standard input: the terminal (nothing typed ahead) or bytes from a pipe or file.
#[derive(Debug, Clone, Default)]
pub(super) struct Stdin {
    data: Vec<u8>,
    pos: usize,
    /// Reading would wait for the user at the terminal.
    pub(super) tty: bool,
}

impl Stdin {
    /// The terminal.
    pub(super) fn tty() -> Stdin {
        Stdin {
            tty: true,
            ..Stdin::default()
        }
    }

    /// Bytes from a pipe or a file.
    pub(super) fn bytes(data: Vec<u8>) -> Stdin {
        Stdin {
            data,
            pos: 0,
            tty: false,
        }
    }

    /// Everything not read yet (a program reads it all).
    pub(super) fn take_rest(&mut self) -> &[u8] {
        let from = self.pos.min(self.data.len());
        self.pos = self.data.len();
        self.data.get(from..).unwrap_or(&[])
    }

    /// The bytes up to `delim` (not included) and whether `delim` came (false: the input ended
    /// first); `None` when nothing was left at all.
    pub(super) fn read_until(&mut self, delim: u8) -> Option<(String, bool)> {
        let rest = self.data.get(self.pos..).filter(|r| !r.is_empty())?;
        let (len, found) = match rest.iter().position(|&b| b == delim) {
            Some(i) => (i, true),
            None => (rest.len(), false),
        };
        let text = String::from_utf8_lossy(rest.get(..len).unwrap_or(rest)).into_owned();
        self.pos = self
            .pos
            .saturating_add(len)
            .saturating_add(usize::from(found));
        Some((text, found))
    }
}

/// One line being run: the shell's state, the host, and the line's budget and control flags.
pub(super) struct Interp<'a> {
    pub(super) st: &'a mut State,
    pub(super) host: &'a mut dyn ShellHost,
    pub(super) history: &'a [String],
    /// Simple commands and loop turns counted against [`MAX_COMMANDS`] (carried between slices).
    pub(super) commands: u64,
    /// Output bytes counted against [`MAX_OUTPUT`] (carried between slices).
    pub(super) bytes: usize,
    pub(super) interrupted: bool,
    pub(super) exit: Option<i32>,
    pub(super) clear: bool,
    pub(super) loop_ctl: Option<LoopCtl>,
    pub(super) loop_depth: u32,
    pub(super) sub_depth: u32,
    pub(super) subst_status: Option<i32>,
    /// Whether stdout is still the terminal here (not a pipe, `$(…)` or file).
    pub(super) stdout_tty: bool,
    /// Who reports a failed write to a redirected file: `seq`, or `bash: echo` for a builtin.
    pub(super) writer: Option<String>,
    /// `return N` ran: the function ends with status N.
    pub(super) returning: Option<i32>,
    /// One frame per running function: the variables `local` shadowed, with their old values.
    pub(super) locals: Vec<Vec<(String, Option<Var>)>>,
    /// Function calls and `eval`s in progress.
    pub(super) nesting: u32,
    /// An expansion error that ends the whole line in interactive bash (`$((1/0))`,
    /// `${x:?}`): nothing after it runs.
    pub(super) aborted: bool,
    /// Aliases being expanded (an alias is not expanded again inside itself).
    pub(super) expanding: Vec<String>,
    /// Conditions being tested (`if`, `while`, `until`): `set -e` does not apply inside.
    pub(super) cond_depth: u32,
}

impl<'a> Interp<'a> {
    /// An interpreter for one line.
    pub(super) fn new(
        st: &'a mut State,
        host: &'a mut dyn ShellHost,
        history: &'a [String],
    ) -> Interp<'a> {
        Interp {
            st,
            host,
            history,
            commands: 0,
            bytes: 0,
            interrupted: false,
            exit: None,
            clear: false,
            loop_ctl: None,
            loop_depth: 0,
            sub_depth: 0,
            subst_status: None,
            stdout_tty: true,
            writer: None,
            returning: None,
            locals: Vec::new(),
            nesting: 0,
            aborted: false,
            expanding: Vec::new(),
            cond_depth: 0,
        }
    }

    /// True when the rest of the current list must not run.
    pub(super) fn stopped(&self) -> bool {
        self.interrupted
            || self.aborted
            || self.exit.is_some()
            || self.loop_ctl.is_some()
            || self.returning.is_some()
    }

    /// Counts one command; false (and interrupted) when the budget is spent.
    fn tick(&mut self) -> bool {
        self.commands = self.commands.saturating_add(1);
        if self.commands > MAX_COMMANDS {
            self.interrupted = true;
        }
        !self.interrupted
    }

    /// Counts output bytes against the budget.
    pub(super) fn account(&mut self, bytes: usize) {
        self.bytes = self.bytes.saturating_add(bytes);
        if self.bytes > MAX_OUTPUT {
            self.interrupted = true;
        }
    }

    /// Gives back the budget of output bytes that were not kept: sent to `/dev/null`, or read by
    /// the next command of a pipeline. The budget bounds what a line holds and shows, not what
    /// passes through (`for i in $(seq 5000); do curl -s localhost >/dev/null; done` runs to its
    /// end, as in bash).
    pub(super) fn refund(&mut self, bytes: usize) {
        self.bytes = self.bytes.saturating_sub(bytes);
    }

    /// Runs a list; returns the status of the last pipeline run.
    pub(super) fn run_list(&mut self, list: &List, stdin: &mut Stdin, out: &mut Output) -> i32 {
        let mut status = 0;
        for and_or in list {
            if self.stopped() {
                break;
            }
            status = self.run_and_or(and_or, stdin, out);
        }
        status
    }

    pub(super) fn run_and_or(
        &mut self,
        and_or: &AndOr,
        stdin: &mut Stdin,
        out: &mut Output,
    ) -> i32 {
        let mark = super::diagnostics::mark(out);
        let (status, checked) = self.and_or_body(and_or, stdin, out);
        // `set -e`: a failure that nothing tests ends the shell.
        if checked && status != 0 && self.st.opts.errexit && self.cond_depth == 0 && !self.stopped()
        {
            self.exit = Some(status);
        }
        if !self.st.interactive {
            super::diagnostics::number_lines(out, mark, and_or.line);
        }
        status
    }

    /// The pipelines of an and-or list, each run or skipped by its connector.
    /// Also says whether `set -e` applies to the status: the pipeline that set it is the last
    /// of the list and not negated with `!`.
    fn and_or_body(&mut self, and_or: &AndOr, stdin: &mut Stdin, out: &mut Output) -> (i32, bool) {
        let mut status = self.run_pipeline(&and_or.first, stdin, out);
        let mut checked = and_or.rest.is_empty() && !and_or.first.negate;
        for (i, (conn, pipeline)) in and_or.rest.iter().enumerate() {
            if self.stopped() {
                break;
            }
            let run = match conn {
                Connector::And => status == 0,
                Connector::Or => status != 0,
            };
            if run {
                status = self.run_pipeline(pipeline, stdin, out);
                checked = i + 1 == and_or.rest.len() && !pipeline.negate;
            }
        }
        (status, checked)
    }

    /// Runs the condition of an `if`, `while` or `until`, where `set -e` does not apply.
    fn run_condition(&mut self, cond: &List, stdin: &mut Stdin, out: &mut Output) -> i32 {
        self.cond_depth = self.cond_depth.saturating_add(1);
        let status = self.run_list(cond, stdin, out);
        self.cond_depth = self.cond_depth.saturating_sub(1);
        status
    }

    fn run_pipeline(&mut self, p: &Pipeline, stdin: &mut Stdin, out: &mut Output) -> i32 {
        let mut status = 0;
        let mut statuses = Vec::new();
        let count = p.commands.len();
        if count == 1 {
            if let Some(cmd) = p.commands.first() {
                status = self.run_command(cmd, stdin, out);
                statuses.push(status);
            }
        } else {
            let mut piped: Option<Stdin> = None;
            for (i, cmd) in p.commands.iter().enumerate() {
                let mut o = Output::default();
                let last = i.saturating_add(1) == count;
                let tty = self.stdout_tty && last;
                status = match piped.as_mut() {
                    Some(input) => self.with_stdout_tty(tty, |me| {
                        me.subshell(|me| me.run_command(cmd, input, &mut o))
                    }),
                    None => self.with_stdout_tty(tty, |me| {
                        me.subshell(|me| me.run_command(cmd, stdin, &mut o))
                    }),
                };
                statuses.push(status);
                if last {
                    out.extend(o);
                } else {
                    out.err(o.stream_bytes(Stream::Stderr));
                    let stdout = o.stream_bytes(Stream::Stdout);
                    self.refund(stdout.len());
                    piped = Some(Stdin::bytes(stdout));
                }
                if self.interrupted {
                    break;
                }
            }
        }
        if self.st.opts.pipefail {
            if let Some(failed) = statuses.iter().rev().find(|s| **s != 0) {
                status = *failed;
            }
        }
        self.st.vars.insert(
            "PIPESTATUS".into(),
            Var {
                array: Some(statuses.iter().map(i32::to_string).enumerate().collect()),
                ..Var::default()
            },
        );
        if p.negate {
            status = i32::from(status == 0);
        }
        if !self.interrupted {
            self.st.status = status;
        }
        status
    }

    /// Runs `f` with stdout known to be the terminal (`tty`) or not, then restores the old value.
    pub(super) fn with_stdout_tty(&mut self, tty: bool, f: impl FnOnce(&mut Self) -> i32) -> i32 {
        let saved = self.stdout_tty;
        self.stdout_tty = tty;
        let status = f(self);
        self.stdout_tty = saved;
        status
    }

    /// Runs `f` on a copy of the shell's state (a subshell): changes, `exit` and `break` stay inside.
    pub(super) fn subshell(&mut self, f: impl FnOnce(&mut Self) -> i32) -> i32 {
        let saved = self.st.clone();
        let saved_loops = self.loop_depth;
        let saved_locals = self.locals.len();
        self.sub_depth = self.sub_depth.saturating_add(1);
        self.loop_depth = 0;
        let mut status = f(self);
        self.sub_depth = self.sub_depth.saturating_sub(1);
        self.loop_depth = saved_loops;
        self.locals.truncate(saved_locals);
        *self.st = saved;
        if let Some(code) = self.exit.take().or(self.returning.take()) {
            status = code;
        }
        self.loop_ctl = None;
        status
    }

    pub(super) fn run_command(
        &mut self,
        cmd: &Command,
        stdin: &mut Stdin,
        out: &mut Output,
    ) -> i32 {
        match cmd {
            Command::Simple {
                assigns,
                words,
                redirs,
            } => self.run_simple(assigns, words, redirs, stdin, out),
            Command::Group { body, redirs } => {
                self.with_redirs(redirs, stdin, out, |me, i, o| me.run_list(body, i, o))
            }
            Command::Subshell { body, redirs } => {
                self.with_redirs(redirs, stdin, out, |me, i, o| {
                    me.subshell(|me| me.run_list(body, i, o))
                })
            }
            Command::If {
                branches,
                otherwise,
                redirs,
            } => self.with_redirs(redirs, stdin, out, |me, i, o| {
                for (cond, then) in branches {
                    let c = me.run_condition(cond, i, o);
                    if me.stopped() {
                        return c;
                    }
                    if c == 0 {
                        return me.run_list(then, i, o);
                    }
                }
                otherwise.as_ref().map_or(0, |e| me.run_list(e, i, o))
            }),
            Command::While {
                cond,
                body,
                until,
                redirs,
            } => self.with_redirs(redirs, stdin, out, |me, i, o| {
                me.run_loop(|me, _| me.while_step(cond, body, *until, i, o))
            }),
            Command::For {
                name,
                words,
                body,
                redirs,
            } => self.with_redirs(redirs, stdin, out, |me, i, o| {
                let items = match words {
                    Some(words) => match me.expand_words(words, o) {
                        Some(items) => items,
                        None => return 1,
                    },
                    None => me.st.positional.clone(),
                };
                me.run_loop(|me, n| me.for_step(name, &items, n, body, i, o))
            }),
            Command::ArithFor {
                init,
                cond,
                step,
                body,
                redirs,
            } => self.with_redirs(redirs, stdin, out, |me, i, o| {
                if me.arith(init, o).is_none() {
                    return 1;
                }
                me.run_loop(|me, n| me.arith_for_step(cond, step, n, body, i, o))
            }),
            Command::Case {
                word,
                items,
                redirs,
            } => self.with_redirs(redirs, stdin, out, |me, i, o| {
                me.run_case(word, items, i, o)
            }),
            Command::Cond { expr, redirs } => {
                self.with_redirs(redirs, stdin, out, |me, _, o| me.run_cond(expr, o))
            }
            Command::Arith { expr, redirs } => {
                self.with_redirs(redirs, stdin, out, |me, _, o| match me.arith(expr, o) {
                    Some(0) => 1,
                    Some(_) => 0,
                    None => 1,
                })
            }
            Command::FuncDef { name, body } => {
                self.st.funcs.insert(name.clone(), body.clone());
                0
            }
        }
    }

    /// One turn of `while`/`until`: the condition, then the body unless the loop ends (`None`).
    pub(super) fn while_step(
        &mut self,
        cond: &List,
        body: &List,
        until: bool,
        stdin: &mut Stdin,
        out: &mut Output,
    ) -> Option<i32> {
        let c = self.run_condition(cond, stdin, out);
        if self.stopped() || (c == 0) == until {
            return None;
        }
        Some(self.run_list(body, stdin, out))
    }

    /// Turn `n` of `for name in items`: sets the variable and runs the body (`None` past the end).
    pub(super) fn for_step(
        &mut self,
        name: &str,
        items: &[String],
        n: usize,
        body: &List,
        stdin: &mut Stdin,
        out: &mut Output,
    ) -> Option<i32> {
        let item = items.get(n)?;
        self.st.set(name, item.clone());
        Some(self.run_list(body, stdin, out))
    }

    /// Turn `n` of `for ((init; cond; step))` (`init` has run): the step (after the first
    /// turn), the condition, then the body; `None` when the loop ends.
    pub(super) fn arith_for_step(
        &mut self,
        cond: &str,
        step: &str,
        n: usize,
        body: &List,
        stdin: &mut Stdin,
        out: &mut Output,
    ) -> Option<i32> {
        if n > 0 {
            self.arith(step, out)?;
        }
        let go = if cond.trim().is_empty() {
            1
        } else {
            self.arith(cond, out)?
        };
        if go == 0 {
            return None;
        }
        Some(self.run_list(body, stdin, out))
    }

    /// Runs iterations until `step` returns `None`, honouring `break`, `continue` and the budget.
    fn run_loop(&mut self, mut step: impl FnMut(&mut Self, usize) -> Option<i32>) -> i32 {
        let mut status = 0;
        self.loop_depth = self.loop_depth.saturating_add(1);
        let mut n = 0usize;
        while self.loop_turn(&mut status, n, &mut step) {
            n = n.saturating_add(1);
        }
        self.loop_depth = self.loop_depth.saturating_sub(1);
        status
    }

    /// One turn of a loop (inside `loop_depth`): counts it against the budget, runs turn `n`
    /// (`step` returns `None` when the loop is over, else the body's status, kept in `status`),
    /// then honours `break` and `continue`. False when the loop ends here.
    pub(super) fn loop_turn(
        &mut self,
        status: &mut i32,
        n: usize,
        step: impl FnOnce(&mut Self, usize) -> Option<i32>,
    ) -> bool {
        if !self.tick() {
            return false;
        }
        let Some(s) = step(self, n) else {
            return false;
        };
        *status = s;
        match self.loop_ctl.take() {
            Some(LoopCtl::Break(k)) => {
                if k > 1 {
                    self.loop_ctl = Some(LoopCtl::Break(k - 1));
                }
                return false;
            }
            Some(LoopCtl::Continue(k)) if k > 1 => {
                self.loop_ctl = Some(LoopCtl::Continue(k - 1));
                return false;
            }
            _ => {}
        }
        !self.stopped()
    }

    fn run_simple(
        &mut self,
        assigns: &[Assign],
        words: &[Word],
        redirs: &[Redir],
        stdin: &mut Stdin,
        out: &mut Output,
    ) -> i32 {
        if !self.tick() {
            return 130;
        }
        self.subst_status = None;
        let Some(argv) = self.expand_words(words, out) else {
            return 1;
        };
        if argv.is_empty() {
            for a in assigns {
                if !self.assign(a, out) {
                    return 1;
                }
            }
            let subst = self.subst_status.unwrap_or(0);
            let status = self.with_redirs(redirs, stdin, out, |_, _, _| subst);
            return status;
        }
        let mut values = Vec::with_capacity(assigns.len());
        for a in assigns {
            let Some(v) = self.assign_value(a, out) else {
                return 1;
            };
            values.push((a.name.clone(), v));
        }
        if let Some(last) = argv.last() {
            self.st.last_arg.clone_from(last);
        }
        if let Some(name) = argv.first() {
            self.writer = Some(if super::builtins::BUILTINS.contains(&name.as_str()) {
                format!("bash: {name}")
            } else {
                name.rsplit('/').next().unwrap_or(name).to_string()
            });
        }
        self.with_redirs(redirs, stdin, out, |me, i, o| {
            let mut produced = Output::default();
            let status = me.invoke(&argv, &values, i, &mut produced);
            me.account(produced.len());
            o.extend(produced);
            status
        })
    }

    /// Runs a builtin or a program with expanded `argv` and prefix assignments `env`.
    fn invoke(
        &mut self,
        argv: &[String],
        env: &[(String, String)],
        stdin: &mut Stdin,
        out: &mut Output,
    ) -> i32 {
        let Some(name) = argv.first() else { return 0 };
        if let Some(status) = self.expand_alias(argv, stdin, out) {
            return status;
        }
        if let Some(body) = self.st.funcs.get(name).cloned() {
            return self.call_function(&body, argv, stdin, out);
        }
        self.invoke_command(argv, env, stdin, out)
    }

    /// Runs a builtin or a program, never a function (`command NAME`).
    pub(super) fn invoke_command(
        &mut self,
        argv: &[String],
        env: &[(String, String)],
        stdin: &mut Stdin,
        out: &mut Output,
    ) -> i32 {
        let Some(name) = argv.first() else { return 0 };
        if super::builtins::BUILTINS.contains(&name.as_str()) {
            return self.with_temporary_vars(env, |me| me.builtin(argv, stdin, out).unwrap_or(0));
        }
        if let Some(status) = self.builtin(argv, stdin, out) {
            return status;
        }
        let path = if name.contains('/') {
            let abs = self.st.abs(name);
            if !self.host.exists(&abs) {
                out.err(format!("bash: {name}: No such file or directory\n"));
                return 127;
            }
            if self.host.is_dir(&abs) {
                out.err(format!("bash: {name}: Is a directory\n"));
                return 126;
            }
            if self
                .host
                .stat(&abs, true)
                .is_some_and(|s| s.mode & 0o111 == 0)
            {
                out.err(format!("bash: {name}: Permission denied\n"));
                return 126;
            }
            abs
        } else {
            let path_var = self.st.get("PATH").unwrap_or("").to_string();
            match self.host.which(name, &path_var) {
                Some(p) => {
                    self.st.hashed.insert(name.clone(), p.clone());
                    p
                }
                None => {
                    out.err(match self.st.dialect {
                        Dialect::Bash => format!("bash: {name}: command not found\n"),
                        Dialect::Ash => format!("sh: {name}: not found\n"),
                    });
                    return 127;
                }
            }
        };
        let env = self.st.env(env);
        let cwd = self.st.cwd.clone();
        self.host.set_stdout_tty(self.stdout_tty);
        let req = ExecRequest {
            path: &path,
            argv,
            env: &env,
            cwd: &cwd,
            stdin: stdin.take_rest(),
        };
        match self.host.exec(&req, out) {
            ExecOutcome::Exited(status) => status,
            ExecOutcome::Blocked => {
                self.interrupted = true;
                130
            }
        }
    }
}
