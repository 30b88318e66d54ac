//! Guided tours and what-ifs, as data: each step names the terminal it types into, the command
//! it types (if any) and the narration shown while it runs. The UI plays them; tests run every
//! step through the real simulation. A step may first ask a question (predict, then reveal).

use super::question::{Answer, Question};

/// Something a tour step or a what-if does to the pod.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Types a command line into a terminal (`kubectl` or a container name).
    Run {
        /// Terminal: `kubectl`, `debian-container`, `nginx-container`.
        terminal: &'static str,
        /// The line typed.
        line: &'static str,
    },
    /// Restarts a container (as if its main process was killed).
    Restart {
        /// The container.
        container: &'static str,
    },
    /// Replaces the pod with a built-in manifest variant (delete + apply).
    Apply {
        /// YAML text.
        manifest: &'static str,
    },
    /// Only narrates.
    Narrate,
}

/// One step of a tour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// What the step does.
    pub action: Action,
    /// What the narrator says.
    pub caption: &'static str,
    /// Asked before the step's command runs; answered against its real output.
    pub question: Option<&'static Question>,
}

/// A guided tour of one scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tour {
    /// The scenario it runs on (`shared-volume`, `localhost`, `docs-original`).
    pub scenario: &'static str,
    /// Title shown in the tour bar.
    pub title: &'static str,
    /// The steps, in order.
    pub steps: &'static [Step],
}

/// A one-click experiment: a scenario, what to do, and what it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WhatIf {
    /// Stable id.
    pub id: &'static str,
    /// Button label.
    pub title: &'static str,
    /// The scenario it starts from.
    pub scenario: &'static str,
    /// What it does, in order.
    pub actions: &'static [Action],
    /// What the user should notice, and why.
    pub explanation: &'static str,
}

const fn run(terminal: &'static str, line: &'static str, caption: &'static str) -> Step {
    Step {
        action: Action::Run { terminal, line },
        caption,
        question: None,
    }
}

/// A step that asks `question` before typing its line.
const fn ask(
    terminal: &'static str,
    line: &'static str,
    caption: &'static str,
    question: &'static Question,
) -> Step {
    Step {
        action: Action::Run { terminal, line },
        caption,
        question: Some(question),
    }
}

const fn say(caption: &'static str) -> Step {
    Step {
        action: Action::Narrate,
        caption,
        question: None,
    }
}

/// Before the first `curl localhost` of the shared-volume tour.
const EMPTY_VOLUME_CURL: Question = Question {
    prompt: "The volume is still empty. What will curl localhost print now?",
    answer: Answer::Choice(&[
        ("nginx's “Welcome to nginx!” page", "Welcome to nginx!"),
        ("403 Forbidden", "403 Forbidden"),
        ("Connection refused", "Failed to connect"),
    ]),
    explanation: "The volume mounted at /usr/share/nginx/html hides the image's welcome page. With no index.html in the empty volume, nginx refuses to list the directory: 403 Forbidden.",
};

/// Before nginx lists the file debian wrote.
const SAME_INODE: Question = Question {
    prompt: "debian's ls -i just printed the inode number of index.html. Which inode number will nginx's ls -i show for its index.html?",
    answer: Answer::Short { token: 0 },
    explanation: "The same number: both paths name one inode on the shared emptyDir. Nothing was copied; the two containers see one file.",
};

/// Before `curl localhost:8080` in the localhost tour.
const NOTHING_ON_8080: Question = Question {
    prompt: "nginx listens on port 80 only. What will curl localhost:8080 print?",
    answer: Answer::Choice(&[
        ("nginx's welcome page", "Welcome to nginx!"),
        ("404 Not Found", "404 Not Found"),
        ("Failed to connect … Couldn't connect to server", "Couldn't connect to server"),
    ]),
    explanation: "Nothing listens on 8080, so the kernel answers the SYN with a RST and curl exits 7. No HTTP is spoken at all, so there is no 404.",
};

const D: &str = "debian-container";
const N: &str = "nginx-container";
const K: &str = "kubectl";

