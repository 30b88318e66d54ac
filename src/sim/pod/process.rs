//! The pod's process table: every process of every container, with PIDs allocated per PID
//! namespace (one per container, or one for the whole pod with `shareProcessNamespace`).

use std::collections::BTreeMap;

/// What a process is doing, as `ps` shows it in its STAT column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProcState {
    /// Running or runnable (`R`).
    Running,
    /// Waiting for something: a socket, a timer, a terminal (`S`).
    Sleeping,
    /// Exited; kept until the pod forgets it.
    Exited(i32),
}

/// One process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Process {
    /// PID inside its PID namespace.
    pub pid: u32,
    /// Parent PID (0 for a namespace's first process).
    pub ppid: u32,
    /// The container it runs in (`pause` for the sandbox's own process).
    pub container: String,
    /// Command line.
    pub argv: Vec<String>,
    /// Sim time it started.
    pub start_ms: u64,
    /// Current state.
    pub state: ProcState,
    /// Whether it has a terminal (`kubectl exec -it`), shown as `pts/0` by `ps`.
    pub tty: bool,
}

impl Process {
    /// The program name: argv[0] without its directory.
    pub fn name(&self) -> &str {
        let first = self.argv.first().map(String::as_str).unwrap_or("");
        first.rsplit('/').next().unwrap_or(first)
    }

    /// True while it has not exited.
    pub fn alive(&self) -> bool {
        !matches!(self.state, ProcState::Exited(_))
    }
}

/// All processes of the pod.
#[derive(Debug, Clone, Default)]
pub struct ProcessTable {
    procs: Vec<Process>,
    next_pid: BTreeMap<String, u32>,
}

impl ProcessTable {
    /// Starts a process in PID namespace `pid_ns`, returning its PID.
    pub fn spawn(
        &mut self,
        pid_ns: &str,
        container: &str,
        ppid: u32,
        argv: Vec<String>,
        now_ms: u64,
        tty: bool,
    ) -> u32 {
        let next = self.next_pid.entry(pid_ns.to_string()).or_insert(1);
        let pid = *next;
        *next = next.saturating_add(1);
        self.procs.push(Process {
            pid,
            ppid,
            container: container.to_string(),
            argv,
            start_ms: now_ms,
            state: ProcState::Sleeping,
            tty,
        });
        pid
    }

    /// Skips PIDs in a namespace (a real kernel hands out PIDs to short-lived helpers too).
    pub fn reserve(&mut self, pid_ns: &str, count: u32) {
        let next = self.next_pid.entry(pid_ns.to_string()).or_insert(1);
        *next = next.saturating_add(count);
    }

    /// Replaces a process's command line (`exec`).
    pub fn set_argv(&mut self, container: &str, pid: u32, argv: Vec<String>) {
        if let Some(p) = self
            .procs
            .iter_mut()
            .find(|p| p.container == container && p.pid == pid && p.alive())
        {
            p.argv = argv;
        }
    }

    /// Marks a process as exited.
    pub fn exit(&mut self, container: &str, pid: u32, status: i32) {
        // From the newest: the exiting process is almost always the last one started.
        if let Some(p) = self
            .procs
            .iter_mut()
            .rev()
            .find(|p| p.pid == pid && p.alive() && p.container == container)
        {
            p.state = ProcState::Exited(status);
        }
    }

    /// Removes every process of a container (it stopped or restarts).
    pub fn kill_container(&mut self, container: &str) {
        for p in self
            .procs
            .iter_mut()
            .filter(|p| p.container == container && p.alive())
        {
            p.state = ProcState::Exited(137);
        }
    }

    /// Drops the records of exited processes.
    pub fn reap(&mut self) {
        self.procs.retain(Process::alive);
    }

    /// Live processes of the given containers, by PID.
    pub fn live_in<'a>(
        &'a self,
        containers: &'a [String],
    ) -> impl Iterator<Item = &'a Process> + 'a {
        self.procs
            .iter()
            .filter(move |p| p.alive() && containers.contains(&p.container))
    }

    /// Live processes of one container.
    pub fn live_of<'a>(&'a self, container: &'a str) -> impl Iterator<Item = &'a Process> + 'a {
        self.procs
            .iter()
            .filter(move |p| p.alive() && p.container == container)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pids_are_per_namespace() {
        let mut t = ProcessTable::default();
        let a = t.spawn(
            "nginx-container",
            "nginx-container",
            0,
            vec!["nginx".into()],
            0,
            false,
        );
        let b = t.spawn(
            "debian-container",
            "debian-container",
            0,
            vec!["sleep".into()],
            0,
            false,
        );
        let c = t.spawn(
            "nginx-container",
            "nginx-container",
            a,
            vec!["/usr/sbin/nginx".into()],
            0,
            false,
        );
        assert_eq!((a, b, c), (1, 1, 2));
        assert_eq!(t.live_of("nginx-container").count(), 2);
        t.exit("nginx-container", 2, 0);
        assert_eq!(t.live_of("nginx-container").count(), 1);
        t.kill_container("debian-container");
        assert_eq!(t.live_of("debian-container").count(), 0);
        let names: Vec<_> = t
            .live_of("nginx-container")
            .map(|p| p.name().to_string())
            .collect();
        assert_eq!(names, vec!["nginx"]);
    }
}
