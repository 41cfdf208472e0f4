//! Part 9, iron: the latest ferritin and transferrin saturation (on or before the range's last
//! night) against the AASM 2024 thresholds ([`FERRITIN_THRESHOLD_UG_PER_L`] µg/L (= ng/mL) or
//! less, or transferrin saturation below [`TSAT_THRESHOLD_PERCENT`] %) → "discuss iron therapy
//! with your clinician".
//!
//! Values are compared only in a unit the core recognises; any other unit is reported as such,
//! never guessed.

use rusqlite::Connection;
use serde::Serialize;

use crate::error::Result;
use crate::format::date_text;
use crate::format::number_text;
use crate::model::kinds::Analyte;
use crate::model::lab::LabResultData;
use crate::store::queries;
use crate::summary::notes::{Note, NoteKind};
use crate::time::LocalDate;

/// Ferritin at or below this (µg/L) calls for a talk about iron therapy (AASM 2024).
pub const FERRITIN_THRESHOLD_UG_PER_L: f64 = 75.0;
/// Transferrin saturation below this (percent) calls for a talk about iron therapy (AASM 2024).
pub const TSAT_THRESHOLD_PERCENT: f64 = 20.0;
/// `≤ 75 µg/L`: the ferritin threshold as every sentence states it.
pub fn ferritin_threshold_text() -> String {
    format!("≤ {} µg/L", number_text(FERRITIN_THRESHOLD_UG_PER_L))
}

/// `< 20 %`: the transferrin saturation threshold as every sentence states it.
pub fn saturation_threshold_text() -> String {
    format!("< {} %", number_text(TSAT_THRESHOLD_PERCENT))
}

/// The AASM 2024 rule as the definitions state it.
pub(crate) fn definition_text() -> String {
    format!(
        "Ferritin {} (= ng/mL) or transferrin saturation {} → discuss iron therapy with your \
         clinician. Values in other units are not compared.",
        ferritin_threshold_text(),
        saturation_threshold_text()
    )
}

/// A lab result older than this many days before the range's end is flagged as old.
pub const OLD_LAB_DAYS: i64 = 365;

/// How a lab value stands against its threshold.
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ThresholdCheck {
    /// At or below the ferritin threshold, or below the saturation threshold.
    Low,
    /// Above it (ferritin), or at or above it (saturation).
    NotLow,
    /// The unit is not one the core can compare; nothing is concluded.
    UnitNotRecognised,
}

/// One lab value with its date and threshold check.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct LabReading {
    /// The day the sample was taken.
    pub taken_on: LocalDate,
    /// The value as entered.
    pub value: f64,
    /// The unit as entered.
    pub unit: String,
    /// `45 µg/L`.
    pub value_text: String,
    /// `≤ 75 µg/L`, the AASM 2024 threshold for this analyte.
    pub threshold_text: String,
    /// The check against the threshold.
    pub check: ThresholdCheck,
    /// Whether the sample was taken more than a year before the range's last night.
    pub older_than_a_year: bool,
    /// `Ferritin 45 µg/L on Tue 3 Mar 2026: at or below 75 µg/L.`
    pub text: String,
}

/// Part 9: iron status against the AASM 2024 thresholds.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct IronStatus {
    /// The latest ferritin on or before the range's last night.
    pub ferritin: Option<LabReading>,
    /// The latest transferrin saturation on or before the range's last night.
    pub transferrin_saturation: Option<LabReading>,
    /// Whether either value is low by the thresholds: then "discuss iron therapy with your
    /// clinician".
    pub discuss_iron_therapy: bool,
    /// The advice or finding, one sentence.
    pub text: String,
}

/// Normalises a unit for comparison: lower case, no spaces, micro signs as `u`, `mcg` as `ug`.
fn normalised(unit: &str) -> String {
    unit.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            'µ' | 'μ' => 'u',
            c => c.to_ascii_lowercase(),
        })
        .collect::<String>()
        .replace("mcg", "ug")
}

/// Ferritin in µg/L, if the unit is µg/L or ng/mL (the same quantity).
pub fn ferritin_ug_per_l(value: f64, unit: &str) -> Option<f64> {
    matches!(normalised(unit).as_str(), "ug/l" | "ng/ml").then_some(value)
}

/// Transferrin saturation in percent, if the unit is a percentage.
pub fn saturation_percent(value: f64, unit: &str) -> Option<f64> {
    matches!(normalised(unit).as_str(), "%" | "percent" | "pct").then_some(value)
}

