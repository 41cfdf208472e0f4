//! Frequency and severity of a stretch of nights: the building block of the severity trend, the
//! per-week values, treatment before/after and the augmentation windows.

use serde::Serialize;

use crate::format::{nights_text, one_decimal, percent_text};
use crate::summary::nights::NightCell;
use crate::summary::stats::{mean_of, percent};
use crate::time::LocalDate;

/// Frequency and severity over a stretch of nights (a half of the range, a week, the nights
/// before or after a treatment started).
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct PeriodStats {
    /// The first night of the stretch.
    pub first: LocalDate,
    /// The last night of the stretch (inclusive).
    pub last: LocalDate,
    /// Nights in the stretch.
    pub nights: u32,
    /// Observed nights (an episode, a sleep diary or a "no symptoms" answer).
    pub nights_logged: u32,
    /// Nights with at least one episode.
    pub symptom_nights: u32,
    /// Symptom nights as a percentage of nights logged; `None` without logged nights.
    pub symptom_night_percent: Option<f64>,
    /// Symptom nights ÷ nights logged × 7; `None` without logged nights.
    pub symptom_nights_per_week: Option<f64>,
    /// The sum of the per-night peaks over logged nights (symptom-free nights add 0).
    pub peak_sum: u32,
    /// The mean per-night peak over logged nights (symptom-free nights count as 0); `None`
    /// without logged nights.
    pub mean_peak: Option<f64>,
    /// The mean per-night peak over symptom nights only; `None` without symptom nights. Not the
    /// summary's severity measure (that is `mean_peak`, over observed nights); named apart so
    /// that it is never read as it.
    pub mean_peak_symptom_nights: Option<f64>,
    /// For a week of the weekly series ([`crate::summary::Severity::weeks`]): fewer than 7 of
    /// its nights observed (the range cuts it, or nights were not described). Its symptom nights
    /// are then a count out of its observed nights, never scaled up to 7 (no per-week rate).
    /// Always false outside the weekly series.
    pub partial_week: bool,
    /// `Mon 2 Mar – Sun 8 Mar 2026`.
    pub label: String,
    /// `symptoms on 5 of 6 nights observed (83 %), mean peak 4.3; observed 6 of 7 nights
    /// (86 %)`, or why there is nothing.
    pub text: String,
}

/// Nights in a week.
const WEEK_NIGHTS: u32 = 7;

impl PeriodStats {
    /// This stretch as a week of the weekly series: marked partial when fewer than 7 of its
    /// nights were observed, and then without a per-week rate (a week of 2 observed nights is
    /// "symptoms on 2 of 2 observed nights", not "7.0 per week").
    pub(crate) fn into_week(mut self) -> PeriodStats {
        if self.nights_logged < WEEK_NIGHTS {
            self.partial_week = true;
            self.symptom_nights_per_week = None;
            if self.nights_logged > 0 {
                self.text = format!(
                    "partial week ({} of {WEEK_NIGHTS} nights in the range, {} observed): {}",
                    self.nights, self.nights_logged, self.text
                );
            } else {
                self.text = format!("partial week: {}", self.text);
            }
        }
        self
    }

    /// Aggregates the cells of the nights `first..=last` (`cells` holds exactly those nights;
    /// missing ones count as not logged).
    pub(crate) fn from_cells(
        first: LocalDate,
        last: LocalDate,
        cells: &[NightCell],
    ) -> PeriodStats {
        let nights = u32::try_from((last - first).num_days() + 1).unwrap_or(0);
        let mut logged = 0u32;
        let mut symptom = 0u32;
        let mut peak_sum = 0u32;
        for cell in cells.iter().filter(|c| c.observed) {
            logged += 1;
            if cell.episodes > 0 {
                symptom += 1;
            }
            peak_sum += u32::from(cell.peak);
        }
        let symptom_night_percent = percent(symptom, logged);
        let symptom_nights_per_week = mean_of(f64::from(symptom) * 7.0, logged);
        let mean_peak = mean_of(f64::from(peak_sum), logged);
        let mean_peak_symptom_nights = mean_of(f64::from(peak_sum), symptom);
        let text = match (symptom_night_percent, mean_peak) {
            // The rate with its coverage next to it (issue 14 item 6).
            (Some(p), Some(m)) => format!(
                "symptoms on {symptom} of {} observed ({}), mean peak {}; {}",
                nights_text(logged),
                percent_text(p),
                one_decimal(m),
                crate::summary::coverage::coverage_text(logged, nights)
            ),
            _ => format!("no night observed in {}", nights_text(nights)),
        };
        PeriodStats {
            first,
            last,
            nights,
            nights_logged: logged,
            symptom_nights: symptom,
            symptom_night_percent,
            symptom_nights_per_week,
            peak_sum,
            mean_peak,
            mean_peak_symptom_nights,
            partial_week: false,
            label: crate::format::range_text(first, last),
            text,
        }
    }
}
