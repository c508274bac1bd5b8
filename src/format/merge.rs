//! What an import would change, record by record, decided before anything
//! is stored; and applying the user's choice to a copy of the workspace.

use super::criteria::validated;
use super::exchange::{FileKind, Incoming};
use super::LoadError;
use crate::domain::assessment::{Assessment, Status};
use crate::domain::criteria::{CriteriaSet, ImportDecision, Library, SetRef};
use crate::domain::{Unit, UnitId, Workspace};

/// How an incoming record compares with what is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Not here yet: added.
    New,
    /// Here already, the same: nothing to do.
    Identical,
    /// Here, but the file's is further along (a later status, a higher version): replaced.
    Newer,
    /// Here, and the stored one is further along: kept unless chosen.
    Older,
    /// Here, different, neither further along: kept unless chosen.
    Conflicting,
    /// A criteria set that takes a built-in set's id without being one of
    /// its versions: added only if chosen, as a local variant with its own
    /// id (the assessments of the file that use it follow it).
    LocalVariant,
    /// A decision about an assessment this browser does not hold: nothing
    /// to apply it to.
    NoAssessment,
    /// A unit card's unit, here already under another id: it takes the
    /// card's id, its records following.
    SameUnit,
}

impl Decision {
    /// Its code, as the preview marks each change (`data-decision`).
    pub fn code(self) -> &'static str {
        match self {
            Decision::New => "new",
            Decision::Identical => "identical",
            Decision::Newer => "newer",
            Decision::Older => "older",
            Decision::Conflicting => "conflicting",
            Decision::LocalVariant => "local-variant",
            Decision::NoAssessment => "no-assessment",
            Decision::SameUnit => "same-unit",
        }
    }

    /// Whether the user may choose otherwise than the default.
    pub fn choosable(self) -> bool {
        matches!(
            self,
            Decision::Older | Decision::Conflicting | Decision::LocalVariant | Decision::SameUnit
        )
    }
}

/// Which record a change is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Workspace,
    Unit(UnitId),
    Assessment(String),
    FestivalPlan(String),
    CriteriaSet(SetRef),
    /// A recognition decision on the assessment with this id.
    Decision(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub target: Target,
    /// Words for the list: a unit's name, "Thôn Đồng 2025"…
    pub label: String,
    pub decision: Decision,
    /// Whether applying the import changes this record; the user may flip it
    /// for older and conflicting records.
    pub apply: bool,
}

fn change(target: Target, label: String, decision: Decision) -> Change {
    let apply = matches!(
        decision,
        Decision::New | Decision::Newer | Decision::SameUnit
    );
    Change {
        target,
        label,
        decision,
        apply,
    }
}

fn rank(status: &Status) -> u8 {
    match status {
        Status::Draft => 0,
        Status::SelfAssessed { .. } => 1,
        Status::Submitted { .. } => 2,
        Status::Decided { .. } => 3,
    }
}

fn same_assessment<'a>(workspace: &'a Workspace, incoming: &Assessment) -> Option<&'a Assessment> {
    workspace.assessments().iter().find(|a| {
        a.id() == incoming.id()
            || (a.unit() == incoming.unit()
                && a.set().id == incoming.set().id
                && a.year() == incoming.year())
    })
}

