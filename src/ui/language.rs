//! Picks the interface language when the page starts: `lang=` in the URL wins, then the
//! browser's languages (`navigator.languages`), then English; `<html lang>` and the page's
//! title follow.

use crate::i18n::{set_lang, t, Lang, Msg};

/// The `lang=` value of the page's URL, if any.
fn url_lang() -> Option<String> {
    let search = gloo::utils::window().location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get("lang")
}

/// The browser's preferred languages, most preferred first.
fn browser_langs() -> Vec<String> {
    let navigator = gloo::utils::window().navigator();
    let list: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}

/// Chooses the language, sets it for the app and on `<html lang>`, and returns it.
pub fn install() -> Lang {
    let explicit = url_lang();
    let preferred = browser_langs();
    let lang = Lang::choose(explicit.as_deref(), preferred.iter().map(String::as_str));
    set_lang(lang);
    let document = gloo::utils::document();
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
    document.set_title(t(Msg::PageTitle));
    lang
}
