//! The workspace in the browser's localStorage, as one versioned document.
//!
//! Built on gloo-storage's handle to `localStorage`, but writing the document
//! text as it is (gloo's typed `set` would JSON-encode the text a second
//! time) and classifying failures so the UI can say what went wrong.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsValue;

use crate::domain::{Prefs, Workspace};
use crate::format::{self, prefs::decode_prefs, prefs::encode_prefs, Decoded, LoadError};

/// Why the browser refused to store something.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The origin's storage is full (`QuotaExceededError`).
    Quota,
    /// Storage is disabled or blocked (private mode, policy, sandboxed frame).
    Unavailable,
    /// Anything else, with the browser's own text.
    Other(String),
}

/// What was found in storage at start-up.
pub enum Loaded {
    /// Nothing stored yet: a first run.
    Empty,
    /// A readable workspace.
    Found(Decoded),
    /// Stored text that could not be read. `kept` says whether a copy was
    /// put aside under the rescue key; `raw` is the text, for download.
    Unreadable {
        error: LoadError,
        raw: String,
        kept: bool,
    },
}

/// Where the workspace, its rescue copy and the preferences live.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkspaceStore {
    prefix: String,
}

impl Default for WorkspaceStore {
    fn default() -> Self {
        WorkspaceStore::with_prefix("antq")
    }
}

impl WorkspaceStore {
    /// A store whose keys start with `prefix` (tests use their own).
    pub fn with_prefix(prefix: &str) -> WorkspaceStore {
        WorkspaceStore {
            prefix: prefix.to_owned(),
        }
    }

    pub fn workspace_key(&self) -> String {
        format!("{}.workspace", self.prefix)
    }

    pub fn rescue_key(&self) -> String {
        format!("{}.workspace.unreadable", self.prefix)
    }

    pub fn prefs_key(&self) -> String {
        format!("{}.prefs", self.prefix)
    }

    /// Reads the workspace. Unreadable text is copied aside first, so that
    /// later saves cannot destroy the only copy.
    pub fn load(&self) -> Result<Loaded, StoreError> {
        let Some(raw) = read(&self.workspace_key())? else {
            return Ok(Loaded::Empty);
        };
        match format::decode_workspace(&raw) {
            Ok(decoded) => Ok(Loaded::Found(decoded)),
            Err(error) => {
                let kept = write(&self.rescue_key(), &raw).is_ok();
                Ok(Loaded::Unreadable { error, raw, kept })
            }
        }
    }

    /// Writes the whole workspace.
    pub fn save(&self, workspace: &Workspace) -> Result<(), StoreError> {
        write(&self.workspace_key(), &format::encode_workspace(workspace))
    }

    /// Reads the preferences; anything unreadable gives the defaults.
    pub fn load_prefs(&self) -> Prefs {
        read(&self.prefs_key())
            .ok()
            .flatten()
            .map(|text| decode_prefs(&text))
            .unwrap_or_default()
    }

    pub fn save_prefs(&self, prefs: &Prefs) -> Result<(), StoreError> {
        write(&self.prefs_key(), &encode_prefs(prefs))
    }

    /// Removes every key of this store (used by tests).
    pub fn clear(&self) {
        if available().is_ok() {
            for key in [self.workspace_key(), self.rescue_key(), self.prefs_key()] {
                LocalStorage::delete(key);
            }
        }
    }
}

/// Checks that `localStorage` can be reached at all; gloo's handle panics otherwise.
fn available() -> Result<(), StoreError> {
    let window = web_sys::window().ok_or(StoreError::Unavailable)?;
    match window.local_storage() {
        Ok(Some(_)) => Ok(()),
        Ok(None) => Err(StoreError::Unavailable),
        Err(err) => Err(classify(&err)),
    }
}

fn read(key: &str) -> Result<Option<String>, StoreError> {
    available()?;
    LocalStorage::raw()
        .get_item(key)
        .map_err(|err| classify(&err))
}

fn write(key: &str, text: &str) -> Result<(), StoreError> {
    available()?;
    LocalStorage::raw()
        .set_item(key, text)
        .map_err(|err| classify(&err))
}

fn classify(err: &JsValue) -> StoreError {
    let field = |name: &str| {
        js_sys::Reflect::get(err, &JsValue::from_str(name))
            .ok()
            .and_then(|value| value.as_string())
    };
    match field("name").as_deref() {
        Some("QuotaExceededError") | Some("NS_ERROR_DOM_QUOTA_REACHED") => StoreError::Quota,
        Some("SecurityError") => StoreError::Unavailable,
        _ => StoreError::Other(
            field("message")
                .or_else(|| err.as_string())
                .unwrap_or_else(|| "unknown error".to_owned()),
        ),
    }
}
