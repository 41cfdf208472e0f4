//! Part 1, coverage: how many nights were observed and how often symptoms came (design §4:
//! symptom nights ÷ observed nights × 7, and the [`CHRONIC_PERSISTENT_PER_WEEK`] frequency).
//!
//! A night is observed when it has an episode, a morning sleep diary or a "no symptoms" answer
//! (`nights.rs`); every rate is of observed nights and is stated with the coverage (observed
//! share of the range) next to it. The JSON keeps `nights_logged` (now: observed nights) and
//! adds `nights_observed`, `observed_percent` and `coverage_text`.

use serde::Serialize;

use crate::format::{nights_text, number_text, one_decimal, percent_text, plural};
use crate::summary::nights::Window;
use crate::summary::notes::{Note, NoteKind};
use crate::summary::period::PeriodStats;
use crate::summary::stats::{count, percent};

/// Below this share of the range observed (percent), the notes warn that rates may mislead.
pub const LOW_COVERAGE_PERCENT: f64 = 70.0;

/// `observed 23 of 28 nights (82 %)`: the coverage as every rate states it.
pub fn coverage_text(observed: u32, nights: u32) -> String {
    match percent(observed, nights) {
        Some(p) => format!(
            "observed {observed} of {} ({})",
            nights_text(nights),
            percent_text(p)
        ),
        None => "no nights in the range".to_string(),
    }
}

/// What makes a night observed, as the definitions state it.
pub(crate) fn observed_definition_text() -> String {
    format!(
        "A night is observed when it has an episode, a morning sleep diary or a \"no symptoms\" \
         answer; labs, ratings, treatment starts, doses and exposures observe nothing, so a \
         night with only those is not logged: missing, never symptom-free (Consensus Sleep \
         Diary practice, Carney et al. 2012). A symptom night is an observed night with an \
         episode; a sleep diary or a \"no symptoms\" answer without an episode makes a \
         symptom-free night; an episode outweighs a \"no symptoms\" answer on the same night \
         (the answer stays in the journal). Symptoms are recorded as episodes, so a \"yes\" \
         has no record of its own. Coverage is observed nights ÷ nights in the range; below \
         {} the notes warn.",
        percent_text(LOW_COVERAGE_PERCENT)
    )
}

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
        "Symptom nights ÷ observed nights × 7; {} is the frequency of chronic-persistent RLS \
         (IRLSSG 2014).",
        chronic_persistent_text()
    )
}

/// Part 1: nights in the range, nights logged, symptom nights and their weekly frequency.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct Coverage {
    /// Nights in the range.
    pub nights_in_range: u32,
    /// Observed nights (an episode, a sleep diary or a "no symptoms" answer); the same number
    /// as `nights_observed`, kept under its first name.
    pub nights_logged: u32,
    /// Nights in the range not observed (missing, not symptom-free).
    pub nights_not_logged: u32,
    /// Observed nights: an episode, a morning sleep diary or a "no symptoms" answer.
    pub nights_observed: u32,
    /// Observed nights as a percentage of the nights in the range; `None` for an empty range.
    pub observed_percent: Option<f64>,
    /// `observed 23 of 28 nights (82 %)`.
    pub coverage_text: String,
    /// Nights with at least one episode.
    pub symptom_nights: u32,
    /// Observed nights without an episode.
    pub symptom_free_nights: u32,
    /// Episodes in the range.
    pub episodes: u32,
    /// Symptom nights ÷ observed nights × 7; `None` without observed nights.
    pub symptom_nights_per_week: Option<f64>,
    /// `5.3 per week`, or `not enough data`.
    pub per_week_text: String,
    /// Whether the frequency reaches [`CHRONIC_PERSISTENT_PER_WEEK`] symptom nights per week;
    /// `None` without observed nights.
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
    let observed_percent = percent(period.nights_logged, period.nights);
    let coverage = coverage_text(period.nights_logged, period.nights);
    let text = match (per_week, two_or_more) {
        (Some(_), Some(reaches)) => format!(
            "Symptoms on {} of {} observed ({}, {per_week_text}; {coverage}){}.",
            period.symptom_nights,
            nights_text(period.nights_logged),
            plural(episodes, "episode", "episodes"),
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
            "No night observed in the {} of the range.",
            nights_text(period.nights)
        ),
    };
    if period.nights_logged == 0 {
        notes.push(Note::new(
            NoteKind::NotEnoughData,
            "coverage",
            "No night observed in this range (no episode, sleep diary or \"no symptoms\" \
             answer), so there is no frequency, timing or severity to show.",
        ));
    } else if observed_percent.is_some_and(|p| p < LOW_COVERAGE_PERCENT) {
        notes.push(Note::new(
            NoteKind::LowCoverage,
            "coverage",
            format!(
                "Coverage is low: {coverage}, under {}. Rates are of observed nights only; \
                 the nights not logged may differ.",
                percent_text(LOW_COVERAGE_PERCENT)
            ),
        ));
    }
    Coverage {
        nights_in_range: period.nights,
        nights_logged: period.nights_logged,
        nights_not_logged: period.nights.saturating_sub(period.nights_logged),
        nights_observed: period.nights_logged,
        observed_percent,
        coverage_text: coverage,
        symptom_nights: period.symptom_nights,
        symptom_free_nights: period.nights_logged.saturating_sub(period.symptom_nights),
        episodes,
        symptom_nights_per_week: per_week,
        per_week_text,
        two_or_more_per_week: two_or_more,
        text,
    }
}
