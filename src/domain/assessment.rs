//! A unit's self-assessment against one criteria set for one year: answers,
//! evidence, status, actions, and what the printed dossier needs.

use crate::support::decode::named_enum;
use crate::support::map::Map;

use serde::{Deserialize, Serialize};

use super::calendar::Date;
use super::criteria::{Answer, Answers, CriteriaSet, SetRef};
use super::unit::UnitId;
use crate::support::decode::{deserialize_tagged, required, Tagged};

/// A document cited as evidence: number, date, issuing body, link or file name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRef {
    #[serde(default)]
    pub number: String,
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default)]
    pub issuer: String,
    /// A link or the name of a file kept elsewhere: the app stores no files.
    #[serde(default)]
    pub link: String,
}

/// Evidence for one indicator.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub documents: Vec<DocumentRef>,
}

impl Evidence {
    pub fn is_empty(&self) -> bool {
        self.notes.trim().is_empty() && self.documents.is_empty()
    }
}

/// Where an assessment stands (TT 124 Article 9: review, dossier, decision).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Status {
    Draft,
    /// Locked after the review meeting.
    SelfAssessed {
        on: Date,
        by: String,
    },
    /// Sent to the level above.
    Submitted {
        on: Date,
    },
    /// The decision of the level above.
    Decided {
        recognised: bool,
        decision: String,
        on: Date,
    },
}

// Read without buffering (see `support::decode`).

named_enum! {
    #[derive(Clone, Copy, Debug, PartialEq)]
    pub(crate) enum StatusTag {
        Draft = "draft",
        SelfAssessed = "self_assessed",
        Submitted = "submitted",
        Decided = "decided",
    }
}

#[derive(Deserialize)]
pub struct StatusFields {
    state: Option<StatusTag>,
    on: Option<Date>,
    by: Option<String>,
    recognised: Option<bool>,
    decision: Option<String>,
}

impl Tagged for Status {
    type Fields = StatusFields;
    const EXPECTING: &'static str = "internally tagged enum Status";

    fn from_fields<E: serde::de::Error>(f: StatusFields) -> Result<Status, E> {
        Ok(match required(f.state, "state")? {
            StatusTag::Draft => Status::Draft,
            StatusTag::SelfAssessed => Status::SelfAssessed {
                on: required(f.on, "on")?,
                by: required(f.by, "by")?,
            },
            StatusTag::Submitted => Status::Submitted {
                on: required(f.on, "on")?,
            },
            StatusTag::Decided => Status::Decided {
                recognised: required(f.recognised, "recognised")?,
                decision: required(f.decision, "decision")?,
                on: required(f.on, "on")?,
            },
        })
    }
}

deserialize_tagged!(Status);

impl Status {
    pub fn is_locked(&self) -> bool {
        !matches!(self, Status::Draft)
    }

    /// Where it stands, in one word.
    pub fn stage(&self) -> Stage {
        match self {
            Status::Draft => Stage::Draft,
            Status::SelfAssessed { .. } => Stage::SelfAssessed,
            Status::Submitted { .. } => Stage::Submitted,
            Status::Decided {
                recognised: true, ..
            } => Stage::Recognised,
            Status::Decided {
                recognised: false, ..
            } => Stage::NotRecognised,
        }
    }
}

named_enum! {
    /// Where an assessment stands, in one word: what its history records
    /// and the screen names.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Stage {
        Draft = "draft",
        SelfAssessed = "self_assessed",
        Submitted = "submitted",
        Recognised = "recognised",
        NotRecognised = "not_recognised",
    }
}

/// A recorded change of status, reopening included.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub from: Stage,
    pub to: Stage,
    pub on: Date,
    #[serde(default)]
    pub by: String,
    #[serde(default)]
    pub note: String,
}

named_enum! {
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
    pub enum ActionStatus {
        /// Chưa làm.
        #[default]
        Todo = "todo",
        /// Đang làm.
        Doing = "doing",
        /// Xong.
        Done = "done",
    }
}

/// One step of the action plan for a criterion not met.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    pub id: String,
    pub criterion: String,
    pub what: String,
    #[serde(default)]
    pub who: String,
    #[serde(default)]
    pub due: Option<Date>,
    #[serde(default)]
    pub status: ActionStatus,
}

