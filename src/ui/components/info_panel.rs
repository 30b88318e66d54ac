//! The right column's bottom: Events, Packet, Browser preview and Manifest, as tabs. All stay
//! mounted (hidden when not chosen), so the automation hooks are always in the page.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{t, tf, Msg};

use super::{BrowserPreview, TabList};
use crate::ui::download::download;
use crate::ui::editor::ManifestEditor;
use crate::ui::inspector::PacketInspector;
use crate::ui::state::{Action, AppContext};
use crate::ui::timeline::{event_row, EventLog};

const TABS: [(&str, Msg); 4] = [
    ("events", Msg::InfoTabEvents),
    ("packet", Msg::InfoTabPacket),
    ("browser", Msg::InfoTabBrowser),
    ("manifest", Msg::InfoTabManifest),
];

/// The inspection tabs, wired to the app state.
#[component]
pub fn InfoPanel() -> Html {
    let tab = use_state(|| "events".to_string());
    let Some(state) = use_context::<AppContext>() else {
        return html! {};
    };
    let rows = {
        let cluster = state.cluster.clone();
        // Rebuilt at most a few times a second while a line runs (`AppState::lists_version`),
        // and as the kubelet's events reach the trace on their own.
        let key = (Rc::as_ptr(&cluster) as usize, state.lists_version);
        use_memo(key, move |_| {
            Rc::new(
                cluster
                    .borrow()
                    .trace()
                    .events()
                    .iter()
                    .map(event_row)
                    .collect::<Vec<_>>(),
            )
        })
    };
    let page = {
        let cluster = state.cluster.clone();
        // Another scenario is another cluster; while the kubelet works, the clock moves alone
        // (and `lists_version` with it).
        let key = (Rc::as_ptr(&cluster) as usize, state.lists_version);
        use_memo(key, move |_| cluster.borrow().browser_preview())
    };
    // The packet: the selected event's, else the one on show.
    let inspected = state.inspected_packet();
    let (dropped_events, kept_packets, all_packets) = {
        let c = state.cluster.borrow();
        (c.trace().dropped(), c.packets().len(), c.packets_total())
    };
    let capture_note = (kept_packets < all_packets).then(|| {
        html! {
            <p class="capture-note" data-testid="capture-note" role="note">
                { tf(Msg::InfoCaptureKept, &[("kept", &kept_packets), ("all", &all_packets)]) }
            </p>
        }
    });
    let ondownload = {
        let c = state.cluster.clone();
        Callback::from(move |()| {
            download(
                "podscope-lo.pcap",
                "application/vnd.tcpdump.pcap",
                &c.borrow().pcap(),
            );
        })
    };
    let onselect_tab = {
        let t = tab.clone();
        Callback::from(move |id: String| {
            if id == "manifest" {
                // The editor checks text that is not built in with the YAML parser module.
                crate::ui::yaml::ensure_loaded(|| ());
            }
            t.set(id)
        })
    };
    let onselect = {
        let s = state.clone();
        Callback::from(move |seq| s.dispatch(Action::SelectEvent(seq)))
    };
    let onfilter = {
        let s = state.clone();
        Callback::from(move |f| s.dispatch(Action::SetFilters(f)))
    };
    let oninput = {
        let s = state.clone();
        Callback::from(move |t| s.dispatch(Action::EditManifest(t)))
    };
    let onapply = {
        let s = state.clone();
        Callback::from(move |t| s.dispatch(Action::ApplyManifest(t)))
    };
    // The event in flight is the current one, as the caption under the diagram says.
    let list_position = match state.playback {
        _ if state.list_hold.is_some() => state.list_hold.map_or(0, |(at, _)| at),
        p if p.progress < 1.0 => p.position.saturating_add(1).min(rows.len()),
        p => p.position,
    };
    let pane = |id: &str, body: Html| {
        html! {
            <div role="tabpanel" id={format!("panel-{id}")} aria-labelledby={format!("tab-{id}")}
                hidden={*tab != id} class="info-pane">{ body }</div>
        }
    };
    let apply_errors = state
        .manifest_errors
        .iter()
        .map(|e| html! { <li data-testid="manifest-error">{ e.clone() }</li> });
    html! {
        <section class="panel info-panel" aria-label={t(Msg::InfoRegion)}>
            <TabList label={t(Msg::InfoRegion)} tabs={TABS.iter().map(|(i, l)| (i.to_string(), t(*l).to_string())).collect::<Vec<_>>()}
                selected={(*tab).clone()} onselect={onselect_tab} />
            { pane("events", html! {
                <EventLog events={(*rows).clone()} position={list_position} selected={state.selected_event}
                    filters={state.filters} {onselect} {onfilter} dropped={dropped_events} />
            }) }
            { pane("packet", html! {
                <>
                    <PacketInspector packet={inspected.as_ref().map(|p| p.bytes.clone())} index={inspected.as_ref().map(|p| p.index)}
                        t_ms={inspected.as_ref().map_or(0, |p| p.t_ms)} {ondownload} />
                    { for capture_note }
                </>
            }) }
            { pane("browser", html! { <BrowserPreview status={page.status.clone()} ok={page.ok} body={page.body.clone()} /> }) }
            { pane("manifest", html! {
                <>
                    <ManifestEditor text={state.manifest_text.clone()} {oninput} {onapply} />
                    if !state.manifest_errors.is_empty() {
                        <ul class="apply-errors" role="alert">{ for apply_errors }</ul>
                    }
                </>
            }) }
        </section>
    }
}
