//! The timeline, inspector and editor components, mounted one at a time in headless Chromium.
//!
//! Each test mounts into a fresh `<div>`, awaits `yew::scheduler::flush()` instead of sleeping,
//! and asserts on single nodes found by `data-testid` (or a field's `data-field`).
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::net::{IpAddr, Ipv4Addr};
use std::rc::Rc;

use podscope::sim::event::{Actor, EventKind, SegmentInfo, Trace};
use podscope::sim::net::{NetNamespace, Owner};
use podscope::sim::scenario;
use podscope::ui::editor::{ManifestEditor, ManifestEditorProps};
use podscope::ui::inspector::{PacketInspector, PacketInspectorProps};
use podscope::ui::timeline::{
    event_row, Controls, ControlsProps, EventLog, EventLogProps, EventRow, Filters,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};
use yew::{AttrValue, Callback};

mod web_util;
use web_util::fresh_root;

wasm_bindgen_test_configure!(run_in_browser);

fn select(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn text(root: &Element, selector: &str) -> String {
    select(root, selector).text_content().unwrap_or_default()
}

fn click(el: &Element) {
    el.clone().dyn_into::<HtmlElement>().unwrap().click();
}

/// A SYN from curl to nginx, as the pod's network namespace really sends it.
fn real_syn() -> Vec<u8> {
    let owner = |container: &str, pid, program: &str| Owner {
        container: container.into(),
        pid,
        program: program.into(),
    };
    let mut ns = NetNamespace::new([10, 244, 1, 5]);
    ns.listen(
        owner("nginx-container", 1, "nginx"),
        IpAddr::V4(Ipv4Addr::UNSPECIFIED),
        80,
        0,
    )
    .unwrap();
    ns.connect(
        owner("debian-container", 42, "curl"),
        IpAddr::V4(Ipv4Addr::LOCALHOST),
        80,
        10,
    )
    .unwrap();
    ns.poll(10);
    ns.captures()[0].bytes.clone()
}

/// One event of each of three categories: a command, a file write, a segment.
fn three_rows() -> Rc<Vec<EventRow>> {
    let mut t = Trace::default();
    let bash = Actor::process("debian-container", 7, "bash");
    t.record(
        0,
        bash.clone(),
        EventKind::CommandTyped {
            container: "debian-container".into(),
            line: "echo hi > /pod-data/index.html".into(),
        },
    );
    t.record(
        1,
        bash,
        EventKind::FileWritten {
            path: "/pod-data/index.html".into(),
            inode: 42,
            size: 3,
            volume: Some("shared-data".into()),
            also_at: vec![(
                "nginx-container".into(),
                "/usr/share/nginx/html/index.html".into(),
            )],
        },
    );
    t.record(
        2,
        Actor::process("debian-container", 9, "curl"),
        EventKind::Segment(SegmentInfo {
            index: 0,
            src: "127.0.0.1".into(),
            dst: "127.0.0.1".into(),
            sport: 57888,
            dport: 80,
            flags: "SYN".into(),
            seq: 1,
            ack: 0,
            len: 0,
            window: 65535,
        }),
    );
    Rc::new(t.events().iter().map(event_row).collect())
}

fn log_props(
    filters: Filters,
    onselect: Callback<usize>,
    onfilter: Callback<Filters>,
) -> EventLogProps {
    EventLogProps {
        events: three_rows(),
        position: 2,
        selected: None,
        filters,
        onselect,
        onfilter,
        dropped: 0,
    }
}

#[wasm_bindgen_test]
async fn filters_hide_categories_and_chips_report_toggles() {
    let root = fresh_root();
    let toggled = Rc::new(RefCell::new(None));
    let onfilter = {
        let toggled = toggled.clone();
        Callback::from(move |f| *toggled.borrow_mut() = Some(f))
    };
    let props = log_props(
        Filters::default().toggled("file"),
        Callback::noop(),
        onfilter,
    );
    yew::Renderer::<EventLog>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    assert!(root
        .query_selector("[data-testid=event-log]")
        .unwrap()
        .is_some());
    let kinds: Vec<String> = (0..root
        .query_selector_all("[data-testid=event]")
        .unwrap()
        .length())
        .filter_map(|i| {
            root.query_selector_all("[data-testid=event]")
                .unwrap()
                .item(i)
        })
        .filter_map(|n| n.dyn_into::<Element>().ok()?.get_attribute("data-kind"))
        .collect();
    assert_eq!(kinds, ["process", "tcp"]);
    let chip = select(&root, ".filter-chip[data-kind=file]");
    assert_eq!(chip.get_attribute("aria-pressed").as_deref(), Some("false"));
    assert!(text(&root, "[data-kind=tcp] .event-label").starts_with("SYN 127.0.0.1:57888"));
    // The segment is event 2 and only 2 events are shown: it is in the future.
    assert!(select(&root, "[data-testid=event][data-kind=tcp]")
        .get_attribute("class")
        .unwrap_or_default()
        .contains("is-future"));
    click(&chip);
    assert_eq!(*toggled.borrow(), Some(Filters::default()));
}

#[wasm_bindgen_test]
async fn clicking_an_entry_selects_its_seq() {
    let root = fresh_root();
    let picked = Rc::new(RefCell::new(None));
    let onselect = {
        let picked = picked.clone();
        Callback::from(move |seq| *picked.borrow_mut() = Some(seq))
    };
    let props = log_props(Filters::default(), onselect, Callback::noop());
    yew::Renderer::<EventLog>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    let current = select(&root, "[data-testid=event][aria-current=step]");
    assert_eq!(current.get_attribute("data-kind").as_deref(), Some("file"));
    click(&select(&root, "[data-testid=event][data-kind=tcp]"));
    assert_eq!(*picked.borrow(), Some(2));
}

#[wasm_bindgen_test]
async fn controls_show_the_step_and_disable_what_cannot_happen() {
    let root = fresh_root();
    let seeks = Rc::new(RefCell::new(Vec::new()));
    let onstep_forward = {
        let seeks = seeks.clone();
        Callback::from(move |()| seeks.borrow_mut().push("forward"))
    };
    let props = ControlsProps {
        playing: false,
        position: 0,
        len: 12,
        speed: 1.0,
        onplay: Callback::noop(),
        onpause: Callback::noop(),
        onstep_forward,
        onstep_back: Callback::noop(),
        onreset: Callback::noop(),
        onseek: Callback::noop(),
        onspeed: Callback::noop(),
        presenter: false,
        onpresenter: None,
    };
    yew::Renderer::<Controls>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    assert_eq!(text(&root, ".control-step"), "step 0 of 12");
    let disabled =
        |id: &str| select(&root, &format!("[data-testid={id}]")).has_attribute("disabled");
    assert!(disabled("step-back") && disabled("pause"));
    assert!(!disabled("play") && !disabled("step-forward"));
    click(&select(&root, "[data-testid=step-forward]"));
    assert_eq!(*seeks.borrow(), ["forward"]);
    assert_eq!(
        select(&root, "input[type=range]")
            .get_attribute("aria-label")
            .as_deref(),
        Some("timeline")
    );
}

#[wasm_bindgen_test]
async fn inspector_shows_a_real_syn() {
    let root = fresh_root();
    let bytes = real_syn();
    let props = PacketInspectorProps {
        packet: Some(Rc::new(bytes.clone())),
        index: Some(0),
        t_ms: 10,
        ondownload: Callback::noop(),
    };
    yew::Renderer::<PacketInspector>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    let seq = u32::from_be_bytes([bytes[24], bytes[25], bytes[26], bytes[27]]);
    assert_eq!(
        text(&root, "[data-field='Sequence number'] dd"),
        seq.to_string()
    );
    assert_eq!(
        text(&root, "[data-field='Acknowledgment number'] dd"),
        "0 (ACK not set)"
    );
    assert_eq!(text(&root, "[data-field='Destination port'] dd"), "80");
    assert_eq!(text(&root, ".flag-pill.is-set"), "SYN");
    assert!(text(&root, "[data-field='Checksum'] dd").ends_with("✓ correct"));
    assert!(text(&root, ".hex-dump").starts_with("0000  45 00"));
}

#[wasm_bindgen_test]
async fn inspector_without_a_packet_says_what_to_do_and_offers_the_pcap() {
    let root = fresh_root();
    let downloads = Rc::new(RefCell::new(0));
    let ondownload = {
        let downloads = downloads.clone();
        Callback::from(move |()| *downloads.borrow_mut() += 1)
    };
    let props = PacketInspectorProps {
        packet: None,
        index: None,
        t_ms: 0,
        ondownload,
    };
    yew::Renderer::<PacketInspector>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    assert!(text(&root, "[data-testid=packet-inspector]")
        .contains("Select a segment (TCP event) to inspect it"));
    click(&select(&root, "[data-testid=download-pcap]"));
    assert_eq!(*downloads.borrow(), 1);
}

fn mount_editor(root: &Element, yaml: &str, onapply: Callback<String>) {
    let props = ManifestEditorProps {
        text: AttrValue::from(yaml.to_string()),
        oninput: Callback::noop(),
        onapply,
    };
    yew::Renderer::<ManifestEditor>::with_root_and_props(root.clone(), props).render();
}

fn apply_button(root: &Element) -> Element {
    select(root, "[data-testid=manifest-apply]")
}

#[wasm_bindgen_test]
async fn editor_positions_an_error_and_blocks_apply() {
    let root = fresh_root();
    let bad = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    imagee: nginx\n";
    mount_editor(&root, bad, Callback::noop());
    yew::scheduler::flush().await;
    assert!(text(&root, "[data-testid=manifest-error]").starts_with("line 8, column 5: "));
    assert!(apply_button(&root).has_attribute("disabled"));
    assert_eq!(text(&root, ".gutter-line.is-error"), "8");
}

#[wasm_bindgen_test]
async fn editor_applies_a_good_manifest() {
    let root = fresh_root();
    let applied = Rc::new(RefCell::new(None));
    let onapply = {
        let applied = applied.clone();
        Callback::from(move |text| *applied.borrow_mut() = Some(text))
    };
    let good = scenario::all()[0].manifest;
    mount_editor(&root, good, onapply);
    yew::scheduler::flush().await;
    assert!(root
        .query_selector("[data-testid=manifest-error]")
        .unwrap()
        .is_none());
    let apply = apply_button(&root);
    assert!(!apply.has_attribute("disabled"));
    click(&apply);
    assert_eq!(applied.borrow().as_deref(), Some(good));
}