impl Action {
    pub fn is_overdue(&self, today: Date) -> bool {
        self.status != ActionStatus::Done && self.due.is_some_and(|due| due < today)
    }
}

/// The texts of the report and of the review meeting's minutes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportText {
    /// I. Đặc điểm tình hình.
    #[serde(default)]
    pub situation: String,
    /// III. Tồn tại, hạn chế, nguyên nhân.
    #[serde(default)]
    pub shortcomings: String,
    /// IV. Phương hướng.
    #[serde(default)]
    pub direction: String,
    /// V. Đề xuất, kiến nghị.
    #[serde(default)]
    pub proposal: String,
    /// The body that issues the documents ("BAN CÔNG TÁC MẶT TRẬN THÔN ĐỒNG").
    #[serde(default)]
    pub issuing_body: String,
    #[serde(default)]
    pub superior_body: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub signer_title: String,
    #[serde(default)]
    pub signer_name: String,
    /// Who attended the review meeting (TT 124 Article 9 clause 1).
    #[serde(default)]
    pub participants: String,
    /// Who took the minutes of that meeting, and signs them beside its chair.
    /// Written only when given, so documents without it keep their shape.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub secretary: String,
    /// The documents' date as their user set it; when not set, the day the
    /// work was done (see `domain::document::date_of`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
}

/// Who TT 124 Article 9 clause 1 calls to the review meeting of a unit of
/// `kind`, the chair first: point a for a residential area, point c for an
/// agency, enterprise or school. Point b (the commune) names a steering
/// committee whose name TT 48/2025 changed, unverified: none is offered.
pub fn meeting_roles(kind: crate::domain::UnitKind) -> &'static [&'static str] {
    use crate::domain::UnitKind as K;
    match kind {
        K::ResidentialArea => &[
            "Trưởng khu dân cư (chủ trì)",
            "Bí thư chi bộ",
            "Đại diện Ban Công tác Mặt trận",
            "Đại diện các tổ chức đoàn thể quần chúng (nếu có)",
            "Đại diện Công an cấp cơ sở",
        ],
        K::Agency | K::Enterprise | K::School => &[
            "Người đứng đầu (chủ trì)",
            "Đại diện cấp ủy Đảng",
            "Đại diện các tổ chức đoàn thể",
            "Đại diện lực lượng bảo vệ (nếu có)",
            "Đại diện Công an cơ sở",
            "Đại diện cơ quan có thẩm quyền quản lý",
        ],
        _ => &[],
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    id: String,
    unit: UnitId,
    set: SetRef,
    year: i32,
    #[serde(default)]
    answers: Answers,
    #[serde(default)]
    evidence: Map<String, Evidence>,
    status: Status,
    #[serde(default)]
    history: Vec<StatusChange>,
    #[serde(default)]
    actions: Vec<Action>,
    #[serde(default)]
    report: ReportText,
}

/// What moving an assessment to another version of its set did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VersionMove {
    /// Answers kept.
    pub kept: usize,
    /// Indicators only the new version has: to answer.
    pub added: Vec<String>,
    /// Indicators whose wording, status or rule changed: to review.
    pub changed: Vec<String>,
    /// Indicators the new version no longer has: their answers are dropped.
    pub removed: Vec<String>,
}

impl ReportText {
    /// Takes the unit's addresses from `earlier` where this has none: the
    /// body that issues the documents, the one the dossier goes to, the
    /// place and the signer; not the texts of the year.
    pub fn remember_addresses(&mut self, earlier: &ReportText) {
        for (here, there) in [
            (&mut self.issuing_body, &earlier.issuing_body),
            (&mut self.superior_body, &earlier.superior_body),
            (&mut self.place, &earlier.place),
            (&mut self.signer_title, &earlier.signer_title),
            (&mut self.signer_name, &earlier.signer_name),
        ] {
            if here.trim().is_empty() {
                here.clone_from(there);
            }
        }
    }
}

