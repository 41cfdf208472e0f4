//! One journal entry of any kind, for generic calls (get by id, history items).

use serde::{Serialize, Serializer};

use crate::model::answer::NoSymptoms;
use crate::model::episode::Episode;
use crate::model::exposure::Exposure;
use crate::model::kinds::EntryKind;
use crate::model::lab::{LabResult, SeverityRating};
use crate::model::safety_check::SafetyCheck;
use crate::model::sleep::SleepDiary;
use crate::model::treatment::{Dose, Treatment};
use crate::model::visit::Visit;

/// A journal entry of any kind, with its full record.
#[derive(uniffi::Enum, Clone, Debug, PartialEq)]
pub enum Entry {
    /// An episode with its relief attempts.
    Episode {
        /// The record.
        episode: Episode,
    },
    /// A sleep diary.
    SleepDiary {
        /// The record.
        diary: SleepDiary,
    },
    /// An exposure.
    Exposure {
        /// The record.
        exposure: Exposure,
    },
    /// A treatment regimen.
    Treatment {
        /// The record.
        treatment: Treatment,
    },
    /// A dose taken.
    Dose {
        /// The record.
        dose: Dose,
    },
    /// A lab result.
    LabResult {
        /// The record.
        lab: LabResult,
    },
    /// An IRLS rating.
    SeverityRating {
        /// The record.
        rating: SeverityRating,
    },
    /// A "no symptoms last night" answer.
    NoSymptoms {
        /// The record.
        answer: NoSymptoms,
    },
    /// A clinician visit.
    Visit {
        /// The record.
        visit: Visit,
    },
    /// A drug-safety check-in.
    SafetyCheck {
        /// The record.
        check: SafetyCheck,
    },
}

// JSON: the record alone (a history item's `record`); its kind is given next to it.
impl Serialize for Entry {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            Entry::Episode { episode } => episode.serialize(s),
            Entry::SleepDiary { diary } => diary.serialize(s),
            Entry::Exposure { exposure } => exposure.serialize(s),
            Entry::Treatment { treatment } => treatment.serialize(s),
            Entry::Dose { dose } => dose.serialize(s),
            Entry::LabResult { lab } => lab.serialize(s),
            Entry::SeverityRating { rating } => rating.serialize(s),
            Entry::NoSymptoms { answer } => answer.serialize(s),
            Entry::Visit { visit } => visit.serialize(s),
            Entry::SafetyCheck { check } => check.serialize(s),
        }
    }
}

impl Entry {
    /// The kind of this entry.
    pub fn kind(&self) -> EntryKind {
        match self {
            Entry::Episode { .. } => EntryKind::Episode,
            Entry::SleepDiary { .. } => EntryKind::SleepDiary,
            Entry::Exposure { .. } => EntryKind::Exposure,
            Entry::Treatment { .. } => EntryKind::Treatment,
            Entry::Dose { .. } => EntryKind::Dose,
            Entry::LabResult { .. } => EntryKind::LabResult,
            Entry::SeverityRating { .. } => EntryKind::SeverityRating,
            Entry::NoSymptoms { .. } => EntryKind::NoSymptoms,
            Entry::Visit { .. } => EntryKind::Visit,
            Entry::SafetyCheck { .. } => EntryKind::SafetyCheck,
        }
    }

    /// The record id.
    pub fn id(&self) -> &str {
        match self {
            Entry::Episode { episode } => &episode.id,
            Entry::SleepDiary { diary } => &diary.id,
            Entry::Exposure { exposure } => &exposure.id,
            Entry::Treatment { treatment } => &treatment.id,
            Entry::Dose { dose } => &dose.id,
            Entry::LabResult { lab } => &lab.id,
            Entry::SeverityRating { rating } => &rating.id,
            Entry::NoSymptoms { answer } => &answer.id,
            Entry::Visit { visit } => &visit.id,
            Entry::SafetyCheck { check } => &check.id,
        }
    }
}
