//! Drives a cluster with a session's inputs: [`apply`] is the one place where an input reaches
//! the cluster, for the web app as the user types and for a replay alike, so both take the same
//! path and reach the same trace.

use super::{Input, Session};
use crate::sim::cluster::{Cluster, Terminal, TerminalResult};
use crate::sim::manifest::ManifestError;

/// What an input did, for the terminal that shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    /// A line ran after `prompt`; the terminal shows the echo and `result`.
    Ran {
        /// The prompt shown before the line.
        prompt: String,
        /// What the line printed.
        result: TerminalResult,
    },
    /// bash was busy with a blocking command: the line is typed ahead, shown without a prompt.
    TypedAhead,
    /// Ctrl-C ended the blocked command; the terminal shows `text`.
    Interrupted {
        /// What the terminal prints (`^C`).
        text: String,
    },
    /// Ctrl-C at the prompt (or a half-typed line abandoned): the line is dropped.
    Dropped {
        /// The prompt the dropped line was typed after.
        prompt: String,
    },
    /// The screen is cleared.
    Cleared,
    /// A container restarted (or could not: it is gone).
    Restarted,
    /// A manifest was applied: what `kubectl apply` answered, or the API server's errors.
    Applied(Result<String, Vec<ManifestError>>),
    /// Nothing to show (tab completion opened a session).
    Quiet,
}

/// Moves the clock to `at_ms` if it is behind: the time that passed on its own between inputs.
pub fn catch_up(cluster: &mut Cluster, at_ms: u64) {
    if let Some(gap) = at_ms.checked_sub(cluster.now_ms()).filter(|&gap| gap > 0) {
        cluster.advance_by(gap);
    }
}

/// Runs slices of the command lines in progress until the cluster has run `slices` of them
/// (`None`: until every line has ended), handing each to `seen` (with the cluster after it): what happened between two
/// inputs while a line ran a slice at a time.
pub fn run_slices(
    cluster: &mut Cluster,
    slices: Option<u64>,
    mut seen: impl FnMut(&Cluster, &Terminal, TerminalResult),
) {
    while slices.is_none_or(|n| cluster.slices_run() < n) {
        let Some((terminal, result)) = cluster.run_next_slice() else {
            break;
        };
        seen(cluster, &terminal, result);
    }
}

/// Gives `input` to the cluster and says what its terminal shows. A container's command line
/// only starts: it runs a slice at a time ([`run_slices`], `Cluster::run_next_slice`), and
/// the reply's `result` holds no status while it runs.
pub fn apply(cluster: &mut Cluster, input: &Input) -> Reply {
    match input {
        Input::Line { terminal, line } => {
            // The cluster knows whether bash is busy (a deleted pod takes its sessions along).
            if cluster.is_busy(terminal) {
                return Reply::TypedAhead;
            }
            let prompt = cluster.prompt(terminal);
            let result = cluster.start_line(terminal, line);
            Reply::Ran { prompt, result }
        }
        Input::Interrupt { terminal } => {
            let prompt = cluster.prompt(terminal);
            let blocked = cluster.is_busy(terminal);
            // Nothing runs: bash only drops the line and sets `$?` to 130.
            let result = cluster.interrupt(terminal);
            if blocked {
                Reply::Interrupted { text: result.text }
            } else {
                Reply::Dropped { prompt }
            }
        }
        Input::Cancel { terminal, .. } => {
            let prompt = cluster.prompt(terminal);
            // Ctrl-C with a half-typed line: bash drops it (and any unfinished continuation).
            if !cluster.is_busy(terminal) {
                cluster.interrupt(terminal);
            }
            Reply::Dropped { prompt }
        }
        Input::Clear { .. } => Reply::Cleared,
        Input::Complete { terminal } => {
            let _ = cluster.complete(terminal, "", 0);
            Reply::Quiet
        }
        Input::Restart { container } => {
            // A container that is gone cannot restart; the diagram and terminals say so.
            let _ = cluster.restart_container(container);
            Reply::Restarted
        }
        Input::Apply { manifest } => {
            let result = cluster.apply(manifest);
            cluster.settle();
            Reply::Applied(result)
        }
        Input::Replace { manifest } => {
            cluster.delete_pod();
            let result = cluster.apply(manifest);
            cluster.settle();
            Reply::Applied(result)
        }
    }
}

impl Session {
    /// A fresh cluster that has been given every input at its time, with the clock at
    /// [`Session::now_ms`]: the cluster the sender had. Also says why the starting pod could
    /// not start, if it could not.
    pub fn replay(&self) -> (Cluster, Option<String>) {
        self.replay_with(|_, _| {})
    }

    /// [`Session::replay`], handing each input and its reply to `seen` (the web app records
    /// what its terminals show).
    pub fn replay_with(&self, mut seen: impl FnMut(&Input, Reply)) -> (Cluster, Option<String>) {
        let (mut cluster, error) = self.start_cluster();
        for rec in &self.inputs {
            run_slices(&mut cluster, rec.slices, |_, _, _| {});
            catch_up(&mut cluster, rec.at_ms);
            let reply = apply(&mut cluster, &rec.input);
            seen(&rec.input, reply);
        }
        run_slices(&mut cluster, self.slices, |_, _, _| {});
        catch_up(&mut cluster, self.now_ms);
        (cluster, error)
    }
}
