//! The line being typed: prompt, input, history, completion and the editing keys.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::history::History;
use super::keys::{self, KeyAction, Modifiers};
use super::line_edit::{self, byte_to_utf16, utf16_len, utf16_to_byte, TabOutcome, TermCompletion};
use super::paste;
use wasm_bindgen::JsCast;

/// Longest line the input accepts (UTF-16 units), so a pasted 10 MB text cannot freeze the tab.
pub const MAX_INPUT: usize = 65_536;

/// The completer: `(line, caret as byte offset)` to what Tab may insert or list.
pub type Completer = Callback<(String, usize), Option<TermCompletion>>;

/// Props of [`TerminalInput`].
#[derive(Properties, PartialEq)]
pub struct TerminalInputProps {
    /// Names the `data-testid` (`terminal-input-<id>`) and the aria-label.
    pub id: AttrValue,
    /// Shown before the input while no command runs.
    pub prompt: AttrValue,
    /// A command is running: Enter does nothing, Ctrl-C interrupts.
    pub running: bool,
    /// Why the terminal cannot be used, if it cannot.
    pub disabled: Option<AttrValue>,
    /// Enter: the line to run.
    pub onrun: Callback<String>,
    /// Ctrl-C while running.
    pub oninterrupt: Callback<()>,
    /// Ctrl-C at the prompt: the abandoned line (bash echoes it followed by `^C`).
    pub oncancel: Callback<String>,
    /// Ctrl-L.
    pub onclear: Callback<()>,
    /// Tab; without it Tab only moves focus.
    pub oncomplete: Option<Completer>,
}

/// Puts `line` in the input with the caret at byte offset `cursor`.
fn set_line(el: &HtmlInputElement, line: &str, cursor: usize) {
    el.set_value(line);
    let at = u32::try_from(byte_to_utf16(line, cursor)).unwrap_or(u32::MAX);
    let _ = el.set_selection_range(at, at);
}

/// The caret as a byte offset into `line`.
fn caret(el: &HtmlInputElement, line: &str) -> usize {
    let units = el
        .selection_start()
        .ok()
        .flatten()
        .map_or(usize::MAX, |u| usize::try_from(u).unwrap_or(usize::MAX));
    utf16_to_byte(line, units)
}

/// Key-handling state that must not re-render: history and what the last key was.
#[derive(Default)]
struct Editor {
    history: History,
    after_tab: bool,
    after_escape: bool,
}

