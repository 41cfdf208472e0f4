//! The measures of the augmentation watch, one window against the other: what each window holds
//! ([`Side`]) and one [`AugmentationSign`] per measure, with its numbers.

use std::collections::BTreeMap;
use std::collections::BTreeSet;

use crate::format::{clock_text, minutes_text, one_decimal, plural};
use crate::model::kinds::BodyArea;
use crate::summary::augmentation::words::{hours_text, onset_moderate_text};
use crate::summary::augmentation::{
    AugmentationSign, AugmentationSignKind, DAYTIME_END_HOUR, DAYTIME_MORE_DAYS_PER_WEEK,
    INTENSITY_HIGHER_POINTS, LATENCY_SHORTER_MINUTES, LATENCY_SHORTER_SHARE, MIN_VALUES_PER_SIGN,
    ONSET_MODERATE_MINUTES, ONSET_STRONG_MINUTES, RELIEF_CAP_HOURS, RELIEF_SHORTER_HOURS,
    RELIEF_SHORTER_SHARE,
};
use crate::summary::day_clock::{clock_minute, minutes_since_morning};
use crate::summary::nights::Window;
use crate::summary::stats::{count, finite, mean, median};
use crate::time::{LocalDate, MINUTE_MS};

/// Whether a body area lies beyond the legs (spread, MPI criteria: "extension of symptoms to
/// other body parts").
pub(super) fn beyond_the_legs(area: &BodyArea) -> bool {
    matches!(area, BodyArea::Arms | BodyArea::Trunk)
}

/// What one window holds for the watch.
pub(super) struct Side {
    /// The first onset of each observed night, episodes marked "woke from sleep" left out:
    /// minutes since the morning hour (day clock).
    pub first_onsets: Vec<f64>,
    /// Latencies at rest, minutes.
    pub latencies: Vec<f64>,
    /// Episodes with body areas recorded.
    pub area_episodes: u32,
    /// Of those, episodes with an area beyond the legs (arms, trunk).
    pub beyond_legs_episodes: u32,
    /// The nightly peak of each symptom night.
    pub symptom_night_peaks: Vec<f64>,
    /// Hours from each dose of the treatment to the next episode (capped).
    pub relief_hours: Vec<f64>,
    /// Calendar days with an episode starting between the morning hour and
    /// [`DAYTIME_END_HOUR`].
    pub daytime_days: u32,
    /// Observed nights of the window.
    pub observed: u32,
}

impl Side {
    /// Reads `window` for the treatment `treatment_id`.
    pub(super) fn of(window: &Window, treatment_id: &str, morning_hour: i32) -> Side {
        let mut first: BTreeMap<LocalDate, (i64, u32)> = BTreeMap::new();
        let mut daytime: BTreeSet<LocalDate> = BTreeSet::new();
        let day_start = morning_hour.unsigned_abs() * 60;
        let day_end = u32::from(DAYTIME_END_HOUR) * 60;
        let mut s = Side {
            first_onsets: Vec::new(),
            latencies: Vec::new(),
            area_episodes: 0,
            beyond_legs_episodes: 0,
            symptom_night_peaks: window
                .cells
                .iter()
                .filter(|c| c.episodes > 0)
                .map(|c| f64::from(c.peak))
                .collect(),
            relief_hours: Vec::new(),
            daytime_days: 0,
            observed: count(window.cells.iter().filter(|c| c.observed).count()),
        };
        for e in &window.episodes {
            let d = &e.data;
            let minute = d.started_at.local_minute_of_day();
            if (day_start..day_end).contains(&minute) {
                daytime.insert(d.started_at.local().date());
            }
            if !d.woke_from_sleep {
                let at = d.started_at.millis();
                first
                    .entry(e.night)
                    .and_modify(|f| {
                        if at < f.0 {
                            *f = (at, minute);
                        }
                    })
                    .or_insert((at, minute));
            }
            s.latencies.extend(d.latency_minutes.map(f64::from));
            if !d.body_areas.is_empty() {
                s.area_episodes += 1;
            }
            if d.body_areas.iter().any(beyond_the_legs) {
                s.beyond_legs_episodes += 1;
            }
        }
        s.first_onsets = first
            .values()
            .map(|&(_, minute)| minutes_since_morning(f64::from(minute), morning_hour))
            .collect();
        s.daytime_days = count(daytime.len());
        let starts: Vec<i64> = window
            .episodes
            .iter()
            .map(|e| e.data.started_at.millis())
            .collect();
        for dose in window
            .doses
            .iter()
            .filter(|d| d.treatment_id == treatment_id)
        {
            let at = dose.at_ms;
            let next = starts.partition_point(|&s| s <= at);
            let hours = starts
                .get(next)
                .map(|&s| (s - at) as f64 / (60.0 * MINUTE_MS as f64))
                .unwrap_or(RELIEF_CAP_HOURS)
                .min(RELIEF_CAP_HOURS);
            s.relief_hours.push(hours);
        }
        s
    }

