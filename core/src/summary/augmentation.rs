//! Part 11, augmentation watch (Max Planck Institute criteria, IRLSSG; design §4): only while a
//! dopamine agonist is active (on the range's last night), the latest 14 nights (ending with the
//! range's last night) are compared with the first 14 nights after it started.
//!
//! Possible signs: onset 4 h or more earlier; or 2–4 h earlier together with one of a shorter
//! latency at rest, spread to the arms, a higher intensity, or a shorter relief after a dose.
//! Each sign is reported with its numbers, as "possible signs to discuss" — never a diagnosis.

use rusqlite::Connection;
use serde::Serialize;

use crate::error::Result;
use crate::format::date_text;
use crate::format::{clock_text, minutes_text, nights_text, number_text, one_decimal, plural};
use crate::model::kinds::{BodyArea, TreatmentCategory};
use crate::model::treatment::Treatment;
use crate::summary::nights::Window;
use crate::summary::period::PeriodStats;
use crate::summary::stats::{count, finite, median};
use crate::summary::timing::{circular_quartiles, clock_difference};
use crate::summary::NightRange;
use crate::time::{LocalDate, MINUTE_MS};

/// Nights in each window (the first on the agonist, the latest).
pub const WATCH_NIGHTS: i64 = 14;
/// Logged nights each window needs.
pub const MIN_LOGGED_PER_WINDOW: u32 = 7;
/// Values (episodes, nights, doses) each window needs for one sign.
pub const MIN_VALUES_PER_SIGN: usize = 3;
/// Onset this many minutes earlier is a sign on its own.
pub const ONSET_STRONG_MINUTES: f64 = 240.0;
/// Onset this many minutes earlier is a sign together with one other.
pub const ONSET_MODERATE_MINUTES: f64 = 120.0;
/// Latency at rest shorter by at least this share of the first value…
pub const LATENCY_SHORTER_SHARE: f64 = 0.25;
/// …and by at least this many minutes.
pub const LATENCY_SHORTER_MINUTES: f64 = 10.0;
/// A mean peak on symptom nights higher by at least this many points.
pub const INTENSITY_HIGHER_POINTS: f64 = 1.0;
/// Relief after a dose shorter by at least this share…
pub const RELIEF_SHORTER_SHARE: f64 = 0.25;
/// …and by at least this many hours.
pub const RELIEF_SHORTER_HOURS: f64 = 1.0;
/// Hours from a dose to the next episode are capped here (no episode within a day: 24 h).
pub const RELIEF_CAP_HOURS: f64 = 24.0;

/// Where the watch stands.
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AugmentationStatus {
    /// No dopamine agonist is active on the range's last night: nothing to watch.
    NotApplicable,
    /// The agonist started less than 28 nights before the range's end: the two windows would
    /// overlap.
    TooEarly,
    /// Too few logged nights or episodes to compare onset times.
    NotEnoughData,
    /// The criteria are not met by these measures.
    NoSigns,
    /// The criteria are met: possible signs to discuss with a clinician (not a diagnosis).
    PossibleSigns,
}

impl AugmentationStatus {
    fn rank(self) -> u8 {
        match self {
            AugmentationStatus::NotApplicable => 0,
            AugmentationStatus::TooEarly => 1,
            AugmentationStatus::NotEnoughData => 2,
            AugmentationStatus::NoSigns => 3,
            AugmentationStatus::PossibleSigns => 4,
        }
    }
}

/// The measures of the watch.
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AugmentationSignKind {
    /// Median onset clock time earlier.
    EarlierOnset,
    /// Median latency at rest shorter.
    ShorterLatency,
    /// Arms involved now, never in the first nights.
    SpreadToArms,
    /// Mean peak on symptom nights higher.
    HigherIntensity,
    /// Median hours from a dose to the next episode shorter.
    ShorterReliefAfterDose,
}

/// One measure, first 14 nights on the agonist against the latest 14.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct AugmentationSign {
    /// Which measure.
    pub kind: AugmentationSignKind,
    /// `Onset earlier`.
    pub label: String,
    /// The value in the first 14 nights (onset: minutes after midnight; latency: minutes;
    /// arms: episodes with arms; intensity: mean peak; relief: hours); `None` if too few values.
    pub baseline_value: Option<f64>,
    /// The value in the latest 14 nights, same unit.
    pub recent_value: Option<f64>,
    /// How far the value moved toward the sign (minutes earlier, minutes shorter, more
    /// episodes with arms, points higher, hours shorter); negative: away from it.
    pub change: Option<f64>,
    /// `01:15`, `30 min`, `0 of 9 episodes`, `4.2`, `9 h`.
    pub baseline_text: String,
    /// The same for the latest 14 nights.
    pub recent_text: String,
    /// Whether this measure meets its threshold.
    pub met: bool,
    /// One sentence with the numbers.
    pub text: String,
}

