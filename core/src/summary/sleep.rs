//! Part 7, sleep: means of the Consensus Sleep Diary measures (Carney et al. 2012) over the
//! diaries of the range, the nights with a sleep efficiency below [`LOW_EFFICIENCY_PERCENT`],
//! and what a sleep specialist asks next (issue 14 item 6): the observed nights on which RLS
//! woke the person, and the total sleep of symptom nights against symptom-free nights (diary
//! nights only).
//!
//! TIB = out of bed − got into bed; TST = (final awakening − tried to sleep) − SOL − WASO;
//! SE = TST / TIB × 100 (the formulas live on `SleepDiaryData`).

use serde::Serialize;

use crate::format::{minutes_text, nights_text, percent_text};
use crate::summary::nights::Window;
use crate::summary::notes::{missing, Note};
use crate::summary::stats::percent;
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
    /// Observed nights of the range: the denominator of `nights_woken_by_rls`.
    pub observed_nights: u32,
    /// Observed nights with at least one episode marked "woke me from sleep".
    pub nights_woken_by_rls: u32,
    /// `3 of 12 observed nights (25 %)`; `None` without observed nights.
    pub nights_woken_text: Option<String>,
    /// Diaries of symptom nights (nights with an episode).
    pub symptom_night_diaries: u32,
    /// Mean total sleep time of those diaries, minutes; `None` without one.
    pub mean_total_sleep_symptom_nights_minutes: Option<f64>,
    /// `5 h 40 min`.
    pub mean_total_sleep_symptom_nights_text: Option<String>,
    /// Diaries of symptom-free nights (no episode that night).
    pub symptom_free_night_diaries: u32,
    /// Mean total sleep time of those diaries, minutes; `None` without one.
    pub mean_total_sleep_symptom_free_minutes: Option<f64>,
    /// `7 h 05 min`.
    pub mean_total_sleep_symptom_free_text: Option<String>,
    /// `total sleep 5 h 40 min on 4 symptom nights, 7 h 05 min on 6 symptom-free nights`;
    /// `None` unless both kinds of diary night exist.
    pub symptom_night_sleep_text: Option<String>,
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
    let observed = count(window.cells.iter().filter(|c| c.observed).count());
    let woken = count(window.cells.iter().filter(|c| c.observed && c.woke).count());
    let nights_woken_text = percent(woken, observed).map(|p| {
        format!(
            "{woken} of {} observed nights ({})",
            observed,
            percent_text(p)
        )
    });
    let mut tst_symptom = Vec::new();
    let mut tst_free = Vec::new();
    for d in &window.diaries {
        let Some(cell) = window
            .index_of(d.night_of)
            .and_then(|i| window.cells.get(i))
        else {
            continue;
        };
        let minutes = d.total_sleep_minutes() as f64;
        if cell.episodes > 0 {
            tst_symptom.push(minutes);
        } else {
            tst_free.push(minutes);
        }
    }
    let mean_tst_symptom = mean(&tst_symptom);
    let mean_tst_free = mean(&tst_free);
    let symptom_night_sleep_text = mean_tst_symptom.zip(mean_tst_free).map(|(on, off)| {
        format!(
            "total sleep {} on {} with symptoms, {} on {} without",
            minutes_text(on),
            nights_text(count(tst_symptom.len())),
            minutes_text(off),
            nights_text(count(tst_free.len()))
        )
    });
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
            if let Some(c) = &symptom_night_sleep_text {
                t.push_str(&format!("; {c}"));
            }
            format!("{t}.")
        }
        _ => "No sleep diaries in this range.".to_string(),
    };
    let text = match &nights_woken_text {
        Some(w) => format!("{text} Woken by RLS on {w}."),
        None => text,
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
        observed_nights: observed,
        nights_woken_by_rls: woken,
        nights_woken_text,
        symptom_night_diaries: count(tst_symptom.len()),
        mean_total_sleep_symptom_nights_minutes: mean_tst_symptom,
        mean_total_sleep_symptom_nights_text: mean_tst_symptom.map(minutes_text),
        symptom_free_night_diaries: count(tst_free.len()),
        mean_total_sleep_symptom_free_minutes: mean_tst_free,
        mean_total_sleep_symptom_free_text: mean_tst_free.map(minutes_text),
        symptom_night_sleep_text,
        text,
    }
}
