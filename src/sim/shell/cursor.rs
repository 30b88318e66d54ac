//! A command line run a slice at a time, so the web app can draw, take clicks and Ctrl-C between
//! slices of a long loop, and let the wall clock catch up with `sleep`.
//!
//! The interpreter stays a synchronous tree-walker; a [`LineRun`] is a cursor over the line's
//! top-level structure only. One slice is one top-level and-or list item, or one turn of a
//! top-level `for`/`while`/`until` loop (whose words are expanded in a slice of their own).
//! Everything inside a slice runs at once, under the line's budgets, which carry over from
//! slice to slice: running all slices back to back is exactly running the line.

use super::ast::{AndOr, Command, List, Word};
use super::exec::{Interp, Stdin};
use super::{truncate, LineResult, Shell, ShellHost, MAX_OUTPUT};
use crate::sim::output::Output;

/// A top-level loop in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Turns {
    /// The words of a `for` loop, expanded; empty for `while`/`until`.
    items: Vec<String>,
    /// Turns run so far.
    n: usize,
    /// The status of the last body run.
    status: i32,
}

/// One command line on its way through the shell, between two slices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineRun {
    /// The parsed line.
    list: List,
    /// The top-level item to run next.
    next: usize,
    /// The top-level loop at `next`, once its words are expanded.
    turns: Option<Turns>,
    /// Commands counted so far against the line's budget.
    commands: u64,
    /// Output bytes counted so far against the line's budget.
    bytes: usize,
    /// Output bytes handed out so far (an interrupted line shows at most `MAX_OUTPUT`).
    shown: usize,
    /// What the line amounts to so far; `output` stays empty (each slice hands out its own).
    result: LineResult,
    /// No slice is left.
    done: bool,
}

impl LineRun {
    /// A line that ends before it runs (a parse error, a line too long, an incomplete command
    /// waiting for more lines): the one slice hands out `result`'s output.
    pub(super) fn finished(result: LineResult) -> LineRun {
        LineRun {
            list: Vec::new(),
            next: 0,
            turns: None,
            commands: 0,
            bytes: 0,
            shown: 0,
            result,
            done: false,
        }
    }

    /// A parsed line, nothing run yet; the first slice prints `preamble` first (a warning).
    pub(super) fn parsed(list: List, preamble: Output) -> LineRun {
        LineRun {
            list,
            ..LineRun::finished(LineResult {
                output: preamble,
                ..LineResult::default()
            })
        }
    }

    /// The slice that begins a top-level loop: `items` are its words (`None`: they failed to
    /// expand, the loop ends with status 1). True when the loop is over already.
    fn start_turns(&mut self, items: Option<Vec<String>>, me: &mut Interp<'_>) -> bool {
        match items {
            Some(items) => {
                self.turns = Some(Turns {
                    items,
                    n: 0,
                    status: 0,
                });
                false
            }
            None => {
                self.result.status = 1;
                me.st.status = 1;
                true
            }
        }
    }

    /// Puts `first` before what the line prints (bash echoing a history expansion).
    pub(super) fn prepend(&mut self, mut first: Output) {
        first.extend(std::mem::take(&mut self.result.output));
        self.result.output = first;
    }

    /// True when every slice has run (or Ctrl-C ended the line).
    pub fn is_done(&self) -> bool {
        self.done
    }

    /// What the line did (status, `exit`, `clear`), without its output; final once
    /// [`LineRun::is_done`].
    pub fn result(&self) -> &LineResult {
        &self.result
    }
}

/// The body of a top-level loop that runs a turn per slice: a lone `for`/`while`/`until` without
/// redirections (a redirected loop writes its file once, so it runs in one slice), or a lone
/// `for ((…))`.
enum Looping<'a> {
    For {
        name: &'a str,
        words: Option<&'a [Word]>,
        body: &'a List,
    },
    While {
        cond: &'a List,
        body: &'a List,
        until: bool,
    },
    ArithFor {
        init: &'a str,
        cond: &'a str,
        step: &'a str,
        body: &'a List,
    },
}

fn looping(item: &AndOr) -> Option<Looping<'_>> {
    if !item.rest.is_empty() || item.first.negate {
        return None;
    }
    match item.first.commands.as_slice() {
        [Command::For {
            name,
            words,
            body,
            redirs,
        }] if redirs.is_empty() => Some(Looping::For {
            name,
            words: words.as_deref(),
            body,
        }),
        [Command::While {
            cond,
            body,
            until,
            redirs,
        }] if redirs.is_empty() => Some(Looping::While {
            cond,
            body,
            until: *until,
        }),
        [Command::ArithFor {
            init,
            cond,
            step,
            body,
            redirs,
        }] if redirs.is_empty() => Some(Looping::ArithFor {
            init,
            cond,
            step,
            body,
        }),
        _ => None,
    }
}

