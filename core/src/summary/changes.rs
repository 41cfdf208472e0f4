//! The key figures of a range and how each changed against the previous range of the same
//! length (the nights just before it): the values, the direction, and whether the change is
//! better, worse or the same for the patient, by the thresholds below. The IRLS figure compares
//! the latest rating with the one before it instead.
//!
//! The apps' summary screens, the text export and the clinician report all show these, so a
//! figure and its change are decided here once.

use rusqlite::Connection;
use serde::Serialize;

use crate::error::Result;
use crate::format::{
    day_month, duration_text, nights_text, number_text, one_decimal, percent_text, range_text,
    signed,
};
use crate::summary::coverage::{self, Coverage};
use crate::summary::day_clock::minutes_later;
use crate::summary::nights::Window;
use crate::summary::rating::{self, RatingSummary};
use crate::summary::severity::{self, Severity};
use crate::summary::sleep::{self, SleepSummary};
use crate::summary::stats::count;
use crate::summary::timing::{self, Timing};
use crate::summary::NightRange;

/// Observed nights each side of a comparison needs (this range and the previous one; the two
/// halves of the severity trend) before a change is called higher, lower, better or worse
/// (design §4). For the sleep efficiency, nights with a diary.
pub const MIN_NIGHTS_EACH_SIDE: u32 = 5;
/// A change of at least this many points (in the figure's own unit: nights a week, peak
/// points, percentage points of sleep efficiency) is judged ...
pub const MIN_CHANGE_POINTS: f64 = 1.0;
/// ... and so is a change of at least this percentage of the value before (design §4).
pub const MIN_CHANGE_PERCENT: f64 = 30.0;
/// A change of the IRLS total smaller than this (points) is "the same"; whether a change is
/// better or worse is the rating's own threshold ([`rating::RELEVANT_CHANGE`], one studies have
/// used).
pub const SAME_IRLS_POINTS: f64 = 0.5;
/// A median onset that moved by at least this many minutes is better (later) or worse
/// (earlier); a smaller move is shown but judged neither.
pub const ONSET_SHIFT_MINUTES: i64 = 60;

/// Which key figure.
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyFigureKind {
    /// Symptom nights per week (symptom nights ÷ logged nights × 7).
    SymptomNightsPerWeek,
    /// The mean nightly peak (0–10) over observed nights, symptom-free nights counting 0: the
    /// one severity measure of the key figures, the weekly rows, the trend, the before/after
    /// comparisons and the trigger comparisons.
    MeanNightlyPeak,
    /// The circular median onset time of the episodes.
    MedianOnset,
    /// The mean sleep efficiency of the morning diaries, percent.
    SleepEfficiency,
    /// The latest IRLS total (0–40).
    LatestIrls,
}

/// Which way a key figure moved.
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeDirection {
    /// It went up (for the onset time: later).
    Up,
    /// It went down (for the onset time: earlier).
    Down,
    /// It stayed within the figure's "same" threshold.
    Same,
}

/// What a change means for the patient.
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeVerdict {
    /// Better than before.
    Better,
    /// Worse than before.
    Worse,
    /// Neither: within the threshold, or a move too small to judge (an onset less than an hour
    /// away, an IRLS change under the threshold studies have used).
    Same,
}

/// How a key figure changed against what it is compared with.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct FigureChange {
    /// The value compared with (the previous period's, or the IRLS rating before the latest).
    pub before: f64,
    /// `1.6`, `22:00`, `14`.
    pub before_text: String,
    /// Now minus before (for the onset time: minutes later in the day, on the day clock that
    /// starts at the morning hour; negative when earlier).
    pub delta: f64,
    /// Which way it moved.
    pub direction: ChangeDirection,
    /// Better, worse or the same for the patient.
    pub verdict: ChangeVerdict,
    /// `+1.2 (was 1.6)`, `1 h 30 min later (was 22:00)`, `+8 since 20 Sep: ≥ 5 points`.
    pub text: String,
}