/// The watch for one dopamine agonist.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct AugmentationWatch {
    /// The treatment's id.
    pub treatment_id: String,
    /// Its name.
    pub name: String,
    /// Its first day.
    pub started_on: LocalDate,
    /// The first 14 nights on it.
    pub baseline: PeriodStats,
    /// The latest 14 nights (ending with the range's last night).
    pub recent: PeriodStats,
    /// Where this watch stands.
    pub status: AugmentationStatus,
    /// Minutes by which the median onset moved earlier; `None` if not comparable.
    pub onset_earlier_minutes: Option<f64>,
    /// Every measure with its numbers (empty when too early or too little logged).
    pub signs: Vec<AugmentationSign>,
    /// Sentences for the report, worded as possible signs to discuss.
    pub text: String,
}

/// Part 11: the augmentation watch.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct AugmentationSummary {
    /// The most notable status of the watches (`NotApplicable` without an active agonist).
    pub status: AugmentationStatus,
    /// One watch per dopamine agonist active on the range's last night.
    pub watches: Vec<AugmentationWatch>,
    /// One sentence for the report.
    pub text: String,
}

/// Builds part 11.
pub(crate) fn build(
    conn: &Connection,
    range: &NightRange,
    treatments: &[Treatment],
) -> Result<AugmentationSummary> {
    let mut watches = Vec::new();
    for t in treatments.iter().filter(|t| {
        t.data.category == TreatmentCategory::DopamineAgonist && t.data.active_on(range.last)
    }) {
        watches.push(watch(conn, range, t)?);
    }
    let status = watches
        .iter()
        .map(|w| w.status)
        .max_by_key(|s| s.rank())
        .unwrap_or(AugmentationStatus::NotApplicable);
    let text = match status {
        AugmentationStatus::NotApplicable => {
            "No dopamine agonist is active, so there is no augmentation watch.".to_string()
        }
        AugmentationStatus::PossibleSigns => {
            "Possible signs of augmentation to discuss with your clinician (not a diagnosis)."
                .to_string()
        }
        AugmentationStatus::NoSigns => "No signs of augmentation in these measures.".to_string(),
        AugmentationStatus::NotEnoughData | AugmentationStatus::TooEarly => {
            "Not enough data yet for the augmentation watch.".to_string()
        }
    };
    Ok(AugmentationSummary {
        status,
        watches,
        text,
    })
}

struct Side {
    onsets: Vec<u32>,
    latencies: Vec<f64>,
    area_episodes: u32,
    arm_episodes: u32,
    symptom_night_peaks: Vec<f64>,
    relief_hours: Vec<f64>,
}

