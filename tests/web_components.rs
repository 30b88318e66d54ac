//! The first screen's components, mounted one at a time in a real browser (headless Chromium).
//!
//! Each test mounts into a fresh `<div>`, awaits `yew::scheduler::flush()` instead of sleeping,
//! and asserts on single nodes found by `data-testid`.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use podscope::ui::components::{
    ManifestView, ManifestViewProps, PodDiagram, PodDiagramProps, ScenarioBar, ScenarioBarProps,
};
use podscope::ui::diagram::Shape;
use podscope::ui::highlight::{tokenize, TokenKind};
use podscope::ui::scenarios::ScenarioId;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};
use yew::{AttrValue, Callback};

mod web_util;
use web_util::{find, fresh_root, text_of};

wasm_bindgen_test_configure!(run_in_browser);

/// The diagram of a built-in scenario's pod once started, as the App draws it.
fn live_diagram(id: &str) -> podscope::ui::diagram::DiagramModel {
    let cluster = podscope::sim::cluster::Cluster::with_scenario(id).unwrap();
    let scene = podscope::anim::derive(cluster.trace().events());
    podscope::ui::diagram::scene_model(&scene, None)
}

fn count_testid(root: &Element, id: &str) -> u32 {
    root.query_selector_all(&format!("[data-testid=\"{id}\"]"))
        .unwrap()
        .length()
}

fn click(root: &Element, id: &str) {
    find(root, id)
        .unwrap()
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
}

#[wasm_bindgen_test]
fn tokenizer_colours_the_docs_manifest_and_loses_nothing() {
    let manifest = ScenarioId::DocsOriginal.manifest();
    let lines = tokenize(manifest);
    let rebuilt: Vec<String> = lines
        .iter()
        .map(|l| l.iter().map(|t| t.text).collect())
        .collect();
    assert_eq!(rebuilt.join("\n"), manifest);
    let keys: Vec<&str> = lines
        .iter()
        .flatten()
        .filter(|t| t.kind == TokenKind::Key)
        .map(|t| t.text)
        .collect();
    assert!(keys.contains(&"mountPath") && keys.contains(&"restartPolicy"));
}

#[wasm_bindgen_test]
async fn diagram_draws_the_volume_once_joined_to_both_containers() {
    for shape in [Shape::Wide, Shape::Narrow] {
        diagram_in_shape(shape).await;
    }
}

async fn diagram_in_shape(shape: Shape) {
    let root = fresh_root();
    let props = PodDiagramProps {
        model: live_diagram("shared-volume"),
        flight: None,
        shape,
    };
    yew::Renderer::<PodDiagram>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    assert!(find(&root, "pod-diagram").is_some());
    let said = find(&root, "pod-diagram")
        .and_then(|svg| svg.get_attribute("aria-label"))
        .unwrap_or_default();
    assert!(
        said.contains("Container debian-container (image debian): Running"),
        "{said}"
    );
    assert!(text_of(&root, "container-nginx-container").contains("nginx"));
    assert!(text_of(&root, "container-debian-container").contains("/pod-data"));
    assert_eq!(count_testid(&root, "volume-shared-data"), 1);
    assert_eq!(text_of(&root, "mount-0-0"), "/usr/share/nginx/html");
    assert_eq!(text_of(&root, "mount-1-0"), "/pod-data");
    assert!(text_of(&root, "loopback").contains("127.0.0.1"));
    assert!(text_of(&root, "eth0").contains("10.244.1.5"));
    assert!(text_of(&root, "pod-ip").contains("10.244.1.5"));
}

#[wasm_bindgen_test]
async fn terminated_container_shows_its_reason_and_exit_code() {
    let root = fresh_root();
    let props = PodDiagramProps {
        model: live_diagram("docs-original"),
        flight: None,
        shape: Shape::Wide,
    };
    yew::Renderer::<PodDiagram>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    assert!(text_of(&root, "container-debian-container").contains("Terminated (Completed, exit 0)"));
}

#[wasm_bindgen_test]
async fn scenario_bar_marks_the_selection_and_reports_clicks() {
    let root = fresh_root();
    let picked = Rc::new(RefCell::new(None));
    let onselect = {
        let picked = picked.clone();
        Callback::from(move |id| *picked.borrow_mut() = Some(id))
    };
    let props = ScenarioBarProps {
        selected: ScenarioId::Localhost,
        onselect,
    };
    yew::Renderer::<ScenarioBar>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    let pressed = |id: &str| find(&root, id).unwrap().get_attribute("aria-pressed");
    assert_eq!(pressed("scenario-localhost").as_deref(), Some("true"));
    assert_eq!(pressed("scenario-shared-volume").as_deref(), Some("false"));
    click(&root, "scenario-docs-original");
    assert_eq!(*picked.borrow(), Some(ScenarioId::DocsOriginal));
}

#[wasm_bindgen_test]
async fn manifest_view_wraps_keys_and_numbers_in_token_spans() {
    let root = fresh_root();
    let props = ManifestViewProps {
        manifest: AttrValue::from("ports:\n- containerPort: 80\n"),
        file_name: AttrValue::from("p.yaml"),
        editable: false,
        onedit: Callback::noop(),
    };
    yew::Renderer::<ManifestView>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    let view = find(&root, "manifest-view").unwrap();
    let number = view.query_selector(".tok-number").unwrap().unwrap();
    assert_eq!(number.text_content().as_deref(), Some("80"));
    assert_eq!(view.query_selector_all(".tok-key").unwrap().length(), 2);
    assert_eq!(view.query_selector_all(".yaml-line").unwrap().length(), 2);
    assert!(find(&root, "manifest-editor").is_none());
}
