//! The line from a volume to a container that mounts it.

use yew::prelude::*;

use crate::ui::diagram::MountLink;

/// Props of [`MountLinkLine`].
#[derive(Properties, PartialEq)]
pub struct MountLinkLineProps {
    /// The line's ends, label position and mount path.
    pub link: MountLink,
}

/// Approximate advance of one monospace character at the label's font size, in SVG units.
const CHAR_WIDTH: i32 = 10;

/// A line labelled with the mount path, on a backing pill so it stays legible over the line.
#[component]
pub fn MountLinkLine(props: &MountLinkLineProps) -> Html {
    let l = &props.link;
    let chars = i32::try_from(l.path.chars().count()).unwrap_or(64);
    let pill_w = chars * CHAR_WIDTH + 20;
    html! {
        <g class="mount-link" data-testid={format!("mount-{}-{}", l.container, l.volume)}>
            <line x1={l.from.x.to_string()} y1={l.from.y.to_string()}
                x2={l.to.x.to_string()} y2={l.to.y.to_string()} />
            <circle cx={l.to.x.to_string()} cy={l.to.y.to_string()} r="5" />
            <rect class="mount-label-bg" x={(l.label.x - pill_w / 2).to_string()}
                y={(l.label.y - 15).to_string()} width={pill_w.to_string()} height="30" rx="15" />
            <text class="mount-label" x={l.label.x.to_string()} y={(l.label.y + 6).to_string()}
                text-anchor="middle">{ l.path.clone() }</text>
        </g>
    }
}