fn side(window: &Window, treatment_id: &str) -> Side {
    let mut s = Side {
        onsets: Vec::new(),
        latencies: Vec::new(),
        area_episodes: 0,
        arm_episodes: 0,
        symptom_night_peaks: window
            .cells
            .iter()
            .filter(|c| c.episodes > 0)
            .map(|c| f64::from(c.peak))
            .collect(),
        relief_hours: Vec::new(),
    };
    for e in &window.episodes {
        s.onsets.push(e.data.started_at.local_minute_of_day());
        s.latencies.extend(e.data.latency_minutes.map(f64::from));
        if !e.data.body_areas.is_empty() {
            s.area_episodes += 1;
        }
        if e.data.body_areas.contains(&BodyArea::Arms) {
            s.arm_episodes += 1;
        }
    }
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

fn enough<T>(a: &[T], b: &[T]) -> bool {
    a.len() >= MIN_VALUES_PER_SIGN && b.len() >= MIN_VALUES_PER_SIGN
}

fn watch(conn: &Connection, range: &NightRange, t: &Treatment) -> Result<AugmentationWatch> {
    let start = t.data.started_on;
    let base_last = start + chrono::Duration::days(WATCH_NIGHTS - 1);
    let recent_first = range.last - chrono::Duration::days(WATCH_NIGHTS - 1);
    let name = t.data.name.clone();
    let base_window = Window::load(conn, start, base_last.min(range.last), false)?;
    let recent_window = Window::load(conn, recent_first.max(start), range.last, false)?;
    let baseline = PeriodStats::from_cells(start, base_last, &base_window.cells);
    let recent = PeriodStats::from_cells(
        recent_first,
        range.last,
        recent_window.cells_between(recent_first, range.last),
    );
    let mut w = AugmentationWatch {
        treatment_id: t.id.clone(),
        name: name.clone(),
        started_on: start,
        baseline,
        recent,
        status: AugmentationStatus::TooEarly,
        onset_earlier_minutes: None,
        signs: Vec::new(),
        text: String::new(),
    };
    let on_it = (range.last - start).num_days() + 1;
    if recent_first <= base_last {
        w.text = format!(
            "{name} started {}: the watch compares the first {n} nights on it with the latest \
             {n}, so it needs {} nights on it ({} so far).",
            date_text(start),
            2 * WATCH_NIGHTS,
            on_it.max(0),
            n = WATCH_NIGHTS
        );
        return Ok(w);
    }
    if w.baseline.nights_logged < MIN_LOGGED_PER_WINDOW
        || w.recent.nights_logged < MIN_LOGGED_PER_WINDOW
    {
        w.status = AugmentationStatus::NotEnoughData;
        w.text = format!(
            "{name}: too few logged nights to compare ({} in the first {n} nights on it, {} in \
             the latest {n}; needs {MIN_LOGGED_PER_WINDOW} each).",
            nights_text(w.baseline.nights_logged),
            w.recent.nights_logged,
            n = WATCH_NIGHTS
        );
        return Ok(w);
    }
    let b = side(&base_window, &t.id);
    let r = side(&recent_window, &t.id);
    let onset = onset_sign(&b, &r);
    let earlier = onset.change;
    w.onset_earlier_minutes = earlier;
    let others = vec![
        latency_sign(&b, &r),
        arms_sign(&b, &r),
        intensity_sign(&b, &r),
        relief_sign(&b, &r),
    ];
    let other_met: Vec<&AugmentationSign> = others.iter().filter(|s| s.met).collect();
    w.status = match earlier {
        None => AugmentationStatus::NotEnoughData,
        Some(e) if e >= ONSET_STRONG_MINUTES => AugmentationStatus::PossibleSigns,
        Some(e) if e >= ONSET_MODERATE_MINUTES && !other_met.is_empty() => {
            AugmentationStatus::PossibleSigns
        }
        Some(_) => AugmentationStatus::NoSigns,
    };
    let met_texts: Vec<String> = std::iter::once(&onset)
        .chain(others.iter())
        .filter(|s| s.met)
        .map(|s| s.text.trim_end_matches('.').to_string())
        .collect();
    w.text = match w.status {
        AugmentationStatus::PossibleSigns => format!(
            "{name}, latest {n} nights against the first {n} on it: possible signs of \
             augmentation to discuss with your clinician — {}. This is not a diagnosis.",
            met_texts.join("; "),
            n = WATCH_NIGHTS
        ),
        AugmentationStatus::NotEnoughData => {
            let mut t = format!(
                "{name}: too few episodes to compare onset times ({} in the first {n} nights on \
                 it, {} in the latest {n}; needs {MIN_VALUES_PER_SIGN} each).",
                b.onsets.len(),
                r.onsets.len(),
                n = WATCH_NIGHTS
            );
            if !met_texts.is_empty() {
                t.push_str(&format!(" Changes to mention: {}.", met_texts.join("; ")));
            }
            t
        }
        _ => {
            let mut t = format!(
                "{name}, latest {n} nights against the first {n} on it: no signs of augmentation \
                 by these criteria.",
                n = WATCH_NIGHTS
            );
            if !met_texts.is_empty() {
                t.push_str(&format!(
                    " Still worth mentioning: {}.",
                    met_texts.join("; ")
                ));
            }
            t
        }
    };
    w.signs = std::iter::once(onset).chain(others).collect();
    Ok(w)
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
        baseline_value: values.map(|v| v.0),
        recent_value: values.map(|v| v.1),
        change: values.and_then(|v| finite(v.2)),
        baseline_text: texts.0,
        recent_text: texts.1,
        met,
        text,
    }
}

