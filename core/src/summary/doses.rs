//! The dose timeline of each regimen active in the range (issue 15 item 4): its current dose,
//! every dose step with its date, and for dopaminergic drugs the total daily dose per night.
//!
//! A regimen's `dose` is its starting dose and its `dose_changes` the later steps
//! ([`crate::model::treatment::DoseChange`]). The total daily dose of a night is the dose in
//! effect × its intakes a day when those are recorded, else the sum of the doses logged for that
//! night (a dose logged without an amount counts the dose in effect that day). Nights with
//! neither have no total: missing, not 0.

use rusqlite::Connection;
use serde::Serialize;

use crate::error::Result;
use crate::format::{date_text, day_month_year, dose_schedule_text, dose_text, nights_text};
use crate::model::kinds::TreatmentCategory;
use crate::model::treatment::{DoseInEffect, Treatment};
use crate::store::queries;
use crate::summary::treatments::active_between;
use crate::summary::NightRange;
use crate::time::LocalDate;

/// Where a night's total daily dose comes from.
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DailyDoseSource {
    /// The dose in effect × the intakes a day recorded on the regimen or its step.
    Schedule,
    /// The sum of the doses logged for that night.
    Logged,
}

/// One night's total daily dose of a dopaminergic regimen.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct DailyDose {
    /// The night.
    pub night: LocalDate,
    /// The total, in the regimen's unit.
    pub total: f64,
    /// Where it comes from.
    pub source: DailyDoseSource,
}

/// A step of a regimen's dose: the starting dose, then each change.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct DoseStep {
    /// The first day at this dose.
    pub from: LocalDate,
    /// The dose per intake.
    pub dose: f64,
    /// Intakes a day, if known.
    pub times_per_day: Option<i32>,
    /// Dose × intakes a day, when the intakes are known.
    pub daily_total: Option<f64>,
    /// `0.25 mg × 2 a day from Mon 16 Mar 2026`.
    pub text: String,
}

/// The dose history of one regimen active in the range.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct DoseTimeline {
    /// The treatment's id.
    pub treatment_id: String,
    /// Its name.
    pub name: String,
    /// Its family.
    pub category: TreatmentCategory,
    /// Whether its total daily dose is followed ([`TreatmentCategory::is_dopaminergic`]).
    pub dopaminergic: bool,
    /// The unit of every dose, if recorded.
    pub unit: Option<String>,
    /// The day the current dose is read for: the range's last night, or the stop day if
    /// earlier.
    pub as_of: LocalDate,
    /// The dose per intake in effect on `as_of`.
    pub current_dose: Option<f64>,
    /// Its intakes a day, if known.
    pub current_times_per_day: Option<i32>,
    /// Its total a day, when the intakes are known.
    pub current_daily_total: Option<f64>,
    /// Every step, oldest first (the starting dose first; steps before the range included).
    pub steps: Vec<DoseStep>,
    /// For a dopaminergic regimen, the total daily dose of each night of the range where it is
    /// known, in night order; empty otherwise.
    pub daily: Vec<DailyDose>,
    /// One or two sentences.
    pub text: String,
    /// The report's line, the last steps only: `pramipexole doses: 0.125 mg → 0.25 mg (14 Jul
    /// 2024) → 0.375 mg (10 May 2025); 0.375 mg a day on 365 of 365 nights`.
    pub short_text: String,
}

/// The most steps the report's line names (earlier ones are summed up as `…`).
pub const SHORT_STEPS: usize = 3;

fn step(from: LocalDate, dose: DoseInEffect, unit: Option<&str>) -> DoseStep {
    let mut text = format!(
        "{} from {}",
        dose_schedule_text(dose.dose, unit, dose.times_per_day),
        date_text(from)
    );
    if let Some(total) = dose.daily_total().filter(|_| dose.times_per_day != Some(1)) {
        text.push_str(&format!(" ({} a day)", dose_text(total, unit)));
    }
    DoseStep {
        from,
        dose: dose.dose,
        times_per_day: dose.times_per_day,
        daily_total: dose.daily_total(),
        text,
    }
}

