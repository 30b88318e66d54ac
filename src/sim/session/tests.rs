//! The session codec: round trips, every error kind, and replays that reproduce the trace.

use super::codec::looks_like_session;
use super::host::{origin_allowed, EmbedEvent, MAX_MESSAGE};
use super::*;
use crate::sim::cluster::Terminal;
use base64::Engine;

fn line(terminal: &str, line: &str) -> Input {
    Input::Line {
        terminal: term(terminal),
        line: line.into(),
    }
}

fn term(name: &str) -> Terminal {
    Terminal::from_script_name(name)
}

/// A session recorded the way the web app records one: every input through [`apply`], each
/// line run to its end before the next input.
fn recorded(start: Start, inputs: &[Input]) -> (Session, Cluster) {
    let mut session = Session::new(start);
    let (mut cluster, error) = session.start_cluster();
    assert_eq!(error, None);
    for input in inputs {
        assert!(session.record_from(&cluster, input.clone()));
        apply(&mut cluster, input);
        run_slices(&mut cluster, None, |_, _, _| {});
    }
    session.slices = Some(cluster.slices_run());
    session.now_ms = cluster.now_ms();
    session.position = cluster.trace().events().len() / 2;
    (session, cluster)
}

fn lesson() -> Vec<Input> {
    vec![
        line("debian-container", "echo hello > /pod-data/index.html"),
        line(
            "debian-container",
            "apt-get update && apt-get install -y curl",
        ),
        line("debian-container", "curl -s localhost"),
        line("debian-container", "sleep infinity"),
        line("debian-container", "echo typed ahead"),
        Input::Interrupt {
            terminal: term("debian-container"),
        },
        Input::Cancel {
            terminal: term("nginx-container"),
            line: "ls -".into(),
        },
        Input::Complete {
            terminal: term("nginx-container"),
        },
        line("nginx-container", "cat /usr/share/nginx/html/index.html"),
        Input::Clear {
            terminal: term("nginx-container"),
        },
        Input::Restart {
            container: "nginx-container".into(),
        },
        line("kubectl", "kubectl get pods"),
    ]
}

#[test]
fn a_fragment_round_trips_and_replays_to_the_same_trace() {
    let (mut session, cluster) = recorded(Start::Scenario("shared-volume".into()), &lesson());
    session.open_terminal = Some(term("debian-container"));
    session.tour = Some(TourAt {
        name: "shared-volume".into(),
        step: 2,
    });
    let fragment = session.to_fragment();
    assert!(fragment.starts_with("v1."), "{fragment}");
    assert!(looks_like_session(&fragment));
    assert!(fragment.len() < 1000, "{} bytes", fragment.len());
    assert!(fragment
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)));
    let back = Session::from_fragment(&format!("#{fragment}")).unwrap();
    assert_eq!(back, session);
    let (replayed, error) = back.replay();
    assert_eq!(error, None);
    assert_eq!(replayed.trace().events(), cluster.trace().events());
    assert_eq!(replayed.now_ms(), cluster.now_ms());
    assert_eq!(replayed.pcap(), cluster.pcap());
}

#[test]
fn replay_reproduces_what_each_terminal_printed() {
    let inputs = lesson();
    let mut session = Session::new(Start::Scenario("localhost".into()));
    let (mut cluster, _) = session.start_cluster();
    let mut live = Vec::new();
    for input in &inputs {
        session.record(cluster.now_ms(), input.clone());
        live.push(apply(&mut cluster, input));
        run_slices(&mut cluster, None, |_, _, _| {});
    }
    let mut again = Vec::new();
    session.replay_with(|_, reply| again.push(reply));
    assert_eq!(again, live);
    assert!(matches!(&live[3], Reply::Ran { result, .. } if result.status.is_none()));
    assert_eq!(live[4], Reply::TypedAhead);
    assert!(matches!(&live[5], Reply::Interrupted { text } if text == "^C\n"));
}

