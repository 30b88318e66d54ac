//! A container terminal's command line in progress, run a slice at a time (see
//! `sim::shell::LineRun`): the web app runs slices between frames, so a long loop never freezes
//! the tab, Ctrl-C lands between two slices, and a `sleep` loop can wait for the wall clock.
//! Natively every slice runs at once ([`Cluster::run_in_container`]); both give the same trace.

use super::session::TerminalResult;
use super::{Cluster, Terminal, LINE_MS};
use crate::sim::event::{Actor, EventKind};
use crate::sim::pod::{strip_interrupt_marker, ContainerHost};
use crate::sim::shell::LineRun;

/// What a session keeps of the line it runs between two slices.
#[derive(Debug, Clone)]
pub(super) struct RunningLine {
    /// The shell's cursor over the line.
    run: LineRun,
    /// Process events recorded so far (the per-line cap spans all slices).
    process_events: usize,
    /// A program blocked (`sleep infinity`): the line waits for Ctrl-C when it ends.
    blocked_seen: bool,
    /// The blocked programs' PIDs.
    blocked_pids: Vec<u32>,
}

/// How many slices the cluster has run, and where the round of running terminals stands.
#[derive(Debug, Clone, Default)]
pub(super) struct SliceCount {
    /// Slices run since the cluster was made.
    run: u64,
    /// The container whose terminal ran the last slice.
    last: Option<String>,
}

impl TerminalResult {
    /// Adds what a later slice of the same line printed and how it ended.
    pub fn append(&mut self, later: TerminalResult) {
        self.text.push_str(&later.text);
        self.output.extend(later.output);
        self.status = later.status;
        self.clear |= later.clear;
        self.continues = later.continues;
        self.ended |= later.ended;
    }
}

impl Cluster {
    /// Runs one command line in a container's terminal, all of it at once.
    pub fn run_in_container(&mut self, container: &str, line: &str) -> TerminalResult {
        let mut result = self.start_in_container(container, line);
        let terminal = Terminal::container(container);
        while result.status.is_none() && self.is_running(&terminal) {
            let later = self.run_slice(&terminal);
            result.append(later);
        }
        result
    }

    /// Types a line into `terminal`. kubectl's runs at once; a container's is only started
    /// ([`Cluster::start_in_container`]) and runs with [`Cluster::run_slice`].
    pub fn start_line(&mut self, terminal: &Terminal, line: &str) -> TerminalResult {
        match terminal {
            Terminal::Kubectl => self.run_kubectl_line(line),
            Terminal::Container(name) => self.start_in_container(name, line),
        }
    }

    /// Types a line into a container's terminal; nothing of it runs yet: `status` is `None`
    /// while its slices are left to run ([`Cluster::run_slice`]), else the line was refused.
    pub fn start_in_container(&mut self, container: &str, line: &str) -> TerminalResult {
        if line.trim() == "^C" {
            return self.interrupt_container(container);
        }
        self.now_ms = self.now_ms.saturating_add(LINE_MS);
        self.advance();
        let pid = match self.session(container) {
            Ok(s) if s.blocked || s.line.is_some() => return TerminalResult::default(),
            Ok(s) => {
                s.line = Some(RunningLine {
                    run: s.shell.begin_feed(line),
                    process_events: 0,
                    blocked_seen: false,
                    blocked_pids: Vec::new(),
                });
                s.pid
            }
            Err(message) => {
                return TerminalResult {
                    text: format!("{message}\n"),
                    status: Some(1),
                    ..Default::default()
                }
            }
        };
        self.trace.record(
            self.now_ms,
            Actor::process(container, pid, "bash"),
            EventKind::CommandTyped {
                container: container.to_string(),
                line: line.to_string(),
            },
        );
        TerminalResult::default()
    }

    /// True while a line in `terminal` has slices left to run.
    pub fn is_running(&self, terminal: &Terminal) -> bool {
        terminal
            .container_name()
            .and_then(|c| self.sessions.get(c))
            .is_some_and(|s| s.line.is_some())
    }

    /// True while `terminal` cannot take a new line: one runs, or a program blocks.
    pub fn is_busy(&self, terminal: &Terminal) -> bool {
        self.is_running(terminal) || self.is_blocked(terminal)
    }

    /// True while some container terminal's line has slices left.
    pub fn has_running_lines(&self) -> bool {
        self.sessions.values().any(|s| s.line.is_some())
    }

    /// The container terminals whose lines have slices left, in name order.
    pub fn running_lines(&self) -> Vec<Terminal> {
        self.sessions
            .iter()
            .filter(|(_, s)| s.line.is_some())
            .map(|(name, _)| Terminal::container(name))
            .collect()
    }

    /// Slices of command lines run since the cluster was made (a session records it).
    pub fn slices_run(&self) -> u64 {
        self.slices.run
    }

