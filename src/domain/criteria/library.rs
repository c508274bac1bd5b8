//! The library of criteria sets: the built-in ones and the workspace's own
//! (local variants and imported files), with the rules for copying and importing.

use super::set::{CriteriaSet, SetRef, Text};

/// What importing a set would do, decided before anything is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportDecision {
    /// No set with this id yet: it is added.
    New,
    /// The same id and version is already there ("đã có"): nothing changes.
    AlreadyPresent { identical: bool },
    /// A newer version of a set that is there: offered as an upgrade; the
    /// older version stays, so assessments made with it remain readable.
    Newer { current: u32 },
    /// An older version of a set that is there: kept beside it, for old assessments.
    Older { current: u32 },
}

/// Every set this browser can use, newest version first within each id.
pub struct Library<'a> {
    builtin: &'a [CriteriaSet],
    local: &'a [CriteriaSet],
}

impl<'a> Library<'a> {
    pub fn new(builtin: &'a [CriteriaSet], local: &'a [CriteriaSet]) -> Library<'a> {
        Library { builtin, local }
    }

    pub fn all(&self) -> impl Iterator<Item = &'a CriteriaSet> {
        self.builtin.iter().chain(self.local.iter())
    }

    pub fn find(&self, key: &SetRef) -> Option<&'a CriteriaSet> {
        self.all()
            .find(|set| set.id == key.id && set.version == key.version)
    }

    pub fn is_builtin(&self, key: &SetRef) -> bool {
        self.builtin.iter().any(|set| &set.key() == key)
    }

    /// The newest version of each id, in catalogue order.
    pub fn latest(&self) -> Vec<&'a CriteriaSet> {
        let mut out: Vec<&CriteriaSet> = Vec::new();
        for set in self.all() {
            match out.iter_mut().find(|kept| kept.id == set.id) {
                Some(kept) if kept.version < set.version => *kept = set,
                Some(_) => {}
                None => out.push(set),
            }
        }
        out
    }

    /// What importing `incoming` would do.
    pub fn import_decision(&self, incoming: &CriteriaSet) -> ImportDecision {
        if let Some(same) = self.find(&incoming.key()) {
            return ImportDecision::AlreadyPresent {
                identical: same == incoming,
            };
        }
        let current = self
            .all()
            .filter(|set| set.id == incoming.id)
            .map(|set| set.version)
            .max();
        match current {
            None => ImportDecision::New,
            Some(current) if current < incoming.version => ImportDecision::Newer { current },
            Some(current) => ImportDecision::Older { current },
        }
    }

    /// A local variant of `source`: a new id, version 1, the source named,
    /// everything else copied so that a province can add or change items.
    pub fn variant_of(&self, source: &CriteriaSet) -> CriteriaSet {
        let base = format!("{}-dia-phuong", source.id);
        let mut id = base.clone();
        let mut n = 2;
        while self.all().any(|set| set.id == id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        let mut variant = source.clone();
        variant.id = id;
        variant.version = 1;
        variant.variant_of = Some(source.key());
        variant.title = Text {
            vi: format!("{} (bản địa phương)", source.title.vi),
            en: if source.title.en.is_empty() {
                String::new()
            } else {
                format!("{} (local variant)", source.title.en)
            },
        };
        variant
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::builtin_sets;

    #[test]
    fn a_variant_gets_a_free_id_and_names_its_source() {
        let builtin = builtin_sets();
        let mut local = Vec::new();
        let first = Library::new(&builtin, &local).variant_of(&builtin[0]);
        assert_eq!(first.id, "tt124-khu-dan-cu-dia-phuong");
        assert_eq!(first.variant_of, Some(builtin[0].key()));
        assert_eq!(first.version, 1);
        local.push(first);
        let second = Library::new(&builtin, &local).variant_of(&builtin[0]);
        assert_eq!(second.id, "tt124-khu-dan-cu-dia-phuong-2");
    }

    #[test]
    fn imports_are_new_present_newer_or_older() {
        let builtin = builtin_sets();
        let library = Library::new(&builtin, &[]);
        let same = builtin[0].clone();
        assert_eq!(
            library.import_decision(&same),
            ImportDecision::AlreadyPresent { identical: true }
        );
        let mut changed = same.clone();
        changed.title.vi.push('!');
        assert_eq!(
            library.import_decision(&changed),
            ImportDecision::AlreadyPresent { identical: false }
        );
        let mut newer = same.clone();
        newer.version = same.version + 1;
        assert_eq!(
            library.import_decision(&newer),
            ImportDecision::Newer {
                current: same.version
            }
        );
        let local = vec![newer.clone()];
        let library = Library::new(&builtin, &local);
        assert_eq!(
            library
                .latest()
                .iter()
                .find(|s| s.id == same.id)
                .unwrap()
                .version,
            same.version + 1
        );
        assert_eq!(
            library.import_decision(&same),
            ImportDecision::AlreadyPresent { identical: true }
        );
        let mut other = same;
        other.id = "tinh-x".into();
        assert_eq!(library.import_decision(&other), ImportDecision::New);
    }
}
