//! Entry points for `make bench` only (bench/perf.mjs calls them from the
//! page through `window.wasmBindings`): the import pipeline and an autosave,
//! timed against their plain-JavaScript references in the same page.
//!
//! Their code is a split point of its own ([`crate::ui::shell::split`]): the
//! exports are stubs, so none of it is in the app's first download.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;

use wasm_bindgen::prelude::*;

use crate::domain::criteria::CriteriaSet;
use crate::domain::Workspace;
use crate::format::merge::preview;
use crate::platform::files::FileText;
use crate::platform::hash::read_file;
use crate::platform::storage::WorkspaceStore;
use crate::ui::shell::split::{awaited, split};

thread_local! {
    static BUILTIN: RefCell<Option<Vec<CriteriaSet>>> = const { RefCell::new(None) };
}

/// The whole import pipeline as the import runs it, from the bytes the
/// browser read the file into (decode, size, parse, envelope, checksum by
/// the browser, migrate, validate, preview against an empty workspace);
/// resolves to the number of changes. The bytes are handed over: the
/// caller passes a fresh copy each time, as each `File.arrayBuffer()` is.
#[wasm_bindgen]
pub async fn bench_import(bytes: js_sys::ArrayBuffer) -> usize {
    match awaited!(importing(FileText::of(bytes))) {
        Ok(importing) => importing.await,
        Err(_) => 0,
    }
}

/// Starts the hashing worker as Dữ liệu does when it opens; resolves once
/// it is ready (or known absent).
#[wasm_bindgen]
pub fn bench_prepare() -> js_sys::Promise {
    crate::platform::hash::prepare()
}

type Importing = Pin<Box<dyn Future<Output = usize>>>;

split!(
    bench,
    fn importing(file: FileText) -> Importing {
        Box::pin(async move {
            let incoming = match read_file(file).await {
                Ok(incoming) => incoming,
                Err(_) => return 0,
            };
            BUILTIN.with(|cell| {
                let mut cell = cell.borrow_mut();
                let builtin = cell.get_or_insert_with(crate::catalog::builtin_sets);
                preview(&Workspace::new(), builtin, &incoming).len()
            })
        })
    }
);

/// A workspace held in memory and saved the way the autosave saves it:
/// `await bench_save(text, prefix)`, then `save(note)`.
#[wasm_bindgen]
pub struct BenchSave {
    saving: Box<dyn FnMut(&str) -> bool>,
}

/// Decodes a stored workspace document (not timed) into a [`BenchSave`].
#[wasm_bindgen]
pub async fn bench_save(text: String, prefix: String) -> Option<BenchSave> {
    let saving = awaited!(saver(text, prefix)).ok()?;
    Some(BenchSave { saving })
}

#[wasm_bindgen]
impl BenchSave {
    /// Changes one note (as typing does) and saves: serialise, check the
    /// revision, write, read back and compare. True when it was stored.
    pub fn save(&mut self, note: &str) -> bool {
        (self.saving)(note)
    }
}

split!(
    bench,
    fn saver(text: String, prefix: String) -> Box<dyn FnMut(&str) -> bool> {
        let mut workspace = crate::format::decode_workspace(&text)
            .map(|d| d.workspace)
            .unwrap_or_default();
        let store = WorkspaceStore::with_prefix(&prefix);
        store.clear();
        let mut revision = crate::format::revision::Revision::default();
        Box::new(move |note: &str| {
            if let Some(id) = workspace.assessments().first().map(|a| a.id().to_owned()) {
                let _ = workspace.edit_assessment(&id, |a| {
                    let mut report = a.report().clone();
                    report.situation = note.to_owned();
                    a.set_report(report)
                });
            }
            match store.save_checked(&workspace, &revision, crate::platform::ids::revision_id()) {
                Ok(next) => {
                    revision = next;
                    true
                }
                Err(_) => false,
            }
        })
    }
);

/// The size of the app's wasm memory now, in bytes: what its records take
/// beside the JS heap.
#[wasm_bindgen]
pub fn bench_memory() -> f64 {
    use wasm_bindgen::JsCast;
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    memory
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}
