//! A row of tabs (WAI-ARIA tablist): the terminals, and the Events / Packet / Browser /
//! Manifest panels.

use yew::prelude::*;

/// Props of [`TabList`].
#[derive(Properties, PartialEq)]
pub struct TabListProps {
    /// What the tabs choose between, for screen readers.
    pub label: AttrValue,
    /// (id, label) of each tab, in order.
    pub tabs: Vec<(String, String)>,
    /// The id of the selected tab.
    pub selected: AttrValue,
    /// Called with the id of the tab clicked.
    pub onselect: Callback<String>,
}

/// Buttons with `role="tab"`; the panel with id `panel-<id>` belongs to each.
#[component]
pub fn TabList(props: &TabListProps) -> Html {
    let tabs = props.tabs.iter().map(|(id, label)| {
        let selected = props.selected.as_str() == id;
        let pick = id.clone();
        html! {
            <button type="button" role="tab" class={classes!("tab", selected.then_some("is-selected"))}
                id={format!("tab-{id}")} aria-selected={selected.to_string()} aria-controls={format!("panel-{id}")}
                data-testid={format!("tab-{id}")}
                onclick={props.onselect.reform(move |_: MouseEvent| pick.clone())}>
                { label.clone() }
            </button>
        }
    });
    html! {
        <div class="tab-list" role="tablist" aria-label={props.label.clone()}>{ for tabs }</div>
    }
}