impl Shell {
    /// Runs the next slice of `run` and returns what it printed. After the last slice,
    /// `run.result()` holds the line's status, `$?` is set and the run [`LineRun::is_done`].
    pub fn run_slice(&mut self, run: &mut LineRun, host: &mut dyn ShellHost) -> Output {
        if run.done {
            return Output::default();
        }
        // What the line printed before it ran (an error, a warning) comes first.
        let mut out = std::mem::take(&mut run.result.output);
        if run.list.is_empty() {
            // A line that failed before it ran, an incomplete or an empty one.
            return self.end(run, out);
        }
        let mut me = Interp::new(&mut self.state, host, &self.history);
        if !self.interactive {
            // Only an interactive shell says `exit` when it ends.
            me.sub_depth = 1;
        }
        me.commands = run.commands;
        me.bytes = run.bytes;
        let mut stdin = Stdin::tty();
        let item = run.list.get(run.next);
        let ended = match (item.and_then(looping), run.turns.take()) {
            (Some(Looping::For { words, .. }), None) => {
                let items = match words {
                    Some(words) => me.expand_words(words, &mut out),
                    None => Some(me.st.positional.clone()),
                };
                run.start_turns(items, &mut me)
            }
            (Some(Looping::ArithFor { init, .. }), None) => {
                let begun = me.arith(init, &mut out).map(|_| Vec::new());
                run.start_turns(begun, &mut me)
            }
            (Some(lp), turns) => {
                let mut t = turns.unwrap_or(Turns {
                    items: Vec::new(),
                    n: 0,
                    status: 0,
                });
                me.loop_depth = 1;
                let more = me.loop_turn(&mut t.status, t.n, |me, n| match lp {
                    Looping::For { name, body, .. } => {
                        me.for_step(name, &t.items, n, body, &mut stdin, &mut out)
                    }
                    Looping::While { cond, body, until } => {
                        me.while_step(cond, body, until, &mut stdin, &mut out)
                    }
                    Looping::ArithFor {
                        cond, step, body, ..
                    } => me.arith_for_step(cond, step, n, body, &mut stdin, &mut out),
                });
                me.loop_depth = 0;
                // A `break 2` at the top level has no outer loop to leave.
                me.loop_ctl = None;
                if more {
                    t.n = t.n.saturating_add(1);
                    run.turns = Some(t);
                } else {
                    run.result.status = t.status;
                    if !me.interrupted {
                        me.st.status = t.status;
                    }
                }
                !more
            }
            (None, _) => {
                if let Some(item) = item {
                    run.result.status = me.run_and_or(item, &mut stdin, &mut out);
                }
                true
            }
        };
        if ended {
            run.next = run.next.saturating_add(1);
        }
        run.commands = me.commands;
        run.bytes = me.bytes;
        run.result.interrupted |= me.interrupted;
        run.result.clear_screen |= me.clear;
        if me.exit.is_some() {
            run.result.exit_requested = me.exit;
        }
        let finished = me.stopped() || run.next >= run.list.len();
        if run.result.interrupted {
            truncate(&mut out, MAX_OUTPUT.saturating_sub(run.shown));
        }
        run.shown = run.shown.saturating_add(out.len());
        if finished {
            return self.end(run, out);
        }
        out
    }

    /// Ctrl-C between two slices: the line ends with `^C` and status 130, as in bash.
    pub fn interrupt_line(&mut self, run: &mut LineRun) -> Output {
        let mut out = Output::default();
        if run.done {
            return out;
        }
        run.result.interrupted = true;
        out.out("^C\n");
        run.done = true;
        run.result.status = 130;
        self.state.status = 130;
        out
    }

    /// The last slice ran: the line's status, `^C` when the line was stopped.
    fn end(&mut self, run: &mut LineRun, mut out: Output) -> Output {
        run.done = true;
        if run.result.interrupted {
            out.out("^C\n");
            run.result.status = 130;
        }
        if let Some(code) = run.result.exit_requested {
            run.result.status = code;
        }
        self.state.status = run.result.status;
        out
    }
}
