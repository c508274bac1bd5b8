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

use crate::domain::decode::named_enum;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::criteria::{set_from_value, validated};
use super::problem::{
    deserialize_at, parse_json, problem, under, unknown_reference, LoadError, ProblemKind,
};
use super::workspace::{decode_workspace, decode_workspace_value, encode_workspace};
use crate::domain::assessment::Assessment;
use crate::domain::criteria::{CriteriaSet, SetRef, ValidSet};
use crate::domain::festival::FestivalPlan;
pub use crate::domain::unit::UnitInfo;
use crate::domain::Workspace;

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
        }
    }
}

#[derive(Serialize, Deserialize)]
struct Envelope {
    format: String,
    kind: FileKind,
    schema_version: u32,
    app_version: String,
    exported_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unit: Option<UnitInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    criteria_set: Option<SetRef>,
    checksum: String,
    content: Box<RawValue>,
}

/// An envelope of the current version with its content left as text.
#[derive(Deserialize)]
struct RawEnvelope<'a> {
    format: String,
    schema_version: u64,
    kind: FileKind,
    exported_at: String,
    #[serde(default)]
    unit: Option<UnitInfo>,
    #[serde(default)]
    year: Option<i32>,
    checksum: String,
    #[serde(borrow)]
    content: &'a RawValue,
}

/// The envelope without its content, which is taken out of the parsed
/// document rather than copied.
#[derive(Deserialize)]
struct Head {
    kind: FileKind,
    exported_at: String,
    #[serde(default)]
    unit: Option<UnitInfo>,
    /// The year the envelope states, which the records must have.
    #[serde(default)]
    year: Option<i32>,
    checksum: String,
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

/// SHA-256 of some bytes, in lower-case hex: the checksum of a file of
/// schema version 2 or later, over its content's bytes as written.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Lower-case hex of a digest.
pub fn hex(digest: &[u8]) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(digest.len() * 2);
    for byte in digest {
        let _ = write!(out, "{byte:02x}");
    }
    out
}

/// The checksum of a schema-version-1 file: SHA-256 of the content written
/// as compact JSON with keys in sorted order, in hex.
pub fn checksum(content: &Value) -> String {
    // Written straight into the hash: no copy of a large content as text.
    struct Hashing(Sha256);
    impl std::io::Write for Hashing {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.update(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut writer = std::io::BufWriter::with_capacity(1 << 16, Hashing(Sha256::new()));
    serde_json::to_writer(&mut writer, content).expect("a JSON value always serialises");
    let hashing = writer
        .into_inner()
        .unwrap_or_else(|_| unreachable!("hashing never fails"));
    hex(&hashing.0.finalize())
}

/// An ASCII file-name part: "Xã Tân Lập" → "xa-tan-lap".
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in crate::domain::latin::nfd(name).chars() {
        let c = match c {
            'đ' | 'Đ' => 'd',
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if (c.is_whitespace() || c == '-' || c == '_')
            && !out.ends_with('-')
            && !out.is_empty()
        {
            out.push('-');
        }
    }
    out.trim_matches('-').to_owned()
}

/// The content of an assessment file (fields in alphabetical order, as
/// the first version wrote them).
#[derive(Serialize)]
struct AssessmentContent<'a> {
    assessment: &'a Assessment,
    criteria_set: &'a CriteriaSet,
    unit: UnitInfo,
}

/// The content of a festival-plan file.
#[derive(Serialize)]
struct PlanContent<'a> {
    festival_plan: &'a FestivalPlan,
    unit: UnitInfo,
}

/// The content of a roll-up file.
#[derive(Serialize)]
struct RollupContent<'a> {
    assessments: Vec<RolledAssessment<'a>>,
    criteria_sets: &'a [&'a CriteriaSet],
    festival_plans: Vec<RolledPlan<'a>>,
    unit: &'a UnitInfo,
}

#[derive(Serialize)]
struct RolledAssessment<'a> {
    assessment: &'a Assessment,
    unit: &'a UnitInfo,
}

#[derive(Serialize)]
struct RolledPlan<'a> {
    festival_plan: &'a FestivalPlan,
    unit: &'a UnitInfo,
}

