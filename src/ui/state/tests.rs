//! The reducer, driven natively as the App drives it.

use super::*;

fn run(s: Rc<AppState>, terminal: &str, line: &str) -> Rc<AppState> {
    s.reduce(Action::RunLine {
        terminal: terminal.into(),
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
    assert_eq!(s.terminals["kubectl"].entries.len(), 1);
    assert_eq!(s.open_terminal, "debian-container");
    let s = s.reduce(Action::SelectScenario(ScenarioId::Localhost));
    assert!(s.terminals["kubectl"].entries.is_empty());
}

#[test]
fn bad_manifest_is_reported_and_keeps_the_pod() {
    let s = Rc::new(AppState::new(ScenarioId::SharedVolume));
    let s = s.reduce(Action::ApplyManifest("kind: Pod\nmetadata: [".into()));
    assert!(!s.manifest_errors.is_empty());
    assert!(s.cluster.borrow().pod.is_some());
    let s = s.reduce(Action::WhatIf(WhatIf::DeletePod));
    assert!(s.cluster.borrow().pod.is_none());
    let s = s.reduce(Action::ApplyManifest(
        ScenarioId::Localhost.manifest().into(),
    ));
    assert!(s.manifest_errors.is_empty());
    assert!(s.cluster.borrow().pod.is_some());
}

#[test]
fn tour_runs_its_steps_in_order() {
    let s = Rc::new(AppState::new(ScenarioId::SharedVolume)).reduce(Action::TourStart);
    assert_eq!(s.tour.map(|t| t.step), Some(0));
    assert_eq!(s.terminals["nginx-container"].entries.len(), 1);
    let s = s.reduce(Action::TourNext).reduce(Action::TourNext);
    assert_eq!(s.tour.map(|t| t.step), Some(2));
    let nginx = &s.terminals["nginx-container"];
    assert!(nginx.entries.last().unwrap().output.contains("index.html"));
    assert!(s.reduce(Action::TourEnd).tour.is_none());
}
