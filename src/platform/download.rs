//! Offering text or bytes to the user as a file download.

use wasm_bindgen::{JsCast, JsValue};

/// Starts the download of `text` as a file named `file_name`.
/// Returns the browser's error text when the download could not start.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    download(file_name, mime, &JsValue::from_str(text))
}

/// Starts the download of `bytes` (a Word or Excel file) as `file_name`.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    download(file_name, mime, &js_sys::Uint8Array::from(bytes))
}

fn download(file_name: &str, mime: &str, content: &JsValue) -> Result<(), String> {
    let run = || -> Result<(), JsValue> {
        let parts = js_sys::Array::of1(content);
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let document = web_sys::window()
            .and_then(|window| window.document())
            .ok_or_else(|| JsValue::from_str("no document"))?;
        let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
        anchor.set_href(&url);
        anchor.set_download(file_name);
        anchor.set_attribute("hidden", "")?;
        let body = document
            .body()
            .ok_or_else(|| JsValue::from_str("no body"))?;
        body.append_child(&anchor)?;
        anchor.click();
        anchor.remove();
        // Revoking at once can cancel the download in some browsers; the
        // next turn of the event loop is late enough.
        let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        });
        web_sys::window()
            .ok_or_else(|| JsValue::from_str("no window"))?
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000)?;
        Ok(())
    };
    run().map_err(|err| describe(&err))
}

fn describe(err: &JsValue) -> String {
    err.as_string()
        .or_else(|| {
            js_sys::Reflect::get(err, &JsValue::from_str("message"))
                .ok()
                .and_then(|message| message.as_string())
        })
        .unwrap_or_else(|| "unknown error".to_owned())
}
