//! Auto-height: with `height=auto` (or a WordPress secret in the fragment) the embed lays out
//! at the height its content needs (`<html data-height="auto">`, style/host.css: nothing in
//! that layout depends on the frame's height, so adopting the height changes nothing and no
//! feedback loop starts) and reports that height whenever it changes, shrinking as well as
//! growing: a `ResizeObserver` watches `<body>`, the wrapper of everything shown. Reported in
//! every protocol hosts speak: Embedly's `iframe.resize` (a JSON string), WordPress' `height`
//! message (with its secret), and `window.requestResize()` for browsers that size a frame to a
//! document with `<meta name="responsive-embedded-sizing">` (index.html).

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::sim::session::embed::{embedly_resize, wordpress_height};
use crate::ui::embed_api::{host_window, post, post_json};
use crate::ui::permalink::page_secret;
use crate::ui::state::AppState;

/// Tells the host the content's height: `height` CSS pixels.
fn report(height: u32, origin: &str, secret: Option<&str>) {
    let src = gloo::utils::window().location().href().unwrap_or_default();
    post(&JsValue::from_str(&embedly_resize(&src, height)), origin);
    if let Some(secret) = secret {
        post_json(&wordpress_height(secret, height), origin);
    }
    let window = gloo::utils::window();
    let resize = js_sys::Reflect::get(&window, &"requestResize".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(resize) = resize {
        // Refused (NotAllowedError) unless the host opted in with `frame-sizing`: harmless.
        let _ = resize.call0(&window);
    }
}

/// Watches the content's height and reports each change, while framed and asked to.
#[hook]
pub fn use_auto_height(state: &AppState) {
    let origin = crate::ui::embed_api::target_origin(state);
    let auto = state.params.auto_height;
    use_effect_with((), move |_| {
        let secret = page_secret();
        let observer = (host_window().is_some() && (auto || secret.is_some()))
            .then(|| observe(origin, secret))
            .flatten();
        move || {
            if let Some((observer, _callback)) = observer {
                observer.disconnect();
            }
        }
    });
}

/// The observer on `<body>` and the callback it holds.
type Watch = (web_sys::ResizeObserver, Closure<dyn FnMut(JsValue)>);

/// Switches the page to its content-height layout and starts reporting.
fn observe(origin: String, secret: Option<String>) -> Option<Watch> {
    let document = gloo::utils::document();
    let root = document.document_element()?;
    let _ = root.set_attribute("data-height", "auto");
    let body = document.body()?;
    let last = Rc::new(Cell::new(0_u32));
    let measured = body.clone();
    let callback = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
        let height = u32::try_from(measured.offset_height()).unwrap_or(0);
        if height > 0 && height != last.get() {
            last.set(height);
            report(height, &origin, secret.as_deref());
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&body);
    Some((observer, callback))
}
