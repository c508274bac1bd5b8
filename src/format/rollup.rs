//! The roll-up: the content of a roll-up file, written and read (the
//! envelope around it is `format::exchange`'s); an exchange file read by
//! [`read_file`](super::exchange::read_file) becoming [`Received`] records;
//! and each record stored on its own as an `antq.received` document.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::exchange::{slug, summary_of, wrap, Exported, FileKind, Incoming};
use super::problem::{deserialize_at, unknown_reference, LoadError};
use crate::domain::assessment::Assessment;
use crate::domain::criteria::CriteriaSet;
use crate::domain::festival::FestivalPlan;
use crate::domain::rollup::{Body, Received, Review};
use crate::domain::UnitInfo;
use crate::support::text::normalise_name;

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

/// A roll-up's content as read: each record its own slice of the text.
#[derive(Deserialize)]
struct RollupText<'a> {
    #[serde(borrow, default)]
    unit: Option<&'a RawValue>,
    #[serde(borrow, default)]
    criteria_sets: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    assessments: Vec<RolledText<'a>>,
    #[serde(borrow, default)]
    festival_plans: Vec<RolledText<'a>>,
}

/// One unit's record in a roll-up, as read.
#[derive(Deserialize)]
struct RolledText<'a> {
    #[serde(borrow, default)]
    unit: Option<&'a RawValue>,
    #[serde(borrow, default)]
    assessment: Option<&'a RawValue>,
    #[serde(borrow, default)]
    festival_plan: Option<&'a RawValue>,
}

/// One unit's record in a roll-up at `path`: the unit, and the record in
/// `field` (`body`), each read from its own slice.
fn unit_record<'a, T: Deserialize<'a>>(
    rolled: &RolledText<'a>,
    path: &str,
    field: &str,
    body: Option<&'a RawValue>,
) -> Result<(UnitInfo, T), LoadError> {
    use super::problem::{record, required};
    let unit_path = format!("{path}.unit");
    let unit = record(required(rolled.unit, &unit_path)?, &unit_path)?;
    let body_path = format!("{path}.{field}");
    Ok((unit, record(required(body, &body_path)?, &body_path)?))
}

