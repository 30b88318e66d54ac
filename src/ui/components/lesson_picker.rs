//! The top bar's lesson menu: open one of the built-in self-checking lessons.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::{t, Msg};

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
            <span class="lesson-picker-label">{ t(Msg::LessonPickerLabel) }</span>
            <select data-testid="lesson-select" {onchange}
                title={t(Msg::LessonPickerTitle)}>
                <option value="" selected={props.open.is_none()} disabled=true>{ t(Msg::LessonPickerPick) }</option>
                { for options }
            </select>
        </label>
    }
}
