//! Never losing work, driven natively: what is saved, what a page load restores, what is set
//! aside, and Undo after every action that replaces the pod.

use std::rc::Rc;

use yew::Reducible;

use super::*;
use crate::sim::cluster::Terminal;
use crate::ui::state::ClassroomParams;

const DEBIAN: &str = "debian-container";

fn typed(s: Rc<AppState>, line: &str) -> Rc<AppState> {
    s.reduce(Action::RunLine {
        terminal: Terminal::container(DEBIAN),
        line: line.into(),
    })
}

/// A shared-volume session with two commands, paused at step 5.
fn worked() -> Rc<AppState> {
    let s = Rc::new(AppState::new(ScenarioId::SharedVolume));
    let s = typed(s, "echo saved > /pod-data/index.html");
    let s = typed(s, "cat /pod-data/index.html");
    s.reduce(Action::Seek(5)).reduce(Action::Pause)
}

fn saved(state: &AppState) -> SavedAtStart {
    SavedAtStart {
        session: Some(state.to_saved().to_fragment()),
        ..SavedAtStart::default()
    }
}

fn boot(search: &[(&str, &str)], hash: &str, saved: &SavedAtStart) -> Booted {
    AppState::boot(PageParams::parse(search.iter().copied()), hash, None, saved)
}

fn same_screen(a: &AppState, b: &AppState) {
    assert_eq!(a.terminals, b.terminals);
    assert_eq!(
        a.cluster.borrow().trace().events(),
        b.cluster.borrow().trace().events()
    );
    assert_eq!(a.playback.position, b.playback.position);
    assert_eq!(a.manifest_text, b.manifest_text);
}

#[test]
fn a_page_with_nothing_in_its_address_restores_the_saved_session() {
    let before = worked();
    let booted = boot(&[], "", &saved(&before));
    assert_eq!(booted.set_aside, None);
    assert_eq!(booted.state.notice, None);
    same_screen(&booted.state, &before);
    assert!(!booted.state.playback.playing);
}

#[test]
fn a_draft_in_the_editor_is_saved_and_restored_but_never_put_in_a_link() {
    let s = Rc::new(AppState::new(ScenarioId::Localhost)).reduce(Action::EditManifest(
        "apiVersion: v1\nkind: Pod\n# half done\n".into(),
    ));
    assert!(s.worth_keeping());
    assert_eq!(
        s.to_saved().draft.as_deref(),
        Some(s.manifest_text.as_str())
    );
    assert_eq!(s.to_session().draft, None);
    let back = boot(&[], "", &saved(&s)).state;
    assert_eq!(back.scenario, ScenarioId::Localhost);
    assert_eq!(back.manifest_text, s.manifest_text);
    // A reload: the address (no draft) and the saved copy (with it) are one session.
    let reload = boot(&[("scenario", "localhost")], "", &saved(&s)).state;
    assert_eq!(reload.manifest_text, s.manifest_text);
    assert_eq!(reload.kept, None);
}

#[test]
fn an_applied_custom_manifest_survives_a_reload() {
    let manifest = crate::sim::scenario::by_id("localhost")
        .map(|s| s.manifest.replace("debian-container", "client"))
        .unwrap_or_default();
    let s = Rc::new(AppState::new(ScenarioId::SharedVolume))
        .reduce(Action::ApplyManifest(manifest.clone()));
    assert_eq!(s.scenario, ScenarioId::Custom);
    assert_eq!(s.to_saved().draft, None);
    let back = boot(&[], "", &saved(&s)).state;
    assert_eq!(back.scenario, ScenarioId::Custom);
    assert_eq!(back.manifest_text, manifest);
    assert!(back.terminals.contains_key(&Terminal::container("client")));
}

#[test]
fn while_new_events_play_the_saved_position_is_where_playback_goes() {
    let s = typed(Rc::new(AppState::new(ScenarioId::SharedVolume)), "ls /");
    assert!(s.playback.playing);
    assert_eq!(s.to_saved().position, s.len());
    assert!(s.to_session().position < s.len());
}

