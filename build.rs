//! wasm-split-cli needs the linker's relocations to cut the app into its
//! chunks: the `split` build links the binary with them (only the final
//! link, so no dependency is rebuilt for it).

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
