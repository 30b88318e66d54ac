//! The terminal component mounted alone in headless Chromium: keys in, callbacks and text out.
//!
//! Keys are real `KeyboardEvent`s dispatched on the input (bubbling, so Yew's delegated listeners
//! see them as they would a user's); assertions read single nodes found by `data-testid`.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use podscope::ui::terminal::{TermCompletion, TermEntry, Terminal, TerminalProps};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlInputElement};
use yew::{AttrValue, Callback};

mod web_util;
use web_util::fresh_root;

wasm_bindgen_test_configure!(run_in_browser);

const PROMPT: &str = "root@two-containers:/# ";

fn by_testid(root: &Element, id: &str) -> Element {
    root.query_selector(&format!("[data-testid=\"{id}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid={id}"))
}

fn input(root: &Element) -> HtmlInputElement {
    by_testid(root, "terminal-input-debian-container")
        .dyn_into()
        .unwrap()
}

fn output_text(root: &Element) -> String {
    by_testid(root, "terminal-output-debian-container")
        .text_content()
        .unwrap_or_default()
}

/// Dispatches a bubbling, cancelable keydown on `target`; returns whether it was prevented.
fn key(target: &Element, key: &str, ctrl: bool) -> bool {
    let fire = js_sys::Function::new_with_args(
        "el, key, ctrl",
        "return !el.dispatchEvent(new KeyboardEvent('keydown', {key, ctrlKey: ctrl, bubbles: true, cancelable: true}));",
    );
    fire.call3(
        &JsValue::NULL,
        target,
        &JsValue::from_str(key),
        &JsValue::from_bool(ctrl),
    )
    .unwrap()
    .as_bool()
    .unwrap()
}

/// Callbacks that record what they were called with.
#[derive(Clone, Default)]
struct Calls {
    run: Rc<RefCell<Vec<String>>>,
    cancel: Rc<RefCell<Vec<String>>>,
    interrupt: Rc<RefCell<u32>>,
    clear: Rc<RefCell<u32>>,
}

fn props(lines: Vec<TermEntry>, running: bool, calls: &Calls, max_lines: usize) -> TerminalProps {
    let (run, cancel) = (calls.run.clone(), calls.cancel.clone());
    let (interrupt, clear) = (calls.interrupt.clone(), calls.clear.clone());
    TerminalProps {
        id: AttrValue::from("debian-container"),
        title: AttrValue::from("debian-container"),
        prompt: AttrValue::from(PROMPT),
        lines: Rc::new(lines),
        running,
        disabled: None,
        hint: Vec::new(),
        onrun: Callback::from(move |line| run.borrow_mut().push(line)),
        oninterrupt: Callback::from(move |()| *interrupt.borrow_mut() += 1),
        oncancel: Callback::from(move |line| cancel.borrow_mut().push(line)),
        onclear: Callback::from(move |()| *clear.borrow_mut() += 1),
        // A stand-in for Cluster::complete: completes the word "/pod-d" only.
        oncomplete: Some(Callback::from(|(line, cursor): (String, usize)| {
            let word = line.get(..cursor)?.rsplit(' ').next()?.to_string();
            let insert = "/pod-data/".strip_prefix(word.as_str())?.to_string();
            Some(TermCompletion {
                insert,
                candidates: vec!["pod-data/".into()],
            })
        })),
        max_lines,
    }
}

async fn mount(p: TerminalProps) -> Element {
    let root = fresh_root();
    yew::Renderer::<Terminal>::with_root_and_props(root.clone(), p).render();
    yew::scheduler::flush().await;
    root
}

