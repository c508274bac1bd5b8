//! The pure domain: units, the workspace, routes and user preferences.
//! Nothing here knows about the browser, JSON or Leptos.

pub mod assessment;
pub mod calendar;
pub mod context;
pub mod criteria;
pub mod document;
pub mod festival;
pub mod prefs;
pub mod rollup;
pub mod route;
pub mod scope;
pub mod timeline;
pub mod unit;
pub mod workspace;

pub use prefs::{Language, Prefs};
pub use route::{Route, Section};
pub use scope::Scope;
pub use unit::{Unit, UnitError, UnitId, UnitInfo, UnitKind, Units};
pub use workspace::Workspace;
