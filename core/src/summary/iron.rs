//! Part 9, iron, as the AASM 2024 guideline says it (Winkelman et al., J Clin Sleep Med
//! 2025;21(1):137–152): the latest ferritin and transferrin saturation (on or before the
//! range's last night) placed in one of three states: ferritin [`FERRITIN_THRESHOLD_UG_PER_L`]
//! µg/L (= ng/mL) or less, or transferrin saturation below [`TSAT_THRESHOLD_PERCENT`] % → oral
//! or IV iron to discuss; ferritin above that and at most [`FERRITIN_IV_THRESHOLD_UG_PER_L`]
//! µg/L → IV iron may be considered; above → neither. With them: the drawing conditions the
//! guideline asks for, the latest CRP (ferritin rises with inflammation), and the iron trend
//! (every ferritin and saturation value with the dates of any IV iron).
//!
//! Values are compared only in a unit the core recognises; any other unit is reported as such,
//! never guessed.

use rusqlite::Connection;
use serde::Serialize;

use crate::error::Result;
use crate::format::{date_text, day_month_year, number_text, plural};
use crate::model::entry::Entry;
use crate::model::kinds::{Analyte, TreatmentCategory};
use crate::model::lab::LabResultData;
use crate::model::treatment::Treatment;
use crate::store::queries::{self, LabRow};
use crate::store::records;
use crate::summary::notes::{Note, NoteKind};
use crate::summary::stats::count;
use crate::time::LocalDate;

/// Ferritin at or below this (µg/L) or a low saturation: oral or IV iron to discuss (AASM 2024).
pub const FERRITIN_THRESHOLD_UG_PER_L: f64 = 75.0;
/// Ferritin above [`FERRITIN_THRESHOLD_UG_PER_L`] and at most this (µg/L): IV iron may be
/// considered (AASM 2024); above it, neither.
pub const FERRITIN_IV_THRESHOLD_UG_PER_L: f64 = 100.0;
/// Transferrin saturation below this (percent): oral or IV iron to discuss (AASM 2024).
pub const TSAT_THRESHOLD_PERCENT: f64 = 20.0;
/// Hours without iron-containing supplements or food before iron studies are drawn (AASM 2024).
pub const DRAWING_NO_IRON_HOURS: u32 = 24;

/// `≤ 75 µg/L`: the ferritin threshold for oral or IV iron as every sentence states it.
pub fn ferritin_threshold_text() -> String {
    format!("≤ {} µg/L", number_text(FERRITIN_THRESHOLD_UG_PER_L))
}

/// `≤ 100 µg/L`: the ferritin threshold for IV iron as every sentence states it.
pub fn ferritin_iv_threshold_text() -> String {
    format!("≤ {} µg/L", number_text(FERRITIN_IV_THRESHOLD_UG_PER_L))
}

/// `> 75 and ≤ 100 µg/L`: the ferritin range where IV iron may be considered.
pub fn ferritin_iv_range_text() -> String {
    format!(
        "> {} and {}",
        number_text(FERRITIN_THRESHOLD_UG_PER_L),
        ferritin_iv_threshold_text()
    )
}

/// `< 20 %`: the transferrin saturation threshold as every sentence states it.
pub fn saturation_threshold_text() -> String {
    format!("< {} %", number_text(TSAT_THRESHOLD_PERCENT))
}

/// The drawing conditions the guideline asks for, one sentence.
pub fn drawing_conditions_text() -> String {
    format!(
        "AASM 2024 reads iron studies drawn in the morning, with no iron-containing supplements \
         or food for {DRAWING_NO_IRON_HOURS} h before."
    )
}

/// The sentence that says why CRP is shown beside ferritin.
pub const INFLAMMATION_TEXT: &str = "ferritin rises with inflammation, so it reads higher when \
     CRP is raised";

/// The AASM 2024 rule as the definitions state it.
pub(crate) fn definition_text() -> String {
    format!(
        "Ferritin {} (= ng/mL) or transferrin saturation {} → oral or IV iron to discuss with \
         your clinician; ferritin {} with saturation not low → IV iron may be considered; \
         ferritin > {} µg/L with saturation not low → neither. {} The latest CRP is shown \
         beside ferritin because {INFLAMMATION_TEXT}. Values in other units are not compared \
         (Winkelman et al., J Clin Sleep Med 2025).",
        ferritin_threshold_text(),
        saturation_threshold_text(),
        ferritin_iv_range_text(),
        number_text(FERRITIN_IV_THRESHOLD_UG_PER_L),
        drawing_conditions_text()
    )
}

