//! Compiles the message catalogues (`locales/*.ftl`) into Rust tables: the `Msg` enum (one
//! variant per key of `locales/en.ftl`), the English and Spanish texts in key order, and the
//! Spanish texts of tours and what-ifs by key. No catalogue parser ships in the app; a key
//! missing from Spanish falls back to English here and fails the test `i18n::tests`.

use std::fmt::Write as _;
use std::path::Path;

#[path = "src/i18n/ftl.rs"]
#[allow(dead_code)]
mod ftl;

/// Key prefixes of content whose English text lives in its data (tours, what-ifs, questions).
const CONTENT: &[&str] = &["data."];

fn read(name: &str) -> Vec<ftl::Entry> {
    let path = format!("locales/{name}.ftl");
    println!("cargo:rerun-if-changed={path}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    ftl::parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn variant(key: &str) -> String {
    key.split(['.', '-', '_'])
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/i18n/ftl.rs");
    let en = read("en");
    let es = read("es");
    let mut out = String::new();
    out.push_str("/// One interface message: a key of `locales/en.ftl`.\n");
    out.push_str("#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]\npub enum Msg {\n");
    for e in &en {
        let _ = writeln!(out, "    /// `{}`: {:?}", e.key, e.text);
        let _ = writeln!(out, "    {},", variant(&e.key));
    }
    out.push_str("}\n\nimpl Msg {\n    /// Every message, in catalogue order.\n    pub const ALL: &'static [Msg] = &[\n");
    for e in &en {
        let _ = writeln!(out, "        Msg::{},", variant(&e.key));
    }
    out.push_str("    ];\n}\n\n/// The keys, in [`Msg`] order.\npub const KEYS: &[&str] = &[\n");
    for e in &en {
        let _ = writeln!(out, "    {:?},", e.key);
    }
    out.push_str("];\n\n/// English, in [`Msg`] order.\npub const EN: &[&str] = &[\n");
    for e in &en {
        let _ = writeln!(out, "    {:?},", e.text);
    }
    out.push_str("];\n\n/// Spanish, in [`Msg`] order (English where a key is missing).\npub const ES: &[&str] = &[\n");
    for e in &en {
        let text = es
            .iter()
            .find(|s| s.key == e.key)
            .map_or(&e.text, |s| &s.text);
        let _ = writeln!(out, "    {text:?},");
    }
    let mut content: Vec<&ftl::Entry> = es
        .iter()
        .filter(|e| CONTENT.iter().any(|p| e.key.starts_with(p)))
        .collect();
    content.sort_by(|a, b| a.key.cmp(&b.key));
    out.push_str("];\n\n/// Spanish tours, what-ifs and questions, sorted by key.\npub const ES_CONTENT: &[(&str, &str)] = &[\n");
    for e in content {
        let _ = writeln!(out, "    ({:?}, {:?}),", e.key, e.text);
    }
    out.push_str("];\n");
    let dir = std::env::var("OUT_DIR").unwrap_or_else(|e| panic!("OUT_DIR: {e}"));
    std::fs::write(Path::new(&dir).join("catalogue.rs"), out)
        .unwrap_or_else(|e| panic!("catalogue.rs: {e}"));
}
