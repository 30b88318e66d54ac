//! The kubectl terminal: a shell on the student's workstation whose `kubectl` talks to the
//! cluster. Parsing and output layout live in [`crate::sim::kubectl`]; this file carries the
//! commands out.

use super::{render_errors, Cluster, Terminal, TerminalResult, LINE_MS, WORKSTATION};
use crate::sim::coreutils;
use crate::sim::fs::{normalize, NodeKind};
use crate::sim::kubectl::{self, KubectlCommand};
use crate::sim::output::Output;
use crate::sim::pod::ContainerHost;
use crate::sim::pod::ContainerState;
use crate::sim::shell::{ExecOutcome, ExecRequest, ShellHost};

/// The address the Kubernetes docs use for the example manifest.
const DOCS_URL: &str = "https://k8s.io/examples/pods/two-container-pod.yaml";

/// The workstation as the kubectl terminal's shell sees it.
struct Workstation<'a> {
    cluster: &'a mut Cluster,
    open_terminal: Option<Terminal>,
}

impl Cluster {
    /// Runs one line in the kubectl terminal.
    pub fn run_kubectl_line(&mut self, line: &str) -> TerminalResult {
        self.now_ms = self.now_ms.saturating_add(LINE_MS);
        self.advance();
        let mut shell = self.kubectl_shell.clone();
        let mut host = Workstation {
            cluster: self,
            open_terminal: None,
        };
        let result = shell.feed(line, &mut host);
        let open_terminal = host.open_terminal.take();
        self.kubectl_shell = shell;
        // The trace holds everything that happened by the time the line ends.
        self.advance();
        TerminalResult {
            text: String::from_utf8_lossy(&result.output.interleaved()).into_owned(),
            status: Some(result.exit_requested.unwrap_or(result.status)),
            clear: result.clear_screen,
            open_terminal,
            continues: result.more,
            ended: false,
            output: result.output,
        }
    }

    /// The end of the kubectl terminal's input with a command unfinished (see `end_input`).
    pub(super) fn end_kubectl_input(&mut self) -> Option<crate::sim::shell::LineResult> {
        if !self.kubectl_shell.is_continuing() {
            return None;
        }
        let mut shell = self.kubectl_shell.clone();
        let mut host = Workstation {
            cluster: self,
            open_terminal: None,
        };
        let result = shell.end_of_input(&mut host);
        self.kubectl_shell = shell;
        result
    }

    /// The kubectl terminal's prompt.
    pub(super) fn kubectl_prompt(&self) -> String {
        self.kubectl_shell
            .prompt("workstation")
            .replacen("root@", "student@", 1)
            .replacen("# ", "$ ", 1)
    }
}

