//! The line being typed: prompt, input, history, completion and the editing keys.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{t, Msg};

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

/// Everything a key needs to act on the line: the input, its editor state and the callbacks.
#[derive(Clone)]
struct LineKeys {
    input: NodeRef,
    editor: Rc<RefCell<Editor>>,
    candidates: UseStateHandle<Vec<String>>,
    truncated: UseStateHandle<bool>,
    running: bool,
    blocked: bool,
    onrun: Callback<String>,
    oninterrupt: Callback<()>,
    oncancel: Callback<String>,
    onclear: Callback<()>,
    oncomplete: Option<Completer>,
}

impl LineKeys {
    /// Does what `act` stands for (a key of the keyboard or of the touch key row) to the line.
    /// True when it was handled, so the browser must not also do its default (false for keys
    /// left to it: Ctrl-C over a selection copies, Tab on an empty line moves the focus on).
    fn press(&self, act: Option<KeyAction>) -> bool {
        let Some(el) = self.input.cast::<HtmlInputElement>() else {
            return false;
        };
        let mut ed = self.editor.borrow_mut();
        let after_tab = std::mem::replace(&mut ed.after_tab, act == Some(KeyAction::Complete));
        let after_escape = std::mem::replace(&mut ed.after_escape, act == Some(KeyAction::Escape));
        let line = el.value();
        let at = caret(&el, &line);
        let candidates = &self.candidates;
        match act {
            None => return false,
            Some(KeyAction::Run) => {
                if self.running || self.blocked {
                    return true;
                }
                ed.history.push(&line);
                el.set_value("");
                candidates.set(Vec::new());
                self.truncated.set(false);
                self.onrun.emit(line);
            }
            Some(KeyAction::HistoryPrevious | KeyAction::HistoryNext) => {
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
                let Some(complete) = self
                    .oncomplete
                    .as_ref()
                    .filter(|_| !after_escape && !line.is_empty() && !self.running)
                else {
                    return false;
                };
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
                    return false; // Ctrl-C over a selection copies it
                }
                if self.running {
                    self.oninterrupt.emit(());
                } else {
                    ed.history.push("");
                    el.set_value("");
                    candidates.set(Vec::new());
                    self.oncancel.emit(line);
                }
            }
            Some(KeyAction::ClearScreen) => self.onclear.emit(()),
            Some(KeyAction::LineStart) => set_line(&el, &line, 0),
            Some(KeyAction::LineEnd) => set_line(&el, &line, line.len()),
            Some(KeyAction::KillBefore) => set_line(&el, line.get(at..).unwrap_or(""), 0),
            Some(KeyAction::KillAfter) => set_line(&el, line.get(..at).unwrap_or(&line), at),
            Some(KeyAction::Escape) => {
                candidates.set(Vec::new());
                return false;
            }
        }
        true
    }

    /// A button of the touch key row: pressing it keeps the focus (and the on-screen keyboard)
    /// in the input, then acts as the key would.
    fn button(&self, label: &'static str, title: &'static str, act: KeyAction) -> Html {
        let keys = self.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            // Over a selection, the row's Ctrl-C interrupts all the same (it has no copy).
            if act == KeyAction::Interrupt {
                if let Some(el) = keys.input.cast::<HtmlInputElement>() {
                    let line = el.value();
                    set_line(&el, &line, line.len());
                }
            }
            keys.press(Some(act));
            if let Some(el) = keys.input.cast::<HtmlInputElement>() {
                let _ = el.focus();
            }
        });
        let keep_focus = Callback::from(|e: PointerEvent| e.prevent_default());
        html! {
            <button type="button" tabindex="-1" aria-label={title} {title}
                onpointerdown={keep_focus} {onclick}>{ label }</button>
        }
    }
}

/// A prompt and a one-line input that behaves like bash's readline.
#[component]
pub fn TerminalInput(props: &TerminalInputProps) -> Html {
    let input = use_node_ref();
    let editor: Rc<RefCell<Editor>> = use_mut_ref(Editor::default);
    let candidates = use_state_eq(Vec::<String>::new);
    let truncated = use_state_eq(|| false);

    let keys = LineKeys {
        input: input.clone(),
        editor: editor.clone(),
        candidates: candidates.clone(),
        truncated: truncated.clone(),
        running: props.running,
        blocked: props.disabled.is_some(),
        onrun: props.onrun.clone(),
        oninterrupt: props.oninterrupt.clone(),
        oncancel: props.oncancel.clone(),
        onclear: props.onclear.clone(),
        oncomplete: props.oncomplete.clone(),
    };
    let onkeydown = {
        let keys = keys.clone();
        Callback::from(move |e: KeyboardEvent| {
            let mods = Modifiers {
                ctrl: e.ctrl_key(),
                alt: e.alt_key(),
                meta: e.meta_key(),
                shift: e.shift_key(),
            };
            if keys.press(keys::action(&e.key(), mods)) {
                e.prevent_default();
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
    // Phones have no Tab, Ctrl or arrow keys: a row of them above the on-screen keyboard
    // (shown on touch screens only, by CSS; keyboard users have the real keys).
    let key_row = (props.disabled.is_none()).then(|| {
        html! {
            <div class="terminal-keys" role="group" aria-label={t(Msg::TerminalKeys)}
                data-testid={format!("terminal-keys-{id}")}>
                { keys.button("Tab", t(Msg::TerminalKeyTab), KeyAction::Complete) }
                { keys.button("Ctrl-C", t(Msg::TerminalKeyInterrupt), KeyAction::Interrupt) }
                { keys.button("↑", t(Msg::TerminalKeyPrevious), KeyAction::HistoryPrevious) }
                { keys.button("↓", t(Msg::TerminalKeyNext), KeyAction::HistoryNext) }
            </div>
        }
    });
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
                <ul class="terminal-candidates" aria-label={t(Msg::TerminalCompletions)} data-testid={format!("terminal-candidates-{id}")}>
                    { for candidates.iter().map(|c| html! { <li>{ c.clone() }</li> }) }
                </ul>
            }
            { for key_row }
            if *truncated {
                <p class="terminal-note" role="status">
                    { t(Msg::TerminalPasteLimit) }
                </p>
            }
        </>
    }
}
