//! Which units Thông tư 124/2021 covers, and which a commune counts.
//!
//! Article 1 clause 2 point b leaves out armed-forces agencies and units,
//! small and micro enterprises, and primary schools, kindergartens and
//! nurseries. Article 5 clause 4 counts only the units "thuộc thẩm quyền
//! hoặc được ủy quyền quản lý trên địa bàn". A unit records the facts that
//! decide this; a fact left unknown counts the unit in, as before these
//! facts existed, and the app asks for it.

use serde::{Deserialize, Serialize};

use super::criteria::CriteriaSet;
use super::UnitKind;
use crate::support::decode::named_enum;

named_enum! {
    /// The level of a school (cơ sở giáo dục).
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum SchoolLevel {
        /// Mầm non, nhà trẻ: kindergarten or nursery.
        Preschool = "preschool",
        /// Tiểu học.
        Primary = "primary",
        /// Trung học cơ sở.
        LowerSecondary = "lower_secondary",
        /// Trung học phổ thông.
        UpperSecondary = "upper_secondary",
        /// Several levels in one school (liên cấp): not a primary school alone.
        MultiLevel = "multi_level",
        /// Vocational, continuing education, college, university…
        Other = "other",
    }
}

named_enum! {
    /// The size class of an enterprise (Nghị định 80/2021: siêu nhỏ, nhỏ, vừa).
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum EnterpriseSize {
        Micro = "micro",
        Small = "small",
        Medium = "medium",
        Large = "large",
    }
}

/// The facts about a unit that decide whether TT 124 covers it and whether
/// the commune above counts it. `None` is "not stated yet".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scope {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_level: Option<SchoolLevel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enterprise_size: Option<EnterpriseSize>,
    /// An agency or unit of the armed forces (quân đội, công an).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub armed_forces: Option<bool>,
    /// The commune above manages it, or is delegated to manage it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub managed: Option<bool>,
}

/// Why a unit is not counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exclusion {
    /// An armed-forces agency or unit (TT 124 Article 1 clause 2 point b).
    ArmedForces,
    /// A small or micro enterprise (the same point).
    SmallEnterprise(EnterpriseSize),
    /// A primary school, kindergarten or nursery (the same point).
    SchoolLevel(SchoolLevel),
    /// Not managed by the commune, nor delegated to it (Article 5 clause 4).
    NotManaged,
}

/// A fact that decides the scope and is not stated yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    SchoolLevel,
    EnterpriseSize,
    ArmedForces,
    Managed,
}

impl Scope {
    pub fn is_empty(&self) -> bool {
        *self == Scope::default()
    }

    /// Why a unit of `kind` should not assess itself against `set`: the set
    /// is TT 124's and the Circular does not cover the unit.
    pub fn outside_set(&self, kind: UnitKind, set: &CriteriaSet) -> Option<Exclusion> {
        set.rests_on_tt124()
            .then(|| self.outside_tt124(kind))
            .flatten()
    }

    /// Only the facts that matter for a unit of `kind` (a school keeps no
    /// enterprise size), so that changing a unit's kind leaves nothing stale.
    pub fn for_kind(self, kind: UnitKind) -> Scope {
        Scope {
            school_level: self.school_level.filter(|_| kind == UnitKind::School),
            enterprise_size: self
                .enterprise_size
                .filter(|_| kind == UnitKind::Enterprise),
            armed_forces: self.armed_forces.filter(|_| kind == UnitKind::Agency),
            managed: self.managed.filter(|_| !kind.is_commune_level()),
        }
    }

    /// Each fact of `self`, or of `other` where `self` does not state it.
    pub fn or(self, other: Scope) -> Scope {
        Scope {
            school_level: self.school_level.or(other.school_level),
            enterprise_size: self.enterprise_size.or(other.enterprise_size),
            armed_forces: self.armed_forces.or(other.armed_forces),
            managed: self.managed.or(other.managed),
        }
    }

