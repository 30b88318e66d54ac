//! Robustness fuzzing at the cluster level: the web app runs the simulation with
//! `panic = "abort"`, so any panic is a dead tab. Random command lines built from a grammar of
//! the programs the pod knows (coreutils, curl, nginx, apt-get, ps, ip, ss, kubectl) mixed with
//! shell metacharacters, quotes, globs, substitutions, redirections and multibyte text go
//! through every terminal entry point; mutated scenario manifests go through `apply`.
//! Every call must return, and its output must stay bounded.
//!
//! `PROPTEST_CASES=2000 cargo test --test fuzz_cluster` for a deeper run.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test that unwraps fails with a location
#![cfg(not(target_arch = "wasm32"))]

use podscope::sim::cluster::{Cluster, Terminal};
use podscope::sim::manifest;
use podscope::sim::scenario;
use podscope::sim::shell::MAX_OUTPUT;
use proptest::prelude::*;

const CONTAINERS: [&str; 3] = ["nginx-container", "debian-container", "no-such-container"];

/// Programs a line may start with.
const PROGRAMS: &[&str] = &[
    "basename", "cat", "cp", "date", "df", "dirname", "echo", "env", "false", "grep", "head",
    "hostname", "id", "ln", "ls", "mkdir", "mount", "mv", "printenv", "pwd", "rm", "rmdir", "seq",
    "sleep", "sort", "stat", "tail", "touch", "true", "uname", "uniq", "wc", "whoami", "yes",
    "curl", "nginx", "apt-get", "apt", "ps", "ip", "ss", "bash", "sh", "cd", "export", "unset",
    "read", "test", "[", "printf", "exit", "history", "type", "which", "kill", "clear", "set",
    "kubectl", "for", "while", "if", "case", "echo", "cat",
];

/// Words that carry meaning to some program.
const WORDS: &[&str] = &[
    "-s",
    "reload",
    "stop",
    "quit",
    "reopen",
    "-t",
    "-T",
    "-g",
    "-c",
    "-p",
    "-v",
    "-V",
    "-h",
    "--help",
    "-I",
    "-i",
    "-o",
    "-O",
    "-L",
    "-f",
    "-n",
    "-e",
    "-r",
    "-R",
    "-a",
    "-l",
    "-la",
    "-w",
    "-x",
    "-X",
    "POST",
    "-d",
    "@-",
    "-H",
    "Host: x",
    "--max-time",
    "0",
    "-1",
    "999999999999",
    "18446744073709551616",
    "-m",
    "--connect-timeout",
    "localhost",
    "localhost:80",
    "http://localhost/",
    "http://127.0.0.1:80/index.html",
    "http://[::1]:80/",
    "http://localhost:99999/",
    "http://localhost:-1/",
    "http://ü.example/ä",
    "https://localhost/",
    "ftp://x",
    "http://",
    "http://localhost/%",
    "http://localhost/%zz",
    "http://localhost/%e2%82",
    "::1",
    "[::1]",
    "/pod-data",
    "/pod-data/index.html",
    "/usr/share/nginx/html",
    "/etc/nginx/nginx.conf",
    "/dev/null",
    "/dev/zero",
    "/dev/urandom",
    "/proc/1/status",
    "/proc/self",
    "/",
    ".",
    "..",
    "~",
    "~root",
    "*",
    "?",
    "[a-",
    "[!]",
    "**",
    "/*/*",
    "{a,b}",
    "{1..5}",
    "$HOME",
    "${PATH}",
    "${#x}",
    "${x:-y}",
    "${x:5:9}",
    "${x:-9999999999}",
    "$((1/0))",
    "$((2**64))",
    "$((-1<<63))",
    "$(echo hi)",
    "`pwd`",
    "$?",
    "$$",
    "$!",
    "$0",
    "$10",
    "\"",
    "'",
    "\\",
    "\"a b\"",
    "'a b'",
    "$'\\x41'",
    "é",
    "日本語",
    "🦀",
    "a\u{0301}",
    "\u{feff}",
    "\u{10ffff}",
    "\t",
    "install",
    "update",
    "-y",
    "procps",
    "iproute2",
    "curl",
    "addr",
    "link",
    "route",
    "-tlnp",
    "-ax",
    "aux",
    "-ef",
    "get",
    "pods",
    "pod",
    "describe",
    "delete",
    "exec",
    "-it",
    "two-containers",
    "--",
    "logs",
    "apply",
    "-f",
    "two-container-pod.yaml",
    "shared-volume.yaml",
    "-o",
    "wide",
    "yaml",
    "json",
    "--all-namespaces",
    "-w",
    "--container",
    "nginx-container",
    "debian-container",
    "infinity",
    "1",
    "0.5",
    "1e9",
    "inf",
    "nan",
    "-5",
    "1000000",
    "%s",
    "%d",
    "%b",
    "%q",
    "%999999999d",
    "%.*s",
    "x=1",
    "IFS=",
    "PS1='$ '",
    "PATH=",
    "do",
    "done",
    "then",
    "fi",
    "esac",
    "in",
];

