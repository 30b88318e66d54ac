//! The reducer, driven natively as the App drives it.

use super::*;
use crate::anim::question::Given;
use crate::anim::tour::Action as TourAction;
use crate::sim::cluster::Terminal;

fn term(name: &str) -> Terminal {
    Terminal::from_script_name(name)
}

fn run(s: Rc<AppState>, terminal: &str, line: &str) -> Rc<AppState> {
    s.reduce(Action::RunLine {
        terminal: term(terminal),
        line: line.into(),
    })
}

#[test]
fn live_mode_plays_new_events_from_where_playback_was() {
    let s = Rc::new(AppState::new(ScenarioId::SharedVolume));
    let start = s.len();
    assert_eq!((s.playback.position, s.playback.playing), (start, false));
    let s = run(s, "debian-container", "echo hi > /pod-data/index.html");
    assert!(s.len() > start);
    assert_eq!(
        (s.playback.position, s.playback.progress, s.playback.playing),
        (start, 0.0, true)
    );
    let mut s = s;
    for _ in 0..200 {
        s = s.reduce(Action::Tick(100.0));
    }
    assert_eq!(s.playback.position, s.len());
    assert!(!s.playback.playing);
    let s = s.reduce(Action::StepBack);
    assert_eq!(s.playback.position, s.len() - 1);
    let s = s.reduce(Action::SelectEvent(3));
    assert_eq!((s.playback.position, s.selected_event), (4, Some(3)));
}

#[test]
fn url_picks_the_scenario_and_scenarios_reset_the_terminals() {
    assert_eq!(
        AppState::from_url("?scenario=localhost", "", None).scenario,
        ScenarioId::Localhost
    );
    assert_eq!(
        AppState::from_url("?x=1&scenario=docs-original", "", None).scenario,
        ScenarioId::DocsOriginal
    );
    assert_eq!(
        AppState::from_url("", "#localhost", None).scenario,
        ScenarioId::Localhost
    );
    assert_eq!(
        AppState::from_url("", "", Some("localhost")).scenario,
        ScenarioId::Localhost
    );
    assert_eq!(
        AppState::from_url("?scenario=bogus", "", None).scenario,
        ScenarioId::SharedVolume
    );
    let s = run(
        Rc::new(AppState::new(ScenarioId::SharedVolume)),
        "kubectl",
        "kubectl get pods",
    );
    assert_eq!(s.terminals[&term("kubectl")].entries.len(), 1);
    assert_eq!(s.open_terminal, term("debian-container"));
    let s = s.reduce(Action::SelectScenario(ScenarioId::Localhost));
    assert!(s.terminals[&term("kubectl")].entries.is_empty());
}

#[test]
fn bad_manifest_is_reported_and_keeps_the_pod() {
    let s = Rc::new(AppState::new(ScenarioId::SharedVolume));
    let s = s.reduce(Action::ApplyManifest("kind: Pod\nmetadata: [".into()));
    assert!(!s.manifest_errors.is_empty());
    assert!(s.cluster.borrow().pod().is_some());
    let s = run(s, "kubectl", "kubectl delete pod two-containers");
    assert!(s.cluster.borrow().pod().is_none());
    let s = s.reduce(Action::ApplyManifest(
        ScenarioId::Localhost.manifest().into(),
    ));
    assert!(s.manifest_errors.is_empty());
    assert!(s.cluster.borrow().pod().is_some());
}

/// The last entry a terminal shows: (command, output).
fn last(s: &AppState, terminal: &str) -> (String, String) {
    let e = s.terminals[&term(terminal)]
        .entries
        .last()
        .cloned()
        .unwrap_or_default();
    (e.command, e.output)
}

#[test]
fn tour_next_types_each_step_into_its_terminal_and_plays_it() {
    let mut s = run(
        Rc::new(AppState::new(ScenarioId::SharedVolume)),
        "debian-container",
        "echo before > /pod-data/index.html",
    );
    s = s.reduce(Action::TourStart);
    let tour = s.tour.unwrap();
    assert_eq!(tour.step, 0);
    assert!(
        s.terminals[&term("debian-container")].entries.is_empty(),
        "the tour starts on a fresh pod"
    );
    for i in 1..tour.tour.steps.len() {
        let before = s.len();
        s = s.reduce(Action::TourNext);
        assert_eq!(s.tour.map(|t| t.step), Some(i));
        if tour.tour.steps[i].question.is_some() {
            assert!(s.tour.is_some_and(|t| t.asking), "step {i} asks first");
            assert_eq!(s.len(), before, "nothing runs before the answer");
            s = s.reduce(Action::TourAnswer(Given::Option(0)));
            assert!(s
                .answer
                .as_ref()
                .is_some_and(|a| !a.right_answer.is_empty()));
        }
        if let TourAction::Run { terminal, line } = tour.tour.steps[i].action {
            assert_eq!(s.open_terminal, term(terminal), "step {i}");
            assert_eq!(last(&s, terminal).0, line);
            if s.len() > before {
                assert_eq!(s.playback.position, before, "step {i} plays its own events");
                assert!(s.playback.playing);
            }
        }
    }
    assert_eq!(
        s.clone().reduce(Action::TourNext).tour,
        s.tour,
        "no step past the last"
    );
    let (_, curl) = last(&s, "debian-container");
    assert!(curl.contains("Hello from the debian container"), "{curl}");
    let ended = s.clone().reduce(Action::TourEnd);
    assert!(ended.tour.is_none());
    assert_eq!(ended.len(), s.len(), "taking over keeps the pod");
}

