//! 1. The interface's texts: `locales/vi.json` and `locales/en.json` become
//!    `$OUT_DIR/texts.rs`, included as `ui::texts`: a function per key
//!    (`texts::help_title(locale)`), and for a text with `{name}`
//!    placeholders a module (`texts::rollup_exported::{text, Args}`) whose
//!    `Args` has exactly its placeholders as fields. So a key missing in one
//!    language, a placeholder in one language and not the other, a text with
//!    placeholders shown without them, or a call naming the wrong ones, is a
//!    build error, not a test failure.
//! 2. wasm-split-cli needs the linker's relocations to cut the app into its
//!    chunks: the `split` build links the binary with them (only the final
//!    link, so no dependency is rebuilt for it).

use std::collections::BTreeSet;
use std::fmt::Write as _;

const LANGUAGES: [&str; 2] = ["vi", "en"];

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("texts.rs"), texts()).expect("OUT_DIR is writable");
}

/// The placeholders of a text: `{name}`, and `{count|one|other}` (a count
/// and its word), by name.
fn placeholders(key: &str, text: &str) -> BTreeSet<String> {
    if text.contains("{{") {
        panic!("locales: {key}: write a placeholder as {{name}}");
    }
    text.split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}'))
        .map(|(inside, _)| inside.split('|').next().unwrap_or(inside).to_owned())
        .collect()
}

fn texts() -> String {
    let files: Vec<String> = LANGUAGES
        .iter()
        .map(|lang| {
            let path = format!("locales/{lang}.json");
            println!("cargo:rerun-if-changed={path}");
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
        })
        .collect();
    generate(&files[0], &files[1])
}

/// The Rust source of the texts of `vi` and `en` (each a JSON object of
/// texts by key); panics, naming the key, at anything that must not build.
pub fn generate(vi: &str, en: &str) -> String {
    let maps: Vec<serde_json::Map<String, serde_json::Value>> = [vi, en]
        .iter()
        .zip(LANGUAGES)
        .map(|(text, lang)| {
            serde_json::from_str(text).unwrap_or_else(|e| panic!("locales/{lang}.json: {e}"))
        })
        .collect();
    let keys: BTreeSet<&String> = maps.iter().flat_map(|m| m.keys()).collect();
    let mut out = String::from(
        "/// The languages of the interface.\n\
         #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]\n\
         #[allow(non_camel_case_types)]\n\
         pub enum Locale {\n    #[default]\n    vi,\n    en,\n}\n\n",
    );
    for key in keys {
        if !key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            panic!("locales: {key}: a key is written in snake_case");
        }
        let texts: Vec<&str> = maps
            .iter()
            .zip(LANGUAGES)
            .map(|(map, lang)| match map.get(key.as_str()) {
                Some(serde_json::Value::String(text)) if !text.trim().is_empty() => text.as_str(),
                Some(serde_json::Value::String(_)) => panic!("locales/{lang}.json: {key} is empty"),
                Some(_) => panic!("locales/{lang}.json: {key} is not a text"),
                None => panic!("locales/{lang}.json has no {key}"),
            })
            .collect();
        let names = placeholders(key, texts[0]);
        for (text, lang) in texts.iter().zip(LANGUAGES).skip(1) {
            if placeholders(key, text) != names {
                panic!("locales: {key}: the placeholders of {lang} differ from those of vi");
            }
        }
        let body = format!(
            "match locale {{ Locale::vi => {:?}, Locale::en => {:?} }}",
            texts[0], texts[1]
        );
        if names.is_empty() {
            let _ = writeln!(
                out,
                "pub fn {key}(locale: Locale) -> &'static str {{ {body} }}"
            );
        } else {
            let fields: String = names.iter().map(|n| format!("pub {n}: String, ")).collect();
            let pairs: String = names
                .iter()
                .map(|n| format!("({n:?}, self.{n}), "))
                .collect();
            let _ = writeln!(
                out,
                "pub mod {key} {{\n    use super::Locale;\n    \
                 pub fn text(locale: Locale) -> &'static str {{ {body} }}\n    \
                 /// The placeholders' values, by name.\n    \
                 pub struct Args {{ {fields}}}\n    \
                 impl Args {{ pub fn pairs(self) -> Vec<(&'static str, String)> {{ vec![{pairs}] }} }}\n}}"
            );
        }
    }
    out
}