/// Wraps content, written straight to compact JSON (never through a
/// `Value`, which would build every record twice).
fn wrap<C: Serialize + ?Sized>(
    kind: FileKind,
    exported_at: &str,
    unit: Option<UnitInfo>,
    year: Option<i32>,
    set: Option<SetRef>,
    content: &C,
) -> String {
    let text = serde_json::to_string(content).expect("a file's content always serialises");
    wrap_text(kind, exported_at, unit, year, set, text)
}

/// Wraps content already written as compact JSON: the checksum is of these
/// very bytes, which the envelope carries unchanged.
fn wrap_text(
    kind: FileKind,
    exported_at: &str,
    unit: Option<UnitInfo>,
    year: Option<i32>,
    set: Option<SetRef>,
    content: String,
) -> String {
    let checksum = sha256_hex(content.as_bytes());
    let content = RawValue::from_string(content).expect("the content is JSON");
    let envelope = Envelope {
        format: FORMAT.to_owned(),
        kind,
        schema_version: EXCHANGE_SCHEMA_VERSION,
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
        exported_at: exported_at.to_owned(),
        unit,
        year,
        criteria_set: set,
        checksum,
        content,
    };
    serde_json::to_string_pretty(&envelope).expect("an envelope always serialises")
}

fn summary_of(assessments: &[&Assessment], sets: &[&CriteriaSet]) -> Summary {
    Summary {
        assessments: assessments.len(),
        criteria: sets.iter().map(|s| s.criteria().count()).sum(),
        answers: assessments.iter().map(|a| a.answers.0.len()).sum(),
        notes: assessments
            .iter()
            .map(|a| a.evidence.values().filter(|e| !e.is_empty()).count())
            .sum(),
        criteria_sets: sets.len(),
        ..Summary::default()
    }
}

/// The whole workspace, for backup.
pub fn export_workspace(
    workspace: &Workspace,
    exported_at: &str,
    date: (i32, u32, u32),
) -> Exported {
    let content = encode_workspace(workspace);
    let assessments: Vec<&Assessment> = workspace.assessments().iter().collect();
    let sets: Vec<&CriteriaSet> = workspace.criteria_sets().iter().collect();
    let mut summary = summary_of(&assessments, &sets);
    summary.units = workspace.units().len();
    summary.festival_plans = workspace.festival_plans().len();
    Exported {
        file_name: format!(
            "antq_sao-luu_{:04}-{:02}-{:02}.json",
            date.0, date.1, date.2
        ),
        text: wrap_text(FileKind::Workspace, exported_at, None, None, None, content),
        summary,
    }
}

/// One unit's assessment for a year, carrying its criteria set so the
/// receiver can evaluate it without having that set.
pub fn export_assessment(
    workspace: &Workspace,
    set: &CriteriaSet,
    assessment: &Assessment,
    exported_at: &str,
) -> Option<Exported> {
    // A file whose assessment names another set than the one it carries
    // would be refused by every receiver (`format::records`).
    if set.key() != assessment.set {
        return None;
    }
    let unit = workspace.units().get(&assessment.unit)?;
    let content = AssessmentContent {
        assessment,
        criteria_set: set,
        unit: UnitInfo::of(unit),
    };
    let mut summary = summary_of(&[assessment], &[set]);
    summary.units = 1;
    Some(Exported {
        file_name: format!("{}_{}_tu-danh-gia.json", assessment.year, slug(&unit.name)),
        text: wrap(
            FileKind::Assessment,
            exported_at,
            Some(UnitInfo::of(unit)),
            Some(assessment.year),
            Some(set.key()),
            &content,
        ),
        summary,
    })
}

/// One festival plan.
pub fn export_festival_plan(
    workspace: &Workspace,
    plan: &FestivalPlan,
    exported_at: &str,
) -> Option<Exported> {
    let unit = workspace.units().get(&plan.unit)?;
    let content = PlanContent {
        festival_plan: plan,
        unit: UnitInfo::of(unit),
    };
    Some(Exported {
        file_name: format!("{}_{}_ngay-hoi.json", plan.year, slug(&unit.name)),
        text: wrap(
            FileKind::FestivalPlan,
            exported_at,
            Some(UnitInfo::of(unit)),
            Some(plan.year),
            None,
            &content,
        ),
        summary: Summary {
            units: 1,
            festival_plans: 1,
            ..Summary::default()
        },
    })
}

