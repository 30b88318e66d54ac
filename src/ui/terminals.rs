//! The app's terminals as data: what each one has shown and whether a command in it still runs.
//! Running a line only delegates to the cluster (`run_in_container` / `run_kubectl_line`) and
//! records what the terminal printed. Pure, so it is tested natively.

use crate::sim::cluster::{Cluster, Terminal, TerminalResult};
use crate::sim::pod::Pod;
use crate::ui::terminal::TermEntry;
use std::collections::BTreeMap;
use std::rc::Rc;
/// Longest command line accepted (a bigger paste is cut to this many bytes).
pub const MAX_LINE: usize = 65_536;
/// Most entries one terminal keeps; older ones are dropped (the terminal trims rows further).
pub const MAX_ENTRIES: usize = 500;

/// One terminal's transcript.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TerminalState {
    /// What it has shown, oldest first; shared with the terminal component without copying.
    pub entries: Rc<Vec<TermEntry>>,
    /// A command blocks (`sleep infinity`, `tail -f`) until Ctrl-C.
    pub running: bool,
}

impl TerminalState {
    /// Appends an entry, dropping the oldest beyond [`MAX_ENTRIES`].
    pub fn push(&mut self, entry: TermEntry) {
        let entries = Rc::make_mut(&mut self.entries);
        entries.push(entry);
        let excess = entries.len().saturating_sub(MAX_ENTRIES);
        entries.drain(..excess);
    }
}

/// Every terminal of the app: one per container of the pod, then kubectl's.
pub type Terminals = BTreeMap<Terminal, TerminalState>;

/// The terminals for `cluster`, in tab order: containers in manifest order, then kubectl.
pub fn terminal_ids(cluster: &Cluster) -> Vec<Terminal> {
    let mut ids: Vec<Terminal> = cluster
        .pod()
        .map(Pod::container_names)
        .unwrap_or_default()
        .into_iter()
        .map(Terminal::Container)
        .collect();
    ids.push(Terminal::Kubectl);
    ids
}

/// The prompt terminal `id` shows now.
pub fn prompt(cluster: &Cluster, id: &Terminal) -> String {
    cluster.prompt(id)
}

/// The grey lines an empty terminal shows until something is typed; they are not part of its
/// transcript. A container terminal says how a real user would get that shell, and every
/// terminal suggests a first command: what the lesson starts with there.
pub fn hint(cluster: &Cluster, id: &Terminal) -> Vec<String> {
    let Terminal::Container(id) = id else {
        return vec!["Try: kubectl get pods".to_string()];
    };
    let Some(pod) = cluster.pod() else {
        return Vec::new();
    };
    let Some(container) = pod.container(id) else {
        return Vec::new();
    };
    let spec = &container.spec;
    let first = if spec.image.starts_with("debian") {
        "apt-get update && apt-get install -y curl".to_string()
    } else if let Some(mount) = spec.volume_mounts.first() {
        format!("ls -la {}", mount.mount_path)
    } else {
        "ls /".to_string()
    };
    vec![
        format!("# kubectl exec -it {} -c {id} -- bash", pod.name()),
        format!("Try: {first}"),
    ]
}

/// `s` cut to at most `max` bytes on a character boundary.
pub fn cap(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or_default()
}

/// Runs `line` in terminal `id` all at once (a tour step, a what-if), records the echo and the
/// output; returns the container terminal the line asked to open, if any.
pub fn run_line(
    cluster: &mut Cluster,
    terminals: &mut Terminals,
    id: &Terminal,
    line: &str,
) -> Option<Terminal> {
    let opened = start_line(cluster, terminals, id, line);
    while cluster.is_running(id) {
        let result = cluster.run_slice(id);
        show_slice(terminals, id, result);
    }
    opened
}

/// Types `line` into terminal `id` and records the echo (and kubectl's output); a container's
/// line then runs a slice at a time (`crate::ui::slices`). Returns the container terminal the
/// line asked to open (`kubectl exec -it … -- bash`), if any.
pub fn start_line(
    cluster: &mut Cluster,
    terminals: &mut Terminals,
    id: &Terminal,
    line: &str,
) -> Option<Terminal> {
    let line = cap(line, MAX_LINE);
    // The cluster knows whether bash is busy (a deleted pod takes its sessions with it).
    let busy = cluster.is_busy(id);
    let term = terminals.entry(id.clone()).or_default();
    term.running = busy;
    if busy {
        // bash is busy: the line is typed ahead, shown without a prompt.
        term.push(TermEntry::output(format!("{line}\n")));
        return None;
    }
    let shown_prompt = prompt(cluster, id);
    let result: TerminalResult = cluster.start_line(id, line);
    let term = terminals.entry(id.clone()).or_default();
    if result.clear {
        term.entries = Rc::default();
    } else {
        term.push(TermEntry::command(shown_prompt, line, result.text));
    }
    term.running = result.status.is_none();
    if let Some(open) = &result.open_terminal {
        terminals.entry(open.clone()).or_default();
    }
    result.open_terminal
}

