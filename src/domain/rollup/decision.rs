//! The recognition decision on a received assessment (TT 124 Article 10):
//! the commune's chairman recognises a residential area; the level above
//! recognises the commune, agencies, enterprises and schools, and the
//! commune records what it was told. The decision is the receiver's record,
//! kept beside the unit's own answers, never in them.

use serde::{Deserialize, Serialize};

use crate::domain::calendar::Date;
use crate::domain::criteria::SetRef;
use crate::domain::timeline::{milestones, Step};
use crate::domain::{UnitId, UnitInfo, UnitKind};

/// Who decides a unit's recognition, seen from the commune that receives its file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decider {
    /// The commune's chairman (a residential area, TT 124 Art. 10 cl. 1).
    Receiver,
    /// The level above the commune; the commune records the decision it was told of.
    Above,
}

impl Decider {
    pub fn of(kind: UnitKind) -> Decider {
        if kind == UnitKind::ResidentialArea {
            Decider::Receiver
        } else {
            Decider::Above
        }
    }
}

/// A decision recognising a unit, or refusing it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recognition {
    pub recognised: bool,
    /// The decision's number and symbol ("15/QĐ-UBND").
    pub number: String,
    /// The decision's date, as the officer types it (never today by default).
    pub on: Date,
    /// Who signed it, with their title.
    pub signer: String,
    /// Why recognition was refused (required then), or any remark.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Why a decision was not recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecisionError {
    /// Only an accepted assessment is decided on.
    NotAccepted,
    NumberRequired,
    SignerRequired,
    /// A refusal says why.
    NoteRequired,
}

impl Recognition {
    /// The decision with its texts trimmed, or what is missing.
    pub fn checked(mut self) -> Result<Recognition, DecisionError> {
        self.number = self.number.trim().to_owned();
        self.signer = self.signer.trim().to_owned();
        self.note = self.note.trim().to_owned();
        if self.number.is_empty() {
            return Err(DecisionError::NumberRequired);
        }
        if self.signer.is_empty() {
            return Err(DecisionError::SignerRequired);
        }
        if !self.recognised && self.note.is_empty() {
            return Err(DecisionError::NoteRequired);
        }
        Ok(self)
    }

    /// The timeline's deadline when the decision came on or after it
    /// ("trước 15/11" for a residential area: the 15th is already late).
    pub fn late(&self, kind: UnitKind, year: i32) -> Option<Date> {
        milestones(kind, year)
            .into_iter()
            .find(|m| m.step == Step::Recognition)
            .map(|m| m.date)
            .filter(|deadline| self.on >= *deadline)
    }
}

/// A decision sent back down to the unit it is about, in a decision file:
/// which of its assessments it decides, by the ids the unit's own file gave.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    /// The unit decided on, by the id its own file gave it.
    pub unit: UnitId,
    /// Its assessment, by the id its own file gave it.
    pub assessment: String,
    pub set: SetRef,
    pub year: i32,
    pub decision: Recognition,
    /// The unit that recorded the decision (the commune).
    pub from: UnitInfo,
}

impl Notice {
    /// The notice of `record`'s decision, recorded by `from`; none without
    /// a decision or an assessment.
    pub fn of(record: &super::Received, from: &UnitInfo) -> Option<Notice> {
        let assessment = record.assessment()?;
        Some(Notice {
            unit: assessment.unit().clone(),
            assessment: assessment.id().to_owned(),
            set: assessment.set().clone(),
            year: assessment.year(),
            decision: record.decision.clone()?,
            from: from.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decision(recognised: bool, note: &str) -> Recognition {
        Recognition {
            recognised,
            number: " 15/QĐ-UBND ".into(),
            on: Date::new(2025, 11, 10).unwrap(),
            signer: "Chủ tịch UBND xã".into(),
            note: note.into(),
        }
    }

    #[test]
    fn a_residential_area_is_decided_by_the_commune_and_the_rest_above() {
        assert_eq!(Decider::of(UnitKind::ResidentialArea), Decider::Receiver);
        for kind in [
            UnitKind::Agency,
            UnitKind::Enterprise,
            UnitKind::School,
            UnitKind::Commune,
        ] {
            assert_eq!(Decider::of(kind), Decider::Above);
        }
    }

    #[test]
    fn a_refusal_needs_its_reason_and_every_decision_its_number_and_signer() {
        assert_eq!(
            decision(false, " ").checked(),
            Err(DecisionError::NoteRequired)
        );
        assert_eq!(decision(true, "").checked().unwrap().number, "15/QĐ-UBND");
        let mut unsigned = decision(true, "");
        unsigned.signer = " ".into();
        assert_eq!(unsigned.checked(), Err(DecisionError::SignerRequired));
        let mut unnumbered = decision(true, "");
        unnumbered.number = String::new();
        assert_eq!(unnumbered.checked(), Err(DecisionError::NumberRequired));
    }

    #[test]
    fn a_residential_area_decided_on_the_fifteenth_of_november_is_late() {
        let mut d = decision(true, "");
        assert_eq!(d.late(UnitKind::ResidentialArea, 2025), None);
        d.on = Date::new(2025, 11, 15).unwrap();
        assert_eq!(
            d.late(UnitKind::ResidentialArea, 2025),
            Date::new(2025, 11, 15)
        );
        // An agency's deadline is later: before 20/11.
        assert_eq!(d.late(UnitKind::Agency, 2025), None);
    }
}