    /// Runs the next slice of some line in progress: the terminals take turns, in name order
    /// after the one that ran the last slice. `None` when no line runs.
    pub fn run_next_slice(&mut self) -> Option<(Terminal, TerminalResult)> {
        let running = self.running_lines();
        let last = self.slices.last.clone().map(Terminal::container);
        let next = running
            .iter()
            .find(|t| last.as_ref().is_some_and(|l| *t > l))
            .or(running.first())?
            .clone();
        let result = self.run_slice(&next);
        Some((next, result))
    }

    /// Runs the next slice of the line in `container`'s terminal: what it printed, and the
    /// line's status once it has ended (`None` while slices are left or a program blocks).
    pub fn run_slice(&mut self, terminal: &Terminal) -> TerminalResult {
        let Some(container) = terminal.container_name() else {
            return TerminalResult::default();
        };
        let Some(session) = self.sessions.get_mut(container) else {
            return TerminalResult::default();
        };
        let Some(mut line) = session.line.take() else {
            return TerminalResult::default();
        };
        self.slices.run = self.slices.run.saturating_add(1);
        self.slices.last = Some(container.to_string());
        let Some(pod) = self.pod.as_mut() else {
            session.line = Some(line);
            return TerminalResult::default();
        };
        let mut output = {
            // The session's shell runs where it is: the pod, the clock and the trace are other
            // fields of the cluster.
            let mut host = ContainerHost::new(
                pod,
                container,
                &mut self.now_ms,
                &mut self.trace,
                session.pid,
                true,
            );
            host.process_events = line.process_events;
            let output = session.shell.run_slice(&mut line.run, &mut host);
            line.process_events = host.process_events;
            line.blocked_seen |= host.blocked_seen;
            line.blocked_pids.append(&mut host.blocked_pids);
            output
        };
        let done = line.run.is_done();
        let result = line.run.result().clone();
        let waiting = done && result.interrupted && line.blocked_seen;
        if waiting {
            strip_interrupt_marker(&mut output, true);
        } else if done && result.interrupted {
            output.err("podscope: stopped this command line: it ran too long or printed too much (as if you pressed Ctrl-C)\n");
        }
        let text = String::from_utf8_lossy(&output.interleaved()).into_owned();
        if done {
            session.blocked = waiting;
            session.blocked_pids = std::mem::take(&mut line.blocked_pids);
        } else {
            session.line = Some(line);
        }
        if done {
            if let Some(code) = result.exit_requested {
                self.close_session(container, code);
            }
            // The trace holds everything that happened by the time the line ends.
            self.advance();
        }
        TerminalResult {
            text,
            status: (done && !waiting).then(|| result.exit_requested.unwrap_or(result.status)),
            clear: done && result.clear_screen,
            open_terminal: None,
            continues: done && result.more,
            ended: done && result.exit_requested.is_some(),
            output,
        }
    }