    /// Days with daytime symptoms per 7 observed nights; `None` without observed nights.
    fn daytime_per_week(&self) -> Option<f64> {
        (self.observed > 0)
            .then(|| f64::from(self.daytime_days) * 7.0 / f64::from(self.observed))
            .and_then(finite)
    }
}

fn enough<T>(a: &[T], b: &[T]) -> bool {
    a.len() >= MIN_VALUES_PER_SIGN && b.len() >= MIN_VALUES_PER_SIGN
}

fn sign(
    kind: AugmentationSignKind,
    label: &str,
    values: Option<(f64, f64, f64)>,
    texts: (String, String),
    met: bool,
    text: String,
) -> AugmentationSign {
    AugmentationSign {
        kind,
        label: label.to_string(),
        measured: values.is_some(),
        baseline_value: values.map(|v| v.0),
        recent_value: values.map(|v| v.1),
        change: values.and_then(|v| finite(v.2)),
        baseline_text: texts.0,
        recent_text: texts.1,
        met,
        text,
    }
}

fn unmeasured(kind: AugmentationSignKind, label: &str, text: String) -> AugmentationSign {
    sign(kind, label, None, ("–".into(), "–".into()), false, text)
}

fn too_few(what: &str, b: usize, r: usize) -> String {
    format!(
        "Too few {what} to compare ({b} at baseline, {r} in the latest {n} nights; needs \
         {MIN_VALUES_PER_SIGN} each).",
        n = crate::summary::augmentation::WATCH_NIGHTS
    )
}

/// Onset: the median first onset per observed night on the day clock; the change is minutes
/// earlier in the day.
pub(super) fn onset(b: &Side, r: &Side, morning_hour: i32) -> AugmentationSign {
    let kind = AugmentationSignKind::EarlierOnset;
    let label = "Onset earlier";
    let medians = if enough(&b.first_onsets, &r.first_onsets) {
        median(b.first_onsets.clone()).zip(median(r.first_onsets.clone()))
    } else {
        None
    };
    let Some((db, dr)) = medians else {
        return unmeasured(
            kind,
            label,
            too_few(
                "nights with a first onset",
                b.first_onsets.len(),
                r.first_onsets.len(),
            ),
        );
    };
    let earlier = db - dr;
    let (mb, mr) = (
        clock_minute(db, morning_hour),
        clock_minute(dr, morning_hour),
    );
    let met = earlier >= ONSET_MODERATE_MINUTES;
    let moved = if earlier >= 0.0 {
        format!("{} earlier in the day", minutes_text(earlier))
    } else {
        format!("{} later in the day", minutes_text(-earlier))
    };
    let rule = if earlier >= ONSET_STRONG_MINUTES {
        format!(": {} or more", hours_text(ONSET_STRONG_MINUTES))
    } else if met {
        format!(
            ": {}, a sign together with one other",
            onset_moderate_text()
        )
    } else {
        String::new()
    };
    sign(
        kind,
        label,
        Some((mb, mr, earlier)),
        (clock_text(mb), clock_text(mr)),
        met,
        format!(
            "median first onset of the night {} now against {} at baseline ({moved}{rule})",
            clock_text(mr),
            clock_text(mb),
        ),
    )
}

/// Latency at rest: the median, shorter by a share and by minutes.
pub(super) fn latency(b: &Side, r: &Side) -> AugmentationSign {
    let kind = AugmentationSignKind::ShorterLatency;
    let label = "Shorter latency at rest";
    let values = if enough(&b.latencies, &r.latencies) {
        median(b.latencies.clone())
            .zip(median(r.latencies.clone()))
            .map(|(mb, mr)| (mb, mr, mb - mr))
    } else {
        None
    };
    let Some((mb, mr, shorter)) = values else {
        return unmeasured(
            kind,
            label,
            too_few(
                "episodes with a latency at rest",
                b.latencies.len(),
                r.latencies.len(),
            ),
        );
    };
    let met = shorter >= LATENCY_SHORTER_MINUTES && shorter >= LATENCY_SHORTER_SHARE * mb;
    sign(
        kind,
        label,
        values,
        (minutes_text(mb), minutes_text(mr)),
        met,
        format!(
            "symptoms start {} after resting now against {} at baseline (median)",
            minutes_text(mr),
            minutes_text(mb)
        ),
    )
}

