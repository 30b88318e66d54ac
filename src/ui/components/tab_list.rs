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

/// Buttons with `role="tab"`; the panel with id `panel-<id>` belongs to each. As WAI-ARIA's
/// tabs pattern has it, the row is one Tab stop (the selected tab) and ←/→, Home/End select
/// and focus a neighbour.
#[component]
pub fn TabList(props: &TabListProps) -> Html {
    let onkeydown = {
        let (ids, selected, onselect) = (
            props
                .tabs
                .iter()
                .map(|(id, _)| id.clone())
                .collect::<Vec<_>>(),
            props.selected.clone(),
            props.onselect.clone(),
        );
        Callback::from(move |e: KeyboardEvent| {
            let at = ids
                .iter()
                .position(|id| *id == selected.as_str())
                .unwrap_or(0);
            let Some(last) = ids.len().checked_sub(1) else {
                return;
            };
            let to = match e.key().as_str() {
                "ArrowRight" => {
                    if at == last {
                        0
                    } else {
                        at + 1
                    }
                }
                "ArrowLeft" => at.checked_sub(1).unwrap_or(last),
                "Home" => 0,
                "End" => last,
                _ => return,
            };
            e.prevent_default();
            if let Some(id) = ids.get(to) {
                onselect.emit(id.clone());
                focus_tab(id);
            }
        })
    };
    let tabs = props.tabs.iter().map(|(id, label)| {
        let selected = props.selected.as_str() == id;
        let pick = id.clone();
        html! {
            <button type="button" role="tab" class={classes!("tab", selected.then_some("is-selected"))}
                id={format!("tab-{id}")} aria-selected={selected.to_string()} aria-controls={format!("panel-{id}")}
                data-testid={format!("tab-{id}")} tabindex={if selected { "0" } else { "-1" }}
                onclick={props.onselect.reform(move |_: MouseEvent| pick.clone())}>
                { label.clone() }
            </button>
        }
    });
    html! {
        <div class="tab-list" role="tablist" aria-label={props.label.clone()} {onkeydown}>{ for tabs }</div>
    }
}

/// Moves the keyboard focus to the tab of `id`.
fn focus_tab(id: &str) {
    use wasm_bindgen::JsCast;
    let tab = gloo::utils::document()
        .get_element_by_id(&format!("tab-{id}"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(tab) = tab {
        let _ = tab.focus();
    }
}
