//! The embed's `postMessage` API (README, "Host page API"): commands from the page that frames
//! podscope, validated by the core's decoder ([`HostMessage::parse`]) and obeyed through the
//! same reducer actions as the controls (so a `from=`/`to=` lock holds), and the events sent
//! back (`ready`, `output`, `event`, `step`). With `origin=` only that origin is obeyed and
//! events go only to it (`targetOrigin`). Whatever is not a valid command from the framing
//! window is ignored: counted on `<html data-podscope-ignored>`, and logged in debug builds.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::sim::session::host::{origin_allowed, EmbedEvent, HostMessage};
use crate::ui::scenarios::ScenarioId;
use crate::ui::state::{Action, AppContext, AppState};
use crate::ui::terminal::ansi;

/// Most `event` messages sent for one jump of the playback (the latest ones).
const MAX_EVENTS_PER_MOVE: usize = 50;

/// The window that frames this page, if it is framed.
pub fn host_window() -> Option<web_sys::Window> {
    let window = gloo::utils::window();
    let parent = window.parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

/// Where messages to the host may go: the `origin=` parameter, else anywhere.
pub fn target_origin(state: &AppState) -> String {
    state.params.origin.clone().unwrap_or_else(|| "*".into())
}

/// Posts `value` to the framing window, if any (a closed or cross-origin parent that refuses
/// is left alone).
pub fn post(value: &JsValue, origin: &str) {
    if let Some(host) = host_window() {
        let _ = host.post_message(value, origin);
    }
}

/// Posts JSON text to the framing window as the object it describes.
pub fn post_json(json: &str, origin: &str) {
    if let Ok(value) = js_sys::JSON::parse(json) {
        post(&value, origin);
    }
}

/// Counts (and in debug builds logs) a message that was not obeyed.
fn ignore(why: &str) {
    thread_local!(static IGNORED: Cell<u32> = const { Cell::new(0) });
    let n = IGNORED.with(|c| {
        c.set(c.get().saturating_add(1));
        c.get()
    });
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute("data-podscope-ignored", &n.to_string());
    }
    if cfg!(debug_assertions) {
        let console = js_sys::Reflect::get(&gloo::utils::window(), &"console".into());
        let debug = console
            .as_ref()
            .ok()
            .and_then(|c| js_sys::Reflect::get(c, &"debug".into()).ok())
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        if let (Ok(console), Some(debug)) = (console, debug) {
            let _ = debug.call1(
                &console,
                &format!("podscope: ignored a message: {why}").into(),
            );
        }
    }
}

/// The command in `event`, if it is a valid one from the framing window and an allowed origin.
fn command(
    event: &web_sys::MessageEvent,
    host: &web_sys::Window,
    allowed: Option<&str>,
) -> Result<HostMessage, String> {
    let from_host = event
        .source()
        .is_some_and(|source| js_sys::Object::is(&source, host));
    if !from_host {
        return Err("not from the framing window".into());
    }
    let origin = event.origin();
    if !origin_allowed(allowed, &origin) {
        return Err(format!("origin {origin} is not the origin= parameter"));
    }
    let data = event.data();
    let text = match data.as_string() {
        Some(text) => text,
        None => js_sys::JSON::stringify(&data)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or("data that is not JSON")?,
    };
    HostMessage::parse(&text).map_err(|e| e.to_string())
}

/// Does what `message` asks, through the reducer; refuses what names nothing on show.
fn obey(state: &AppContext, message: HostMessage) -> Result<(), String> {
    let actions = match message {
        HostMessage::Run { terminal, line } => {
            if !state.terminals.contains_key(&terminal) {
                return Err("run: no such terminal in this pod".into());
            }
            vec![Action::RunLine { terminal, line }]
        }
        HostMessage::Step { by } => {
            let to = i64::try_from(state.playback.position).unwrap_or(i64::MAX);
            let to = usize::try_from(to.saturating_add(by).max(0)).unwrap_or(0);
            vec![Action::Pause, Action::Seek(to)]
        }
        HostMessage::Goto { step } => vec![Action::Pause, Action::Seek(step)],
        HostMessage::Play => vec![Action::Play],
        HostMessage::Pause => vec![Action::Pause],
        HostMessage::Reset => vec![Action::Reset],
        HostMessage::LoadScenario { scenario } => {
            match ScenarioId::from_id(&scenario).filter(|s| *s != ScenarioId::Custom) {
                Some(id) => vec![Action::SelectScenario(id)],
                None => return Err(format!("load-scenario: no built-in scenario {scenario:?}")),
            }
        }
    };
    for action in actions {
        state.dispatch(action);
    }
    Ok(())
}

/// Listens for the host page's commands and tells it what happens. Active only when framed.
#[hook]
pub fn use_host_api(state: AppContext) {
    // The listener outlives renders: it reads the newest state through this cell.
    let latest = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();
    use_effect_with((), move |_| {
        let listener = host_window().map(|host| {
            EventListener::new(&gloo::utils::window(), "message", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
                    return;
                };
                let state = latest.borrow().clone();
                let done = command(event, &host, state.params.origin.as_deref())
                    .and_then(|message| obey(&state, message));
                if let Err(why) = done {
                    ignore(&why);
                }
            })
        });
        move || drop(listener)
    });
    use_host_events(&state);
}

/// Sends `ready`, `step`, `event` and `output` as the state changes.
#[hook]
fn use_host_events(state: &AppState) {
    let origin = target_origin(state);
    let send = move |event: EmbedEvent| post_json(&event.to_json(), &origin);
    let cluster = Rc::as_ptr(&state.cluster) as usize;
    let (scenario, len, position) = (state.scenario.id(), state.len(), state.playback.position);
    {
        let send = send.clone();
        use_effect_with(cluster, move |_| {
            send(EmbedEvent::Ready {
                scenario: scenario.into(),
                steps: len,
            })
        });
    }
    let shown = use_mut_ref(|| (cluster, position));
    {
        let send = send.clone();
        let s = state.clone();
        use_effect_with(
            (cluster, position, len),
            move |&(cluster, position, len)| {
                let (was_cluster, was) = *shown.borrow();
                *shown.borrow_mut() = (cluster, position);
                if was_cluster == cluster && position > was {
                    let trace = s.cluster.borrow();
                    let events = trace.trace().events();
                    let from = was.max(position.saturating_sub(MAX_EVENTS_PER_MOVE));
                    for e in events.get(from..position).unwrap_or_default() {
                        send(EmbedEvent::Event {
                            seq: usize::try_from(e.seq).unwrap_or(usize::MAX),
                            category: e.kind.category().as_str().into(),
                            caption: crate::anim::caption(e),
                        });
                    }
                }
                send(EmbedEvent::Step {
                    step: position,
                    total: len,
                });
            },
        );
    }
    let output = state.last_output.clone();
    let key = output.as_ref().map(|o| Rc::as_ptr(o) as usize);
    use_effect_with(key, move |_| {
        if let Some(ran) = output {
            send(EmbedEvent::Output {
                terminal: ran.terminal.dom_id(),
                line: ran.line.clone(),
                text: ansi::plain(&ran.text),
                status: ran.status,
            });
        }
    });
}
