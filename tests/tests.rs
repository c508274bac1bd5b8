//! Native integration tests, one target: structural rules of the repository
//! ("tidy"), the evaluation engine, the built-in catalogue and criteria files.
#![cfg(not(target_arch = "wasm32"))]

#[path = "native/assessments.rs"]
mod assessments;
#[path = "native/catalog.rs"]
mod catalog;
#[path = "native/criteria_edit.rs"]
mod criteria_edit;
#[path = "native/criteria_files.rs"]
mod criteria_files;
#[path = "native/engine.rs"]
mod engine;
#[path = "native/exchange.rs"]
mod exchange;
#[path = "native/festival.rs"]
mod festival;
#[path = "native/golden.rs"]
mod golden;
#[path = "native/legal_cases.rs"]
mod legal_cases;
#[path = "native/office.rs"]
mod office;
#[path = "native/rollup.rs"]
mod rollup;
#[path = "native/schema.rs"]
mod schema;
#[path = "native/support.rs"]
mod support;
#[path = "native/texts.rs"]
mod texts;
#[path = "native/tidy.rs"]
mod tidy;
