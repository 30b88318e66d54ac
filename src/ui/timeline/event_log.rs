//! The event list: one entry per trace event, filter chips on top, the current event kept in
//! view; entries not yet reached by the playback are drawn greyed.

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::i18n::{t, tf, Msg};

use super::filters::Filters;
use super::rows::{time_text, EventRow};
use super::window::{row_window, WINDOW_ROWS};

/// Props of [`EventLog`].
#[derive(Properties, PartialEq)]
pub struct EventLogProps {
    /// Every event of the trace, in order.
    pub events: Rc<Vec<EventRow>>,
    /// How many events the playback has shown; the event `position - 1` is the current one.
    pub position: usize,
    /// The event opened in the inspector, if any (by `seq`).
    pub selected: Option<usize>,
    /// Which categories are listed.
    pub filters: Filters,
    /// Called with an entry's `seq` when it is clicked (jump there).
    pub onselect: Callback<usize>,
    /// Called with the new filters when a chip is toggled.
    pub onfilter: Callback<Filters>,
    /// Older events compacted away (only those that set lasting state were kept).
    #[prop_or_default]
    pub dropped: usize,
}

/// Keeps `item` visible inside the scrolling `list` without scrolling the page around it.
fn keep_in_view(list: &NodeRef, item: &NodeRef) {
    let (Some(list), Some(item)) = (list.cast::<HtmlElement>(), item.cast::<HtmlElement>()) else {
        return;
    };
    let top = item.offset_top();
    let bottom = top + item.offset_height();
    if top < list.scroll_top() {
        list.set_scroll_top(top);
    } else if bottom > list.scroll_top() + list.client_height() {
        list.set_scroll_top(bottom - list.client_height());
    }
}

/// The filterable, clickable list of events.
#[component]
pub fn EventLog(props: &EventLogProps) -> Html {
    let list_ref = use_node_ref();
    let current_ref = use_node_ref();
    let window = use_memo(
        (props.events.clone(), props.filters, props.position),
        |(events, filters, position)| row_window(events, *filters, *position, WINDOW_ROWS),
    );
    {
        let (list_ref, current_ref) = (list_ref.clone(), current_ref.clone());
        use_effect_with(
            (props.position, props.filters, props.events.len()),
            move |_| keep_in_view(&list_ref, &current_ref),
        );
    }

    let chips = Filters::CHIPS.iter().map(|&(kind, name)| {
        let on = props.filters.shows(kind);
        let filters = props.filters;
        let onclick = props
            .onfilter
            .reform(move |_: MouseEvent| filters.toggled(kind));
        html! {
            <button type="button" class={classes!("filter-chip", format!("kind-{kind}"))}
                aria-pressed={on.to_string()} data-kind={kind} {onclick}>
                { t(name) }
            </button>
        }
    });

    let current = props.position.checked_sub(1).map(|p| p as u64);
    // The list's one Tab stop: the entry opened, else the current one, else the first drawn.
    let rows = || window.rows.iter().filter_map(|&i| props.events.get(i));
    let tab_stop = props
        .selected
        .map(|s| s as u64)
        .filter(|s| rows().any(|r| r.seq == *s))
        .or(current.filter(|c| rows().any(|r| r.seq == *c)))
        .or_else(|| rows().next().map(|r| r.seq));
    let entries = window.rows.iter().filter_map(|&i| props.events.get(i)).map(|row| {
        let seq = row.seq;
        let is_current = Some(seq) == current;
        let is_future = seq >= props.position as u64;
        let is_selected = props.selected.map(|s| s as u64) == Some(seq);
        let onclick = props.onselect.reform(move |_: MouseEvent| seq as usize);
        html! {
            <li key={seq.to_string()} ref={if is_current { current_ref.clone() } else { NodeRef::default() }}>
                <button type="button" data-testid="event" data-kind={row.kind} data-seq={seq.to_string()}
                    class={classes!("event-entry", is_future.then_some("is-future"),
                        is_current.then_some("is-current"), is_selected.then_some("is-selected"))}
                    aria-current={is_current.then_some("step")}
                    aria-pressed={is_selected.to_string()}
                    tabindex={if Some(seq) == tab_stop { "0" } else { "-1" }}
                    title={row.caption.clone()} {onclick}>
                    <span class="event-time">{ time_text(row.t_ms) }</span>
                    <span class={classes!("event-kind", format!("kind-{}", row.kind))}>{ row.kind }</span>
                    <span class="event-label">{ &row.label }</span>
                </button>
            </li>
        }
    });
    let more = |n: usize, when: &str| {
        (n > 0).then(
            || html! { <li class="event-more">{ format!("{n} {when} events not drawn") }</li> },
        )
    };

    html! {
        <section class="event-log" data-testid="event-log" aria-label={t(Msg::EventsRegion)}>
            <div class="event-filters" role="group" aria-label={t(Msg::EventsFilters)}>
                { for chips }
            </div>
            if props.dropped > 0 {
                <p class="event-compacted" data-testid="events-compacted" role="note">
                    { tf(Msg::EventsCompacted, &[("shown", &props.events.len()), ("dropped", &props.dropped)]) }
                </p>
            }
            <ol class="event-list" ref={list_ref.clone()} aria-label={t(Msg::EventsList)}
                onkeydown={Callback::from(move |e: KeyboardEvent| {
                    if let Some(list) = list_ref.cast::<web_sys::Element>() {
                        super::roving::move_focus(&e, &list);
                    }
                })}>
                { for more(window.hidden_before, "earlier") }
                { for entries }
                { for more(window.hidden_after, "later") }
            </ol>
            if props.events.is_empty() {
                <p class="event-empty">{ t(Msg::EventsEmpty) }</p>
            }
        </section>
    }
}
