//! The unit card: what a commune sends each unit below it so that the unit,
//! set up in its own browser, carries the commune's id for it, and its
//! files meet the commune's record of it without matching by name.

use serde::{Deserialize, Serialize};

use crate::domain::{UnitId, UnitInfo, Workspace};

/// One unit as the commune keeps it, with the commune and how to reach it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitCard {
    /// The unit, by the commune's id, its parent the commune.
    pub unit: UnitInfo,
    /// The commune (the unit above).
    pub above: UnitInfo,
    /// Who to contact at the commune, as typed there ("Công an xã, 0912…").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contact: String,
}

impl UnitCard {
    /// The card of `id`, a unit under another unit of `workspace`.
    pub fn of(workspace: &Workspace, id: &UnitId, contact: &str) -> Option<UnitCard> {
        let unit = workspace.units().get(id)?;
        let above = workspace.units().get(unit.parent.as_ref()?)?;
        Some(UnitCard {
            unit: UnitInfo::of(unit),
            above: UnitInfo::of(above),
            contact: contact.trim().to_owned(),
        })
    }

    /// The unit of `workspace` the card is about under another id: the one
    /// of its kind and name, when the card's id is not here yet.
    pub fn same_unit_here<'a>(&self, workspace: &'a Workspace) -> Option<&'a UnitId> {
        if workspace.units().get(&self.unit.id).is_some() {
            return None;
        }
        workspace
            .units()
            .iter()
            .find(|u| {
                u.id != self.above.id
                    && super::identity::same_kind_and_name(&UnitInfo::of(u), &self.unit)
            })
            .map(|u| &u.id)
    }
}