/// One key figure of the range, with its change.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct KeyFigure {
    /// Which figure.
    pub kind: KeyFigureKind,
    /// `Symptom nights per week`.
    pub label: String,
    /// The value (minutes after midnight for the onset time); `None` without data.
    pub value: Option<f64>,
    /// `2.8`, `23:30`, `88 %`, or `–` without data.
    pub value_text: String,
    /// A short qualifier: `12 of 28 observed nights`, `severe · 20 Oct`.
    pub detail: String,
    /// The change; `None` when there is nothing to compare with.
    pub change: Option<FigureChange>,
}

/// What the changes compare with: the nights just before the range, as many as it has.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct PreviousPeriod {
    /// The previous range; `None` when it would start before the year 1900.
    pub range: Option<NightRange>,
    /// Nights logged in it (0 without a previous range); changes need at least one.
    pub nights_logged: u32,
    /// `Changes compare with the previous 30 nights, Mon 1 Sep – Tue 30 Sep 2025; IRLS with
    /// the rating before.`, or why there are no changes.
    pub text: String,
}

/// The parts of a range that the key figures read.
pub(crate) struct Parts<'a> {
    pub coverage: &'a Coverage,
    pub severity: &'a Severity,
    pub timing: &'a Timing,
    pub sleep: &'a SleepSummary,
}

/// The same parts of the previous range, computed without its notes.
struct PreviousParts {
    coverage: Coverage,
    severity: Severity,
    timing: Timing,
    sleep: SleepSummary,
}

impl PreviousParts {
    fn parts(&self) -> Parts<'_> {
        Parts {
            coverage: &self.coverage,
            severity: &self.severity,
            timing: &self.timing,
            sleep: &self.sleep,
        }
    }
}

/// Whether a change from `before` to `now` is large enough to be called higher or lower: at
/// least [`MIN_CHANGE_POINTS`], or at least [`MIN_CHANGE_PERCENT`] of `before` (when `before`
/// is above 0).
pub fn meaningful_change(before: f64, now: f64) -> bool {
    let d = (now - before).abs();
    d >= MIN_CHANGE_POINTS || (before > 0.0 && d * 100.0 >= MIN_CHANGE_PERCENT * before)
}

/// `at least 5 observed nights on each side and a change of at least 1 point or 30 %`.
pub fn change_rule_text() -> String {
    format!(
        "at least {MIN_NIGHTS_EACH_SIDE} observed nights on each side and a change of at least \
         {} point or {}",
        number_text(MIN_CHANGE_POINTS),
        percent_text(MIN_CHANGE_PERCENT)
    )
}

/// Whether both sides have at least [`MIN_NIGHTS_EACH_SIDE`] nights.
fn enough(now: u32, before: u32) -> bool {
    now >= MIN_NIGHTS_EACH_SIDE && before >= MIN_NIGHTS_EACH_SIDE
}

/// The range of the same length just before `range`; `None` before the year 1900.
pub fn previous_range(range: &NightRange) -> Option<NightRange> {
    NightRange {
        first: range.first - chrono::Duration::days(range.nights()),
        last: range.first - chrono::Duration::days(1),
    }
    .validated()
    .ok()
}

/// Reads the previous range (on the caller's connection, so within its snapshot) and builds
/// the key figures of `now` with their changes.
pub(crate) fn build(
    conn: &Connection,
    range: &NightRange,
    morning_hour: i32,
    now: Parts<'_>,
    rating: &RatingSummary,
) -> Result<(Vec<KeyFigure>, PreviousPeriod)> {
    let previous_range = previous_range(range);
    // The other parts of a previous range with nothing observed are never read (there are no
    // changes to show), so they are not built: for a long range that is most of the work.
    let mut nights_logged = 0;
    let mut previous = None;
    if let Some(r) = &previous_range {
        let window = Window::load(conn, r.first, r.last, false)?;
        let mut unused = Vec::new();
        let coverage = coverage::build(&window, &mut unused);
        nights_logged = coverage.nights_logged;
        if nights_logged > 0 {
            previous = Some(PreviousParts {
                coverage,
                severity: severity::build(&window, &mut unused),
                timing: timing::build(&window, &mut unused, morning_hour),
                sleep: sleep::build(&window, &mut unused),
            });
        }
    }
    let text = match previous_range {
        Some(r) if nights_logged > 0 => format!(
            "Changes compare with the previous {}, {}; IRLS with the rating before.",
            nights_text(count_nights(&r)),
            range_text(r.first, r.last)
        ),
        Some(r) => format!(
            "Nothing was logged in the previous {} ({}), so there are no changes to show.",
            nights_text(count_nights(&r)),
            range_text(r.first, r.last)
        ),
        None => "No previous period to compare with.".into(),
    };
    let before = previous.as_ref();
    let figures = key_figures(
        &now,
        before.map(PreviousParts::parts).as_ref(),
        rating,
        morning_hour,
    );
    Ok((
        figures,
        PreviousPeriod {
            range: previous_range,
            nights_logged,
            text,
        },
    ))
}

