//! The root component and the explainer's layout: header, scenario bar, then the diagram
//! column beside the terminals and inspection tabs.

use yew::prelude::*;

use super::{
    AppHeader, DiagramPanel, EmbedBar, EmbedDialog, Experiments, HandoutView, InfoPanel,
    KeptNotice, LessonPanel, QuestionView, ResetSession, RevealView, ScenarioBar, SharePanel,
    ShortcutsDialog, SkipLink, TerminalPanel, TourBar, TourView,
};
use crate::anim::question::Answer;
use crate::anim::tour::{tour_for, Action as TourAction};
use crate::ui::focus::use_keep_focus;
use crate::ui::hooks::{media_matches, store, stored, use_animation_frames};
use crate::ui::host::post_score;
use crate::ui::keyboard::use_shortcuts;
use crate::ui::on_screen::{use_autoplay, use_on_screen};
use crate::ui::params::View;
use crate::ui::provider::{
    classroom_params, embedded, url_param, AppStateProvider, LARGE_TEXT_KEY,
};
use crate::ui::scenarios::ScenarioId;
use crate::ui::state::{Action, AppContext};
use crate::ui::theme::{Theme, THEME_KEY};

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
    // Embeds never touch storage: only the full app remembers the reader's theme.
    let theme = use_state(|| {
        let saved = (!embedded()).then(|| stored(THEME_KEY)).flatten();
        Theme::initial(url_param("theme").as_deref(), saved.as_deref())
    });
    use_effect_with(*theme, |t| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = match t.attribute() {
                Some(value) => root.set_attribute("data-theme", value),
                None => root.remove_attribute("data-theme"),
            };
        }
    });
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
    // Presenter mode redraws the page: its switch keeps the focus.
    use_keep_focus(presenter, "[data-testid=\"presenter\"]");
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
    // With reduced motion nothing flies: in live mode what playback would animate appears at
    // once (paused, stepping and seeking stay the user's).
    let reduced = *use_memo((), |_| media_matches("(prefers-reduced-motion: reduce)"));
    let ontick = {
        let s = state.clone();
        Callback::from(move |dt| {
            if let Some(s) = &s {
                s.dispatch(Action::Tick(dt));
                if reduced && s.live {
                    s.dispatch(Action::JumpToNow);
                }
            }
        })
    };
    // Nothing moves while nobody can see it (a hidden tab, an embed scrolled away).
    let on_screen = use_on_screen();
    use_animation_frames(active && on_screen, frame, ontick);
    use_autoplay(state.clone(), on_screen && !reduced);
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
    let ontoggle_theme = {
        let theme = theme.clone();
        Callback::from(move |()| {
            let next = theme.next();
            if !embedded() {
                store(THEME_KEY, next.id());
            }
            theme.set(next);
        })
    };
    let onselect = {
        let s = state.clone();
        Callback::from(move |id| {
            if id == ScenarioId::Custom {
                // A custom manifest is edited and applied: have the YAML parser ready.
                crate::ui::yaml::ensure_loaded(|| ());
            }
            s.dispatch(Action::SelectScenario(id))
        })
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
                <SkipLink />
                <div class="presenter-bar">
                    { tour_bar }
                </div>
                <main class="workspace">
                    <h1 class="visually-hidden">{ "podscope" }</h1>
                    <div class="left-column"><DiagramPanel /></div>
                    <div class="right-column"><TerminalPanel /></div>
                </main>
                { for help }
            </div>
        };
    }
    let touring = state.tour.is_some();
    let notice = state.notice.clone().map(|text| {
        let s = state.clone();
        let ondismiss = Callback::from(move |_: MouseEvent| s.dispatch(Action::DismissNotice));
        html! {
            <p class="link-notice" role="alert" data-testid="link-notice">
                <span>{ text }</span>
                <button type="button" aria-label="Dismiss" onclick={ondismiss}>{ "×" }</button>
            </p>
        }
    });
    let embed = state.params.embed || embedded();
    let view = if embed {
        state.params.view
    } else {
        View::Split
    };
    html! {
        <div class={classes!("app", embed.then_some("is-embed"), format!("view-{}", view_name(view)))}>
            if view != View::Diagram {
                <SkipLink />
            }
            if embed {
                <EmbedBar />
            } else {
                // One row on a wide screen: title, scenarios, tour, About and Large text (app.css).
                <div class="masthead">
                    <AppHeader large_text={*large} {ontoggle_large} theme={*theme} {ontoggle_theme} />
                    <div class="top-bar">
                        <ScenarioBar selected={state.scenario} {onselect} />
                        if !touring {
                            { tour_bar.clone() }
                        }
                        <SharePanel />
                        <EmbedDialog />
                        <ResetSession />
                    </div>
                    <KeptNotice />
                </div>
            }
            { for notice }
            if let Some(error) = state.load_error.clone() {
                <p class="load-error" role="alert">{ error }</p>
            }
            <main class="workspace">
                if view != View::Terminal {
                    <div class="left-column">
                        <DiagramPanel />
                    </div>
                }
                if view != View::Diagram {
                    <div class="right-column">
                        // A running tour's narration sits by the terminal it types into, so the
                        // diagram column keeps its height.
                        if touring {
                            { tour_bar }
                        }
                        if !embed {
                            <Experiments />
                            <LessonPanel />
                        }
                        <TerminalPanel />
                        if !embed {
                            <InfoPanel />
                        }
                    </div>
                }
            </main>
            { for help }
        </div>
    }
}

/// The class suffix of a view.
fn view_name(view: View) -> &'static str {
    match view {
        View::Split => "split",
        View::Diagram => "diagram",
        View::Terminal => "terminal",
    }
}
