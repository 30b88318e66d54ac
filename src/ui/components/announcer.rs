//! The screen reader's view of playback: a polite live region that says each step's caption,
//! and for a burst of steps (a fast loop, a curl's packets) one summary once it settles.

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::anim::announcement;
use crate::ui::state::AppContext;

/// How long playback must rest before what it showed is announced (ms): steps that come
/// faster are summarised together.
const SETTLE_MS: u32 = 700;

/// A visually hidden `aria-live="polite"` region announcing what playback shows.
#[component]
pub fn Announcer() -> Html {
    let state = use_context::<AppContext>();
    let text = use_state(String::new);
    let announced = use_mut_ref(|| 0usize);
    let position = state.as_ref().map_or(0, |s| s.playback.position);
    {
        let text = text.clone();
        use_effect_with(position, move |&position| {
            let timer = Timeout::new(SETTLE_MS, move || {
                let Some(state) = state else { return };
                let cluster = state.cluster.borrow();
                let events = cluster.trace().events();
                let to = position.min(events.len());
                let mut from = (*announced.borrow()).min(to);
                if from == to {
                    // Stepped back (or nothing new): say where playback now stands.
                    from = to.saturating_sub(1);
                }
                *announced.borrow_mut() = to;
                let said = announcement(events.get(from..to).unwrap_or_default());
                if !said.is_empty() {
                    text.set(said);
                }
            });
            move || drop(timer)
        });
    }
    html! {
        <p class="visually-hidden" aria-live="polite" data-testid="announcer">{ (*text).clone() }</p>
    }
}