/// The total daily dose of each night of the range the regimen reaches, where known.
fn daily_totals(conn: &Connection, range: &NightRange, t: &Treatment) -> Result<Vec<DailyDose>> {
    let d = &t.data;
    let first = range.first.max(d.started_on);
    let last = d.stopped_on.map_or(range.last, |s| s.min(range.last));
    let logged = queries::dose_amounts(conn, &t.id, range.first, range.last)?;
    let mut daily = Vec::new();
    let mut logged_iter = logged.iter().peekable();
    for night in range.first.iter_days().take_while(|n| *n <= range.last) {
        // The doses logged for this night, each with its amount or the dose in effect.
        let mut sum: Option<f64> = None;
        let mut unknown = false;
        while let Some((_, amount)) = logged_iter.next_if(|(n, _)| *n == night) {
            match amount.or(d.dose_on(night).map(|e| e.dose)) {
                Some(a) if a.is_finite() && a > 0.0 => sum = Some(sum.unwrap_or(0.0) + a),
                _ => unknown = true,
            }
        }
        let scheduled = (first <= night && night <= last)
            .then(|| d.dose_on(night).and_then(|e| e.daily_total()))
            .flatten();
        let entry = match (scheduled, sum) {
            (Some(total), _) => Some((total, DailyDoseSource::Schedule)),
            (None, Some(total)) if !unknown => Some((total, DailyDoseSource::Logged)),
            _ => None,
        };
        if let Some((total, source)) = entry {
            daily.push(DailyDose {
                night,
                total,
                source,
            });
        }
    }
    Ok(daily)
}

/// One timeline per regimen active in the range with a dose recorded (or, for a dopaminergic
/// one, doses logged with amounts), oldest start first.
pub(crate) fn build(
    conn: &Connection,
    range: &NightRange,
    treatments: &[Treatment],
) -> Result<Vec<DoseTimeline>> {
    let mut out = Vec::new();
    for t in treatments
        .iter()
        .filter(|t| active_between(t, range.first, range.last))
    {
        let d = &t.data;
        let unit = d.dose_unit.as_deref();
        let dopaminergic = d.category.is_dopaminergic();
        let daily = if dopaminergic {
            daily_totals(conn, range, t)?
        } else {
            Vec::new()
        };
        if d.dose.is_none() && daily.is_empty() {
            continue;
        }
        let mut steps = Vec::new();
        if let Some(dose) = d.dose {
            let start = DoseInEffect {
                dose,
                times_per_day: d.times_per_day,
            };
            steps.push(step(d.started_on, start, unit));
        }
        for c in &d.dose_changes {
            let e = DoseInEffect {
                dose: c.dose,
                times_per_day: c.times_per_day,
            };
            steps.push(step(c.from, e, unit));
        }
        let as_of = d.stopped_on.map_or(range.last, |s| s.min(range.last));
        let current = d.dose_on(as_of);
        let mut text = format!("{}: ", d.name);
        let listed: Vec<&str> = steps.iter().map(|s| s.text.as_str()).collect();
        if listed.is_empty() {
            text.push_str("no dose recorded on the regimen.");
        } else {
            text.push_str(&format!("{}.", listed.join("; ")));
        }
        if let Some(now) = current.filter(|_| steps.len() > 1) {
            let word = if as_of < range.last { "Last" } else { "Now" };
            text.push_str(&format!(
                " {word} {}",
                dose_schedule_text(now.dose, unit, now.times_per_day)
            ));
            if let Some(total) = now.daily_total().filter(|_| now.times_per_day != Some(1)) {
                text.push_str(&format!(" ({} a day)", dose_text(total, unit)));
            }
            if as_of < range.last {
                text.push_str(&format!(", stopped {}", date_text(as_of)));
            }
            text.push('.');
        }
        if dopaminergic {
            text.push(' ');
            text.push_str(&daily_sentence(range, &daily, unit));
        }
        let short_text = short_text(&d.name, &steps, &daily, range, dopaminergic, unit);
        out.push(DoseTimeline {
            treatment_id: t.id.clone(),
            name: d.name.clone(),
            category: d.category.clone(),
            dopaminergic,
            unit: d.dose_unit.clone(),
            as_of,
            current_dose: current.map(|c| c.dose),
            current_times_per_day: current.and_then(|c| c.times_per_day),
            current_daily_total: current.and_then(|c| c.daily_total()),
            steps,
            daily,
            text,
            short_text,
        });
    }
    Ok(out)
}

