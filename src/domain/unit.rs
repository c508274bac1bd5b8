//! Units: the residential areas, communes, agencies and schools this browser
//! works for (TT 124/2021/TT-BCA Article 1 names the four families).

use super::scope::Scope;
use crate::support::text::{normalise_name, MAX_NAME_CHARS};

/// A unit's stable identifier, made once by the platform and never reused.
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct UnitId(String);

impl UnitId {
    /// Wraps an identifier. The platform makes random ones; tests make readable ones.
    pub fn new(id: impl Into<String>) -> UnitId {
        UnitId(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What kind of unit it is. The kind decides which criteria sets apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnitKind {
    /// Khu dân cư: a village, hamlet or residential group (thôn, làng, bản, ấp, tổ dân phố…).
    ResidentialArea,
    /// Xã: a rural commune.
    Commune,
    /// Phường: an urban ward.
    Ward,
    /// Thị trấn: a town (before the 2025 reform).
    Town,
    /// Đặc khu: a special zone, offered the commune-level sets.
    SpecialZone,
    /// Cơ quan: a state agency or public body.
    Agency,
    /// Doanh nghiệp: an enterprise.
    Enterprise,
    /// Cơ sở giáo dục: a school or other educational institution.
    School,
}

impl UnitKind {
    /// Every kind, in the order the form offers them.
    pub const ALL: [UnitKind; 8] = [
        UnitKind::ResidentialArea,
        UnitKind::Commune,
        UnitKind::Ward,
        UnitKind::Town,
        UnitKind::SpecialZone,
        UnitKind::Agency,
        UnitKind::Enterprise,
        UnitKind::School,
    ];

    /// The stable code used in files and in the UI's message keys.
    pub fn code(self) -> &'static str {
        match self {
            UnitKind::ResidentialArea => "khu-dan-cu",
            UnitKind::Commune => "xa",
            UnitKind::Ward => "phuong",
            UnitKind::Town => "thi-tran",
            UnitKind::SpecialZone => "dac-khu",
            UnitKind::Agency => "co-quan",
            UnitKind::Enterprise => "doanh-nghiep",
            UnitKind::School => "co-so-giao-duc",
        }
    }

    pub fn from_code(code: &str) -> Option<UnitKind> {
        UnitKind::ALL.into_iter().find(|kind| kind.code() == code)
    }

    /// Communes, wards, towns and special zones: the level of TT 124 Article 5.
    pub fn is_commune_level(self) -> bool {
        matches!(
            self,
            UnitKind::Commune | UnitKind::Ward | UnitKind::Town | UnitKind::SpecialZone
        )
    }
}

impl serde::Serialize for UnitKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for UnitKind {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::support::decode::from_text(deserializer, |code| {
            UnitKind::from_code(code).ok_or_else(|| format!("unknown unit kind: {code}"))
        })
    }
}

/// One unit, with its fields already normalised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    pub id: UnitId,
    pub name: String,
    pub kind: UnitKind,
    /// The administrative unit above it, as free text ("xã Tân Lập, tỉnh Phú Thọ").
    pub above: String,
    /// A parent unit in the same workspace: a village under its commune.
    pub parent: Option<UnitId>,
    /// What decides whether TT 124 covers it and the commune counts it.
    pub scope: Scope,
    /// What its official documents say of who issues and signs them.
    pub document: crate::domain::document::Fields,
}

/// The unit a file is about, as the file describes it, so that the receiver
/// can place it: a copy, not a unit of the receiver's workspace.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct UnitInfo {
    pub id: UnitId,
    pub name: String,
    pub kind: UnitKind,
    #[serde(default)]
    pub above: String,
    #[serde(default)]
    pub parent: Option<UnitId>,
    #[serde(default, skip_serializing_if = "Scope::is_empty")]
    pub scope: Scope,
}

impl UnitInfo {
    pub fn of(unit: &Unit) -> UnitInfo {
        UnitInfo {
            id: unit.id.clone(),
            name: unit.name.clone(),
            kind: unit.kind,
            above: unit.above.clone(),
            parent: unit.parent.clone(),
            scope: unit.scope,
        }
    }
}

