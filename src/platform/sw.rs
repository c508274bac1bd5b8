//! The service worker: registered once in release builds, so the app opens
//! offline after the first visit; a new version waits for the user.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// The service worker API, where the browser offers it (not on plain http
/// from another host, nor in some private modes).
fn service_workers() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let has =
        js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    has.then(|| navigator.service_worker())
}

/// Registers `./sw.js` and calls `on_update` when a new version has been
/// installed and waits. Without service workers the app still runs, online.
pub fn register(on_update: impl Fn() + Clone + 'static) {
    let Some(container) = service_workers() else {
        return;
    };
    let promise = container.register("./sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        // Anything but a registration (a browser or a test harness that
        // blocks service workers resolves to nothing): the app runs online.
        let Ok(Ok(registration)) = JsFuture::from(promise)
            .await
            .map(|r| r.dyn_into::<ServiceWorkerRegistration>())
        else {
            return;
        };
        // A version found on an earlier visit may already be waiting.
        if registration.waiting().is_some() && container.controller().is_some() {
            on_update();
        }
        let watched = registration.clone();
        let on_found = Closure::<dyn Fn()>::new(move || {
            let Some(installing) = watched.installing() else {
                return;
            };
            let worker = installing.clone();
            let on_update = on_update.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                let has_controller = service_workers().and_then(|c| c.controller()).is_some();
                if worker.state() == ServiceWorkerState::Installed && has_controller {
                    on_update();
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
    });
}

/// Lets the waiting version take over, then reloads once it controls the page.
pub fn apply_update() {
    let Some(container) = service_workers() else {
        return;
    };
    let reload = Closure::<dyn Fn()>::new(|| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    let promise = container.get_registration();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = JsFuture::from(promise).await else {
            return;
        };
        let Some(registration) = registration.dyn_ref::<ServiceWorkerRegistration>() else {
            return;
        };
        match registration.waiting() {
            Some(waiting) => {
                let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
            }
            None => {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().reload();
                }
            }
        }
    });
}