/// Minutes as whole or fractional hours: `4 h`, `2.5 h`.
fn hours_text(minutes: f64) -> String {
    format!("{} h", number_text(minutes / 60.0))
}

/// `2–4 h`: the onset change that is a sign together with one other.
fn onset_moderate_text() -> String {
    format!(
        "{}–{}",
        number_text(ONSET_MODERATE_MINUTES / 60.0),
        hours_text(ONSET_STRONG_MINUTES)
    )
}

/// The watch's rules as the definitions state them, filled from the constants above.
pub(crate) fn definition_text() -> String {
    format!(
        "Only while a dopamine agonist is taken: the latest {n} nights against the first {n} \
         nights after it started (Max Planck Institute criteria, IRLSSG). Possible signs: onset \
         {strong} or more earlier, or {moderate} earlier plus one of: latency at rest shorter \
         (by ≥ {lat_share} % and ≥ {lat_min}), spread to the arms, mean peak on symptom nights \
         higher (by ≥ {peak}), time from a dose to the next episode shorter (by ≥ {rel_share} % \
         and ≥ {rel_h}). Each window needs {MIN_LOGGED_PER_WINDOW} logged nights and each \
         measure {MIN_VALUES_PER_SIGN} values. Possible signs to discuss, never a diagnosis.",
        n = WATCH_NIGHTS,
        strong = hours_text(ONSET_STRONG_MINUTES),
        moderate = onset_moderate_text(),
        lat_share = number_text(LATENCY_SHORTER_SHARE * 100.0),
        lat_min = minutes_text(LATENCY_SHORTER_MINUTES),
        peak = crate::format::plural(INTENSITY_HIGHER_POINTS as i64, "point", "points"),
        rel_share = number_text(RELIEF_SHORTER_SHARE * 100.0),
        rel_h = hours_text(RELIEF_SHORTER_HOURS * 60.0),
    )
}

fn too_few(what: &str, b: usize, r: usize) -> String {
    format!(
        "Too few {what} to compare ({b} in the first {n} nights, {r} in the latest {n}; needs \
         {MIN_VALUES_PER_SIGN} each).",
        n = WATCH_NIGHTS
    )
}

fn onset_sign(b: &Side, r: &Side) -> AugmentationSign {
    let label = "Onset earlier";
    let medians = if enough(&b.onsets, &r.onsets) {
        circular_quartiles(&b.onsets)
            .zip(circular_quartiles(&r.onsets))
            .map(|(qb, qr)| {
                let (mb, mr) = (qb.median.rem_euclid(1440.0), qr.median.rem_euclid(1440.0));
                (mb, mr, clock_difference(mr, mb))
            })
    } else {
        None
    };
    match medians {
        Some((mb, mr, earlier)) => {
            let met = earlier >= ONSET_MODERATE_MINUTES;
            let moved = if earlier >= 0.0 {
                format!("{} earlier", minutes_text(earlier))
            } else {
                format!("{} later", minutes_text(-earlier))
            };
            sign(
                AugmentationSignKind::EarlierOnset,
                label,
                Some((mb, mr, earlier)),
                (clock_text(mb), clock_text(mr)),
                met,
                format!(
                    "median onset {} now against {} in the first {} nights ({moved}{})",
                    clock_text(mr),
                    clock_text(mb),
                    WATCH_NIGHTS,
                    if earlier >= ONSET_STRONG_MINUTES {
                        format!(": {} or more", hours_text(ONSET_STRONG_MINUTES))
                    } else if met {
                        format!(
                            ": {}, a sign together with one other",
                            onset_moderate_text()
                        )
                    } else {
                        String::new()
                    }
                ),
            )
        }
        None => sign(
            AugmentationSignKind::EarlierOnset,
            label,
            None,
            ("–".into(), "–".into()),
            false,
            too_few("episodes", b.onsets.len(), r.onsets.len()),
        ),
    }
}

