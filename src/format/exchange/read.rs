//! The records of a file's content, each read once, from its own slice of
//! the content's text: a record that does not fit is named by its path in
//! that slice. A backup's content is the stored workspace document, read as
//! the workspace is; a roll-up's is read by `format/rollup.rs`.

use serde::Deserialize;
use serde_json::value::RawValue;

use super::{FileKind, Head, Incoming};
use crate::domain::assessment::Assessment;
use crate::domain::festival::FestivalPlan;
use crate::domain::unit::UnitInfo;
use crate::format::criteria::set_at;
use crate::format::problem::{prefixed, problem, record, required, LoadError, ProblemKind};
use crate::format::workspace::decode_workspace;

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
                        allowed: crate::format::workspace::FORMAT_WORKSPACE.to_owned(),
                    },
                ),
                None => problem("content.format", ProblemKind::Missing),
            }],
        },
        other => prefixed("content", other),
    }
}

/// A unit's file content: each record as its own slice of the text.
#[derive(Deserialize)]
struct UnitContent<'a> {
    #[serde(borrow, default)]
    unit: Option<&'a RawValue>,
    #[serde(borrow, default)]
    assessment: Option<&'a RawValue>,
    #[serde(borrow, default)]
    criteria_set: Option<&'a RawValue>,
    #[serde(borrow, default)]
    festival_plan: Option<&'a RawValue>,
}

/// The records of a file's content `text`, by its kind, validated.
pub(crate) fn records_from_text(head: Head, text: &str) -> Result<Incoming, LoadError> {
    let mut incoming = Incoming::empty(head.kind, head.exported_at, head.checksum);
    match head.kind {
        FileKind::Workspace => {
            let decoded = decode_workspace(text).map_err(backup_content)?;
            incoming.workspace = Some(decoded.workspace);
        }
        FileKind::CriteriaSet => incoming.criteria_sets.push(set_at(text, "content")?),
        FileKind::Rollup => crate::format::rollup::read_rollup(text, &mut incoming)?,
        FileKind::Decision => {
            let notice: crate::domain::rollup::Notice = record(text, "content")?;
            if head.unit.as_ref().is_some_and(|u| u.id != notice.unit) {
                return Err(LoadError::ChecksumMismatch);
            }
            incoming.units.extend(head.unit);
            incoming.decisions.push(notice);
        }
        FileKind::UnitCard => {
            let card: crate::domain::rollup::UnitCard = record(text, "content")?;
            if head.unit.as_ref().is_some_and(|u| u != &card.unit) {
                return Err(LoadError::ChecksumMismatch);
            }
            // The unit above first, so the card's unit finds its parent.
            incoming.units = vec![card.above.clone(), card.unit.clone()];
            incoming.card = Some(card);
        }
        FileKind::Assessment | FileKind::FestivalPlan => {
            let content: UnitContent = record(text, "content")?;
            // The envelope's description of the unit must say what the content says.
            if let (Some(unit), Some(inner)) = (&head.unit, content.unit) {
                if record::<UnitInfo>(inner.get(), "content.unit")
                    .ok()
                    .as_ref()
                    != Some(unit)
                {
                    return Err(LoadError::ChecksumMismatch);
                }
            }
            if head.kind == FileKind::Assessment {
                let set = set_at(
                    required(content.criteria_set, "content.criteria_set")?,
                    "content.criteria_set",
                )?;
                let assessment: Assessment = record(
                    required(content.assessment, "content.assessment")?,
                    "content.assessment",
                )?;
                incoming.assessments.push(assessment);
                incoming.criteria_sets.push(set);
            } else {
                let plan: FestivalPlan = record(
                    required(content.festival_plan, "content.festival_plan")?,
                    "content.festival_plan",
                )?;
                incoming.festival_plans.push(plan);
            }
            incoming.units.extend(head.unit);
        }
    }
    Ok(incoming)
}

#[cfg(test)]
mod tests {
    use crate::format::exchange::read_file;
    use crate::format::problem::{LoadError, Problem, ProblemKind};

    /// A unit's file laid out by another program, pretty-printed, with its
    /// checksum over the bytes as written.
    fn pretty(content: &str) -> String {
        let unit = r#"{"id":"u","name":"Thôn Đồng","kind":"khu-dan-cu"}"#;
        let value: serde_json::Value = serde_json::from_str(content).unwrap();
        let content = serde_json::to_string_pretty(&value).unwrap();
        let digest = crate::format::exchange::sha256_hex(content.as_bytes());
        format!(
            "{{\n  \"format\": \"antq\",\n  \"kind\": \"festival_plan\",\n  \"schema_version\": 2,\n  \"app_version\": \"x\",\n  \"exported_at\": \"2025-11-20T08:00:00Z\",\n  \"unit\": {unit},\n  \"checksum\": \"{digest}\",\n  \"content\": {content}\n}}"
        )
    }

    #[test]
    fn a_record_that_does_not_fit_is_named_by_its_path_in_a_pretty_printed_file() {
        let unit = r#"{"id":"u","name":"Thôn Đồng","kind":"khu-dan-cu"}"#;
        let good = format!(
            r#"{{"unit":{unit},"festival_plan":{{"id":"p","unit":"u","year":2025,"title":"Ngày hội","people":[{{"id":"a","name":"An","role":"head"}}]}}}}"#
        );
        let read = read_file(&pretty(&good));
        assert!(read.is_ok(), "{read:?}");
        let bad = good.replace(r#""role":"head""#, r#""role":"chief""#);
        assert_eq!(
            read_file(&pretty(&bad)).unwrap_err(),
            LoadError::Invalid {
                problems: vec![Problem {
                    path: "content.festival_plan.people[0].role".into(),
                    kind: ProblemKind::UnknownName {
                        found: "chief".into(),
                        allowed: "head, deputy, member, none".into()
                    }
                }]
            }
        );
        let missing = format!(r#"{{"unit":{unit}}}"#);
        assert_eq!(
            read_file(&pretty(&missing)).unwrap_err(),
            LoadError::Invalid {
                problems: vec![Problem {
                    path: "content.festival_plan".into(),
                    kind: ProblemKind::Missing
                }]
            }
        );
    }
}
