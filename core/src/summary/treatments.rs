//! Part 8, treatments: the regimens active in the range, and for each regimen started in the
//! range, frequency and severity in the nights before its start against the nights after.
//!
//! Windows: "before" is the 14 nights before the start (it may reach back before the range:
//! that is the baseline); "after" is the start night and up to 13 more, ending no later than the
//! range's last night or the day the regimen stopped. Each side needs at least 7 logged nights.

use rusqlite::Connection;
use serde::Serialize;

use crate::error::Result;
use crate::format::date_text;
use crate::format::{nights_text, number_text, one_decimal, percent_text};
use crate::model::kinds::TreatmentCategory;
use crate::model::treatment::Treatment;
use crate::summary::nights::Window;
use crate::summary::notes::{missing, Note};
use crate::summary::period::PeriodStats;
use crate::summary::stats::finite;
use crate::summary::NightRange;
use crate::time::LocalDate;

/// Nights in each window of the before/after comparison.
pub const WINDOW_NIGHTS: i64 = 14;
/// Logged nights needed on each side.
pub const MIN_LOGGED_EACH_SIDE: u32 = 7;

/// A regimen active at some point in the range.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct ActiveTreatment {
    /// The treatment's id.
    pub treatment_id: String,
    /// Its name.
    pub name: String,
    /// Its family.
    pub category: TreatmentCategory,
    /// The family's name (`dopamine agonist`).
    pub category_label: String,
    /// `0.125 mg`, if a dose was recorded.
    pub dose_text: Option<String>,
    /// The first day.
    pub started_on: LocalDate,
    /// The last day, if stopped.
    pub stopped_on: Option<LocalDate>,
    /// Whether it started within the range.
    pub started_in_range: bool,
    /// Whether it stopped within the range.
    pub stopped_in_range: bool,
    /// `pramipexole 0.125 mg (dopamine agonist), since Mon 9 Mar 2026`.
    pub text: String,
}

/// Nights before a regimen started against nights after.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct TreatmentComparison {
    /// The treatment's id.
    pub treatment_id: String,
    /// Its name.
    pub name: String,
    /// Its first day.
    pub started_on: LocalDate,
    /// The 14 nights before the start.
    pub before: PeriodStats,
    /// The start night and up to 13 more (within the range and the regimen).
    pub after: PeriodStats,
    /// Whether both sides have at least 7 logged nights (otherwise no changes are given).
    pub comparable: bool,
    /// After minus before, symptom-night percentage points; `None` unless comparable.
    pub symptom_percent_change: Option<f64>,
    /// After minus before, mean per-night peak; `None` unless comparable.
    pub mean_peak_change: Option<f64>,
    /// One or two sentences.
    pub text: String,
}

/// Part 8: what was taken, and how nights changed when something started.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct TreatmentsSummary {
    /// Regimens active at some point in the range, oldest start first.
    pub active: Vec<ActiveTreatment>,
    /// One comparison per regimen started in the range.
    pub comparisons: Vec<TreatmentComparison>,
    /// One sentence for the report.
    pub text: String,
}

/// Whether a regimen was active at some point between `first` and `last`.
pub(crate) fn active_between(t: &Treatment, first: LocalDate, last: LocalDate) -> bool {
    t.data.started_on <= last && t.data.stopped_on.is_none_or(|s| s >= first)
}

fn dose_text(t: &Treatment) -> Option<String> {
    t.data.dose.map(|d| match &t.data.dose_unit {
        Some(u) => format!("{} {u}", number_text(d)),
        None => number_text(d),
    })
}

/// Builds part 8.
pub(crate) fn build(
    conn: &Connection,
    range: &NightRange,
    treatments: &[Treatment],
    notes: &mut Vec<Note>,
) -> Result<TreatmentsSummary> {
    let mut active = Vec::new();
    let mut comparisons = Vec::new();
    for t in treatments
        .iter()
        .filter(|t| active_between(t, range.first, range.last))
    {
        let d = &t.data;
        let mut text = d.name.clone();
        if let Some(dose) = dose_text(t) {
            text.push_str(&format!(" {dose}"));
        }
        text.push_str(&format!(
            " ({}), since {}",
            d.category.display_name(),
            date_text(d.started_on)
        ));
        if let Some(stop) = d.stopped_on {
            text.push_str(&format!(", stopped {}", date_text(stop)));
        }
        active.push(ActiveTreatment {
            treatment_id: t.id.clone(),
            name: d.name.clone(),
            category: d.category.clone(),
            category_label: d.category.display_name(),
            dose_text: dose_text(t),
            started_on: d.started_on,
            stopped_on: d.stopped_on,
            started_in_range: range.contains(d.started_on),
            stopped_in_range: d.stopped_on.is_some_and(|s| range.contains(s)),
            text,
        });
        if range.contains(d.started_on) {
            let c = compare(conn, range, t)?;
            if !c.comparable {
                notes.push(missing("treatments", c.text.clone()));
            }
            comparisons.push(c);
        }
    }
    let text = match active.len() {
        0 => "No treatment active in this range.".to_string(),
        _ => {
            let names: Vec<&str> = active.iter().map(|a| a.name.as_str()).collect();
            format!("Active in this range: {}.", names.join(", "))
        }
    };
    Ok(TreatmentsSummary {
        active,
        comparisons,
        text,
    })
}

fn compare(conn: &Connection, range: &NightRange, t: &Treatment) -> Result<TreatmentComparison> {
    let start = t.data.started_on;
    let before_first = start - chrono::Duration::days(WINDOW_NIGHTS);
    let before_last = start - chrono::Duration::days(1);
    let mut after_last = (start + chrono::Duration::days(WINDOW_NIGHTS - 1)).min(range.last);
    if let Some(stop) = t.data.stopped_on {
        after_last = after_last.min(stop);
    }
    let window = Window::load(conn, before_first, after_last, false)?;
    let before = PeriodStats::from_cells(
        before_first,
        before_last,
        window.cells_between(before_first, before_last),
    );
    let after = PeriodStats::from_cells(start, after_last, window.cells_between(start, after_last));
    let comparable =
        before.nights_logged >= MIN_LOGGED_EACH_SIDE && after.nights_logged >= MIN_LOGGED_EACH_SIDE;
    let (symptom_change, peak_change) = if comparable {
        (
            before
                .symptom_night_percent
                .zip(after.symptom_night_percent)
                .and_then(|(b, a)| finite(a - b)),
            before
                .mean_peak
                .zip(after.mean_peak)
                .and_then(|(b, a)| finite(a - b)),
        )
    } else {
        (None, None)
    };
    let name = &t.data.name;
    let text = match (comparable, symptom_change, peak_change, &before, &after) {
        (true, Some(sc), Some(pc), b, a) => format!(
            "{name} from {}: before, {}; after, {}. Symptom nights {} {} points, mean peak {} {}.",
            date_text(start),
            b.text,
            a.text,
            if sc <= 0.0 { "down" } else { "up" },
            percent_text(sc.abs()).trim_end_matches(" %"),
            if pc <= 0.0 { "down" } else { "up" },
            one_decimal(pc.abs())
        ),
        (_, _, _, b, a) => format!(
            "{name} from {}: too few logged nights to compare ({} before, {} after; needs \
             {MIN_LOGGED_EACH_SIDE} each).",
            date_text(start),
            nights_text(b.nights_logged),
            a.nights_logged
        ),
    };
    Ok(TreatmentComparison {
        treatment_id: t.id.clone(),
        name: name.clone(),
        started_on: start,
        before,
        after,
        comparable,
        symptom_percent_change: symptom_change,
        mean_peak_change: peak_change,
        text,
    })
}
