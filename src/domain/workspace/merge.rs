//! Two tabs' changes to one workspace, merged record by record against the
//! state both started from: what only one side changed is taken from it, so
//! a unit added in one tab and an assessment edited in the other both stay.

use std::collections::HashMap;
use std::hash::Hash;

use super::Workspace;
use crate::domain::criteria::SetRef;
use crate::domain::unit::{UnitId, Units};

/// A record both sides changed, each in its own way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Clash {
    Unit(UnitId),
    CriteriaSet(SetRef),
    Assessment(String),
    FestivalPlan(String),
}

impl Workspace {
    /// Merges `mine` and `theirs`, both changed from `base`. A record changed
    /// (added, edited or deleted) on one side only is taken from that side;
    /// one changed alike on both is taken once; one changed differently on
    /// both is a [`Clash`], and then nothing is merged. So is a second
    /// assessment for one unit, set and year, or a second festival plan for
    /// one unit and year, started in each tab.
    pub fn merged(
        base: &Workspace,
        mine: &Workspace,
        theirs: &Workspace,
    ) -> Result<Workspace, Vec<Clash>> {
        let mut clashes = Vec::new();
        let units = three_way(
            base.units.iter().cloned().collect(),
            mine.units.iter().cloned().collect(),
            theirs.units.iter().cloned().collect(),
            |u| u.id.clone(),
            Clash::Unit,
            &mut clashes,
        );
        let criteria_sets = three_way(
            base.criteria_sets.clone(),
            mine.criteria_sets.clone(),
            theirs.criteria_sets.clone(),
            |s| s.key(),
            Clash::CriteriaSet,
            &mut clashes,
        );
        let assessments = three_way(
            base.assessments.clone(),
            mine.assessments.clone(),
            theirs.assessments.clone(),
            |a| a.id().to_owned(),
            Clash::Assessment,
            &mut clashes,
        );
        let festival_plans = three_way(
            base.festival_plans.clone(),
            mine.festival_plans.clone(),
            theirs.festival_plans.clone(),
            |p| p.id.clone(),
            Clash::FestivalPlan,
            &mut clashes,
        );
        twice(&assessments, |a| {
            (a.unit().clone(), a.set().id.clone(), a.year())
        })
        .for_each(|a| clashes.push(Clash::Assessment(a.id().to_owned())));
        twice(&festival_plans, |p| (p.unit.clone(), p.year))
            .for_each(|p| clashes.push(Clash::FestivalPlan(p.id.clone())));
        if !clashes.is_empty() {
            return Err(clashes);
        }
        let (units, _) = Units::from_records(units);
        let active_unit = if mine.active_unit != base.active_unit {
            mine.active_unit.clone()
        } else {
            theirs.active_unit.clone()
        };
        let mut merged = Workspace {
            units,
            active_unit,
            criteria_sets,
            assessments,
            festival_plans,
        };
        merged.repair_active();
        Ok(merged)
    }
}

/// The records of one collection, merged: in `theirs`' order, then those
/// only `mine` has, in its order.
fn three_way<T: Clone + PartialEq, K: Clone + Eq + Hash>(
    base: Vec<T>,
    mine: Vec<T>,
    theirs: Vec<T>,
    key: impl Fn(&T) -> K,
    clash: impl Fn(K) -> Clash,
    clashes: &mut Vec<Clash>,
) -> Vec<T> {
    let index = |records: &[T]| -> HashMap<K, usize> {
        records
            .iter()
            .enumerate()
            .map(|(n, r)| (key(r), n))
            .collect()
    };
    let (in_base, in_mine, in_theirs) = (index(&base), index(&mine), index(&theirs));
    let pick = |k: &K| {
        let get = |records: &[T], at: &HashMap<K, usize>| at.get(k).map(|&n| records[n].clone());
        (
            get(&base, &in_base),
            get(&mine, &in_mine),
            get(&theirs, &in_theirs),
        )
    };
    let mut out = Vec::new();
    let keys = theirs
        .iter()
        .chain(mine.iter().filter(|r| !in_theirs.contains_key(&key(r))));
    for record in keys {
        let k = key(record);
        let (b, m, t) = pick(&k);
        let kept = if m == b {
            t
        } else if t == b || m == t {
            m
        } else {
            clashes.push(clash(k));
            None
        };
        out.extend(kept);
    }
    out
}

/// The records whose `identity` an earlier record already has.
fn twice<'a, T, K: Eq + Hash + 'a>(
    records: &'a [T],
    identity: impl Fn(&T) -> K + 'a,
) -> impl Iterator<Item = &'a T> + 'a {
    let mut seen = std::collections::HashSet::new();
    records.iter().filter(move |r| !seen.insert(identity(r)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::unit::UnitFields;
    use crate::domain::UnitKind;

    fn add(ws: &mut Workspace, id: &str, name: &str) {
        ws.add_unit(
            UnitId::new(id),
            UnitFields {
                name: name.into(),
                kind: UnitKind::ResidentialArea,
                above: String::new(),
                parent: None,
                scope: Default::default(),
            },
        )
        .unwrap();
    }

    #[test]
    fn units_added_in_each_tab_are_both_kept() {
        let mut base = Workspace::new();
        add(&mut base, "a", "Thôn A");
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        add(&mut mine, "m", "Thôn Của Tab Này");
        add(&mut theirs, "t", "Thôn Của Tab Kia");
        let merged = Workspace::merged(&base, &mine, &theirs).unwrap();
        let ids: Vec<&str> = merged.units().iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["a", "t", "m"]);
    }

    #[test]
    fn a_deletion_on_one_side_and_an_edit_on_the_other_side_of_another_record_both_hold() {
        let mut base = Workspace::new();
        add(&mut base, "a", "Thôn A");
        add(&mut base, "b", "Thôn B");
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        mine.remove_unit(&UnitId::new("a")).unwrap();
        theirs
            .update_unit(
                &UnitId::new("b"),
                UnitFields {
                    name: "Thôn Bình".into(),
                    kind: UnitKind::ResidentialArea,
                    above: String::new(),
                    parent: None,
                    scope: Default::default(),
                },
            )
            .unwrap();
        let merged = Workspace::merged(&base, &mine, &theirs).unwrap();
        let names: Vec<&str> = merged.units().iter().map(|u| u.name.as_str()).collect();
        assert_eq!(names, ["Thôn Bình"]);
        // Nothing changed on either side: the same workspace.
        assert_eq!(Workspace::merged(&base, &base, &base).unwrap(), base);
    }

    #[test]
    fn one_record_changed_differently_in_both_tabs_is_a_clash_and_nothing_is_merged() {
        let mut base = Workspace::new();
        add(&mut base, "a", "Thôn A");
        let rename = |ws: &mut Workspace, name: &str| {
            ws.update_unit(
                &UnitId::new("a"),
                UnitFields {
                    name: name.into(),
                    kind: UnitKind::ResidentialArea,
                    above: String::new(),
                    parent: None,
                    scope: Default::default(),
                },
            )
            .unwrap()
        };
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        rename(&mut mine, "Thôn Một");
        rename(&mut theirs, "Thôn Hai");
        assert_eq!(
            Workspace::merged(&base, &mine, &theirs),
            Err(vec![Clash::Unit(UnitId::new("a"))])
        );
        // The same change on both sides is no clash.
        rename(&mut theirs, "Thôn Một");
        assert_eq!(Workspace::merged(&base, &mine, &theirs).unwrap(), mine);
    }
}
