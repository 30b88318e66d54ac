//! Hooks the explainer shares: the animation-frame clock and settings kept in LocalStorage.

use std::cell::Cell;
use std::rc::Rc;

use gloo::render::{request_animation_frame, AnimationFrame};
use gloo::storage::{LocalStorage, Storage};
use yew::prelude::*;

/// The longest frame gap fed to the clock: a hidden tab does not jump ahead on return.
const MAX_FRAME_MS: f64 = 100.0;

/// While `active`, asks for one animation frame per `frame` value and reports the milliseconds
/// since the previous frame to `ontick`. The caller bumps `frame` on each tick it handles, so
/// the next frame is requested after the re-render; the pending frame is dropped (cancelled) when
/// `active` turns false or the component unmounts. Never a permanent loop.
#[hook]
pub fn use_animation_frames(active: bool, frame: u64, ontick: Callback<f64>) {
    let last: Rc<Cell<Option<f64>>> = use_memo((), |_| Cell::new(None));
    use_effect_with((active, frame), move |&(active, _)| {
        let handle: Option<AnimationFrame> = if active {
            let last = last.clone();
            Some(request_animation_frame(move |now| {
                let dt = last
                    .get()
                    .map_or(0.0, |before| (now - before).clamp(0.0, MAX_FRAME_MS));
                last.set(Some(now));
                ontick.emit(dt);
            }))
        } else {
            last.set(None);
            None
        };
        move || drop(handle)
    });
}

/// Whether the browser's storage may be used: never in an embed (`?embed=1`), whose host may
/// frame it with `sandbox="allow-scripts"`, where merely asking for `localStorage` throws;
/// and only when the window hands out a storage at all.
pub fn storage_allowed() -> bool {
    !crate::ui::provider::embedded()
        && gloo::utils::window()
            .local_storage()
            .is_ok_and(|s| s.is_some())
}

/// Whether the page's media query `query` matches (e.g. `(prefers-reduced-motion: reduce)`);
/// false where the browser cannot say.
pub fn media_matches(query: &str) -> bool {
    use wasm_bindgen::JsCast;
    let window = gloo::utils::window();
    js_sys::Reflect::get(&window, &"matchMedia".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&window, &query.into()).ok())
        .and_then(|list| js_sys::Reflect::get(&list, &"matches".into()).ok())
        .and_then(|m| m.as_bool())
        .unwrap_or(false)
}

/// Whether the media query `query` matches now, re-rendering the caller whenever that changes
/// (a phone turned sideways, a window resized past a breakpoint).
#[hook]
pub fn use_media(query: &'static str) -> bool {
    let matches = use_state(|| media_matches(query));
    {
        let matches = matches.clone();
        use_effect_with(query, move |query| {
            let list = gloo::utils::window().match_media(query).ok().flatten();
            let listener = list.map(|list| {
                let target = list.clone();
                gloo::events::EventListener::new(&list, "change", move |_| {
                    matches.set(target.matches());
                })
            });
            move || drop(listener)
        });
    }
    *matches
}

/// The string setting kept in LocalStorage under `key`, if any (an unavailable storage, as in
/// sandboxed iframes, or an embed, just has nothing).
pub fn stored(key: &'static str) -> Option<String> {
    storage_allowed()
        .then(|| LocalStorage::get::<String>(key).ok())
        .flatten()
}

/// Stores `value` under `key`, ignoring a storage that refuses (and never in an embed).
pub fn store(key: &'static str, value: &str) {
    if storage_allowed() {
        let _ = LocalStorage::set(key, value);
    }
}