/// A criteria set, for another unit or province to import.
pub fn export_criteria_set(set: &CriteriaSet, exported_at: &str) -> Exported {
    Exported {
        file_name: format!("bo-tieu-chi_{}_v{}.json", slug(&set.id), set.version),
        text: wrap(
            FileKind::CriteriaSet,
            exported_at,
            None,
            None,
            Some(set.key()),
            set,
        ),
        summary: Summary {
            criteria: set.criteria().count(),
            criteria_sets: 1,
            ..Summary::default()
        },
    }
}

/// The criteria set a file holds: a criteria-set file of any version, or
/// another kind refused as such.
pub fn read_criteria_set_file(text: &str) -> Result<ValidSet, LoadError> {
    let incoming = read_file(text)?;
    match (incoming.kind, incoming.criteria_sets.into_iter().next()) {
        (FileKind::CriteriaSet, Some(set)) => Ok(set),
        (kind, _) => Err(LoadError::WrongKind {
            found: kind.code().to_owned(),
        }),
    }
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
    /// The content's checksum: the file's identity.
    pub checksum: String,
}

impl Incoming {
    fn empty(kind: FileKind, exported_at: String, checksum: String) -> Incoming {
        Incoming {
            kind,
            exported_at,
            checksum,
            sender: None,
            units: Vec::new(),
            assessments: Vec::new(),
            festival_plans: Vec::new(),
            criteria_sets: Vec::new(),
            workspace: None,
        }
    }
}

fn prefixed(prefix: &str, error: LoadError) -> LoadError {
    match error {
        LoadError::Invalid { problems } => LoadError::Invalid {
            problems: under(prefix, problems),
        },
        other => other,
    }
}

/// A backup whose content is not a workspace document is still this app's
/// file: its content is of the wrong shape, said at `content.format`.
fn backup_content(error: LoadError) -> LoadError {
    match error {
        LoadError::NotOurs { found } => LoadError::Invalid {
            problems: vec![match found {
                Some(found) => problem(
                    "content.format",
                    ProblemKind::UnknownName {
                        found,
                        allowed: super::workspace::FORMAT_WORKSPACE.to_owned(),
                    },
                ),
                None => problem("content.format", ProblemKind::Missing),
            }],
        },
        other => prefixed("content", other),
    }
}

fn record<T: serde::de::DeserializeOwned>(value: &Value, path: &str) -> Result<T, LoadError> {
    deserialize_at::<T>(value, path).map_err(|p| LoadError::Invalid { problems: vec![p] })
}

/// Reads any file this app wrote, in any version it knows, or says why not.
/// Total: any bytes give a value or an error, and nothing is stored. The
/// checksum is computed here; the browser's import hashes with its own
/// SHA-256 instead, through [`open_file`] and [`Opened::finish`].
pub fn read_file(text: &str) -> Result<Incoming, LoadError> {
    let opened = open_file(text)?;
    let digest = opened.to_hash().map(sha256_hex);
    opened.finish(digest.as_deref())
}

/// A file whose envelope is read and whose content is not yet checked.
pub struct Opened<'a> {
    head: Head,
    body: Body<'a>,
}

enum Body<'a> {
    /// The content's text in a file of the current version: its checksum
    /// is of these bytes.
    Text(&'a str),
    /// The content of an older file, migrated, its checksum already checked.
    Checked(Value),
}

