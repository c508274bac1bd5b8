//! Exchange files: every exported file is wrapped in one envelope (format,
//! kind, schema version, app version, time of export, the unit, year and
//! criteria set where relevant, and a SHA-256 checksum of the content).
//! Reading is layered: size → JSON → envelope → checksum → migrate → validate.
//! See `docs/file-format.md`.
//!
//! From schema version 2 the checksum covers the content's bytes exactly as
//! the file holds them, so nothing is written out again to be checked:
//! [`open_file`] finds the content's text without building it, the caller
//! hashes those bytes (natively here, by the browser's own SHA-256 in the
//! platform layer), and [`Opened::finish`] decodes the records straight
//! from the text and gives them only if the digest matches. Older files go through
//! the migration table and their canonical checksum.
//!
//! One file a concern: `envelope.rs` opens a file (size, JSON, envelope,
//! checksum, older versions through the migration table), `read.rs` reads
//! each record from its own slice of the content's text, `write.rs` writes
//! the files; the roll-up file's own content is read and written in
//! `format/rollup.rs`.

mod envelope;
mod hash;
pub mod migrate;
mod read;
mod write;

use crate::domain::assessment::Assessment;
use crate::domain::criteria::ValidSet;
use crate::domain::festival::FestivalPlan;
pub use crate::domain::unit::UnitInfo;
use crate::domain::Workspace;
use crate::support::decode::named_enum;

pub(crate) use envelope::Head;
pub use envelope::{open_file, read_criteria_set_file, read_file, Opened, Unverified};
pub use hash::{checksum, hex, sha256_hex};
pub use write::{
    export_assessment, export_criteria_set, export_decision, export_festival_plan,
    export_unit_card, export_workspace, slug,
};
pub(crate) use write::{summary_of, wrap};

/// The `format` of every exchange file.
pub const FORMAT: &str = "antq";
/// The envelope's schema version this build writes and the newest it reads.
pub const EXCHANGE_SCHEMA_VERSION: u32 = 2;
/// Files above this size are refused before they are parsed.
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;

named_enum! {
    /// What a file holds.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum FileKind {
        /// A whole-workspace backup.
        Workspace = "workspace",
        /// One unit's assessment for a year, with its criteria set.
        Assessment = "assessment",
        /// One festival plan.
        FestivalPlan = "festival_plan",
        /// A criteria set.
        CriteriaSet = "criteria_set",
        /// A roll-up: the files one unit received from the units below it,
        /// passed on to the level above.
        Rollup = "rollup",
        /// A recognition decision, sent back down to the unit it is about.
        Decision = "decision",
        /// A unit card: a unit below, by the id the unit above gave it.
        UnitCard = "unit_card",
    }
}

impl FileKind {
    /// The `kind` field's value.
    pub fn code(self) -> &'static str {
        match self {
            FileKind::Workspace => "workspace",
            FileKind::Assessment => "assessment",
            FileKind::FestivalPlan => "festival_plan",
            FileKind::CriteriaSet => "criteria_set",
            FileKind::Rollup => "rollup",
            FileKind::Decision => "decision",
            FileKind::UnitCard => "unit_card",
        }
    }
}

/// A file ready to download, with what it holds in numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exported {
    pub file_name: String,
    pub text: String,
    pub summary: Summary,
}

/// What a file holds, counted: shown after an export and before an import.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub units: usize,
    pub assessments: usize,
    pub criteria: usize,
    pub answers: usize,
    pub notes: usize,
    pub festival_plans: usize,
    pub criteria_sets: usize,
}

/// What an import file holds, checked and ready to preview.
#[derive(Clone, Debug, PartialEq)]
pub struct Incoming {
    pub kind: FileKind,
    pub exported_at: String,
    pub units: Vec<UnitInfo>,
    pub assessments: Vec<Assessment>,
    pub festival_plans: Vec<FestivalPlan>,
    pub criteria_sets: Vec<ValidSet>,
    /// A whole workspace, for a backup.
    pub workspace: Option<Workspace>,
    /// The unit that sent a roll-up.
    pub sender: Option<UnitInfo>,
    /// Recognition decisions sent back down.
    pub decisions: Vec<crate::domain::rollup::Notice>,
    /// A unit card (its units are also in `units`, the one above first).
    pub card: Option<crate::domain::rollup::UnitCard>,
    /// The content's checksum: the file's identity.
    pub checksum: String,
}

impl Incoming {
    pub(crate) fn empty(kind: FileKind, exported_at: String, checksum: String) -> Incoming {
        Incoming {
            kind,
            exported_at,
            checksum,
            sender: None,
            decisions: Vec::new(),
            card: None,
            units: Vec::new(),
            assessments: Vec::new(),
            festival_plans: Vec::new(),
            criteria_sets: Vec::new(),
            workspace: None,
        }
    }
}