#[test]
fn tour_prev_rebuilds_the_pod_as_it_was_at_that_step() {
    let mut s = Rc::new(AppState::new(ScenarioId::SharedVolume)).reduce(Action::TourStart);
    for _ in 0..7 {
        s = s.reduce(Action::TourNext);
        if s.tour.is_some_and(|t| t.asking) {
            // Next again skips the question: the command runs, the answer is revealed.
            s = s.reduce(Action::TourNext);
            assert!(s.answer.as_ref().is_some_and(|a| a.skipped));
        }
    }
    // Step 7 wrote index.html; step 6 (curl before the write) still gets 403.
    assert!(last(&s, "debian-container")
        .0
        .contains("> /pod-data/index.html"));
    let back = s.clone().reduce(Action::TourPrev);
    assert_eq!(back.tour.map(|t| t.step), Some(6));
    let (command, output) = last(&back, "debian-container");
    assert_eq!(command, "curl localhost");
    assert!(output.contains("403 Forbidden"), "{output}");
    assert!(back.len() < s.len());
    // ls, apt-get update, apt-get install, curl: typed once each, not twice.
    assert_eq!(back.terminals[&term("debian-container")].entries.len(), 4);
    let first = Rc::new(AppState::new(ScenarioId::SharedVolume)).reduce(Action::TourStart);
    assert_eq!(first.clone().reduce(Action::TourPrev).tour, first.tour);
    let custom = Rc::new(AppState::new(ScenarioId::Custom)).reduce(Action::TourStart);
    assert!(custom.tour.is_none());
}

#[test]
fn what_if_starts_its_scenario_afresh_and_explains() {
    let mut s = Rc::new(AppState::new(ScenarioId::DocsOriginal)).reduce(Action::TourStart);
    assert!(s.tour.is_some());
    for what in crate::anim::tour::WHAT_IFS {
        s = s.reduce(Action::WhatIf(what));
        assert_eq!(s.scenario.id(), what.scenario);
        assert!(s.tour.is_none());
        assert_eq!(s.what_if.map(|w| w.id), Some(what.id));
        assert!(s.playback.playing, "{} plays its events", what.id);
    }
    let ro = s.clone().reduce(Action::WhatIf(
        crate::ui::guide::what_if("read-only").unwrap(),
    ));
    assert!(ro.manifest_text.contains("readOnly: true"));
    assert!(last(&ro, "debian-container")
        .1
        .contains("Read-only file system"));
    assert!(ro.clone().reduce(Action::DismissWhatIf).what_if.is_none());
}

#[test]
fn a_tour_question_is_checked_against_the_commands_real_output() {
    let mut s = Rc::new(AppState::new(ScenarioId::SharedVolume)).reduce(Action::TourStart);
    while !s.tour.is_some_and(|t| t.asking) {
        s = s.reduce(Action::TourNext);
    }
    let wrong = s.clone().reduce(Action::TourAnswer(Given::Option(0)));
    let answer = wrong.answer.clone().expect("revealed");
    assert!(!answer.right && !answer.skipped);
    assert_eq!(answer.right_answer, "403 Forbidden");
    let right = s.reduce(Action::TourAnswer(Given::Option(1)));
    assert!(right.answer.as_ref().is_some_and(|a| a.right));
    assert!(last(&right, "debian-container").1.contains("403 Forbidden"));
    let on = right.reduce(Action::TourNext);
    assert!(on.answer.is_none(), "the reveal goes with its step");
}

