//! Every guided tour and every what-if, run step by step through the real simulation (the
//! sweep egui does over its demos): no step may fail unexpectedly, and each lesson's key
//! output must appear.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test that unwraps fails with a location
#![cfg(not(target_arch = "wasm32"))]

use podscope::anim::tour::{Action, TOURS, WHAT_IFS};
use podscope::sim::cluster::{Cluster, TerminalResult};

/// Carries out one action; returns what the terminal showed.
fn perform(cluster: &mut Cluster, action: Action) -> TerminalResult {
    match action {
        Action::Run {
            terminal: "kubectl",
            line,
        } => cluster.run_kubectl_line(line),
        Action::Run { terminal, line } => cluster.run_in_container(terminal, line),
        Action::Restart { container } => {
            cluster
                .restart_container(container)
                .expect("container restarts");
            TerminalResult::default()
        }
        Action::Apply { manifest } => {
            cluster.delete_pod();
            cluster.apply(manifest).expect("what-if manifest is valid");
            cluster.settle();
            TerminalResult::default()
        }
        Action::Narrate => TerminalResult::default(),
    }
}

/// Runs every action of a list, returning all terminal text joined.
fn play(scenario: &str, actions: impl Iterator<Item = Action>) -> String {
    let mut cluster = Cluster::with_scenario(scenario).expect("built-in scenario starts");
    let mut all = String::new();
    for action in actions {
        let result = perform(&mut cluster, action);
        assert!(
            !result.text.contains("podscope does not simulate"),
            "{action:?}: {}",
            result.text
        );
        all.push_str(&result.text);
    }
    all
}

#[test]
fn every_tour_runs_to_the_end_and_teaches_its_lesson() {
    for tour in TOURS {
        let text = play(tour.scenario, tour.steps.iter().map(|s| s.action));
        match tour.scenario {
            "shared-volume" => {
                assert!(text.contains("403 Forbidden"), "{text}");
                assert!(text.contains("Hello from the debian container"));
            }
            "localhost" => {
                assert!(text.contains("Welcome to nginx!"));
                assert!(text.contains("Failed to connect to localhost port 8080"));
                assert!(text.contains("Failed to connect to localhost port 443"));
            }
            "docs-original" => {
                assert!(text.contains("NotReady"));
                assert!(text.contains("Completed"));
            }
            other => panic!("tour for unknown scenario {other}"),
        }
    }
}

#[test]
fn every_what_if_shows_its_point() {
    for what_if in WHAT_IFS {
        let text = play(what_if.scenario, what_if.actions.iter().copied());
        let expected = match what_if.id {
            "second-server" => "Address already in use",
            "read-only" => "Read-only file system",
            "restart-debian" => "still here",
            "recreate-pod" => "total 8",
            "no-volume" => "<title>Welcome to nginx!</title>",
            "https" => "port 443",
            other => panic!("what-if {other} has no expectation here"),
        };
        assert!(
            text.contains(expected),
            "what-if {}: expected {expected:?} in:\n{text}",
            what_if.id
        );
    }
}

#[test]
fn every_tour_question_has_exactly_one_right_answer_in_the_real_output() {
    use podscope::anim::question::{Answer, Given};
    let mut asked = 0;
    for tour in TOURS {
        let mut cluster = Cluster::with_scenario(tour.scenario).expect("scenario starts");
        let mut previous = String::new();
        for step in tour.steps {
            let output = perform(&mut cluster, step.action).text;
            if let Some(q) = step.question {
                asked += 1;
                let right = q.right_answer(&output).expect("the output answers it");
                match q.answer {
                    Answer::Choice(options) => {
                        let hits = options.iter().filter(|(_, n)| output.contains(n)).count();
                        assert_eq!(hits, 1, "{}: {output}", q.prompt);
                        let i = options
                            .iter()
                            .position(|(l, _)| *l == right)
                            .expect("option");
                        assert!(q.is_right(&Given::Option(i), &output));
                    }
                    Answer::Short { .. } => {
                        assert!(q.is_right(&Given::Text(right.clone()), &output));
                        // The inode question: nginx's number is the one debian's ls -i showed.
                        assert!(previous.contains(&right), "{previous} / {right}");
                    }
                }
                assert!(!q.explanation.is_empty());
            }
            previous = output;
        }
    }
    assert_eq!(asked, 3);
}
