//! Reading files the user picks.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The largest file an import reads: above it, a clear message instead
/// (the core's own limit, as the browser gives file sizes).
pub const MAX_IMPORT_BYTES: f64 = crate::format::exchange::MAX_IMPORT_BYTES as f64;

/// Why a file of `size` bytes is not read.
fn too_large(size: f64) -> ReadError {
    ReadError::TooLarge {
        megabytes: crate::support::numbers::megabytes(size as u64),
    }
}

/// Why a picked file was not read.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadError {
    /// Larger than [`MAX_IMPORT_BYTES`]; the size in megabytes, written ("21,3").
    TooLarge { megabytes: String },
    /// The browser could not read it, in its own words.
    Failed(String),
}

/// The file's name and text, refusing files over the size limit unread.
pub async fn read_text(file: &web_sys::File) -> Result<(String, String), ReadError> {
    let size = file.size();
    if size > MAX_IMPORT_BYTES {
        return Err(too_large(size));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|err| ReadError::Failed(describe(&err)))?;
    let text = FileText::of(buffer.unchecked_into());
    Ok((file.name(), text.text))
}

/// A picked file's text, with the bytes the browser read it from.
pub struct FileText {
    pub text: String,
    /// The bytes as read, kept only where `text` is exactly them (valid
    /// UTF-8): a part of `text` is then the same part of these bytes, for
    /// hashing off the page's thread ([`crate::platform::hash`]).
    pub bytes: Option<js_sys::ArrayBuffer>,
}

impl FileText {
    /// The text of a file's bytes, decoded as UTF-8 the way `Blob.text()`
    /// does (a damaged sequence becomes U+FFFD). The bytes are copied into
    /// wasm memory in one block: passing a large JavaScript string costs
    /// several times as much, character by character.
    pub fn of(buffer: js_sys::ArrayBuffer) -> FileText {
        match String::from_utf8(js_sys::Uint8Array::new(&buffer).to_vec()) {
            Ok(text) => FileText {
                text,
                bytes: Some(buffer),
            },
            Err(err) => FileText {
                text: String::from_utf8_lossy(err.as_bytes()).into_owned(),
                bytes: None,
            },
        }
    }
}

fn describe(err: &JsValue) -> String {
    js_sys::Reflect::get(err, &JsValue::from_str("message"))
        .ok()
        .and_then(|message| message.as_string())
        .or_else(|| err.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}

/// Reads many files at once (the browser reads them in parallel), each with
/// its name and text or why it was not read, in the order given.
pub async fn read_texts(files: &[web_sys::File]) -> Vec<(String, Result<FileText, ReadError>)> {
    let promises = js_sys::Array::new();
    for file in files {
        if file.size() > MAX_IMPORT_BYTES {
            promises.push(&js_sys::Promise::resolve(&JsValue::NULL));
        } else {
            promises.push(&file.array_buffer());
        }
    }
    let settled = JsFuture::from(js_sys::Promise::all_settled(&promises))
        .await
        .map(|value| js_sys::Array::from(&value))
        .unwrap_or_default();
    let field = |value: &JsValue, name: &str| {
        js_sys::Reflect::get(value, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    };
    files
        .iter()
        .enumerate()
        .map(|(i, file)| {
            let size = file.size();
            let result = if size > MAX_IMPORT_BYTES {
                Err(too_large(size))
            } else {
                let outcome = settled.get(i as u32);
                let value = field(&outcome, "value");
                if field(&outcome, "status").as_string().as_deref() == Some("fulfilled")
                    && value.is_instance_of::<js_sys::ArrayBuffer>()
                {
                    Ok(FileText::of(value.unchecked_into()))
                } else {
                    Err(ReadError::Failed(describe(&field(&outcome, "reason"))))
                }
            };
            (file.name(), result)
        })
        .collect()
}