/// The shared-volume lesson.
const SHARED_VOLUME: &[Step] = &[
    say("This pod has two containers, nginx and debian, and one emptyDir volume, shared-data, mounted in both."),
    run(K, "kubectl get pods", "Both containers are running: READY 2/2."),
    run(D, "ls -la /pod-data", "In debian the volume is mounted at /pod-data. It starts empty."),
    run(N, "ls -la /usr/share/nginx/html", "In nginx the same volume is mounted at /usr/share/nginx/html, hiding the image's own welcome page."),
    run(D, "apt-get update", "The debian image has no curl. apt-get update fetches the package lists…"),
    run(D, "apt-get install -y curl", "…and curl is installed, in the debian container only."),
    ask(D, "curl localhost", "nginx answers 403 Forbidden: its document root is the empty volume, and there is no index.html to serve.", &EMPTY_VOLUME_CURL),
    run(D, "echo 'Hello from the debian container' > /pod-data/index.html", "debian writes index.html into the volume."),
    run(D, "ls -i /pod-data", "Note the inode number of /pod-data/index.html…"),
    ask(N, "ls -i /usr/share/nginx/html", "…it is the same inode in nginx: one file, two paths.", &SAME_INODE),
    run(N, "cat /usr/share/nginx/html/index.html", "nginx's container reads exactly what debian wrote."),
    run(D, "curl localhost", "Now nginx serves the file debian wrote: 200 OK."),
    run(K, "kubectl logs two-containers -c nginx-container", "nginx logged both requests to its stdout, which kubectl logs shows."),
    say("That is the shared-volume pattern: containers in a pod exchange files through a volume they both mount. Your turn: try your own commands."),
];

/// The localhost lesson.
const LOCALHOST: &[Step] = &[
    say("Same two containers, no volume at all. Can debian still reach nginx?"),
    run(D, "ls -la /pod-data", "There is no shared volume: /pod-data does not exist."),
    run(D, "apt-get update", "Fetch the package lists…"),
    run(D, "apt-get install -y curl iproute2", "…and install curl and iproute2 in debian."),
    run(D, "ip addr", "debian sees lo and eth0 with the pod's IP: the network namespace belongs to the pod, held by the pause container."),
    run(D, "ss -ltn", "From debian, we see nginx's listening sockets on port 80: both containers share one network namespace."),
    run(D, "curl localhost", "localhost is 127.0.0.1, the loopback device both containers share. The SYN, SYN-ACK and ACK travel over lo, then the GET and nginx's welcome page."),
    run(D, "curl -v http://localhost/", "With -v, curl shows the connection and the HTTP exchange."),
    ask(D, "curl localhost:8080", "Nothing listens on 8080: the kernel answers the SYN with a RST, and curl says it could not connect.", &NOTHING_ON_8080),
    run(D, "curl https://localhost", "https means port 443, where nothing listens either: refused. The blog's `curl https://localhost` only works with a TLS server on 443."),
    run(K, "kubectl logs two-containers -c nginx-container", "nginx logged each request it received from 127.0.0.1."),
    say("That is the localhost pattern: containers in a pod share one network namespace, so they talk over 127.0.0.1. Your turn."),
];

/// The docs' original manifest.
const DOCS_ORIGINAL: &[Step] = &[
    say("The Kubernetes docs' manifest: debian writes index.html once, then its command ends."),
    run(K, "kubectl get pods", "READY 1/2 and NotReady: debian's command finished, and with restartPolicy: Never it is not restarted."),
    run(K, "kubectl describe pod two-containers", "describe shows debian Terminated, reason Completed, exit code 0."),
    run(N, "cat /usr/share/nginx/html/index.html", "But the file it wrote outlives it: the volume belongs to the pod, not to the container."),
    run(N, "apt-get update", "Let's check from nginx's own side: fetch package lists in the nginx container…"),
    run(N, "apt-get install -y curl", "…install curl there…"),
    run(N, "curl localhost", "…and nginx serves debian's message."),
    say("A completed container is not an error: its work is done. The pod stays NotReady because one of its containers is not running."),
];

/// Every guided tour.
pub const TOURS: &[Tour] = &[
    Tour {
        scenario: "shared-volume",
        title: "Shared volume: one file, two paths",
        steps: SHARED_VOLUME,
    },
    Tour {
        scenario: "localhost",
        title: "Localhost: one network namespace",
        steps: LOCALHOST,
    },
    Tour {
        scenario: "docs-original",
        title: "The docs' pod: why debian shows Completed",
        steps: DOCS_ORIGINAL,
    },
];