fn count_nights(r: &NightRange) -> u32 {
    count(usize::try_from(r.nights()).unwrap_or(usize::MAX))
}

/// The five key figures, in the order the report shows them.
fn key_figures(
    now: &Parts<'_>,
    before: Option<&Parts<'_>>,
    rating: &RatingSummary,
    morning_hour: i32,
) -> Vec<KeyFigure> {
    vec![
        nights_per_week(now, before),
        median_peak(now, before),
        onset(now, before, morning_hour),
        sleep_efficiency(now, before),
        latest_irls(rating),
    ]
}

fn dash_or(value: Option<String>) -> String {
    value.unwrap_or_else(|| "–".into())
}

fn nights_per_week(now: &Parts<'_>, before: Option<&Parts<'_>>) -> KeyFigure {
    let c = now.coverage;
    let previous = before;
    let value = c.symptom_nights_per_week;
    let was = before.and_then(|p| p.coverage.symptom_nights_per_week);
    KeyFigure {
        kind: KeyFigureKind::SymptomNightsPerWeek,
        label: "Symptom nights per week".into(),
        value,
        value_text: dash_or(value.map(|x| format!("{x:.1}"))),
        detail: format!(
            "{} of {} observed nights",
            c.symptom_nights, c.nights_logged
        ),
        change: value.zip(was).map(|(now, before)| {
            let delta = now - before;
            let observed = enough(
                c.nights_logged,
                previous.map_or(0, |p| p.coverage.nights_logged),
            );
            let (direction, verdict) = judged(before, now, observed, true);
            let before_text = format!("{before:.1}");
            FigureChange {
                text: format!("{} (was {before_text})", signed(delta, 1)),
                before,
                before_text,
                delta,
                direction,
                verdict,
            }
        }),
    }
}

fn median_peak(now: &Parts<'_>, before: Option<&Parts<'_>>) -> KeyFigure {
    let sev = now.severity;
    let observed = enough(
        now.coverage.nights_logged,
        before.map_or(0, |p| p.coverage.nights_logged),
    );
    let value = sev.mean_peak;
    let was = before.and_then(|p| p.severity.mean_peak);
    // The worst night first: the report's figure box cuts a long detail at its end. That
    // symptom-free nights count as 0 is said once, in the definition of the measure.
    let over = format!("{} observed", nights_text(now.coverage.nights_logged));
    KeyFigure {
        kind: KeyFigureKind::MeanNightlyPeak,
        label: "Mean nightly peak (0–10)".into(),
        value,
        value_text: sev.mean_peak_text.clone(),
        detail: match &sev.worst_night {
            Some(w) => format!("worst {} on {}; {over}", w.peak, day_month(w.night)),
            None => over,
        },
        change: value.zip(was).map(|(now, before)| {
            let delta = now - before;
            let (direction, verdict) = judged(before, now, observed, true);
            let before_text = one_decimal(before);
            FigureChange {
                text: format!("{} (was {before_text})", signed(delta, 1)),
                before,
                before_text,
                delta,
                direction,
                verdict,
            }
        }),
    }
}

