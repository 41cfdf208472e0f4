//! Part 2, timing: when episodes start (a circular median of clock times with its IQR, and a
//! 24-bin onset histogram), latency at rest, duration, and how often symptoms woke the person.
//!
//! Clock times are circular (design §4): the median of 23:30 and 00:30 is 00:00, not 12:00. The
//! circle is cut at its widest empty stretch (the largest gap between consecutive onset times),
//! the times are unrolled from there into a straight line, and the ordinary median and quartiles
//! are taken on that line. For onsets clustered anywhere on the clock (as RLS onsets are) this is
//! the natural median; it never depends on where midnight falls.

use serde::Serialize;

use crate::format::{clock_text, minutes_text, percent_text, plural, wrap_minute};
use crate::summary::nights::Window;
use crate::summary::notes::{missing, Note};
use crate::summary::onset_shape::{self, OnsetCluster};
use crate::summary::stats::{count, median, percent, quantile_sorted};
use crate::time::MINUTE_MS;

/// Minutes in a day.
pub const DAY_MINUTES: f64 = 1440.0;
/// Onsets whose interquartile range is wider than this (minutes: 6 h) are too spread for a
/// "usual" onset time: the sentence then gives the median and the spread without "usually".
pub const WIDE_ONSET_IQR_MINUTES: u32 = 360;

/// The median and quartiles of clock times on the 24-hour circle, in minutes after midnight on
/// an unrolled line: `q1 <= median <= q3`, and values may exceed 1440 (wrap them for display).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct CircularQuartiles {
    /// The first quartile.
    pub q1: f64,
    /// The median.
    pub median: f64,
    /// The third quartile.
    pub q3: f64,
}

/// The circular median and quartiles of minutes of the day (0–1439; others are wrapped).
/// `None` without values.
pub(crate) fn circular_quartiles(minutes: &[u32]) -> Option<CircularQuartiles> {
    let mut values: Vec<f64> = minutes.iter().map(|m| f64::from(m % 1440)).collect();
    values.sort_by(f64::total_cmp);
    let first = *values.first()?;
    let last = *values.last()?;
    // The widest empty stretch: the wrap-around gap first, so ties keep the clock uncut.
    let mut cut = 0usize;
    let mut widest = first + DAY_MINUTES - last;
    for (i, pair) in values.windows(2).enumerate() {
        if let [a, b] = pair {
            if b - a > widest {
                widest = b - a;
                cut = i + 1;
            }
        }
    }
    let base = *values.get(cut)?;
    let unrolled: Vec<f64> = values
        .iter()
        .cycle()
        .skip(cut)
        .take(values.len())
        .map(|&v| if v < base { v + DAY_MINUTES } else { v })
        .collect();
    Some(CircularQuartiles {
        q1: quantile_sorted(&unrolled, 0.25)?,
        median: quantile_sorted(&unrolled, 0.5)?,
        q3: quantile_sorted(&unrolled, 0.75)?,
    })
}

/// When episodes start: circular median and interquartile range of onset clock times.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct ClockSpread {
    /// Episodes with an onset (all episodes of the range).
    pub episodes: u32,
    /// The median onset, minutes after local midnight (0–1439).
    pub median_minute: u32,
    /// `23:45`.
    pub median_text: String,
    /// The first quartile, minutes after local midnight (0–1439).
    pub q1_minute: u32,
    /// `22:50`.
    pub q1_text: String,
    /// The third quartile, minutes after local midnight (0–1439).
    pub q3_minute: u32,
    /// `00:40`.
    pub q3_text: String,
    /// The interquartile range (q3 − q1 along the clock), minutes.
    pub iqr_minutes: u32,
    /// `1 h 50 min`.
    pub iqr_text: String,
}

impl ClockSpread {
    pub(crate) fn from_minutes(minutes: &[u32]) -> Option<ClockSpread> {
        let q = circular_quartiles(minutes)?;
        Some(ClockSpread {
            episodes: count(minutes.len()),
            median_minute: wrap_minute(q.median),
            median_text: clock_text(q.median),
            q1_minute: wrap_minute(q.q1),
            q1_text: clock_text(q.q1),
            q3_minute: wrap_minute(q.q3),
            q3_text: clock_text(q.q3),
            iqr_minutes: (q.q3 - q.q1).round().clamp(0.0, DAY_MINUTES) as u32,
            iqr_text: minutes_text(q.q3 - q.q1),
        })
    }
}

