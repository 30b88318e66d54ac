//! The Yew front end (being written).

use yew::prelude::*;

/// The root component.
#[component]
pub fn App() -> Html {
    html! { <h1>{ "podscope" }</h1> }
}
