//! A container as the shell sees it: its files, its PATH, its programs. Implements
//! [`ShellHost`] over the pod, recording file writes in the trace.

use super::Pod;
use crate::sim::event::{Actor, EventKind, Trace};
use crate::sim::fs::{normalize, NodeKind, WriteInfo, WriteMode};
use crate::sim::output::Output;
use crate::sim::shell::{ExecOutcome, ExecRequest, FileStat, ShellHost};

/// Most process start/exit events recorded for one command line; a loop running thousands of
/// commands would otherwise flood the event list (podscope simplifies here, and says so).
pub const MAX_PROCESS_EVENTS_PER_LINE: usize = 200;

/// One container of a pod, borrowed for the duration of a command line.
pub struct ContainerHost<'a> {
    /// The pod.
    pub pod: &'a mut Pod,
    /// The container the shell runs in.
    pub container: String,
    /// The simulation clock; programs like `sleep` and `curl` advance it.
    pub now_ms: &'a mut u64,
    /// Where events go.
    pub trace: &'a mut Trace,
    /// PID of the shell, the parent of every program it starts.
    pub shell_pid: u32,
    /// Whether the shell has a terminal (`kubectl exec -it`): curl bolds headers, no progress meter.
    pub tty: bool,
    /// Whether the program about to run writes its stdout to the terminal (not a pipe or file).
    pub stdout_tty: bool,
    /// Process events recorded so far in this line.
    pub process_events: usize,
    /// Set when a program blocked (`sleep infinity`): the line then waits for Ctrl-C.
    pub blocked_seen: bool,
    /// PIDs of the programs still running because they blocked; Ctrl-C ends them.
    pub blocked_pids: Vec<u32>,
    /// When set, the next program runs as this PID (`exec`) instead of a new child process.
    pub exec_as: Option<u32>,
    /// Child shells (`bash -c`, scripts) running inside one another now.
    pub shells: u32,
}

impl<'a> ContainerHost<'a> {
    /// Borrows `pod` to run commands in `container`.
    pub fn new(
        pod: &'a mut Pod,
        container: &str,
        now_ms: &'a mut u64,
        trace: &'a mut Trace,
        shell_pid: u32,
        tty: bool,
    ) -> Self {
        ContainerHost {
            pod,
            container: container.to_string(),
            now_ms,
            trace,
            shell_pid,
            tty,
            stdout_tty: tty,
            process_events: 0,
            blocked_seen: false,
            blocked_pids: Vec::new(),
            exec_as: None,
            shells: 0,
        }
    }

    /// The actor for events caused by `program` with `pid` in this container.
    pub fn actor(&self, pid: u32, program: &str) -> Actor {
        Actor::process(&self.container, pid, program)
    }

    /// Records a successful write, naming every other path where the same inode is visible.
    pub fn record_write(&mut self, pid: u32, program: &str, path: &str, info: &WriteInfo) {
        let also_at = self
            .pod
            .fs
            .paths_of_inode(info.ino)
            .into_iter()
            .filter(|(ns, p)| !(ns == &self.container && p == path))
            .collect();
        let actor = self.actor(pid, program);
        // `echo hi > f` opens f with O_TRUNC, then writes: one write for the trace, not two.
        self.trace.drop_last_if(|e| {
            e.actor == actor
                && matches!(&e.kind, EventKind::FileWritten { path: p, inode, size: 0, .. }
                    if p == path && *inode == info.ino)
        });
        self.trace.record(
            *self.now_ms,
            actor,
            EventKind::FileWritten {
                path: path.to_string(),
                inode: info.ino,
                size: info.size,
                volume: info.volume.clone(),
                also_at,
            },
        );
    }
}

impl ShellHost for ContainerHost<'_> {
    fn exec(&mut self, req: &ExecRequest<'_>, out: &mut Output) -> ExecOutcome {
        let outcome = super::programs::run(self, req, out);
        self.blocked_seen |= outcome.is_blocked();
        outcome
    }

    fn set_stdout_tty(&mut self, tty: bool) {
        self.stdout_tty = self.tty && tty;
    }

    fn which(&self, name: &str, path_var: &str) -> Option<String> {
        let is_exec = |p: &str| {
            self.pod
                .fs
                .stat(&self.container, p)
                .map(|m| matches!(m.kind, NodeKind::File) && m.mode & 0o111 != 0)
                .unwrap_or(false)
        };
        if name.contains('/') {
            return is_exec(name).then(|| name.to_string());
        }
        path_var
            .split(':')
            .filter(|d| !d.is_empty())
            .map(|d| format!("{}/{name}", d.trim_end_matches('/')))
            .find(|p| is_exec(p))
    }

    fn read_file(&self, path: &str) -> Result<Vec<u8>, String> {
        self.pod
            .fs
            .read(&self.container, &normalize("/", path))
            .map_err(|e| e.kind.strerror().to_string())
    }

    fn write_file(&mut self, path: &str, data: &[u8], append: bool) -> Result<(), String> {
        let path = normalize("/", path);
        let mode = if append {
            WriteMode::Append
        } else {
            WriteMode::Truncate
        };
        match self
            .pod
            .fs
            .write(&self.container, &path, data, mode, *self.now_ms)
        {
            // Opening for append without writing yet changes nothing worth showing.
            Ok(info) if append && data.is_empty() && !info.created => Ok(()),
            Ok(info) => {
                self.record_write(self.shell_pid, "bash", &path, &info);
                Ok(())
            }
            Err(e) => {
                let actor = self.actor(self.shell_pid, "bash");
                self.trace.record(
                    *self.now_ms,
                    actor,
                    EventKind::WriteFailed {
                        path,
                        error: e.kind.strerror().to_string(),
                    },
                );
                Err(e.kind.strerror().to_string())
            }
        }
    }

    fn is_dir(&self, path: &str) -> bool {
        matches!(self.pod.fs.stat(&self.container, &normalize("/", path)), Ok(m) if matches!(m.kind, NodeKind::Dir))
    }

    fn exists(&self, path: &str) -> bool {
        self.pod
            .fs
            .lstat(&self.container, &normalize("/", path))
            .is_ok()
    }

    fn list_dir(&self, path: &str) -> Option<Vec<String>> {
        self.pod
            .fs
            .read_dir(&self.container, &normalize("/", path))
            .ok()
            .map(|entries| entries.into_iter().map(|(name, _)| name).collect())
    }

    fn hostname(&self) -> String {
        self.pod.name().to_string()
    }

    fn stat(&self, path: &str, follow: bool) -> Option<FileStat> {
        let path = normalize("/", path);
        let m = if follow {
            self.pod.fs.stat(&self.container, &path)
        } else {
            self.pod.fs.lstat(&self.container, &path)
        }
        .ok()?;
        Some(FileStat {
            ino: m.ino,
            mtime_ms: m.mtime_ms,
            mode: m.mode,
            size: m.size,
            dir: m.kind == NodeKind::Dir,
            symlink: m.kind == NodeKind::Symlink,
        })
    }

    fn realpath(&self, path: &str) -> Option<String> {
        self.pod
            .fs
            .realpath(&self.container, &normalize("/", path))
            .ok()
    }
}
