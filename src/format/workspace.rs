//! The workspace document, as stored in the browser and as exported for backup.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::criteria::{set_from_value, validated};
use super::problem::{deserialize_at, problem, under, LoadError, Problem, ProblemKind};
use crate::domain::assessment::Assessment;
use crate::domain::criteria::{CriteriaSet, ValidSet};
use crate::domain::document::Fields;
use crate::domain::festival::FestivalPlan;
use crate::domain::{Scope, Unit, UnitId, UnitKind, Units, Workspace};

/// The `format` name that marks a workspace document of this app.
pub const FORMAT_WORKSPACE: &str = "antq.workspace";

/// The schema version this build writes and the newest it reads.
pub const SCHEMA_VERSION: u32 = 1;

/// Schema version 1, frozen: change it only by adding version 2 and a migration.
#[derive(Serialize)]
struct WorkspaceV1<'a> {
    format: &'static str,
    schema_version: u32,
    active_unit: Option<&'a str>,
    units: Vec<UnitV1<'a>>,
    /// Local and imported criteria sets, in the criteria-set file shape.
    criteria_sets: &'a [CriteriaSet],
    assessments: &'a [Assessment],
    festival_plans: &'a [FestivalPlan],
}

#[derive(Serialize)]
struct UnitV1<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'static str,
    above: &'a str,
    parent: Option<&'a str>,
    /// Left out while nothing of it is stated, so a unit without these facts
    /// is written as before they existed.
    #[serde(skip_serializing_if = "Scope::is_empty")]
    scope: Scope,
    /// Likewise, its documents' fields.
    #[serde(skip_serializing_if = "Fields::is_empty")]
    document: &'a Fields,
}

/// A workspace read from text, with the repairs made on the way
/// (parents that pointed nowhere were cleared).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub workspace: Workspace,
    pub repaired_units: Vec<UnitId>,
}

/// Writes the workspace as a schema-version-1 JSON document.
pub fn encode_workspace(workspace: &Workspace) -> String {
    let doc = WorkspaceV1 {
        format: FORMAT_WORKSPACE,
        schema_version: SCHEMA_VERSION,
        active_unit: workspace.active_unit_id().map(UnitId::as_str),
        units: workspace
            .units()
            .iter()
            .map(|unit| UnitV1 {
                id: unit.id.as_str(),
                name: &unit.name,
                kind: unit.kind.code(),
                above: &unit.above,
                parent: unit.parent.as_ref().map(UnitId::as_str),
                scope: unit.scope,
                document: &unit.document,
            })
            .collect(),
        criteria_sets: workspace.criteria_sets(),
        assessments: workspace.assessments(),
        festival_plans: workspace.festival_plans(),
    };
    serde_json::to_string(&doc).expect("a workspace always serialises")
}

/// The file name of a whole-workspace backup made on the given day:
/// ASCII only, so it survives every file system and e-mail client.
pub fn backup_file_name(year: i32, month: u32, day: u32) -> String {
    format!("antq_sao-luu_{year:04}-{month:02}-{day:02}.json")
}

/// Reads a workspace document. Total: any text gives a workspace or an error.
/// A well-formed document is decoded straight from its text; anything the
/// direct reading does not take whole is read again in layers, so every
/// problem is named with its path.
pub fn decode_workspace(text: &str) -> Result<Decoded, LoadError> {
    if let Some(decoded) = decode_direct(text) {
        return Ok(decoded);
    }
    decode_layered(text)
}

/// The document's shape for the direct reading: the bulky records typed,
/// the small parts kept as values for the same checks as the layered
/// reading.
#[derive(Deserialize)]
struct Direct {
    format: String,
    schema_version: u64,
    #[serde(default)]
    active_unit: Value,
    #[serde(default)]
    units: Value,
    #[serde(default)]
    criteria_sets: Value,
    #[serde(default)]
    assessments: Vec<Assessment>,
    #[serde(default)]
    festival_plans: Vec<FestivalPlan>,
}