/// A lab result older than this many days before the range's end is flagged as old.
pub const OLD_LAB_DAYS: i64 = 365;

/// How a lab value stands against the AASM 2024 thresholds.
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ThresholdCheck {
    /// At or below the ferritin threshold (75 µg/L), or below the saturation threshold (20 %):
    /// oral or IV iron to discuss.
    Low,
    /// Ferritin above 75 and at most 100 µg/L: IV iron may be considered.
    IvIronRange,
    /// Above them (ferritin above 100 µg/L), or at or above the saturation threshold.
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
    /// The AASM 2024 threshold the check turned on: `≤ 75 µg/L` for a low ferritin (or one in
    /// a unit not compared), `≤ 100 µg/L` for any other ferritin, `< 20 %` for saturation.
    pub threshold_text: String,
    /// The check against the thresholds.
    pub check: ThresholdCheck,
    /// Whether the sample was taken more than a year before the range's last night.
    pub older_than_a_year: bool,
    /// `Ferritin 45 µg/L on Tue 3 Mar 2026: low by the AASM 2024 threshold (≤ 75 µg/L).`
    pub text: String,
}

/// Where the latest iron values place the person among the AASM 2024 states.
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IronBand {
    /// Ferritin ≤ 75 µg/L or saturation < 20 %: oral or IV iron to discuss.
    OralOrIvIron,
    /// Ferritin > 75 and ≤ 100 µg/L, saturation not low: IV iron may be considered.
    IvIronMayBeConsidered,
    /// Ferritin above 100 µg/L and saturation ≥ 20 %: neither.
    Neither,
    /// Not enough comparable values to place (none recorded, one missing, or a unit the core
    /// cannot compare) and nothing low.
    Incomplete,
}

/// The latest CRP, read beside ferritin.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct CrpReading {
    /// The day the sample was taken.
    pub taken_on: LocalDate,
    /// The value as entered.
    pub value: f64,
    /// The unit as entered (mg/L on most reports).
    pub unit: String,
    /// `12 mg/L`.
    pub value_text: String,
    /// Days from this CRP to the latest ferritin (positive: the CRP was taken before it);
    /// `None` without a ferritin.
    pub days_before_ferritin: Option<i64>,
    /// CRP results on or before the range's last night (this one included).
    pub results: u32,
}

/// One ferritin or transferrin saturation value of the iron trend.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct IronTrendPoint {
    /// The day the sample was taken.
    pub taken_on: LocalDate,
    /// Ferritin or transferrin saturation.
    pub analyte: Analyte,
    /// The value as entered.
    pub value: f64,
    /// `45 µg/L`.
    pub value_text: String,
    /// The check against the AASM 2024 thresholds.
    pub check: ThresholdCheck,
}

/// One IV iron date of the iron trend: a dose of an IV iron treatment, or the start of one
/// with no dose recorded.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct IvIronDate {
    /// The day (of the dose, else the regimen's start).
    pub on: LocalDate,
    /// The treatment's id.
    pub treatment_id: String,
    /// The treatment's name.
    pub name: String,
    /// `1000 mg`: the dose's amount, else the regimen's dose, if recorded.
    pub dose_text: Option<String>,
}

/// Part 9: iron status against the AASM 2024 thresholds, the CRP beside it and the iron trend.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct IronStatus {
    /// The latest ferritin on or before the range's last night.
    pub ferritin: Option<LabReading>,
    /// The latest transferrin saturation on or before the range's last night.
    pub transferrin_saturation: Option<LabReading>,
    /// Which of the AASM 2024 states the latest values fall in.
    pub band: IronBand,
    /// Whether the band is oral or IV iron, or IV iron may be considered: then "discuss iron
    /// therapy with your clinician".
    pub discuss_iron_therapy: bool,
    /// The finding, one sentence.
    pub text: String,
    /// The drawing conditions the guideline asks for (morning, no iron for 24 h).
    pub drawing_conditions_text: String,
    /// The latest CRP on or before the range's last night.
    pub crp: Option<CrpReading>,
    /// The CRP beside the ferritin, with dates, and why; `None` when neither is recorded.
    pub crp_text: Option<String>,
    /// Every ferritin and transferrin saturation on or before the range's last night, oldest
    /// first (ferritin before saturation on the same day).
    pub trend: Vec<IronTrendPoint>,
    /// Every IV iron date on or before the range's last night, oldest first.
    pub iv_iron: Vec<IvIronDate>,
    /// `Ferritin: 38 µg/L (5 Oct 2025), 120 µg/L (2 Feb 2026). TSAT: … IV iron: 20 Oct 2025
    /// (ferric carboxymaltose 1000 mg).`; `None` when there is nothing to trend.
    pub trend_text: Option<String>,
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

