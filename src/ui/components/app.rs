//! The root component and the explainer's layout: header, scenario bar, then the diagram
//! column beside the terminals and inspection tabs.

use yew::prelude::*;

use super::{
    AppHeader, DiagramPanel, Experiments, HandoutView, InfoPanel, LessonPanel, QuestionView,
    RevealView, ScenarioBar, ShortcutsDialog, TerminalPanel, TourBar, TourView,
};
use crate::anim::question::Answer;
use crate::anim::tour::{tour_for, Action as TourAction};
use crate::ui::hooks::{store, stored, use_animation_frames};
use crate::ui::host::post_score;
use crate::ui::keyboard::use_shortcuts;
use crate::ui::provider::{classroom_params, embedded, AppStateProvider, LARGE_TEXT_KEY};
use crate::ui::state::{Action, AppContext};

/// The root: provides the app state, then shows the explainer.
#[component]
pub fn App() -> Html {
    if let Some(scenario) = classroom_params().print {
        return html! { <HandoutView {scenario} /> };
    }
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
    let state = use_context::<AppContext>();
    let presenter = state.as_ref().is_some_and(|s| s.presenter);
    // rem-based sizes scale from <html>, so the text size and presenter switches live there.
    use_effect_with((*large, presenter), |&(on, presenter)| {
        if let Some(root) = gloo::utils::document().document_element() {
            let classes = [on.then_some("large-text"), presenter.then_some("presenter")];
            let names: Vec<&str> = classes.into_iter().flatten().collect();
            root.set_class_name(&names.join(" "));
        }
    });
    use_shortcuts(state.clone());
    // Every change of a task's state goes to the host page (a course page records the score).
    let progress_key = state.as_ref().and_then(|s| {
        let p = s.lesson.as_ref()?;
        Some((p.lesson.id.clone(), p.done().to_vec(), s.seed.to_string()))
    });
    {
        let lesson = state.as_ref().and_then(|s| s.lesson.clone());
        use_effect_with(progress_key, move |key| {
            if let (Some((_, _, seed)), Some(p)) = (key, lesson) {
                post_score(&p, seed);
            }
        });
    }
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
    let help = state.help_open.then(|| {
        html! { <ShortcutsDialog onclose={tour_action(Action::SetHelp(false))} /> }
    });
    let tour = state.tour.and_then(|t| {
        let step = t.current()?;
        Some(TourView {
            title: t.tour.title.into(),
            handout: Some(format!("?print={}", t.tour.scenario).into()),
            caption: step.caption.into(),
            progress: t.progress().into(),
            typed: match step.action {
                TourAction::Run { terminal, line } => Some(format!("{terminal} $ {line}").into()),
                _ => None,
            },
            first: t.is_first(),
            last: t.is_last(),
            question: t.question().map(|q| QuestionView {
                prompt: q.prompt.into(),
                options: match q.answer {
                    Answer::Choice(options) => {
                        options.iter().map(|(l, _)| AttrValue::from(*l)).collect()
                    }
                    Answer::Short { .. } => Vec::new(),
                },
            }),
            reveal: state.answer.as_ref().map(|a| RevealView {
                right: a.right,
                skipped: a.skipped,
                right_answer: a.right_answer.clone().into(),
                explanation: a.explanation.into(),
            }),
        })
    });
    let onanswer = {
        let s = state.clone();
        Callback::from(move |given| s.dispatch(Action::TourAnswer(given)))
    };
    let tour_bar = html! {
        <TourBar {tour} available={tour_for(state.scenario.id()).is_some()}
            onstart={tour_action(Action::TourStart)} onnext={tour_action(Action::TourNext)}
            onprev={tour_action(Action::TourPrev)} onend={tour_action(Action::TourEnd)} {onanswer} />
    };
    if state.presenter {
        // Only what the room reads: the tour, the diagram with its caption and controls, and
        // the one terminal in use.
        return html! {
            <div class={classes!("app", "is-presenter", state.tour.is_some().then_some("has-tour"))}>
                <div class="presenter-bar">
                    { tour_bar }
                </div>
                <main class="workspace">
                    <div class="left-column"><DiagramPanel /></div>
                    <div class="right-column"><TerminalPanel /></div>
                </main>
                { for help }
            </div>
        };
    }
    let touring = state.tour.is_some();
    html! {
        <div class="app">
            // One row on a wide screen: title, scenarios, tour, About and Large text (app.css).
            <div class="masthead">
                if !embedded() {
                    <AppHeader large_text={*large} {ontoggle_large} />
                }
                <div class="top-bar">
                    <ScenarioBar selected={state.scenario} {onselect} />
                    if !touring {
                        { tour_bar.clone() }
                    }
                </div>
            </div>
            if let Some(error) = state.load_error.clone() {
                <p class="load-error" role="alert">{ error }</p>
            }
            <main class="workspace">
                <div class="left-column">
                    <DiagramPanel />
                </div>
                <div class="right-column">
                    // A running tour's narration sits by the terminal it types into, so the
                    // diagram column keeps its height.
                    if touring {
                        { tour_bar }
                    }
                    <Experiments />
                    <LessonPanel />
                    <TerminalPanel />
                    <InfoPanel />
                </div>
            </main>
            { for help }
        </div>
    }
}
