//! Criteria-set documents: the envelope, the shape, and the checks that keep
//! a set evaluable (unique ids, labels, thresholds, no composite cycles).

use std::collections::HashSet;

use serde::Serialize;
use serde_json::Value;

use super::problem::{deserialize_at, problem, LoadError, Problem, ProblemKind};
use crate::domain::criteria::{CriteriaSet, IndicatorKind, ValidSet};

/// The `format` name of a criteria-set file.
pub const FORMAT_CRITERIA_SET: &str = "antq.criteria-set";
/// The schema version of criteria-set files this build writes and reads.
pub const CRITERIA_SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    schema_version: u32,
    #[serde(flatten)]
    set: &'a CriteriaSet,
}

/// Writes a set as a criteria-set file, indented for people who read it.
pub fn encode_criteria_set(set: &CriteriaSet) -> String {
    serde_json::to_string_pretty(&Envelope {
        format: FORMAT_CRITERIA_SET,
        schema_version: CRITERIA_SCHEMA_VERSION,
        set,
    })
    .expect("a criteria set always serialises")
}

/// Reads a criteria-set file: JSON → envelope → shape → checks.
pub fn decode_criteria_set(text: &str) -> Result<ValidSet, LoadError> {
    let value = super::problem::parse_json(text)?;
    super::envelope::check(&value, FORMAT_CRITERIA_SET, CRITERIA_SCHEMA_VERSION)?;
    let set = set_from_value(&value, "")?;
    validated(set).map_err(|problems| LoadError::Invalid { problems })
}

/// A criteria set from its slice, checked.
pub(crate) fn set_at(text: &str, path: &str) -> Result<ValidSet, LoadError> {
    let set: CriteriaSet = super::problem::record(text, path)?;
    validated(set)
        .map_err(|problems| super::problem::prefixed(path, LoadError::Invalid { problems }))
}

/// Checks a set (an edited draft, say) and vouches for it when it passes.
pub fn validated(set: CriteriaSet) -> Result<ValidSet, Vec<Problem>> {
    let problems = validate(&set);
    if problems.is_empty() {
        Ok(ValidSet::assume_valid(set))
    } else {
        Err(problems)
    }
}

/// Reads the set's fields from a JSON value (the envelope fields are ignored),
/// naming the path of the first field of the wrong shape.
pub(crate) fn set_from_value(value: &Value, prefix: &str) -> Result<CriteriaSet, LoadError> {
    deserialize_at::<CriteriaSet>(value, prefix)
        .map_err(|p| LoadError::Invalid { problems: vec![p] })
}

/// Every reason a set cannot be used, with its path. Empty means valid.
pub fn validate<'a>(set: &'a CriteriaSet) -> Vec<Problem> {
    let mut problems = Vec::new();
    // Membership only, of as many ids as a 20 MB file holds: a hash set,
    // where filling the sorted `Vec` of `support::map` id by id would take n².
    let mut seen = HashSet::new();
    let mut check_id = |id: &'a str, path: String, problems: &mut Vec<Problem>| {
        if id.trim().is_empty() {
            problems.push(problem(path, ProblemKind::Empty));
        } else if !seen.insert(id) {
            problems.push(problem(
                path,
                ProblemKind::DuplicateId { id: id.to_owned() },
            ));
        }
    };
    check_id(&set.id, "id".into(), &mut problems);
    if set.version == 0 {
        problems.push(problem("version", ProblemKind::OutOfRange));
    }
    if set.title.is_empty() {
        problems.push(problem("title.vi", ProblemKind::Empty));
    }
    if let Some(period) = set.period {
        for (name, day) in [("start", period.start), ("end", period.end)] {
            if !day.is_valid() {
                problems.push(problem(format!("period.{name}"), ProblemKind::InvalidDate));
            }
        }
    }
    if set.recognition_deadline.is_some_and(|day| !day.is_valid()) {
        problems.push(problem("recognition_deadline", ProblemKind::InvalidDate));
    }
    let mut composites = Vec::new();
    for (g, group) in set.groups.iter().enumerate() {
        let gpath = format!("groups[{g}]");
        check_id(&group.id, format!("{gpath}.id"), &mut problems);
        if group.label.is_empty() {
            problems.push(problem(format!("{gpath}.label.vi"), ProblemKind::Empty));
        }
        for (c, criterion) in group.criteria.iter().enumerate() {
            let cpath = format!("{gpath}.criteria[{c}]");
            check_id(&criterion.id, format!("{cpath}.id"), &mut problems);
            if criterion.label.is_empty() {
                problems.push(problem(format!("{cpath}.label.vi"), ProblemKind::Empty));
            }
            for (i, indicator) in criterion.indicators.iter().enumerate() {
                let ipath = format!("{cpath}.indicators[{i}]");
                check_id(&indicator.id, format!("{ipath}.id"), &mut problems);
                if indicator.label.is_empty() {
                    problems.push(problem(format!("{ipath}.label.vi"), ProblemKind::Empty));
                }
                check_kind(&indicator.kind, &format!("{ipath}.kind"), &mut problems);
                if let IndicatorKind::Composite { all_of } = &indicator.kind {
                    composites.push((indicator.id.clone(), (ipath.clone(), all_of.clone())));
                }
            }
        }
    }
    // Each reference checked against the set's ids once gathered: a lookup,
    // where a scan of the set for each would take n² on a huge set.
    let indicator_ids: HashSet<&str> = set.indicators().map(|i| i.id.as_str()).collect();
    for (_, (path, all_of)) in &composites {
        for (r, target) in all_of.iter().enumerate() {
            if !indicator_ids.contains(target.as_str()) {
                problems.push(problem(
                    format!("{path}.kind.all_of[{r}]"),
                    ProblemKind::UnknownReference { id: target.clone() },
                ));
            }
        }
    }
    for (smallest, cycle) in cycles(&composites) {
        // Reported once, at its smallest member, which it starts from.
        let path = &composites[smallest].1 .0;
        problems.push(problem(
            format!("{path}.kind.all_of"),
            ProblemKind::Cycle { ids: cycle },
        ));
    }
    problems
}

