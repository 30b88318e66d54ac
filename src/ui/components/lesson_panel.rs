//! The open lesson's task panel, wired to the app state: ticks from the core's checks, Check,
//! Reset, and the list of lessons the top bar offers.

use yew::prelude::*;

use super::{ConfirmDialog, LessonPicker, TaskPanel, TaskView};
use crate::sim::lesson::{self, Progress};
use crate::ui::focus::use_keep_focus;
use crate::ui::state::{label, reset_question, Action, AppContext};

/// `(id, title)` of every built-in lesson (no lesson file is parsed to list them).
fn lesson_titles() -> Vec<(AttrValue, AttrValue)> {
    lesson::SOURCES
        .iter()
        .map(|s| (AttrValue::from(s.id), AttrValue::from(s.title)))
        .collect()
}

/// The task panel of the open lesson, if one is open.
#[component]
pub fn LessonPanel() -> Html {
    let asking = use_state(|| false);
    let Some(state) = use_context::<AppContext>() else {
        return html! {};
    };
    // Opening a lesson replaces the picker with the panel, leaving it puts the picker back:
    // the keyboard focus goes along instead of falling to the page's top.
    let open = state.lesson.is_some();
    use_keep_focus(
        open,
        if open {
            "[data-testid=\"task-check\"]"
        } else {
            "[data-testid=\"lesson-select\"]"
        },
    );
    let Some(progress) = state.lesson.as_deref() else {
        let onopen = {
            let s = state.clone();
            Callback::from(move |id: String| s.dispatch(Action::OpenLesson(id)))
        };
        return html! { <LessonPicker lessons={lesson_titles()} {onopen} /> };
    };
    let action = |a: Action| {
        let s = state.clone();
        Callback::from(move |()| s.dispatch(a.clone()))
    };
    // Reset discards what was typed: it asks first (and Undo can bring it back).
    let reset = action(Action::ResetLesson);
    let onreset = {
        let (asking, reset, work) = (asking.clone(), reset.clone(), state.worth_keeping());
        Callback::from(move |()| {
            if work {
                asking.set(true)
            } else {
                reset.emit(())
            }
        })
    };
    let dialog = (*asking).then(|| {
        let (yes, no) = (asking.clone(), asking.clone());
        let reset = reset.clone();
        html! {
            <ConfirmDialog title={label::LESSON_RESET_TITLE} question={reset_question(&state.to_saved())}
                confirm={label::RESET} onconfirm={Callback::from(move |()| { yes.set(false); reset.emit(()) })}
                oncancel={Callback::from(move |()| no.set(false))} />
        }
    });
    html! {
        <>
            <TaskPanel title={progress.lesson.title.clone()} brief={progress.lesson.brief.clone()}
                tasks={task_views(progress)} hint={state.checked_hint.clone().map(AttrValue::from)}
                oncheck={action(Action::CheckLesson)} {onreset}
                onclose={action(Action::CloseLesson)} />
            { for dialog }
        </>
    }
}

/// The tasks as the panel shows them.
fn task_views(progress: &Progress) -> Vec<TaskView> {
    progress
        .lesson
        .tasks
        .iter()
        .zip(progress.done())
        .map(|(t, &done)| TaskView {
            id: t.id.clone().into(),
            title: t.title.clone().into(),
            done,
        })
        .collect()
}