/// The tour of a scenario.
pub fn tour_for(scenario: &str) -> Option<&'static Tour> {
    TOURS.iter().find(|t| t.scenario == scenario)
}

/// The shared-volume pod with debian's mount read-only.
pub const READ_ONLY_MANIFEST: &str = include_str!("../../scenarios/what-if-read-only.yaml");

/// Every what-if experiment.
pub const WHAT_IFS: &[WhatIf] = &[
    WhatIf {
        id: "second-server",
        title: "Second server on :80",
        scenario: "localhost",
        actions: &[
            Action::Run { terminal: D, line: "apt-get update" },
            Action::Run { terminal: D, line: "apt-get install -y nginx" },
            Action::Run { terminal: D, line: "nginx" },
        ],
        explanation: "debian's own nginx cannot bind port 80: nginx-container already listens there, and both containers share one network namespace (EADDRINUSE).",
    },
    WhatIf {
        id: "read-only",
        title: "Read-only mount",
        scenario: "shared-volume",
        actions: &[
            Action::Apply { manifest: READ_ONLY_MANIFEST },
            Action::Run { terminal: D, line: "echo hi > /pod-data/index.html" },
        ],
        explanation: "With readOnly: true on debian's volumeMount, writes fail with 'Read-only file system'; nginx's mount of the same volume stays writable.",
    },
    WhatIf {
        id: "restart-debian",
        title: "Restart debian",
        scenario: "shared-volume",
        actions: &[
            Action::Run { terminal: D, line: "echo 'still here' > /pod-data/index.html" },
            Action::Restart { container: D },
            Action::Run { terminal: D, line: "cat /pod-data/index.html" },
        ],
        explanation: "A container restart gets a fresh root filesystem from the image, but the emptyDir belongs to the pod: the file is still there.",
    },
    WhatIf {
        id: "recreate-pod",
        title: "Re-create the pod",
        scenario: "shared-volume",
        actions: &[
            Action::Run { terminal: D, line: "echo 'gone soon' > /pod-data/index.html" },
            Action::Run { terminal: K, line: "kubectl delete pod two-containers" },
            Action::Run { terminal: K, line: "kubectl apply -f shared-volume.yaml" },
            Action::Run { terminal: K, line: "kubectl get pods" },
            Action::Run { terminal: K, line: "sleep 2; kubectl get pods" },
            Action::Run { terminal: D, line: "ls -la /pod-data" },
        ],
        explanation: "Deleting the pod deletes its emptyDir: the re-created pod starts with an empty volume (watch it go from ContainerCreating to Running while the kubelet pulls the images).",
    },
    WhatIf {
        id: "no-volume",
        title: "No shared volume",
        scenario: "localhost",
        actions: &[
            Action::Run { terminal: D, line: "apt-get update" },
            Action::Run { terminal: D, line: "apt-get install -y curl" },
            Action::Run { terminal: D, line: "curl -s localhost | head -n 4" },
        ],
        explanation: "Without the volume nothing hides the image's /usr/share/nginx/html, so nginx serves its own 'Welcome to nginx!' page.",
    },
    WhatIf {
        id: "https",
        title: "curl https://localhost",
        scenario: "localhost",
        actions: &[
            Action::Run { terminal: D, line: "apt-get update" },
            Action::Run { terminal: D, line: "apt-get install -y curl" },
            Action::Run { terminal: D, line: "curl https://localhost" },
        ],
        explanation: "https:// means port 443, and nothing listens there: the SYN gets a RST and curl reports exit 7. The blog's command needs plain http:// (port 80).",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tours_have_eight_to_fifteen_steps_and_known_terminals() {
        for t in TOURS {
            assert!(
                (8..=15).contains(&t.steps.len()),
                "{} has {} steps",
                t.title,
                t.steps.len()
            );
            for s in t.steps {
                if let Action::Run { terminal, .. } = s.action {
                    assert!([D, N, K].contains(&terminal));
                }
            }
        }
        assert!(tour_for("localhost").is_some());
        assert!(tour_for("nope").is_none());
    }
}
