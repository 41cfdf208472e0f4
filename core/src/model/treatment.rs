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
    /// How many intakes a day at the starting dose, if known (1–24; needs a dose).
    #[serde(default)]
    #[uniffi(default)]
    pub times_per_day: Option<i32>,
    /// Each later change of the dose, oldest first: `dose` is the starting dose (absent in
    /// backups and databases written before it existed: no change recorded).
    #[serde(default)]
    #[uniffi(default)]
    pub dose_changes: Vec<DoseChange>,
}

/// The most intakes a day a regimen (or one of its dose steps) may name.
pub const MAX_TIMES_PER_DAY: i32 = 24;
/// The most dose changes one regimen may hold.
pub const MAX_DOSE_CHANGES: usize = 500;

/// A change of a regimen's dose from a day on (a step of its dose timeline).
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DoseChange {
    /// The first day at the new dose: after the regimen's start, not after its stop.
    pub from: LocalDate,
    /// The new dose per intake, in the regimen's unit (finite and > 0).
    pub dose: f64,
    /// How many intakes a day from then on, if known (1–24).
    #[serde(default)]
    #[uniffi(default)]
    pub times_per_day: Option<i32>,
}

/// The dose in effect on a day: per intake, and how many intakes a day if known.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DoseInEffect {
    /// The dose per intake.
    pub dose: f64,
    /// Intakes a day, if known.
    pub times_per_day: Option<i32>,
}

impl DoseInEffect {
    /// The total daily dose when the intakes a day are known: dose × times per day.
    pub fn daily_total(&self) -> Option<f64> {
        self.times_per_day.map(|n| self.dose * f64::from(n))
    }
}

fn times_per_day(field: &str, value: Option<i32>) -> Result<Option<i32>> {
    match value {
        Some(n) if !(1..=MAX_TIMES_PER_DAY).contains(&n) => Err(JournalError::invalid(
            field,
            format!("must be between 1 and {MAX_TIMES_PER_DAY}"),
        )),
        other => Ok(other),
    }
}

/// Checks the dose steps against the regimen: each after the start (the start has the starting
/// dose), none after the stop, strictly ascending, each dose finite and > 0.
fn dose_changes(
    changes: &[DoseChange],
    dose: Option<f64>,
    started_on: LocalDate,
    stopped_on: Option<LocalDate>,
    now: &Moment,
) -> Result<Vec<DoseChange>> {
    if changes.is_empty() {
        return Ok(Vec::new());
    }
    if dose.is_none() {
        return Err(JournalError::invalid(
            "dose_changes",
            "need a starting dose (dose)",
        ));
    }
    if changes.len() > MAX_DOSE_CHANGES {
        return Err(JournalError::invalid(
            "dose_changes",
            format!("at most {MAX_DOSE_CHANGES} changes"),
        ));
    }
    let mut checked: Vec<DoseChange> = Vec::with_capacity(changes.len());
    for (i, change) in changes.iter().enumerate() {
        let from = check_date(&format!("dose_changes[{i}].from"), change.from, now)?;
        if from <= started_on {
            return Err(JournalError::invalid(
                format!("dose_changes[{i}].from"),
                "must be after started_on (the starting dose is dose)",
            ));
        }
        if stopped_on.is_some_and(|stop| from > stop) {
            return Err(JournalError::invalid(
                format!("dose_changes[{i}].from"),
                "is after stopped_on",
            ));
        }
        if checked.last().is_some_and(|prev| from <= prev.from) {
            return Err(JournalError::invalid(
                format!("dose_changes[{i}].from"),
                "must be after the previous change's date",
            ));
        }
        checked.push(DoseChange {
            from,
            dose: positive_amount(&format!("dose_changes[{i}].dose"), change.dose)?,
            times_per_day: times_per_day(
                &format!("dose_changes[{i}].times_per_day"),
                change.times_per_day,
            )?,
        });
    }
    Ok(checked)
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
        let times = times_per_day("times_per_day", self.times_per_day)?;
        if times.is_some() && dose.is_none() {
            return Err(JournalError::invalid("times_per_day", "needs a dose"));
        }
        let dose_changes = dose_changes(&self.dose_changes, dose, started_on, stopped_on, now)?;
        Ok(TreatmentData {
            name: required_text("name", &self.name, MAX_NAME_CHARS)?,
            category: self.category.validated("category")?,
            dose,
            dose_unit,
            started_on,
            stopped_on,
            note: optional_note("note", &self.note, MAX_NOTE_CHARS)?,
            times_per_day: times,
            dose_changes,
        })
    }

    /// The dose in effect on `date`: the last change from that day or earlier, else the
    /// starting dose; `None` without a recorded dose or outside the regimen.
    pub fn dose_on(&self, date: LocalDate) -> Option<DoseInEffect> {
        if !self.active_on(date) {
            return None;
        }
        let start = self.dose.map(|dose| DoseInEffect {
            dose,
            times_per_day: self.times_per_day,
        });
        self.dose_changes
            .iter()
            .rev()
            .find(|c| c.from <= date)
            .map(|c| DoseInEffect {
                dose: c.dose,
                times_per_day: c.times_per_day,
            })
            .or(start)
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
    /// How much, in the treatment's unit (optional; defaults to the regimen's dose in effect
    /// that day, see [`TreatmentData::dose_on`]).
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
