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
/// Observed nights a range needs before its frequency may be compared with chronic-persistent
/// RLS (design §4: 28).
pub const CHRONIC_MIN_OBSERVED_NIGHTS: u32 = 28;
/// The share of the range's nights (percent) that must be observed before its frequency may be
/// compared with chronic-persistent RLS (design §4: 70 %).
pub const CHRONIC_MIN_COVERAGE_PERCENT: f64 = 70.0;

/// `≥ 2 nights a week`: the chronic-persistent frequency as every sentence states it.
pub fn chronic_persistent_text() -> String {
    format!(
        "≥ {} nights a week",
        number_text(CHRONIC_PERSISTENT_PER_WEEK)
    )
}

/// `28 observed nights with ≥ 70 % coverage`: what a range needs before its frequency is
/// compared with chronic-persistent RLS.
pub fn chronic_requirement_text() -> String {
    format!(
        "{CHRONIC_MIN_OBSERVED_NIGHTS} observed nights with ≥ {} coverage",
        percent_text(CHRONIC_MIN_COVERAGE_PERCENT)
    )
}

/// The frequency as the definitions state it.
pub(crate) fn definition_text() -> String {
    format!(
        "Symptom nights ÷ observed nights × 7, for this period only. With {} or more, a \
         report says \"symptoms on {} in this period\". Only with {} does it add that this \
         matches the frequency of chronic-persistent RLS; the IRLSSG 2014 definition refers \
         to untreated symptoms averaged over the past year, which a few weeks of a journal \
         (often on treatment) cannot show.",
        number_text(CHRONIC_PERSISTENT_PER_WEEK),
        chronic_persistent_text(),
        chronic_requirement_text()
    )
}

/// Whether `observed` of `nights` nights are enough to compare a frequency with
/// chronic-persistent RLS: at least [`CHRONIC_MIN_OBSERVED_NIGHTS`] observed and at least
/// [`CHRONIC_MIN_COVERAGE_PERCENT`] of the range.
pub fn enough_for_chronic_comparison(observed: u32, nights: u32) -> bool {
    observed >= CHRONIC_MIN_OBSERVED_NIGHTS
        && f64::from(observed) * 100.0 >= CHRONIC_MIN_COVERAGE_PERCENT * f64::from(nights)
}

impl Coverage {
    /// Whether this range's frequency reaches [`CHRONIC_PERSISTENT_PER_WEEK`] **and** the range
    /// is observed well enough ([`enough_for_chronic_comparison`]) to say that this matches the
    /// frequency of chronic-persistent RLS.
    pub fn matches_chronic_persistent_frequency(&self) -> bool {
        self.two_or_more_per_week == Some(true)
            && enough_for_chronic_comparison(self.nights_logged, self.nights_in_range)
    }
}

/// The frequency clause of the coverage sentence and of the "Frequency" point to discuss:
/// `symptoms on ≥ 2 nights a week in this period, which matches the frequency of
/// chronic-persistent RLS (…)` only with enough observed nights; otherwise the period's
/// frequency alone, and why no comparison is made.
pub fn frequency_clause(reaches: bool, observed: u32, nights: u32) -> String {
    if !reaches {
        return format!(
            "fewer than {} nights a week in this period",
            number_text(CHRONIC_PERSISTENT_PER_WEEK)
        );
    }
    let base = format!("symptoms on {} in this period", chronic_persistent_text());
    if enough_for_chronic_comparison(observed, nights) {
        format!(
            "{base}, which matches the frequency of chronic-persistent RLS (IRLSSG 2014, which \
             refers to untreated symptoms averaged over the past year)"
        )
    } else {
        format!(
            "{base} (comparing with chronic-persistent RLS needs {})",
            chronic_requirement_text()
        )
    }
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
            "Symptoms on {} of {} observed ({}, {per_week_text}; {coverage}): {}.",
            period.symptom_nights,
            nights_text(period.nights_logged),
            plural(episodes, "episode", "episodes"),
            frequency_clause(reaches, period.nights_logged, period.nights)
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
