use super::*;
use crate::sim::cluster::Cluster;
use crate::sim::transcript::TranscriptRunner;

/// Runs `script` on a fresh pod of the lesson's scenario, observing after every line; returns
/// the progress and the transcript.
fn run(lesson: &Lesson, script: &str) -> (Progress, String) {
    let mut cluster = Cluster::with_scenario(&lesson.scenario).expect("scenario");
    let mut progress = Progress::new(lesson.clone());
    progress.observe(&cluster);
    let mut runner = TranscriptRunner::new("debian-container");
    let mut transcript = String::new();
    for line in script.lines() {
        transcript.push_str(&runner.line(&mut cluster, line));
        progress.observe(&cluster);
    }
    (progress, transcript)
}

fn ticked(p: &Progress) -> Vec<&str> {
    p.lesson
        .tasks
        .iter()
        .zip(p.done())
        .filter(|(_, &d)| d)
        .map(|(t, _)| t.id.as_str())
        .collect()
}

const SEEDS: [&str; 5] = ["", "alice", "bob", "7", "room-204/student-17"];

#[test]
fn every_builtin_lesson_has_four_to_six_tasks_for_every_seed() {
    for id in ids() {
        for seed in SEEDS {
            let lesson = builtin(id, seed).expect("lesson parses");
            assert!((4..=6).contains(&lesson.tasks.len()), "{id}");
            assert_eq!(lesson.id, id);
            let source = SOURCES.iter().find(|s| s.id == id).expect("source");
            assert_eq!(lesson.title, source.title, "the menu's title is the file's");
        }
    }
}

#[test]
fn the_solution_completes_every_task_for_every_seed() {
    for id in ids() {
        for seed in SEEDS {
            let lesson = builtin(id, seed).expect("lesson");
            let (progress, transcript) = run(&lesson, &lesson.solution_script());
            assert!(
                progress.complete(),
                "{id} seed {seed:?}: done {:?}\n{transcript}",
                ticked(&progress)
            );
            assert_eq!(progress.score().raw, lesson.tasks.len());
            assert_eq!(progress.score().scaled, 1.0);
            assert_eq!(progress.hint(), None);
        }
    }
}

#[test]
fn seeds_vary_the_values_and_the_same_seed_gives_the_same() {
    let first = builtin("shared-volume", "").expect("lesson");
    assert_eq!(first.values["file"], "hello.html");
    let files: std::collections::BTreeSet<String> = (0..20)
        .map(|i| {
            builtin("shared-volume", &format!("s{i}"))
                .expect("l")
                .values["file"]
                .clone()
        })
        .collect();
    assert!(files.len() >= 3, "{files:?}");
    let a = builtin("localhost", "alice").expect("lesson");
    assert_eq!(a, builtin("localhost", "alice").expect("lesson"));
    let port = &a.values["port"];
    assert!(a.tasks[3].title.contains(port.as_str()));
    assert_eq!(
        a.tasks[3].check,
        Check::Refused {
            port: port.parse().expect("numeric")
        }
    );
}

#[test]
fn tasks_tick_one_by_one_as_they_become_true() {
    let lesson = builtin("shared-volume", "bob").expect("lesson");
    let (p, _) = run(&lesson, "apt-get update\napt-get install -y curl\n");
    assert_eq!(ticked(&p), ["curl"]);
    assert_eq!(p.score().raw, 1);
    assert_eq!(p.hint(), Some(lesson.tasks[1].hint.as_str()));
    let (p, _) = run(
        &lesson,
        "apt-get update\napt-get install -y curl\ncurl localhost\n",
    );
    assert_eq!(ticked(&p), ["curl", "forbidden"]);
}

#[test]
fn a_wrong_path_leaves_write_unticked_and_shows_the_mount_hint() {
    let lesson = builtin("shared-volume", "alice").expect("lesson");
    let file = &lesson.values["file"];
    let message = &lesson.values["message"];
    // nginx's path typed in debian: there is no such directory there.
    let script = format!(
        "apt-get update\napt-get install -y curl\ncurl localhost\necho '{message}' > /usr/share/nginx/html/{file}\n"
    );
    let (p, transcript) = run(&lesson, &script);
    assert!(
        transcript.contains("No such file or directory"),
        "{transcript}"
    );
    assert_eq!(ticked(&p), ["curl", "forbidden"]);
    assert!(p
        .hint()
        .is_some_and(|h| h.contains("In debian the volume is at /pod-data")));
}

#[test]
fn a_wrong_message_leaves_write_and_fetch_unticked_and_says_so() {
    let lesson = builtin("shared-volume", "carol").expect("lesson");
    let file = &lesson.values["file"];
    let script = format!(
        "apt-get update\napt-get install -y curl\ncurl localhost\necho 'something else' > /pod-data/{file}\ncurl localhost/nope.html\n"
    );
    let (p, _) = run(&lesson, &script);
    assert_eq!(ticked(&p), ["curl", "forbidden"]);
    let hint = p.hint().expect("a hint");
    assert!(hint.contains("does not contain"), "{hint}");
    assert!(hint.contains(&lesson.values["message"]), "{hint}");
}

#[test]
fn a_file_overwritten_later_unticks_its_task() {
    let lesson = builtin("shared-volume", "").expect("lesson");
    let script = "echo 'Written in debian, served by nginx' > /pod-data/hello.html\n";
    let (p, _) = run(&lesson, script);
    assert_eq!(ticked(&p), ["write"]);
    let (p, _) = run(
        &lesson,
        &format!("{script}echo oops > /pod-data/hello.html\n"),
    );
    assert!(ticked(&p).is_empty());
}

