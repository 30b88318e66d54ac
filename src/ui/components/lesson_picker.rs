//! The top bar's lesson menu: open one of the built-in self-checking lessons.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Props of [`LessonPicker`].
#[derive(Properties, PartialEq)]
pub struct LessonPickerProps {
    /// `(id, title)` of every lesson offered.
    pub lessons: Vec<(AttrValue, AttrValue)>,
    /// The lesson open now, if any.
    #[prop_or_default]
    pub open: Option<AttrValue>,
    /// A lesson was picked (by id).
    pub onopen: Callback<String>,
}

/// A select listing the lessons; picking one opens it on a fresh pod.
#[component]
pub fn LessonPicker(props: &LessonPickerProps) -> Html {
    let onchange = props
        .onopen
        .reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value());
    let options = props.lessons.iter().map(|(id, title)| {
        let selected = props.open.as_ref() == Some(id);
        html! { <option value={id.clone()} {selected}>{ title.clone() }</option> }
    });
    html! {
        <label class="lesson-picker">
            <span class="lesson-picker-label">{ "Self-checking tasks:" }</span>
            <select data-testid="lesson-select" {onchange}
                title="Self-checking tasks: the pod is checked after every event">
                <option value="" selected={props.open.is_none()} disabled=true>{ "Pick a lesson…" }</option>
                { for options }
            </select>
        </label>
    }
}
