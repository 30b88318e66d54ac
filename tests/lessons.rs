//! Every lesson's solution script, replayed through `podscope shell --lesson` for several
//! students' seeds, completes every task; a wrong attempt leaves the right tasks unticked.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::podscope;
use podscope::sim::lesson;

const SEEDS: [&str; 4] = ["", "alice", "42", "room-7"];

#[test]
fn every_solution_replayed_through_podscope_shell_completes_its_lesson() {
    for id in lesson::ids() {
        for seed in SEEDS {
            let script = podscope(&["lesson", id, "--seed", seed, "--solution"], b"");
            assert_eq!(script.status.code(), Some(0));
            let out = podscope(&["shell", "--lesson", id, "--seed", seed], &script.stdout);
            let report = String::from_utf8_lossy(&out.stderr);
            let tasks = lesson::builtin(id, seed).expect("lesson").tasks.len();
            assert!(
                report.contains(&format!("lesson {id}: {tasks}/{tasks} tasks done")),
                "{id} {seed:?}:\n{report}\n{}",
                String::from_utf8_lossy(&out.stdout)
            );
            assert!(!report.contains("[ ]"), "{report}");
            assert_eq!(out.status.code(), Some(0), "{report}");
        }
    }
}

#[test]
fn a_wrong_attempt_leaves_the_right_tasks_unticked_and_exits_1() {
    let l = lesson::builtin("shared-volume", "alice").expect("lesson");
    let file = &l.values["file"];
    let script = format!(
        "apt-get update\napt-get install -y curl\necho 'not the message' > /pod-data/{file}\ncurl localhost/{file}\n"
    );
    let out = podscope(
        &["shell", "--lesson", "shared-volume", "--seed", "alice"],
        script.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8_lossy(&out.stderr);
    let marks: Vec<&str> = report
        .lines()
        .filter(|l| l.starts_with('['))
        .map(|l| &l[..3])
        .collect();
    // curl installed; no 403 asked for; the page has the wrong text (though nginx serves it:
    // 200); no restart.
    assert_eq!(marks, ["[x]", "[ ]", "[ ]", "[x]", "[ ]"], "{report}");
    assert!(
        report.contains("lesson shared-volume: 2/5 tasks done"),
        "{report}"
    );
    assert!(report.contains("hint: Run curl localhost"), "{report}");
}

#[test]
fn the_seed_changes_what_the_student_is_asked() {
    let a = podscope(&["lesson", "localhost", "--seed", "alice"], b"");
    let b = podscope(&["lesson", "localhost", "--seed", "bob"], b"");
    let plain = podscope(&["lesson", "localhost"], b"");
    let texts = [&a, &b, &plain].map(|o| String::from_utf8_lossy(&o.stdout).into_owned());
    assert!(texts.iter().all(|t| t.contains("curl localhost:")));
    assert!(texts[0] != texts[2] || texts[1] != texts[2], "{texts:?}");
    let bad = podscope(&["lesson", "nope"], b"");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown lesson 'nope'"));
}