/// The check of a ferritin (µg/L) against both thresholds: `≤ 75` low, `> 75 and ≤ 100` the IV
/// range, above not low.
pub fn ferritin_check(value: f64, unit: &str) -> ThresholdCheck {
    match ferritin_ug_per_l(value, unit) {
        None => ThresholdCheck::UnitNotRecognised,
        Some(v) if v <= FERRITIN_THRESHOLD_UG_PER_L => ThresholdCheck::Low,
        Some(v) if v <= FERRITIN_IV_THRESHOLD_UG_PER_L => ThresholdCheck::IvIronRange,
        Some(_) => ThresholdCheck::NotLow,
    }
}

/// The check of a transferrin saturation (%): below 20 low, else not low.
pub fn saturation_check(value: f64, unit: &str) -> ThresholdCheck {
    match saturation_percent(value, unit) {
        None => ThresholdCheck::UnitNotRecognised,
        Some(v) if v < TSAT_THRESHOLD_PERCENT => ThresholdCheck::Low,
        Some(_) => ThresholdCheck::NotLow,
    }
}

fn check_of(analyte: &Analyte, value: f64, unit: &str) -> ThresholdCheck {
    match analyte {
        Analyte::Ferritin => ferritin_check(value, unit),
        _ => saturation_check(value, unit),
    }
}

fn value_text(value: f64, unit: &str) -> String {
    format!("{} {unit}", number_text(value))
}

fn reading(lab: &LabResultData, range_last: LocalDate) -> LabReading {
    let check = check_of(&lab.analyte, lab.value, &lab.unit);
    let (name, threshold_text) = match lab.analyte {
        Analyte::Ferritin => (
            "Ferritin",
            match check {
                ThresholdCheck::IvIronRange | ThresholdCheck::NotLow => {
                    ferritin_iv_threshold_text()
                }
                _ => ferritin_threshold_text(),
            },
        ),
        _ => ("Transferrin saturation", saturation_threshold_text()),
    };
    let value_text = value_text(lab.value, &lab.unit);
    let finding = match check {
        ThresholdCheck::Low => format!("low by the AASM 2024 threshold ({threshold_text})"),
        ThresholdCheck::IvIronRange => format!(
            "in the AASM 2024 range where IV iron may be considered ({})",
            ferritin_iv_range_text()
        ),
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
        threshold_text,
        check,
        older_than_a_year: older,
        text: format!(
            "{name} {value_text} on {}: {finding}.",
            date_text(lab.taken_on)
        ),
    }
}

/// The band of the latest values (hand-checked in `tests/summary_iron.rs`): anything low first,
/// then the ferritin IV range, then neither only when both values are known and compared.
pub fn band_of(ferritin: Option<ThresholdCheck>, saturation: Option<ThresholdCheck>) -> IronBand {
    use ThresholdCheck::*;
    if ferritin == Some(Low) || saturation == Some(Low) {
        IronBand::OralOrIvIron
    } else if ferritin == Some(IvIronRange) {
        IronBand::IvIronMayBeConsidered
    } else if ferritin == Some(NotLow) && saturation == Some(NotLow) {
        IronBand::Neither
    } else {
        IronBand::Incomplete
    }
}

/// Every live lab result of the journal, each decoded once (damaged ones are `None`: passed
/// over here, listed by history and the night view), in history order.
struct Labs {
    rows: Vec<(LabRow, Option<LabResultData>)>,
}

impl Labs {
    fn read(conn: &Connection) -> Result<Labs> {
        Ok(Labs {
            rows: queries::lab_rows(conn)?
                .into_iter()
                .map(|row| {
                    let data = serde_json::from_str(&row.data).ok();
                    (row, data)
                })
                .collect(),
        })
    }