/// The first layers of [`read_file`]: size, JSON, envelope, and for older
/// files migration and checksum. Pure and total.
pub fn open_file(text: &str) -> Result<Opened<'_>, LoadError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(LoadError::TooLarge {
            bytes: text.len(),
            limit: MAX_IMPORT_BYTES,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // A file of the current version, well formed: its content stays text.
    let fast_error = match serde_json::from_str::<RawEnvelope<'_>>(text) {
        Ok(raw)
            if raw.format == FORMAT && raw.schema_version == u64::from(EXCHANGE_SCHEMA_VERSION) =>
        {
            return Ok(Opened {
                head: Head {
                    kind: raw.kind,
                    exported_at: raw.exported_at,
                    unit: raw.unit,
                    year: raw.year,
                    checksum: raw.checksum,
                },
                body: Body::Text(raw.content.get()),
            });
        }
        Ok(_) => None,
        Err(err) => Some(err),
    };
    // Anything else is read in layers, to say exactly what is wrong.
    let value = parse_json(text)?;
    debug_assert_eq!(super::migrate::check_table(), Ok(()));
    let format = value
        .get("format")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let (value, written) = match format.as_deref() {
        Some(FORMAT) => match value.get("schema_version").and_then(Value::as_u64) {
            Some(v) if v > u64::from(EXCHANGE_SCHEMA_VERSION) => {
                return Err(LoadError::NewerSchema {
                    found: v,
                    supported: EXCHANGE_SCHEMA_VERSION,
                })
            }
            Some(v) if v >= 1 => (super::migrate::migrate(value, v as u32)?, v as u32),
            _ => {
                return Err(LoadError::Invalid {
                    problems: vec![problem(
                        "schema_version",
                        ProblemKind::WrongType { expected: "number" },
                    )],
                })
            }
        },
        // The first release's files had no envelope: schema version 0.
        Some(
            bare @ (super::workspace::FORMAT_WORKSPACE | super::criteria::FORMAT_CRITERIA_SET),
        ) => {
            let supported = if bare == super::workspace::FORMAT_WORKSPACE {
                super::workspace::SCHEMA_VERSION
            } else {
                super::criteria::CRITERIA_SCHEMA_VERSION
            };
            match value.get("schema_version").and_then(Value::as_u64) {
                Some(found) if found > u64::from(supported) => {
                    return Err(LoadError::NewerSchema { found, supported })
                }
                _ => (super::migrate::migrate(value, 0)?, 0),
            }
        }
        _ => return Err(LoadError::NotOurs { found: format }),
    };
    let mut value = value;
    let content = match value.as_object_mut().and_then(|map| map.remove("content")) {
        Some(content) => content,
        None => {
            return Err(LoadError::Invalid {
                problems: vec![problem("content", ProblemKind::Missing)],
            })
        }
    };
    let head: Head = record(&value, "")?;
    if written >= EXCHANGE_SCHEMA_VERSION {
        // A current file the direct reading refused though its envelope
        // reads: a field repeated, or a wrong type beside the head.
        let detail = fast_error.map(|e| e.to_string()).unwrap_or_default();
        return Err(LoadError::Invalid {
            problems: vec![problem("", ProblemKind::Shape { detail })],
        });
    }
    // Versions 0 and 1: the checksum is of the content written canonically.
    if checksum(&content) != head.checksum {
        return Err(LoadError::ChecksumMismatch);
    }
    Ok(Opened {
        head,
        body: Body::Checked(content),
    })
}

impl<'a> Opened<'a> {
    /// The bytes the caller must hash (SHA-256) and pass to
    /// [`finish`](Self::finish); `None` for an older file, already checked.
    pub fn to_hash(&self) -> Option<&'a [u8]> {
        match self.body {
            Body::Text(text) => Some(text.as_bytes()),
            Body::Checked(_) => None,
        }
    }

    /// The last layers: the checksum against `digest` (the lower-case hex
    /// SHA-256 of [`to_hash`](Self::to_hash)), then the records, validated.
    pub fn finish(self, digest: Option<&str>) -> Result<Incoming, LoadError> {
        self.decode().verify(digest)
    }

    /// The records, decoded and validated before the checksum is compared,
    /// so that the caller can hash while they are read. Nothing of the
    /// result is given out until [`Unverified::verify`] has compared it.
    pub fn decode(self) -> Unverified {
        let Opened { head, body } = self;
        let year = head.year;
        // One set of record rules for every door a file comes in by.
        let checked = |incoming: Incoming| {
            super::records::check(&incoming, year)?;
            Ok(incoming)
        };
        match body {
            Body::Text(text) => Unverified {
                expected: Some(head.checksum.clone()),
                result: records_from_text(head, text).and_then(checked),
            },
            Body::Checked(content) => Unverified {
                expected: None,
                result: records(head, content).and_then(checked),
            },
        }
    }
}

