//! One app container in the pod diagram.

use yew::prelude::*;

use crate::ui::diagram::layout::{BOX_TITLE, LINE};
use crate::ui::diagram::{ContainerModel, ContainerState, Rect};

/// Props of [`ContainerBox`].
#[derive(Properties, PartialEq)]
pub struct ContainerBoxProps {
    /// The container to draw.
    pub container: ContainerModel,
    /// Where to draw it.
    pub rect: Rect,
}

/// A container: its name, image, state, mount paths and processes, one per line.
#[component]
pub fn ContainerBox(props: &ContainerBoxProps) -> Html {
    let c = &props.container;
    let r = props.rect;
    let text_x = r.x + 18;
    let state_class = match c.state {
        ContainerState::Waiting { .. } => "state-waiting",
        ContainerState::Running => "state-running",
        ContainerState::Terminated { ref reason, .. } if reason == "Completed" => "state-completed",
        ContainerState::Terminated { .. } => "state-terminated",
    };
    let labelled = |label: &'static str, class: &'static str, text: String| {
        html! { <><tspan class="label">{ label }</tspan><tspan class={class}>{ text }</tspan></> }
    };
    let mut lines = vec![
        labelled("image ", "mono", c.image.clone()),
        html! { <tspan class={classes!("state", state_class)}>{ c.state.describe() }</tspan> },
    ];
    lines.extend(
        c.mounts
            .iter()
            .map(|m| labelled("mount ", "mono", m.path.clone())),
    );
    lines.extend(
        c.processes
            .iter()
            .map(|p| labelled("ps ", "process", p.clone())),
    );
    // `ls -i` order: inode first, so the number stays visible when a long path is clipped.
    lines.extend(c.files.iter().map(|f| {
        html! { <><tspan class="label">{ "ls -i " }</tspan><tspan class={classes!("file", f.lit.then_some("lit"))}>
            { format!("{} {}", f.inode, f.path) }</tspan></> }
    }));
    let rows = (0i32..).zip(lines).map(|(i, content)| {
        html! { <text class="container-line" x={text_x.to_string()} y={(r.y + BOX_TITLE + LINE * (i + 1)).to_string()}>{ content }</text> }
    });
    html! {
        <g class={classes!("container", state_class)} data-testid={format!("container-{}", c.name)}>
            <clipPath id={format!("clip-{}", c.name)}>
                <rect x={r.x.to_string()} y={r.y.to_string()} width={r.w.to_string()} height={r.h.to_string()} />
            </clipPath>
            <rect class="container-box" x={r.x.to_string()} y={r.y.to_string()}
                width={r.w.to_string()} height={r.h.to_string()} rx="12" />
            <g clip-path={format!("url(#clip-{})", c.name)}>
                <text class="container-name" x={text_x.to_string()} y={(r.y + BOX_TITLE).to_string()}>
                    { c.name.clone() }
                </text>
                { for rows }
            </g>
        </g>
    }
}
