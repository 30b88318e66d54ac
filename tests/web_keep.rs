//! Never losing work in headless Chromium: the question Reset asks (Cancel has the focus, Escape
//! and a click outside cancel), and the whole App writing its session to the page's real
//! LocalStorage and setting a damaged copy aside on the next mount.
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use podscope::sim::session::Session;
use podscope::ui::components::{ConfirmDialog, ConfirmDialogProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit};
use yew::Callback;

mod web_util;
use web_util::{by_testid, find, fresh_root, text_of};

wasm_bindgen_test_configure!(run_in_browser);

fn click(root: &Element, id: &str) {
    by_testid(root, id)
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
}

fn key(target: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

fn storage() -> web_sys::Storage {
    gloo::utils::window().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
async fn the_question_has_cancel_focused_and_escape_cancels() {
    let root = fresh_root();
    let (confirmed, cancelled) = (Rc::new(Cell::new(0)), Rc::new(Cell::new(0)));
    let props = ConfirmDialogProps {
        title: "Reset the session?".into(),
        question: "Your session is discarded.".into(),
        confirm: "Reset".into(),
        onconfirm: {
            let n = confirmed.clone();
            Callback::from(move |()| n.set(n.get() + 1))
        },
        oncancel: {
            let n = cancelled.clone();
            Callback::from(move |()| n.set(n.get() + 1))
        },
    };
    yew::Renderer::<ConfirmDialog>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let dialog = by_testid(&root, "confirm-dialog");
    assert_eq!(dialog.get_attribute("role").as_deref(), Some("alertdialog"));
    let focused = gloo::utils::document().active_element().unwrap();
    assert_eq!(
        focused.get_attribute("data-testid").as_deref(),
        Some("confirm-cancel")
    );
    key(&dialog, "Escape");
    assert_eq!((confirmed.get(), cancelled.get()), (0, 1));
    // A click inside the dialog is not a click outside it.
    dialog.dyn_ref::<HtmlElement>().unwrap().click();
    assert_eq!(cancelled.get(), 1);
    root.query_selector(".dialog-backdrop")
        .unwrap()
        .unwrap()
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    assert_eq!(cancelled.get(), 2);
    click(&root, "confirm-ok");
    assert_eq!(confirmed.get(), 1);
}

#[wasm_bindgen_test]
async fn the_app_saves_its_session_and_sets_a_damaged_copy_aside() {
    let storage = storage();
    storage.clear().unwrap();
    let root = fresh_root();
    yew::Renderer::<podscope::ui::App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let input: HtmlInputElement = by_testid(&root, "terminal-input-debian-container")
        .dyn_into()
        .unwrap();
    input.set_value("echo saved by the app");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    key(&input, "Enter");
    yew::scheduler::flush().await;
    let saved = storage.get_item("podscope.session").unwrap().unwrap();
    let session = Session::from_saved(&saved).unwrap();
    assert_eq!(session.commands(), 1);

    // The next visit finds a copy cut short: it is set aside, and the default scenario opens.
    let cut = &saved[..saved.len() - 9];
    storage.set_item("podscope.session", cut).unwrap();
    let history = gloo::utils::window().history().unwrap();
    let bare = gloo::utils::window().location().pathname().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&bare))
        .unwrap();
    let second = fresh_root();
    yew::Renderer::<podscope::ui::App>::with_root(second.clone()).render();
    yew::scheduler::flush().await;
    assert_eq!(
        storage
            .get_item("podscope.session.set-aside")
            .unwrap()
            .as_deref(),
        Some(cut)
    );
    let notice = text_of(&second, "link-notice");
    assert!(
        notice.starts_with("Your saved session could not be restored: it is cut short"),
        "{notice}"
    );
    assert!(find(&second, "kept-notice").is_none());
    storage.clear().unwrap();
}
