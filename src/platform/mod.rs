//! Browser adapters: the only code that touches web APIs. Each one is thin
//! and hands plain values to the core and the UI.

pub mod address;
pub mod archive;
pub mod clipboard;
pub mod clock;
pub mod download;
pub mod files;
pub mod first_screen;
pub mod hash;
pub mod ids;
pub mod storage;
pub mod sw;
