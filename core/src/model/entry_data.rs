//! What a form records, for any kind of entry: the argument of the one generic save call
//! (`Journal::save_entry`, issue 16), so the apps do not dispatch add/edit per kind by hand.

use crate::model::answer::NoSymptomsData;
use crate::model::episode::EpisodeData;
use crate::model::exposure::ExposureData;
use crate::model::kinds::EntryKind;
use crate::model::lab::{LabResultData, SeverityRatingData};
use crate::model::safety_check::SafetyCheckData;
use crate::model::sleep::SleepDiaryData;
use crate::model::treatment::{DoseData, TreatmentData};
use crate::model::visit::VisitData;

/// The data of an entry of any kind, as a form fills it in.
#[derive(uniffi::Enum, Clone, Debug, PartialEq)]
pub enum EntryData {
    /// A complete (possibly backdated) episode.
    Episode {
        /// What was recorded.
        data: EpisodeData,
    },
    /// A morning sleep diary.
    SleepDiary {
        /// What was recorded.
        data: SleepDiaryData,
    },
    /// An exposure (a possible trigger).
    Exposure {
        /// What was recorded.
        data: ExposureData,
    },
    /// A treatment regimen.
    Treatment {
        /// What was recorded.
        data: TreatmentData,
    },
    /// A dose taken.
    Dose {
        /// What was recorded.
        data: DoseData,
    },
    /// A lab result.
    LabResult {
        /// What was recorded.
        data: LabResultData,
    },
    /// An IRLS rating.
    SeverityRating {
        /// What was recorded.
        data: SeverityRatingData,
    },
    /// A "no symptoms" answer for a night.
    NoSymptoms {
        /// What was recorded.
        data: NoSymptomsData,
    },
    /// A clinician visit, past or planned, with the person's question for it.
    Visit {
        /// What was recorded.
        data: VisitData,
    },
    /// A drug-safety check-in.
    SafetyCheck {
        /// What was answered.
        data: SafetyCheckData,
    },
}

impl EntryData {
    /// The kind of entry this data saves as.
    pub fn kind(&self) -> EntryKind {
        match self {
            EntryData::Episode { .. } => EntryKind::Episode,
            EntryData::SleepDiary { .. } => EntryKind::SleepDiary,
            EntryData::Exposure { .. } => EntryKind::Exposure,
            EntryData::Treatment { .. } => EntryKind::Treatment,
            EntryData::Dose { .. } => EntryKind::Dose,
            EntryData::LabResult { .. } => EntryKind::LabResult,
            EntryData::SeverityRating { .. } => EntryKind::SeverityRating,
            EntryData::NoSymptoms { .. } => EntryKind::NoSymptoms,
            EntryData::Visit { .. } => EntryKind::Visit,
            EntryData::SafetyCheck { .. } => EntryKind::SafetyCheck,
        }
    }
}