/// The records of a current file's content. A backup, the bulk of what is
/// imported, and a unit's assessment or festival plan, the bulk of what a
/// roll-up receives, are decoded straight from their text.
fn records_from_text(head: Head, text: &str) -> Result<Incoming, LoadError> {
    if head.kind == FileKind::Workspace && head.unit.is_none() {
        let decoded = decode_workspace(text).map_err(backup_content)?;
        let mut incoming = Incoming::empty(head.kind, head.exported_at, head.checksum);
        incoming.workspace = Some(decoded.workspace);
        return Ok(incoming);
    }
    match records_direct(&head, text) {
        Some(incoming) => Ok(incoming),
        None => records(head, parse_json(text)?),
    }
}

/// An assessment file's content, for the direct reading.
#[derive(Deserialize)]
struct AssessmentDirect {
    assessment: Assessment,
    criteria_set: CriteriaSet,
    unit: UnitInfo,
}

/// A festival-plan file's content, for the direct reading.
#[derive(Deserialize)]
struct PlanDirect {
    festival_plan: FestivalPlan,
    unit: UnitInfo,
}

/// The direct reading of a unit's assessment or festival-plan file: `None`
/// whenever anything is wrong or the file is of another kind, for
/// [`records`] to read and report. For every file it takes, its result
/// equals that of [`records`] (a test checks it).
fn records_direct(head: &Head, text: &str) -> Option<Incoming> {
    let unit = head.unit.as_ref()?;
    let mut incoming = Incoming::empty(head.kind, head.exported_at.clone(), head.checksum.clone());
    match head.kind {
        FileKind::Assessment => {
            let content: AssessmentDirect = serde_json::from_str(text).ok()?;
            if &content.unit != unit {
                return None;
            }
            incoming
                .criteria_sets
                .push(validated(content.criteria_set).ok()?);
            incoming.assessments.push(content.assessment);
        }
        FileKind::FestivalPlan => {
            let content: PlanDirect = serde_json::from_str(text).ok()?;
            if &content.unit != unit {
                return None;
            }
            incoming.festival_plans.push(content.festival_plan);
        }
        _ => return None,
    }
    incoming.units.push(unit.clone());
    Some(incoming)
}

/// A file's records, read before its checksum was compared.
pub struct Unverified {
    /// The checksum the envelope states, where the caller's digest must
    /// equal it; `None` when it was checked on opening.
    expected: Option<String>,
    result: Result<Incoming, LoadError>,
}

impl Unverified {
    /// The records, once `digest` equals the stated checksum. A damaged
    /// file is named as such whatever its records say.
    pub fn verify(self, digest: Option<&str>) -> Result<Incoming, LoadError> {
        match self.expected {
            Some(expected) if digest != Some(expected.as_str()) => Err(LoadError::ChecksumMismatch),
            _ => self.result,
        }
    }
}