/// The direct reading: `None` whenever anything is wrong, for the layered
/// reading to report. For every document it takes, its result equals the
/// layered reading's (a property test checks it).
fn decode_direct(text: &str) -> Option<Decoded> {
    let doc: Direct = serde_json::from_str(text).ok()?;
    if doc.format != FORMAT_WORKSPACE
        || !(1..=u64::from(SCHEMA_VERSION)).contains(&doc.schema_version)
    {
        return None;
    }
    let mut problems = Vec::new();
    let records = read_units(Some(&doc.units), &mut problems);
    let criteria_sets = read_criteria_sets(Some(&doc.criteria_sets), &mut problems);
    let active_unit = match doc.active_unit {
        Value::Null => None,
        Value::String(id) => Some(UnitId::new(id)),
        _ => return None,
    };
    if !problems.is_empty()
        || repeats(&doc.assessments, |a| a.id())
        || repeats(&doc.festival_plans, |p| p.id.as_str())
    {
        return None;
    }
    let (units, repaired_units) = Units::from_records(records);
    Some(Decoded {
        workspace: Workspace::from_parts(units, active_unit, criteria_sets, doc.assessments)
            .with_festival_plans(doc.festival_plans),
        repaired_units,
    })
}

/// Whether two records share an id.
fn repeats<T>(records: &[T], id_of: impl Fn(&T) -> &str) -> bool {
    let mut seen = std::collections::HashSet::with_capacity(records.len());
    !records.iter().all(|record| seen.insert(id_of(record)))
}

/// The layered reading: JSON, envelope, then every record on its own.
pub fn decode_layered(text: &str) -> Result<Decoded, LoadError> {
    let value = super::problem::parse_json(text)?;
    decode_workspace_value(&value)
}

/// Reads a workspace document already parsed (the content of a backup).
pub fn decode_workspace_value(value: &Value) -> Result<Decoded, LoadError> {
    let root = check_envelope(value)?;
    let mut problems = Vec::new();
    let records = read_units(root.get("units"), &mut problems);
    let criteria_sets = read_criteria_sets(root.get("criteria_sets"), &mut problems);
    let assessments =
        read_records::<Assessment>(root.get("assessments"), "assessments", &mut problems, |a| {
            a.id().to_owned()
        });
    let festival_plans = read_records::<FestivalPlan>(
        root.get("festival_plans"),
        "festival_plans",
        &mut problems,
        |p| p.id.clone(),
    );
    let active_unit = match root.get("active_unit") {
        None | Some(Value::Null) => None,
        Some(Value::String(id)) => Some(UnitId::new(id.as_str())),
        Some(_) => {
            problems.push(problem(
                "active_unit",
                ProblemKind::WrongType { expected: "text" },
            ));
            None
        }
    };
    if !problems.is_empty() {
        return Err(LoadError::Invalid { problems });
    }
    let (units, repaired_units) = Units::from_records(records);
    Ok(Decoded {
        workspace: Workspace::from_parts(units, active_unit, criteria_sets, assessments)
            .with_festival_plans(festival_plans),
        repaired_units,
    })
}

fn check_envelope(value: &Value) -> Result<&Map<String, Value>, LoadError> {
    super::envelope::check(value, FORMAT_WORKSPACE, SCHEMA_VERSION).map(|(root, _)| root)
}

/// The items of an optional list field; anything else is a problem.
fn list_field<'a>(value: Option<&'a Value>, key: &str, problems: &mut Vec<Problem>) -> &'a [Value] {
    match value {
        Some(Value::Array(items)) => items,
        None | Some(Value::Null) => &[],
        Some(_) => {
            problems.push(problem(key, ProblemKind::WrongType { expected: "list" }));
            &[]
        }
    }
}

fn read_criteria_sets(value: Option<&Value>, problems: &mut Vec<Problem>) -> Vec<ValidSet> {
    let items = list_field(value, "criteria_sets", problems);
    let mut sets: Vec<ValidSet> = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let path = format!("criteria_sets[{index}]");
        let set = match set_from_value(item, &path) {
            Ok(set) => set,
            Err(LoadError::Invalid { problems: found }) => {
                problems.extend(found);
                continue;
            }
            Err(_) => continue,
        };
        if sets.iter().any(|s| s.key() == set.key()) {
            problems.push(problem(
                format!("{path}.id"),
                ProblemKind::DuplicateId {
                    id: format!("{}@{}", set.id, set.version),
                },
            ));
            continue;
        }
        match validated(set) {
            Ok(set) => sets.push(set),
            Err(found) => problems.extend(under(&path, found)),
        }
    }
    sets
}

