//! Part 3, severity: the per-night peak series (symptom-free nights are 0, nights with nothing
//! logged are missing), its mean and median, the trend (first half against second half, and
//! week by week) and the worst night.

use chrono::Datelike;
use serde::Serialize;

use crate::format::date_text;
use crate::format::{one_decimal, short_date};
use crate::summary::changes;
use crate::summary::nights::Window;
use crate::summary::notes::{missing, Note};
use crate::summary::period::PeriodStats;
use crate::summary::stats::{count, median};
use crate::time::LocalDate;

/// Nights per week of the weekly values.
const WEEK: i64 = 7;

/// One night of the severity series.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct NightPoint {
    /// The night.
    pub night: LocalDate,
    /// `Mon 2 Mar`.
    pub label: String,
    /// Whether the night was observed (an episode, a sleep diary or a "no symptoms" answer);
    /// a night that is not is "not logged" on the calendar and the report.
    pub logged: bool,
    /// The highest peak intensity: 0 for a logged night without symptoms, `None` for a night
    /// with nothing logged (missing, not 0).
    pub peak: Option<u8>,
    /// Episodes that night.
    pub episodes: u32,
}

/// Which way severity went from the first half of the range to the second.
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    /// The mean peak fell by at least 1 point or 30 % ([`changes::meaningful_change`]).
    Lower,
    /// It changed by less.
    Similar,
    /// It rose by at least 1 point or 30 %.
    Higher,
    /// A half has fewer than [`changes::MIN_NIGHTS_EACH_SIDE`] observed nights.
    Unknown,
}

/// The first half of the range against the second.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct HalfTrend {
    /// The first half (the middle night of an odd range belongs to neither half).
    pub first_half: PeriodStats,
    /// The second half.
    pub second_half: PeriodStats,
    /// Second-half mean peak minus first-half mean peak; `None` if a half has fewer than
    /// [`changes::MIN_NIGHTS_EACH_SIDE`] observed nights.
    pub mean_peak_change: Option<f64>,
    /// The direction of that change.
    pub direction: Trend,
    /// One sentence.
    pub text: String,
}

/// The worst night of the range.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct WorstNight {
    /// The night.
    pub night: LocalDate,
    /// Its peak intensity.
    pub peak: u8,
    /// Its episodes.
    pub episodes: u32,
    /// `Thu 5 Mar 2026: peak 8/10, 2 episodes`.
    pub text: String,
}

/// Part 3: how bad the nights were, and which way it is going.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct Severity {
    /// Every night of the range, in order.
    pub nights: Vec<NightPoint>,
    /// Frequency and severity over the whole range (the sums behind the means).
    pub overall: PeriodStats,
    /// The mean per-night peak over logged nights (symptom-free nights count 0); `None` without
    /// logged nights.
    pub mean_peak: Option<f64>,
    /// `3.4`, or `–`.
    pub mean_peak_text: String,
    /// The median per-night peak over logged nights; `None` without logged nights.
    pub median_peak: Option<f64>,
    /// `4`, or `–`.
    pub median_peak_text: String,
    /// First half against second half.
    pub trend: HalfTrend,
    /// Week by week, weeks starting on Monday (ISO 8601; the locale's first day is not known
    /// to the core), each cut to the range; a week with fewer than 7 observed nights is marked
    /// `partial_week` and carries counts, not a per-week rate.
    pub weeks: Vec<PeriodStats>,
    /// The night with the highest peak (ties: more episodes, then the earlier night); `None`
    /// without episodes.
    pub worst_night: Option<WorstNight>,
    /// One sentence for the report.
    pub text: String,
}

fn value_text(v: Option<f64>) -> String {
    v.map(one_decimal).unwrap_or_else(|| "–".to_string())
}

