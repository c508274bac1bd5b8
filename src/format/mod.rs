//! The stored and exported shapes of the data, kept apart from the domain
//! types: serialisation freezes a shape, so each schema version has its own
//! plain types here and is converted to the domain by hand.
//!
//! Reading is layered: parse JSON → check the envelope (`format`,
//! `schema_version`) → restore records field by field, collecting every
//! problem with its JSON path. Nothing here panics on any input.

pub mod criteria;
mod envelope;
pub mod exchange;
pub mod festival;
pub mod merge;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod mutations;
pub mod office;
pub mod prefs;
pub mod problem;
pub mod records;
pub mod revision;
pub mod rollup;
pub mod saving;
pub mod workspace;

pub use problem::{LoadError, Problem, ProblemKind};
pub use workspace::{
    backup_file_name, decode_workspace, encode_workspace, Decoded, FORMAT_WORKSPACE, SCHEMA_VERSION,
};