/// Spread: an area beyond the legs now, none at baseline.
pub(super) fn spread(b: &Side, r: &Side) -> AugmentationSign {
    let kind = AugmentationSignKind::SpreadBeyondLegs;
    let label = "Spread beyond the legs";
    let min = count(MIN_VALUES_PER_SIGN);
    if b.area_episodes < min || r.area_episodes < min {
        return unmeasured(
            kind,
            label,
            too_few(
                "episodes with body areas",
                b.area_episodes as usize,
                r.area_episodes as usize,
            ),
        );
    }
    let (ab, ar) = (
        f64::from(b.beyond_legs_episodes),
        f64::from(r.beyond_legs_episodes),
    );
    let met = b.beyond_legs_episodes == 0 && r.beyond_legs_episodes > 0;
    let of = |n: u32, of: u32| format!("{n} of {}", plural(of, "episode", "episodes"));
    let (bt, rt) = (
        of(b.beyond_legs_episodes, b.area_episodes),
        of(r.beyond_legs_episodes, r.area_episodes),
    );
    sign(
        kind,
        label,
        Some((ab, ar, ar - ab)),
        (bt.clone(), rt.clone()),
        met,
        format!("arms or trunk involved in {rt} now against {bt} at baseline"),
    )
}

/// Intensity: the mean peak of symptom nights, higher by points.
pub(super) fn intensity(b: &Side, r: &Side) -> AugmentationSign {
    let kind = AugmentationSignKind::HigherIntensity;
    let label = "Higher intensity";
    let values = if enough(&b.symptom_night_peaks, &r.symptom_night_peaks) {
        mean(&b.symptom_night_peaks)
            .zip(mean(&r.symptom_night_peaks))
            .map(|(mb, mr)| (mb, mr, mr - mb))
    } else {
        None
    };
    let Some((mb, mr, higher)) = values else {
        return unmeasured(
            kind,
            label,
            too_few(
                "symptom nights",
                b.symptom_night_peaks.len(),
                r.symptom_night_peaks.len(),
            ),
        );
    };
    sign(
        kind,
        label,
        values,
        (one_decimal(mb), one_decimal(mr)),
        higher >= INTENSITY_HIGHER_POINTS,
        format!(
            "mean peak on symptom nights {} now against {} at baseline",
            one_decimal(mr),
            one_decimal(mb)
        ),
    )
}

/// Relief after a dose: the median hours to the next episode, shorter by a share and by hours.
pub(super) fn relief(b: &Side, r: &Side) -> AugmentationSign {
    let kind = AugmentationSignKind::ShorterReliefAfterDose;
    let label = "Shorter relief after a dose";
    let values = if enough(&b.relief_hours, &r.relief_hours) {
        median(b.relief_hours.clone())
            .zip(median(r.relief_hours.clone()))
            .map(|(mb, mr)| (mb, mr, mb - mr))
    } else {
        None
    };
    let Some((mb, mr, shorter)) = values else {
        return unmeasured(
            kind,
            label,
            too_few("logged doses", b.relief_hours.len(), r.relief_hours.len()),
        );
    };
    let met = shorter >= RELIEF_SHORTER_HOURS && shorter >= RELIEF_SHORTER_SHARE * mb;
    sign(
        kind,
        label,
        values,
        (minutes_text(mb * 60.0), minutes_text(mr * 60.0)),
        met,
        format!(
            "the next episode comes {} after a dose now against {} at baseline (median; {} \
             when none came)",
            minutes_text(mr * 60.0),
            minutes_text(mb * 60.0),
            hours_text(RELIEF_CAP_HOURS * 60.0)
        ),
    )
}

/// `4 days in 14 observed nights (2.0 a week)`.
fn days_text(side: &Side, per_week: f64) -> String {
    format!(
        "{} in {} observed nights ({} a week)",
        plural(side.daytime_days, "day", "days"),
        side.observed,
        one_decimal(per_week)
    )
}

/// Daytime symptoms: days with an onset between the morning hour and [`DAYTIME_END_HOUR`] per
/// 7 observed nights, more by [`DAYTIME_MORE_DAYS_PER_WEEK`].
pub(super) fn daytime(b: &Side, r: &Side, morning_hour: i32) -> AugmentationSign {
    let kind = AugmentationSignKind::DaytimeSymptoms;
    let label = "Daytime symptoms";
    let Some((pb, pr)) = b.daytime_per_week().zip(r.daytime_per_week()) else {
        return unmeasured(
            kind,
            label,
            "No observed nights to count daytime symptoms against.".into(),
        );
    };
    let more = pr - pb;
    sign(
        kind,
        label,
        Some((pb, pr, more)),
        (
            format!("{} a week", one_decimal(pb)),
            format!("{} a week", one_decimal(pr)),
        ),
        more >= DAYTIME_MORE_DAYS_PER_WEEK,
        format!(
            "days with symptoms starting between {morning_hour:02}:00 and \
             {DAYTIME_END_HOUR:02}:00: {} now against {} at baseline",
            days_text(r, pr),
            days_text(b, pb)
        ),
    )
}
