//! Structural rules that keep the layers apart and the toolchain pins in step.

use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
    files
}

#[test]
fn the_pure_core_names_no_web_crate() {
    let forbidden = ["web_sys", "js_sys", "wasm_bindgen", "leptos", "gloo"];
    for layer in ["src/domain", "src/format", "src/catalog", "src/support"] {
        let files = rust_files(&root().join(layer));
        assert!(!files.is_empty(), "{layer} has no Rust files");
        for file in files {
            let text = fs::read_to_string(&file).unwrap();
            for name in forbidden {
                assert!(
                    !text.contains(name),
                    "{} names `{name}`: the core must know nothing of the browser",
                    file.display()
                );
            }
        }
    }
}

#[test]
fn views_read_no_json_and_no_clock_of_their_own() {
    // Files are read and written by `format`, time is read by
    // `platform::clock` and randomness by `platform::ids`: a view names none.
    let forbidden = ["serde_json", "js_sys::Date", "Math::random"];
    let files = rust_files(&root().join("src/ui"));
    assert!(!files.is_empty());
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for name in forbidden {
            assert!(!text.contains(name), "{} names `{name}`", file.display());
        }
    }
}

#[test]
fn views_are_cut_into_parts_narrow_enough_to_read() {
    // leptosfmt wraps a `view!` at 120 columns, and cannot wrap one nested
    // too deep: such a view becomes a function of its own.
    let files = rust_files(&root().join("src/ui"));
    assert!(!files.is_empty());
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let width = line.chars().count();
            assert!(
                width <= 120,
                "{}:{}: {width} columns",
                file.display(),
                n + 1
            );
        }
    }
}

#[test]
fn web_crates_are_only_built_for_wasm() {
    let manifest = fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let native = manifest
        .split("[target.")
        .next()
        .expect("the manifest has a native part");
    for name in ["leptos", "web-sys", "js-sys", "wasm-bindgen", "gloo"] {
        let listed = native.lines().any(|line| {
            line.trim_start().starts_with(&format!("{name} "))
                || line.trim_start().starts_with(&format!("{name}="))
        });
        assert!(
            !listed,
            "{name} is a native dependency; move it under the wasm32 target"
        );
    }
}

#[test]
fn trunk_pins_the_wasm_bindgen_version_of_cargo_lock() {
    let lock = fs::read_to_string(root().join("Cargo.lock")).unwrap();
    let locked = lock
        .split("[[package]]")
        .find(|block| block.contains("name = \"wasm-bindgen\"\n"))
        .and_then(|block| block.lines().find(|l| l.starts_with("version = ")))
        .map(|l| {
            l.trim_start_matches("version = ")
                .trim_matches('"')
                .to_owned()
        })
        .expect("wasm-bindgen is in Cargo.lock");
    let trunk = fs::read_to_string(root().join("Trunk.toml")).unwrap();
    assert!(
        trunk.contains(&format!("wasm_bindgen = \"{locked}\"")),
        "Trunk.toml must pin wasm_bindgen = \"{locked}\", the Cargo.lock version"
    );
}

#[test]
fn the_core_never_panics_on_hostile_stored_text() {
    let samples = [
        "",
        "null",
        "\u{feff}{}",
        "{\"format\":\"antq.workspace\",\"schema_version\":-1}",
        "{\"format\":\"antq.workspace\",\"schema_version\":1e308}",
        "{\"format\":\"antq.workspace\",\"schema_version\":1,\"units\":{}}",
        "{\"format\":\"antq.workspace\",\"schema_version\":1,\"units\":[null,1,[],{\"id\":{}}]}",
        "<script>alert(1)</script>",
    ];
    for sample in samples {
        assert!(
            antq::format::decode_workspace(sample).is_err(),
            "{sample:?}"
        );
    }
    let deep = "[".repeat(100_000);
    assert!(antq::format::decode_workspace(&deep).is_err());
}