/// Why a change to an assessment was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AssessmentError {
    /// One assessment per unit, set and year.
    AlreadyExists {
        id: String,
    },
    UnknownUnit,
    UnknownAssessment,
    /// The set is not offered to this kind of unit.
    SetNotForKind,
    /// Locked: reopen it first.
    Locked,
    /// That status change is not allowed from where it stands.
    WrongStep,
    /// Locking needs the name of who locks it.
    NameRequired,
    /// A decision is recorded with the date it was signed, typed by the
    /// user: never today's date in its place.
    DecisionDateRequired,
}

impl Assessment {
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The unit assessed.
    pub fn unit(&self) -> &UnitId {
        &self.unit
    }

    /// The criteria set (and its version) the assessment answers.
    pub fn set(&self) -> &SetRef {
        &self.set
    }

    pub fn year(&self) -> i32 {
        self.year
    }

    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    pub fn evidence(&self) -> &Map<String, Evidence> {
        &self.evidence
    }

    /// Where the assessment stands in its workflow.
    pub fn status(&self) -> &Status {
        &self.status
    }

    /// Every step of the workflow taken, in order.
    pub fn history(&self) -> &[StatusChange] {
        &self.history
    }

    /// The action plan.
    pub fn actions(&self) -> &[Action] {
        &self.actions
    }

    /// The report's own texts.
    pub fn report(&self) -> &ReportText {
        &self.report
    }

    /// The same assessment without its answers and evidence: what its
    /// header shows, which typing an answer leaves as it was.
    pub fn without_answers(mut self) -> Assessment {
        self.answers = Answers::default();
        self.evidence = Map::default();
        self
    }

    /// Points the assessment at another set (or version): where a set was
    /// renamed on import, or a new assessment takes the set chosen. Its
    /// answers stay; [`move_to_version`](Self::move_to_version) is the
    /// user's move between versions, which says what changed.
    pub fn point_to_set(&mut self, set: SetRef) {
        self.set = set;
    }

    /// Takes the unit's own addresses and signers from its `latest`
    /// assessment where this one has none (`ReportText::remember_addresses`);
    /// a decided assessment's report stays as it was.
    pub fn remember_addresses(&mut self, latest: &Assessment) {
        if !self.report_closed() {
            self.report.remember_addresses(&latest.report);
        }
    }

    /// Gives the assessment to the unit's new id (`Workspace::reidentify_unit`).
    pub fn point_to_unit(&mut self, unit: UnitId) {
        self.unit = unit;
    }

    /// A new draft.
    pub fn new(id: String, unit: UnitId, set: SetRef, year: i32) -> Assessment {
        Assessment {
            id,
            unit,
            set,
            year,
            answers: Answers::new(),
            evidence: Map::new(),
            status: Status::Draft,
            history: Vec::new(),
            actions: Vec::new(),
            report: ReportText::default(),
        }
    }

    /// A draft for the next year, carrying last year's answers, evidence
    /// notes and report texts (not its status, actions or decisions).
    pub fn next_year_from(previous: &Assessment, id: String, year: i32) -> Assessment {
        let mut next = Assessment::new(id, previous.unit.clone(), previous.set.clone(), year);
        next.answers = previous.answers.clone();
        // Last year's current count becomes this year's previous one.
        for answer in next.answers.0.iter_mut().map(|(_, v)| v) {
            if let Answer::Trend {
                current, previous, ..
            } = answer
            {
                *previous = Some(*current);
            }
        }
        next.evidence = previous.evidence.clone();
        next.report = previous.report.clone();
        next
    }

    fn editable(&self) -> Result<(), AssessmentError> {
        if self.status.is_locked() {
            Err(AssessmentError::Locked)
        } else {
            Ok(())
        }
    }

    pub fn set_answer(
        &mut self,
        indicator: &str,
        answer: Option<Answer>,
    ) -> Result<(), AssessmentError> {
        self.editable()?;
        match answer {
            Some(answer) => self.answers.set(indicator, answer),
            None => self.answers.clear(indicator),
        }
        Ok(())
    }