fn check_kind(kind: &IndicatorKind, path: &str, problems: &mut Vec<Problem>) {
    match kind {
        IndicatorKind::Percent { threshold, .. } | IndicatorKind::Derived { threshold, .. }
            if *threshold > 100 =>
        {
            problems.push(problem(
                format!("{path}.threshold"),
                ProblemKind::PercentAbove100 { value: *threshold },
            ));
        }
        IndicatorKind::Rating {
            levels, min_level, ..
        } => {
            if levels.is_empty() {
                problems.push(problem(format!("{path}.levels"), ProblemKind::Empty));
            } else if *min_level >= levels.len() {
                problems.push(problem(
                    format!("{path}.min_level"),
                    ProblemKind::OutOfRange,
                ));
            }
            for (l, level) in levels.iter().enumerate() {
                if level.is_empty() {
                    problems.push(problem(
                        format!("{path}.levels[{l}].vi"),
                        ProblemKind::Empty,
                    ));
                }
            }
        }
        IndicatorKind::Checklist { items } => {
            if items.is_empty() {
                problems.push(problem(format!("{path}.items"), ProblemKind::Empty));
            }
            let mut seen = HashSet::new();
            for (n, item) in items.iter().enumerate() {
                if item.id.trim().is_empty() {
                    problems.push(problem(format!("{path}.items[{n}].id"), ProblemKind::Empty));
                } else if !seen.insert(item.id.as_str()) {
                    problems.push(problem(
                        format!("{path}.items[{n}].id"),
                        ProblemKind::DuplicateId {
                            id: item.id.clone(),
                        },
                    ));
                }
                if item.label.is_empty() {
                    problems.push(problem(
                        format!("{path}.items[{n}].label.vi"),
                        ProblemKind::Empty,
                    ));
                }
            }
        }
        IndicatorKind::YesNo {
            window: Some(window),
        } => {
            for (name, day) in [("from", window.from), ("to", window.to)] {
                if !day.is_valid() {
                    problems.push(problem(
                        format!("{path}.window.{name}"),
                        ProblemKind::InvalidDate,
                    ));
                }
            }
            if window.from > window.to {
                problems.push(problem(format!("{path}.window"), ProblemKind::OutOfRange));
            }
        }
        IndicatorKind::Composite { all_of } if all_of.is_empty() => {
            problems.push(problem(format!("{path}.all_of"), ProblemKind::Empty));
        }
        _ => {}
    }
}

/// The circles among composite indicators, each once, as the ids along it
/// from its smallest, with that one's place. The walk is depth first with its own stack, so a chain
/// 100,000 long takes linear time and no deep recursion.
fn cycles(composites: &[(String, (String, Vec<String>))]) -> Vec<(usize, Vec<String>)> {
    let index: std::collections::HashMap<&str, usize> = composites
        .iter()
        .enumerate()
        .map(|(n, (id, _))| (id.as_str(), n))
        .collect();
    // Enough to show the user what to mend; a hostile file may hold more.
    const SHOWN: usize = 20;
    // 0: not reached; 1: on the current path; 2: done.
    let mut colour = vec![0u8; composites.len()];
    // Where each composite on the path stands on it.
    let mut depth = vec![0usize; composites.len()];
    let mut found = Vec::new();
    for root in 0..composites.len() {
        if colour[root] != 0 {
            continue;
        }
        if found.len() >= SHOWN {
            break;
        }
        colour[root] = 1;
        let mut path = vec![root];
        // Each composite on the path, with the next of its parts to follow.
        let mut stack = vec![(root, 0usize)];
        while let Some((node, next)) = stack.last_mut() {
            let targets = &composites[*node].1 .1;
            let Some(target) = targets.get(*next) else {
                colour[*node] = 2;
                path.pop();
                stack.pop();
                continue;
            };
            *next += 1;
            let Some(&part) = index.get(target.as_str()) else {
                continue;
            };
            match colour[part] {
                0 => {
                    colour[part] = 1;
                    depth[part] = path.len();
                    path.push(part);
                    stack.push((part, 0));
                }
                1 if found.len() < SHOWN => {
                    let mut members = path[depth[part]..].to_vec();
                    let smallest = (0..members.len())
                        .min_by_key(|&n| &composites[members[n]].0)
                        .unwrap_or(0);
                    members.rotate_left(smallest);
                    let mut ids: Vec<String> = members
                        .iter()
                        .take(SHOWN)
                        .map(|&p| composites[p].0.clone())
                        .collect();
                    if members.len() > SHOWN {
                        ids.push("…".to_owned());
                    }
                    found.push((members[0], ids));
                }
                _ => {}
            }
        }
    }
    found
}