impl Workstation<'_> {
    /// Carries out one parsed kubectl command.
    fn kubectl(&mut self, cmd: KubectlCommand, cwd: &str, out: &mut Output) -> i32 {
        let c = &mut *self.cluster;
        match cmd {
            KubectlCommand::Apply { file } => {
                let text = if file == DOCS_URL {
                    c.workstation.read(
                        WORKSTATION,
                        &format!("{}/two-container-pod.yaml", super::HOME),
                    )
                } else {
                    c.workstation.read(WORKSTATION, &normalize(cwd, &file))
                };
                let Ok(bytes) = text else {
                    out.err(format!("error: the path \"{file}\" does not exist\n"));
                    return 1;
                };
                match c.apply(&String::from_utf8_lossy(&bytes)) {
                    Ok(message) => {
                        out.out(message);
                        0
                    }
                    Err(errors) => {
                        out.err(format!("{}\n", render_errors(&errors)));
                        1
                    }
                }
            }
            KubectlCommand::GetPods { wide, name } => {
                match (
                    c.pod
                        .as_ref()
                        .filter(|p| name.as_ref().is_none_or(|n| n == p.name())),
                    name,
                ) {
                    (Some(pod), _) => {
                        out.out(kubectl::get_pods(&[pod.view(c.now_ms)], c.now_ms, wide))
                    }
                    (None, Some(name)) => return not_found(&name, out),
                    (None, None) => out.err(kubectl::no_resources()),
                }
                0
            }
            KubectlCommand::Describe { pod } => match c.pod.as_ref().filter(|p| p.name() == pod) {
                Some(p) => {
                    out.out(kubectl::describe_pod(&p.view(c.now_ms), c.now_ms));
                    0
                }
                None => not_found(&pod, out),
            },
            KubectlCommand::Logs { pod, container } => {
                let Some(p) = c.pod.as_ref().filter(|p| p.name() == pod) else {
                    return not_found(&pod, out);
                };
                let Some(name) = pick_container(p, container, out) else {
                    return 1;
                };
                match p.container(&name) {
                    Some(ctr) => match &p.state_at(ctr, c.now_ms) {
                        ContainerState::Waiting { reason } if ctr.restart_count == 0 => {
                            out.err(kubectl::logs_waiting(&name, &pod, reason));
                            1
                        }
                        _ => {
                            out.out(&ctr.logs);
                            0
                        }
                    },
                    None => {
                        out.err(kubectl::logs_container_not_valid(&name, &pod));
                        1
                    }
                }
            }
            KubectlCommand::Delete { pod } => {
                if c.pod.as_ref().is_none_or(|p| p.name() != pod) {
                    return not_found(&pod, out);
                }
                c.delete_pod();
                out.out(kubectl::deleted(&pod));
                0
            }
            KubectlCommand::Exec {
                pod,
                container,
                command,
                tty,
                ..
            } => self.exec(&pod, container, &command, tty, out),
        }
    }

    /// `kubectl exec POD [-c NAME] -- CMD…`.
    fn exec(
        &mut self,
        pod_name: &str,
        container: Option<String>,
        command: &[String],
        tty: bool,
        out: &mut Output,
    ) -> i32 {
        let c = &mut *self.cluster;
        let Some(pod) = c.pod.as_mut().filter(|p| p.name() == pod_name) else {
            return not_found(pod_name, out);
        };
        let Some(name) = pick_container(pod, container, out) else {
            return 1;
        };
        if pod.container(&name).is_none() {
            out.err(kubectl::exec_container_not_found(&name));
            return 1;
        }
        if let Some(message) = super::exec_refusal(pod, &name, c.now_ms) {
            out.err(message);
            return 1;
        }
        let program = command.first().map(String::as_str).unwrap_or("");
        // `-- sh` opens the container's shell; `-- bash` only where the image has bash (BusyBox
        // has not: kubectl then says the executable is not found, as below).
        let opens = match program.rsplit('/').next() {
            Some("sh") => true,
            Some("bash") => pod.login_shell(&name) == crate::sim::shell::Dialect::Bash,
            _ => false,
        };
        if tty && opens && command.len() == 1 {
            out.out(format!(
                "podscope: opened a terminal in {name} (the {name} tab)\n"
            ));
            self.open_terminal = Some(Terminal::Container(name));
            return 0;
        }
        let env = pod.container_env(&name);
        let mut now = c.now_ms;
        let status = {
            let mut host = ContainerHost::new(pod, &name, &mut now, &mut c.trace, 0, tty);
            let path_var = env
                .iter()
                .find(|(k, _)| k == "PATH")
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            match host.which(program, &path_var) {
                Some(path) => {
                    let cwd = host.pod.working_dir(&name);
                    let req = ExecRequest {
                        path: &path,
                        argv: command,
                        env: &env,
                        cwd: &cwd,
                        stdin: &[],
                    };
                    match host.exec(&req, out) {
                        ExecOutcome::Exited(status) => status,
                        ExecOutcome::Blocked => {
                            // kubectl exec has no way to wait for Ctrl-C here: end it as if
                            // pressed.
                            out.out("^C\n");
                            let pids = std::mem::take(&mut host.blocked_pids);
                            let at = *host.now_ms;
                            host.pod.interrupt(&name, &pids, at, host.trace);
                            130
                        }
                    }
                }
                None => {
                    let seed = format!("{name}/exec/{now}");
                    let exec_id = crate::sim::pod::runtime_id(seed.as_bytes());
                    out.err(kubectl::exec_executable_not_found(program, &exec_id));
                    c.now_ms = now;
                    return 1;
                }
            }
        };
        c.now_ms = now;
        if status != 0 {
            out.err(format!("command terminated with exit code {status}\n"));
        }
        status
    }
}

