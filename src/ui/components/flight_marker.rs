//! What moves across the pod diagram during one event: a document or a TCP segment.

use yew::prelude::*;

use crate::ui::diagram::{Flight, FlightKind};

/// Props of [`FlightMarker`].
#[derive(Properties, PartialEq)]
pub struct FlightMarkerProps {
    /// The route, the icon's position and its label.
    pub flight: Flight,
}

/// The route drawn faintly, and the icon (a page, or a packet dot) with its label on it.
#[component]
pub fn FlightMarker(props: &FlightMarkerProps) -> Html {
    let f = &props.flight;
    let points: Vec<String> = f.path.iter().map(|p| format!("{},{}", p.x, p.y)).collect();
    let (class, testid) = match f.kind {
        FlightKind::Document => ("flight flight-document", "flight-document"),
        FlightKind::Segment => ("flight flight-segment", "flight-segment"),
        FlightKind::Reset => ("flight flight-reset", "flight-segment"),
    };
    let (x, y) = (f.at.x, f.at.y);
    let icon = match f.kind {
        FlightKind::Document => html! {
            <path class="flight-icon" d={format!("M{} {}h22l10 10v32h-32z", x - 16, y - 21)} />
        },
        _ => html! { <circle class="flight-icon" cx={x.to_string()} cy={y.to_string()} r="11" /> },
    };
    let label_w = i32::try_from(f.label.chars().count())
        .unwrap_or(40)
        .saturating_mul(12)
        + 16;
    html! {
        <g class={class} data-testid={testid} aria-hidden="true">
            <polyline class="flight-route" points={points.join(" ")} />
            { icon }
            <rect class="flight-label-bg" x={(x + 18).to_string()} y={(y - 36).to_string()}
                width={label_w.to_string()} height="30" rx="6" />
            <text class="flight-label" x={(x + 26).to_string()} y={(y - 14).to_string()}>{ f.label.clone() }</text>
        </g>
    }
}
