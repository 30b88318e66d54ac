//! The pod's one network namespace: the pause container holding it, `lo`, listeners, `eth0`.

use yew::prelude::*;

use crate::ui::diagram::{DiagramLayout, Rect};

/// Props of [`NetworkNamespace`].
#[derive(Properties, PartialEq)]
pub struct NetworkNamespaceProps {
    /// Positions (the namespace box, the bus, the taps, pause, eth0).
    pub layout: DiagramLayout,
    /// The address on `eth0`.
    pub pod_ip: AttrValue,
    /// Listening sockets, e.g. `0.0.0.0:80 nginx`.
    pub listeners: Vec<String>,
}

fn device(class: &'static str, r: Rect, title: &str, detail: &str, testid: &'static str) -> Html {
    html! {
        <g class={class} data-testid={testid}>
            <rect x={r.x.to_string()} y={r.y.to_string()} width={r.w.to_string()}
                height={r.h.to_string()} rx="10" />
            <text class="device-name" x={(r.x + 16).to_string()} y={(r.y + 30).to_string()}>{ title.to_string() }</text>
            <text class="device-detail" x={(r.x + 16).to_string()} y={(r.y + 56).to_string()}>{ detail.to_string() }</text>
        </g>
    }
}

/// The shared network namespace, with every container tapped onto the one loopback bus.
#[component]
pub fn NetworkNamespace(props: &NetworkNamespaceProps) -> Html {
    let l = &props.layout;
    let n = l.netns;
    let (left, right) = l.loopback;
    let taps = l.taps.iter().map(|tap| {
        let points: Vec<String> = tap.iter().map(|p| format!("{},{}", p.x, p.y)).collect();
        html! { <polyline class="tap" points={points.join(" ")} /> }
    });
    let listeners = (0i32..).zip(&props.listeners).map(|(i, listener)| {
        html! { <text class="listener" x={l.listeners.x.to_string()} y={(l.listeners.y + 28 + 28 * i).to_string()}>
            <tspan class="label">{ "LISTEN " }</tspan>{ listener.clone() }</text> }
    });
    html! {
        <g class="netns" data-testid="network-namespace">
            <rect class="netns-box" x={n.x.to_string()} y={n.y.to_string()}
                width={n.w.to_string()} height={n.h.to_string()} rx="14" />
            <text class="netns-title" x={(n.x + 16).to_string()} y={(n.y + 26).to_string()}>
                { "network namespace, shared by every container" }
            </text>
            { for taps }
            <g class="loopback" data-testid="loopback">
                <line class="bus" x1={left.x.to_string()} y1={left.y.to_string()}
                    x2={right.x.to_string()} y2={right.y.to_string()} />
                <text class="bus-label" x={right.x.to_string()} y={(left.y + 28).to_string()} text-anchor="end">
                    <tspan class="device-name">{ "lo " }</tspan>{ "127.0.0.1" }
                </text>
            </g>
            { device("pause", l.pause, "pause", "holds the namespace", "pause-container") }
            <g class="listeners" data-testid="listeners">{ for listeners }</g>
            { device("eth0", l.eth0, "eth0", &props.pod_ip, "eth0") }
        </g>
    }
}