#[test]
fn the_wrong_port_and_no_https_leave_their_diagnoses_unticked() {
    let lesson = builtin("localhost", "dave").expect("lesson");
    let port: u16 = lesson.values["port"].parse().expect("port");
    let other = if port == 4444 { 4445 } else { 4444 };
    let script = format!(
        "apt-get update\napt-get install -y curl\ncurl localhost\ncurl localhost:{other}\n"
    );
    let (p, _) = run(&lesson, &script);
    assert_eq!(ticked(&p), ["curl", "handshake", "ok"]);
    assert!(p.hint().is_some_and(|h| h.contains(&port.to_string())));
    let script =
        format!("apt-get update\napt-get install -y curl\ncurl localhost\ncurl localhost:{port}\n");
    let (p, _) = run(&lesson, &script);
    assert_eq!(ticked(&p), ["curl", "handshake", "ok", "refused"]);
    assert!(
        p.hint().is_some_and(|h| h.contains("https://")),
        "{:?}",
        p.hint()
    );
}

#[test]
fn a_restarted_container_keeps_the_volume_file() {
    let mut c = Cluster::with_scenario("shared-volume").expect("pod");
    let kept = Check::RestartedKept {
        container: "debian-container".into(),
        path: "/pod-data/kept.html".into(),
    };
    c.run_in_container("debian-container", "echo kept > /pod-data/kept.html");
    assert!(!kept.holds_now(&c));
    c.restart_container("debian-container").expect("restart");
    assert!(kept.holds_now(&c));
    c.run_in_container("debian-container", "rm /pod-data/kept.html");
    assert!(!kept.holds_now(&c));
}

#[test]
fn nginx_writing_to_debians_path_fails_and_says_where_its_mount_is() {
    let lesson = builtin("shared-volume", "erin").expect("lesson");
    let reply = &lesson.values["reply"];
    let script = format!("@nginx-container\necho hi > /pod-data/{reply}\n");
    let (p, _) = run(&lesson, &script);
    assert!(!p.done()[4]);
    let script = format!(
        "apt-get update\napt-get install -y curl\ncurl localhost\necho '{}' > /pod-data/{}\ncurl localhost/{}\n{script}",
        lesson.values["message"], lesson.values["file"], lesson.values["file"]
    );
    let (p, _) = run(&lesson, &script);
    assert_eq!(ticked(&p), ["curl", "forbidden", "write", "fetch"]);
    assert!(p
        .hint()
        .is_some_and(|h| h.contains("nginx mounts the volume at /usr/share/nginx/html")));
}

#[test]
fn bad_lesson_files_get_clear_errors() {
    let err = |text: &str| {
        Lesson::from_yaml(text, "")
            .expect_err("rejected")
            .to_string()
    };
    assert!(err("id: [").starts_with("lesson: "));
    let base = builtin("localhost", "").expect("lesson");
    let mut v = serde_json::to_value(&base).expect("json");
    v["tasks"][0]["check"] = serde_json::json!({ "file_smells": { "path": "/x" } });
    let text = serde_json::to_string(&v).expect("json");
    assert!(err(&text).contains("file_smells"), "{}", err(&text));
    let mut v = serde_json::to_value(&base).expect("json");
    v["tasks"][0]["title"] = serde_json::json!("Use {colour}");
    let text = serde_json::to_string(&v).expect("json");
    assert!(err(&text).contains("{colour}"));
    let mut v = serde_json::to_value(&base).expect("json");
    v["tasks"][1]["id"] = v["tasks"][0]["id"].clone();
    let text = serde_json::to_string(&v).expect("json");
    assert!(err(&text).contains("used twice"));
    assert!(builtin("nope", "").is_err());
}

/// The compiled-in JSON of every built-in lesson is what its YAML decodes to (the YAML is the
/// truth); `UPDATE_LESSONS=1` rewrites `compiled.rs` from it.
#[test]
fn compiled_is_current() {
    let mut want = String::from(
        "// @generated from lessons/*.yaml by `UPDATE_LESSONS=1 cargo test --lib sim::lesson`;\n\
         // do not edit (the test compiled_is_current fails when this file is stale).\n\n\
         /// Every built-in lesson's id and its YAML decoded to JSON.\n\
         pub const COMPILED: &[(&str, &str)] = &[\n",
    );
    for source in super::SOURCES {
        let (id, text) = (source.id, source.text());
        assert!(!text.is_empty(), "Source::text names lessons/{id}.yaml");
        let value: serde_json::Value = serde_saphyr::from_str(text).unwrap();
        let json = serde_json::to_string(&value).unwrap();
        want.push_str(&format!("    ({id:?}, {json:?}),\n"));
        for seed in ["", "s1", "student-7"] {
            assert_eq!(
                Lesson::from_json(&json, seed),
                Lesson::from_yaml(text, seed),
                "{id} {seed}"
            );
        }
    }
    want.push_str("];\n");
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/sim/lesson/compiled.rs");
    if std::env::var_os("UPDATE_LESSONS").is_some() {
        std::fs::write(path, &want).unwrap();
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        have == want,
        "src/sim/lesson/compiled.rs is stale: run `UPDATE_LESSONS=1 cargo test --lib sim::lesson`"
    );
}