    /// The latest result of `analyte` taken on or before `last`: the latest day, then the
    /// latest entered, then the highest id.
    fn latest(&self, analyte: &Analyte, last: LocalDate) -> Option<LabResultData> {
        self.rows
            .iter()
            .filter(|(row, _)| queries::lab_taken_by(row.sort_ms, last))
            .filter_map(|(row, data)| data.as_ref().map(|d| (row, d)))
            .filter(|(_, d)| &d.analyte == analyte)
            .max_by(|(a, _), (b, _)| {
                (a.sort_ms, a.created_ms, &a.id).cmp(&(b.sort_ms, b.created_ms, &b.id))
            })
            .map(|(_, d)| d.clone())
    }

    /// Every result taken on or before `last`, oldest first.
    fn up_to(&self, last: LocalDate) -> Vec<LabResultData> {
        let mut labs: Vec<LabResultData> = self
            .rows
            .iter()
            .filter_map(|(_, data)| data.as_ref())
            .filter(|d| d.taken_on <= last)
            .cloned()
            .collect();
        labs.sort_by_key(|l| l.taken_on);
        labs
    }
}

/// The trend points: every ferritin and saturation of `labs`, oldest first, ferritin first on
/// the same day.
fn trend_points(labs: &[LabResultData]) -> Vec<IronTrendPoint> {
    let mut points: Vec<IronTrendPoint> = labs
        .iter()
        .filter(|l| {
            matches!(
                l.analyte,
                Analyte::Ferritin | Analyte::TransferrinSaturation
            )
        })
        .map(|l| IronTrendPoint {
            taken_on: l.taken_on,
            analyte: l.analyte.clone(),
            value: l.value,
            value_text: value_text(l.value, &l.unit),
            check: check_of(&l.analyte, l.value, &l.unit),
        })
        .collect();
    points.sort_by_key(|p| (p.taken_on, p.analyte != Analyte::Ferritin));
    points
}

fn dose_text(amount: Option<f64>, unit: &Option<String>) -> Option<String> {
    amount.map(|a| match unit {
        Some(u) => value_text(a, u),
        None => number_text(a),
    })
}

/// The IV iron dates on or before `last`: each dose of an IV iron treatment, or the start of
/// one with no dose recorded; oldest first.
fn iv_iron_dates(
    conn: &Connection,
    treatments: &[Treatment],
    last: LocalDate,
) -> Result<Vec<IvIronDate>> {
    let mut dates = Vec::new();
    for t in treatments
        .iter()
        .filter(|t| t.data.category == TreatmentCategory::IvIron && t.data.started_on <= last)
    {
        let rows = queries::doses_of(conn, &t.id)?;
        let doses: Vec<IvIronDate> = records::entries_from(conn, &rows)?
            .entries
            .into_iter()
            .filter_map(|e| match e {
                Entry::Dose { dose } => Some(IvIronDate {
                    on: dose.data.at.local().date(),
                    treatment_id: t.id.clone(),
                    name: t.data.name.clone(),
                    dose_text: dose_text(dose.data.amount.or(t.data.dose), &t.data.dose_unit),
                }),
                _ => None,
            })
            .filter(|d| d.on <= last)
            .collect();
        if doses.is_empty() {
            dates.push(IvIronDate {
                on: t.data.started_on,
                treatment_id: t.id.clone(),
                name: t.data.name.clone(),
                dose_text: dose_text(t.data.dose, &t.data.dose_unit),
            });
        } else {
            dates.extend(doses);
        }
    }
    dates.sort_by_key(|d| d.on);
    Ok(dates)
}

