//! The app's terminals as data: what each one has shown and whether a command in it still runs.
//! Running a line only delegates to the cluster (through `sim::session::apply`, then a slice
//! at a time) and records what the terminal printed. Pure, so it is tested natively.

use crate::i18n::{tf, Msg};
use crate::sim::cluster::{Cluster, Terminal, TerminalResult};
use crate::sim::pod::Pod;
use crate::sim::session::{self, Input, Reply};
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
        return vec![tf(Msg::TerminalTry, &[("command", &"kubectl get pods")])];
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
    let shell = pod.login_shell(id);
    let mut lines = vec![format!(
        "# kubectl exec -it {} -c {id} -- {}",
        pod.name(),
        shell.program()
    )];
    // What the shell itself prints as it starts (ash's banner), as it prints it.
    lines.extend(shell.banner().lines().map(str::to_string));
    lines.push(tf(Msg::TerminalTry, &[("command", &first)]));
    lines
}

/// What the terminal shows when its bash exits: kubectl's own line for a non-zero status, and
/// (grey) that the next line runs in a new `kubectl exec` session, which podscope opens.
pub fn ended_notice(cluster: &Cluster, id: &Terminal, code: i32) -> String {
    let mut text = String::new();
    if code != 0 {
        text.push_str(&format!("command terminated with exit code {code}\n"));
    }
    let container = id.container_name().unwrap_or_default();
    let (pod, shell) = cluster.pod().map_or((String::new(), "bash"), |p| {
        (p.name().to_string(), p.login_shell(container).program())
    });
    text.push_str(&format!(
        "\u{1b}[90m# {shell} ended; the next line opens a new shell: kubectl exec -it {pod} -c {container} -- {shell}\u{1b}[0m\n"
    ));
    text
}

/// `s` cut to at most `max` bytes on a character boundary.
pub fn cap(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or_default()
}

/// Runs `line` in terminal `id`, records the echo and the output; returns the container
/// terminal the line asked to open (`kubectl exec -it … -- bash`), if any.
pub fn run_line(
    cluster: &mut Cluster,
    terminals: &mut Terminals,
    id: &Terminal,
    line: &str,
) -> Option<Terminal> {
    let input = Input::Line {
        terminal: id.clone(),
        line: cap(line, MAX_LINE).to_string(),
    };
    let reply = session::apply(cluster, &input);
    let opened = show(cluster, terminals, &input, &reply);
    session::run_slices(cluster, None, |cluster, id, result| {
        show_slice(cluster, terminals, id, &result);
    });
    opened
}

/// Shows what a later slice of the line in terminal `id` printed, after what the line printed
/// so far, and whether the line still runs.
pub fn show_slice(
    cluster: &Cluster,
    terminals: &mut Terminals,
    id: &Terminal,
    result: &TerminalResult,
) {
    let term = terminals.entry(id.clone()).or_default();
    term.running = result.status.is_none();
    if result.clear {
        term.entries = Rc::default();
    } else if !result.text.is_empty() {
        match Rc::make_mut(&mut term.entries).last_mut() {
            Some(last) => last.output.push_str(&result.text),
            None => term.push(TermEntry::output(result.text.clone())),
        }
    }
    show_ended(cluster, term, id, result);
}

/// `exit` ended bash: says so before the next line opens a new one (as kubectl exec).
fn show_ended(cluster: &Cluster, term: &mut TerminalState, id: &Terminal, result: &TerminalResult) {
    if result.ended {
        term.push(TermEntry::output(ended_notice(
            cluster,
            id,
            result.status.unwrap_or(0),
        )));
    }
}

/// Ctrl-C in terminal `id`: a blocked command or a running line ends (bash prints `^C`).
pub fn interrupt(cluster: &mut Cluster, terminals: &mut Terminals, id: &Terminal) {
    let input = Input::Interrupt {
        terminal: id.clone(),
    };
    let reply = session::apply(cluster, &input);
    show(cluster, terminals, &input, &reply);
}

