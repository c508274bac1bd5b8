//! Received files for the roll-up: an exchange file read by
//! [`read_file`](super::exchange::read_file) becomes [`Received`] records,
//! and each record is stored on its own as an `antq.received` document.

use serde::{Deserialize, Serialize};

use super::exchange::{FileKind, Incoming};
use super::problem::{deserialize_at, unknown_reference, LoadError};
use crate::domain::rollup::{Body, Received, Review};
use crate::domain::text::normalise_name;
use crate::domain::UnitInfo;

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
    if matches!(incoming.kind, FileKind::Workspace | FileKind::CriteriaSet) {
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
    };
    let mut out = Vec::new();
    for (i, assessment) in incoming.assessments.iter().enumerate() {
        let set = incoming
            .criteria_sets
            .iter()
            .find(|s| s.key() == assessment.set)
            .ok_or_else(|| {
                unknown_reference(
                    format!("content.assessments[{i}].set"),
                    assessment.set.id.clone(),
                )
            })?;
        let unit = unit_of(&assessment.unit, "content.unit")?;
        out.push(record(
            out.len(),
            unit,
            Body::Assessment {
                assessment: assessment.clone(),
                criteria_set: (**set).clone(),
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