/// Every change the import would make, in the file's order.
pub fn preview(workspace: &Workspace, builtin: &[CriteriaSet], incoming: &Incoming) -> Vec<Change> {
    let mut out = Vec::new();
    if let Some(whole) = &incoming.workspace {
        let decision = if whole == workspace {
            Decision::Identical
        } else if workspace.units().is_empty() && workspace.assessments().is_empty() {
            Decision::New
        } else {
            Decision::Conflicting
        };
        out.push(change(Target::Workspace, String::new(), decision));
        return out;
    }
    let name_of = |id: &UnitId| {
        incoming
            .units
            .iter()
            .find(|u| &u.id == id)
            .map(|u| u.name.clone())
            .or_else(|| workspace.units().get(id).map(|u| u.name.clone()))
            .unwrap_or_else(|| id.as_str().to_owned())
    };
    let adopted = adopted(workspace, incoming);
    for unit in &incoming.units {
        let decision = match workspace.units().get(&unit.id) {
            None if adopted.is_some_and(|(_, to)| to == &unit.id) => Decision::SameUnit,
            None => Decision::New,
            Some(here)
                if here.name == unit.name && here.kind == unit.kind && here.above == unit.above =>
            {
                Decision::Identical
            }
            Some(_) => Decision::Conflicting,
        };
        // The card's unit above says how to reach it.
        let label = match &incoming.card {
            Some(card) if card.above.id == unit.id && !card.contact.is_empty() => {
                format!("{} ({})", unit.name, card.contact)
            }
            _ => unit.name.clone(),
        };
        out.push(change(Target::Unit(unit.id.clone()), label, decision));
    }
    let library = Library::new(builtin, workspace.criteria_sets());
    for set in &incoming.criteria_sets {
        let decision = match library.import_decision(set) {
            ImportDecision::New => Decision::New,
            ImportDecision::AlreadyPresent { identical: true } => Decision::Identical,
            ImportDecision::AlreadyPresent { identical: false } => Decision::Conflicting,
            ImportDecision::Newer { .. } => Decision::Newer,
            ImportDecision::Older { .. } => Decision::Older,
            ImportDecision::LocalVariant { .. } => Decision::LocalVariant,
        };
        let label = match library.import_decision(set) {
            ImportDecision::LocalVariant { id } => {
                format!("{} v{} → {id}", set.title.vi, set.version)
            }
            _ => format!("{} v{}", set.title.vi, set.version),
        };
        out.push(change(Target::CriteriaSet(set.key()), label, decision));
    }
    // The file's sets that could only become local variants: an assessment
    // made with one is added only with it, when the user chooses both.
    let variants: Vec<SetRef> = incoming
        .criteria_sets
        .iter()
        .filter(|set| {
            matches!(
                library.import_decision(set),
                ImportDecision::LocalVariant { .. }
            )
        })
        .map(|set| set.key())
        .collect();
    for assessment in &incoming.assessments {
        let decision = match same_assessment(workspace, assessment) {
            _ if variants.contains(assessment.set()) => Decision::LocalVariant,
            None => Decision::New,
            Some(here) if here == assessment => Decision::Identical,
            Some(here) if rank(assessment.status()) > rank(here.status()) => Decision::Newer,
            Some(here) if rank(assessment.status()) < rank(here.status()) => Decision::Older,
            Some(_) => Decision::Conflicting,
        };
        let label = format!("{} {}", name_of(assessment.unit()), assessment.year());
        out.push(change(
            Target::Assessment(assessment.id().to_owned()),
            label,
            decision,
        ));
    }
    for plan in &incoming.festival_plans {
        let here = workspace
            .festival_plans()
            .iter()
            .find(|p| p.id == plan.id || (p.unit == plan.unit && p.year == plan.year));
        let decision = match here {
            None => Decision::New,
            Some(here) if here == plan => Decision::Identical,
            Some(_) => Decision::Conflicting,
        };
        out.push(change(
            Target::FestivalPlan(plan.id.clone()),
            format!("{} {}", name_of(&plan.unit), plan.year),
            decision,
        ));
    }
    for notice in &incoming.decisions {
        let decision = match decided(workspace, notice) {
            None => Decision::NoAssessment,
            Some(here) => match here.status() {
                Status::Decided {
                    recognised,
                    decision,
                    on,
                } if *recognised == notice.decision.recognised
                    && decision == &notice.decision.number
                    && *on == notice.decision.on =>
                {
                    Decision::Identical
                }
                Status::Decided { .. } => Decision::Conflicting,
                _ => Decision::New,
            },
        };
        out.push(change(
            Target::Decision(notice.assessment.clone()),
            format!(
                "{} {} · {} · {}",
                name_of(&notice.unit),
                notice.year,
                notice.decision.number,
                notice.decision.on.vietnamese()
            ),
            decision,
        ));
    }
    out
}

/// A unit card's unit that is here under another id: (that id, the card's).
fn adopted<'a>(
    workspace: &'a Workspace,
    incoming: &'a Incoming,
) -> Option<(&'a UnitId, &'a UnitId)> {
    let card = incoming.card.as_ref()?;
    Some((card.same_unit_here(workspace)?, &card.unit.id))
}

/// The assessment a decision is about: by its id, or by its unit, set and year.
fn decided<'a>(
    workspace: &'a Workspace,
    notice: &crate::domain::rollup::Notice,
) -> Option<&'a Assessment> {
    workspace.assessments().iter().find(|a| {
        a.id() == notice.assessment
            || (*a.unit() == notice.unit && a.set().id == notice.set.id && a.year() == notice.year)
    })
}

/// Why a whole import was refused: nothing of it is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportRefusal {
    /// Put together, the files make units each other's parents (names).
    ParentCircle { names: Vec<String> },
}

/// Whether a file may come in through the workspace's import: a roll-up
/// file is for Tổng hợp, which reads it as the level above's.
pub fn admit(incoming: Incoming) -> Result<Incoming, LoadError> {
    if incoming.kind == FileKind::Rollup {
        return Err(LoadError::WrongKind {
            found: FileKind::Rollup.code().to_owned(),
        });
    }
    Ok(incoming)
}

