//! Which of the receiver's own units a received file is about. A village
//! set up in its own browser has its own id; its file meets the commune's
//! record of it by kind and name under the same commune. The officer
//! confirms the match (or picks another unit, or none); the record then
//! carries the receiver's unit, keeps the unit as the file named it in
//! `sent_as`, and every later file sent under the same id follows.

use crate::domain::{UnitId, UnitInfo};
use crate::support::text::normalise_name;

use super::Received;

/// How a received file's unit stands against the receiver's units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Identity {
    /// The officer settled it: the record's unit is the one it counts as.
    Confirmed,
    /// The file's unit has the id of one of the receiver's units.
    Known,
    /// One of the receiver's units has the file's kind and name: to confirm.
    Suggested(UnitId),
    /// None of the receiver's units is like it: it stands for itself until
    /// the officer picks one.
    Unmatched,
}

/// A unit's name as the matching compares it.
pub(super) fn folded(name: &str) -> String {
    normalise_name(name).to_lowercase()
}

/// Whether two units have the same kind and the same name, however typed.
pub fn same_kind_and_name(a: &UnitInfo, b: &UnitInfo) -> bool {
    a.kind == b.kind && folded(&a.name) == folded(&b.name)
}

/// The one unit among `units` with `unit`'s kind and name, narrowed by the
/// name of the unit above when several have it.
pub fn same_unit<'a>(unit: &UnitInfo, units: &'a [UnitInfo]) -> Option<&'a UnitInfo> {
    let same: Vec<&UnitInfo> = units
        .iter()
        .filter(|u| same_kind_and_name(u, unit))
        .collect();
    match same.as_slice() {
        [one] => Some(one),
        [] => None,
        several => {
            let above = folded(&unit.above);
            let parent_name = |u: &UnitInfo| {
                u.parent
                    .as_ref()
                    .and_then(|p| units.iter().find(|c| &c.id == p))
                    .map(|p| folded(&p.name))
            };
            let mut under = several
                .iter()
                .filter(|u| parent_name(u).as_deref() == Some(above.as_str()));
            match (under.next(), under.next()) {
                (Some(one), None) => Some(one),
                _ => None,
            }
        }
    }
}

/// The identity of `record` among the receiver's `units`.
pub fn identify(record: &Received, units: &[UnitInfo]) -> Identity {
    if record.sent_as.is_some() {
        Identity::Confirmed
    } else if units.iter().any(|u| u.id == record.unit.id) {
        Identity::Known
    } else if let Some(unit) = same_unit(&record.unit, units) {
        Identity::Suggested(unit.id.clone())
    } else {
        Identity::Unmatched
    }
}

/// The receiver's units a file of `record`'s kind could be about, for the
/// officer to pick another than the suggestion.
pub fn candidates<'a>(record: &Received, units: &'a [UnitInfo]) -> Vec<&'a UnitInfo> {
    let kind = record.sent_as.as_ref().unwrap_or(&record.unit).kind;
    units.iter().filter(|u| u.kind == kind).collect()
}