    /// Moves a draft to another version of its set (`from` is the set it
    /// uses, `to` the newer one). The answers and evidence of indicators that
    /// are still there with an answer of the same kind are kept; what was
    /// added, changed or dropped is returned for the user to review. The
    /// caller keeps the assessment as it was for an undo.
    pub fn move_to_version(
        &mut self,
        from: &CriteriaSet,
        to: &CriteriaSet,
    ) -> Result<VersionMove, AssessmentError> {
        self.editable()?;
        if from.key() != self.set || to.id != from.id {
            return Err(AssessmentError::WrongStep);
        }
        let mut moved = VersionMove::default();
        for indicator in to.indicators() {
            match from.indicator(&indicator.id) {
                None => moved.added.push(indicator.id.clone()),
                Some(before) if before != indicator => moved.changed.push(indicator.id.clone()),
                Some(_) => {}
            }
        }
        moved.removed = from
            .indicators()
            .filter(|i| to.indicator(&i.id).is_none())
            .map(|i| i.id.clone())
            .collect();
        let fits = |id: &str| match (from.indicator(id), to.indicator(id)) {
            (Some(before), Some(after)) => before.kind.code() == after.kind.code(),
            _ => false,
        };
        self.answers.0.retain(|id, _| fits(id));
        self.evidence.retain(|id, _| to.indicator(id).is_some());
        moved.kept = self.answers.0.len();
        self.set = to.key();
        Ok(moved)
    }

    pub fn set_evidence(
        &mut self,
        indicator: &str,
        evidence: Evidence,
    ) -> Result<(), AssessmentError> {
        self.editable()?;
        if evidence.is_empty() {
            self.evidence.remove(indicator);
        } else {
            self.evidence.insert(indicator.to_owned(), evidence);
        }
        Ok(())
    }

    /// The report's texts and the documents' details (letterhead, place,
    /// signer, participants): locking fixes the answers, not these, so a
    /// dossier printed after locking is never empty; a decision closes them.
    pub fn set_report(&mut self, report: ReportText) -> Result<(), AssessmentError> {
        if self.report_closed() {
            return Err(AssessmentError::Locked);
        }
        self.report = report;
        Ok(())
    }

    /// True once a decision is recorded: the dossier is what was decided on.
    pub fn report_closed(&self) -> bool {
        matches!(self.status, Status::Decided { .. })
    }

    fn change(&mut self, to: Status, on: Date, by: &str, note: &str) {
        self.history.push(StatusChange {
            from: self.status.stage(),
            to: to.stage(),
            on,
            by: by.trim().to_owned(),
            note: note.trim().to_owned(),
        });
        self.status = to;
    }

    /// Draft → self-assessed, locked with the date and who.
    pub fn lock(&mut self, by: &str, on: Date) -> Result<(), AssessmentError> {
        if self.status != Status::Draft {
            return Err(AssessmentError::WrongStep);
        }
        if by.trim().is_empty() {
            return Err(AssessmentError::NameRequired);
        }
        self.change(
            Status::SelfAssessed {
                on,
                by: by.trim().to_owned(),
            },
            on,
            by,
            "",
        );
        Ok(())
    }

    /// Self-assessed → submitted to the level above.
    pub fn submit(&mut self, on: Date) -> Result<(), AssessmentError> {
        if !matches!(self.status, Status::SelfAssessed { .. }) {
            return Err(AssessmentError::WrongStep);
        }
        self.change(Status::Submitted { on }, on, "", "");
        Ok(())
    }

    /// Submitted → recognised or not, with the decision's number and date.
    pub fn decide(
        &mut self,
        recognised: bool,
        decision: &str,
        on: Date,
    ) -> Result<(), AssessmentError> {
        if !matches!(
            self.status,
            Status::Submitted { .. } | Status::SelfAssessed { .. }
        ) {
            return Err(AssessmentError::WrongStep);
        }
        self.receive_decision(recognised, decision, on, "");
        Ok(())
    }

    /// The decision of the level that recognises the unit, as it arrives
    /// in a decision file: recorded whatever step the assessment was at
    /// (the decision is on the file the unit sent), by its signer.
    pub fn receive_decision(&mut self, recognised: bool, decision: &str, on: Date, signer: &str) {
        self.change(
            Status::Decided {
                recognised,
                decision: decision.trim().to_owned(),
                on,
            },
            on,
            signer,
            decision,
        );
    }

