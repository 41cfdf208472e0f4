//! Lab results (ferritin, transferrin saturation…) and IRLS severity ratings.

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::model::kinds::Analyte;
use crate::model::meta::RecordMeta;
use crate::model::validate::{
    in_range, optional_note, positive_amount, required_text, MAX_NAME_CHARS, MAX_NOTE_CHARS,
};
use crate::time::{check_date, LocalDate, Moment};

/// What a person records about a lab result.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LabResultData {
    /// The day the sample was taken.
    pub taken_on: LocalDate,
    /// What was measured.
    pub analyte: Analyte,
    /// The value (finite and > 0).
    pub value: f64,
    /// The unit as on the lab report (e.g. `µg/L`, `%`), required.
    pub unit: String,
    /// Free note (at most 4,000 characters).
    #[serde(default)]
    pub note: Option<String>,
}

impl LabResultData {
    /// Checks every field.
    pub fn validated(&self, now: &Moment) -> Result<LabResultData> {
        Ok(LabResultData {
            taken_on: check_date("taken_on", self.taken_on, now)?,
            analyte: self.analyte.validated("analyte")?,
            value: positive_amount("value", self.value)?,
            unit: required_text("unit", &self.unit, MAX_NAME_CHARS)?,
            note: optional_note("note", &self.note, MAX_NOTE_CHARS)?,
        })
    }
}

/// A stored lab result.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct LabResult {
    /// The record id (UUID v7).
    pub id: String,
    /// What was recorded.
    #[serde(flatten)]
    pub data: LabResultData,
    /// Creation, change and deletion times.
    #[serde(flatten)]
    pub meta: RecordMeta,
}

/// What a person records about an IRLS severity rating. The questionnaire is licensed, so the
/// person enters the total from their clinician's form; the app does not ship the items.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SeverityRatingData {
    /// The day of the rating.
    pub rated_on: LocalDate,
    /// The IRLS total, 0–40.
    pub irls_total: i32,
    /// Free note (at most 4,000 characters).
    #[serde(default)]
    pub note: Option<String>,
}

impl SeverityRatingData {
    /// Checks every field.
    pub fn validated(&self, now: &Moment) -> Result<SeverityRatingData> {
        Ok(SeverityRatingData {
            rated_on: check_date("rated_on", self.rated_on, now)?,
            irls_total: in_range("irls_total", self.irls_total, 0, IRLS_MAX_TOTAL)?,
            note: optional_note("note", &self.note, MAX_NOTE_CHARS)?,
        })
    }
}

/// A stored IRLS rating.
#[derive(uniffi::Record, Clone, Debug, PartialEq)]
pub struct SeverityRating {
    /// The record id (UUID v7).
    pub id: String,
    /// What was recorded.
    pub data: SeverityRatingData,
    /// Creation, change and deletion times.
    pub meta: RecordMeta,
}

// JSON: the IRLS band (`irls_band`) follows the total, as `cli/README.md` documents.
impl Serialize for SeverityRating {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Json<'a> {
            id: &'a str,
            rated_on: LocalDate,
            irls_total: i32,
            band: &'static str,
            note: &'a Option<String>,
            #[serde(flatten)]
            meta: &'a RecordMeta,
        }
        Json {
            id: &self.id,
            rated_on: self.data.rated_on,
            irls_total: self.data.irls_total,
            band: irls_band(self.data.irls_total),
            note: &self.data.note,
            meta: &self.meta,
        }
        .serialize(s)
    }
}

/// The highest IRLS total (10 items scored 0–4).
pub const IRLS_MAX_TOTAL: i32 = 40;

/// The IRLS severity bands, each with its lowest and highest total: the one table the band of a
/// total, its label and every sentence that states the bands are taken from.
pub const IRLS_BANDS: [(IrlsBand, i32, i32); 5] = [
    (IrlsBand::NoSymptoms, 0, 0),
    (IrlsBand::Mild, 1, 10),
    (IrlsBand::Moderate, 11, 20),
    (IrlsBand::Severe, 21, 30),
    (IrlsBand::VerySevere, 31, IRLS_MAX_TOTAL),
];

/// The IRLS severity bands (see [`IRLS_BANDS`] for their totals).
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IrlsBand {
    /// 0: no symptoms.
    NoSymptoms,
    /// 1–10.
    Mild,
    /// 11–20.
    Moderate,
    /// 21–30.
    Severe,
    /// 31–40.
    VerySevere,
}

impl IrlsBand {
    /// The band of an IRLS total (a total above 40 counts as very severe).
    pub fn of(total: i32) -> IrlsBand {
        IRLS_BANDS
            .iter()
            .find(|(_, low, high)| (*low..=*high).contains(&total))
            .map_or(IrlsBand::VerySevere, |(band, _, _)| *band)
    }

    /// `none`, `mild`, `moderate`, `severe`, `very severe`.
    pub fn label(self) -> &'static str {
        match self {
            IrlsBand::NoSymptoms => "none",
            IrlsBand::Mild => "mild",
            IrlsBand::Moderate => "moderate",
            IrlsBand::Severe => "severe",
            IrlsBand::VerySevere => "very severe",
        }
    }
}

/// The IRLS severity band of a total as a word (`moderate`).
pub fn irls_band(total: i32) -> &'static str {
    IrlsBand::of(total).label()
}

/// Every band with its totals: `0 none, 1–10 mild, 11–20 moderate, 21–30 severe, 31–40 very
/// severe`.
pub fn irls_bands_text() -> String {
    IRLS_BANDS
        .iter()
        .map(|(band, low, high)| {
            if low == high {
                format!("{low} {}", band.label())
            } else {
                format!("{low}–{high} {}", band.label())
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_cover_every_total_once_in_order() {
        let mut next = 0i32;
        for (_, low, high) in IRLS_BANDS {
            assert_eq!(low, next);
            assert!(high >= low);
            next = high + 1;
        }
        assert_eq!(next, IRLS_MAX_TOTAL + 1);
        assert_eq!(IrlsBand::of(0), IrlsBand::NoSymptoms);
        assert_eq!(IrlsBand::of(10), IrlsBand::Mild);
        assert_eq!(IrlsBand::of(11), IrlsBand::Moderate);
        assert_eq!(IrlsBand::of(30), IrlsBand::Severe);
        assert_eq!(IrlsBand::of(31), IrlsBand::VerySevere);
        assert_eq!(irls_band(40), "very severe");
        assert_eq!(
            irls_bands_text(),
            "0 none, 1–10 mild, 11–20 moderate, 21–30 severe, 31–40 very severe"
        );
    }
}