/// The report's line: the last [`SHORT_STEPS`] steps with their dates (the first without a
/// date when it is the start), and for a dopaminergic regimen the daily totals.
fn short_text(
    name: &str,
    steps: &[DoseStep],
    daily: &[DailyDose],
    range: &NightRange,
    dopaminergic: bool,
    unit: Option<&str>,
) -> String {
    let skipped = steps.len().saturating_sub(SHORT_STEPS);
    let mut parts: Vec<String> = steps
        .iter()
        .skip(skipped)
        .map(|s| format!("{} ({})", dose_text(s.dose, unit), day_month_year(s.from)))
        .collect();
    if skipped > 0 {
        parts.insert(0, "…".to_string());
    }
    let mut text = format!("{name} doses: {}", parts.join(" → "));
    if dopaminergic {
        let low = daily.iter().map(|d| d.total).fold(f64::INFINITY, f64::min);
        let high = daily.iter().map(|d| d.total).fold(0.0, f64::max);
        let nights = nights_text(range.nights());
        text.push_str(&match daily.len() {
            0 => "; total a day not known".to_string(),
            n if low < high => format!(
                "; {}–{} a day on {n} of {nights}",
                crate::format::number_text(low),
                dose_text(high, unit)
            ),
            n => format!("; {} a day on {n} of {nights}", dose_text(high, unit)),
        });
    }
    text.push('.');
    text
}

/// `Total daily dose known on 12 of 14 nights, 0.125–0.5 mg.`
fn daily_sentence(range: &NightRange, daily: &[DailyDose], unit: Option<&str>) -> String {
    let low = daily.iter().map(|d| d.total).fold(f64::INFINITY, f64::min);
    let high = daily.iter().map(|d| d.total).fold(0.0, f64::max);
    match daily.len() {
        0 => "Total daily dose not known in this range (no intakes a day recorded, no doses \
              logged)."
            .to_string(),
        n if low < high => format!(
            "Total daily dose known on {n} of {}, {}–{}.",
            nights_text(range.nights()),
            crate::format::number_text(low),
            dose_text(high, unit)
        ),
        n => format!(
            "Total daily dose known on {n} of {}, {} each.",
            nights_text(range.nights()),
            dose_text(high, unit)
        ),
    }
}

/// The dose timeline as the definitions state it.
pub(crate) fn definition_text() -> String {
    "A regimen's dose is its starting dose; each dose change applies from its date on. The \
     total daily dose of a night is the dose in effect × the intakes a day when those are \
     recorded, else the sum of the doses logged for that night (a dose logged without an \
     amount counts the dose in effect); nights with neither have no total. It is followed for \
     dopamine agonists, whose risk of augmentation rises with the daily dose (Garcia-Borreguero \
     et al. 2016, IRLSSG recommendations on augmentation; AASM 2024 guideline). Doses are not \
     converted between drugs."
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> LocalDate {
        crate::time::parse_iso_date(s).expect("date")
    }

    #[test]
    fn a_step_names_its_daily_total_only_when_the_intakes_are_several() {
        let once = step(
            day("2026-03-01"),
            DoseInEffect {
                dose: 0.125,
                times_per_day: Some(1),
            },
            Some("mg"),
        );
        assert_eq!(once.text, "0.125 mg once a day from Sun 1 Mar 2026");
        assert_eq!(once.daily_total, Some(0.125));
        // 0.25 × 3 = 0.75.
        let thrice = step(
            day("2026-03-15"),
            DoseInEffect {
                dose: 0.25,
                times_per_day: Some(3),
            },
            Some("mg"),
        );
        assert_eq!(
            thrice.text,
            "0.25 mg × 3 a day from Sun 15 Mar 2026 (0.75 mg a day)"
        );
    }
}
