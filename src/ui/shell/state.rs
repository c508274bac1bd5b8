//! The state every component shares, provided once by [`super::App`].

use leptos::prelude::*;

use crate::domain::criteria::CriteriaSet;
use crate::domain::{Prefs, Workspace};
use crate::format::revision::Revision;
use crate::format::LoadError;
use crate::platform::archive::Archive;
use crate::platform::storage::{StoreError, WorkspaceStore};

/// Whether a new version of the app waits to be loaded.
#[derive(Clone, Copy)]
pub struct UpdateAvailable(pub RwSignal<bool>);

/// The section shown, for what depends on where the user is.
#[derive(Clone, Copy)]
pub struct CurrentRoute(pub ReadSignal<crate::domain::Route>);

/// Where the last save stands, shown in the header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing changed since the page opened.
    Idle,
    /// Saved at "HH:MM".
    Saved(String),
    /// The last save failed; the change lives only in memory.
    Failed(StoreError),
    /// Saving is held back because stored data could not be read and could
    /// not be copied aside: writing would destroy the only copy.
    Suspended,
}

/// Stored data that could not be read at start-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadProblem {
    pub error: LoadError,
    pub raw: String,
    pub kept: bool,
}

/// Signals shared by the whole app.
#[derive(Clone, Copy)]
pub struct AppState {
    pub workspace: RwSignal<Workspace>,
    pub prefs: RwSignal<Prefs>,
    pub save: RwSignal<SaveStatus>,
    pub load_problem: RwSignal<Option<LoadProblem>>,
    pub store: StoredValue<WorkspaceStore>,
    /// IndexedDB: received files and snapshots.
    pub archive: StoredValue<Archive>,
    /// The built-in criteria sets, read on first use ([`AppState::with_builtin`]):
    /// the first paint needs neither them nor their decoder.
    builtin: StoredValue<Option<Vec<CriteriaSet>>>,
    /// The files received from the units below (IndexedDB), as the
    /// self-assessment last read them: what a commune's own derived figures
    /// count, as Tổng hợp does. `None` until read.
    pub received: RwSignal<Option<crate::domain::rollup::Shelf>>,
    /// The workspace as it was before the last import, until the next one.
    pub before_import: RwSignal<Option<Workspace>>,
    /// The stored revision this tab last read or wrote (several tabs).
    pub revision: RwSignal<Revision>,
    /// The last saves this tab read or wrote, each with its workspace: the
    /// states another tab's save may have started from (`format::revision`).
    pub known: StoredValue<Vec<(Revision, Workspace)>>,
    /// The workspace's own criteria sets: what the library depends on, so
    /// that an answer typed elsewhere does not rebuild it.
    pub local_sets: Memo<Vec<CriteriaSet>>,
    /// The workspace has been read from storage (just after the first paint).
    pub ready: RwSignal<bool>,
    /// The code that reads it, or once it is read the code that saves it,
    /// could not be fetched (release build, offline before the service
    /// worker ever stored it).
    pub open_failed: RwSignal<bool>,
    /// The stored text as it was read, when this version writes it otherwise
    /// (an older schema): kept aside once the saving code is there.
    pub before_migration: StoredValue<Option<String>>,
}

impl AppState {
    pub fn new(store: WorkspaceStore, workspace: Workspace, prefs: Prefs) -> AppState {
        let workspace = RwSignal::new(workspace);
        AppState {
            local_sets: Memo::new(move |_| workspace.with(|ws| ws.criteria_sets().to_vec())),
            ready: RwSignal::new(false),
            open_failed: RwSignal::new(false),
            before_migration: StoredValue::new(None),
            workspace,
            prefs: RwSignal::new(prefs),
            save: RwSignal::new(SaveStatus::Idle),
            load_problem: RwSignal::new(None),
            archive: StoredValue::new(Archive::named(store.prefix())),
            store: StoredValue::new(store),
            builtin: StoredValue::new(None),
            before_import: RwSignal::new(None),
            received: RwSignal::new(None),
            revision: RwSignal::new(Revision::default()),
            known: StoredValue::new(Vec::new()),
        }
    }

    /// Runs `f` with the built-in criteria sets, read from the catalogue on
    /// the first call.
    pub fn with_builtin<T>(&self, f: impl FnOnce(&[CriteriaSet]) -> T) -> T {
        if self.builtin.with_value(Option::is_none) {
            self.builtin.set_value(Some(crate::catalog::builtin_sets()));
        }
        self.builtin
            .with_value(|sets| f(sets.as_deref().unwrap_or_default()))
    }

    /// Applies a change to the workspace. Core operations check before they
    /// change anything, so a refused change leaves the workspace as it was
    /// and triggers no save.
    pub fn edit<T, E>(&self, change: impl FnOnce(&mut Workspace) -> Result<T, E>) -> Result<T, E> {
        let mut change = Some(change);
        let mut result = None;
        self.edit_erased(&mut |ws| {
            let outcome = change.take().map(|change| change(ws));
            let ok = matches!(outcome, Some(Ok(_)));
            result = outcome;
            ok
        });
        result.expect("the change runs exactly once")
    }

    /// The one copy of [`AppState::edit`]'s signal code: `change` says
    /// whether it changed the workspace.
    fn edit_erased(&self, change: &mut dyn FnMut(&mut Workspace) -> bool) {
        let changed = self
            .workspace
            .try_update_untracked(|ws| change(ws))
            .expect("the workspace lives as long as the app");
        if changed {
            self.workspace.notify();
        }
    }

    /// Replaces the workspace with what is stored now (another tab's newer
    /// data), and takes its revision.
    pub fn reload_from_storage(&self) {
        if let Some((revision, workspace)) = self.stored() {
            self.take_stored(revision, workspace);
        }
    }

    /// The workspace stored now, with its revision.
    pub fn stored(&self) -> Option<(Revision, Workspace)> {
        let (loaded, revision) = self
            .store
            .with_value(|store| (store.load(), store.revision()));
        match loaded {
            Ok(crate::platform::storage::Loaded::Found(decoded)) => {
                Some((revision, decoded.workspace))
            }
            _ => None,
        }
    }

    /// Holds `workspace`, stored at `revision`, as this tab's own.
    pub fn take_stored(&self, revision: Revision, workspace: Workspace) {
        self.remember(revision, workspace.clone());
        self.workspace.set(workspace);
        self.save.set(SaveStatus::Idle);
    }

    /// Records a save this tab read or wrote; only the last few are kept.
    pub fn remember(&self, revision: Revision, workspace: Workspace) {
        const KEPT: usize = 4;
        self.revision.set(revision.clone());
        self.known.update_value(|known| {
            known.push((revision, workspace));
            if known.len() > KEPT {
                known.remove(0);
            }
        });
    }

    /// Reads the received files again from IndexedDB, for the figures the
    /// self-assessment derives from them; a failure leaves what was read.
    pub fn read_received(&self) {
        let (archive, received) = (self.archive.get_value(), self.received);
        wasm_bindgen_futures::spawn_local(async move {
            if let Ok(shelved) = archive.load_received().await {
                received.set(Some(crate::domain::rollup::Shelf::new(shelved.records)));
            }
        });
    }

    /// Changes the preferences and stores them at once.
    pub fn set_prefs(&self, change: impl FnOnce(&mut Prefs)) {
        self.prefs.update(change);
        let prefs = self.prefs.get_untracked();
        // Preferences are a convenience: a failure here is not worth an alarm,
        // and the next workspace save reports a full or blocked storage anyway.
        let _ = self.store.with_value(|store| store.save_prefs(&prefs));
    }
}

pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
