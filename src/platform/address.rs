//! The page's address: its hash, read and written in place.

/// The address's hash (`#/tu-danh-gia/…`), or "" without one.
pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Writes `hash` into the address without a new history entry, and without
/// the `hashchange` event a link would fire.
pub fn replace_hash(hash: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
    }
}