/// Reads a list of records of one serde shape, each problem with its path;
/// records whose id repeats are refused.
fn read_records<T: serde::de::DeserializeOwned>(
    value: Option<&Value>,
    key: &str,
    problems: &mut Vec<Problem>,
    id_of: impl Fn(&T) -> String,
) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for (index, item) in list_field(value, key, problems).iter().enumerate() {
        let path = format!("{key}[{index}]");
        match deserialize_at::<T>(item, &path) {
            Ok(record) if out.iter().any(|r| id_of(r) == id_of(&record)) => problems.push(problem(
                format!("{path}.id"),
                ProblemKind::DuplicateId { id: id_of(&record) },
            )),
            Ok(record) => out.push(record),
            Err(found) => problems.push(found),
        }
    }
    out
}

fn read_units(value: Option<&Value>, problems: &mut Vec<Problem>) -> Vec<Unit> {
    let items = list_field(value, "units", problems);
    let mut units: Vec<Unit> = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let path = format!("units[{index}]");
        let Some(fields) = item.as_object() else {
            problems.push(problem(path, ProblemKind::WrongType { expected: "object" }));
            continue;
        };
        let id = required_text(fields, &path, "id", problems);
        let name = required_text(fields, &path, "name", problems);
        let kind = required_text(fields, &path, "kind", problems).and_then(|code| {
            let kind = UnitKind::from_code(&code);
            if kind.is_none() {
                problems.push(problem(
                    format!("{path}.kind"),
                    ProblemKind::UnknownUnitKind { code },
                ));
            }
            kind
        });
        let above = optional_text(fields, &path, "above", problems).unwrap_or_default();
        let parent = optional_text(fields, &path, "parent", problems).map(UnitId::new);
        let scope = match fields.get("scope") {
            None | Some(Value::Null) => Scope::default(),
            Some(value) => {
                deserialize_at::<Scope>(value, &format!("{path}.scope")).unwrap_or_else(|found| {
                    problems.push(found);
                    Scope::default()
                })
            }
        };
        let document = match fields.get("document") {
            None | Some(Value::Null) => Fields::default(),
            Some(value) => deserialize_at::<Fields>(value, &format!("{path}.document"))
                .unwrap_or_else(|found| {
                    problems.push(found);
                    Fields::default()
                }),
        };
        if let Some(id) = &id {
            if units.iter().any(|unit| unit.id.as_str() == id) {
                problems.push(problem(
                    format!("{path}.id"),
                    ProblemKind::DuplicateId { id: id.clone() },
                ));
                continue;
            }
        }
        if let (Some(id), Some(name), Some(kind)) = (id, name, kind) {
            units.push(Unit {
                id: UnitId::new(id),
                name,
                kind,
                above,
                parent,
                scope: scope.for_kind(kind),
                document,
            });
        }
    }
    units
}

fn required_text(
    fields: &Map<String, Value>,
    path: &str,
    key: &str,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    if matches!(fields.get(key), None | Some(Value::Null)) {
        problems.push(problem(format!("{path}.{key}"), ProblemKind::Missing));
        return None;
    }
    let text = optional_text(fields, path, key, problems)?;
    if text.trim().is_empty() {
        problems.push(problem(format!("{path}.{key}"), ProblemKind::Empty));
        return None;
    }
    Some(text)
}