/// A roll-up's content `text`: the sender, the criteria sets once each, and
/// the assessments and festival plans with their units.
pub(crate) fn read_rollup(text: &str, incoming: &mut Incoming) -> Result<(), LoadError> {
    use super::criteria::set_at;
    use super::problem::{record, required};
    let content: RollupText = record(text, "content")?;
    incoming.sender = Some(record(
        required(content.unit, "content.unit")?,
        "content.unit",
    )?);
    for (i, set) in content.criteria_sets.iter().enumerate() {
        let path = format!("content.criteria_sets[{i}]");
        let set = set_at(set.get(), &path)?;
        if incoming.criteria_sets.iter().any(|s| s.key() == set.key()) {
            return Err(LoadError::Invalid {
                problems: vec![super::problem::problem(
                    format!("{path}.id"),
                    super::problem::ProblemKind::DuplicateId { id: set.id.clone() },
                )],
            });
        }
        incoming.criteria_sets.push(set);
    }
    let add_unit = |units: &mut Vec<UnitInfo>, unit: UnitInfo| {
        if !units.iter().any(|u| u.id == unit.id) {
            units.push(unit);
        }
    };
    for (i, rolled) in content.assessments.iter().enumerate() {
        let path = format!("content.assessments[{i}]");
        let (unit, assessment): (_, Assessment) =
            unit_record(rolled, &path, "assessment", rolled.assessment)?;
        if unit.id != *assessment.unit() {
            return Err(unknown_reference(
                format!("{path}.assessment.unit"),
                assessment.unit().as_str(),
            ));
        }
        add_unit(&mut incoming.units, unit);
        incoming.assessments.push(assessment);
    }
    for (i, rolled) in content.festival_plans.iter().enumerate() {
        let path = format!("content.festival_plans[{i}]");
        let (unit, plan): (_, FestivalPlan) =
            unit_record(rolled, &path, "festival_plan", rolled.festival_plan)?;
        if unit.id != plan.unit {
            return Err(unknown_reference(
                format!("{path}.festival_plan.unit"),
                plan.unit.as_str(),
            ));
        }
        add_unit(&mut incoming.units, unit);
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
    crate::support::order::sort(&mut units);
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

/// The `format` of a stored received record.
pub const FORMAT_RECEIVED: &str = "antq.received";
/// The version of that document this build writes and reads.
pub const RECEIVED_SCHEMA_VERSION: u32 = 1;

fn clean(unit: &UnitInfo) -> UnitInfo {
    UnitInfo {
        name: normalise_name(&unit.name),
        above: normalise_name(&unit.above),
        ..unit.clone()
    }
}

/// The records an exchange file brings to the roll-up. A backup or a
/// criteria set is not for the roll-up: it is refused as another kind.
pub fn received_from(
    incoming: &Incoming,
    file_name: &str,
    received_at: &str,
) -> Result<Vec<Received>, LoadError> {
    if matches!(
        incoming.kind,
        FileKind::Workspace | FileKind::CriteriaSet | FileKind::Decision | FileKind::UnitCard
    ) {
        return Err(LoadError::WrongKind {
            found: incoming.kind.code().to_owned(),
        });
    }
    let unit_of = |id: &crate::domain::UnitId, path: &str| {
        incoming
            .units
            .iter()
            .find(|u| &u.id == id)
            .map(clean)
            .ok_or_else(|| unknown_reference(path, id.as_str().to_owned()))
    };
    let short = &incoming.checksum[..incoming.checksum.len().min(16)];
    let record = |index: usize, unit: UnitInfo, body: Body| Received {
        id: format!("{short}-{index}"),
        file_name: file_name.to_owned(),
        exported_at: incoming.exported_at.clone(),
        received_at: received_at.to_owned(),
        unit,
        via: incoming.sender.as_ref().map(clean),
        review: Review::Received,
        body,
        sent_as: None,
        decision: None,
    };
    let mut out = Vec::new();
    // One copy of each set for all the records made on it.
    let sets: Vec<std::sync::Arc<crate::domain::criteria::CriteriaSet>> = incoming
        .criteria_sets
        .iter()
        .map(|s| std::sync::Arc::new((**s).clone()))
        .collect();
    for (i, assessment) in incoming.assessments.iter().enumerate() {
        let set = sets
            .iter()
            .find(|s| s.key() == *assessment.set())
            .ok_or_else(|| {
                unknown_reference(
                    format!("content.assessments[{i}].set"),
                    assessment.set().id.clone(),
                )
            })?;
        let unit = unit_of(assessment.unit(), "content.unit")?;
        out.push(record(
            out.len(),
            unit,
            Body::Assessment {
                assessment: assessment.clone(),
                criteria_set: set.clone(),
            },
        ));
    }
    for plan in &incoming.festival_plans {
        let unit = unit_of(&plan.unit, "content.unit")?;
        out.push(record(
            out.len(),
            unit,
            Body::Festival {
                festival_plan: plan.clone(),
            },
        ));
    }
    Ok(out)
}

#[derive(Serialize, Deserialize)]
struct Stored<T> {
    format: String,
    schema_version: u32,
    record: T,
}

/// The stored text of one received record.
pub fn encode_received(record: &Received) -> String {
    serde_json::to_string(&Stored {
        format: FORMAT_RECEIVED.to_owned(),
        schema_version: RECEIVED_SCHEMA_VERSION,
        record,
    })
    .expect("a received record always serialises")
}

/// Reads a stored received record, or says why not.
pub fn decode_received(text: &str) -> Result<Received, LoadError> {
    // A well-formed record, as this version stores it, is read straight from
    // its text; anything else is read in layers, which name the problem.
    if let Ok(stored) = serde_json::from_str::<Stored<Received>>(text) {
        if stored.format == FORMAT_RECEIVED && stored.schema_version == RECEIVED_SCHEMA_VERSION {
            return Ok(stored.record);
        }
    }
    let value = super::problem::parse_json(text)?;
    super::envelope::check(&value, FORMAT_RECEIVED, RECEIVED_SCHEMA_VERSION)?;
    let stored: Stored<Received> =
        deserialize_at(&value, "").map_err(|p| LoadError::Invalid { problems: vec![p] })?;
    Ok(stored.record)
}

/// The roll-up summary's header and signature fields, as stored.
pub fn encode_document_fields(fields: &crate::domain::assessment::ReportText) -> String {
    serde_json::to_string(fields).expect("texts always serialise")
}

/// Reads them back; anything unreadable gives empty fields.
pub fn decode_document_fields(text: &str) -> crate::domain::assessment::ReportText {
    serde_json::from_str(text).unwrap_or_default()
}
