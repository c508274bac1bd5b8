//! The workspace: everything this browser keeps for its user, saved as one document.

use super::criteria::{CriteriaSet, SetRef, ValidSet};
use super::unit::{Unit, UnitError, UnitFields, UnitId, Units};

/// All the user's records. Later capabilities (assessments, festival plans,
/// local criteria sets) add their own collections here.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Workspace {
    units: Units,
    active_unit: Option<UnitId>,
    /// Criteria sets of this workspace: local variants and imported files.
    criteria_sets: Vec<CriteriaSet>,
}

impl Workspace {
    pub fn new() -> Workspace {
        Workspace::default()
    }

    /// Assembles a workspace from stored parts; an active unit that no
    /// longer exists falls back to the first unit.
    pub fn from_parts(
        units: Units,
        active_unit: Option<UnitId>,
        criteria_sets: Vec<ValidSet>,
    ) -> Workspace {
        let mut workspace = Workspace {
            units,
            active_unit,
            criteria_sets: criteria_sets
                .into_iter()
                .map(ValidSet::into_inner)
                .collect(),
        };
        workspace.repair_active();
        workspace
    }

    pub fn units(&self) -> &Units {
        &self.units
    }

    /// The unit in use, shown in the header.
    pub fn active_unit(&self) -> Option<&Unit> {
        self.active_unit.as_ref().and_then(|id| self.units.get(id))
    }

    pub fn active_unit_id(&self) -> Option<&UnitId> {
        self.active_unit.as_ref()
    }

    /// Adds a unit; the first unit becomes the unit in use.
    pub fn add_unit(&mut self, id: UnitId, fields: UnitFields) -> Result<(), UnitError> {
        self.units.add(id, fields)?;
        self.repair_active();
        Ok(())
    }

    pub fn update_unit(&mut self, id: &UnitId, fields: UnitFields) -> Result<(), UnitError> {
        self.units.update(id, fields).map(|_| ())
    }

    /// Removes a unit and returns the units that were below it and now stand alone.
    pub fn remove_unit(&mut self, id: &UnitId) -> Result<Vec<UnitId>, UnitError> {
        let (_, detached) = self.units.remove(id)?;
        self.repair_active();
        Ok(detached)
    }

    pub fn set_active_unit(&mut self, id: &UnitId) -> Result<(), UnitError> {
        if self.units.get(id).is_none() {
            return Err(UnitError::UnknownUnit);
        }
        self.active_unit = Some(id.clone());
        Ok(())
    }

    pub fn criteria_sets(&self) -> &[CriteriaSet] {
        &self.criteria_sets
    }

    /// Stores a checked set, replacing the one with the same id and version.
    pub fn put_criteria_set(&mut self, set: ValidSet) {
        let set = set.into_inner();
        match self.criteria_sets.iter_mut().find(|s| s.key() == set.key()) {
            Some(slot) => *slot = set,
            None => self.criteria_sets.push(set),
        }
    }

    /// Removes a set of this workspace; false when there was none.
    pub fn remove_criteria_set(&mut self, key: &SetRef) -> bool {
        let before = self.criteria_sets.len();
        self.criteria_sets.retain(|s| &s.key() != key);
        before != self.criteria_sets.len()
    }

    fn repair_active(&mut self) {
        let valid = self
            .active_unit
            .as_ref()
            .is_some_and(|id| self.units.get(id).is_some());
        if !valid {
            self.active_unit = self.units.iter().next().map(|unit| unit.id.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::UnitKind;

    fn village(name: &str) -> UnitFields {
        UnitFields {
            name: name.into(),
            kind: UnitKind::ResidentialArea,
            above: String::new(),
            parent: None,
        }
    }

    #[test]
    fn the_first_unit_becomes_the_unit_in_use_and_deleting_it_moves_on() {
        let mut workspace = Workspace::new();
        assert!(workspace.active_unit().is_none());
        workspace
            .add_unit(UnitId::new("a"), village("Thôn A"))
            .unwrap();
        workspace
            .add_unit(UnitId::new("b"), village("Thôn B"))
            .unwrap();
        assert_eq!(workspace.active_unit().unwrap().name, "Thôn A");
        workspace.set_active_unit(&UnitId::new("b")).unwrap();
        assert_eq!(workspace.active_unit().unwrap().name, "Thôn B");
        workspace.remove_unit(&UnitId::new("b")).unwrap();
        assert_eq!(workspace.active_unit().unwrap().name, "Thôn A");
        workspace.remove_unit(&UnitId::new("a")).unwrap();
        assert!(workspace.active_unit().is_none());
        assert_eq!(
            workspace.set_active_unit(&UnitId::new("a")),
            Err(UnitError::UnknownUnit)
        );
    }

    #[test]
    fn a_stored_active_unit_that_is_gone_falls_back_to_the_first() {
        let mut units = Units::new();
        units.add(UnitId::new("a"), village("Thôn A")).unwrap();
        let workspace = Workspace::from_parts(units, Some(UnitId::new("gone")), vec![]);
        assert_eq!(workspace.active_unit_id(), Some(&UnitId::new("a")));
    }
}
