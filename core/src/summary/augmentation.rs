//! Part 11, augmentation watch (MPI criteria, García-Borreguero et al. 2007; design §4): while a
//! dopaminergic drug (a dopamine agonist or levodopa) is active on the range's last night, the
//! latest 14 nights (ending with the range's last night) are compared with a baseline — the 14
//! observed nights before the start when they exist, else the earliest 14 observed nights on it
//! ([`baseline`]).
//!
//! Onset is the first onset of each observed night (episodes marked "woke from sleep" left
//! out), timed on the day clock from the morning hour ([`crate::summary::day_clock`]), so a
//! morning onset reads as earlier, not later. Possible signs: onset 4 h or more earlier; or
//! 2–4 h earlier together with one of a shorter latency at rest, spread beyond the legs, a
//! higher intensity, a shorter relief after a dose, or more days with daytime symptoms; 2–4 h
//! earlier with none met and one not measurable is "inconclusive — discuss". Each sign is
//! reported with its numbers ([`signs`]) as "possible signs to discuss" — never a diagnosis;
//! what the journal cannot judge is stated ([`words`]).

mod baseline;
mod signs;
pub(crate) mod words;

use rusqlite::Connection;
use serde::Serialize;

use crate::error::Result;
use crate::format::{date_text, nights_text};
use crate::model::treatment::Treatment;
use crate::summary::augmentation::baseline::Found;
use crate::summary::augmentation::signs::Side;
use crate::summary::nights::Window;
use crate::summary::period::PeriodStats;
use crate::summary::NightRange;
use crate::time::LocalDate;

pub use words::{AASM_SOURCE, ASRS_SOURCE, MPI_SOURCE};

/// Nights in each window (the baseline's observed nights, the latest nights).
pub const WATCH_NIGHTS: i64 = 14;
/// Nights before a start searched for a baseline (and the longest stretch on the treatment read
/// for the first observed nights on it).
pub const BASELINE_LOOKBACK_NIGHTS: i64 = 90;
/// Observed nights each window needs.
pub const MIN_LOGGED_PER_WINDOW: u32 = 7;
/// Values (nights, episodes, doses) each window needs for one sign.
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
/// Daytime symptoms start from the morning hour until this local hour (exclusive).
pub const DAYTIME_END_HOUR: u8 = 18;
/// Days with daytime symptoms per 7 observed nights up by at least this many: a sign.
pub const DAYTIME_MORE_DAYS_PER_WEEK: f64 = 1.0;

/// Where the watch stands.
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AugmentationStatus {
    /// No dopaminergic drug (dopamine agonist, levodopa) is active on the range's last night:
    /// nothing to watch.
    NotApplicable,
    /// Not yet comparable: the latest 14 nights are not all on the drug, or (without observed
    /// nights before the start) it started less than 28 nights before the range's end.
    TooEarly,
    /// Too few observed nights or first onsets to compare onset times.
    NotEnoughData,
    /// The criteria are not met by these measures.
    NoSigns,
    /// "Inconclusive — discuss": onset moved 2–4 h earlier, no other sign is met and at least
    /// one of them could not be measured.
    Inconclusive,
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
            AugmentationStatus::Inconclusive => 4,
            AugmentationStatus::PossibleSigns => 5,
        }
    }

    /// Whether the status is one to raise with the clinician (possible signs, inconclusive).
    pub fn to_discuss(self) -> bool {
        matches!(
            self,
            AugmentationStatus::PossibleSigns | AugmentationStatus::Inconclusive
        )
    }
}

/// Which nights the watch compares with.
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AugmentationBaseline {
    /// The 14 observed nights before the start (within 90 nights before it).
    BeforeStart,
    /// The earliest 14 observed nights on the drug (fewer nights before the start were
    /// observed).
    FirstNightsOnIt,
}

/// The measures of the watch.
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AugmentationSignKind {
    /// The median first onset of the night earlier in the day (day clock).
    EarlierOnset,
    /// Median latency at rest shorter.
    ShorterLatency,
    /// Arms or trunk involved now, never at baseline.
    SpreadBeyondLegs,
    /// Mean peak on symptom nights higher.
    HigherIntensity,
    /// Median hours from a dose to the next episode shorter.
    ShorterReliefAfterDose,
    /// More days a week with symptoms starting between the morning hour and 18:00.
    DaytimeSymptoms,
}

