//! The explanation printed under the pod diagram.

use yew::prelude::*;

/// Props of [`DiagramCaption`].
#[derive(Properties, PartialEq)]
pub struct DiagramCaptionProps {
    /// What the diagram shows and why it matters, in a few sentences.
    pub text: AttrValue,
}

/// A short caption explaining the chosen scenario.
#[component]
pub fn DiagramCaption(props: &DiagramCaptionProps) -> Html {
    html! {
        <p class="diagram-caption" data-testid="diagram-caption">{ props.text.clone() }</p>
    }
}
