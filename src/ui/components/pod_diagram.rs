//! The pod drawn as SVG: volumes, containers, and the network namespace they share.

use yew::prelude::*;

use super::{ContainerBox, FlightMarker, MountLinkLine, NetworkNamespace, VolumeNode};
use crate::ui::diagram::{describe, layout, DiagramModel, Flight, Shape};

/// Props of [`PodDiagram`].
#[derive(Properties, PartialEq)]
pub struct PodDiagramProps {
    /// The pod to draw.
    pub model: DiagramModel,
    /// What moves across it now, if anything (positions from the same layout).
    #[prop_or_default]
    pub flight: Option<Flight>,
    /// Wide (side by side) or narrow (stacked, for a phone); the flight must use the same.
    #[prop_or_default]
    pub shape: Shape,
}

/// The whole pod; scales to its container's width through the SVG `viewBox`.
#[component]
pub fn PodDiagram(props: &PodDiagramProps) -> Html {
    let m = &props.model;
    let l = layout(m, props.shape);
    let p = l.pod;
    let volumes = m.volumes.iter().zip(&l.volumes).map(|(name, rect)| {
        html! { <VolumeNode name={name.clone()} rect={*rect} /> }
    });
    let links = l
        .mounts
        .iter()
        .map(|link| html! { <MountLinkLine link={link.clone()} /> });
    let containers = m.containers.iter().zip(&l.containers).map(|(c, rect)| {
        html! { <ContainerBox container={c.clone()} rect={*rect} /> }
    });
    // What the drawing shows, in words, for screen readers.
    let summary = describe(m);
    html! {
        <svg class={classes!("pod-diagram", (props.shape == Shape::Narrow).then_some("is-narrow"))}
            data-testid="pod-diagram" role="img" aria-label={summary}
            viewBox={format!("0 0 {} {}", l.width, l.height)} preserveAspectRatio="xMidYMin meet">
            <rect class="pod-box" x={p.x.to_string()} y={p.y.to_string()}
                width={p.w.to_string()} height={p.h.to_string()} rx="22" />
            <text class="pod-title" x={l.title.x.to_string()} y={l.title.y.to_string()}>
                <tspan class="label">{ "Pod " }</tspan>{ m.pod_name.clone() }
            </text>
            <text class="pod-ip" data-testid="pod-ip" x={l.ip.x.to_string()}
                y={l.ip.y.to_string()} text-anchor="end">
                <tspan class="label">{ "IP " }</tspan>{ m.pod_ip.clone() }
            </text>
            <NetworkNamespace layout={l.clone()} pod_ip={m.pod_ip.clone()} listeners={m.listeners.clone()} />
            { for links }
            { for volumes }
            { for containers }
            if let Some(flight) = props.flight.clone() {
                <FlightMarker {flight} />
            }
        </svg>
    }
}