#[test]
fn a_link_wins_over_the_saved_session_which_stays_one_undo_away() {
    let mine = worked();
    let theirs = typed(
        Rc::new(AppState::new(ScenarioId::Localhost)),
        "curl -s localhost",
    );
    let link = format!("#{}", theirs.to_session().to_fragment());
    let booted = boot(&[("scenario", "localhost")], &link, &saved(&mine));
    let s = Rc::new(booted.state);
    assert_eq!(s.scenario, ScenarioId::Localhost);
    let kept = s.kept.clone().expect("the saved session is kept");
    assert_eq!(kept.why, Displaced::Link);
    assert_eq!(
        kept.message(),
        "This link opened instead of the session you had saved. Your session \
         (Shared volume, 2 commands) is kept."
    );
    let s = s.reduce(Action::Undo);
    same_screen(&s, &mine);
    assert_eq!(s.kept.as_ref().map(|k| k.why), Some(Displaced::Undone));
}

#[test]
fn a_reload_reopens_its_address_without_offering_anything() {
    let mine = worked();
    let address = format!("#{}", mine.to_session().to_fragment());
    let booted = boot(&[("scenario", "shared-volume")], &address, &saved(&mine));
    assert_eq!(booted.state.kept, None);
    same_screen(&booted.state, &mine);
}

#[test]
fn a_damaged_saved_copy_is_set_aside_and_the_default_scenario_opens() {
    let whole = worked().to_saved().to_fragment();
    let cases = [
        (whole[..whole.len() / 2].to_string(), "it is cut short"),
        (
            whole.replacen("v1.", "v2.", 1),
            "it was saved by a newer podscope",
        ),
        ("v1.!!!not base64".to_string(), "it is damaged"),
        ("{\"scenario\":\"localhost\"}".to_string(), "it is damaged"),
    ];
    for (raw, why) in cases {
        let stored = SavedAtStart {
            session: Some(raw.clone()),
            ..SavedAtStart::default()
        };
        let booted = AppState::boot(PageParams::default(), "", Some("localhost"), &stored);
        assert_eq!(booted.set_aside.as_deref(), Some(raw.as_str()));
        assert_eq!(booted.state.scenario, ScenarioId::SharedVolume);
        assert!(booted.state.session.inputs.is_empty());
        let notice = booted.state.notice.unwrap_or_default();
        assert!(
            notice.starts_with(&format!("Your saved session could not be restored: {why}")),
            "{notice}"
        );
        assert!(
            notice.contains("podscope.session.set-aside") && notice.ends_with("scenario opened."),
            "{notice}"
        );
    }
}

#[test]
fn storage_that_refuses_is_said_in_the_notice() {
    let stored = SavedAtStart {
        problem: Some(StorageProblem::Blocked),
        ..SavedAtStart::default()
    };
    let s = boot(&[], "", &stored).state;
    assert_eq!(s.notice.as_deref(), Some(StorageProblem::Blocked.message()));
    let s = Rc::new(s).reduce(Action::Notify(StorageProblem::Full.message().into()));
    let notice = s.notice.clone().unwrap_or_default();
    assert!(
        notice.ends_with("Share makes a link that keeps it."),
        "{notice}"
    );
    // The same sentence twice is said once.
    let again = s.reduce(Action::Notify(StorageProblem::Full.message().into()));
    assert_eq!(again.notice.as_deref(), Some(notice.as_str()));
}

#[test]
fn every_action_that_replaces_the_pod_keeps_the_previous_session_one_undo_away() {
    let what_if = &crate::anim::tour::WHAT_IFS[0];
    let actions = [
        (
            Action::SelectScenario(ScenarioId::Localhost),
            Displaced::Scenario,
        ),
        (
            Action::SelectScenario(ScenarioId::SharedVolume),
            Displaced::Scenario,
        ),
        (Action::WhatIf(what_if), Displaced::WhatIf),
        (Action::TourStart, Displaced::Tour),
        (
            Action::OpenLesson("shared-volume".into()),
            Displaced::Lesson,
        ),
        (Action::ResetSession, Displaced::Reset),
        (
            Action::ApplyManifest(ScenarioId::Localhost.manifest().into()),
            Displaced::Apply,
        ),
    ];
    for (action, why) in actions {
        // The cluster is shared between a state and the next: compare with a twin.
        let (before, twin) = (worked(), worked());
        let after = before.reduce(action.clone());
        assert_eq!(after.kept.as_ref().map(|k| k.why), Some(why), "{action:?}");
        let had_work = after.worth_keeping();
        let back = after.reduce(Action::Undo);
        same_screen(&back, &twin);
        // Undo puts what it replaced aside in turn (when it holds work): nothing is ever one
        // click from lost.
        let undone = back.kept.as_ref().map(|k| k.why);
        assert_eq!(undone, had_work.then_some(Displaced::Undone), "{action:?}");
    }
}

