//! Which save of the stored workspace a tab holds, so that two tabs never
//! overwrite each other.
//!
//! Each save writes a revision into the same stored text as the data (one
//! `setItem`, so data and revision can never come from different tabs): a
//! counter, a random id no other tab can compute, and the ids of the saves
//! it follows. A tab writes only over the revision it last read or wrote;
//! finding another, it merges the other tab's records with its own against
//! the state both started from ([`reconcile`]).

use crate::domain::workspace::Clash;
use crate::domain::Workspace;

use super::workspace::encode_workspace;

/// How many earlier saves a revision names.
const ANCESTORS: usize = 8;

/// One save of the stored workspace.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Revision {
    /// Saves so far: the figure a backup's "changed since" compares.
    pub counter: u64,
    /// Random, made by the tab that saved; empty for data stored before
    /// revisions had ids.
    pub id: String,
    /// The ids of the saves it follows, the latest first.
    pub ancestors: Vec<String>,
}

impl Revision {
    /// The revision of data stored before revisions had ids, by its counter.
    pub fn legacy(counter: u64) -> Revision {
        Revision {
            counter,
            ..Revision::default()
        }
    }

    /// The save after this one, by a tab that drew `id`.
    pub fn next(&self, id: String) -> Revision {
        let mut ancestors: Vec<String> = std::iter::once(self.id.clone())
            .chain(self.ancestors.iter().cloned())
            .filter(|a| !a.is_empty())
            .collect();
        ancestors.truncate(ANCESTORS);
        Revision {
            counter: self.counter + 1,
            id,
            ancestors,
        }
    }

    /// True when this save is `other` or comes after it.
    pub fn follows(&self, other: &Revision) -> bool {
        if other.id.is_empty() {
            // Data stored before revisions had ids: only the counter tells.
            return self.counter >= other.counter;
        }
        self.same_save(other) || self.ancestors.contains(&other.id)
    }

    fn same_save(&self, other: &Revision) -> bool {
        self.counter == other.counter && self.id == other.id
    }

    /// "5.k3j9.x8a1.…": the counter, the id, the ancestors.
    pub fn to_text(&self) -> String {
        std::iter::once(self.counter.to_string())
            .chain(std::iter::once(self.id.clone()))
            .chain(self.ancestors.iter().cloned())
            .collect::<Vec<_>>()
            .join(".")
    }

    pub fn parse(text: &str) -> Option<Revision> {
        let mut parts = text.split('.');
        let counter = parts.next()?.parse().ok()?;
        let id = parts.next().unwrap_or_default().to_owned();
        let ancestors = parts.map(str::to_owned).collect();
        let plain = |s: &str| s.bytes().all(|b| b.is_ascii_alphanumeric());
        let revision = Revision {
            counter,
            id,
            ancestors,
        };
        (plain(&revision.id) && revision.ancestors.iter().all(|a| plain(a))).then_some(revision)
    }
}

const LEAD: &str = "{\"revision\":\"";

/// The workspace as stored: its document with the revision as the first
/// field, so the revision is read from the first bytes alone.
pub fn encode_stored(workspace: &Workspace, revision: &Revision) -> String {
    with_revision(&encode_workspace(workspace), revision)
}

/// `document` (a workspace document, `{…}`) with `revision` put first.
pub fn with_revision(document: &str, revision: &Revision) -> String {
    format!("{}{}", lead(revision), &document[1..])
}

/// What stands before the rest of the document: `{"revision":"…",`.
pub fn lead(revision: &Revision) -> String {
    format!("{LEAD}{}\",", revision.to_text())
}

/// The length in UTF-16 units (ASCII: bytes) of the lead at the start of
/// stored text, if it has one.
pub fn lead_length(start: &str) -> Option<usize> {
    let rest = start.strip_prefix(LEAD)?;
    Some(LEAD.len() + rest.find("\",")? + 2)
}

/// The revision at the start of stored text (`None` for text stored before
/// revisions were written there).
pub fn stored_revision(start: &str) -> Option<Revision> {
    let rest = start.strip_prefix(LEAD)?;
    Revision::parse(&rest[..rest.find('"')?])
}

/// How many characters of stored text [`stored_revision`] may need.
pub const REVISION_PREFIX_CHARS: u32 = 16 + 24 * (ANCESTORS as u32 + 2);

