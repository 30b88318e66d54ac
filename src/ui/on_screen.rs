//! Whether anyone can see the app: the tab is shown (`document.visibilityState`) and the page
//! intersects the viewport. Inside an iframe, an `IntersectionObserver` on `<html>` with no
//! root measures the frame against the top-level viewport, cross-origin too, so an embed
//! scrolled out of a blog post counts as off screen. The animation clock runs only while this
//! is true, and `autoplay=1` waits for it.

use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{IntersectionObserver, IntersectionObserverEntry};
use yew::prelude::*;

use crate::ui::state::{Action, AppContext};

/// Whether the tab is shown (`visibilityState` is `visible`; true where the browser cannot say).
fn tab_shown() -> bool {
    let document = gloo::utils::document();
    js_sys::Reflect::get(&document, &"visibilityState".into())
        .ok()
        .and_then(|v| v.as_string())
        .is_none_or(|state| state == "visible")
}

/// Whether the page can be seen now. `false` until the browser's first intersection report
/// (an observer reports once as soon as it starts), so nothing starts unseen.
#[hook]
pub fn use_on_screen() -> bool {
    let in_view = use_state_eq(|| false);
    let shown = use_state_eq(tab_shown);
    {
        let (in_view, shown) = (in_view.clone(), shown.clone());
        use_effect_with((), move |_| {
            let fallback = in_view.clone();
            let on_change =
                Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                    // The newest entry wins (several arrive when the frame moves fast).
                    if let Some(entry) = entries
                        .iter()
                        .last()
                        .and_then(|e| e.dyn_into::<IntersectionObserverEntry>().ok())
                    {
                        in_view.set(entry.is_intersecting());
                    }
                });
            let observer = IntersectionObserver::new(on_change.as_ref().unchecked_ref()).ok();
            let root = gloo::utils::document().document_element();
            match (&observer, root) {
                (Some(o), Some(root)) => o.observe(&root),
                // No observer (a very old browser): take the page as in view.
                _ => fallback.set(true),
            }
            let listener =
                EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| {
                    shown.set(tab_shown())
                });
            let kept = Rc::new(on_change);
            move || {
                if let Some(o) = observer {
                    o.disconnect();
                }
                drop(listener);
                drop(kept);
            }
        });
    }
    *in_view && *shown
}

/// `autoplay=1`: presses Play once, the first time `seen` is true (the caller passes false
/// while the reader asks for reduced motion, so it then never plays). Without `step=` or
/// `from=`, playback starts from the first step.
#[hook]
pub fn use_autoplay(state: Option<AppContext>, seen: bool) {
    let done = use_mut_ref(|| false);
    use_effect_with(seen, move |&seen| {
        let Some(s) = state.filter(|s| s.params.autoplay) else {
            return;
        };
        if !seen || *done.borrow() {
            return;
        }
        *done.borrow_mut() = true;
        let from_start = s.params.step.is_none() && s.params.from.is_none();
        if from_start && s.playback.position >= s.len() {
            s.dispatch(Action::Seek(0));
        }
        s.dispatch(Action::Play);
    });
}