#[test]
fn a_fresh_pod_replaced_keeps_nothing_and_an_earlier_session_stays_kept() {
    let s = Rc::new(AppState::new(ScenarioId::SharedVolume));
    assert!(!s.worth_keeping());
    let s = s.reduce(Action::SelectScenario(ScenarioId::Localhost));
    assert_eq!(s.kept, None);
    let s = worked().reduce(Action::SelectScenario(ScenarioId::Localhost));
    let s = s.reduce(Action::SelectScenario(ScenarioId::DocsOriginal));
    assert_eq!(s.kept.as_ref().map(|k| k.session.commands()), Some(2));
    assert_eq!(s.reduce(Action::DismissKept).kept, None);
}

#[test]
fn reset_starts_the_same_pod_over_with_nothing_typed() {
    let s = worked().reduce(Action::ResetSession);
    assert_eq!(s.scenario, ScenarioId::SharedVolume);
    assert!(s.session.inputs.is_empty());
    assert_eq!(s.len(), AppState::new(ScenarioId::SharedVolume).len());
    assert_eq!(
        reset_question(&worked().to_saved()),
        "Your session (Shared volume, 2 commands) is discarded and the pod starts over. Undo \
         can still bring it back."
    );
}

#[test]
fn the_session_kept_on_an_earlier_visit_is_offered_again() {
    let kept = worked().to_saved().to_fragment();
    let stored = SavedAtStart {
        kept: Some(kept),
        ..SavedAtStart::default()
    };
    let s = boot(&[], "", &stored).state;
    let message = s.kept.as_ref().map(|k| k.message()).unwrap_or_default();
    assert_eq!(
        message,
        "Your earlier session (Shared volume, 2 commands) is still kept."
    );
}

#[test]
fn reloading_a_lesson_page_keeps_the_work_done_in_it() {
    let lesson = ClassroomParams {
        lesson: Some("shared-volume".into()),
        ..ClassroomParams::default()
    };
    let s = Rc::new(AppState::new(ScenarioId::SharedVolume))
        .reduce(Action::OpenLesson("shared-volume".into()));
    let s = typed(s, "echo hi > /pod-data/index.html");
    let booted = boot(&[], "", &saved(&s));
    let back = booted.state.with_classroom(&lesson);
    assert_eq!(back.terminals, s.terminals);
    assert!(back.lesson.is_some());
    assert_eq!(back.kept, None);
}

#[test]
fn past_the_input_limit_the_notice_says_what_is_no_longer_kept() {
    let mut s = Rc::new(AppState::new(ScenarioId::SharedVolume));
    for _ in 0..crate::sim::session::MAX_INPUTS {
        s = s.reduce(Action::Clear(Terminal::container(DEBIAN)));
    }
    assert_eq!(s.notice, None);
    let s = typed(s, "echo one too many");
    assert_eq!(s.notice.as_deref(), Some(super::TOO_LONG));
}

#[test]
fn a_tours_back_keeps_what_was_typed_besides_the_tour() {
    let s = Rc::new(AppState::new(ScenarioId::SharedVolume)).reduce(Action::TourStart);
    let s = s.reduce(Action::TourNext).reduce(Action::TourNext);
    let back = s.clone().reduce(Action::TourPrev);
    assert_eq!(
        back.kept, None,
        "only the tour's own steps: nothing to keep"
    );
    let typed = typed(back, "echo my own line");
    let back = typed.reduce(Action::TourPrev);
    let kept = back.kept.clone().expect("the typed line is kept");
    assert_eq!(kept.why, Displaced::Tour);
    assert!(kept
        .session
        .inputs
        .iter()
        .any(|r| matches!(&r.input, Input::Line { line, .. } if line == "echo my own line")));
}