#[test]
fn a_lesson_from_the_url_is_checked_after_every_change() {
    let params = ClassroomParams::from_lookup(|name| match name {
        "profile" => Some("projector".into()),
        "lesson" => Some("localhost".into()),
        "seed" => Some("alice".into()),
        _ => None,
    });
    assert!(params.presenter && params.print.is_none());
    let s = Rc::new(AppState::new(ScenarioId::SharedVolume).with_classroom(&params));
    assert!(s.presenter);
    assert_eq!(
        s.scenario,
        ScenarioId::Localhost,
        "the lesson's own scenario"
    );
    let lesson = s.lesson.clone().expect("lesson open");
    assert_eq!(
        lesson.lesson.values,
        crate::sim::lesson::builtin("localhost", "alice")
            .expect("l")
            .values
    );
    assert_eq!(lesson.score().raw, 0);
    let s = run(s, "debian-container", "apt-get update");
    let s = run(s, "debian-container", "apt-get install -y curl");
    assert_eq!(s.lesson.as_ref().map(|p| p.score().raw), Some(1));
    assert_eq!(s.checked_hint, None, "no hint before Check");
    let s = s.reduce(Action::CheckLesson);
    assert!(s
        .checked_hint
        .as_deref()
        .is_some_and(|h| h.contains("curl localhost")));
    let s = s.reduce(Action::ResetLesson);
    assert_eq!(s.lesson.as_ref().map(|p| p.score().raw), Some(0));
    assert!(
        s.terminals[&term("debian-container")].entries.is_empty(),
        "a fresh pod"
    );
    let s = s.reduce(Action::CloseLesson);
    assert!(s.lesson.is_none());
    let s = s.reduce(Action::OpenLesson("nope".into()));
    assert!(s
        .load_error
        .as_deref()
        .is_some_and(|e| e.contains("unknown lesson")));
}

#[test]
fn stepping_back_across_a_delete_and_re_apply_inspects_that_events_packet() {
    let mut s = Rc::new(AppState::new(ScenarioId::SharedVolume));
    let lines = [
        ("debian-container", "apt-get update"),
        ("debian-container", "apt-get install -y curl"),
        ("debian-container", "curl -s localhost"),
        ("kubectl", "kubectl delete pod two-containers"),
        ("kubectl", "kubectl apply -f shared-volume.yaml"),
        ("kubectl", "sleep 5"),
        ("debian-container", "apt-get update"),
        ("debian-container", "apt-get install -y curl"),
        ("debian-container", "curl -s localhost:8080"),
        ("debian-container", "curl -s localhost"),
    ];
    for (terminal, line) in lines {
        s = run(s, terminal, line);
    }
    let segments: Vec<(usize, u64, crate::sim::event::SegmentInfo)> = s
        .cluster
        .borrow()
        .trace()
        .events()
        .iter()
        .filter_map(|e| match &e.kind {
            crate::sim::event::EventKind::Segment(info) => {
                Some((e.seq as usize, e.t_ms, info.clone()))
            }
            _ => None,
        })
        .collect();
    let deleted_at = s
        .cluster
        .borrow()
        .trace()
        .events()
        .iter()
        .position(|e| matches!(e.kind, crate::sim::event::EventKind::PodDeleted { .. }))
        .expect("the pod was deleted");
    assert!(segments.iter().any(|(seq, _, _)| *seq < deleted_at));
    assert!(
        segments
            .iter()
            .filter(|(seq, _, _)| *seq > deleted_at)
            .count()
            > 10
    );
    let pcap = s.cluster.borrow().pcap();
    // Newest first: stepping back through the second pod's packets, across the delete, into
    // the first pod's.
    for (seq, t_ms, info) in segments.iter().rev() {
        for picked in [
            s.clone().reduce(Action::SelectEvent(*seq)),
            s.clone().reduce(Action::Seek(seq + 1)),
        ] {
            let shown = picked.inspected_packet().expect("a segment is inspected");
            assert_eq!(
                (shown.index, shown.t_ms),
                (info.index, *t_ms),
                "event {seq}"
            );
            let again = crate::sim::net::segment_info(shown.index, &shown.bytes);
            assert_eq!(
                again.as_ref(),
                Some(info),
                "event {seq}: the packet is the event's"
            );
            // The pcap's clock is the sim's plus a fixed epoch: compare against the first frame.
            let (t0, first) = (segments[0].1, pcap_frame(&pcap, 0).map(|f| f.0));
            let frame = pcap_frame(&pcap, shown.index);
            assert_eq!(
                frame.map(|(t, bytes)| (t - first.unwrap_or(0), bytes)),
                Some((t_ms - t0, shown.bytes.to_vec())),
                "event {seq}: pcap frame {}",
                shown.index + 1
            );
        }
    }
}

/// Frame `index + 1` of a classic pcap file: (time in ms, packet bytes).
fn pcap_frame(pcap: &[u8], index: usize) -> Option<(u64, Vec<u8>)> {
    let word = |at: usize| -> Option<u32> {
        Some(u32::from_le_bytes(pcap.get(at..at + 4)?.try_into().ok()?))
    };
    let mut at = 24;
    for i in 0.. {
        let (secs, usecs, len) = (word(at)?, word(at + 4)?, word(at + 8)? as usize);
        let body = pcap.get(at + 16..at + 16 + len)?;
        if i == index {
            return Some((
                u64::from(secs) * 1000 + u64::from(usecs) / 1000,
                body.to_vec(),
            ));
        }
        at += 16 + len;
    }
    None
}
