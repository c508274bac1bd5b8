//! SHA-256 by the browser's own Web Crypto, for the checksum of a file being
//! imported or received: about five times faster than hashing in wasm.
//! Where the page is not a secure context (plain `http://` from another
//! host) Web Crypto is absent and the core's SHA-256 is used instead.
//!
//! (A worker was tried, to hash while the records are decoded: on two cores
//! the copy, the message and the contention cost more than they saved.)

use std::future::Future;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::format::exchange::{self, hex, open_file, Incoming};
use crate::format::problem::LoadError;

/// Web Crypto's digest, started now: Chromium hashes during the call, so
/// the promise is settled by the time it is awaited.
fn start(bytes: &[u8]) -> Option<JsFuture> {
    let window = web_sys::window()?;
    if !window.is_secure_context() {
        return None;
    }
    let subtle = window.crypto().ok()?.subtle();
    let promise = subtle.digest_with_str_and_u8_array("SHA-256", bytes).ok()?;
    Some(JsFuture::from(promise))
}

/// The lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> impl Future<Output = String> + '_ {
    let started = start(bytes);
    async move {
        if let Some(started) = started {
            if let Ok(Ok(buffer)) = started.await.map(JsCast::dyn_into::<js_sys::ArrayBuffer>) {
                return hex(&js_sys::Uint8Array::new(&buffer).to_vec());
            }
        }
        exchange::sha256_hex(bytes)
    }
}

/// The import pipeline of `format::exchange::read_file`, with the checksum
/// computed by the browser.
pub async fn read_file(text: &str) -> Result<Incoming, LoadError> {
    let opened = open_file(text)?;
    let digesting = opened.to_hash().map(sha256_hex);
    let unverified = opened.decode();
    let digest = match digesting {
        Some(digesting) => Some(digesting.await),
        None => None,
    };
    unverified.verify(digest.as_deref())
}
