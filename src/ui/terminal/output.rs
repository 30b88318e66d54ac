//! The scrolling transcript of a terminal.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{tf, Msg};

use super::screen::{layout, Piece, TermEntry};

/// Props of [`TerminalOutput`].
#[derive(Properties, PartialEq)]
pub struct TerminalOutputProps {
    /// Names the `data-testid` (`terminal-output-<id>`).
    pub id: AttrValue,
    /// Everything the terminal printed, oldest first.
    pub lines: Rc<Vec<TermEntry>>,
    /// Rows kept in the page; older ones are counted in a note.
    pub max_lines: usize,
}

/// The transcript as one `<pre>` of text nodes (selectable, copyable), scrolled to the newest.
#[component]
pub fn TerminalOutput(props: &TerminalOutputProps) -> Html {
    let screen = use_memo((props.lines.clone(), props.max_lines), |(lines, max)| {
        layout(lines, *max)
    });
    let scroller = use_node_ref();
    {
        let scroller = scroller.clone();
        use_effect_with(screen.clone(), move |_| {
            if let Some(el) = scroller.cast::<web_sys::Element>() {
                el.set_scroll_top(el.scroll_height());
            }
        });
    }
    let rows = screen.rows.iter().enumerate().map(|(i, row)| {
        let pieces = row.iter().map(|piece| match piece {
            Piece::Prompt(text) => html! { <span class="term-prompt">{ text.clone() }</span> },
            Piece::Command(text) => html! { <span class="term-command">{ text.clone() }</span> },
            Piece::Output(span) => {
                let classes = span.style.classes();
                if classes.is_empty() {
                    html! { { span.text.clone() } }
                } else {
                    html! { <span class={classes}>{ span.text.clone() }</span> }
                }
            }
        });
        let newline = (i > 0).then_some("\n");
        html! { <>{ for newline }{ for pieces }</> }
    });
    let note = (screen.hidden > 0).then(|| {
        let msg = if screen.hidden == 1 {
            Msg::TerminalHiddenOne
        } else {
            Msg::TerminalHidden
        };
        html! {
            <p class="terminal-hidden-note">{ tf(msg, &[("count", &screen.hidden)]) }</p>
        }
    });
    html! {
        <div
            class="terminal-screen"
            ref={scroller}
            role="log"
            tabindex="0"
            aria-label={format!("output of {}", props.id)}
        >
            { for note }
            <pre
                class="terminal-output"
                data-testid={format!("terminal-output-{}", props.id)}
            >{ for rows }</pre>
        </div>
    }
}
