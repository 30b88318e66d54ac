//! The lesson's task panel: the brief, a tick per task as it becomes true, done/total, Check
//! (the hint for what is still false), Reset.

use yew::prelude::*;

/// One task as the panel shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskView {
    /// The task's id (`data-testid="task-<id>"`).
    pub id: AttrValue,
    /// What to achieve.
    pub title: AttrValue,
    /// Whether it holds now.
    pub done: bool,
}

/// Props of [`TaskPanel`].
#[derive(Properties, PartialEq)]
pub struct TaskPanelProps {
    /// The lesson's title.
    pub title: AttrValue,
    /// The lesson's brief.
    pub brief: AttrValue,
    /// The tasks, in order.
    pub tasks: Vec<TaskView>,
    /// The hint from the last Check (`Some("")`: all done then); `None` before any Check.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Check pressed.
    pub oncheck: Callback<()>,
    /// Reset pressed: the lesson starts over on a fresh pod.
    pub onreset: Callback<()>,
    /// Close pressed: leave the lesson.
    pub onclose: Callback<()>,
}

/// The panel of a running lesson.
#[component]
pub fn TaskPanel(props: &TaskPanelProps) -> Html {
    let click = |cb: &Callback<()>| cb.reform(|_: MouseEvent| ());
    // A new hint shows at the top of the panel: scroll there so it is seen.
    let panel = use_node_ref();
    {
        let panel = panel.clone();
        use_effect_with(props.hint.clone(), move |_| {
            if let Some(el) = panel.cast::<web_sys::Element>() {
                el.set_scroll_top(0);
            }
        });
    }
    let done = props.tasks.iter().filter(|t| t.done).count();
    let total = props.tasks.len();
    let tasks = props.tasks.iter().map(|t| {
        let mark = if t.done { "✓" } else { "○" };
        html! {
            <li class={classes!("task", t.done.then_some("is-done"))} data-testid={format!("task-{}", t.id)}
                data-done={t.done.to_string()}>
                <span class="task-mark" aria-hidden="true">{ mark }</span>
                <span class="task-title">{ t.title.clone() }</span>
                <span class="visually-hidden">{ if t.done { " (done)" } else { " (not done yet)" } }</span>
            </li>
        }
    });
    let hint = props.hint.as_ref().map(|h| {
        let text = if h.is_empty() {
            AttrValue::from("Every task is done. Well done!")
        } else {
            h.clone()
        };
        html! { <p class="task-hint" data-testid="task-hint" role="status">{ text }</p> }
    });
    html! {
        <section ref={panel} class="panel task-panel" data-testid="task-panel" aria-labelledby="task-panel-title">
            <header class="task-panel-head">
                <h2 id="task-panel-title" class="task-panel-title">{ props.title.clone() }</h2>
                <span class="task-score" data-testid="task-score" aria-live="polite">
                    { format!("{done}/{total} done") }
                </span>
                <button type="button" class="task-close" aria-label="Leave the lesson"
                    onclick={click(&props.onclose)}>{ "✕" }</button>
            </header>
            { for hint }
            <p class="task-brief">{ props.brief.clone() }</p>
            <ol class="task-list">{ for tasks }</ol>
            <div class="task-buttons">
                <button type="button" class="task-check" data-testid="task-check"
                    onclick={click(&props.oncheck)}>{ "Check" }</button>
                <button type="button" data-testid="task-reset"
                    title="Start the lesson over on a fresh pod"
                    onclick={click(&props.onreset)}>{ "Reset" }</button>
            </div>
        </section>
    }
}