    /// Why TT 124 does not cover a unit of `kind` with these facts, if it does not.
    pub fn outside_tt124(&self, kind: UnitKind) -> Option<Exclusion> {
        match kind {
            UnitKind::Agency if self.armed_forces == Some(true) => Some(Exclusion::ArmedForces),
            UnitKind::Enterprise => match self.enterprise_size {
                Some(size @ (EnterpriseSize::Micro | EnterpriseSize::Small)) => {
                    Some(Exclusion::SmallEnterprise(size))
                }
                _ => None,
            },
            UnitKind::School => match self.school_level {
                Some(level @ (SchoolLevel::Preschool | SchoolLevel::Primary)) => {
                    Some(Exclusion::SchoolLevel(level))
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// Why the commune above does not count this unit in its Article 5
    /// clause 4 figures, if it does not: outside TT 124, or not its to manage.
    pub fn not_counted(&self, kind: UnitKind) -> Option<Exclusion> {
        self.outside_tt124(kind)
            .or_else(|| (self.managed == Some(false)).then_some(Exclusion::NotManaged))
    }

    /// The facts still to state for a unit of `kind`; `under_commune` when
    /// a commune-level unit is above it.
    pub fn missing(&self, kind: UnitKind, under_commune: bool) -> Vec<Missing> {
        let mut missing = Vec::new();
        match kind {
            UnitKind::School if self.school_level.is_none() => missing.push(Missing::SchoolLevel),
            UnitKind::Enterprise if self.enterprise_size.is_none() => {
                missing.push(Missing::EnterpriseSize)
            }
            UnitKind::Agency if self.armed_forces.is_none() => missing.push(Missing::ArmedForces),
            _ => {}
        }
        if under_commune && !kind.is_commune_level() && self.managed.is_none() {
            missing.push(Missing::Managed);
        }
        missing
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::support::decode::check_names;

    #[test]
    fn names_are_the_variants_in_snake_case() {
        check_names::<SchoolLevel>();
        check_names::<EnterpriseSize>();
    }

    #[test]
    fn the_exclusions_of_article_1_clause_2_point_b() {
        let school = |level| Scope {
            school_level: Some(level),
            ..Scope::default()
        };
        assert_eq!(
            school(SchoolLevel::Preschool).outside_tt124(UnitKind::School),
            Some(Exclusion::SchoolLevel(SchoolLevel::Preschool))
        );
        assert_eq!(
            school(SchoolLevel::Primary).outside_tt124(UnitKind::School),
            Some(Exclusion::SchoolLevel(SchoolLevel::Primary))
        );
        assert_eq!(
            school(SchoolLevel::LowerSecondary).outside_tt124(UnitKind::School),
            None
        );
        assert_eq!(
            school(SchoolLevel::MultiLevel).outside_tt124(UnitKind::School),
            None
        );
        let firm = |size| Scope {
            enterprise_size: Some(size),
            ..Scope::default()
        };
        assert_eq!(
            firm(EnterpriseSize::Small).outside_tt124(UnitKind::Enterprise),
            Some(Exclusion::SmallEnterprise(EnterpriseSize::Small))
        );
        assert_eq!(
            firm(EnterpriseSize::Medium).outside_tt124(UnitKind::Enterprise),
            None
        );
        let armed = Scope {
            armed_forces: Some(true),
            ..Scope::default()
        };
        assert_eq!(
            armed.outside_tt124(UnitKind::Agency),
            Some(Exclusion::ArmedForces)
        );
        assert_eq!(Scope::default().outside_tt124(UnitKind::Agency), None);
    }

    #[test]
    fn unknown_facts_count_the_unit_in_and_are_asked_for() {
        let unknown = Scope::default();
        assert_eq!(unknown.not_counted(UnitKind::School), None);
        assert_eq!(
            unknown.missing(UnitKind::School, true),
            vec![Missing::SchoolLevel, Missing::Managed]
        );
        assert_eq!(unknown.missing(UnitKind::ResidentialArea, false), vec![]);
        let elsewhere = Scope {
            managed: Some(false),
            ..Scope::default()
        };
        assert_eq!(
            elsewhere.not_counted(UnitKind::ResidentialArea),
            Some(Exclusion::NotManaged)
        );
    }
}
