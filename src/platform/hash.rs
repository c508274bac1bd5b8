//! SHA-256 by the browser's own Web Crypto, for the checksum of a file being
//! imported or received: about five times faster than hashing in wasm.
//! Where the page is not a secure context (plain `http://` from another
//! host) Web Crypto is absent and the core's SHA-256 is used instead.
//!
//! Chromium hashes on the page's thread, during the call: as long as the
//! browser takes to parse the same file. A large file's content is
//! therefore hashed by a worker (`hash-worker.js`) while the page decodes
//! its records. The worker gets the bytes the browser read the file from,
//! handed over, not copied; a small file's message would cost more than its
//! hashing, and is hashed in place. Until the worker has said it is ready,
//! and wherever it cannot run, every file is hashed in place.

use std::cell::RefCell;
use std::future::Future;

use js_sys::{Array, ArrayBuffer, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageChannel, MessageEvent, Worker};

use crate::format::exchange::{self, hex, open_file, Incoming};
use crate::format::problem::LoadError;
use crate::platform::files::FileText;

/// From this size a content is hashed by the worker. Measured at 4× CPU
/// (the whole import, in place / by the worker): 0.8 / 0.8–1.1 ms at
/// 360 KB, 1.1 / 0.9 ms at 510 KB, 2.5 / 1.9 ms at 1 MB, 5.2 / 3.4 ms at
/// 2.2 MB; below about 450 KB the message and its answer cost more than
/// hashing in place.
pub const HASHED_ELSEWHERE_FROM: usize = 448 * 1024;

thread_local! {
    /// The worker's start, once asked for: resolves when it is ready or not.
    static STARTED: RefCell<Option<Promise>> = const { RefCell::new(None) };
    /// The worker, once it said it is ready.
    static READY: RefCell<Option<Worker>> = const { RefCell::new(None) };
}

/// Starts the hashing worker, once (Dữ liệu asks when it opens, before a
/// file can be picked); resolves when it is ready or known absent.
pub fn prepare() -> Promise {
    STARTED.with(|started| {
        started
            .borrow_mut()
            .get_or_insert_with(start_worker)
            .clone()
    })
}

fn start_worker() -> Promise {
    let mut settle = |resolve: js_sys::Function, _reject: js_sys::Function| {
        let Ok(worker) = Worker::new("hash-worker.js") else {
            let _ = resolve.call0(&JsValue::NULL);
            return;
        };
        let said = {
            let (worker, resolve) = (worker.clone(), resolve.clone());
            wasm_bindgen::closure::Closure::once_into_js(move |event: MessageEvent| {
                worker.set_onmessage(None);
                worker.set_onerror(None);
                if event.data().as_string().as_deref() == Some("ready") {
                    READY.with(|ready| *ready.borrow_mut() = Some(worker));
                } else {
                    worker.terminate();
                }
                let _ = resolve.call0(&JsValue::NULL);
            })
        };
        // It could not be fetched or run (offline before it was cached, a
        // policy): hashing stays in place.
        let failed = {
            let worker = worker.clone();
            wasm_bindgen::closure::Closure::once_into_js(move |_: JsValue| {
                worker.set_onmessage(None);
                worker.terminate();
                let _ = resolve.call0(&JsValue::NULL);
            })
        };
        worker.set_onmessage(Some(said.unchecked_ref()));
        worker.set_onerror(Some(failed.unchecked_ref()));
    };
    Promise::new(&mut settle)
}

/// Hands `bytes` to the ready worker to hash `bytes[start..end]`; the
/// answer's promise, or `None` where there is no worker to ask.
fn post(bytes: ArrayBuffer, start: usize, end: usize) -> Option<Promise> {
    let worker = READY.with(|ready| ready.borrow().clone())?;
    let channel = MessageChannel::new().ok()?;
    let message = Object::new();
    for (key, value) in [
        ("bytes", JsValue::from(&bytes)),
        ("start", JsValue::from(start as f64)),
        ("end", JsValue::from(end as f64)),
    ] {
        Reflect::set(&message, &JsValue::from_str(key), &value).ok()?;
    }
    let answered = Promise::new(&mut |resolve, _| channel.port1().set_onmessage(Some(&resolve)));
    let handed = Array::of2(&bytes, &channel.port2());
    worker.post_message_with_transfer(&message, &handed).ok()?;
    Some(answered)
}

/// The lower-case hex of a digest's `ArrayBuffer`, if it is one.
fn hex_of(digest: JsValue) -> Option<String> {
    let buffer = digest.dyn_into::<ArrayBuffer>().ok()?;
    Some(hex(&Uint8Array::new(&buffer).to_vec()))
}

/// Web Crypto's digest, on this thread, during the call.
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
            if let Some(digest) = started.await.ok().and_then(hex_of) {
                return digest;
            }
        }
        exchange::sha256_hex(bytes)
    }
}

/// The import pipeline of `format::exchange::read_file`, with the checksum
/// computed by the browser: a large content's by the worker, while the
/// records are decoded here.
pub async fn read_file(file: FileText) -> Result<Incoming, LoadError> {
    let FileText { text, bytes } = file;
    let opened = open_file(&text)?;
    let content = opened.to_hash();
    // The text is the bytes read: the content lies at the same place in both.
    let span = opened
        .hash_range()
        .filter(|range| range.len() >= HASHED_ELSEWHERE_FROM);
    let elsewhere = match (span, bytes) {
        (Some(range), Some(bytes)) => post(bytes, range.start, range.end),
        _ => None,
    };
    let unverified = opened.decode();
    let hashed_elsewhere = match elsewhere {
        Some(answered) => JsFuture::from(answered)
            .await
            .ok()
            .and_then(|event| hex_of(event.unchecked_into::<MessageEvent>().data())),
        None => None,
    };
    let digest = match (hashed_elsewhere, content) {
        (Some(digest), _) => Some(digest),
        (None, Some(content)) => Some(sha256_hex(content).await),
        (None, None) => None,
    };
    unverified.verify(digest.as_deref())
}
