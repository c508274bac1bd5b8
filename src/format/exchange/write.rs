//! Writing exchange files: the envelope around each kind's content, with
//! its checksum and what the file holds in numbers.

use serde::Serialize;
use serde_json::value::RawValue;

use super::hash::sha256_hex;
use super::{Exported, FileKind, Summary, EXCHANGE_SCHEMA_VERSION, FORMAT};
use crate::domain::assessment::Assessment;
use crate::domain::criteria::{CriteriaSet, SetRef};
use crate::domain::festival::FestivalPlan;
use crate::domain::unit::UnitInfo;
use crate::domain::Workspace;
use crate::format::workspace::encode_workspace;

#[derive(Serialize)]
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

pub use crate::support::text::slug;

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

/// Wraps content, written straight to compact JSON (never through a
/// `Value`, which would build every record twice).
pub(crate) fn wrap<C: Serialize + ?Sized>(
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

pub(crate) fn summary_of(assessments: &[&Assessment], sets: &[&CriteriaSet]) -> Summary {
    Summary {
        assessments: assessments.len(),
        criteria: sets.iter().map(|s| s.criteria().count()).sum(),
        answers: assessments.iter().map(|a| a.answers().0.len()).sum(),
        notes: assessments
            .iter()
            .map(|a| a.evidence().values().filter(|e| !e.is_empty()).count())
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
    if set.key() != *assessment.set() {
        return None;
    }
    let unit = workspace.units().get(assessment.unit())?;
    let content = AssessmentContent {
        assessment,
        criteria_set: set,
        unit: UnitInfo::of(unit),
    };
    let mut summary = summary_of(&[assessment], &[set]);
    summary.units = 1;
    Some(Exported {
        file_name: format!(
            "{}_{}_tu-danh-gia.json",
            assessment.year(),
            slug(&unit.name)
        ),
        text: wrap(
            FileKind::Assessment,
            exported_at,
            Some(UnitInfo::of(unit)),
            Some(assessment.year()),
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

/// A recognition decision, for the unit it is about to import: `unit` as
/// its own file named it.
pub fn export_decision(
    notice: &crate::domain::rollup::Notice,
    unit: &UnitInfo,
    exported_at: &str,
) -> Exported {
    Exported {
        file_name: format!("{}_{}_quyet-dinh.json", notice.year, slug(&unit.name)),
        text: wrap(
            FileKind::Decision,
            exported_at,
            Some(unit.clone()),
            Some(notice.year),
            Some(notice.set.clone()),
            notice,
        ),
        summary: Summary {
            units: 1,
            ..Summary::default()
        },
    }
}

/// A unit card, for the unit it names to import.
pub fn export_unit_card(card: &crate::domain::rollup::UnitCard, exported_at: &str) -> Exported {
    Exported {
        file_name: format!("the-don-vi_{}.json", slug(&card.unit.name)),
        text: wrap(
            FileKind::UnitCard,
            exported_at,
            Some(card.unit.clone()),
            None,
            None,
            card,
        ),
        summary: Summary {
            units: 2,
            ..Summary::default()
        },
    }
}
