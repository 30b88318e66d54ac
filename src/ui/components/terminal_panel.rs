//! The right column's top: one terminal per container plus kubectl's, as tabs. Every terminal
//! stays mounted (hidden when not chosen) so its history and draft survive tab switches.

use yew::prelude::*;

use super::TabList;
use crate::sim::cluster::Terminal as TerminalId;
use crate::ui::state::{Action, AppContext};
use crate::ui::terminal::{Completer, TermCompletion, Terminal};
use crate::ui::terminals;
use crate::ui::yaml;

/// The terminals, wired to the cluster through the app state.
#[component]
pub fn TerminalPanel() -> Html {
    let Some(state) = use_context::<AppContext>() else {
        return html! {};
    };
    let cluster = state.cluster.borrow();
    let mut order = terminals::terminal_ids(&cluster);
    let gone: Vec<TerminalId> = state
        .terminals
        .keys()
        .filter(|id| !order.contains(id))
        .cloned()
        .collect();
    order.extend(gone);
    let tabs: Vec<(String, String)> = order
        .iter()
        .map(|id| (id.dom_id(), id.label().to_string()))
        .collect();
    let onselect = {
        let (s, order) = (state.clone(), order.clone());
        Callback::from(move |dom_id: String| {
            if let Some(id) = order.iter().find(|t| t.dom_id() == dom_id) {
                if id.is_kubectl() {
                    // kubectl apply may meet a manifest that is not built in: fetch the parser.
                    yaml::ensure_loaded(|| ());
                }
                s.dispatch(Action::OpenTerminal(id.clone()));
            }
        })
    };
    let panes = order.iter().map(|id| {
        let term = state.terminals.get(id).cloned().unwrap_or_default();
        let disabled = match id.container_name() {
            None => None,
            Some(name) => match cluster.container_state(name) {
                None => Some(AttrValue::from("no such container: the pod is gone")),
                Some(c) if !c.is_running() => Some(AttrValue::from(format!("container not running ({})", c.label()))),
                Some(_) => None,
            },
        };
        let send = |make: fn(TerminalId, String) -> Action| {
            let (s, id) = (state.clone(), id.clone());
            Callback::from(move |line: String| s.dispatch(make(id.clone(), line)))
        };
        // A kubectl line that may parse a manifest waits for the parser module (first time only).
        let run = {
            let (s, id) = (state.clone(), id.clone());
            Callback::from(move |line: String| {
                let parses = id.is_kubectl() && (line.contains("apply") || line.contains("create"));
                let (s, action) = (s.clone(), Action::RunLine { terminal: id.clone(), line });
                if parses && !yaml::is_ready() {
                    yaml::ensure_loaded(move || s.dispatch(action));
                } else {
                    s.dispatch(action);
                }
            })
        };
        let signal = |make: fn(TerminalId) -> Action| {
            let (s, id) = (state.clone(), id.clone());
            Callback::from(move |()| s.dispatch(make(id.clone())))
        };
        let oncomplete: Option<Completer> = (!id.is_kubectl()).then(|| {
            let (s, id) = (state.clone(), id.clone());
            Callback::from(move |(line, cursor): (String, usize)| {
                let found = s.cluster.borrow_mut().complete(&id, &line, cursor);
                s.dispatch(Action::Completed(id.clone()));
                found.map(|c| TermCompletion { insert: c.insert, candidates: c.candidates })
            })
        });
        let dom_id = id.dom_id();
        html! {
            <div role="tabpanel" id={format!("panel-{dom_id}")} aria-labelledby={format!("tab-{dom_id}")}
                hidden={*id != state.open_terminal} class="terminal-pane">
                <Terminal id={dom_id.clone()} title={id.label().to_string()} prompt={terminals::prompt(&cluster, id)}
                    hint={terminals::hint(&cluster, id).into_iter().map(AttrValue::from).collect::<Vec<_>>()}
                    lines={term.entries.clone()} running={term.running} {disabled}
                    onrun={run}
                    oncancel={send(|terminal, line| Action::Cancel { terminal, line })}
                    oninterrupt={signal(Action::Interrupt)} onclear={signal(Action::Clear)} {oncomplete} />
            </div>
        }
    });
    html! {
        <section class="panel terminal-panel" id="terminals" aria-label="Terminals">
            <TabList label="Terminals" tabs={tabs} selected={state.open_terminal.dom_id()} {onselect} />
            { for panes }
        </section>
    }
}
