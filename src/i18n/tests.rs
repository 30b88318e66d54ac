//! The catalogues are complete and consistent: every English key has a Spanish text with the
//! same placeholders, every key is used, and the language choice follows `lang=` and the
//! browser.

use super::ftl::{parse, placeholders, Entry};
use super::*;
use std::collections::BTreeSet;

const EN_FILE: &str = include_str!("../../locales/en.ftl");
const ES_FILE: &str = include_str!("../../locales/es.ftl");

fn catalogue(name: &str, text: &str) -> Vec<Entry> {
    parse(text).unwrap_or_else(|e| panic!("locales/{name}.ftl: {e}"))
}

fn is_content(key: &str) -> bool {
    key.starts_with("data.")
}

#[test]
fn spanish_has_every_english_key() {
    let es: BTreeSet<String> = catalogue("es", ES_FILE)
        .into_iter()
        .map(|e| e.key)
        .collect();
    let missing: Vec<String> = catalogue("en", EN_FILE)
        .into_iter()
        .filter(|e| !es.contains(&e.key))
        .map(|e| format!("{} (en.ftl line {})", e.key, e.line))
        .collect();
    assert!(missing.is_empty(), "locales/es.ftl lacks: {missing:?}");
}

#[test]
fn spanish_has_no_key_english_lacks() {
    let en: BTreeSet<String> = catalogue("en", EN_FILE)
        .into_iter()
        .map(|e| e.key)
        .collect();
    let extra: Vec<String> = catalogue("es", ES_FILE)
        .into_iter()
        .filter(|e| !en.contains(&e.key) && !is_content(&e.key))
        .map(|e| e.key)
        .collect();
    assert!(
        extra.is_empty(),
        "locales/es.ftl has keys en.ftl lacks: {extra:?}"
    );
}

#[test]
fn placeholders_match_between_languages() {
    let en = catalogue("en", EN_FILE);
    let mut differ = Vec::new();
    for e in catalogue("es", ES_FILE) {
        if let Some(source) = en.iter().find(|s| s.key == e.key) {
            if placeholders(&source.text) != placeholders(&e.text) {
                differ.push(format!(
                    "{}: en {:?}, es {:?}",
                    e.key,
                    placeholders(&source.text),
                    placeholders(&e.text)
                ));
            }
        }
    }
    assert!(differ.is_empty(), "placeholders differ: {differ:?}");
}

#[test]
fn texts_are_not_empty() {
    for (name, file) in [("en", EN_FILE), ("es", ES_FILE)] {
        for e in catalogue(name, file) {
            assert!(!e.text.is_empty(), "locales/{name}.ftl: {} is empty", e.key);
        }
    }
}

/// Every Rust source file under `src/`, read.
fn sources() -> String {
    fn walk(dir: &std::path::Path, out: &mut String) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|x| x == "rs") {
                out.push_str(&std::fs::read_to_string(&path).unwrap_or_default());
            }
        }
    }
    let mut out = String::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut out,
    );
    out
}

#[test]
fn every_message_is_used() {
    let code = sources();
    let unused: Vec<&str> = Msg::ALL
        .iter()
        .filter(|m| {
            let name = format!("Msg::{m:?}");
            !code.match_indices(&name).any(|(i, _)| {
                !code[i + name.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
            })
        })
        .map(|m| m.key())
        .collect();
    assert!(unused.is_empty(), "keys no code uses: {unused:?}");
}

#[test]
fn every_tour_what_if_and_scenario_has_spanish_text() {
    let es: BTreeSet<String> = catalogue("es", ES_FILE)
        .into_iter()
        .map(|e| e.key)
        .collect();
    let mut wanted: BTreeSet<String> = crate::anim::tour_text::content_keys().into_iter().collect();
    wanted.extend(
        crate::sim::scenario::all()
            .iter()
            .map(|s| format!("data.scenario.{}", s.id)),
    );
    let missing: Vec<&String> = wanted.difference(&es).collect();
    assert!(
        missing.is_empty(),
        "locales/es.ftl lacks tour/what-if texts: {missing:?}"
    );
    let stale: Vec<&String> = es
        .iter()
        .filter(|k| is_content(k) && !wanted.contains(*k))
        .collect();
    assert!(
        stale.is_empty(),
        "locales/es.ftl has texts no tour uses: {stale:?}"
    );
}

#[test]
fn lang_parameter_wins_and_unknown_values_mean_english() {
    assert_eq!(Lang::choose(Some("es"), ["en-US"]), Lang::Es);
    assert_eq!(Lang::choose(Some("en"), ["es-ES"]), Lang::En);
    assert_eq!(Lang::choose(Some("klingon"), ["es-ES"]), Lang::En);
    assert_eq!(Lang::choose(Some(""), ["es"]), Lang::En);
}

#[test]
fn browser_languages_pick_the_first_shipped_one() {
    assert_eq!(Lang::choose(None, ["es-ES", "en"]), Lang::Es);
    assert_eq!(Lang::choose(None, ["fr-FR", "es_419", "en"]), Lang::Es);
    assert_eq!(Lang::choose(None, ["de", "fr"]), Lang::En);
    assert_eq!(Lang::choose(None, []), Lang::En);
    assert_eq!(Lang::choose(None, ["EN-gb", "es"]), Lang::En);
}

#[test]
fn fill_replaces_named_placeholders_only() {
    let text = fill("{a} and {b}, {c} {", &[("a", &1), ("b", &"two")]);
    assert_eq!(text, "1 and two, {c} {");
}

#[test]
fn language_is_per_thread_and_english_by_default() {
    assert_eq!(lang(), Lang::En);
    set_lang(Lang::Es);
    assert_eq!(content("no.such.key", "fallback"), "fallback");
    set_lang(Lang::En);
}
