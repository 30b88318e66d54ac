//! The open lesson's task panel, wired to the app state: ticks from the core's checks, Check,
//! Reset, and the list of lessons the top bar offers.

use yew::prelude::*;

use super::{LessonPicker, TaskPanel, TaskView};
use crate::sim::lesson::{self, Progress};
use crate::ui::state::{Action, AppContext};

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
    let Some(state) = use_context::<AppContext>() else {
        return html! {};
    };
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
    html! {
        <TaskPanel title={progress.lesson.title.clone()} brief={progress.lesson.brief.clone()}
            tasks={task_views(progress)} hint={state.checked_hint.clone().map(AttrValue::from)}
            oncheck={action(Action::CheckLesson)} onreset={action(Action::ResetLesson)}
            onclose={action(Action::CloseLesson)} />
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
