//! The workspace: everything this browser keeps for its user, saved as one document.

use super::assessment::{Assessment, AssessmentError};
use super::criteria::{CriteriaSet, SetRef, ValidSet};
use super::festival::FestivalPlan;
use super::unit::{Unit, UnitError, UnitFields, UnitId, Units};

mod merge;
pub use merge::Clash;

/// All the user's records. Later capabilities (assessments, festival plans,
/// local criteria sets) add their own collections here.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Workspace {
    units: Units,
    active_unit: Option<UnitId>,
    /// Criteria sets of this workspace: local variants and imported files.
    criteria_sets: Vec<CriteriaSet>,
    /// Self-assessments, one per unit, set and year.
    assessments: Vec<Assessment>,
    /// Festival plans, one per unit and year.
    festival_plans: Vec<FestivalPlan>,
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
        assessments: Vec<Assessment>,
    ) -> Workspace {
        let mut workspace = Workspace {
            units,
            active_unit,
            criteria_sets: criteria_sets
                .into_iter()
                .map(ValidSet::into_inner)
                .collect(),
            assessments,
            festival_plans: Vec::new(),
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

    /// Sets the fields every official document of unit `id` shares.
    pub fn set_unit_document(
        &mut self,
        id: &UnitId,
        fields: crate::domain::document::Fields,
    ) -> Result<(), UnitError> {
        self.units.set_document(id, fields)
    }

    /// Removes a unit with its assessments, and returns the units that were
    /// below it and now stand alone.
    pub fn remove_unit(&mut self, id: &UnitId) -> Result<Vec<UnitId>, UnitError> {
        let (_, detached) = self.units.remove(id)?;
        self.assessments.retain(|a| a.unit() != id);
        self.festival_plans.retain(|p| &p.unit != id);
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

    pub fn assessments(&self) -> &[Assessment] {
        &self.assessments
    }

    pub fn assessment(&self, id: &str) -> Option<&Assessment> {
        self.assessments.iter().find(|a| a.id() == id)
    }

    /// The unit's assessment of a set (any version) for a year.
    pub fn assessment_for(&self, unit: &UnitId, set_id: &str, year: i32) -> Option<&Assessment> {
        self.assessments
            .iter()
            .find(|a| a.unit() == unit && a.set().id == set_id && a.year() == year)
    }

    /// Starts an assessment of `unit` against `set` for `year`: one per unit,
    /// set and year. With `copy_last_year`, last year's answers, evidence and
    /// texts are carried into the draft.
    pub fn start_assessment(
        &mut self,
        id: String,
        unit: &UnitId,
        set: &CriteriaSet,
        year: i32,
        copy_last_year: bool,
    ) -> Result<&Assessment, AssessmentError> {
        let kind = self
            .units
            .get(unit)
            .ok_or(AssessmentError::UnknownUnit)?
            .kind;
        if !set.applies_to_kind(kind) {
            return Err(AssessmentError::SetNotForKind);
        }
        if let Some(existing) = self.assessment_for(unit, &set.id, year) {
            return Err(AssessmentError::AlreadyExists {
                id: existing.id().to_owned(),
            });
        }
        let previous = copy_last_year
            .then(|| self.assessment_for(unit, &set.id, year - 1))
            .flatten();
        let mut assessment = match previous {
            Some(previous) => Assessment::next_year_from(previous, id, year),
            None => Assessment::new(id, unit.clone(), set.key(), year),
        };
        assessment.point_to_set(set.key());
        // Who issues the documents, where the dossier goes and who signs are
        // the unit's own, remembered from its latest assessment of any set:
        // free text, never an authority's name written into the law's place.
        if let Some(latest) = self
            .assessments
            .iter()
            .filter(|a| a.unit() == unit)
            .max_by_key(|a| a.year())
        {
            assessment.remember_addresses(latest);
        }
        self.assessments.push(assessment);
        Ok(self.assessments.last().expect("just pushed"))
    }

    /// Applies a change to one assessment.
    pub fn edit_assessment<T>(
        &mut self,
        id: &str,
        change: impl FnOnce(&mut Assessment) -> Result<T, AssessmentError>,
    ) -> Result<T, AssessmentError> {
        let assessment = self
            .assessments
            .iter_mut()
            .find(|a| a.id() == id)
            .ok_or(AssessmentError::UnknownAssessment)?;
        change(assessment)
    }

    pub fn remove_assessment(&mut self, id: &str) -> Result<(), AssessmentError> {
        let before = self.assessments.len();
        self.assessments.retain(|a| a.id() != id);
        if before == self.assessments.len() {
            Err(AssessmentError::UnknownAssessment)
        } else {
            Ok(())
        }
    }

    pub fn festival_plans(&self) -> &[FestivalPlan] {
        &self.festival_plans
    }

    pub fn festival_plan(&self, id: &str) -> Option<&FestivalPlan> {
        self.festival_plans.iter().find(|p| p.id == id)
    }

    /// Adds a plan: one per unit and year. Returns the id of the existing
    /// plan when there is one.
    pub fn add_festival_plan(&mut self, plan: FestivalPlan) -> Result<(), String> {
        if self.units.get(&plan.unit).is_none() {
            return Err(String::new());
        }
        if let Some(existing) = self
            .festival_plans
            .iter()
            .find(|p| p.unit == plan.unit && p.year == plan.year)
        {
            return Err(existing.id.clone());
        }
        self.festival_plans.push(plan);
        Ok(())
    }

    /// Applies a change to one plan; false when there is no such plan.
    pub fn edit_festival_plan(&mut self, id: &str, change: impl FnOnce(&mut FestivalPlan)) -> bool {
        match self.festival_plans.iter_mut().find(|p| p.id == id) {
            Some(plan) => {
                change(plan);
                true
            }
            None => false,
        }
    }

    /// Replaces the stored plans (the format layer, after reading).
    pub fn with_festival_plans(mut self, plans: Vec<FestivalPlan>) -> Workspace {
        self.festival_plans = plans;
        self
    }

    /// Gives the unit `from` the id `to` (the one the unit above gave it,
    /// in a unit card): its assessments, festival plans, children and the
    /// unit in use follow. False when `from` is not here or `to` is taken.
    pub fn reidentify_unit(&mut self, from: &UnitId, to: &UnitId) -> bool {
        if !self.units.reidentify(from, to) {
            return false;
        }
        for assessment in &mut self.assessments {
            if assessment.unit() == from {
                assessment.point_to_unit(to.clone());
            }
        }
        for plan in &mut self.festival_plans {
            if &plan.unit == from {
                plan.unit = to.clone();
            }
        }
        if self.active_unit.as_ref() == Some(from) {
            self.active_unit = Some(to.clone());
        }
        true
    }

    /// Inserts or replaces a unit received in a file.
    pub fn put_unit_record(&mut self, unit: super::Unit) {
        self.units.put_record(unit);
        self.repair_active();
    }

    /// Inserts an assessment received in a file, replacing the one with its
    /// id or with its unit, set and year.
    pub fn put_assessment(&mut self, assessment: Assessment) {
        let slot = self.assessments.iter().position(|a| {
            a.id() == assessment.id()
                || (a.unit() == assessment.unit()
                    && a.set().id == assessment.set().id
                    && a.year() == assessment.year())
        });
        match slot {
            Some(index) => self.assessments[index] = assessment,
            None => self.assessments.push(assessment),
        }
    }

    /// Inserts a plan received in a file, replacing the one with its id or
    /// with its unit and year.
    pub fn put_festival_plan(&mut self, plan: FestivalPlan) {
        let slot = self
            .festival_plans
            .iter()
            .position(|p| p.id == plan.id || (p.unit == plan.unit && p.year == plan.year));
        match slot {
            Some(index) => self.festival_plans[index] = plan,
            None => self.festival_plans.push(plan),
        }
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
            scope: Default::default(),
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
        let workspace = Workspace::from_parts(units, Some(UnitId::new("gone")), vec![], vec![]);
        assert_eq!(workspace.active_unit_id(), Some(&UnitId::new("a")));
    }

    #[test]
    fn a_unit_takes_another_id_with_its_records_but_never_a_taken_one() {
        let mut ws = Workspace::new();
        ws.add_unit(UnitId::new("a"), village("Thôn A")).unwrap();
        ws.add_unit(UnitId::new("b"), village("Thôn B")).unwrap();
        assert!(!ws.reidentify_unit(&UnitId::new("a"), &UnitId::new("b")));
        assert!(!ws.reidentify_unit(&UnitId::new("x"), &UnitId::new("y")));
        assert!(ws.reidentify_unit(&UnitId::new("a"), &UnitId::new("c")));
        assert!(ws.units().get(&UnitId::new("a")).is_none());
        assert_eq!(ws.active_unit_id(), Some(&UnitId::new("c")));
    }
}