/// One measure, the baseline against the latest 14 nights.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct AugmentationSign {
    /// Which measure.
    pub kind: AugmentationSignKind,
    /// `Onset earlier`.
    pub label: String,
    /// Whether both windows had enough values to compare (otherwise the values are `None`
    /// and `text` says how many there were).
    pub measured: bool,
    /// The value at baseline (onset: minutes after midnight; latency: minutes; spread: episodes
    /// with arms or trunk; intensity: mean peak; relief: hours; daytime: days per 7 observed
    /// nights); `None` if too few values.
    pub baseline_value: Option<f64>,
    /// The value in the latest 14 nights, same unit.
    pub recent_value: Option<f64>,
    /// How far the value moved toward the sign (minutes earlier in the day, minutes shorter,
    /// more episodes beyond the legs, points higher, hours shorter, more days a week);
    /// negative: away from it.
    pub change: Option<f64>,
    /// `01:15`, `30 min`, `0 of 9 episodes`, `4.2`, `9 h`, `0.5 a week (1 day)`.
    pub baseline_text: String,
    /// The same for the latest 14 nights.
    pub recent_text: String,
    /// Whether this measure meets its threshold.
    pub met: bool,
    /// One sentence with the numbers.
    pub text: String,
}

/// The watch for one dopaminergic drug.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct AugmentationWatch {
    /// The treatment's id.
    pub treatment_id: String,
    /// Its name.
    pub name: String,
    /// Its first day.
    pub started_on: LocalDate,
    /// Which nights the baseline is; `None` when too early to choose one.
    pub baseline_source: Option<AugmentationBaseline>,
    /// `Baseline: the 14 observed nights before the start (…).`, or why there is none yet.
    pub baseline_text: String,
    /// The baseline nights; `None` when too early to choose them.
    pub baseline: Option<PeriodStats>,
    /// The latest 14 nights (ending with the range's last night).
    pub recent: PeriodStats,
    /// Where this watch stands.
    pub status: AugmentationStatus,
    /// Minutes by which the median first onset moved earlier in the day; `None` if not
    /// comparable.
    pub onset_earlier_minutes: Option<f64>,
    /// Every measure with its numbers (empty when too early or too little observed).
    pub signs: Vec<AugmentationSign>,
    /// What this watch assesses and which criteria it cannot judge.
    pub scope_text: String,
    /// Sentences for the report, worded as possible signs to discuss.
    pub text: String,
}

/// Part 11: the augmentation watch.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct AugmentationSummary {
    /// The most notable status of the watches (`NotApplicable` without an active dopaminergic
    /// drug).
    pub status: AugmentationStatus,
    /// One watch per dopamine agonist or levodopa active on the range's last night.
    pub watches: Vec<AugmentationWatch>,
    /// What the watch assesses and which criteria the journal cannot judge.
    pub scope_text: String,
    /// The status sentence and, per watch, its first onset and daytime symptoms against which
    /// baseline: for the report.
    pub text: String,
}

/// Builds part 11; `main` is the summary's window (the watch's nights are cut from it when it
/// holds them).
pub(crate) fn build(
    conn: &Connection,
    main: &Window,
    range: &NightRange,
    treatments: &[Treatment],
    morning_hour: i32,
) -> Result<AugmentationSummary> {
    let mut watches = Vec::new();
    for t in treatments
        .iter()
        .filter(|t| t.data.category.is_dopaminergic() && t.data.active_on(range.last))
    {
        watches.push(watch(conn, main, range, t, morning_hour)?);
    }
    let status = watches
        .iter()
        .map(|w| w.status)
        .max_by_key(|s| s.rank())
        .unwrap_or(AugmentationStatus::NotApplicable);
    Ok(AugmentationSummary {
        status,
        text: words::summary_text(status, &watches),
        watches,
        scope_text: words::scope_text(),
    })
}

