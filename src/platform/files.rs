//! Reading files the user picks.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// The largest file an import reads: above it, a clear message instead.
pub const MAX_IMPORT_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

/// Why a picked file was not read.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadError {
    /// Larger than [`MAX_IMPORT_BYTES`]; the size in megabytes.
    TooLarge { megabytes: f64 },
    /// The browser could not read it, in its own words.
    Failed(String),
}

/// The file's name and text, refusing files over the size limit unread.
pub async fn read_text(file: &web_sys::File) -> Result<(String, String), ReadError> {
    let size = file.size();
    if size > MAX_IMPORT_BYTES {
        return Err(ReadError::TooLarge {
            megabytes: size / 1024.0 / 1024.0,
        });
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|err| ReadError::Failed(describe(&err)))?;
    Ok((file.name(), text.as_string().unwrap_or_default()))
}

fn describe(err: &JsValue) -> String {
    js_sys::Reflect::get(err, &JsValue::from_str("message"))
        .ok()
        .and_then(|message| message.as_string())
        .or_else(|| err.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}
