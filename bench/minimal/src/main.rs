//! The smallest useful Leptos page: the reference the app's size is divided by.

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::*;
    leptos::mount::mount_to_body(|| view! { <p>"Xin chào"</p> });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