fn reading(lab: &LabResultData, range_last: LocalDate) -> LabReading {
    let (name, comparable, low, threshold_text) = match lab.analyte {
        Analyte::Ferritin => {
            let v = ferritin_ug_per_l(lab.value, &lab.unit);
            (
                "Ferritin",
                v.is_some(),
                v.is_some_and(|v| v <= FERRITIN_THRESHOLD_UG_PER_L),
                ferritin_threshold_text(),
            )
        }
        _ => {
            let v = saturation_percent(lab.value, &lab.unit);
            (
                "Transferrin saturation",
                v.is_some(),
                v.is_some_and(|v| v < TSAT_THRESHOLD_PERCENT),
                saturation_threshold_text(),
            )
        }
    };
    let check = match (comparable, low) {
        (false, _) => ThresholdCheck::UnitNotRecognised,
        (true, true) => ThresholdCheck::Low,
        (true, false) => ThresholdCheck::NotLow,
    };
    let value_text = format!("{} {}", number_text(lab.value), lab.unit);
    let finding = match check {
        ThresholdCheck::Low => format!("low by the AASM 2024 threshold ({threshold_text})"),
        ThresholdCheck::NotLow => format!("not low by the AASM 2024 threshold ({threshold_text})"),
        ThresholdCheck::UnitNotRecognised => format!(
            "the unit {:?} is not one the app can compare with the threshold ({threshold_text}); \
             ask your clinician",
            lab.unit
        ),
    };
    let older = (range_last - lab.taken_on).num_days() > OLD_LAB_DAYS;
    LabReading {
        taken_on: lab.taken_on,
        value: lab.value,
        unit: lab.unit.clone(),
        value_text: value_text.clone(),
        threshold_text: threshold_text.clone(),
        check,
        older_than_a_year: older,
        text: format!(
            "{name} {value_text} on {}: {finding}.",
            date_text(lab.taken_on)
        ),
    }
}

/// The latest result of `analyte` taken on or before `last`. A damaged one is passed over
/// (history and the night view list it as damaged).
fn latest(conn: &Connection, analyte: &str, last: LocalDate) -> Result<Option<LabResultData>> {
    queries::latest_lab(conn, analyte, last, |data| serde_json::from_str(data).ok())
}

/// Builds part 9.
pub(crate) fn build(
    conn: &Connection,
    last: LocalDate,
    notes: &mut Vec<Note>,
) -> Result<IronStatus> {
    let ferritin = latest(conn, Analyte::Ferritin.code(), last)?.map(|l| reading(&l, last));
    let tsat =
        latest(conn, Analyte::TransferrinSaturation.code(), last)?.map(|l| reading(&l, last));
    for r in ferritin.iter().chain(tsat.iter()) {
        if r.check == ThresholdCheck::UnitNotRecognised {
            notes.push(Note::new(NoteKind::LabResult, "iron", r.text.clone()));
        }
        if r.older_than_a_year {
            notes.push(Note::new(
                NoteKind::LabResult,
                "iron",
                format!(
                    "The latest result ({}) is more than a year old; a new test may be due.",
                    r.text.trim_end_matches('.')
                ),
            ));
        }
    }
    let low = |r: &Option<LabReading>| r.as_ref().is_some_and(|r| r.check == ThresholdCheck::Low);
    let discuss = low(&ferritin) || low(&tsat);
    let thresholds = format!(
        "ferritin {} or transferrin saturation {}",
        ferritin_threshold_text(),
        saturation_threshold_text()
    );
    let text = if discuss {
        format!("Discuss iron therapy with your clinician (AASM 2024: {thresholds}).")
    } else if ferritin.is_none() && tsat.is_none() {
        "No ferritin or transferrin saturation recorded; iron studies are recommended for \
         everyone with RLS (AASM 2024)."
            .to_string()
    } else if [&ferritin, &tsat].iter().any(|r| {
        r.as_ref()
            .is_some_and(|r| r.check == ThresholdCheck::UnitNotRecognised)
    }) {
        "An iron result has a unit the app cannot compare; ask your clinician how it stands \
         against the AASM 2024 thresholds."
            .to_string()
    } else {
        let mut t = format!(
            "Neither iron value is low by the AASM 2024 thresholds for iron therapy ({thresholds})"
        );
        if ferritin.is_none() {
            t.push_str("; no ferritin recorded");
        }
        if tsat.is_none() {
            t.push_str("; no transferrin saturation recorded");
        }
        format!("{t}.")
    };
    Ok(IronStatus {
        ferritin,
        transferrin_saturation: tsat,
        discuss_iron_therapy: discuss,
        text,
    })
}