/// The workspace after the chosen changes of every file picked together,
/// checked as a whole: what no single file breaks, the files together may
/// (units made each other's parents), and then nothing is applied. Returns
/// the workspace and how many changes it took.
pub fn apply_all(
    workspace: &Workspace,
    builtin: &[CriteriaSet],
    files: &[(Incoming, Vec<Change>)],
) -> Result<(Workspace, usize), ImportRefusal> {
    let mut next = workspace.clone();
    let mut count = 0;
    for (incoming, changes) in files {
        count += changes.iter().filter(|c| c.apply).count();
        next = apply(&next, builtin, incoming, changes);
    }
    let circle: Vec<String> = next
        .units()
        .on_parent_circles()
        .into_iter()
        .map(|unit| unit.name.clone())
        .collect();
    if !circle.is_empty() {
        return Err(ImportRefusal::ParentCircle { names: circle });
    }
    Ok((next, count))
}

/// The workspace after the chosen changes; the one given is left as it was,
/// so the caller keeps it for undo.
pub fn apply(
    workspace: &Workspace,
    builtin: &[CriteriaSet],
    incoming: &Incoming,
    changes: &[Change],
) -> Workspace {
    let chosen = |target: &Target| changes.iter().any(|c| &c.target == target && c.apply);
    if let Some(whole) = &incoming.workspace {
        return if chosen(&Target::Workspace) {
            whole.clone()
        } else {
            workspace.clone()
        };
    }
    let mut next = workspace.clone();
    if let Some((from, to)) = adopted(workspace, incoming) {
        if chosen(&Target::Unit(to.clone())) {
            next.reidentify_unit(from, to);
        }
    }
    for unit in &incoming.units {
        if chosen(&Target::Unit(unit.id.clone())) {
            // A file says nothing of the unit's documents' fields: this
            // browser's stay.
            let document = next
                .units()
                .get(&unit.id)
                .map(|u| u.document.clone())
                .unwrap_or_default();
            next.put_unit_record(Unit {
                id: unit.id.clone(),
                name: crate::support::text::normalise_name(&unit.name),
                kind: unit.kind,
                above: unit.above.clone(),
                parent: unit.parent.clone(),
                scope: unit.scope.for_kind(unit.kind),
                document,
            });
        }
    }
    // A card says which unit this browser is.
    if let Some(card) = &incoming.card {
        if next.units().get(&card.unit.id).is_some() {
            let _ = next.set_active_unit(&card.unit.id);
        }
    }
    // A set that reuses a built-in id is stored under its own id, and the
    // file's assessments made with it follow it there.
    let mut renamed: Vec<(SetRef, SetRef)> = Vec::new();
    for set in &incoming.criteria_sets {
        if !chosen(&Target::CriteriaSet(set.key())) {
            continue;
        }
        let library = Library::new(builtin, next.criteria_sets());
        if let ImportDecision::LocalVariant { .. } = library.import_decision(set) {
            if let Ok(local) = validated(library.as_local_variant(set)) {
                renamed.push((set.key(), local.key()));
                next.put_criteria_set(local);
            }
        } else {
            next.put_criteria_set(set.clone());
        }
    }
    for assessment in &incoming.assessments {
        if chosen(&Target::Assessment(assessment.id().to_owned()))
            && next.units().get(assessment.unit()).is_some()
        {
            let mut assessment = assessment.clone();
            if let Some((_, local)) = renamed.iter().find(|(from, _)| from == assessment.set()) {
                assessment.point_to_set(local.clone());
            }
            // Never an assessment whose set is found nowhere.
            if Library::new(builtin, next.criteria_sets())
                .find(assessment.set())
                .is_some()
            {
                next.put_assessment(assessment);
            }
        }
    }
    for plan in &incoming.festival_plans {
        if chosen(&Target::FestivalPlan(plan.id.clone())) && next.units().get(&plan.unit).is_some()
        {
            next.put_festival_plan(plan.clone());
        }
    }
    for notice in &incoming.decisions {
        if !chosen(&Target::Decision(notice.assessment.clone())) {
            continue;
        }
        if let Some(id) = decided(&next, notice).map(|a| a.id().to_owned()) {
            let _ = next.edit_assessment(&id, |a| {
                a.receive_decision(
                    notice.decision.recognised,
                    &notice.decision.number,
                    notice.decision.on,
                    &notice.decision.signer,
                );
                Ok(())
            });
        }
    }
    next
}