    /// Any locked state → draft again; the reopening is recorded.
    pub fn reopen(&mut self, by: &str, on: Date, reason: &str) -> Result<(), AssessmentError> {
        if !self.status.is_locked() {
            return Err(AssessmentError::WrongStep);
        }
        self.change(Status::Draft, on, by, reason);
        Ok(())
    }

    /// Adds or replaces an action of the plan (allowed when locked too: the
    /// plan is carried out after the review).
    pub fn put_action(&mut self, action: Action) {
        match self.actions.iter_mut().find(|a| a.id == action.id) {
            Some(slot) => *slot = action,
            None => self.actions.push(action),
        }
    }

    pub fn remove_action(&mut self, id: &str) {
        self.actions.retain(|a| a.id != id);
    }

    pub fn overdue_actions(&self, today: Date) -> impl Iterator<Item = &Action> {
        self.actions.iter().filter(move |a| a.is_overdue(today))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(m: u32, d: u32) -> Date {
        Date::new(2025, m, d).unwrap()
    }

    fn draft() -> Assessment {
        Assessment::new(
            "a".into(),
            UnitId::new("u"),
            SetRef {
                id: "tt124-khu-dan-cu".into(),
                version: 1,
            },
            2025,
        )
    }

    #[test]
    fn a_locked_assessment_refuses_edits_until_reopened_and_the_reopening_is_recorded() {
        let mut a = draft();
        a.set_answer(
            "kdc-2a",
            Some(Answer::YesNo {
                value: true,
                date: None,
            }),
        )
        .unwrap();
        assert_eq!(
            a.lock("  ", date(11, 10)),
            Err(AssessmentError::NameRequired)
        );
        a.lock("Nguyễn Văn An", date(11, 10)).unwrap();
        assert!(a.status.is_locked());
        assert_eq!(a.set_answer("kdc-2a", None), Err(AssessmentError::Locked));
        a.reopen("Nguyễn Văn An", date(11, 12), "Sửa số liệu")
            .unwrap();
        assert_eq!(a.status, Status::Draft);
        assert_eq!(a.history.len(), 2);
        assert_eq!(a.history[1].from, Stage::SelfAssessed);
        assert_eq!(a.history[1].note, "Sửa số liệu");
        a.set_answer("kdc-2a", None).unwrap();
    }

    #[test]
    fn the_steps_go_in_order() {
        let mut a = draft();
        assert_eq!(a.submit(date(11, 1)), Err(AssessmentError::WrongStep));
        a.lock("An", date(11, 1)).unwrap();
        a.submit(date(11, 2)).unwrap();
        a.decide(true, "15/QĐ-UBND", date(11, 14)).unwrap();
        assert_eq!(a.status.stage(), Stage::Recognised);
        assert_eq!(a.lock("An", date(11, 15)), Err(AssessmentError::WrongStep));
    }

    #[test]
    fn next_year_carries_answers_and_turns_this_years_counts_into_last_years() {
        let mut a = draft();
        a.set_answer("kdc-4a", Some(Answer::trend(4, Some(6))))
            .unwrap();
        a.put_action(Action {
            id: "x".into(),
            criterion: "kdc-4".into(),
            what: "Tuần tra".into(),
            who: String::new(),
            due: None,
            status: ActionStatus::Todo,
        });
        a.lock("An", date(11, 1)).unwrap();
        let next = Assessment::next_year_from(&a, "b".into(), 2026);
        assert_eq!(next.year, 2026);
        assert_eq!(next.status, Status::Draft);
        assert!(next.actions.is_empty());
        assert_eq!(next.answers.get("kdc-4a"), Some(&Answer::trend(4, Some(4))));
    }

    #[test]
    fn only_undone_actions_past_their_date_are_overdue() {
        let action = |status, due| Action {
            id: "x".into(),
            criterion: "c".into(),
            what: "w".into(),
            who: String::new(),
            due,
            status,
        };
        let today = date(6, 1);
        assert!(action(ActionStatus::Todo, Some(date(5, 31))).is_overdue(today));
        assert!(!action(ActionStatus::Done, Some(date(5, 31))).is_overdue(today));
        assert!(!action(ActionStatus::Doing, Some(date(6, 1))).is_overdue(today));
        assert!(!action(ActionStatus::Todo, None).is_overdue(today));
    }
}