/// One hour of the onset histogram.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct HourBin {
    /// The local hour, 0–23.
    pub hour: u8,
    /// `00`…`23`.
    pub label: String,
    /// Episodes that started in this hour.
    pub count: u32,
}

/// Part 2: when symptoms start and how long they last.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct Timing {
    /// Episodes in the range.
    pub episodes: u32,
    /// The median onset clock time and its spread; `None` without episodes.
    pub onset: Option<ClockSpread>,
    /// The earliest onset on the day clock (from the morning hour), `18:40`; `None` without
    /// episodes.
    pub earliest_onset_text: Option<String>,
    /// The latest onset on the day clock, `03:10`; `None` without episodes.
    pub latest_onset_text: Option<String>,
    /// The onset hours grouped into clusters separated by at least 3 empty hours, in day-clock
    /// order ([`onset_shape`]); empty without episodes.
    pub onset_clusters: Vec<OnsetCluster>,
    /// Whether the onsets are bimodal by our rule ([`onset_shape`]: at least 8 onsets, two
    /// clusters each holding at least 25 %): then no single median onset is stated.
    pub bimodal_onsets: bool,
    /// Episodes by local onset hour: always 24 bins, 00 to 23; the counts add up to `episodes`.
    pub onset_histogram: Vec<HourBin>,
    /// Episodes with a latency at rest recorded.
    pub latency_episodes: u32,
    /// The median minutes from lying or sitting down to onset; `None` if none was recorded.
    pub median_latency_minutes: Option<f64>,
    /// `25 min`.
    pub median_latency_text: Option<String>,
    /// Episodes with an end (their duration is known).
    pub ended_episodes: u32,
    /// Episodes without an end (not counted in the duration).
    pub open_episodes: u32,
    /// The median episode duration, minutes; `None` without ended episodes.
    pub median_duration_minutes: Option<f64>,
    /// `1 h 05 min`.
    pub median_duration_text: Option<String>,
    /// Episodes that woke the person from sleep.
    pub woke_from_sleep: u32,
    /// Their share of all episodes, percent; `None` without episodes.
    pub woke_percent: Option<f64>,
    /// One sentence for the report.
    pub text: String,
}

/// Builds part 2.
pub(crate) fn build(window: &Window, notes: &mut Vec<Note>, morning_hour: i32) -> Timing {
    let mut histogram = [0u32; 24];
    let mut onsets = Vec::with_capacity(window.episodes.len());
    let mut latencies = Vec::new();
    let mut durations = Vec::new();
    let mut woke = 0u32;
    for e in &window.episodes {
        let minute = e.data.started_at.local_minute_of_day();
        onsets.push(minute);
        if let Some(bin) = histogram.get_mut((minute / 60) as usize) {
            *bin += 1;
        }
        if let Some(l) = e.data.latency_minutes {
            latencies.push(f64::from(l));
        }
        if let Some(end) = e.data.ended_at {
            durations.push(((end.millis() - e.data.started_at.millis()) / MINUTE_MS) as f64);
        }
        if e.data.woke_from_sleep {
            woke += 1;
        }
    }
    let episodes = count(window.episodes.len());
    let onset = ClockSpread::from_minutes(&onsets);
    let shape = onset_shape::of(&onsets, morning_hour);
    let latency_episodes = count(latencies.len());
    let ended_episodes = count(durations.len());
    let median_latency = median(latencies);
    let median_duration = median(durations);
    let woke_percent = percent(woke, episodes);
    if episodes > 0 {
        if median_latency.is_none() {
            notes.push(missing(
                "timing",
                "No latency at rest recorded, so there is no median latency.",
            ));
        }
        if median_duration.is_none() {
            notes.push(missing(
                "timing",
                "No episode has an end time, so there is no median duration.",
            ));
        }
    }
    let text = match (&onset, woke_percent) {
        (Some(o), Some(w)) => {
            let mut parts = vec![match &shape {
                Some(sh) if sh.bimodal => onset_shape::bimodal_sentence(sh),
                _ => onset_sentence(o),
            }];
            if let Some(sh) = &shape {
                parts.push(format!(
                    "earliest {}, range {}–{}",
                    clock_text(f64::from(sh.earliest_minute)),
                    clock_text(f64::from(sh.earliest_minute)),
                    clock_text(f64::from(sh.latest_minute))
                ));
            }
            if let Some(d) = median_duration {
                parts.push(format!("last {} (median)", minutes_text(d)));
            }
            parts.push(format!(
                "woke the person in {} of {} ({})",
                woke,
                plural(episodes, "episode", "episodes"),
                percent_text(w)
            ));
            format!("{}.", parts.join("; "))
        }
        _ => "No episodes in this range.".to_string(),
    };
    Timing {
        episodes,
        onset,
        earliest_onset_text: shape
            .as_ref()
            .map(|sh| clock_text(f64::from(sh.earliest_minute))),
        latest_onset_text: shape
            .as_ref()
            .map(|sh| clock_text(f64::from(sh.latest_minute))),
        bimodal_onsets: shape.as_ref().is_some_and(|sh| sh.bimodal),
        onset_clusters: shape.map(|sh| sh.clusters).unwrap_or_default(),
        onset_histogram: histogram
            .iter()
            .zip(0u8..)
            .map(|(&n, hour)| HourBin {
                hour,
                label: format!("{hour:02}"),
                count: n,
            })
            .collect(),
        latency_episodes,
        median_latency_minutes: median_latency,
        median_latency_text: median_latency.map(minutes_text),
        ended_episodes,
        open_episodes: episodes.saturating_sub(ended_episodes),
        median_duration_minutes: median_duration,
        median_duration_text: median_duration.map(minutes_text),
        woke_from_sleep: woke,
        woke_percent,
        text,
    }
}

