//! Entry points for `make bench` only (bench/perf.mjs calls them from the
//! page through `window.wasmBindings`): the import pipeline and an autosave,
//! timed against their plain-JavaScript references in the same page.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use crate::domain::criteria::CriteriaSet;
use crate::domain::Workspace;
use crate::format::exchange::read_file;
use crate::format::merge::preview;
use crate::platform::storage::WorkspaceStore;

thread_local! {
    static BUILTIN: RefCell<Option<Vec<CriteriaSet>>> = const { RefCell::new(None) };
}

/// The whole import pipeline (size, parse, envelope, checksum, migrate,
/// validate, preview against an empty workspace); the number of changes.
#[wasm_bindgen]
pub fn bench_import(text: &str) -> usize {
    BUILTIN.with(|cell| {
        let mut cell = cell.borrow_mut();
        let builtin = cell.get_or_insert_with(crate::catalog::builtin_sets);
        match read_file(text) {
            Ok(incoming) => preview(&Workspace::new(), builtin, &incoming).len(),
            Err(_) => 0,
        }
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