/// A prompt and a one-line input that behaves like bash's readline.
#[component]
pub fn TerminalInput(props: &TerminalInputProps) -> Html {
    let input = use_node_ref();
    let editor: Rc<RefCell<Editor>> = use_mut_ref(Editor::default);
    let candidates = use_state_eq(Vec::<String>::new);
    let truncated = use_state_eq(|| false);

    let onkeydown = {
        let editor = editor.clone();
        let (input, candidates, truncated) = (input.clone(), candidates.clone(), truncated.clone());
        let (running, blocked) = (props.running, props.disabled.is_some());
        let (onrun, oninterrupt, oncancel) = (
            props.onrun.clone(),
            props.oninterrupt.clone(),
            props.oncancel.clone(),
        );
        let (onclear, oncomplete) = (props.onclear.clone(), props.oncomplete.clone());
        Callback::from(move |e: KeyboardEvent| {
            let Some(el) = input.cast::<HtmlInputElement>() else {
                return;
            };
            let mods = Modifiers {
                ctrl: e.ctrl_key(),
                alt: e.alt_key(),
                meta: e.meta_key(),
                shift: e.shift_key(),
            };
            let act = keys::action(&e.key(), mods);
            let mut ed = editor.borrow_mut();
            let after_tab = std::mem::replace(&mut ed.after_tab, act == Some(KeyAction::Complete));
            let after_escape =
                std::mem::replace(&mut ed.after_escape, act == Some(KeyAction::Escape));
            let line = el.value();
            let at = caret(&el, &line);
            match act {
                None => {}
                Some(KeyAction::Run) => {
                    e.prevent_default();
                    if running || blocked {
                        return;
                    }
                    ed.history.push(&line);
                    el.set_value("");
                    candidates.set(Vec::new());
                    truncated.set(false);
                    onrun.emit(line);
                }
                Some(KeyAction::HistoryPrevious | KeyAction::HistoryNext) => {
                    e.prevent_default();
                    let recalled = if act == Some(KeyAction::HistoryPrevious) {
                        ed.history.previous(&line)
                    } else {
                        ed.history.next(&line)
                    };
                    if let Some(recalled) = recalled {
                        set_line(&el, &recalled, recalled.len());
                    }
                }
                Some(KeyAction::Complete) => {
                    // Esc then Tab, or Tab on an empty line, moves focus on: no keyboard trap.
                    let Some(complete) = oncomplete
                        .as_ref()
                        .filter(|_| !after_escape && !line.is_empty() && !running)
                    else {
                        return;
                    };
                    e.prevent_default();
                    match line_edit::tab(&line, at, complete.emit((line.clone(), at)), after_tab) {
                        TabOutcome::Insert { line, cursor } => set_line(&el, &line, cursor),
                        TabOutcome::List(found) => candidates.set(found),
                        TabOutcome::Nothing => {}
                    }
                }
                Some(KeyAction::Interrupt) => {
                    let selected =
                        el.selection_end().ok().flatten() != el.selection_start().ok().flatten();
                    if selected {
                        return; // Ctrl-C over a selection copies it
                    }
                    e.prevent_default();
                    if running {
                        oninterrupt.emit(());
                    } else {
                        ed.history.push("");
                        el.set_value("");
                        candidates.set(Vec::new());
                        oncancel.emit(line);
                    }
                }
                Some(KeyAction::ClearScreen) => {
                    e.prevent_default();
                    onclear.emit(());
                }
                Some(KeyAction::LineStart) => {
                    e.prevent_default();
                    set_line(&el, &line, 0);
                }
                Some(KeyAction::LineEnd) => {
                    e.prevent_default();
                    set_line(&el, &line, line.len());
                }
                Some(KeyAction::KillBefore) => {
                    e.prevent_default();
                    set_line(&el, line.get(at..).unwrap_or(""), 0);
                }
                Some(KeyAction::KillAfter) => {
                    e.prevent_default();
                    set_line(&el, line.get(..at).unwrap_or(&line), at);
                }
                Some(KeyAction::Escape) => candidates.set(Vec::new()),
            }
        })
    };
    let onpaste = {
        let (input, candidates) = (input.clone(), candidates.clone());
        let (onrun, disabled) = (props.onrun.clone(), props.disabled.is_some());
        Callback::from(move |e: Event| {
            let (Some(el), Some(clip)) = (
                input.cast::<HtmlInputElement>(),
                e.dyn_ref::<web_sys::ClipboardEvent>()
                    .and_then(web_sys::ClipboardEvent::clipboard_data),
            ) else {
                return;
            };
            let line = el.value();
            let at = caret(&el, &line);
            let Some(p) = clip
                .get_data("text")
                .ok()
                .and_then(|text| paste::paste(&line, at, &text))
            else {
                return;
            };
            e.prevent_default();
            if disabled {
                return;
            }
            candidates.set(Vec::new());
            set_line(&el, &p.rest, p.cursor);
            for l in p.lines {
                editor.borrow_mut().history.push(&l);
                onrun.emit(l);
            }
        })
    };
    let oninput = {
        let (truncated, candidates) = (truncated.clone(), candidates.clone());
        Callback::from(move |e: InputEvent| {
            if let Some(el) = e.target_dyn_into::<HtmlInputElement>() {
                truncated.set(utf16_len(&el.value()) >= MAX_INPUT);
            }
            candidates.set(Vec::new());
        })
    };
    let id = &props.id;
    html! {
        <>
            <div class="terminal-line">
                if !props.running && props.disabled.is_none() {
                    <span class="term-prompt">{ props.prompt.clone() }</span>
                }
                <input
                    ref={input}
                    type="text"
                    class="terminal-input"
                    data-testid={format!("terminal-input-{id}")}
                    aria-label={format!("command line for {id}")}
                    maxlength={MAX_INPUT.to_string()}
                    autocomplete="off"
                    autocapitalize="off"
                    autocorrect="off"
                    enterkeyhint="send"
                    spellcheck="false"
                    disabled={props.disabled.is_some()}
                    readonly={props.running}
                    {onkeydown}
                    {oninput}
                    {onpaste}
                />
            </div>
            if !candidates.is_empty() {
                <ul class="terminal-candidates" aria-label="completions" data-testid={format!("terminal-candidates-{id}")}>
                    { for candidates.iter().map(|c| html! { <li>{ c.clone() }</li> }) }
                </ul>
            }
            if *truncated {
                <p class="terminal-note" role="status">
                    { "This line is limited to 65,536 characters; the rest of the paste was dropped." }
                </p>
            }
        </>
    }
}
