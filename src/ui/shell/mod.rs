//! The shell around every section: loading, the header, the navigation,
//! the banners, hash routing, the app's state and its saving, and the lazy
//! parts (`split`).

pub mod app;
pub(crate) mod autosave;
pub(crate) mod export;
pub(crate) mod header;
pub(crate) mod nav;
pub(crate) mod notices;
pub mod split;
pub mod state;