/// `Ferritin: 38 µg/L (5 Oct 2025), 52 µg/L (2 Feb 2026). TSAT: 18 % (5 Oct 2025). IV iron:
/// 20 Oct 2025 (ferric carboxymaltose 1000 mg).`
fn trend_text(trend: &[IronTrendPoint], iv: &[IvIronDate]) -> Option<String> {
    let mut parts = Vec::new();
    for (analyte, name) in [
        (Analyte::Ferritin, "Ferritin"),
        (Analyte::TransferrinSaturation, "TSAT"),
    ] {
        let values: Vec<String> = trend
            .iter()
            .filter(|p| p.analyte == analyte)
            .map(|p| format!("{} ({})", p.value_text, day_month_year(p.taken_on)))
            .collect();
        if !values.is_empty() {
            parts.push(format!("{name}: {}.", values.join(", ")));
        }
    }
    if !iv.is_empty() {
        let dates: Vec<String> = iv
            .iter()
            .map(|d| match &d.dose_text {
                Some(dose) => format!("{} ({} {dose})", day_month_year(d.on), d.name),
                None => format!("{} ({})", day_month_year(d.on), d.name),
            })
            .collect();
        parts.push(format!("IV iron: {}.", dates.join(", ")));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// The CRP sentence: the latest CRP with its date and its distance from the latest ferritin,
/// and why it is read beside it.
fn crp_text(crp: &Option<CrpReading>, ferritin: &Option<LabReading>) -> Option<String> {
    match (crp, ferritin) {
        (None, None) => None,
        (None, Some(_)) => Some(format!(
            "No CRP recorded: {INFLAMMATION_TEXT}, and a CRP drawn with it helps read it."
        )),
        (Some(c), f) => {
            let when = match (c.days_before_ferritin, f) {
                (Some(0), Some(_)) => ", the same day as the ferritin".to_string(),
                (Some(d), Some(f)) => format!(
                    ", {} {} the ferritin of {}",
                    plural(d.abs(), "day", "days"),
                    if d > 0 { "before" } else { "after" },
                    date_text(f.taken_on)
                ),
                _ => "; no ferritin recorded".to_string(),
            };
            let of = if c.results > 1 {
                format!(" (the latest of {} CRP results)", c.results)
            } else {
                String::new()
            };
            Some(format!(
                "CRP {} on {}{of}{when}: {INFLAMMATION_TEXT}.",
                c.value_text,
                date_text(c.taken_on)
            ))
        }
    }
}

/// The finding sentence of a band.
fn band_text(band: IronBand, ferritin: &Option<LabReading>, tsat: &Option<LabReading>) -> String {
    let missing = |t: &mut String| {
        if ferritin.is_none() {
            t.push_str("; no ferritin recorded");
        }
        if tsat.is_none() {
            t.push_str("; no transferrin saturation recorded");
        }
    };
    let unit_not_compared = [ferritin, tsat].iter().any(|r| {
        r.as_ref()
            .is_some_and(|r| r.check == ThresholdCheck::UnitNotRecognised)
    });
    match band {
        IronBand::OralOrIvIron => format!(
            "Discuss iron therapy with your clinician: oral or IV iron (AASM 2024: ferritin {} \
             or transferrin saturation {}).",
            ferritin_threshold_text(),
            saturation_threshold_text()
        ),
        IronBand::IvIronMayBeConsidered => {
            let mut t = format!(
                "Discuss iron therapy with your clinician: IV iron may be considered (AASM \
                 2024: ferritin {}, transferrin saturation not {})",
                ferritin_iv_range_text(),
                saturation_threshold_text()
            );
            missing(&mut t);
            format!("{t}.")
        }
        IronBand::Neither => format!(
            "Neither iron value is in the AASM 2024 ranges for iron therapy (ferritin {}, \
             transferrin saturation {}).",
            ferritin_iv_threshold_text(),
            saturation_threshold_text()
        ),
        IronBand::Incomplete if ferritin.is_none() && tsat.is_none() => {
            "No ferritin or transferrin saturation recorded; iron studies are recommended for \
             everyone with RLS (AASM 2024)."
                .to_string()
        }
        IronBand::Incomplete if unit_not_compared => {
            "An iron result has a unit the app cannot compare; ask your clinician how it stands \
             against the AASM 2024 thresholds."
                .to_string()
        }
        IronBand::Incomplete => {
            let mut t = format!(
                "Neither iron value recorded is in the AASM 2024 ranges for iron therapy \
                 (ferritin {}, transferrin saturation {}), but the guideline reads both",
                ferritin_iv_threshold_text(),
                saturation_threshold_text()
            );
            missing(&mut t);
            format!("{t}.")
        }
    }
}

/// Builds part 9 from the labs on or before `last` and the IV iron `treatments`.
pub(crate) fn build(
    conn: &Connection,
    last: LocalDate,
    treatments: &[Treatment],
    notes: &mut Vec<Note>,
) -> Result<IronStatus> {
    let all_labs = Labs::read(conn)?;
    let ferritin = all_labs
        .latest(&Analyte::Ferritin, last)
        .map(|l| reading(&l, last));
    let tsat = all_labs
        .latest(&Analyte::TransferrinSaturation, last)
        .map(|l| reading(&l, last));
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
    let band = band_of(
        ferritin.as_ref().map(|r| r.check),
        tsat.as_ref().map(|r| r.check),
    );
    let labs = all_labs.up_to(last);
    let crp_results = labs.iter().filter(|l| l.analyte == Analyte::Crp).count();
    let crp = if crp_results == 0 {
        None
    } else {
        all_labs.latest(&Analyte::Crp, last)
    };
    let crp = crp.map(|c| CrpReading {
        taken_on: c.taken_on,
        value: c.value,
        unit: c.unit.clone(),
        value_text: value_text(c.value, &c.unit),
        days_before_ferritin: ferritin
            .as_ref()
            .map(|f| (f.taken_on - c.taken_on).num_days()),
        results: count(crp_results),
    });
    let trend = trend_points(&labs);
    let iv_iron = iv_iron_dates(conn, treatments, last)?;
    Ok(IronStatus {
        text: band_text(band, &ferritin, &tsat),
        crp_text: crp_text(&crp, &ferritin),
        trend_text: trend_text(&trend, &iv_iron),
        ferritin,
        transferrin_saturation: tsat,
        band,
        discuss_iron_therapy: matches!(
            band,
            IronBand::OralOrIvIron | IronBand::IvIronMayBeConsidered
        ),
        drawing_conditions_text: drawing_conditions_text(),
        crp,
        trend,
        iv_iron,
    })
}

/// One iron value against the threshold its check turned on, for the clinician:
/// `Ferritin 45 µg/L (3 Mar 2026) ≤ 75 µg/L`, `TSAT 25 % (3 Mar 2026) ≥ 20 %`.
fn clinician_clause(name: &str, r: &LabReading) -> String {
    let when = day_month_year(r.taken_on);
    let old = if r.older_than_a_year {
        ", over a year old"
    } else {
        ""
    };
    let against = match (r.check, name) {
        (ThresholdCheck::Low, _) => r.threshold_text.clone(),
        (ThresholdCheck::IvIronRange, _) => ferritin_iv_range_text(),
        (ThresholdCheck::NotLow, "Ferritin") => {
            format!("> {} µg/L", number_text(FERRITIN_IV_THRESHOLD_UG_PER_L))
        }
        (ThresholdCheck::NotLow, _) => format!("≥ {} %", number_text(TSAT_THRESHOLD_PERCENT)),
        (ThresholdCheck::UnitNotRecognised, _) => "(unit not compared)".to_string(),
    };
    format!("{name} {} ({when}{old}) {against}", r.value_text)
}

/// The iron point as the clinician reads it (issue 21): each value with its date against its
/// AASM 2024 threshold, what the guideline indicates, then the trend (when there is more than
/// the latest value), the CRP and the drawing conditions. It states the guideline's indication
/// to the clinician; it never addresses the patient.
pub fn clinician_text(s: &IronStatus) -> String {
    let clauses: Vec<String> = [
        ("Ferritin", &s.ferritin),
        ("TSAT", &s.transferrin_saturation),
    ]
    .iter()
    .filter_map(|(name, r)| r.as_ref().map(|r| clinician_clause(name, r)))
    .collect();
    let values = clauses.join(", ");
    let mut text = match s.band {
        IronBand::OralOrIvIron => {
            format!("{values}: iron therapy (oral or IV) indicated per AASM 2024.")
        }
        IronBand::IvIronMayBeConsidered => {
            format!("{values}: IV iron may be considered per AASM 2024.")
        }
        IronBand::Neither => {
            format!("{values}: outside the AASM 2024 ranges for iron therapy.")
        }
        IronBand::Incomplete if clauses.is_empty() => "No ferritin or TSAT on record: iron \
             studies are recommended for every patient with RLS (AASM 2024)."
            .to_string(),
        IronBand::Incomplete => {
            let missing = if s.ferritin.is_none() {
                "; no ferritin on record"
            } else if s.transferrin_saturation.is_none() {
                "; no TSAT on record"
            } else {
                ""
            };
            format!("{values}{missing}: not placed against AASM 2024, which reads both.")
        }
    };
    if let Some(trend) = &s.trend_text {
        if s.trend.len() > 1 || !s.iv_iron.is_empty() {
            text.push_str(&format!(" Trend: {trend}"));
        }
    }
    if let Some(crp) = &s.crp_text {
        text.push_str(&format!(" {crp}"));
    }
    if !clauses.is_empty() {
        text.push_str(&format!(
            " Drawing conditions not recorded (AASM 2024 reads morning samples, no iron for \
             {DRAWING_NO_IRON_HOURS} h)."
        ));
    }
    text
}