/// What a user fills in to create or edit a unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitFields {
    pub name: String,
    pub kind: UnitKind,
    pub above: String,
    pub parent: Option<UnitId>,
    pub scope: Scope,
}

/// Why a unit could not be saved. The UI turns each into a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnitError {
    /// The name is empty once white space is removed.
    EmptyName,
    /// The name is longer than [`MAX_NAME_CHARS`].
    NameTooLong { chars: usize },
    /// Another unit of the same kind under the same parent has this name.
    DuplicateName { name: String },
    /// The identifier is already taken.
    DuplicateId,
    /// No unit has this identifier.
    UnknownUnit,
    /// The chosen parent is not in the workspace.
    UnknownParent,
    /// The chosen parent is the unit itself or one of the units below it.
    ParentCycle,
}

/// The units of a workspace, in the order they were created.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Units(Vec<Unit>);

impl Units {
    pub fn new() -> Units {
        Units::default()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Unit> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, id: &UnitId) -> Option<&Unit> {
        self.0.iter().find(|unit| &unit.id == id)
    }

    /// The units whose parent is `id`.
    pub fn children<'a>(&'a self, id: &'a UnitId) -> impl Iterator<Item = &'a Unit> + 'a {
        self.0
            .iter()
            .filter(move |unit| unit.parent.as_ref() == Some(id))
    }

    /// Adds a unit, normalising its fields first.
    pub fn add(&mut self, id: UnitId, fields: UnitFields) -> Result<&Unit, UnitError> {
        if self.get(&id).is_some() {
            return Err(UnitError::DuplicateId);
        }
        let unit = self.checked(id, fields)?;
        self.0.push(unit);
        Ok(self.0.last().expect("just pushed"))
    }

    /// Replaces a unit's fields, normalising them first.
    pub fn update(&mut self, id: &UnitId, fields: UnitFields) -> Result<&Unit, UnitError> {
        let index = self.index_of(id).ok_or(UnitError::UnknownUnit)?;
        let mut unit = self.checked(id.clone(), fields)?;
        // Its documents' fields are edited on their own.
        unit.document = std::mem::take(&mut self.0[index].document);
        self.0[index] = unit;
        Ok(&self.0[index])
    }

    /// Sets the fields of unit `id`'s official documents.
    pub fn set_document(
        &mut self,
        id: &UnitId,
        fields: crate::domain::document::Fields,
    ) -> Result<(), UnitError> {
        let index = self.index_of(id).ok_or(UnitError::UnknownUnit)?;
        self.0[index].document = fields;
        Ok(())
    }

    /// Removes a unit. The units directly below it stay, without a parent;
    /// their ids are returned so the UI can say what happened.
    pub fn remove(&mut self, id: &UnitId) -> Result<(Unit, Vec<UnitId>), UnitError> {
        let index = self.index_of(id).ok_or(UnitError::UnknownUnit)?;
        let removed = self.0.remove(index);
        let mut detached = Vec::new();
        for unit in &mut self.0 {
            if unit.parent.as_ref() == Some(id) {
                unit.parent = None;
                detached.push(unit.id.clone());
            }
        }
        Ok((removed, detached))
    }

    /// Gives the unit `from` the id `to`, its children following; false
    /// when `from` is not here or `to` is taken.
    pub fn reidentify(&mut self, from: &UnitId, to: &UnitId) -> bool {
        if self.get(to).is_some() {
            return false;
        }
        let Some(index) = self.index_of(from) else {
            return false;
        };
        self.0[index].id = to.clone();
        for unit in &mut self.0 {
            if unit.parent.as_ref() == Some(from) {
                unit.parent = Some(to.clone());
            }
        }
        true
    }

    /// Builds units from stored records without re-checking names: used by
    /// the format layer after its own validation, so stored data is never
    /// silently changed. Parents that do not exist or form a cycle are
    /// dropped and reported.
    pub fn from_records(records: Vec<Unit>) -> (Units, Vec<UnitId>) {
        let mut units = Units(records);
        let mut repaired = Vec::new();
        for index in 0..units.0.len() {
            let id = units.0[index].id.clone();
            let bad = match units.0[index].parent.clone() {
                None => false,
                Some(parent) => units.get(&parent).is_none() || units.is_at_or_below(&parent, &id),
            };
            if bad {
                units.0[index].parent = None;
                repaired.push(id);
            }
        }
        (units, repaired)
    }

    /// Inserts or replaces a unit received in a file, keeping its id; a
    /// parent that is not here is dropped.
    pub fn put_record(&mut self, mut unit: Unit) {
        if unit
            .parent
            .as_ref()
            .is_some_and(|p| self.get(p).is_none() || p == &unit.id)
        {
            unit.parent = None;
        }
        match self.index_of(&unit.id) {
            Some(index) => self.0[index] = unit,
            None => self.0.push(unit),
        }
    }

    /// The units whose chain of parents comes back to them: a circle no
    /// single change could make, but several files put together can.
    pub fn on_parent_circles(&self) -> Vec<&Unit> {
        self.0
            .iter()
            .filter(|unit| {
                unit.parent
                    .as_ref()
                    .is_some_and(|parent| self.is_at_or_below(parent, &unit.id))
            })
            .collect()
    }

    fn index_of(&self, id: &UnitId) -> Option<usize> {
        self.0.iter().position(|unit| &unit.id == id)
    }

    /// True when `candidate` is `root` or lies somewhere below it.
    fn is_at_or_below(&self, candidate: &UnitId, root: &UnitId) -> bool {
        let mut current = Some(candidate.clone());
        // The walk is bounded by the number of units, so a cycle already in
        // the data cannot make it loop for ever.
        for _ in 0..=self.0.len() {
            match current {
                None => return false,
                Some(ref id) if id == root => return true,
                Some(ref id) => current = self.get(id).and_then(|unit| unit.parent.clone()),
            }
        }
        true
    }

    fn checked(&self, id: UnitId, fields: UnitFields) -> Result<Unit, UnitError> {
        let name = normalise_name(&fields.name);
        if name.is_empty() {
            return Err(UnitError::EmptyName);
        }
        let chars = name.chars().count();
        if chars > MAX_NAME_CHARS {
            return Err(UnitError::NameTooLong { chars });
        }
        if let Some(parent) = &fields.parent {
            if self.get(parent).is_none() {
                return Err(UnitError::UnknownParent);
            }
            if self.is_at_or_below(parent, &id) {
                return Err(UnitError::ParentCycle);
            }
        }
        let above = normalise_name(&fields.above);
        let folded = name.to_lowercase();
        let clash = self.0.iter().any(|other| {
            other.id != id
                && other.kind == fields.kind
                && other.parent == fields.parent
                && other.above.to_lowercase() == above.to_lowercase()
                && other.name.to_lowercase() == folded
        });
        if clash {
            return Err(UnitError::DuplicateName { name });
        }
        Ok(Unit {
            id,
            name,
            kind: fields.kind,
            above,
            parent: fields.parent,
            scope: fields.scope.for_kind(fields.kind),
            document: Default::default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(name: &str, kind: UnitKind, parent: Option<&str>) -> UnitFields {
        UnitFields {
            name: name.into(),
            kind,
            above: "tỉnh Phú Thọ".into(),
            parent: parent.map(UnitId::new),
            scope: Scope::default(),
        }
    }

    fn commune_with_village() -> Units {
        let mut units = Units::new();
        units
            .add(
                UnitId::new("xa"),
                fields("Xã Tân Lập", UnitKind::Commune, None),
            )
            .unwrap();
        units
            .add(
                UnitId::new("thon"),
                fields("Thôn Đồng", UnitKind::ResidentialArea, Some("xa")),
            )
            .unwrap();
        units
    }

    #[test]
    fn names_are_stored_in_nfc_and_trimmed() {
        let mut units = Units::new();
        let unit = units
            .add(
                UnitId::new("a"),
                fields(
                    "  Tổ  Hie\u{0302}\u{0301}u ",
                    UnitKind::ResidentialArea,
                    None,
                ),
            )
            .unwrap();
        assert_eq!(unit.name, "Tổ Hi\u{1EBF}u");
    }

    #[test]
    fn empty_and_overlong_names_are_refused() {
        let mut units = Units::new();
        assert_eq!(
            units.add(UnitId::new("a"), fields(" \t ", UnitKind::Commune, None)),
            Err(UnitError::EmptyName)
        );
        let long = "a".repeat(MAX_NAME_CHARS + 1);
        assert_eq!(
            units.add(UnitId::new("a"), fields(&long, UnitKind::Commune, None)),
            Err(UnitError::NameTooLong {
                chars: MAX_NAME_CHARS + 1
            })
        );
        assert!(units.is_empty());
    }

    #[test]
    fn same_name_same_kind_same_parent_is_a_duplicate_whatever_the_keyboard() {
        let mut units = commune_with_village();
        let again = units.add(
            UnitId::new("thon2"),
            fields(
                "thôn  \u{0110}o\u{0302}\u{0300}ng",
                UnitKind::ResidentialArea,
                Some("xa"),
            ),
        );
        assert_eq!(
            again,
            Err(UnitError::DuplicateName {
                name: "thôn Đồng".into()
            })
        );
        // The same name elsewhere is another village.
        assert!(units
            .add(
                UnitId::new("thon3"),
                fields("Thôn Đồng", UnitKind::ResidentialArea, None)
            )
            .is_ok());
    }

    #[test]
    fn renaming_a_unit_to_its_own_name_is_not_a_duplicate() {
        let mut units = commune_with_village();
        let renamed = units
            .update(
                &UnitId::new("thon"),
                fields("Thôn Đồng", UnitKind::ResidentialArea, Some("xa")),
            )
            .unwrap();
        assert_eq!(renamed.name, "Thôn Đồng");
    }

    #[test]
    fn a_unit_cannot_be_its_own_ancestor() {
        let mut units = commune_with_village();
        assert_eq!(
            units.update(
                &UnitId::new("xa"),
                fields("Xã Tân Lập", UnitKind::Commune, Some("thon"))
            ),
            Err(UnitError::ParentCycle)
        );
        assert_eq!(
            units.update(
                &UnitId::new("xa"),
                fields("Xã Tân Lập", UnitKind::Commune, Some("xa"))
            ),
            Err(UnitError::ParentCycle)
        );
        assert_eq!(
            units.add(
                UnitId::new("b"),
                fields("B", UnitKind::Commune, Some("nowhere"))
            ),
            Err(UnitError::UnknownParent)
        );
    }

    #[test]
    fn removing_a_parent_detaches_its_children_and_keeps_them() {
        let mut units = commune_with_village();
        let (removed, detached) = units.remove(&UnitId::new("xa")).unwrap();
        assert_eq!(removed.name, "Xã Tân Lập");
        assert_eq!(detached, vec![UnitId::new("thon")]);
        assert_eq!(units.get(&UnitId::new("thon")).unwrap().parent, None);
        assert_eq!(
            units.remove(&UnitId::new("xa")),
            Err(UnitError::UnknownUnit)
        );
    }

    #[test]
    fn records_with_dangling_or_cyclic_parents_are_repaired_and_reported() {
        let unit = |id: &str, parent: Option<&str>| Unit {
            id: UnitId::new(id),
            name: id.into(),
            kind: UnitKind::Commune,
            above: String::new(),
            parent: parent.map(UnitId::new),
            scope: Scope::default(),
            document: Default::default(),
        };
        let (units, repaired) = Units::from_records(vec![
            unit("a", Some("b")),
            unit("b", Some("a")),
            unit("c", Some("gone")),
            unit("d", Some("b")),
        ]);
        assert_eq!(repaired, vec![UnitId::new("a"), UnitId::new("c")]);
        assert_eq!(
            units.get(&UnitId::new("b")).unwrap().parent,
            Some(UnitId::new("a"))
        );
        assert_eq!(units.children(&UnitId::new("b")).count(), 1);
    }

    #[test]
    fn kind_codes_round_trip() {
        for kind in UnitKind::ALL {
            assert_eq!(UnitKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(UnitKind::from_code("thon"), None);
        assert!(UnitKind::SpecialZone.is_commune_level());
        assert!(!UnitKind::School.is_commune_level());
    }
}