#[test]
fn ctrl_c_between_two_slices_of_a_loop_replays_at_the_same_slice() {
    let debian = term("debian-container");
    let mut session = Session::new(Start::Scenario("localhost".into()));
    let (mut cluster, _) = session.start_cluster();
    let mut printed = String::new();
    let mut give = |session: &mut Session, cluster: &mut Cluster, input: Input, slices: u64| {
        assert!(session.record_from(cluster, input.clone()));
        apply(cluster, &input);
        let until = cluster.slices_run() + slices;
        run_slices(cluster, Some(until), |_, _, r| printed.push_str(&r.text));
    };
    let install = line(
        "debian-container",
        "apt-get update; apt-get install -y curl",
    );
    give(&mut session, &mut cluster, install, 10);
    let curls = "for i in $(seq 100); do curl -s localhost | wc -c; done; echo never";
    give(
        &mut session,
        &mut cluster,
        line("debian-container", curls),
        21,
    );
    assert!(cluster.is_running(&debian));
    let stop = Input::Interrupt {
        terminal: debian.clone(),
    };
    give(&mut session, &mut cluster, stop, 0);
    give(
        &mut session,
        &mut cluster,
        line("debian-container", "echo $?"),
        5,
    );
    session.slices = Some(cluster.slices_run());
    session.now_ms = cluster.now_ms();
    // The word list, then 20 turns of the loop: 20 pages.
    assert_eq!(printed.matches("615\n").count(), 20, "{printed}");
    assert!(printed.ends_with("130\n"), "{printed}");
    let back = Session::from_fragment(&session.to_fragment()).unwrap();
    let (replayed, _) = back.replay();
    assert_eq!(replayed.trace().events(), cluster.trace().events());
    assert_eq!(replayed.now_ms(), cluster.now_ms());
    // A link made before slices (no counts) runs each line to its end before the next input.
    let mut old = back.clone();
    old.slices = None;
    for rec in &mut old.inputs {
        rec.slices = None;
    }
    let (at_once, _) = old.replay();
    assert!(at_once.trace().len() > cluster.trace().len());
}

#[test]
fn the_clock_moving_on_its_own_between_inputs_is_replayed() {
    // After `kubectl apply` the web app lets the kubelet's time pass with the wall clock.
    let mut session = Session::new(Start::Scenario("shared-volume".into()));
    let (mut cluster, _) = session.start_cluster();
    let delete = line("kubectl", "kubectl delete pod two-containers");
    let apply_line = line("kubectl", "kubectl apply -f shared-volume.yaml");
    for input in [delete, apply_line] {
        session.record(cluster.now_ms(), input.clone());
        apply(&mut cluster, &input);
    }
    assert!(cluster.has_scheduled());
    cluster.advance_by(700);
    let get = line("kubectl", "kubectl get pods");
    session.record(cluster.now_ms(), get.clone());
    let Reply::Ran { result, .. } = apply(&mut cluster, &get) else {
        panic!("kubectl get did not run");
    };
    cluster.advance_by(5_000);
    session.now_ms = cluster.now_ms();
    let back = Session::from_fragment(&session.to_fragment()).unwrap();
    let mut replies = Vec::new();
    let (replayed, _) = back.replay_with(|_, r| replies.push(r));
    assert!(matches!(replies.last(), Some(Reply::Ran { result: r, .. }) if *r == result));
    assert_eq!(replayed.trace().events(), cluster.trace().events());
}

#[test]
fn a_custom_manifest_starts_the_session() {
    let yaml = crate::sim::scenario::by_id("localhost").unwrap().manifest;
    let (session, cluster) = recorded(
        Start::Manifest(yaml.replace("two-containers", "mine")),
        &[line("kubectl", "kubectl get pods")],
    );
    let back = Session::from_fragment(&session.to_fragment()).unwrap();
    let (replayed, error) = back.replay();
    assert_eq!(error, None);
    assert_eq!(replayed.trace().events(), cluster.trace().events());
    let (_, bad) = Session::new(Start::Manifest("kind: Nope".into())).replay();
    assert!(bad.is_some());
}

#[test]
fn a_wordpress_secret_after_the_state_is_accepted() {
    let (session, _) = recorded(Start::Scenario("localhost".into()), &[]);
    let with_secret = format!("#{}?secret=AbC123xyZ0", session.to_fragment());
    assert_eq!(Session::from_fragment(&with_secret).unwrap(), session);
    assert_eq!(split_secret(&with_secret).1, Some("AbC123xyZ0"));
    assert_eq!(
        split_secret("#?secret=AbC123xyZ0"),
        ("", Some("AbC123xyZ0"))
    );
    assert_eq!(split_secret("#localhost"), ("localhost", None));
    assert_eq!(split_secret("#x?secret=<script>").1, None);
}

fn packed(json: &[u8]) -> String {
    let z = super::codec::pack(json);
    format!(
        "v1.{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(z)
    )
}

