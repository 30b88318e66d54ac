//! The page URL as the app's state: the parameters read at start, the address kept in step with
//! what is on show (`history.replaceState`), the links Share and "Open in podscope" hand out,
//! and the clipboard they are copied to. Web glue only; what a link holds is
//! [`crate::sim::session`]'s, what the parameters mean [`crate::ui::params`]'.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::sim::session::embed::scenario_page;
use crate::sim::session::split_secret;
use crate::ui::params::PageParams;
use crate::ui::scenarios::ScenarioId;
use crate::ui::state::AppState;

/// The page's address, if the window has one.
fn href() -> Option<String> {
    gloo::utils::window().location().href().ok()
}

/// The `name=value` pairs of `params`, in order.
fn pairs_of(params: &web_sys::UrlSearchParams) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    if let Ok(Some(entries)) = js_sys::try_iter(params) {
        for entry in entries.flatten() {
            let pair: js_sys::Array = entry.unchecked_into();
            let name = pair.get(0).as_string().unwrap_or_default();
            let value = pair.get(1).as_string().unwrap_or_default();
            pairs.push((name, value));
        }
    }
    pairs
}

/// The parameters the page itself stands for, `<meta name="podscope-defaults" content="…">`
/// (`embed=1` on embed.html, `scenario=localhost` on localhost.html; scripts/prerender.mjs).
fn page_defaults() -> Vec<(String, String)> {
    let content = gloo::utils::document()
        .query_selector("meta[name=\"podscope-defaults\"]")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"));
    content
        .and_then(|query| web_sys::UrlSearchParams::new_with_str(&query).ok())
        .map(|params| pairs_of(&params))
        .unwrap_or_default()
}

/// The `name=value` pairs of the page's URL, in order.
fn url_pairs() -> Vec<(String, String)> {
    href()
        .and_then(|h| web_sys::Url::new(&h).ok())
        .map(|url| pairs_of(&url.search_params()))
        .unwrap_or_default()
}

/// The page's parameter `name`: the URL's (first) value, else the page's default, else `None`.
pub fn page_param(name: &str) -> Option<String> {
    url_pairs()
        .into_iter()
        .chain(page_defaults())
        .find(|(key, _)| key == name)
        .map(|(_, value)| value)
}

/// The page's URL parameters, decoded, after the page's own defaults (the URL's win).
pub fn page_params() -> PageParams {
    let mut pairs = page_defaults();
    pairs.extend(url_pairs());
    PageParams::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

/// The page's fragment (with its `#`).
pub fn page_hash() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// The WordPress secret after the fragment's state, if the page has one.
pub fn page_secret() -> Option<String> {
    let hash = page_hash();
    split_secret(&hash).1.map(str::to_string)
}

/// The fragment for `state` (without `#`): its session, or empty for a fresh scenario.
fn fragment(state: &AppState) -> String {
    if state.has_history() {
        state.to_session().to_fragment()
    } else {
        String::new()
    }
}

/// `url` with `scenario=` set to the state's (removed for a custom manifest: the fragment
/// holds it) and the fragment replaced by the state's, keeping a WordPress secret.
fn with_state(url: &web_sys::Url, state: &AppState, keep_secret: bool) {
    let params = url.search_params();
    match state.scenario {
        ScenarioId::Custom => params.delete("scenario"),
        s => params.set("scenario", s.id()),
    }
    let mut hash = fragment(state);
    if let Some(secret) = page_secret().filter(|_| keep_secret) {
        hash.push_str(&format!("?secret={secret}"));
    }
    url.set_hash(&hash);
}

/// Keeps the address bar on the state: a reload or a copied address opens what is on show.
pub fn sync_address(state: &AppState) {
    let Some(url) = href().and_then(|h| web_sys::Url::new(&h).ok()) else {
        return;
    };
    with_state(&url, state, true);
    let next = url.href();
    if href().as_deref() == Some(next.as_str()) {
        return;
    }
    if let Ok(history) = gloo::utils::window().history() {
        // A sandboxed frame may refuse: the state then only lives in memory.
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&next));
    }
}

/// The parameters only an embed's frame uses, left out of links to the full app.
const EMBED_ONLY: [&str; 9] = [
    "embed", "view", "controls", "links", "load", "origin", "autoplay", "theme", "height",
];

/// The link that opens the full app at this state (Share, "Open in podscope"): on the
/// scenario's own page (`localhost.html`, whose oEmbed document WordPress finds), or the
/// folder's index for a custom manifest, whatever page this is (an embed's is embed.html).
pub fn app_link(state: &AppState) -> String {
    let Some(url) = href().and_then(|h| web_sys::Url::new(&h).ok()) else {
        return String::new();
    };
    let path = url.pathname();
    let folder = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    let page = match state.scenario {
        ScenarioId::Custom => String::new(),
        s => scenario_page(s.id()),
    };
    url.set_pathname(&format!("{folder}{page}"));
    let params = url.search_params();
    for name in EMBED_ONLY
        .iter()
        .chain(&["step", "from", "to", "loop", "tour", "speed"])
    {
        params.delete(name);
    }
    with_state(&url, state, false);
    url.href()
}

/// Copies `text` to the clipboard; `done` hears whether the browser allowed it (a sandboxed
/// frame or an old browser may not: the caller then shows the text to copy by hand).
pub fn copy(text: &str, done: impl FnOnce(bool) + 'static) {
    let navigator = gloo::utils::window().navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null());
    let Some(clipboard) = clipboard else {
        done(false);
        return;
    };
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    let promise = clipboard.write_text(text);
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let (ok, failed) = (done.clone(), done);
    let on_ok = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
        if let Some(f) = ok.take() {
            f(true);
        }
    });
    let on_err = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
        if let Some(f) = failed.take() {
            f(false);
        }
    });
    let _ = promise.then2(&on_ok, &on_err);
    // Each runs at most once, when the browser answers; a copy is a rare click.
    on_ok.forget();
    on_err.forget();
}
