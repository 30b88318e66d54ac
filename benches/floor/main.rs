//! The benchmark's floor: a bare Yew counter, built with podscope's release profile and wasm-opt
//! settings (`make bench` builds it with Trunk from `benches/floor/index.html`), so the
//! browser figures of podscope can be read against the least a Yew page costs.

#[cfg(target_arch = "wasm32")]
mod counter {
    use yew::prelude::*;

    /// One button and the number of times it was pressed.
    #[component]
    pub fn Counter() -> Html {
        let count = use_state(|| 0_u32);
        let onclick = {
            let count = count.clone();
            Callback::from(move |_| count.set(*count + 1))
        };
        html! {
            <main>
                <h1>{ "Counter" }</h1>
                <button data-testid="floor-button" {onclick}>{ "+1" }</button>
                <p data-testid="floor-count">{ *count }</p>
            </main>
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<counter::Counter>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("floor runs in the browser: `make bench` builds it with Trunk.");
}
