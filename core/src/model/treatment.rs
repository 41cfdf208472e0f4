//! Treatments (regimens) and the doses taken of them.

use serde::{Deserialize, Serialize};

use crate::error::{JournalError, Result};
use crate::model::kinds::TreatmentCategory;
use crate::model::meta::RecordMeta;
use crate::model::validate::{
    amount_with_unit, optional_note, positive_amount, required_text, MAX_NAME_CHARS, MAX_NOTE_CHARS,
};
use crate::time::{check_date, LocalDate, Moment};

/// What a person records about a treatment regimen.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TreatmentData {
    /// The name (e.g. `pramipexole`), 1–200 characters.
    pub name: String,
    /// The family it belongs to.
    pub category: TreatmentCategory,
    /// The dose per intake (optional; finite and > 0).
    #[serde(default)]
    pub dose: Option<f64>,
    /// The unit of `dose` (e.g. `mg`); needs a dose.
    #[serde(default)]
    pub dose_unit: Option<String>,
    /// The first day of the regimen.
    pub started_on: LocalDate,
    /// The last day, if it was stopped.
    #[serde(default)]
    pub stopped_on: Option<LocalDate>,
    /// Free note (at most 4,000 characters).
    #[serde(default)]
    pub note: Option<String>,
}

impl TreatmentData {
    /// Checks every field.
    pub fn validated(&self, now: &Moment) -> Result<TreatmentData> {
        let (dose, dose_unit) = amount_with_unit("dose", self.dose, "dose_unit", &self.dose_unit)?;
        let started_on = check_date("started_on", self.started_on, now)?;
        let stopped_on = self
            .stopped_on
            .map(|d| check_date("stopped_on", d, now))
            .transpose()?;
        if let Some(stop) = stopped_on {
            if stop < started_on {
                return Err(JournalError::invalid("stopped_on", "is before started_on"));
            }
        }
        Ok(TreatmentData {
            name: required_text("name", &self.name, MAX_NAME_CHARS)?,
            category: self.category.validated("category")?,
            dose,
            dose_unit,
            started_on,
            stopped_on,
            note: optional_note("note", &self.note, MAX_NOTE_CHARS)?,
        })
    }

    /// Whether the regimen was active on `date`.
    pub fn active_on(&self, date: LocalDate) -> bool {
        self.started_on <= date && self.stopped_on.is_none_or(|stop| date <= stop)
    }
}

/// A stored treatment.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct Treatment {
    /// The record id (UUID v7).
    pub id: String,
    /// What was recorded.
    #[serde(flatten)]
    pub data: TreatmentData,
    /// Creation, change and deletion times.
    #[serde(flatten)]
    pub meta: RecordMeta,
}

/// What a person records about one dose taken.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DoseData {
    /// The treatment this dose is of (its id; must exist and be live).
    pub treatment_id: String,
    /// When it was taken.
    pub at: Moment,
    /// How much, in the treatment's unit (optional; defaults to the regimen's dose).
    #[serde(default)]
    pub amount: Option<f64>,
}

impl DoseData {
    /// Checks every field except that the treatment exists (the store checks that). A treatment
    /// id written another way (upper case, braces) becomes its canonical spelling.
    pub fn validated(&self, now_ms: i64) -> Result<DoseData> {
        let treatment_id = required_text("treatment_id", &self.treatment_id, 64)?;
        Ok(DoseData {
            treatment_id: crate::model::meta::canonical_id(&treatment_id).unwrap_or(treatment_id),
            at: self.at.checked("at", now_ms)?,
            amount: self
                .amount
                .map(|a| positive_amount("amount", a))
                .transpose()?,
        })
    }
}

/// A stored dose.
#[derive(uniffi::Record, Clone, Debug, PartialEq)]
pub struct Dose {
    /// The record id (UUID v7).
    pub id: String,
    /// The night it counts for: the night it falls in by the cutover hour, or the coming night
    /// once that night is over (after its diary's final awakening, or the morning hour).
    pub night: LocalDate,
    /// The treatment's name, for display.
    pub treatment_name: String,
    /// What was recorded.
    pub data: DoseData,
    /// Creation, change and deletion times.
    pub meta: RecordMeta,
}

// JSON: the treatment's name next to its id (the order `cli/README.md` documents), then the
// stamps.
impl Serialize for Dose {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Json<'a> {
            id: &'a str,
            night: LocalDate,
            treatment_id: &'a str,
            treatment_name: &'a str,
            at: &'a Moment,
            amount: Option<f64>,
            #[serde(flatten)]
            meta: &'a RecordMeta,
        }
        Json {
            id: &self.id,
            night: self.night,
            treatment_id: &self.data.treatment_id,
            treatment_name: &self.treatment_name,
            at: &self.data.at,
            amount: self.data.amount,
            meta: &self.meta,
        }
        .serialize(s)
    }
}