fn watch(
    conn: &Connection,
    main: &Window,
    range: &NightRange,
    t: &Treatment,
    morning_hour: i32,
) -> Result<AugmentationWatch> {
    let start = t.data.started_on;
    let recent_first = range.last - chrono::Duration::days(WATCH_NIGHTS - 1);
    let name = t.data.name.clone();
    let recent_window = main.part_or_load(conn, recent_first.max(start), range.last)?;
    let recent = PeriodStats::from_cells(
        recent_first,
        range.last,
        recent_window.cells_between(recent_first, range.last),
    );
    let mut w = AugmentationWatch {
        treatment_id: t.id.clone(),
        name: name.clone(),
        started_on: start,
        baseline_source: None,
        baseline_text: String::new(),
        baseline: None,
        recent,
        status: AugmentationStatus::TooEarly,
        onset_earlier_minutes: None,
        signs: Vec::new(),
        scope_text: words::watch_scope_text(None),
        text: String::new(),
    };
    let on_it = (range.last - start).num_days() + 1;
    let found = if recent_first < start {
        Found::TooEarly
    } else {
        baseline::choose(conn, main, start, recent_first)?
    };
    let chosen = match found {
        Found::Baseline(chosen) => *chosen,
        Found::TooEarly => {
            w.baseline_text = format!(
                "No baseline yet: {WATCH_NIGHTS} observed nights before the start, or \
                 {WATCH_NIGHTS} nights on it before the latest {WATCH_NIGHTS}."
            );
            let needs = if recent_first < start {
                format!("the latest {WATCH_NIGHTS} nights must all be on it")
            } else {
                format!(
                    "without {WATCH_NIGHTS} observed nights before the start, the first \
                     {WATCH_NIGHTS} nights on it are the baseline, so it needs {} on it",
                    nights_text(2 * WATCH_NIGHTS)
                )
            };
            w.text = format!(
                "{name} started {} ({} on it so far): {needs}.",
                date_text(start),
                nights_text(on_it.max(0)),
            );
            return Ok(w);
        }
    };
    let baseline = PeriodStats::from_cells(chosen.first, chosen.last, &chosen.window.cells);
    w.baseline_source = Some(chosen.source);
    w.baseline_text = words::baseline_text(
        chosen.source,
        chosen.first,
        chosen.last,
        baseline.nights_logged,
    );
    w.scope_text = words::watch_scope_text(Some(chosen.source));
    let base_words = words::baseline_short(chosen.source);
    let (logged_b, logged_r) = (baseline.nights_logged, w.recent.nights_logged);
    w.baseline = Some(baseline);
    if logged_b < MIN_LOGGED_PER_WINDOW || logged_r < MIN_LOGGED_PER_WINDOW {
        w.status = AugmentationStatus::NotEnoughData;
        w.text = format!(
            "{name}: too few observed nights to compare ({} at baseline, {logged_r} in the \
             latest {WATCH_NIGHTS}; needs {MIN_LOGGED_PER_WINDOW} each).",
            nights_text(logged_b),
        );
        return Ok(w);
    }
    let b = Side::of(&chosen.window, &t.id, morning_hour);
    let r = Side::of(&recent_window, &t.id, morning_hour);
    let onset = signs::onset(&b, &r, morning_hour);
    let others = vec![
        signs::latency(&b, &r),
        signs::spread(&b, &r),
        signs::intensity(&b, &r),
        signs::relief(&b, &r),
        signs::daytime(&b, &r, morning_hour),
    ];
    w.onset_earlier_minutes = onset.change;
    w.status = status(onset.change, &others);
    let met = words::met_sentences(std::iter::once(&onset).chain(others.iter()));
    let lead = format!("{name}, latest {WATCH_NIGHTS} nights against {base_words}");
    w.text = match w.status {
        AugmentationStatus::PossibleSigns => format!(
            "{lead}: possible signs of augmentation (MPI criteria's measurable items) — {met}. \
             This is not a diagnosis."
        ),
        AugmentationStatus::Inconclusive => {
            let missing: Vec<String> = others
                .iter()
                .filter(|s| !s.measured)
                .map(|s| s.label.to_lowercase())
                .collect();
            format!(
                "{lead}: inconclusive — discuss. {}; not measurable: {}. This is not a \
                 diagnosis.",
                capitalized(&met),
                missing.join(", ")
            )
        }
        AugmentationStatus::NotEnoughData => {
            let mut t = format!(
                "{name}: too few nights with a first onset to compare ({} at baseline, {} in \
                 the latest {WATCH_NIGHTS}; needs {MIN_VALUES_PER_SIGN} each).",
                b.first_onsets.len(),
                r.first_onsets.len(),
            );
            if !met.is_empty() {
                t.push_str(&format!(" Changes to mention: {met}."));
            }
            t
        }
        _ => {
            let mut t = format!("{lead}: no signs of augmentation by these criteria.");
            if !met.is_empty() {
                t.push_str(&format!(" Still worth mentioning: {met}."));
            }
            t
        }
    };
    w.signs = std::iter::once(onset).chain(others).collect();
    Ok(w)
}

/// `Median …` from `median …`.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The watch's status from the onset change (minutes earlier in the day) and the other
/// measures: ≥ 4 h earlier, or 2–4 h earlier with another sign met, is possible signs; 2–4 h
/// earlier with none met and one of them not measurable is inconclusive.
fn status(earlier: Option<f64>, others: &[AugmentationSign]) -> AugmentationStatus {
    let Some(e) = earlier else {
        return AugmentationStatus::NotEnoughData;
    };
    if e >= ONSET_STRONG_MINUTES {
        AugmentationStatus::PossibleSigns
    } else if e >= ONSET_MODERATE_MINUTES {
        if others.iter().any(|s| s.met) {
            AugmentationStatus::PossibleSigns
        } else if others.iter().any(|s| !s.measured) {
            AugmentationStatus::Inconclusive
        } else {
            AugmentationStatus::NoSigns
        }
    } else {
        AugmentationStatus::NoSigns
    }
}

/// The watch's rules as the definitions state them (see [`words::definition_text`]).
pub(crate) fn definition_text(morning_hour: i32) -> String {
    words::definition_text(morning_hour)
}
