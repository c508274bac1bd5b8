//! The binary only mounts the app; everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    antq::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("antq runs in the browser: build and serve it with `make serve`.");
}
