//! Part 7, sleep: means of the Consensus Sleep Diary measures (Carney et al. 2012) over the
//! diaries of the range, and the nights with a sleep efficiency below
//! [`LOW_EFFICIENCY_PERCENT`].
//!
//! TIB = out of bed − got into bed; TST = (final awakening − tried to sleep) − SOL − WASO;
//! SE = TST / TIB × 100 (the formulas live on `SleepDiaryData`).

use serde::Serialize;

use crate::format::{minutes_text, nights_text, percent_text};
use crate::summary::nights::Window;
use crate::summary::notes::{missing, Note};
use crate::summary::stats::{count, mean};

/// Sleep efficiency below this (percent) is counted as a poor night.
pub const LOW_EFFICIENCY_PERCENT: f64 = 85.0;

/// Part 7: how the person slept, from the morning diaries.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct SleepSummary {
    /// Sleep diaries in the range.
    pub diaries: u32,
    /// Mean time in bed, minutes; `None` without diaries.
    pub mean_time_in_bed_minutes: Option<f64>,
    /// `7 h 45 min`.
    pub mean_time_in_bed_text: Option<String>,
    /// Mean total sleep time, minutes.
    pub mean_total_sleep_minutes: Option<f64>,
    /// `6 h 20 min`.
    pub mean_total_sleep_text: Option<String>,
    /// Mean sleep onset latency (minutes to fall asleep).
    pub mean_sleep_onset_minutes: Option<f64>,
    /// `25 min`.
    pub mean_sleep_onset_text: Option<String>,
    /// Mean minutes awake after first falling asleep.
    pub mean_wake_after_sleep_onset_minutes: Option<f64>,
    /// `40 min`.
    pub mean_wake_after_sleep_onset_text: Option<String>,
    /// Mean awakenings per night.
    pub mean_awakenings: Option<f64>,
    /// Mean sleep quality, 1–5.
    pub mean_quality: Option<f64>,
    /// Diaries with a sleep efficiency (time in bed above zero).
    pub efficiency_nights: u32,
    /// Mean sleep efficiency, percent.
    pub mean_sleep_efficiency_percent: Option<f64>,
    /// `82 %`.
    pub mean_sleep_efficiency_text: Option<String>,
    /// Nights with a sleep efficiency below [`LOW_EFFICIENCY_PERCENT`] (85 %).
    pub nights_below_85_percent: u32,
    /// One sentence for the report.
    pub text: String,
}

/// Builds part 7.
pub(crate) fn build(window: &Window, notes: &mut Vec<Note>) -> SleepSummary {
    let n = window.diaries.len();
    let mut tib = Vec::with_capacity(n);
    let mut tst = Vec::with_capacity(n);
    let mut sol = Vec::with_capacity(n);
    let mut waso = Vec::with_capacity(n);
    let mut awakenings = Vec::with_capacity(n);
    let mut quality = Vec::with_capacity(n);
    let mut se = Vec::with_capacity(n);
    for d in &window.diaries {
        tib.push(d.time_in_bed_minutes() as f64);
        tst.push(d.total_sleep_minutes() as f64);
        sol.push(f64::from(d.sleep_onset_minutes));
        waso.push(f64::from(d.wake_after_sleep_onset_minutes));
        awakenings.push(f64::from(d.awakenings));
        quality.push(f64::from(d.quality));
        se.extend(d.sleep_efficiency_percent().filter(|v| v.is_finite()));
    }
    let below = count(se.iter().filter(|&&v| v < LOW_EFFICIENCY_PERCENT).count());
    let mean_tib = mean(&tib);
    let mean_tst = mean(&tst);
    let mean_sol = mean(&sol);
    let mean_waso = mean(&waso);
    let mean_se = mean(&se);
    let diaries = count(n);
    if diaries == 0 && window.cells.iter().any(|c| c.observed) {
        notes.push(missing(
            "sleep",
            "No morning sleep diaries in this range, so there are no sleep measures.",
        ));
    }
    let text = match (mean_tst, mean_tib, mean_se) {
        (Some(tst), Some(tib), se) => {
            let mut t = format!(
                "Over {} with a diary: {} asleep of {} in bed",
                nights_text(diaries),
                minutes_text(tst),
                minutes_text(tib)
            );
            if let Some(se) = se {
                t.push_str(&format!(
                    " (sleep efficiency {}); {} below {}",
                    percent_text(se),
                    nights_text(below),
                    percent_text(LOW_EFFICIENCY_PERCENT)
                ));
            }
            if let (Some(sol), Some(waso)) = (mean_sol, mean_waso) {
                t.push_str(&format!(
                    "; {} to fall asleep, {} awake after falling asleep",
                    minutes_text(sol),
                    minutes_text(waso)
                ));
            }
            format!("{t}.")
        }
        _ => "No sleep diaries in this range.".to_string(),
    };
    SleepSummary {
        diaries,
        mean_time_in_bed_minutes: mean_tib,
        mean_time_in_bed_text: mean_tib.map(minutes_text),
        mean_total_sleep_minutes: mean_tst,
        mean_total_sleep_text: mean_tst.map(minutes_text),
        mean_sleep_onset_minutes: mean_sol,
        mean_sleep_onset_text: mean_sol.map(minutes_text),
        mean_wake_after_sleep_onset_minutes: mean_waso,
        mean_wake_after_sleep_onset_text: mean_waso.map(minutes_text),
        mean_awakenings: mean(&awakenings),
        mean_quality: mean(&quality),
        efficiency_nights: count(se.len()),
        mean_sleep_efficiency_percent: mean_se,
        mean_sleep_efficiency_text: mean_se.map(percent_text),
        nights_below_85_percent: below,
        text,
    }
}