/// What a tab does when the stored workspace is not the save it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reconciled {
    /// It is the save this tab holds: nothing to do.
    Same,
    /// This tab changed nothing since: take the stored workspace.
    Take,
    /// Both changed: this tab's records and the other tab's, merged; it is
    /// saved over the stored revision.
    Merged(Workspace),
    /// Both changed one record, or the stored save follows none this tab
    /// knows: the user chooses (the clashing records, when known).
    Clash(Vec<Clash>),
}

/// Reconciles this tab's workspace `mine` with the stored `theirs` at
/// revision `stored`, knowing the saves `known` (this tab's history, oldest
/// first, each with the workspace it held).
pub fn reconcile(
    known: &[(Revision, Workspace)],
    mine: &Workspace,
    stored: &Revision,
    theirs: &Workspace,
) -> Reconciled {
    if known.last().is_some_and(|(last, _)| last.same_save(stored)) {
        return Reconciled::Same;
    }
    // The latest save this tab knows that the stored one follows: the state
    // both sides started from.
    let Some((_, base)) = known.iter().rev().find(|(rev, _)| stored.follows(rev)) else {
        return Reconciled::Clash(Vec::new());
    };
    if mine == base {
        return Reconciled::Take;
    }
    match Workspace::merged(base, mine, theirs) {
        Ok(merged) => Reconciled::Merged(merged),
        Err(clashes) => Reconciled::Clash(clashes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::unit::{UnitFields, UnitId};
    use crate::domain::UnitKind;

    fn with_unit(ws: &Workspace, id: &str) -> Workspace {
        let mut ws = ws.clone();
        ws.add_unit(
            UnitId::new(id),
            UnitFields {
                name: id.into(),
                kind: UnitKind::ResidentialArea,
                above: String::new(),
                parent: None,
                scope: Default::default(),
            },
        )
        .unwrap();
        ws
    }

    #[test]
    fn a_revision_is_written_first_and_read_from_the_first_bytes() {
        let revision = Revision::legacy(4).next("k3j9".into()).next("x8a1".into());
        assert_eq!(revision.to_text(), "6.x8a1.k3j9");
        let text = encode_stored(&with_unit(&Workspace::new(), "a"), &revision);
        assert!(text.starts_with(r#"{"revision":"6.x8a1.k3j9","format":"antq.workspace""#));
        assert_eq!(stored_revision(&text[..40]), Some(revision.clone()));
        assert_eq!(
            &text[lead_length(&text[..40]).unwrap()..],
            &encode_workspace(&with_unit(&Workspace::new(), "a"))[1..]
        );
        // The stored text is still a workspace document.
        assert_eq!(
            super::super::decode_workspace(&text).unwrap().workspace,
            with_unit(&Workspace::new(), "a")
        );
        assert_eq!(stored_revision(&encode_workspace(&Workspace::new())), None);
        assert_eq!(Revision::parse("7.a\"b"), None);
    }

    #[test]
    fn two_tabs_saving_from_the_same_revision_lose_nothing() {
        let start = Revision::legacy(1).next("s0".into());
        let base = with_unit(&Workspace::new(), "a");
        // Both tabs saved over `start` at once; the other tab's save won.
        let mine_rev = start.next("aaa".into());
        let mine = with_unit(&base, "mine");
        let theirs_rev = start.next("bbb".into());
        let theirs = with_unit(&base, "theirs");
        assert!(!theirs_rev.follows(&mine_rev));
        let known = vec![
            (start.clone(), base.clone()),
            (mine_rev.clone(), mine.clone()),
        ];
        let Reconciled::Merged(merged) = reconcile(&known, &mine, &theirs_rev, &theirs) else {
            panic!("the two saves are merged");
        };
        let ids: Vec<&str> = merged.units().iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["a", "theirs", "mine"]);
        // The save this tab holds: nothing to do; a save built on it, unchanged here: taken.
        assert_eq!(reconcile(&known, &mine, &mine_rev, &mine), Reconciled::Same);
        let later = mine_rev.next("ccc".into());
        assert_eq!(reconcile(&known, &mine, &later, &theirs), Reconciled::Take);
        // A save that follows none this tab knows: the user decides.
        let stranger = Revision::legacy(9).next("zzz".into());
        assert_eq!(
            reconcile(&known, &with_unit(&mine, "x"), &stranger, &theirs),
            Reconciled::Clash(Vec::new())
        );
    }
}
