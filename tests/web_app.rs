//! The whole App in headless Chromium: terminals run in the simulated pod, the diagram follows
//! the playback position, the event log fills, the browser preview shows what nginx serves.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit};

mod web_util;
use web_util::{by_testid, fresh_root, text_of};

wasm_bindgen_test_configure!(run_in_browser);

fn click(root: &Element, id: &str) {
    by_testid(root, id)
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
}

/// Types `line` into a terminal's input and presses Enter.
async fn type_line(root: &Element, terminal: &str, line: &str) {
    let input: HtmlInputElement = by_testid(root, &format!("terminal-input-{terminal}"))
        .dyn_into()
        .unwrap();
    input.set_value(line);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    let init = KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_bubbles(true);
    let enter = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    input.dispatch_event(&enter).unwrap();
    yew::scheduler::flush().await;
}

async fn mount() -> Element {
    let root = fresh_root();
    yew::Renderer::<podscope::ui::App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

#[wasm_bindgen_test]
async fn curl_in_debian_gets_nginx_403_and_the_event_log_fills() {
    let root = mount().await;
    click(&root, "scenario-shared-volume");
    yew::scheduler::flush().await;
    let before = root
        .query_selector_all("[data-testid=\"event\"]")
        .unwrap()
        .length();
    assert!(before > 0, "start-up events are listed");
    // As in a real debian image, the package lists start empty: update first.
    type_line(&root, "debian-container", "apt-get update").await;
    type_line(&root, "debian-container", "apt-get install -y curl").await;
    type_line(&root, "debian-container", "curl localhost").await;
    let out = text_of(&root, "terminal-output-debian-container");
    assert!(out.contains("<title>403 Forbidden</title>"), "{out}");
    let after = root
        .query_selector_all("[data-testid=\"event\"]")
        .unwrap()
        .length();
    assert!(after > before, "{before} -> {after}");
    assert!(root
        .query_selector("[data-testid=\"event\"][data-kind=\"tcp\"]")
        .unwrap()
        .is_some());
    assert!(text_of(&root, "browser-preview").contains("403 Forbidden"));
}

#[wasm_bindgen_test]
async fn step_back_redraws_the_diagram_and_writes_light_up_both_containers() {
    let root = mount().await;
    click(&root, "scenario-shared-volume");
    yew::scheduler::flush().await;
    type_line(&root, "debian-container", "echo hi > /pod-data/index.html").await;
    click(&root, "pause");
    yew::scheduler::flush().await;
    // Jump to the end: the file shows in both containers with one inode.
    let slider: HtmlInputElement = root
        .query_selector("input[type=range]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let max = slider.max();
    slider.set_value(&max);
    slider
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    let nginx = text_of(&root, "container-nginx-container");
    assert!(
        nginx.contains(" /usr/share/nginx/html/index.html"),
        "{nginx}"
    );
    let debian = text_of(&root, "container-debian-container");
    let inode = |s: &str| {
        s.split("ls -i ").nth(1).map(|r| {
            r.chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
        })
    };
    assert_eq!(inode(&nginx), inode(&debian));
    // Back before the write: the file is gone from the diagram.
    for _ in 0..3 {
        click(&root, "step-back");
        yew::scheduler::flush().await;
    }
    assert!(!text_of(&root, "container-nginx-container").contains("index.html"));
    assert!(
        text_of(&root, "browser-preview").contains("200 OK"),
        "the preview is the pod now"
    );
}

#[wasm_bindgen_test]
async fn docs_original_debian_terminal_is_disabled_and_tour_runs() {
    let root = mount().await;
    click(&root, "scenario-docs-original");
    yew::scheduler::flush().await;
    assert!(text_of(&root, "container-debian-container").contains("Completed"));
    click(&root, "tour-start");
    yew::scheduler::flush().await;
    assert!(text_of(&root, "tour-caption").contains("Completed"));
    click(&root, "tour-next");
    yew::scheduler::flush().await;
    assert!(text_of(&root, "terminal-output-kubectl").contains("two-containers"));
}

#[wasm_bindgen_test]
async fn the_served_page_is_sandboxed_and_may_fetch_nothing() {
    let root = mount().await;
    click(&root, "scenario-shared-volume");
    yew::scheduler::flush().await;
    type_line(
        &root,
        "debian-container",
        "echo '<script>parent.document.body.remove()</script><img src=\"https://example.com/x.png\">' > /pod-data/index.html",
    )
    .await;
    let frame = root
        .query_selector("[data-testid=\"browser-preview\"] iframe")
        .unwrap()
        .expect("the preview has an iframe");
    assert_eq!(
        frame.get_attribute("sandbox").as_deref(),
        Some(""),
        "no scripts, no same-origin"
    );
    let srcdoc = frame.get_attribute("srcdoc").unwrap_or_default();
    assert!(
        srcdoc.starts_with(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'"
        ),
        "{srcdoc}"
    );
    assert!(
        srcdoc.contains("<script>"),
        "the page is shown as nginx serves it"
    );
    assert!(root.is_connected(), "the app is still there");
}
