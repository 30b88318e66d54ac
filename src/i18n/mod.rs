//! Interface languages: English and Spanish message catalogues (`locales/*.ftl`), compiled into
//! tables by `build.rs`, and the language in force. The UI, the captions and the tours ask here
//! for their text; terminal output never comes from here (real programs print English).
//!
//! The language is chosen once, before the app mounts ([`Lang::choose`]: `lang=` wins, else the
//! browser's languages, else English), and held per thread. No web dependencies.

#[cfg(test)]
mod ftl;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt::Display;

mod tables {
    include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));
}

pub use tables::Msg;

/// A language the interface is shipped in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English (the source language, and the fallback).
    #[default]
    En,
    /// Spanish.
    Es,
}

impl Lang {
    /// Every shipped language.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The BCP 47 tag (`<html lang>`, `lang=`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The shipped language a BCP 47 tag asks for (`es-ES`, `es_419`, `EN-us`), if any.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// The language to use: an explicit `lang=` value wins (English when it names no shipped
    /// language, without complaint); otherwise the first of the browser's preferred languages
    /// that is shipped; otherwise English.
    pub fn choose<'a>(
        explicit: Option<&str>,
        preferred: impl IntoIterator<Item = &'a str>,
    ) -> Lang {
        match explicit {
            Some(tag) => Lang::from_tag(tag).unwrap_or_default(),
            None => preferred
                .into_iter()
                .find_map(Lang::from_tag)
                .unwrap_or_default(),
        }
    }

    fn texts(self) -> &'static [&'static str] {
        match self {
            Lang::En => tables::EN,
            Lang::Es => tables::ES,
        }
    }
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// Sets the language of this thread's interface (the app calls it once, before mounting).
pub fn set_lang(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

/// The language in force.
pub fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// A message's text in the language in force.
pub fn t(msg: Msg) -> &'static str {
    msg.text(lang())
}

/// A message's text with its `{name}` placeholders filled from `args`.
pub fn tf(msg: Msg, args: &[(&str, &dyn Display)]) -> String {
    fill(t(msg), args)
}

/// Fills `{name}` placeholders of `template` from `args`; unknown names stay as written.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after
            .find('}')
            .and_then(|close| Some((close, args.iter().find(|(n, _)| *n == &after[..close])?)));
        match value {
            Some((close, (_, v))) => {
                out.push_str(&v.to_string());
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Text whose English lives in its data (a tour step, a what-if): the translation under `key`
/// in the language in force, else `english`.
pub fn content<'a>(key: &str, english: &'a str) -> Cow<'a, str> {
    match lang() {
        Lang::En => Cow::Borrowed(english),
        Lang::Es => tables::ES_CONTENT
            .binary_search_by(|(k, _)| (*k).cmp(key))
            .map_or(Cow::Borrowed(english), |i| {
                Cow::Borrowed(tables::ES_CONTENT[i].1)
            }),
    }
}

impl Msg {
    /// The catalogue key (`controls.play`).
    pub fn key(self) -> &'static str {
        tables::KEYS[self as usize]
    }

    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        lang.texts()[self as usize]
    }
}
