//! The root component and the explainer's layout: header, scenario bar, then the diagram
//! column beside the terminals and inspection tabs.

use yew::prelude::*;

use super::{AppHeader, DiagramPanel, InfoPanel, ScenarioBar, TerminalPanel, TourBar, TourView};
use crate::anim::tour::{tour_for, Action as TourAction};
use crate::ui::hooks::{store, stored, use_animation_frames};
use crate::ui::provider::{embedded, AppStateProvider, LARGE_TEXT_KEY};
use crate::ui::state::{Action, AppContext};
use crate::ui::timeline::{shortcut, ControlAction};

/// The root: provides the app state, then shows the explainer.
#[component]
pub fn App() -> Html {
    html! {
        <AppStateProvider>
            <Explainer />
        </AppStateProvider>
    }
}

/// The whole screen, wired to the app state in context; owns the animation clock.
#[component]
pub fn Explainer() -> Html {
    let large = use_state(|| stored(LARGE_TEXT_KEY).as_deref() == Some("on"));
    // rem-based sizes scale from <html>, so the projector switch lives there.
    use_effect_with(*large, |&on| {
        if let Some(root) = gloo::utils::document().document_element() {
            root.set_class_name(if on { "large-text" } else { "" });
        }
    });
    let state = use_context::<AppContext>();
    let (active, frame) = state.as_ref().map_or((false, 0), |s| {
        let cluster = s.cluster.borrow();
        let busy = cluster.has_scheduled() || cluster.has_running_lines();
        (s.playback.playing || busy, s.frame)
    });
    let ontick = {
        let s = state.clone();
        Callback::from(move |dt| {
            if let Some(s) = &s {
                s.dispatch(Action::Tick(dt))
            }
        })
    };
    use_animation_frames(active, frame, ontick);
    let Some(state) = state else {
        return html! { <p role="alert">{ "podscope: the explainer needs an AppStateProvider." }</p> };
    };
    let ontoggle_large = {
        let large = large.clone();
        Callback::from(move |()| {
            store(LARGE_TEXT_KEY, if *large { "off" } else { "on" });
            large.set(!*large);
        })
    };
    let onselect = {
        let s = state.clone();
        Callback::from(move |id| s.dispatch(Action::SelectScenario(id)))
    };
    let tour_action = |a: Action| {
        let s = state.clone();
        Callback::from(move |()| s.dispatch(a.clone()))
    };
    // Keyboard shortcuts for the diagram column (space, arrows), never while typing.
    let onkeydown = {
        let s = state.clone();
        Callback::from(move |e: KeyboardEvent| {
            let action = match shortcut(&e.key()) {
                Some(ControlAction::PlayPause) if s.playback.playing => Action::Pause,
                Some(ControlAction::PlayPause) => Action::Play,
                Some(ControlAction::StepForward) => Action::StepForward,
                Some(ControlAction::StepBack) => Action::StepBack,
                Some(ControlAction::Reset) => Action::Reset,
                None => return,
            };
            e.prevent_default();
            s.dispatch(action);
        })
    };
    let tour = state.tour.and_then(|t| {
        let step = t.current()?;
        Some(TourView {
            title: t.tour.title.into(),
            caption: step.caption.into(),
            progress: t.progress().into(),
            typed: match step.action {
                TourAction::Run { terminal, line } => Some(format!("{terminal} $ {line}").into()),
                _ => None,
            },
            first: t.is_first(),
            last: t.is_last(),
        })
    });
    html! {
        <div class="app">
            // One row on a wide screen: title, scenarios, tour, About and Large text (app.css).
            <div class="masthead">
                if !embedded() {
                    <AppHeader large_text={*large} {ontoggle_large} />
                }
                <div class="top-bar">
                    <ScenarioBar selected={state.scenario} {onselect} />
                    <TourBar {tour} available={tour_for(state.scenario.id()).is_some()}
                        onstart={tour_action(Action::TourStart)} onnext={tour_action(Action::TourNext)}
                        onprev={tour_action(Action::TourPrev)} onend={tour_action(Action::TourEnd)} />
                </div>
            </div>
            if let Some(error) = state.load_error.clone() {
                <p class="load-error" role="alert">{ error }</p>
            }
            <main class="workspace">
                <div class="left-column" {onkeydown}>
                    <DiagramPanel />
                </div>
                <div class="right-column">
                    <TerminalPanel />
                    <InfoPanel />
                </div>
            </main>
        </div>
    }
}