    /// Ctrl-C while a line still has slices left: it ends at once with `^C` and status 130.
    /// `None` when no line runs there.
    pub(super) fn interrupt_line(&mut self, container: &str) -> Option<TerminalResult> {
        let s = self.sessions.get_mut(container)?;
        let mut line = s.line.take()?;
        let output = s.shell.interrupt_line(&mut line.run);
        Some(TerminalResult {
            text: String::from_utf8_lossy(&output.interleaved()).into_owned(),
            status: Some(130),
            output,
            ..Default::default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEBIAN: &str = "debian-container";

    fn debian() -> Terminal {
        Terminal::container(DEBIAN)
    }

    /// A pod with curl installed in debian.
    fn cluster() -> Cluster {
        let mut c = Cluster::with_scenario("localhost").unwrap();
        c.run_in_container(DEBIAN, "apt-get update >/dev/null");
        c.run_in_container(DEBIAN, "apt-get install -y curl >/dev/null");
        c
    }

    /// Runs `line` a slice at a time, asking the cluster about its terminals in between as
    /// the web app does; returns the text shown and the status.
    fn sliced(c: &mut Cluster, line: &str) -> (String, Option<i32>, usize) {
        let mut r = c.start_in_container(DEBIAN, line);
        let mut slices = 0;
        while c.is_running(&debian()) {
            let _ = (
                c.prompt(&debian()),
                c.running_lines(),
                c.is_blocked(&debian()),
            );
            r.append(c.run_slice(&debian()));
            slices += 1;
        }
        (r.text, r.status, slices)
    }

    #[test]
    fn slices_give_the_same_trace_and_output_as_running_at_once() {
        let lines = [
            "for i in $(seq 30); do curl -s localhost; echo \" $i\"; done; echo end $?",
            "i=0; while [ $i -lt 5 ]; do i=$((i+1)); echo $i > /tmp/n; sleep 0.5; done && cat /tmp/n",
            "for i in 1 2 3; do if [ $i = 2 ]; then continue; fi; echo $i; break 2; done; echo after",
            "until false; do echo once; break; done > /tmp/redirected; cat /tmp/redirected",
            "for i in $(seq 200); do ls /nope; done 2>&1 | tail -1",
            "for x in a b; do echo $x; exit 3; done; echo never",
            "echo unclosed 'quote",
            "for i in 1 2 3",
            "do echo $i; sleep 1",
            "done",
            "cat <<EOF",
            "a $HOME",
            "EOF",
            "f() { echo f$1; }",
            "f 1; f 2",
            "for ((i=0; i<3; i++)); do echo $i; done; echo $i",
            "for ((i=0; i<2; i++)); do echo $i; done > /tmp/arith; cat /tmp/arith",
            "case x in x) echo yes;; esac",
            "echo $((1/0)); echo not",
            "set -- a b; for x; do echo $x; done",
        ];
        let (mut at_once, mut by_slices) = (cluster(), cluster());
        for line in lines {
            let a = at_once.run_in_container(DEBIAN, line);
            let (text, status, _) = sliced(&mut by_slices, line);
            assert_eq!((&a.text, a.status), (&text, status), "{line}");
        }
        assert_eq!(at_once.trace.to_jsonl(), by_slices.trace.to_jsonl());
        assert_eq!(at_once.slices_run(), by_slices.slices_run());
        assert_eq!(at_once.pcap(), by_slices.pcap());
        assert_eq!(at_once.now_ms, by_slices.now_ms);
    }

    #[test]
    fn a_top_level_loop_runs_a_turn_per_slice() {
        let mut c = cluster();
        let (text, status, slices) = sliced(&mut c, "for i in $(seq 1000); do :; done; echo ok");
        assert_eq!((text.as_str(), status), ("ok\n", Some(0)));
        // The words, 1000 turns, the turn that finds no word left, then `echo`.
        assert_eq!(slices, 1003);
        let (_, _, slices) = sliced(&mut c, "echo a; echo b && echo c");
        assert_eq!(slices, 2);
    }

    #[test]
    fn ctrl_c_between_slices_ends_the_line_with_130() {
        let mut c = cluster();
        let start = c.start_in_container(DEBIAN, "while true; do curl -s localhost; sleep 1; done");
        assert_eq!(start.status, None);
        let mut text = String::new();
        for _ in 0..3 {
            text.push_str(&c.run_slice(&debian()).text);
        }
        assert_eq!(text.matches("</html>").count(), 3);
        assert!(c.is_running(&debian()));
        let stop = c.interrupt(&debian());
        assert_eq!((stop.text.as_str(), stop.status), ("^C\n", Some(130)));
        assert!(!c.is_busy(&debian()));
        assert_eq!(c.run_in_container(DEBIAN, "echo $?").text, "130\n");
        // A line typed while another runs is not started.
        c.start_in_container(DEBIAN, "for i in 1 2; do echo $i; done");
        assert_eq!(
            c.start_in_container(DEBIAN, "echo typed-ahead").status,
            None
        );
        let mut rest = String::new();
        while c.is_running(&debian()) {
            rest.push_str(&c.run_slice(&debian()).text);
        }
        assert_eq!(rest, "1\n2\n");
    }

    #[test]
    fn an_unfinished_command_waits_for_more_lines_and_then_runs_a_turn_per_slice() {
        let mut c = cluster();
        let first = c.start_in_container(DEBIAN, "while true");
        assert_eq!(first.status, None);
        let r = c.run_slice(&debian());
        assert!(r.continues && r.status == Some(0), "{r:?}");
        assert_eq!(c.prompt(&debian()), "> ");
        let (text, status, _) = sliced(&mut c, "do curl -s localhost | wc -l");
        assert!(text.is_empty() && status == Some(0));
        c.start_in_container(DEBIAN, "done");
        for _ in 0..3 {
            assert_eq!(c.run_slice(&debian()).text, "23\n");
        }
        assert!(c.is_running(&debian()));
        let stop = c.interrupt(&debian());
        assert_eq!((stop.text.as_str(), stop.status), ("^C\n", Some(130)));
        assert_eq!(c.prompt(&debian()), "root@two-containers:/# ");
    }

    #[test]
    fn the_terminals_take_turns_at_slices() {
        let mut c = cluster();
        c.run_in_container("nginx-container", "true");
        c.start_in_container(DEBIAN, "for i in 1 2; do echo d$i; done");
        c.start_in_container("nginx-container", "for i in 1 2; do echo n$i; done");
        let mut order = Vec::new();
        while let Some((t, r)) = c.run_next_slice() {
            order.push(format!("{}:{}", t.label(), r.text.trim()));
        }
        assert_eq!(
            order,
            [
                "debian-container:",
                "nginx-container:",
                "debian-container:d1",
                "nginx-container:n1",
                "debian-container:d2",
                "nginx-container:n2",
                "debian-container:",
                "nginx-container:",
            ]
        );
    }

    #[test]
    fn a_budget_spans_all_slices_of_a_line() {
        let mut c = cluster();
        let (text, status, _) = sliced(&mut c, "while true; do :; done");
        assert_eq!(status, Some(130));
        assert!(
            text.starts_with("^C\npodscope: stopped this command line"),
            "{text}"
        );
    }
}
