//! Exposures: possible triggers (caffeine, alcohol, sitting…).

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::model::kinds::ExposureKind;
use crate::model::meta::RecordMeta;
use crate::model::validate::{amount_with_unit, optional_note, MAX_NOTE_CHARS};
use crate::time::{LocalDate, Moment};

/// What a person records about a possible trigger.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExposureData {
    /// When it happened.
    pub at: Moment,
    /// What it was.
    pub kind: ExposureKind,
    /// How much (optional; finite and > 0).
    #[serde(default)]
    pub amount: Option<f64>,
    /// The unit of `amount` (e.g. `cups`, `mg`, `min`); needs an amount.
    #[serde(default)]
    pub unit: Option<String>,
    /// Free note (at most 4,000 characters).
    #[serde(default)]
    pub note: Option<String>,
}

impl ExposureData {
    /// Checks every field.
    pub fn validated(&self, now_ms: i64) -> Result<ExposureData> {
        let (amount, unit) = amount_with_unit("amount", self.amount, "unit", &self.unit)?;
        Ok(ExposureData {
            at: self.at.checked("at", now_ms)?,
            kind: self.kind.validated("kind")?,
            amount,
            unit,
            note: optional_note("note", &self.note, MAX_NOTE_CHARS)?,
        })
    }
}

/// A stored exposure.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct Exposure {
    /// The record id (UUID v7).
    pub id: String,
    /// The night it counts for: the night it falls in by the cutover hour, or the coming night
    /// once that night is over (after its diary's final awakening, or the morning hour).
    pub night: LocalDate,
    /// What was recorded.
    #[serde(flatten)]
    pub data: ExposureData,
    /// Creation, change and deletion times.
    #[serde(flatten)]
    pub meta: RecordMeta,
}
