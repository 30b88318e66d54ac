//! A pod volume in the diagram, drawn once however many containers mount it.

use yew::prelude::*;

use crate::i18n::{t, Msg};

use crate::ui::diagram::Rect;

/// Props of [`VolumeNode`].
#[derive(Properties, PartialEq)]
pub struct VolumeNodeProps {
    /// `spec.volumes[*].name`.
    pub name: AttrValue,
    /// Where to draw it.
    pub rect: Rect,
}

/// A volume: a cylinder-like box with its name and type.
#[component]
pub fn VolumeNode(props: &VolumeNodeProps) -> Html {
    let r = props.rect;
    let cx = r.center_x().to_string();
    html! {
        <g class="volume" data-testid={format!("volume-{}", props.name)}>
            <rect class="volume-box" x={r.x.to_string()} y={r.y.to_string()}
                width={r.w.to_string()} height={r.h.to_string()} rx="30" />
            <text class="volume-name" x={cx.clone()} y={(r.y + 28).to_string()} text-anchor="middle">
                { props.name.clone() }
            </text>
            <text class="volume-kind" x={cx} y={(r.y + 50).to_string()} text-anchor="middle">
                { t(Msg::DiagramVolume) }
            </text>
        </g>
    }
}