/// Operators between and around words.
const OPERATORS: &[&str] = &[
    "|", "||", "&&", ";", "&", ">", ">>", "<", "2>", "2>&1", ">&2", "&>", "<<", "<<<", "<&-", ">|",
    "(", ")", "{", "}", "!", "\n", "#",
];

/// One random word: from the lists, free text (multibyte included) or a very long run.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        5 => proptest::sample::select(WORDS).prop_map(str::to_string),
        2 => proptest::sample::select(PROGRAMS).prop_map(str::to_string),
        2 => proptest::sample::select(OPERATORS).prop_map(str::to_string),
        2 => "\\PC{0,12}",
        1 => "[a-z/.${}()'\"\\\\*?\\[\\]<>|&;éü日🦀 -]{0,16}",
        1 => ("[a-zé🦀/]", 200usize..5000).prop_map(|(s, n)| s.repeat(n)),
        1 => proptest::sample::select(WORDS).prop_map(|w| format!("$({w})")),
        1 => proptest::sample::select(WORDS).prop_map(|w| format!("\"{w}")),
        1 => ("[a-z/]{0,10}", "\\PC{0,4}").prop_map(|(p, s)| format!("> /pod-data/{p}{s}")),
    ]
}

/// One random command line: a program then words.
fn line() -> impl Strategy<Value = String> {
    (
        proptest::sample::select(PROGRAMS),
        proptest::collection::vec(word(), 0..8),
    )
        .prop_map(|(program, words)| {
            let mut line = program.to_string();
            for w in words {
                line.push(' ');
                line.push_str(&w);
            }
            line
        })
}

/// What a terminal line may print at most: the shell's cap plus a little framing.
const MAX_TEXT: usize = MAX_OUTPUT + 4096;

/// One action on the cluster.
#[derive(Debug, Clone)]
enum Action {
    Run(usize, String),
    Kubectl(String),
    Interrupt(usize),
    Complete(usize, String, usize),
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        6 => (0..CONTAINERS.len(), line()).prop_map(|(c, l)| Action::Run(c, l)),
        2 => line().prop_map(Action::Kubectl),
        2 => (line(), 0..4usize).prop_map(|(l, k)| {
            let words = ["get pods", "describe pod two-containers", "delete pod two-containers",
                         "apply -f shared-volume.yaml", "logs two-containers -c nginx-container",
                         "exec two-containers -c debian-container --", "exec -it two-containers -- "];
            let sub = words.get(k % words.len()).copied().unwrap_or("get pods");
            Action::Kubectl(format!("kubectl {sub} {l}"))
        }),
        1 => (0..CONTAINERS.len()).prop_map(Action::Interrupt),
        2 => (0..CONTAINERS.len(), line(), 0..200usize)
            .prop_map(|(c, l, cur)| Action::Complete(c, l, cur)),
    ]
}

fn check(text: &str, what: &str) {
    assert!(
        text.len() <= MAX_TEXT,
        "{what}: {} bytes of output",
        text.len()
    );
}

fn run_actions(scenario_id: &str, tools: bool, actions: &[Action]) {
    let mut c = Cluster::with_scenario(scenario_id).unwrap();
    if tools {
        // curl, ps, ip and ss exist only after apt-get, as in the real debian image.
        let setup = "apt-get update && apt-get install -y curl procps iproute2";
        c.run_in_container("debian-container", setup);
    }
    for a in actions {
        match a {
            Action::Run(i, l) => {
                let container = CONTAINERS[*i];
                let r = c.run_in_container(container, l);
                check(&r.text, l);
            }
            Action::Kubectl(l) => {
                let r = c.run_kubectl_line(l);
                check(&r.text, l);
            }
            Action::Interrupt(i) => {
                let r = c.interrupt(&Terminal::container(CONTAINERS[*i]));
                check(&r.text, "interrupt");
            }
            Action::Complete(i, l, cur) => {
                if let Some(done) = c.complete(&Terminal::container(CONTAINERS[*i]), l, *cur) {
                    let _ = format!("{done:?}");
                }
                let _ = c.prompt(&Terminal::container(CONTAINERS[*i]));
            }
        }
        let _ = c.prompt(&Terminal::Kubectl);
    }
    let _ = c.pcap();
}