/// The onset clause: `Symptoms usually start around 23:45 (half of onsets between 23:00 and
/// 00:30, a spread of 1 h 30 min)`, without "usually" when the IQR is wider than
/// [`WIDE_ONSET_IQR_MINUTES`].
fn onset_sentence(o: &ClockSpread) -> String {
    let spread = format!(
        "half of onsets between {} and {}, a spread of {}",
        o.q1_text, o.q3_text, o.iqr_text
    );
    if o.iqr_minutes > WIDE_ONSET_IQR_MINUTES {
        format!(
            "Onsets are spread widely over the day: median {} ({spread})",
            o.median_text
        )
    } else {
        format!("Symptoms usually start around {} ({spread})", o.median_text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn median_of(minutes: &[u32]) -> f64 {
        circular_quartiles(minutes)
            .map(|q| q.median.rem_euclid(DAY_MINUTES))
            .unwrap_or(f64::NAN)
    }

    #[test]
    fn midnight_wraps() {
        assert_eq!(median_of(&[23 * 60 + 30, 30]), 0.0);
        assert_eq!(median_of(&[30, 23 * 60 + 30]), 0.0);
        assert_eq!(median_of(&[22 * 60, 23 * 60, 60]), 23.0 * 60.0);
        assert_eq!(median_of(&[600, 700, 800]), 700.0);
        assert_eq!(median_of(&[5]), 5.0);
        assert!(circular_quartiles(&[]).is_none());
    }

    #[test]
    fn quartiles_follow_the_clock() {
        let q = circular_quartiles(&[22 * 60, 23 * 60, 0, 60, 120]).expect("values");
        assert_eq!(clock_text(q.q1), "23:00");
        assert_eq!(clock_text(q.median), "00:00");
        assert_eq!(clock_text(q.q3), "01:00");
        assert_eq!(q.q3 - q.q1, 120.0);
    }

    #[test]
    fn usually_only_when_onsets_cluster() {
        // 22:00, 23:00, 00:00, 01:00, 02:00: the middle half 23:00–01:00, IQR 2 h ≤ 6 h.
        let tight = ClockSpread::from_minutes(&[22 * 60, 23 * 60, 0, 60, 120]).expect("values");
        assert_eq!(
            onset_sentence(&tight),
            "Symptoms usually start around 00:00 (half of onsets between 23:00 and 01:00, a \
             spread of 2 h)"
        );
        // 06:00, 12:00, 18:00, 00:00 wide apart: the widest gap (6 h, the wrap gap first) keeps
        // the clock cut at 00:00, so 0, 360, 720, 1080; q1 = 270, q3 = 810 (linear
        // interpolation), IQR 540 min = 9 h > 6 h.
        let wide = ClockSpread::from_minutes(&[360, 720, 1080, 0]).expect("values");
        assert_eq!(wide.iqr_minutes, 540);
        assert!(onset_sentence(&wide).starts_with("Onsets are spread widely over the day: median"));
        // Exactly 6 h is still "usually": 0, 0, 360, 360 → q1 = 0, q3 = 360.
        let edge = ClockSpread::from_minutes(&[0, 0, 360, 360]).expect("values");
        assert_eq!(edge.iqr_minutes, WIDE_ONSET_IQR_MINUTES);
        assert!(onset_sentence(&edge).starts_with("Symptoms usually start"));
    }
}