async fn type_and_enter(root: &Element, line: &str) {
    let field = input(root);
    field.set_value(line);
    assert!(
        key(&field, "Enter", false),
        "Enter must be handled by the terminal"
    );
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn enter_runs_the_line_and_empties_the_input() {
    let calls = Calls::default();
    let root = mount(props(Vec::new(), false, &calls, 2000)).await;
    type_and_enter(&root, "cat /pod-data/index.html").await;
    assert_eq!(*calls.run.borrow(), ["cat /pod-data/index.html"]);
    assert_eq!(input(&root).value(), "");
    assert_eq!(
        input(&root).get_attribute("aria-label").as_deref(),
        Some("command line for debian-container")
    );
    assert_eq!(
        input(&root).get_attribute("maxlength").as_deref(),
        Some("65536")
    );
}

#[wasm_bindgen_test]
async fn arrows_walk_history_and_keep_the_draft() {
    let calls = Calls::default();
    let root = mount(props(Vec::new(), false, &calls, 2000)).await;
    type_and_enter(&root, "echo one").await;
    type_and_enter(&root, "echo two").await;
    let field = input(&root);
    field.set_value("draft");
    key(&field, "ArrowUp", false);
    assert_eq!(field.value(), "echo two");
    key(&field, "ArrowUp", false);
    assert_eq!(field.value(), "echo one");
    key(&field, "ArrowUp", false);
    assert_eq!(field.value(), "echo one");
    key(&field, "ArrowDown", false);
    key(&field, "ArrowDown", false);
    assert_eq!(field.value(), "draft");
}

#[wasm_bindgen_test]
async fn bold_is_a_bold_span_and_html_stays_text() {
    let calls = Calls::default();
    let lines = vec![TermEntry::command(
        PROMPT,
        "echo '<b>x</b>'",
        "\u{1b}[1mbold\u{1b}[0m <b>x</b>\n",
    )];
    let root = mount(props(lines, false, &calls, 2000)).await;
    let out = by_testid(&root, "terminal-output-debian-container");
    let bold = out
        .query_selector(".ansi-bold")
        .unwrap()
        .expect("a bold span");
    assert_eq!(bold.text_content().as_deref(), Some("bold"));
    assert!(
        out.query_selector("b").unwrap().is_none(),
        "typed <b> must not become an element"
    );
    assert_eq!(
        output_text(&root),
        format!("{PROMPT}echo '<b>x</b>'\nbold <b>x</b>")
    );
}

#[wasm_bindgen_test]
async fn long_output_is_trimmed_with_a_note() {
    let calls = Calls::default();
    let big: String = (1..=2500).map(|i| format!("line {i}\n")).collect();
    let root = mount(props(
        vec![TermEntry::command(PROMPT, "seq", big)],
        false,
        &calls,
        2000,
    ))
    .await;
    let note = root
        .query_selector(".terminal-hidden-note")
        .unwrap()
        .expect("a note");
    // One echo row and 2,500 output rows: the first 501 are hidden.
    assert_eq!(
        note.text_content().as_deref(),
        Some("… 501 earlier lines hidden")
    );
    let text = output_text(&root);
    assert!(
        text.starts_with("line 501\nline 502\n"),
        "starts {:?}",
        text.get(..30)
    );
    assert!(text.ends_with("line 2500"));
}

#[wasm_bindgen_test]
async fn ctrl_c_cancels_at_the_prompt_and_interrupts_when_running() {
    let calls = Calls::default();
    let root = mount(props(Vec::new(), false, &calls, 2000)).await;
    let field = input(&root);
    field.set_value("ech");
    assert!(key(&field, "c", true));
    assert_eq!(*calls.cancel.borrow(), ["ech"]);
    assert_eq!(field.value(), "");
    assert!(key(&field, "l", true));
    assert_eq!(*calls.clear.borrow(), 1);

    let running = mount(props(Vec::new(), true, &calls, 2000)).await;
    let hint = running
        .query_selector(".terminal-hint")
        .unwrap()
        .expect("a running hint");
    assert!(hint
        .text_content()
        .unwrap_or_default()
        .contains("running — Ctrl-C to stop"));
    key(&input(&running), "c", true);
    assert_eq!(*calls.interrupt.borrow(), 1);
}

#[wasm_bindgen_test]
async fn tab_inserts_the_completion_at_the_caret() {
    let calls = Calls::default();
    let root = mount(props(Vec::new(), false, &calls, 2000)).await;
    let field = input(&root);
    field.set_value("ls /pod-d");
    field.set_selection_range(9, 9).unwrap();
    assert!(key(&field, "Tab", false));
    assert_eq!(field.value(), "ls /pod-data/");
    field.set_value("");
    assert!(
        !key(&field, "Tab", false),
        "Tab on an empty line moves focus"
    );
}