fn optional_text(
    fields: &Map<String, Value>,
    path: &str,
    key: &str,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    match fields.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::String(text)) => Some(text.clone()),
        Some(_) => {
            problems.push(problem(
                format!("{path}.{key}"),
                ProblemKind::WrongType { expected: "text" },
            ));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::unit::UnitFields;

    fn sample() -> Workspace {
        let mut workspace = Workspace::new();
        workspace
            .add_unit(
                UnitId::new("xa-1"),
                UnitFields {
                    name: "Xã Tân Lập".into(),
                    kind: UnitKind::Commune,
                    above: "tỉnh Phú Thọ".into(),
                    parent: None,
                    scope: Default::default(),
                },
            )
            .unwrap();
        workspace
            .add_unit(
                UnitId::new("thon-1"),
                UnitFields {
                    name: "Thôn \"Đồng\" <b>".into(),
                    kind: UnitKind::ResidentialArea,
                    above: String::new(),
                    parent: Some(UnitId::new("xa-1")),
                    scope: Default::default(),
                },
            )
            .unwrap();
        workspace.set_active_unit(&UnitId::new("thon-1")).unwrap();
        workspace
    }

    #[test]
    fn backup_names_are_ascii_and_dated() {
        assert_eq!(backup_file_name(2026, 3, 9), "antq_sao-luu_2026-03-09.json");
    }

    #[test]
    fn a_workspace_round_trips_exactly() {
        let workspace = sample();
        let text = encode_workspace(&workspace);
        let decoded = decode_workspace(&text).unwrap();
        assert_eq!(decoded.workspace, workspace);
        assert!(decoded.repaired_units.is_empty());
        assert!(text.contains("\"format\":\"antq.workspace\""));
        assert!(text.contains("\"schema_version\":1"));
    }

    #[test]
    fn text_that_is_not_json_names_its_line_and_column() {
        assert_eq!(
            decode_workspace("{\n  \"format\": ,"),
            Err(LoadError::NotJson {
                line: 2,
                column: 13
            })
        );
    }

    #[test]
    fn another_apps_json_is_not_ours() {
        assert_eq!(
            decode_workspace(r#"{"format":"excalidraw","units":[]}"#),
            Err(LoadError::NotOurs {
                found: Some("excalidraw".into())
            })
        );
        assert_eq!(
            decode_workspace("[1,2]"),
            Err(LoadError::NotOurs { found: None })
        );
    }

    #[test]
    fn a_newer_schema_is_refused_with_both_versions() {
        assert_eq!(
            decode_workspace(r#"{"format":"antq.workspace","schema_version":7}"#),
            Err(LoadError::NewerSchema {
                found: 7,
                supported: 1
            })
        );
    }

    #[test]
    fn every_broken_record_is_reported_with_its_path() {
        let text = r#"{"format":"antq.workspace","schema_version":1,"units":[
            {"id":"a","name":"A","kind":"xa"},
            {"id":"b","name":"","kind":"thon"},
            {"id":"a","name":"A2","kind":"xa"},
            {"id":3,"kind":"xa","above":false},
            "nope"
        ]}"#;
        let Err(LoadError::Invalid { problems }) = decode_workspace(text) else {
            panic!("expected problems");
        };
        let found: Vec<(String, ProblemKind)> =
            problems.into_iter().map(|p| (p.path, p.kind)).collect();
        assert_eq!(
            found,
            vec![
                ("units[1].name".into(), ProblemKind::Empty),
                (
                    "units[1].kind".into(),
                    ProblemKind::UnknownUnitKind {
                        code: "thon".into()
                    }
                ),
                (
                    "units[2].id".into(),
                    ProblemKind::DuplicateId { id: "a".into() }
                ),
                (
                    "units[3].id".into(),
                    ProblemKind::WrongType { expected: "text" }
                ),
                ("units[3].name".into(), ProblemKind::Missing),
                (
                    "units[3].above".into(),
                    ProblemKind::WrongType { expected: "text" }
                ),
                (
                    "units[4]".into(),
                    ProblemKind::WrongType { expected: "object" }
                ),
            ]
        );
    }

    #[test]
    fn local_criteria_sets_round_trip_and_broken_ones_are_named() {
        let mut workspace = sample();
        let builtin = [crate::format::criteria::decode_criteria_set(include_str!(
            "../catalog/tt124-xa-phuong.json"
        ))
        .unwrap()
        .into_inner()];
        let variant = crate::domain::criteria::Library::new(&builtin, &[]).variant_of(&builtin[0]);
        workspace.put_criteria_set(super::validated(variant).unwrap());
        let text = encode_workspace(&workspace);
        assert_eq!(decode_workspace(&text).unwrap().workspace, workspace);

        let mut value: Value = serde_json::from_str(&text).unwrap();
        value["criteria_sets"][0]["groups"][0]["criteria"][0]["indicators"][0]["id"] =
            "xa-1b".into();
        let Err(LoadError::Invalid { problems }) = decode_workspace(&value.to_string()) else {
            panic!("expected problems");
        };
        assert_eq!(
            problems[0].path,
            "criteria_sets[0].groups[0].criteria[0].indicators[1].id"
        );
    }

    #[test]
    fn a_units_scope_is_written_only_when_stated_and_read_back_with_its_path() {
        use crate::domain::scope::SchoolLevel;
        let mut workspace = Workspace::new();
        workspace
            .add_unit(
                UnitId::new("mn"),
                UnitFields {
                    name: "Trường Mầm non Hoa Sen".into(),
                    kind: UnitKind::School,
                    above: String::new(),
                    parent: None,
                    scope: Scope {
                        school_level: Some(SchoolLevel::Preschool),
                        managed: Some(true),
                        ..Scope::default()
                    },
                },
            )
            .unwrap();
        let text = encode_workspace(&workspace);
        assert!(text.contains(r#""scope":{"school_level":"preschool","managed":true}"#));
        assert_eq!(decode_workspace(&text).unwrap().workspace, workspace);
        assert!(!encode_workspace(&sample()).contains("scope"));
        let bad = text.replace(r#""preschool""#, r#""daycare""#);
        let Err(LoadError::Invalid { problems }) = decode_workspace(&bad) else {
            panic!("an unknown school level is refused");
        };
        assert_eq!(problems[0].path, "units[0].scope.school_level");
    }

    #[test]
    fn a_units_document_fields_are_written_only_when_typed_kept_by_an_edit_and_read_with_their_path(
    ) {
        let mut workspace = sample();
        let id = workspace.units().iter().next().unwrap().id.clone();
        assert!(!encode_workspace(&workspace).contains("\"document\""));
        let fields = Fields {
            issuing_body: "Công an xã Tân Lập".into(),
            abbreviation: "CAX".into(),
            signer_name: "Nguyễn Văn An".into(),
            ..Fields::default()
        };
        workspace.set_unit_document(&id, fields.clone()).unwrap();
        // Editing the unit's name keeps them.
        let unit = workspace.units().get(&id).unwrap().clone();
        workspace
            .update_unit(
                &id,
                UnitFields {
                    name: format!("{} mới", unit.name),
                    kind: unit.kind,
                    above: unit.above.clone(),
                    parent: unit.parent.clone(),
                    scope: unit.scope,
                },
            )
            .unwrap();
        let text = encode_workspace(&workspace);
        assert!(text.contains(r#""document":{"issuing_body":"Công an xã Tân Lập","abbreviation":"CAX","signer_name":"Nguyễn Văn An"}"#));
        let back = decode_workspace(&text).unwrap().workspace;
        assert_eq!(back.units().get(&id).unwrap().document, fields);
        assert_eq!(back, workspace);
        let bad = text.replace(r#""abbreviation":"CAX""#, r#""abbreviation":7"#);
        let Err(LoadError::Invalid { problems }) = decode_workspace(&bad) else {
            panic!("a number is not an abbreviation");
        };
        assert_eq!(problems[0].path, "units[0].document.abbreviation");
    }

    #[test]
    fn a_dangling_parent_is_cleared_and_reported() {
        let text = r#"{"format":"antq.workspace","schema_version":1,"active_unit":"x",
            "units":[{"id":"a","name":"A","kind":"khu-dan-cu","parent":"gone"}]}"#;
        let decoded = decode_workspace(text).unwrap();
        assert_eq!(decoded.repaired_units, vec![UnitId::new("a")]);
        assert_eq!(decoded.workspace.active_unit().unwrap().name, "A");
    }
}
