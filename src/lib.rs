//! antq: self-assessment against the "An toàn về an ninh, trật tự" standard and
//! planning of the "Ngày hội toàn dân bảo vệ an ninh Tổ quốc", offline in the browser.
//!
//! The crate has a pure core and thin browser edges (see ARCHITECTURE.md):
//! [`domain`] and [`format`] are plain Rust, tested natively; `platform` and
//! `ui` exist only on `wasm32` and are the only places that touch web APIs.

pub mod catalog;
pub mod domain;
pub mod format;
pub mod support;

#[cfg(all(target_arch = "wasm32", feature = "bench"))]
pub mod bench;
#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod ui;

/// Mounts the app on `<body>`. Called by `main` in the browser build.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(ui::App);
}