/// What a test expects of an error.
type Expect = fn(&SessionError) -> bool;

#[test]
fn every_error_kind_is_named() {
    let (session, _) = recorded(Start::Scenario("shared-volume".into()), &lesson());
    let good = session.to_fragment();
    let cases: Vec<(String, Expect)> = vec![
        ("hello".into(), |e| matches!(e, SessionError::Malformed(_))),
        ("v1.***".into(), |e| matches!(e, SessionError::Malformed(_))),
        (good[..good.len() / 2].into(), |e| {
            *e == SessionError::Truncated
        }),
        (good[..good.len() - 1].into(), |e| {
            *e == SessionError::Truncated
        }),
        (format!("v2.{}", &good[3..]), |e| {
            *e == SessionError::NewerVersion { found: 2 }
        }),
        (format!("v1.{}", "A".repeat(MAX_FRAGMENT)), |e| {
            matches!(e, SessionError::OverSizeCap { .. })
        }),
        // A zip bomb: a few KiB that inflate to far more than any session.
        (
            packed(&vec![b' '; 4 << 20]),
            |e| matches!(e, SessionError::Hostile(w) if w.contains("inflates")),
        ),
        // A length that lies: 4 GiB announced in a dozen bytes.
        (
            format!(
                "v1.{}",
                base64::engine::general_purpose::URL_SAFE_NO_PAD
                    .encode([0, 0, 0, 0, 255, 255, 255, 255, 0x10, b'{'])
            ),
            |e| matches!(e, SessionError::Hostile(w) if w.contains("inflates")),
        ),
        (
            format!(
                "v1.{}",
                base64::engine::general_purpose::URL_SAFE_NO_PAD.encode([1, 2, 3])
            ),
            |e| *e == SessionError::Truncated,
        ),
        (
            packed(br#"{"s":{"s":"nope"}}"#),
            |e| matches!(e, SessionError::Malformed(w) if w.contains("unknown scenario")),
        ),
        (
            packed(
                br#"{"s":{"s":"localhost"},"i":[{"a":5,"i":{"k":"l","t":"../x","l":"ls"}}],"n":9}"#,
            ),
            |e| matches!(e, SessionError::Hostile(w) if w.contains("terminal")),
        ),
        (
            packed(br#"{"s":{"s":"localhost"},"i":[{"a":5,"i":{"k":"c","t":"kubectl"}}],"n":1}"#),
            |e| matches!(e, SessionError::Hostile(w) if w.contains("clock")),
        ),
        (packed(&[b'['; 10_000]), |e| {
            matches!(e, SessionError::Malformed(_))
        }),
    ];
    for (fragment, expected) in cases {
        let err = Session::from_fragment(&fragment).unwrap_err();
        assert!(
            expected(&err),
            "{}: {err:?}",
            &fragment[..fragment.len().min(60)]
        );
        assert!(!err.to_string().is_empty());
    }
    // One byte changed in the middle: the checksum (or the deflate stream) catches it.
    let mut bytes = good.into_bytes();
    let mid = bytes.len() / 2;
    bytes[mid] = if bytes[mid] == b'A' { b'B' } else { b'A' };
    let err = Session::from_fragment(std::str::from_utf8(&bytes).unwrap()).unwrap_err();
    assert!(
        matches!(err, SessionError::Malformed(_) | SessionError::Truncated),
        "{err:?}"
    );
}

#[test]
fn too_many_inputs_are_refused_on_record_and_on_decode() {
    let mut session = Session::new(Start::Scenario("localhost".into()));
    for _ in 0..MAX_INPUTS {
        assert!(session.record(0, line("kubectl", "true")));
    }
    assert!(!session.record(0, line("kubectl", "true")));
    session.inputs.push(session.inputs[0].clone());
    let err = Session::from_fragment(&session.to_fragment()).unwrap_err();
    assert!(matches!(err, SessionError::Hostile(w) if w.contains("inputs")));
}

#[test]
fn host_messages_are_validated() {
    assert_eq!(
        HostMessage::parse(
            r#"{"podscope":1,"type":"run","terminal":"debian-container","line":"curl localhost"}"#
        ),
        Ok(HostMessage::Run {
            terminal: term("debian-container"),
            line: "curl localhost".into()
        })
    );
    assert_eq!(
        HostMessage::parse(r#"{"podscope":1,"type":"step"}"#),
        Ok(HostMessage::Step { by: 1 })
    );
    assert_eq!(
        HostMessage::parse(r#"{"podscope":1,"type":"goto","step":4}"#),
        Ok(HostMessage::Goto { step: 4 })
    );
    assert_eq!(
        HostMessage::parse(r#"{"podscope":1,"type":"load-scenario","scenario":"localhost"}"#),
        Ok(HostMessage::LoadScenario {
            scenario: "localhost".into()
        })
    );
    for ok in ["play", "pause", "reset"] {
        assert!(HostMessage::parse(&format!(r#"{{"podscope":1,"type":"{ok}"}}"#)).is_ok());
    }
    let not_ours = [
        "",
        "null",
        "[1]",
        r#"{"type":"run"}"#,
        r#"{"context":"iframe.resize"}"#,
    ];
    for text in not_ours {
        assert_eq!(
            HostMessage::parse(text),
            Err(HostMessageError::NotOurs),
            "{text}"
        );
    }
    assert_eq!(
        HostMessage::parse(r#"{"podscope":2,"type":"play"}"#),
        Err(HostMessageError::NewerVersion(2))
    );
    let invalid = [
        r#"{"podscope":1,"type":"explode"}"#,
        r#"{"podscope":1,"type":"run","terminal":"x"}"#,
        r#"{"podscope":1,"type":"run","terminal":"<b>","line":"ls"}"#,
        r#"{"podscope":1,"type":"run","terminal":"kubectl","line":"a\nb"}"#,
        r#"{"podscope":1,"type":"step","by":99999999}"#,
        r#"{"podscope":1,"type":"goto","step":-1}"#,
    ];
    for text in invalid {
        assert!(
            matches!(HostMessage::parse(text), Err(HostMessageError::Invalid(_))),
            "{text}"
        );
    }
    let long = format!(
        r#"{{"podscope":1,"type":"play","pad":"{}"}}"#,
        "x".repeat(MAX_MESSAGE)
    );
    assert_eq!(HostMessage::parse(&long), Err(HostMessageError::TooLong));
}

#[test]
fn origins_and_events() {
    assert!(origin_allowed(None, "https://a.example"));
    assert!(origin_allowed(
        Some("https://a.example/"),
        "https://a.example"
    ));
    assert!(!origin_allowed(
        Some("https://a.example"),
        "https://evil.example"
    ));
    let event = EmbedEvent::Step { step: 3, total: 9 };
    assert_eq!(
        event.to_json(),
        r#"{"podscope":1,"type":"step","step":3,"total":9}"#
    );
}

proptest::proptest! {
    /// Whatever follows `#`, decoding answers (a session or an error) and never panics.
    #[test]
    fn any_fragment_is_answered(text in ".{0,200}", cut in 0usize..400) {
        let _ = Session::from_fragment(&text);
        let _ = Session::from_fragment(&format!("v1.{text}"));
        let (session, _) = recorded(Start::Scenario("localhost".into()), &[line("kubectl", &text)]);
        let good = session.to_fragment();
        let _ = Session::from_fragment(&good[..cut.min(good.len())]);
        let _ = HostMessage::parse(&text);
    }
}

#[test]
fn every_input_kind_reads_back_the_json_it_writes() {
    let kubectl = term("kubectl");
    let inputs = vec![
        line("debian-container", "curl localhost"),
        Input::Interrupt {
            terminal: kubectl.clone(),
        },
        Input::Cancel {
            terminal: kubectl.clone(),
            line: "half".into(),
        },
        Input::Clear {
            terminal: kubectl.clone(),
        },
        Input::Complete { terminal: kubectl },
        Input::Restart {
            container: "nginx-container".into(),
        },
        Input::Apply {
            manifest: "kind: Pod".into(),
        },
        Input::Replace {
            manifest: "kind: Pod".into(),
        },
    ];
    for input in inputs {
        let json = serde_json::to_string(&input).expect("serializes");
        let back: Input = serde_json::from_str(&json).expect("reads back");
        assert_eq!(back, input, "{json}");
    }
    let unknown = serde_json::from_str::<Input>(r#"{"k":"?","t":"kubectl"}"#);
    assert!(unknown.is_err_and(|e| e.to_string().contains("unknown variant `?`")));
    let short = serde_json::from_str::<Input>(r#"{"k":"l","t":"kubectl"}"#);
    assert!(short.is_err_and(|e| e.to_string().contains("missing field `l`")));
}