fn onset(now: &Parts<'_>, before: Option<&Parts<'_>>, morning_hour: i32) -> KeyFigure {
    if now.timing.bimodal_onsets {
        // Two clusters: one median would describe no night, and neither would its change.
        let clusters: Vec<String> = now
            .timing
            .onset_clusters
            .iter()
            .map(|c| c.text.clone())
            .collect();
        return KeyFigure {
            kind: KeyFigureKind::MedianOnset,
            label: "Onset time".into(),
            value: None,
            value_text: match clusters.len() {
                2 => "two clusters".into(),
                n => format!("{n} clusters"),
            },
            detail: clusters.join("; "),
            change: None,
        };
    }
    // A previous period with two clusters has no median to compare with either.
    let before = before.filter(|p| !p.timing.bimodal_onsets);
    let onset = now.timing.onset.as_ref();
    let observed = enough(
        now.coverage.nights_logged,
        before.map_or(0, |p| p.coverage.nights_logged),
    );
    let was = before.and_then(|p| p.timing.onset.as_ref());
    KeyFigure {
        kind: KeyFigureKind::MedianOnset,
        label: "Median onset time".into(),
        value: onset.map(|o| f64::from(o.median_minute)),
        value_text: dash_or(onset.map(|o| o.median_text.clone())),
        detail: match (onset, &now.timing.earliest_onset_text) {
            (Some(o), Some(e)) => format!("half {}–{}; earliest {e}", o.q1_text, o.q3_text),
            (Some(o), None) => format!("half {}–{}", o.q1_text, o.q3_text),
            _ => "no episodes".into(),
        },
        change: onset.zip(was).map(|(now, before)| {
            // On the day clock (from the morning hour), never the short way round: 10:00 now
            // against 23:00 before is 13 h earlier, not 11 h later.
            let delta = minutes_later(
                f64::from(before.median_minute),
                f64::from(now.median_minute),
                morning_hour,
            )
            .round() as i64;
            let (direction, verdict) = if observed {
                onset_judged(delta)
            } else {
                (ChangeDirection::Same, ChangeVerdict::Same)
            };
            let words = match delta {
                0 => "same".to_string(),
                d if d < 0 => format!("{} earlier", duration_text(d.abs())),
                d => format!("{} later", duration_text(d)),
            };
            FigureChange {
                before: f64::from(before.median_minute),
                before_text: before.median_text.clone(),
                delta: delta as f64,
                direction,
                verdict,
                text: format!("{words} (was {})", before.median_text),
            }
        }),
    }
}

fn sleep_efficiency(now: &Parts<'_>, before: Option<&Parts<'_>>) -> KeyFigure {
    let sleep = now.sleep;
    let observed = enough(
        sleep.efficiency_nights,
        before.map_or(0, |p| p.sleep.efficiency_nights),
    );
    let value = sleep.mean_sleep_efficiency_percent;
    let was = before.and_then(|p| p.sleep.mean_sleep_efficiency_percent);
    KeyFigure {
        kind: KeyFigureKind::SleepEfficiency,
        label: "Sleep efficiency (mean)".into(),
        value,
        value_text: dash_or(value.map(percent_text)),
        detail: if sleep.efficiency_nights > 0 {
            format!(
                "{} of {} nights < {}",
                sleep.nights_below_85_percent,
                sleep.efficiency_nights,
                percent_text(sleep::LOW_EFFICIENCY_PERCENT)
            )
        } else {
            "no sleep diaries".into()
        },
        change: value.zip(was).map(|(now, before)| {
            let delta = now - before;
            let (direction, verdict) = judged(before, now, observed, false);
            let before_text = format!("{before:.0} %");
            FigureChange {
                text: format!("{} points (was {before_text})", signed(delta, 0)),
                before,
                before_text,
                delta,
                direction,
                verdict,
            }
        }),
    }
}

fn latest_irls(r: &RatingSummary) -> KeyFigure {
    KeyFigure {
        kind: KeyFigureKind::LatestIrls,
        label: "Latest IRLS (0–40)".into(),
        value: r.latest.as_ref().map(|l| f64::from(l.total)),
        value_text: dash_or(r.latest.as_ref().map(|l| l.total.to_string())),
        detail: match &r.latest {
            Some(l) => format!("{} · {}", l.band_label, day_month(l.rated_on)),
            None => "no rating yet".into(),
        },
        change: r.change.zip(r.previous.as_ref()).map(|(delta, prev)| {
            let direction = if f64::from(delta).abs() < SAME_IRLS_POINTS {
                ChangeDirection::Same
            } else if delta > 0 {
                ChangeDirection::Up
            } else {
                ChangeDirection::Down
            };
            let verdict = if !r.relevant_change {
                ChangeVerdict::Same
            } else if delta > 0 {
                ChangeVerdict::Worse
            } else {
                ChangeVerdict::Better
            };
            let relevant = if r.relevant_change {
                format!(": ≥ {} points", rating::RELEVANT_CHANGE)
            } else {
                String::new()
            };
            FigureChange {
                before: f64::from(prev.total),
                before_text: prev.total.to_string(),
                delta: f64::from(delta),
                direction,
                verdict,
                text: format!(
                    "{} since {}{relevant}",
                    signed(f64::from(delta), 0),
                    day_month(prev.rated_on)
                ),
            }
        }),
    }
}

