//! The workspace in the browser's localStorage, as one versioned document.
//!
//! Built on gloo-storage's handle to `localStorage`, but writing the document
//! text as it is (gloo's typed `set` would JSON-encode the text a second
//! time) and classifying failures so the UI can say what went wrong.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsValue;

use crate::domain::{Prefs, Workspace};
use crate::format::revision::Revision;
use crate::format::{self, prefs::decode_prefs, prefs::encode_prefs, Decoded, LoadError};

/// Why the browser refused to store something.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The origin's storage is full (`QuotaExceededError`).
    Quota,
    /// Storage is disabled or blocked (private mode, policy, sandboxed frame).
    Unavailable,
    /// Another tab saved newer data since this tab last read or wrote.
    Conflict,
    /// Written, but reading it back gave something else.
    ReadBackDiffers,
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
    /// The start of every key.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

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

    /// Counts the saves of the workspace, across tabs.
    pub fn revision_key(&self) -> String {
        format!("{}.revision", self.prefix)
    }

    /// The revision stored now: read from the first characters of the
    /// stored text, or, for text stored before revisions were written
    /// there, the counter alone (0 before the first save).
    pub fn revision(&self) -> Revision {
        let start = read_js(&self.workspace_key())
            .ok()
            .filter(JsValue::is_string)
            .map(|value| {
                String::from(
                    js_sys::JsString::from(value).slice(0, format::revision::REVISION_PREFIX_CHARS),
                )
            });
        start
            .as_deref()
            .and_then(format::revision::stored_revision)
            .unwrap_or_else(|| Revision::legacy(self.counter()))
    }

    /// The counter of the separate revision key (older builds', and the
    /// signal other tabs listen to).
    fn counter(&self) -> u64 {
        read(&self.revision_key())
            .ok()
            .flatten()
            .and_then(|text| text.trim().parse().ok())
            .unwrap_or(0)
    }

    pub fn prefs_key(&self) -> String {
        format!("{}.prefs", self.prefix)
    }

    /// Whether nothing at all is stored (a first run), checked without
    /// reading the text: storage that cannot be read is not "nothing".
    pub fn holds_nothing(&self) -> bool {
        read_js(&self.workspace_key()).is_ok_and(|value| value.is_null() || value.is_undefined())
    }

    /// Reads the workspace. Unreadable text is copied aside first, so that
    /// later saves cannot destroy the only copy.
    pub fn load(&self) -> Result<Loaded, StoreError> {
        self.load_keeping_text().map(|(loaded, _)| loaded)
    }

    /// [`load`](Self::load), and the text a readable workspace was read
    /// from, so that a copy can be kept before this version rewrites it.
    pub fn load_keeping_text(&self) -> Result<(Loaded, Option<String>), StoreError> {
        let Some(raw) = read(&self.workspace_key())? else {
            return Ok((Loaded::Empty, None));
        };
        match format::decode_workspace(&raw) {
            Ok(decoded) => Ok((Loaded::Found(decoded), Some(raw))),
            Err(error) => {
                let kept = write(&self.rescue_key(), &raw).is_ok();
                Ok((Loaded::Unreadable { error, raw, kept }, None))
            }
        }
    }

    /// Writes the whole workspace.
    pub fn save(&self, workspace: &Workspace) -> Result<(), StoreError> {
        forget_written(&self.workspace_key());
        write(&self.workspace_key(), &format::encode_workspace(workspace))
    }

    /// Writes the workspace if the stored revision is still `expected`, in
    /// one text with its next revision (made with the random `id`), reads it
    /// back and compares, and returns that revision. A workspace equal to
    /// what is stored is not written again.
    pub fn save_checked(
        &self,
        workspace: &Workspace,
        expected: &Revision,
        id: String,
    ) -> Result<Revision, StoreError> {
        let key = self.workspace_key();
        let current = self.revision();
        if current != *expected {
            return Err(StoreError::Conflict);
        }
        // The document crosses into JavaScript once, without its opening
        // brace; the revision is put before it there, and the comparisons
        // with what is stored are made there, without copying a megabyte back.
        let document = format::encode_workspace(workspace);
        let body = JsValue::from_str(&document[1..]);
        // When the stored revision is the one this tab's last write made,
        // what is stored is that write: compare with it, not a megabyte read.
        let last = LAST_WRITTEN.with(|last| last.borrow().get(&key).cloned());
        let unchanged = match last {
            Some((revision, last)) if revision == current => last == body,
            _ => stored_body(&key)?.is_some_and(|stored| stored == body),
        };
        if unchanged {
            return Ok(current);
        }
        let next = expected.next(id);
        let text: JsValue = js_sys::JsString::from(format::revision::lead(&next))
            .concat(&body)
            .into();
        write_js(&key, &text)?;
        if read_js(&key)? != text {
            forget_written(&key);
            return Err(StoreError::ReadBackDiffers);
        }
        write(&self.revision_key(), &next.counter.to_string())?;
        LAST_WRITTEN.with(|last| last.borrow_mut().insert(key, (next.clone(), body)));
        Ok(next)
    }

    /// Asks the browser to keep this origin's data under storage pressure.
    pub fn ask_to_persist(&self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let navigator: JsValue = window.navigator().into();
        let storage = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage"))
            .unwrap_or(JsValue::UNDEFINED);
        if let Ok(persist) = js_sys::Reflect::get(&storage, &JsValue::from_str("persist")) {
            if let Some(persist) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&persist) {
                let _ = persist.call0(&storage);
            }
        }
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

    /// Puts the unreadable data aside for good and starts from an empty
    /// workspace (recovery mode's "start fresh"); the rescue copy stays.
    pub fn start_fresh(&self) -> Result<(), StoreError> {
        available()?;
        forget_written(&self.workspace_key());
        LocalStorage::delete(self.workspace_key());
        Ok(())
    }

    /// Removes every key of this store (used by tests).
    pub fn clear(&self) {
        forget_written(&self.workspace_key());
        if available().is_ok() {
            for key in [
                self.workspace_key(),
                self.rescue_key(),
                self.prefs_key(),
                self.revision_key(),
            ] {
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

/// The stored text after its revision (or its opening brace, for text
/// stored before revisions), as a JavaScript string.
fn stored_body(key: &str) -> Result<Option<JsValue>, StoreError> {
    let stored = read_js(key)?;
    if !stored.is_string() {
        return Ok(None);
    }
    let text = js_sys::JsString::from(stored);
    let start = String::from(text.slice(0, format::revision::REVISION_PREFIX_CHARS));
    let skip = format::revision::lead_length(&start).unwrap_or(1) as u32;
    Ok(Some(text.slice(skip, text.length()).into()))
}

thread_local! {
    /// The body each store last wrote (a handle to the JavaScript string,
    /// after the revision), with the revision that write made.
    static LAST_WRITTEN: std::cell::RefCell<crate::support::map::Map<String, (Revision, JsValue)>> =
        std::cell::RefCell::new(crate::support::map::Map::new());
}

fn forget_written(key: &str) {
    LAST_WRITTEN.with(|last| last.borrow_mut().remove(key));
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `localStorage`, with its values as JavaScript strings.
    #[wasm_bindgen(js_name = Storage)]
    type JsStorage;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item(this: &JsStorage, key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_item(this: &JsStorage, key: &str, value: &JsValue) -> Result<(), JsValue>;
}

fn js_storage() -> Result<JsStorage, StoreError> {
    available()?;
    Ok(wasm_bindgen::JsCast::unchecked_into(LocalStorage::raw()))
}

/// The stored text as a JavaScript string (null when absent).
fn read_js(key: &str) -> Result<JsValue, StoreError> {
    js_storage()?.get_item(key).map_err(|err| classify(&err))
}

fn write_js(key: &str, text: &JsValue) -> Result<(), StoreError> {
    js_storage()?
        .set_item(key, text)
        .map_err(|err| classify(&err))
}

fn classify(err: &JsValue) -> StoreError {
    let field = |name: &str| {
        js_sys::Reflect::get(err, &JsValue::from_str(name))
            .ok()
            .and_then(|value| value.as_string())
    };
    let code = js_sys::Reflect::get(err, &JsValue::from_str("code"))
        .ok()
        .and_then(|value| value.as_f64());
    // Chromium and Safari say QuotaExceededError (code 22); Firefox also
    // NS_ERROR_DOM_QUOTA_REACHED (code 1014).
    if matches!(code, Some(c) if c == 22.0 || c == 1014.0) {
        return StoreError::Quota;
    }
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