/// The records of a file's content, by its kind, validated.
fn records(head: Head, mut content: Value) -> Result<Incoming, LoadError> {
    // The envelope's description of the unit must say what the content says.
    if let (Some(unit), Some(inner)) = (&head.unit, content.get("unit")) {
        if deserialize_at::<UnitInfo>(inner, "content.unit")
            .ok()
            .as_ref()
            != Some(unit)
        {
            return Err(LoadError::ChecksumMismatch);
        }
    }
    let mut incoming = Incoming::empty(head.kind, head.exported_at, head.checksum);
    match head.kind {
        FileKind::Workspace => {
            let decoded = decode_workspace_value(&content).map_err(backup_content)?;
            incoming.workspace = Some(decoded.workspace);
        }
        FileKind::Assessment => {
            let set_value = content
                .as_object_mut()
                .and_then(|map| map.remove("criteria_set"))
                .unwrap_or(Value::Null);
            let set: CriteriaSet = set_from_value(&set_value, "content.criteria_set")?;
            let set = validated(set).map_err(|problems| {
                prefixed("content.criteria_set", LoadError::Invalid { problems })
            })?;
            let assessment: Assessment = record(
                content.get("assessment").unwrap_or(&Value::Null),
                "content.assessment",
            )?;
            incoming.units.extend(head.unit);
            incoming.assessments.push(assessment);
            incoming.criteria_sets.push(set);
        }
        FileKind::FestivalPlan => {
            let plan: FestivalPlan = record(
                content.get("festival_plan").unwrap_or(&Value::Null),
                "content.festival_plan",
            )?;
            incoming.units.extend(head.unit);
            incoming.festival_plans.push(plan);
        }
        FileKind::CriteriaSet => {
            let set: CriteriaSet = set_from_value(&content, "content")?;
            let set = validated(set)
                .map_err(|problems| prefixed("content", LoadError::Invalid { problems }))?;
            incoming.criteria_sets.push(set);
        }
        FileKind::Rollup => read_rollup(&content, &mut incoming)?,
    }
    Ok(incoming)
}

fn list<'a>(content: &'a Value, field: &str) -> Result<&'a [Value], LoadError> {
    match content.get(field) {
        None => Ok(&[]),
        Some(Value::Array(items)) => Ok(items),
        Some(_) => Err(LoadError::Invalid {
            problems: vec![problem(
                format!("content.{field}"),
                ProblemKind::WrongType { expected: "list" },
            )],
        }),
    }
}

/// A roll-up's content: the sender, the criteria sets once each, and the
/// assessments and festival plans with their units.
fn read_rollup(content: &Value, incoming: &mut Incoming) -> Result<(), LoadError> {
    incoming.sender = Some(record(
        content.get("unit").unwrap_or(&Value::Null),
        "content.unit",
    )?);
    for (i, value) in list(content, "criteria_sets")?.iter().enumerate() {
        let path = format!("content.criteria_sets[{i}]");
        let set: CriteriaSet = set_from_value(value, &path)?;
        let set =
            validated(set).map_err(|problems| prefixed(&path, LoadError::Invalid { problems }))?;
        if incoming.criteria_sets.iter().any(|s| s.key() == set.key()) {
            return Err(LoadError::Invalid {
                problems: vec![problem(
                    format!("{path}.id"),
                    ProblemKind::DuplicateId { id: set.id.clone() },
                )],
            });
        }
        incoming.criteria_sets.push(set);
    }
    let mut add_unit = |unit: UnitInfo| {
        if !incoming.units.iter().any(|u| u.id == unit.id) {
            incoming.units.push(unit);
        }
    };
    for (i, value) in list(content, "assessments")?.iter().enumerate() {
        let path = format!("content.assessments[{i}]");
        let unit: UnitInfo = record(
            value.get("unit").unwrap_or(&Value::Null),
            &format!("{path}.unit"),
        )?;
        let assessment: Assessment = record(
            value.get("assessment").unwrap_or(&Value::Null),
            &format!("{path}.assessment"),
        )?;
        if assessment.unit != unit.id {
            return Err(unknown_reference(
                format!("{path}.assessment.unit"),
                assessment.unit.as_str(),
            ));
        }
        if !incoming
            .criteria_sets
            .iter()
            .any(|s| s.key() == assessment.set)
        {
            return Err(unknown_reference(
                format!("{path}.assessment.set"),
                format!("{} v{}", assessment.set.id, assessment.set.version),
            ));
        }
        add_unit(unit);
        incoming.assessments.push(assessment);
    }
    for (i, value) in list(content, "festival_plans")?.iter().enumerate() {
        let path = format!("content.festival_plans[{i}]");
        let unit: UnitInfo = record(
            value.get("unit").unwrap_or(&Value::Null),
            &format!("{path}.unit"),
        )?;
        let plan: FestivalPlan = record(
            value.get("festival_plan").unwrap_or(&Value::Null),
            &format!("{path}.festival_plan"),
        )?;
        if plan.unit != unit.id {
            return Err(unknown_reference(
                format!("{path}.festival_plan.unit"),
                plan.unit.as_str(),
            ));
        }
        add_unit(unit);
        incoming.festival_plans.push(plan);
    }
    Ok(())
}