/// Records in the terminals what `input` did (its `reply` from [`session::apply`]); returns the
/// terminal a line asked to open (`kubectl exec -it … -- bash`), if any.
pub fn show(
    cluster: &Cluster,
    terminals: &mut Terminals,
    input: &Input,
    reply: &Reply,
) -> Option<Terminal> {
    match (input, reply) {
        (Input::Line { terminal, line }, Reply::Ran { prompt, result }) => {
            let term = terminals.entry(terminal.clone()).or_default();
            if result.clear {
                term.entries = Rc::default();
            } else {
                term.push(TermEntry::command(
                    prompt.clone(),
                    line,
                    result.text.clone(),
                ));
            }
            term.running = result.status.is_none();
            show_ended(cluster, term, terminal, result);
            if let Some(open) = &result.open_terminal {
                terminals.entry(open.clone()).or_default();
            }
            result.open_terminal.clone()
        }
        (Input::Line { terminal, line }, _) => {
            // bash is busy: the line is typed ahead, shown without a prompt.
            let term = terminals.entry(terminal.clone()).or_default();
            term.running = true;
            term.push(TermEntry::output(format!("{line}\n")));
            None
        }
        (Input::Interrupt { terminal }, Reply::Interrupted { text }) => {
            let term = terminals.entry(terminal.clone()).or_default();
            term.push(TermEntry::output(text.clone()));
            term.running = false;
            None
        }
        (Input::Interrupt { terminal }, Reply::Dropped { prompt }) => {
            let term = terminals.entry(terminal.clone()).or_default();
            term.push(TermEntry::cancelled(prompt.clone(), ""));
            None
        }
        (Input::Cancel { terminal, line }, Reply::Dropped { prompt }) => {
            let term = terminals.entry(terminal.clone()).or_default();
            term.push(TermEntry::cancelled(prompt.clone(), line));
            None
        }
        (Input::Clear { terminal }, _) => {
            terminals.entry(terminal.clone()).or_default().entries = Rc::default();
            None
        }
        (Input::Restart { container }, _) => {
            if let Some(term) = terminals.get_mut(&Terminal::container(container.clone())) {
                term.running = false;
            }
            None
        }
        _ => None,
    }
}

/// Makes sure every terminal of the pod has a transcript (after a manifest is applied).
pub fn add_missing(cluster: &Cluster, terminals: &mut Terminals) {
    for id in terminal_ids(cluster) {
        terminals.entry(id).or_default();
    }
}

/// Ctrl-C at terminal `id`'s prompt with `line` typed: bash shows the line and `^C`, drops it
/// (and an unfinished multi-line command with it) and sets `$?` to 130.
pub fn cancel(cluster: &mut Cluster, terminals: &mut Terminals, id: &Terminal, line: &str) {
    let shown_prompt = prompt(cluster, id);
    if !cluster.is_blocked(id) {
        cluster.interrupt(id);
    }
    let term = terminals.entry(id.clone()).or_default();
    term.push(TermEntry::cancelled(shown_prompt, line));
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
    fn exit_ends_the_shell_visibly_and_a_new_one_opens() {
        let mut c = Cluster::with_scenario("shared-volume").unwrap();
        let mut t = Terminals::new();
        let debian = Terminal::Container("debian-container".into());
        run_line(&mut c, &mut t, &debian, "x=1");
        run_line(&mut c, &mut t, &debian, "exit 3");
        let shown: Vec<String> = t[&debian]
            .entries
            .iter()
            .map(TermEntry::plain_text)
            .collect();
        assert_eq!(shown[1], "root@two-containers:/# exit 3\nexit\n");
        assert_eq!(
            shown[2],
            "command terminated with exit code 3\n# bash ended; the next line opens a new shell: kubectl exec -it two-containers -c debian-container -- bash\n"
        );
        run_line(&mut c, &mut t, &debian, "echo ${x:-unset}");
        assert_eq!(t[&debian].entries.last().unwrap().output, "unset\n");
    }

    #[test]
    fn continuation_lines_show_ps2() {
        let mut c = Cluster::with_scenario("shared-volume").unwrap();
        let mut t = Terminals::new();
        let debian = Terminal::Container("debian-container".into());
        for line in ["for i in 1 2", "do echo $i", "done"] {
            run_line(&mut c, &mut t, &debian, line);
        }
        let shown: Vec<String> = t[&debian]
            .entries
            .iter()
            .map(TermEntry::plain_text)
            .collect();
        assert_eq!(
            shown,
            [
                "root@two-containers:/# for i in 1 2\n",
                "> do echo $i\n",
                "> done\n1\n2\n"
            ]
        );
        assert!(!t[&debian].running);
        run_line(&mut c, &mut t, &debian, "if true");
        cancel(&mut c, &mut t, &debian, "then ech");
        let last = t[&debian].entries.last().unwrap().plain_text();
        assert_eq!(last, "> then ech^C\n");
        assert_eq!(prompt(&c, &debian), "root@two-containers:/# ");
        run_line(&mut c, &mut t, &debian, "echo $?");
        assert_eq!(t[&debian].entries.last().unwrap().output, "130\n");
    }

    #[test]
    fn cap_keeps_whole_characters() {
        assert_eq!(cap("héllo", 2), "h");
        assert_eq!(cap("abc", 10), "abc");
    }
}