/// The direction and verdict of a change from `before` to `now` where higher is worse (or
/// better, with `higher_is_worse` false): "the same" unless both sides had enough nights
/// (`enough_nights`) and the change is [`meaningful_change`].
fn judged(
    before: f64,
    now: f64,
    enough_nights: bool,
    higher_is_worse: bool,
) -> (ChangeDirection, ChangeVerdict) {
    if !enough_nights || !meaningful_change(before, now) {
        return (ChangeDirection::Same, ChangeVerdict::Same);
    }
    let up = now > before;
    let direction = if up {
        ChangeDirection::Up
    } else {
        ChangeDirection::Down
    };
    let verdict = if up == higher_is_worse {
        ChangeVerdict::Worse
    } else {
        ChangeVerdict::Better
    };
    (direction, verdict)
}

/// An earlier onset is worse, a later one better, once it moved by [`ONSET_SHIFT_MINUTES`].
fn onset_judged(delta_minutes: i64) -> (ChangeDirection, ChangeVerdict) {
    match delta_minutes {
        0 => (ChangeDirection::Same, ChangeVerdict::Same),
        d if d <= -ONSET_SHIFT_MINUTES => (ChangeDirection::Down, ChangeVerdict::Worse),
        d if d < 0 => (ChangeDirection::Down, ChangeVerdict::Same),
        d if d >= ONSET_SHIFT_MINUTES => (ChangeDirection::Up, ChangeVerdict::Better),
        _ => (ChangeDirection::Up, ChangeVerdict::Same),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directions_and_verdicts_need_enough_nights_and_1_point_or_30_percent() {
        use ChangeDirection::*;
        // 1 point up from 5: meaningful (|Δ| = 1 ≥ 1).
        assert_eq!(judged(5.0, 6.0, true, true), (Up, ChangeVerdict::Worse));
        assert_eq!(judged(6.0, 5.0, true, true), (Down, ChangeVerdict::Better));
        assert_eq!(judged(6.0, 5.0, true, false), (Down, ChangeVerdict::Worse));
        // 0.9 from 5: 18 % and under a point: the same.
        assert_eq!(judged(5.0, 5.9, true, true), (Same, ChangeVerdict::Same));
        // 0.5 from 1.5: 33 % ≥ 30 %: meaningful though under a point.
        assert_eq!(judged(1.5, 2.0, true, true), (Up, ChangeVerdict::Worse));
        // 0.6 from 2.0: exactly 30 % (0.6 × 100 = 60 = 30 × 2).
        assert!(meaningful_change(2.0, 2.6));
        // 0.5 from 2.0: 25 %: not.
        assert!(!meaningful_change(2.0, 2.5));
        // From 0, only the points rule applies: 0 → 0.5 is not, 0 → 1 is.
        assert!(!meaningful_change(0.0, 0.5));
        assert!(meaningful_change(0.0, 1.0));
        // Too few nights on a side: never judged, whatever the change.
        assert_eq!(judged(1.0, 9.0, false, true), (Same, ChangeVerdict::Same));
        assert!(enough(5, 5));
        assert!(!enough(4, 30));
        assert!(!enough(30, 4));
    }

    #[test]
    fn onset_shifts_are_judged_from_an_hour() {
        use ChangeDirection::*;
        assert_eq!(onset_judged(-59), (Down, ChangeVerdict::Same));
        assert_eq!(onset_judged(-60), (Down, ChangeVerdict::Worse));
        assert_eq!(onset_judged(59), (Up, ChangeVerdict::Same));
        assert_eq!(onset_judged(60), (Up, ChangeVerdict::Better));
        assert_eq!(onset_judged(0), (Same, ChangeVerdict::Same));
    }
}