/// A mutation of a manifest's text.
#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize, usize),
    Insert(usize, String),
    Replace(usize, String),
    DuplicateLine(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let snippet = prop_oneof![
        proptest::sample::select(
            &[
                ":",
                "- ",
                "  ",
                "\n",
                "{",
                "}",
                "[",
                "]",
                "'",
                "\"",
                "&a",
                "*a",
                "!!str",
                "|",
                ">",
                "#",
                "---\n",
                "...",
                "~",
                "null",
                "-1",
                "99999999999999999999",
                "1e400",
                "0x10",
                "1Gi",
                "1.5Mi",
                "-0",
                "emptyDir: {}",
                "hostPath: {path: /}",
                "image: ",
                "name: x",
                "mountPath: /",
                "mountPath: ''",
                "ports:\n  - containerPort: 99999",
                "\t",
                "command: [\"sh\", \"-c\", \"yes\"]",
                "args: []",
                "sizeLimit: 1Zi",
                "é",
                "🦀",
                "readOnly: true",
                "subPath: ../..",
                "restartPolicy: Always",
                "kind: Service",
            ][..]
        )
        .prop_map(str::to_string),
        "\\PC{0,8}",
    ];
    prop_oneof![
        (any::<usize>(), 0..40usize).prop_map(|(at, n)| Mutation::Delete(at, n)),
        (any::<usize>(), snippet.clone()).prop_map(|(at, s)| Mutation::Insert(at, s)),
        (any::<usize>(), snippet).prop_map(|(at, s)| Mutation::Replace(at, s)),
        any::<usize>().prop_map(Mutation::DuplicateLine),
    ]
}

/// Applies `m` to `text`, at char boundaries (the input of `apply` is a `&str`).
fn mutate(text: &str, m: &Mutation) -> String {
    let boundaries: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let at = |n: usize| boundaries[n % boundaries.len()];
    match m {
        Mutation::Delete(from, n) => {
            let a = at(*from);
            let b = at(from.wrapping_add(*n)).max(a);
            format!("{}{}", &text[..a], &text[b..])
        }
        Mutation::Insert(pos, s) => {
            let a = at(*pos);
            format!("{}{s}{}", &text[..a], &text[a..])
        }
        Mutation::Replace(pos, s) => {
            let a = at(*pos);
            let rest = &text[a..];
            let skip = rest
                .char_indices()
                .nth(s.chars().count())
                .map_or(rest.len(), |(i, _)| i);
            format!("{}{s}{}", &text[..a], &rest[skip..])
        }
        Mutation::DuplicateLine(n) => {
            let lines: Vec<&str> = text.lines().collect();
            let k = n % lines.len().max(1);
            let mut out: Vec<&str> = Vec::new();
            for (i, l) in lines.iter().enumerate() {
                out.push(l);
                if i == k {
                    out.push(l);
                }
            }
            out.join("\n")
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn no_line_panics_in_any_terminal(
        scenario_index in 0..3usize,
        tools in any::<bool>(),
        actions in proptest::collection::vec(action(), 1..10),
    ) {
        let ids = ["shared-volume", "localhost", "docs-original"];
        run_actions(ids[scenario_index], tools, &actions);
    }

    #[test]
    fn completion_at_any_cursor_returns(
        container in 0..2usize,
        text in "[a-zé🦀日 /$'\"{}-]{0,24}",
        cursor in 0..120usize,
    ) {
        let mut c = Cluster::with_scenario("shared-volume").unwrap();
        let _ = c.complete(&Terminal::container(CONTAINERS[container]), &text, cursor);
    }

    #[test]
    fn mutated_manifests_parse_or_fail_cleanly(
        scenario_index in 0..scenario::all().len(),
        mutations in proptest::collection::vec(mutation(), 1..6),
        lines in proptest::collection::vec(line(), 0..3),
    ) {
        let base = scenario::all()[scenario_index].manifest;
        let mut text = base.to_string();
        for m in &mutations {
            text = mutate(&text, m);
        }
        let _ = manifest::parse(&text);
        let mut c = Cluster::new();
        if c.apply(&text).is_ok() {
            for l in &lines {
                for container in CONTAINERS {
                    check(&c.run_in_container(container, l).text, l);
                }
                check(&c.run_kubectl_line("kubectl describe pod").text, "describe");
                check(&c.run_kubectl_line("kubectl get pods -o wide").text, "get");
            }
            // Applying the original over the mutated pod replaces it.
            let _ = c.apply(base);
        }
    }
}
