//! Part 1, coverage: how many nights were logged and how often symptoms came (design §4:
//! symptom nights ÷ nights logged × 7, and the [`CHRONIC_PERSISTENT_PER_WEEK`] frequency).

use serde::Serialize;

use crate::format::{nights_text, number_text, one_decimal, plural};
use crate::summary::nights::Window;
use crate::summary::notes::{Note, NoteKind};
use crate::summary::period::PeriodStats;
use crate::summary::stats::count;

/// Symptom nights per week from which RLS is "chronic-persistent" (IRLSSG 2014).
pub const CHRONIC_PERSISTENT_PER_WEEK: f64 = 2.0;

/// `2 or more per week`: the chronic-persistent frequency as every sentence states it.
pub fn chronic_persistent_text() -> String {
    format!(
        "{} or more per week",
        number_text(CHRONIC_PERSISTENT_PER_WEEK)
    )
}

/// The frequency as the definitions state it.
pub(crate) fn definition_text() -> String {
    format!(
        "Symptom nights ÷ nights logged × 7; {} is the frequency of chronic-persistent RLS \
         (IRLSSG 2014).",
        chronic_persistent_text()
    )
}

/// Part 1: nights in the range, nights logged, symptom nights and their weekly frequency.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct Coverage {
    /// Nights in the range.
    pub nights_in_range: u32,
    /// Nights with any entry.
    pub nights_logged: u32,
    /// Nights in the range with nothing logged (missing, not symptom-free).
    pub nights_not_logged: u32,
    /// Nights with at least one episode.
    pub symptom_nights: u32,
    /// Logged nights without an episode.
    pub symptom_free_nights: u32,
    /// Episodes in the range.
    pub episodes: u32,
    /// Symptom nights ÷ nights logged × 7; `None` without logged nights.
    pub symptom_nights_per_week: Option<f64>,
    /// `5.3 per week`, or `not enough data`.
    pub per_week_text: String,
    /// Whether the frequency reaches [`CHRONIC_PERSISTENT_PER_WEEK`] symptom nights per week; `None` without logged
    /// nights.
    pub two_or_more_per_week: Option<bool>,
    /// One sentence for the report.
    pub text: String,
}

/// Builds part 1.
pub(crate) fn build(window: &Window, notes: &mut Vec<Note>) -> Coverage {
    let period = PeriodStats::from_cells(window.first, window.last, &window.cells);
    let episodes = count(window.episodes.len());
    let per_week = period.symptom_nights_per_week;
    let two_or_more = per_week.map(|f| f >= CHRONIC_PERSISTENT_PER_WEEK);
    let per_week_text = match per_week {
        Some(f) => format!("{} per week", one_decimal(f)),
        None => "not enough data".to_string(),
    };
    let text = match (per_week, two_or_more) {
        (Some(_), Some(reaches)) => format!(
            "Symptoms on {} of {} logged ({}, {per_week_text}) out of {} in the range{}.",
            period.symptom_nights,
            nights_text(period.nights_logged),
            plural(episodes, "episode", "episodes"),
            nights_text(period.nights),
            if reaches {
                format!(
                    ": {}, the frequency of chronic-persistent RLS",
                    chronic_persistent_text()
                )
            } else {
                format!(
                    ": fewer than {} per week",
                    number_text(CHRONIC_PERSISTENT_PER_WEEK)
                )
            }
        ),
        _ => format!(
            "Nothing logged in the {} of the range.",
            nights_text(period.nights)
        ),
    };
    if period.nights_logged == 0 {
        notes.push(Note::new(
            NoteKind::NotEnoughData,
            "coverage",
            "No entries in this range, so there is no frequency, timing or severity to show.",
        ));
    }
    Coverage {
        nights_in_range: period.nights,
        nights_logged: period.nights_logged,
        nights_not_logged: period.nights.saturating_sub(period.nights_logged),
        symptom_nights: period.symptom_nights,
        symptom_free_nights: period.nights_logged.saturating_sub(period.symptom_nights),
        episodes,
        symptom_nights_per_week: per_week,
        per_week_text,
        two_or_more_per_week: two_or_more,
        text,
    }
}
