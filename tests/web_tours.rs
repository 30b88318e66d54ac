//! The guided tour bar and the what-if menu in headless Chromium: Next types the step's command
//! into its terminal and brings that terminal to the front, the caption follows the step, Back
//! rebuilds the pod, a what-if runs on a fresh pod and explains itself.
#![cfg(target_arch = "wasm32")]

use podscope::ui::components::{TourBar, TourBarProps, TourView};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};
use yew::Callback;

mod web_util;
use web_util::{find, fresh_root, text_of};

wasm_bindgen_test_configure!(run_in_browser);

async fn click(root: &Element, id: &str) {
    find(root, id)
        .unwrap_or_else(|| panic!("no data-testid={id}"))
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    yew::scheduler::flush().await;
}

/// Whether terminal `id`'s tab pane is the one shown.
fn terminal_shown(root: &Element, id: &str) -> bool {
    let pane = find(root, &format!("terminal-{id}"))
        .and_then(|t| t.closest(".terminal-pane").unwrap())
        .unwrap();
    !pane.has_attribute("hidden")
}

async fn mount_app() -> Element {
    let root = fresh_root();
    yew::Renderer::<podscope::ui::App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

#[wasm_bindgen_test]
async fn next_types_each_step_into_its_terminal_and_the_caption_follows() {
    let root = mount_app().await;
    click(&root, "scenario-shared-volume").await;
    click(&root, "tour-start").await;
    let first = text_of(&root, "tour-caption");
    assert!(first.contains("step 1 of 14"), "{first}");
    assert!(first.contains("emptyDir volume"), "{first}");

    click(&root, "tour-next").await;
    let second = text_of(&root, "tour-caption");
    assert!(second.contains("step 2 of 14"), "{second}");
    assert!(second.contains("READY 2/2"), "{second}");
    assert!(terminal_shown(&root, "kubectl"));
    let kubectl = text_of(&root, "terminal-output-kubectl");
    assert!(kubectl.contains("$ kubectl get pods"), "{kubectl}");
    assert!(kubectl.contains("2/2"), "{kubectl}");

    click(&root, "tour-next").await;
    assert!(text_of(&root, "tour-caption").contains("step 3 of 14"));
    assert!(terminal_shown(&root, "debian-container"));
    assert!(!terminal_shown(&root, "kubectl"));
    assert!(text_of(&root, "terminal-output-debian-container").contains("ls -la /pod-data"));

    click(&root, "tour-prev").await;
    assert!(text_of(&root, "tour-caption").contains("step 2 of 14"));
    assert!(
        !text_of(&root, "terminal-output-debian-container").contains("ls -la"),
        "Back rebuilds the pod as it was at step 2"
    );

    click(&root, "tour-end").await;
    assert!(find(&root, "tour-caption").is_none());
    assert!(
        find(&root, "tour-start").is_some(),
        "taken over: the start button is back"
    );
    assert!(
        text_of(&root, "terminal-output-kubectl").contains("2/2"),
        "the pod stays"
    );
}

#[wasm_bindgen_test]
async fn docs_original_tour_explains_completed() {
    let root = mount_app().await;
    click(&root, "scenario-docs-original").await;
    click(&root, "tour-start").await;
    click(&root, "tour-next").await;
    let caption = text_of(&root, "tour-caption");
    assert!(caption.contains("restartPolicy: Never"), "{caption}");
    click(&root, "tour-next").await;
    assert!(text_of(&root, "tour-caption").contains("Completed"));
    let kubectl = text_of(&root, "terminal-output-kubectl");
    assert!(kubectl.contains("Completed"), "{kubectl}");
}

#[wasm_bindgen_test]
async fn what_if_runs_on_a_fresh_pod_and_explains() {
    let root = mount_app().await;
    click(&root, "scenario-localhost").await;
    assert!(find(&root, "what-if-explanation").is_none());
    click(&root, "what-if-read-only").await;
    let note = text_of(&root, "what-if-explanation");
    assert!(note.contains("readOnly: true"), "{note}");
    assert!(terminal_shown(&root, "debian-container"));
    let debian = text_of(&root, "terminal-output-debian-container");
    assert!(debian.contains("Read-only file system"), "{debian}");
    let selected = root
        .query_selector("[data-testid=\"scenario-shared-volume\"]")
        .unwrap()
        .unwrap();
    assert_eq!(
        selected.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn empty_terminals_show_a_grey_hint_outside_the_transcript() {
    let root = mount_app().await;
    click(&root, "scenario-shared-volume").await;
    let hint = text_of(&root, "terminal-hint-debian-container");
    assert!(hint.contains("kubectl exec -it two-containers -c debian-container -- bash"));
    assert!(text_of(&root, "terminal-hint-kubectl").contains("Try: kubectl get pods"));
    assert_eq!(text_of(&root, "terminal-output-debian-container"), "");
}

#[wasm_bindgen_test]
async fn tour_bar_alone_shows_the_step_and_reports_clicks() {
    let root = fresh_root();
    let clicks = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let log = |name: &'static str| {
        let clicks = clicks.clone();
        Callback::from(move |()| clicks.borrow_mut().push(name))
    };
    let props = TourBarProps {
        tour: Some(TourView {
            title: "Localhost".into(),
            caption: "localhost is 127.0.0.1".into(),
            progress: "step 7 of 12".into(),
            typed: Some("debian-container $ curl localhost".into()),
            first: false,
            last: false,
            question: None,
            reveal: None,
            handout: Some("?print=localhost".into()),
        }),
        available: true,
        onstart: log("start"),
        onnext: log("next"),
        onprev: log("prev"),
        onend: log("end"),
        onanswer: Callback::noop(),
    };
    yew::Renderer::<TourBar>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let caption = text_of(&root, "tour-caption");
    assert!(caption.contains("step 7 of 12") && caption.contains("127.0.0.1"));
    assert!(caption.contains("$ curl localhost"));
    let handout = find(&root, "tour-handout").expect("a handout link");
    assert_eq!(
        handout.get_attribute("href").as_deref(),
        Some("?print=localhost")
    );
    click(&root, "tour-next").await;
    click(&root, "tour-prev").await;
    click(&root, "tour-end").await;
    assert_eq!(*clicks.borrow(), ["next", "prev", "end"]);
}

#[wasm_bindgen_test]
async fn a_tour_question_reports_the_option_picked_and_hides_the_caption() {
    use podscope::anim::question::Given;
    use podscope::ui::components::QuestionView;
    let root = fresh_root();
    let answers = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let onanswer = {
        let answers = answers.clone();
        Callback::from(move |g: Given| answers.borrow_mut().push(g))
    };
    let props = TourBarProps {
        tour: Some(TourView {
            title: "Localhost".into(),
            caption: "the caption comes after the answer".into(),
            progress: "step 9 of 12".into(),
            typed: Some("debian-container $ curl localhost:8080".into()),
            first: false,
            last: false,
            question: Some(QuestionView {
                prompt: "What will curl localhost:8080 print?".into(),
                options: vec!["Welcome".into(), "404".into(), "Couldn't connect".into()],
            }),
            reveal: None,
            handout: None,
        }),
        available: true,
        onstart: Callback::noop(),
        onnext: Callback::noop(),
        onprev: Callback::noop(),
        onend: Callback::noop(),
        onanswer,
    };
    yew::Renderer::<TourBar>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let caption = text_of(&root, "tour-caption");
    assert!(caption.contains("What will curl localhost:8080 print?"));
    assert!(!caption.contains("the caption comes after"), "{caption}");
    click(&root, "question-option-2").await;
    assert_eq!(*answers.borrow(), [Given::Option(2)]);
}