/// `Error from server (NotFound): pods "x" not found`.
fn not_found(pod: &str, out: &mut Output) -> i32 {
    out.err(kubectl::pod_not_found(pod));
    1
}

/// The container a command targets: the one named, or the first with kubectl's notice.
fn pick_container(
    pod: &crate::sim::pod::Pod,
    container: Option<String>,
    out: &mut Output,
) -> Option<String> {
    if let Some(name) = container {
        return Some(name);
    }
    let names: Vec<&str> = pod
        .containers
        .iter()
        .map(|c| c.spec.name.as_str())
        .collect();
    let first = names.first()?.to_string();
    if names.len() > 1 {
        out.err(kubectl::defaulted_container(&first, &names));
    }
    Some(first)
}

impl ShellHost for Workstation<'_> {
    fn exec(&mut self, req: &ExecRequest<'_>, out: &mut Output) -> ExecOutcome {
        let name = req.name();
        if name == "kubectl" {
            let status = match kubectl::parse(req.argv.get(1..).unwrap_or(&[])) {
                Ok(cmd) => self.kubectl(cmd, req.cwd, out),
                Err(message) => {
                    out.err(format!("{message}\n"));
                    1
                }
            };
            return ExecOutcome::Exited(status);
        }
        let c = &mut *self.cluster;
        let mut events = Vec::new();
        let mut blocked = false;
        let mut ctx = coreutils::Ctx {
            fs: &mut c.workstation,
            ns: WORKSTATION,
            cwd: req.cwd,
            env: req.env,
            now_ms: &mut c.now_ms,
            stdin: req.stdin,
            out,
            events: &mut events,
            hostname: "workstation",
            blocked: &mut blocked,
            tty: true,
        };
        let status = coreutils::run(name, req.argv, &mut ctx).unwrap_or(127);
        ExecOutcome::from_status(status, blocked)
    }

    fn which(&self, name: &str, path_var: &str) -> Option<String> {
        path_var
            .split(':')
            .map(|d| format!("{d}/{name}"))
            .find(|p| {
                self.cluster
                    .workstation
                    .stat(WORKSTATION, p)
                    .is_ok_and(|m| matches!(m.kind, NodeKind::File))
            })
    }

    fn read_file(&self, path: &str) -> Result<Vec<u8>, String> {
        self.cluster
            .workstation
            .read(WORKSTATION, path)
            .map_err(|e| e.kind.strerror().to_string())
    }

    fn write_file(&mut self, path: &str, data: &[u8], append: bool) -> Result<(), String> {
        let mode = if append {
            crate::sim::fs::WriteMode::Append
        } else {
            crate::sim::fs::WriteMode::Truncate
        };
        let now = self.cluster.now_ms;
        self.cluster
            .workstation
            .write(WORKSTATION, path, data, mode, now)
            .map(|_| ())
            .map_err(|e| e.kind.strerror().to_string())
    }

    fn is_dir(&self, path: &str) -> bool {
        self.cluster
            .workstation
            .stat(WORKSTATION, path)
            .is_ok_and(|m| matches!(m.kind, NodeKind::Dir))
    }

    fn exists(&self, path: &str) -> bool {
        self.cluster.workstation.lstat(WORKSTATION, path).is_ok()
    }

    fn list_dir(&self, path: &str) -> Option<Vec<String>> {
        self.cluster
            .workstation
            .read_dir(WORKSTATION, path)
            .ok()
            .map(|v| v.into_iter().map(|(n, _)| n).collect())
    }

    fn hostname(&self) -> String {
        "workstation".to_string()
    }
}
