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
    /// A set that takes a built-in set's id without being one of its
    /// versions (a "version 99" with every threshold at 0%): built-in sets
    /// change only with the app, so it can only be added as a local variant,
    /// under the id `id`, and only if the user chooses to.
    LocalVariant { id: String },
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

    /// The current sets a unit of `kind` assesses itself against that count
    /// the units under it (a derived indicator): the sets whose figures
    /// the roll-up computes from the files received.
    pub fn counting_units_below(&self, kind: crate::domain::UnitKind) -> Vec<&'a CriteriaSet> {
        self.latest()
            .into_iter()
            .filter(|s| !s.historical && s.applies_to_kind(kind))
            .filter(|s| {
                s.indicators()
                    .any(|i| matches!(i.kind, super::IndicatorKind::Derived { .. }))
            })
            .collect()
    }

    /// What importing `incoming` would do.
    pub fn import_decision(&self, incoming: &CriteriaSet) -> ImportDecision {
        let builtin_id = self.builtin.iter().any(|set| set.id == incoming.id);
        if builtin_id && !self.builtin.iter().any(|set| set == incoming) {
            return ImportDecision::LocalVariant {
                id: self.free_id(&incoming.id),
            };
        }
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
        self.local_copy(source, source.key())
    }

    /// An incoming set that reuses a built-in id ([`ImportDecision::LocalVariant`])
    /// as a local variant of the newest built-in version of that id.
    pub fn as_local_variant(&self, incoming: &CriteriaSet) -> CriteriaSet {
        let source = self
            .latest()
            .into_iter()
            .find(|set| set.id == incoming.id)
            .map_or_else(|| incoming.key(), CriteriaSet::key);
        self.local_copy(incoming, source)
    }

    /// A free id for a local variant of the set `id`.
    fn free_id(&self, id: &str) -> String {
        let base = format!("{id}-dia-phuong");
        let mut free = base.clone();
        let mut n = 2;
        while self.all().any(|set| set.id == free) {
            free = format!("{base}-{n}");
            n += 1;
        }
        free
    }

    fn local_copy(&self, set: &CriteriaSet, source: SetRef) -> CriteriaSet {
        let mut variant = set.clone();
        variant.id = self.free_id(&set.id);
        variant.version = 1;
        variant.variant_of = Some(source);
        variant.title = Text {
            vi: format!("{} (bản địa phương)", set.title.vi),
            en: if set.title.en.is_empty() {
                String::new()
            } else {
                format!("{} (local variant)", set.title.en)
            },
        };
        variant
    }
}
