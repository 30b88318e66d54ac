//! The `?` dialog: every keyboard shortcut of the page.

use yew::prelude::*;

use crate::ui::focus::restore_focus;
use crate::ui::timeline::SHORTCUTS;

/// Props of [`ShortcutsDialog`].
#[derive(Properties, PartialEq)]
pub struct ShortcutsDialogProps {
    /// Close pressed (or Escape).
    pub onclose: Callback<()>,
}

/// A modal list of the shortcuts, closed by its button, Escape or `?`.
#[component]
pub fn ShortcutsDialog(props: &ShortcutsDialogProps) -> Html {
    let close_ref = use_node_ref();
    {
        let close_ref = close_ref.clone();
        // The focus moves into the dialog, and back to where it was when the dialog closes.
        use_effect_with((), move |_| {
            if let Some(button) = close_ref.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
            restore_focus
        });
    }
    let rows = SHORTCUTS.iter().map(|(keys, what)| {
        html! { <tr><th scope="row"><kbd>{ *keys }</kbd></th><td>{ *what }</td></tr> }
    });
    let onkeydown = props.onclose.reform(|_: KeyboardEvent| ());
    let onkeydown = Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
        "Escape" => onkeydown.emit(e),
        // A modal dialog keeps the focus: Close is its one control (Escape leaves).
        "Tab" => e.prevent_default(),
        _ => {}
    });
    html! {
        <div class="dialog-backdrop" onclick={props.onclose.reform(|_: MouseEvent| ())}>
            <div class="shortcuts-dialog" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title"
                data-testid="shortcuts-dialog" {onkeydown}
                onclick={Callback::from(|e: MouseEvent| e.stop_propagation())}>
                <h2 id="shortcuts-title">{ "Keyboard shortcuts" }</h2>
                <p class="shortcuts-note">{ "They work anywhere on the page, except while you type in a terminal or the editor." }</p>
                <table class="shortcuts-table"><tbody>{ for rows }</tbody></table>
                <button type="button" ref={close_ref} data-testid="shortcuts-close"
                    onclick={props.onclose.reform(|_: MouseEvent| ())}>{ "Close" }</button>
            </div>
        </div>
    }
}
