//! A modal question before something is discarded ("Start over? …"): the safe answer, Cancel,
//! has the focus, and Escape or a click outside cancel too.

use yew::prelude::*;

use crate::ui::state::label;

/// Props of [`ConfirmDialog`].
#[derive(Properties, PartialEq)]
pub struct ConfirmDialogProps {
    /// The dialog's title.
    pub title: AttrValue,
    /// What will happen, in a sentence.
    pub question: AttrValue,
    /// The label of the button that goes ahead ("Reset").
    pub confirm: AttrValue,
    /// Go ahead.
    pub onconfirm: Callback<()>,
    /// Cancel pressed (or Escape, or a click outside).
    pub oncancel: Callback<()>,
}

/// The question, with Cancel focused and the discarding button beside it.
#[component]
pub fn ConfirmDialog(props: &ConfirmDialogProps) -> Html {
    let cancel_ref = use_node_ref();
    {
        let cancel_ref = cancel_ref.clone();
        use_effect_with((), move |_| {
            if let Some(button) = cancel_ref.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        });
    }
    let cancel = props.oncancel.reform(|_: MouseEvent| ());
    let onkeydown = {
        let oncancel = props.oncancel.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                oncancel.emit(());
            }
        })
    };
    html! {
        <div class="dialog-backdrop" onclick={cancel.clone()}>
            <div class="confirm-dialog" role="alertdialog" aria-modal="true"
                aria-labelledby="confirm-title" aria-describedby="confirm-question"
                data-testid="confirm-dialog" {onkeydown}
                onclick={Callback::from(|e: MouseEvent| e.stop_propagation())}>
                <h2 id="confirm-title">{ props.title.clone() }</h2>
                <p id="confirm-question">{ props.question.clone() }</p>
                <div class="confirm-buttons">
                    <button type="button" ref={cancel_ref} data-testid="confirm-cancel"
                        onclick={cancel}>{ label::CANCEL }</button>
                    <button type="button" class="confirm-discard" data-testid="confirm-ok"
                        onclick={props.onconfirm.reform(|_: MouseEvent| ())}>
                        { props.confirm.clone() }
                    </button>
                </div>
            </div>
        </div>
    }
}