/// A roll-up file: what `sender` received and accepted, passed on.
pub fn export_rollup(
    sender: &UnitInfo,
    year: i32,
    assessments: &[(&UnitInfo, &Assessment, &CriteriaSet)],
    festival_plans: &[(&UnitInfo, &FestivalPlan)],
    exported_at: &str,
) -> Exported {
    let mut sets: Vec<&CriteriaSet> = Vec::new();
    for (_, _, set) in assessments {
        if !sets.iter().any(|s| s.key() == set.key()) {
            sets.push(set);
        }
    }
    let content = RollupContent {
        assessments: assessments
            .iter()
            .map(|(unit, assessment, _)| RolledAssessment { assessment, unit })
            .collect(),
        criteria_sets: &sets,
        festival_plans: festival_plans
            .iter()
            .map(|(unit, plan)| RolledPlan {
                festival_plan: plan,
                unit,
            })
            .collect(),
        unit: sender,
    };
    let list: Vec<&Assessment> = assessments.iter().map(|(_, a, _)| *a).collect();
    let mut summary = summary_of(&list, &sets);
    let mut units: Vec<&crate::domain::UnitId> = assessments
        .iter()
        .map(|(u, ..)| &u.id)
        .chain(festival_plans.iter().map(|(u, _)| &u.id))
        .collect();
    crate::domain::order::sort(&mut units);
    units.dedup();
    summary.units = units.len();
    summary.festival_plans = festival_plans.len();
    Exported {
        file_name: format!("{year}_{}_tong-hop.json", slug(&sender.name)),
        text: wrap(
            FileKind::Rollup,
            exported_at,
            Some(sender.clone()),
            Some(year),
            None,
            &content,
        ),
        summary,
    }
}

// Native only: proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use proptest::prelude::*;
    use serde_json::json;

    use super::*;
    use crate::format::mutations::{mutated, sample_assessment, sample_plan};

    fn head(kind: FileKind) -> Head {
        Head {
            kind,
            exported_at: "2025-11-20T08:00:00Z".into(),
            unit: Some(UnitInfo {
                id: crate::domain::UnitId::new("u-thon-dong"),
                name: "Thôn Đông".into(),
                kind: crate::domain::UnitKind::ResidentialArea,
                above: "Xã Tân Lập".into(),
                parent: None,
                scope: Default::default(),
            }),
            year: None,
            checksum: "c".into(),
        }
    }

    fn contents() -> Vec<(FileKind, Value)> {
        let unit = serde_json::to_value(head(FileKind::Assessment).unit).unwrap();
        let set: Value = serde_json::from_str(crate::catalog::FILES[0].1).unwrap();
        vec![
            (
                FileKind::Assessment,
                json!({"assessment": sample_assessment(), "criteria_set": set, "unit": unit}),
            ),
            (
                FileKind::FestivalPlan,
                json!({"festival_plan": sample_plan(), "unit": unit}),
            ),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn the_direct_reading_of_a_unit_file_gives_what_the_layered_one_gives(
            sample in 0usize..2,
            node in any::<prop::sample::Index>(),
            choice in 0usize..14,
        ) {
            let (kind, original) = &contents()[sample];
            // One choice in 14 keeps the content as it is.
            let value = if choice == 13 { original.clone() } else { mutated(original, &node, choice) };
            let text = value.to_string();
            let layered = records(head(*kind), parse_json(&text).unwrap());
            if let Some(direct) = records_direct(&head(*kind), &text) {
                prop_assert_eq!(Ok(direct), layered);
            }
        }
    }

    #[test]
    fn a_well_formed_unit_file_is_read_directly() {
        for (kind, content) in contents() {
            let text = content.to_string();
            let direct = records_direct(&head(kind), &text).expect("read directly");
            assert_eq!(Ok(direct), records(head(kind), parse_json(&text).unwrap()));
        }
    }
}
