//! The whole terminal panel: title bar with Copy, transcript, running hint, input line.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::i18n::{t, tf, Msg};

use super::clipboard::copy_text;
use super::input::{Completer, TerminalInput};
use super::output::TerminalOutput;
use super::screen::TermEntry;

/// Rows kept in the page by default; older output is summarised in a note.
pub const MAX_LINES: usize = 2_000;

/// Props of [`Terminal`].
#[derive(Properties, PartialEq)]
pub struct TerminalProps {
    /// `debian-container`, `nginx-container` or `kubectl`: the `data-testid`s are
    /// `terminal-<id>`, `terminal-input-<id>` and `terminal-output-<id>`.
    pub id: AttrValue,
    /// Shown in the title bar.
    pub title: AttrValue,
    /// The prompt before the input, e.g. `root@two-containers:/# `.
    pub prompt: AttrValue,
    /// Everything shown so far, oldest first; the parent appends, or empties it on Ctrl-L.
    pub lines: Rc<Vec<TermEntry>>,
    /// A command blocks (e.g. `nginx` in the foreground) until Ctrl-C.
    #[prop_or_default]
    pub running: bool,
    /// Why typing is impossible (e.g. `container not running`); `None` when it is possible.
    #[prop_or_default]
    pub disabled: Option<AttrValue>,
    /// Enter: the line to run (already added to this terminal's history).
    pub onrun: Callback<String>,
    /// Ctrl-C (or the Stop button) while `running`.
    #[prop_or_default]
    pub oninterrupt: Callback<()>,
    /// Ctrl-C at the prompt: the abandoned line; append `TermEntry::cancelled(prompt, &line)`.
    #[prop_or_default]
    pub oncancel: Callback<String>,
    /// Ctrl-L: empty `lines`.
    #[prop_or_default]
    pub onclear: Callback<()>,
    /// Tab: `(line, caret byte offset)` to the sim's completion; `None` disables completion.
    #[prop_or_default]
    pub oncomplete: Option<Completer>,
    /// Grey lines shown while the transcript is empty (how to get this shell, what to try);
    /// not part of the transcript, so Copy and `terminal-output-<id>` leave them out.
    #[prop_or_default]
    pub hint: Vec<AttrValue>,
    /// Rows kept in the page.
    #[prop_or(MAX_LINES)]
    pub max_lines: usize,
}

/// A terminal bound to one container's shell or to kubectl.
#[component]
pub fn Terminal(props: &TerminalProps) -> Html {
    let copied = use_state_eq(|| None::<bool>);
    let oncopy = {
        let (lines, copied) = (props.lines.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let text: String = lines.iter().map(TermEntry::plain_text).collect();
            let copied = copied.clone();
            copy_text(
                &text,
                Callback::from(move |ok| {
                    copied.set(Some(ok));
                    let copied = copied.clone();
                    Timeout::new(2_000, move || copied.set(None)).forget();
                }),
            );
        })
    };
    let copy_label = match *copied {
        None => t(Msg::TerminalCopy),
        Some(true) => t(Msg::TerminalCopied),
        Some(false) => t(Msg::TerminalCopyFailed),
    };
    let id = &props.id;
    let title_id = format!("terminal-title-{id}");
    let onstop = props.oninterrupt.reform(|_: MouseEvent| ());
    html! {
        <section
            class={classes!("terminal", props.running.then_some("is-running"), props.disabled.is_some().then_some("is-disabled"))}
            data-testid={format!("terminal-{id}")}
            aria-labelledby={title_id.clone()}
        >
            <header class="terminal-bar">
                <span class="terminal-title" id={title_id}>{ props.title.clone() }</span>
                <button type="button" class="terminal-copy" aria-label={tf(Msg::TerminalCopyLabel, &[("terminal", id)])} onclick={oncopy}>
                    { copy_label }
                </button>
            </header>
            <TerminalOutput id={id.clone()} lines={props.lines.clone()} max_lines={props.max_lines} />
            if props.lines.is_empty() && !props.running && props.disabled.is_none() && !props.hint.is_empty() {
                <div class="terminal-empty-hint" data-testid={format!("terminal-hint-{id}")}>
                    { for props.hint.iter().map(|line| html! { <p>{ line.clone() }</p> }) }
                </div>
            }
            if props.running {
                <p class="terminal-hint" role="status">
                    { t(Msg::TerminalRunning) }
                    <button type="button" class="terminal-stop" onclick={onstop}>{ t(Msg::TerminalStop) }</button>
                </p>
            }
            if let Some(reason) = &props.disabled {
                <p class="terminal-hint terminal-disabled" role="status">{ reason.clone() }</p>
            }
            <TerminalInput
                id={id.clone()}
                prompt={props.prompt.clone()}
                running={props.running}
                disabled={props.disabled.clone()}
                onrun={props.onrun.clone()}
                oninterrupt={props.oninterrupt.clone()}
                oncancel={props.oncancel.clone()}
                onclear={props.onclear.clone()}
                oncomplete={props.oncomplete.clone()}
            />
        </section>
    }
}