/// Shows what a later slice of the line in terminal `id` printed, after what the line printed
/// so far, and whether the line still runs.
pub fn show_slice(terminals: &mut Terminals, id: &Terminal, result: TerminalResult) {
    let term = terminals.entry(id.clone()).or_default();
    term.running = result.status.is_none();
    if result.clear {
        term.entries = Rc::default();
        return;
    }
    if result.text.is_empty() {
        return;
    }
    match Rc::make_mut(&mut term.entries).last_mut() {
        Some(last) => last.output.push_str(&result.text),
        None => term.push(TermEntry::output(result.text)),
    }
}

/// Ctrl-C in terminal `id`: a blocked command or a running line ends (bash prints `^C`).
pub fn interrupt(cluster: &mut Cluster, terminals: &mut Terminals, id: &Terminal) {
    let shown_prompt = prompt(cluster, id);
    let term = terminals.entry(id.clone()).or_default();
    if cluster.is_busy(id) {
        let result = cluster.interrupt(id);
        term.push(TermEntry::output(result.text));
        term.running = false;
    } else {
        // Nothing runs: bash only drops the line and sets `$?` to 130.
        cluster.interrupt(id);
        term.push(TermEntry::cancelled(shown_prompt, ""));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn debian() -> Terminal {
        Terminal::container("debian-container")
    }

    #[test]
    fn curl_in_debian_shows_nginx_403_and_sleep_blocks_until_ctrl_c() {
        let mut c = Cluster::with_scenario("shared-volume").unwrap();
        let mut t = Terminals::new();
        run_line(&mut c, &mut t, &debian(), "apt-get update");
        run_line(&mut c, &mut t, &debian(), "apt-get install -y curl");
        run_line(&mut c, &mut t, &debian(), "curl localhost");
        let shown = &t[&debian()];
        let last = shown.entries.last().unwrap();
        assert_eq!(last.prompt.as_deref(), Some("root@two-containers:/# "));
        assert!(
            last.output.contains("<title>403 Forbidden</title>"),
            "{}",
            last.output
        );
        run_line(&mut c, &mut t, &debian(), "sleep infinity");
        assert!(t[&debian()].running);
        interrupt(&mut c, &mut t, &debian());
        assert!(!t[&debian()].running);
        assert_eq!(t[&debian()].entries.last().unwrap().output, "^C\n");
        run_line(&mut c, &mut t, &Terminal::Kubectl, "kubectl get pods");
        assert!(t[&Terminal::Kubectl].entries[0].output.starts_with("NAME "));
        run_line(&mut c, &mut t, &Terminal::Kubectl, "clear");
        assert!(t[&Terminal::Kubectl].entries.is_empty());
        assert_eq!(
            terminal_ids(&c),
            [
                Terminal::container("nginx-container"),
                debian(),
                Terminal::Kubectl
            ]
        );
    }

    #[test]
    fn hints_name_the_exec_that_opens_the_shell_and_a_first_command() {
        let c = Cluster::with_scenario("shared-volume").unwrap();
        assert_eq!(
            hint(&c, &debian()),
            [
                "# kubectl exec -it two-containers -c debian-container -- bash",
                "Try: apt-get update && apt-get install -y curl"
            ]
        );
        assert_eq!(
            hint(&c, &Terminal::container("nginx-container"))
                .last()
                .map(String::as_str),
            Some("Try: ls -la /usr/share/nginx/html")
        );
        assert_eq!(hint(&c, &Terminal::Kubectl), ["Try: kubectl get pods"]);
        assert!(hint(&c, &Terminal::container("no-such-container")).is_empty());
    }

    #[test]
    fn cap_keeps_whole_characters() {
        assert_eq!(cap("héllo", 2), "h");
        assert_eq!(cap("abc", 10), "abc");
    }
}