#[test]
fn the_shipped_json_schema_is_json_and_names_every_kind() {
    let text = fs::read_to_string(root().join("docs/file-format.schema.json")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    let kinds = schema["properties"]["kind"]["enum"].as_array().unwrap();
    for kind in ["workspace", "assessment", "festival_plan", "criteria_set"] {
        assert!(kinds.iter().any(|k| k == kind), "{kind}");
    }
    let index = fs::read_to_string(root().join("index.html")).unwrap();
    assert!(
        index.contains("docs/file-format.schema.json"),
        "the schema is not copied into dist/"
    );
}

#[test]
fn the_benchmark_workspace_is_a_valid_workspace() {
    // bench/perf.mjs builds its 1 MiB workspace by hand; it must decode, or
    // the start-up benchmark would measure an error page.
    let output = match std::process::Command::new("node")
        .arg(root().join("bench/workspace.mjs"))
        .output()
    {
        Ok(output) => output,
        // Under CI node is installed (the journeys need it): its absence is a failure.
        Err(err) if std::env::var_os("CI").is_some() => panic!("node is missing under CI: {err}"),
        Err(_) => return, // No node on this machine: the journeys cannot run either.
    };
    let text = String::from_utf8(output.stdout).unwrap();
    let decoded = antq::format::decode_workspace(&text).expect("the benchmark workspace decodes");
    assert_eq!(decoded.workspace.units().len(), 31);
    assert_eq!(decoded.workspace.assessments().len(), 150);
    assert_eq!(decoded.workspace.festival_plans().len(), 5);
}

#[test]
fn the_app_sorts_through_one_copy_of_the_sorting_code() {
    // Each call of the standard sort compiles a copy of it (about 3 KB of
    // wasm); `support::order` sorts everything with one. `support::latin`
    // orders runs of marks inside a slice, its one copy of its own.
    let calls = [".sort()", ".sort_by(", ".sort_by_key(", ".sort_unstable"];
    for file in rust_files(&root().join("src")) {
        if file.ends_with("support/order.rs") || file.to_string_lossy().contains("/latin/") {
            continue;
        }
        let text = fs::read_to_string(&file).unwrap();
        let code = text.split("#[cfg(all(test").next().unwrap_or(&text);
        for call in calls {
            assert!(
                !code.contains(call),
                "{} calls `{call}`: sort with `support::order` instead",
                file.display()
            );
        }
    }
}

#[test]
fn views_show_conditionally_through_one_copy() {
    // Leptos's `<Show>` is generic over its children: `ui::widgets::When` is the one
    // copy for every conditional block.
    for file in rust_files(&root().join("src/ui")) {
        let text = fs::read_to_string(&file).unwrap();
        let code: String = text
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .collect();
        assert!(
            !code.contains("<Show"),
            "{} uses `<Show>`: use `<When>` (src/ui/widgets/mod.rs) instead",
            file.display()
        );
    }
}

/// The files of `src/format/` a file of it uses (its tests left out), by
/// their paths below `src/format/`: `super::x` and `crate::format::x` name
/// `x.rs` (or `x/mod.rs`); inside `exchange/`, `super::x` names a sibling
/// file when there is one, and `exchange/mod.rs` otherwise. A module's own
/// `pub use` re-exports are not uses.
fn format_uses(file: &Path, files: &[String]) -> Vec<String> {
    let text = fs::read_to_string(file).unwrap();
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    let base = root().join("src/format");
    let here = file
        .strip_prefix(&base)
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let dir = here.rsplit_once('/').map(|(dir, _)| format!("{dir}/"));
    let module = |name: &str, within: &str| {
        [
            format!("{within}{name}.rs"),
            format!("{within}{name}/mod.rs"),
        ]
        .into_iter()
        .find(|f| files.contains(f))
    };
    let mut uses = Vec::new();
    for line in text.lines().filter(|l| {
        !l.trim_start().starts_with("pub use") && !l.trim_start().starts_with("pub(crate) use")
    }) {
        for (marker, within) in [
            ("crate::format::", String::new()),
            ("super::", dir.clone().unwrap_or_default()),
        ] {
            for piece in line.split(marker).skip(1) {
                let names: Vec<&str> = match piece.strip_prefix('{') {
                    Some(group) => group
                        .split('}')
                        .next()
                        .unwrap_or_default()
                        .split(',')
                        .collect(),
                    None => vec![piece],
                };
                for name in names {
                    let name: String = name
                        .trim()
                        .chars()
                        .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                        .collect();
                    let found = module(&name, &within).or_else(|| {
                        // `super::Item` inside a folder: the folder's mod.rs.
                        dir.as_ref()
                            .filter(|_| marker == "super::")
                            .map(|d| format!("{d}mod.rs"))
                    });
                    if let Some(found) = found.filter(|f| *f != here) {
                        uses.push(found);
                    }
                }
            }
        }
    }
    uses.sort();
    uses.dedup();
    uses
}

#[test]
fn no_file_of_the_format_layer_uses_itself_through_others() {
    let base = root().join("src/format");
    let files: Vec<String> = rust_files(&base)
        .iter()
        .map(|f| {
            f.strip_prefix(&base)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let graph: Vec<(String, Vec<String>)> = files
        .iter()
        .map(|f| (f.clone(), format_uses(&base.join(f), &files)))
        .collect();
    // A file reaches itself only through a cycle.
    for (start, _) in &graph {
        let mut seen = vec![start.clone()];
        let mut todo: Vec<(String, Vec<String>)> = vec![(start.clone(), vec![start.clone()])];
        while let Some((file, trail)) = todo.pop() {
            let next = &graph.iter().find(|(f, _)| *f == file).unwrap().1;
            for used in next {
                assert!(
                    used != start,
                    "a cycle in src/format: {} → {start}",
                    trail.join(" → ")
                );
                if !seen.contains(used) {
                    seen.push(used.clone());
                    let mut longer = trail.clone();
                    longer.push(used.clone());
                    todo.push((used.clone(), longer));
                }
            }
        }
    }
    // The check sees the uses it must: the envelope reads the records.
    let envelope = &graph
        .iter()
        .find(|(f, _)| f == "exchange/envelope.rs")
        .unwrap()
        .1;
    assert!(
        envelope.contains(&"exchange/read.rs".to_owned()),
        "{envelope:?}"
    );
}

#[test]
fn nothing_the_catalogue_is_read_with_reaches_up_into_it() {
    // The catalogue reads its files through `format`; the layers below it,
    // their tests included, take a built-in file's text, never the module.
    let mut checked = 0;
    for layer in ["src/domain", "src/format", "src/support"] {
        for file in rust_files(&root().join(layer)) {
            let text = std::fs::read_to_string(&file).unwrap();
            assert!(
                !text.contains("crate::catalog"),
                "{} names crate::catalog",
                file.display()
            );
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} files were read");
}