fn latency_sign(b: &Side, r: &Side) -> AugmentationSign {
    let label = "Shorter latency at rest";
    let values = if enough(&b.latencies, &r.latencies) {
        median(b.latencies.clone())
            .zip(median(r.latencies.clone()))
            .map(|(mb, mr)| (mb, mr, mb - mr))
    } else {
        None
    };
    match values {
        Some((mb, mr, shorter)) => {
            let met = shorter >= LATENCY_SHORTER_MINUTES && shorter >= LATENCY_SHORTER_SHARE * mb;
            sign(
                AugmentationSignKind::ShorterLatency,
                label,
                values,
                (minutes_text(mb), minutes_text(mr)),
                met,
                format!(
                    "symptoms start {} after resting now against {} at first (median)",
                    minutes_text(mr),
                    minutes_text(mb)
                ),
            )
        }
        None => sign(
            AugmentationSignKind::ShorterLatency,
            label,
            None,
            ("–".into(), "–".into()),
            false,
            too_few(
                "episodes with a latency at rest",
                b.latencies.len(),
                r.latencies.len(),
            ),
        ),
    }
}

fn arms_sign(b: &Side, r: &Side) -> AugmentationSign {
    let label = "Spread to the arms";
    let min = count(MIN_VALUES_PER_SIGN);
    if b.area_episodes < min || r.area_episodes < min {
        return sign(
            AugmentationSignKind::SpreadToArms,
            label,
            None,
            ("–".into(), "–".into()),
            false,
            too_few(
                "episodes with body areas",
                b.area_episodes as usize,
                r.area_episodes as usize,
            ),
        );
    }
    let (ab, ar) = (f64::from(b.arm_episodes), f64::from(r.arm_episodes));
    let met = b.arm_episodes == 0 && r.arm_episodes > 0;
    let bt = format!(
        "{} of {}",
        b.arm_episodes,
        plural(b.area_episodes, "episode", "episodes")
    );
    let rt = format!(
        "{} of {}",
        r.arm_episodes,
        plural(r.area_episodes, "episode", "episodes")
    );
    sign(
        AugmentationSignKind::SpreadToArms,
        label,
        Some((ab, ar, ar - ab)),
        (bt.clone(), rt.clone()),
        met,
        format!("arms involved in {rt} now against {bt} in the first {WATCH_NIGHTS} nights"),
    )
}

fn intensity_sign(b: &Side, r: &Side) -> AugmentationSign {
    let label = "Higher intensity";
    let values = if enough(&b.symptom_night_peaks, &r.symptom_night_peaks) {
        crate::summary::stats::mean(&b.symptom_night_peaks)
            .zip(crate::summary::stats::mean(&r.symptom_night_peaks))
            .map(|(mb, mr)| (mb, mr, mr - mb))
    } else {
        None
    };
    match values {
        Some((mb, mr, higher)) => sign(
            AugmentationSignKind::HigherIntensity,
            label,
            values,
            (one_decimal(mb), one_decimal(mr)),
            higher >= INTENSITY_HIGHER_POINTS,
            format!(
                "mean peak on symptom nights {} now against {} at first",
                one_decimal(mr),
                one_decimal(mb)
            ),
        ),
        None => sign(
            AugmentationSignKind::HigherIntensity,
            label,
            None,
            ("–".into(), "–".into()),
            false,
            too_few(
                "symptom nights",
                b.symptom_night_peaks.len(),
                r.symptom_night_peaks.len(),
            ),
        ),
    }
}

fn relief_sign(b: &Side, r: &Side) -> AugmentationSign {
    let label = "Shorter relief after a dose";
    let values = if enough(&b.relief_hours, &r.relief_hours) {
        median(b.relief_hours.clone())
            .zip(median(r.relief_hours.clone()))
            .map(|(mb, mr)| (mb, mr, mb - mr))
    } else {
        None
    };
    match values {
        Some((mb, mr, shorter)) => {
            let met = shorter >= RELIEF_SHORTER_HOURS && shorter >= RELIEF_SHORTER_SHARE * mb;
            sign(
                AugmentationSignKind::ShorterReliefAfterDose,
                label,
                values,
                (minutes_text(mb * 60.0), minutes_text(mr * 60.0)),
                met,
                format!(
                    "the next episode comes {} after a dose now against {} at first (median; \
                     {} when none came)",
                    minutes_text(mr * 60.0),
                    minutes_text(mb * 60.0),
                    hours_text(RELIEF_CAP_HOURS * 60.0)
                ),
            )
        }
        None => sign(
            AugmentationSignKind::ShorterReliefAfterDose,
            label,
            None,
            ("–".into(), "–".into()),
            false,
            too_few("logged doses", b.relief_hours.len(), r.relief_hours.len()),
        ),
    }
}
