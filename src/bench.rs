//! Entry points for `make bench` only (bench/perf.mjs calls them from the
//! page through `window.wasmBindings`): the import pipeline and an autosave,
//! timed against their plain-JavaScript references in the same page.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use crate::domain::criteria::CriteriaSet;
use crate::domain::Workspace;
use crate::format::merge::preview;
use crate::platform::hash::read_file;
use crate::platform::storage::WorkspaceStore;

thread_local! {
    static BUILTIN: RefCell<Option<Vec<CriteriaSet>>> = const { RefCell::new(None) };
}

/// The whole import pipeline as the import runs it, from the file's bytes
/// as the browser reads them (decode, size, parse, envelope, checksum by the
/// browser, migrate, validate, preview against an empty workspace);
/// resolves to the number of changes.
#[wasm_bindgen]
pub async fn bench_import(bytes: Vec<u8>) -> usize {
    let text = crate::platform::files::text_of_bytes(bytes);
    let incoming = match read_file(&text).await {
        Ok(incoming) => incoming,
        Err(_) => return 0,
    };
    BUILTIN.with(|cell| {
        let mut cell = cell.borrow_mut();
        let builtin = cell.get_or_insert_with(crate::catalog::builtin_sets);
        preview(&Workspace::new(), builtin, &incoming).len()
    })
}

/// A workspace held in memory and saved the way the autosave saves it.
#[wasm_bindgen]
pub struct BenchSave {
    workspace: Workspace,
    store: WorkspaceStore,
    revision: u64,
}

#[wasm_bindgen]
impl BenchSave {
    /// Decodes a stored workspace document (not timed).
    #[wasm_bindgen(constructor)]
    pub fn new(text: &str, prefix: &str) -> BenchSave {
        let workspace = crate::format::decode_workspace(text)
            .map(|d| d.workspace)
            .unwrap_or_default();
        let store = WorkspaceStore::with_prefix(prefix);
        store.clear();
        BenchSave {
            workspace,
            store,
            revision: 0,
        }
    }

    /// Changes one note (as typing does) and saves: serialise, check the
    /// revision, write, read back and compare. True when it was stored.
    pub fn save(&mut self, note: &str) -> bool {
        if let Some(id) = self.workspace.assessments().first().map(|a| a.id.clone()) {
            let _ = self.workspace.edit_assessment(&id, |a| {
                let mut report = a.report.clone();
                report.situation = note.to_owned();
                a.set_report(report)
            });
        }
        match self.store.save_checked(&self.workspace, self.revision) {
            Ok(next) => {
                self.revision = next;
                true
            }
            Err(_) => false,
        }
    }
}
