//! The morning check-in's answer "No symptoms last night" (design §3, issue 14): a one-tap
//! record that the person looked back on a night and had no RLS symptoms.
//!
//! It is what makes a symptom-free night without a sleep diary *observed* (design §4): without
//! it, a night with no episode and no diary is "not logged", never a night without symptoms. A
//! "yes" needs no record of its own: symptoms are logged as an episode, which observes the night
//! and carries its peak. One live answer per night (a unique partial index).

use serde::{Deserialize, Serialize};

use crate::error::{JournalError, Result};
use crate::model::meta::RecordMeta;
use crate::time::{check_date, today_local, LocalDate, Moment};

/// What the person answered: no RLS symptoms on the night of `night_of`.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NoSymptomsData {
    /// The night answered for (the evening's date).
    pub night_of: LocalDate,
    /// When the person answered (its offset keeps the local time).
    pub answered_at: Moment,
}

impl NoSymptomsData {
    /// Checks the fields: `answered_at` not in the future, and the night's morning has come
    /// (`night_of` is before the local date of `answered_at`), so an evening cannot be declared
    /// symptom-free before it is over.
    pub fn validated(&self, now: &Moment) -> Result<NoSymptomsData> {
        let answered_at = self.answered_at.checked("answered_at", now.millis())?;
        let night_of = check_date("night_of", self.night_of, now)?;
        if night_of >= today_local(&answered_at) {
            return Err(JournalError::invalid(
                "night_of",
                "has not reached its morning yet: answer for a night once it is over",
            ));
        }
        Ok(NoSymptomsData {
            night_of,
            answered_at,
        })
    }

    /// The answer for last night (the night before the local date of `now`), given at `now`.
    pub fn last_night(now: &Moment) -> NoSymptomsData {
        let today = today_local(now);
        NoSymptomsData {
            night_of: today.pred_opt().unwrap_or(today),
            answered_at: *now,
        }
    }
}

/// A stored "no symptoms" answer.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct NoSymptoms {
    /// The record id (UUID v7).
    pub id: String,
    /// What was answered.
    #[serde(flatten)]
    pub data: NoSymptomsData,
    /// Creation, change and deletion times.
    #[serde(flatten)]
    pub meta: RecordMeta,
}