/// Builds part 3.
pub(crate) fn build(window: &Window, notes: &mut Vec<Note>) -> Severity {
    let mut nights = Vec::with_capacity(window.cells.len());
    let mut peaks = Vec::new();
    let mut worst: Option<(LocalDate, u8, u32)> = None;
    for (night, cell) in window.nights() {
        nights.push(NightPoint {
            night,
            label: short_date(night),
            logged: cell.observed,
            peak: cell.observed.then_some(cell.peak),
            episodes: cell.episodes,
        });
        if cell.observed {
            peaks.push(f64::from(cell.peak));
        }
        if cell.episodes > 0 {
            let better = match worst {
                None => true,
                Some((_, p, n)) => (cell.peak, cell.episodes) > (p, n),
            };
            if better {
                worst = Some((night, cell.peak, cell.episodes));
            }
        }
    }
    let overall = PeriodStats::from_cells(window.first, window.last, &window.cells);
    let median_peak = median(peaks);
    let trend = half_trend(window);
    let weeks = weeks(window);
    let worst_night = worst.map(|(night, peak, episodes)| WorstNight {
        night,
        peak,
        episodes,
        text: format!(
            "{}: peak {peak}/10, {}",
            date_text(night),
            crate::format::plural(episodes, "episode", "episodes")
        ),
    });
    if overall.nights_logged > 0 && trend.direction == Trend::Unknown {
        notes.push(missing("severity", trend_shortfall_text(&trend)));
    }
    let text = match overall.mean_peak {
        Some(m) => format!(
            "Mean nightly peak {} of 10 over {} observed (median {}); {}",
            one_decimal(m),
            crate::format::nights_text(overall.nights_logged),
            value_text(median_peak),
            trend.text
        ),
        None => "No observed nights, so no severity.".to_string(),
    };
    Severity {
        nights,
        mean_peak: overall.mean_peak,
        mean_peak_text: value_text(overall.mean_peak),
        median_peak,
        median_peak_text: value_text(median_peak),
        overall,
        trend,
        weeks,
        worst_night,
        text,
    }
}

fn half_trend(window: &Window) -> HalfTrend {
    let n = count(window.cells.len());
    let half = i64::from(n / 2);
    let first_end = window.first + chrono::Duration::days(half - 1);
    let second_start = window.last - chrono::Duration::days(half - 1);
    let (first_half, second_half) = if half == 0 {
        let one = PeriodStats::from_cells(window.first, window.last, &window.cells);
        (one.clone(), one)
    } else {
        (
            PeriodStats::from_cells(
                window.first,
                first_end,
                window.cells_between(window.first, first_end),
            ),
            PeriodStats::from_cells(
                second_start,
                window.last,
                window.cells_between(second_start, window.last),
            ),
        )
    };
    let enough = half > 0
        && first_half.nights_logged >= changes::MIN_NIGHTS_EACH_SIDE
        && second_half.nights_logged >= changes::MIN_NIGHTS_EACH_SIDE;
    let means = first_half
        .mean_peak
        .zip(second_half.mean_peak)
        .filter(|_| enough);
    let change = means.and_then(|(a, b)| crate::summary::stats::finite(b - a));
    let direction = match (means, change) {
        (Some((a, b)), Some(c)) if changes::meaningful_change(a, b) => {
            if c < 0.0 {
                Trend::Lower
            } else {
                Trend::Higher
            }
        }
        (Some(_), Some(_)) => Trend::Similar,
        _ => Trend::Unknown,
    };
    let text = match (direction, means) {
        (Trend::Unknown, _) | (_, None) => format!(
            "not enough data for a trend (needs {} observed nights in each half; {} and {}).",
            changes::MIN_NIGHTS_EACH_SIDE,
            first_half.nights_logged,
            second_half.nights_logged
        ),
        (d, Some((a, b))) => format!(
            "{} in the second half ({} → {}, {} and {} observed nights).",
            match d {
                Trend::Lower => "lower",
                Trend::Higher => "higher",
                _ => "about the same",
            },
            one_decimal(a),
            one_decimal(b),
            first_half.nights_logged,
            second_half.nights_logged
        ),
    };
    HalfTrend {
        first_half,
        second_half,
        mean_peak_change: change,
        direction,
        text,
    }
}

/// Why a range with observed nights has no trend.
fn trend_shortfall_text(trend: &HalfTrend) -> String {
    format!(
        "A half of the range has fewer than {} observed nights ({} and {}), so there is no \
         trend.",
        changes::MIN_NIGHTS_EACH_SIDE,
        trend.first_half.nights_logged,
        trend.second_half.nights_logged
    )
}

/// The Monday on or before `night` (ISO 8601 weeks).
pub(crate) fn week_start(night: LocalDate) -> LocalDate {
    night - chrono::Duration::days(i64::from(night.weekday().num_days_from_monday()))
}

/// The weeks of the range, Monday to Sunday, cut to the range.
fn weeks(window: &Window) -> Vec<PeriodStats> {
    let mut weeks = Vec::new();
    let mut start = window.first;
    while start <= window.last {
        let end = (week_start(start) + chrono::Duration::days(WEEK - 1)).min(window.last);
        weeks.push(
            PeriodStats::from_cells(start, end, window.cells_between(start, end)).into_week(),
        );
        start = end + chrono::Duration::days(1);
    }
    weeks
}
