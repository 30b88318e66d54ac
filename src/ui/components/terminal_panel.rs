//! The right column's top: one terminal per container plus kubectl's, as tabs. Every terminal
//! stays mounted (hidden when not chosen) so its history and draft survive tab switches.

use yew::prelude::*;

use super::TabList;
use crate::sim::cluster::Terminal as TerminalId;
use crate::ui::state::{Action, AppContext};
use crate::ui::terminal::{Completer, TermCompletion, Terminal};
use crate::ui::terminals;

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
                s.dispatch(Action::OpenTerminal(id.clone()));
            }
        })
    };
    let panes = order.iter().map(|id| {
        let term = state.terminals.get(id).cloned().unwrap_or_default();
        let disabled = match id.container_name() {
            None => None,
            Some(name) => match cluster.pod().and_then(|p| p.container(name)) {
                None => Some(AttrValue::from("no such container: the pod is gone")),
                Some(c) if !c.state.is_running() => Some(AttrValue::from(format!("container not running ({})", c.state.label()))),
                Some(_) => None,
            },
        };
        let send = |make: fn(TerminalId, String) -> Action| {
            let (s, id) = (state.clone(), id.clone());
            Callback::from(move |line: String| s.dispatch(make(id.clone(), line)))
        };
        let signal = |make: fn(TerminalId) -> Action| {
            let (s, id) = (state.clone(), id.clone());
            Callback::from(move |()| s.dispatch(make(id.clone())))
        };
        let oncomplete: Option<Completer> = (!id.is_kubectl()).then(|| {
            let (s, id) = (state.clone(), id.clone());
            Callback::from(move |(line, cursor): (String, usize)| {
                let found = s.cluster.borrow_mut().complete(&id, &line, cursor);
                s.dispatch(Action::Completed);
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
                    onrun={send(|terminal, line| Action::RunLine { terminal, line })}
                    oncancel={send(|terminal, line| Action::Cancel { terminal, line })}
                    oninterrupt={signal(Action::Interrupt)} onclear={signal(Action::Clear)} {oncomplete} />
            </div>
        }
    });
    html! {
        <section class="panel terminal-panel" aria-label="Terminals">
            <TabList label="Terminals" tabs={tabs} selected={state.open_terminal.dom_id()} {onselect} />
            { for panes }
        </section>
    }
}
