//! Deterministic synthetic journals for the demo (`rlsjournal demo`) and for benchmarks.
//!
//! [`fill_demo`] writes a plausible RLS journal of any length through the public [`Journal`]
//! API only, exactly as an app would. Everything is a pure function of [`DemoOptions`]: the same
//! seed gives the same entries on every machine (only record ids and bookkeeping times differ).
//! Randomness comes from a tiny built-in splitmix64 generator and integer arithmetic, so no
//! platform maths library can change a value.
//!
//! What the journal contains, so that views and summaries have something real to show:
//! - about 60 % symptom nights with 1–3 episodes, onset spread around midnight (evening
//!   episodes while sitting, episodes at bedtime, episodes that wake the person), relief attempts
//!   whose methods differ in how well they help;
//! - a sleep diary on most mornings that agrees with the night's episodes;
//! - 2–4 exposures a day, with alcohol, long sitting and late caffeine making symptoms more
//!   likely and stronger, and exercise slightly less;
//! - the guideline's order (AASM 2024): iron checked on the first night (ferritin ~45 µg/L,
//!   transferrin saturation ~18 %), an oral iron course from an eighth of the way in (ferritin
//!   rechecked ~40 µg/L higher after it), magnesium from a quarter, and pregabalin (an
//!   alpha-2-delta ligand) as the first drug from half-way, its dose raised after two weeks
//!   (nightly doses; a missed dose brings symptoms back); in journals of several years, a later
//!   switch to pramipexole (a dopamine agonist) with two dose steps and a slowly developing
//!   augmentation (earlier onset, spread to the arms, stronger symptoms);
//! - iron labs about monthly, a weekly IRLS total consistent with the past week, and a few nights with nothing logged.
//!
//! Its own crate (issue 13): the phone library (`rlsjournal-core`'s cdylib) does not carry it,
//! and the core's public API does not name it. The CLI, the benchmarks, the examples and the
//! core's integration tests use it.

// The same rule as the core's: a demo that fails says so with a typed error, never a panic.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

use chrono::{Datelike, Days, NaiveDate, NaiveTime, Weekday};

use rlsjournal_core::error::{JournalError, Result};
use rlsjournal_core::journal::Journal;
use rlsjournal_core::model::answer::NoSymptomsData;
use rlsjournal_core::model::episode::{EpisodeData, ReliefData};
use rlsjournal_core::model::exposure::ExposureData;
use rlsjournal_core::model::kinds::{
    Analyte, BodyArea, ExposureKind, ReliefMethod, Sensation, Setting, Side, TreatmentCategory,
};
use rlsjournal_core::model::lab::{LabResultData, SeverityRatingData};
use rlsjournal_core::model::sleep::SleepDiaryData;
use rlsjournal_core::model::treatment::{DoseChange, DoseData, TreatmentData};
use rlsjournal_core::time::{LocalDate, Moment, MINUTE_MS};
use rlsjournal_core::views::history::HistoryQuery;

/// Nights in the default demo: eight weeks.
pub const DEFAULT_NIGHTS: u32 = 56;
/// The default seed.
pub const DEFAULT_SEED: u64 = 1;
/// The most nights one demo may hold (about 100 years).
pub const MAX_NIGHTS: u32 = 36_500;
/// Everything written for the night of D happens before this hour (local) on D + 1.
pub const MORNING_DONE_HOUR: i64 = 10;

/// What demo journal to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DemoOptions {
    /// How many nights, ending with `end_night` (1 to [`MAX_NIGHTS`]).
    pub nights: u32,
    /// The seed: the same seed gives the same journal.
    pub seed: u64,
    /// The last night of the journal (the evening's date). Its morning must be over: everything
    /// of that night happens before 10:00 the next day, and nothing may be in the future.
    pub end_night: LocalDate,
    /// The UTC offset of every moment written, in minutes east of UTC.
    pub offset_minutes: i32,
}

impl DemoOptions {
    /// A demo of `nights` nights ending with the last night whose morning is over, at the
    /// device's current UTC offset.
    pub fn ending_last_night(nights: u32, seed: u64) -> DemoOptions {
        let now = Moment::now();
        DemoOptions {
            nights,
            seed,
            end_night: last_complete_night(&now),
            offset_minutes: now.offset_minutes,
        }
    }
}

/// The latest night whose morning (until 10:00 local) is over at `now`.
pub fn last_complete_night(now: &Moment) -> LocalDate {
    let shifted = now.local() - chrono::Duration::hours(MORNING_DONE_HOUR);
    shifted.date().pred_opt().unwrap_or(shifted.date())
}

/// What [`fill_demo`] wrote.
#[derive(Clone, Debug, PartialEq, Eq, Default, serde::Serialize)]
pub struct DemoReport {
    /// The first night.
    pub first_night: Option<LocalDate>,
    /// The last night.
    pub last_night: Option<LocalDate>,
    /// Nights in the range.
    pub nights: u32,
    /// Nights with anything logged (the others are gaps).
    pub nights_logged: u32,
    /// Nights with at least one episode.
    pub symptom_nights: u32,
    /// Episodes written.
    pub episodes: u32,
    /// Relief attempts written.
    pub relief_attempts: u32,
    /// Sleep diaries written.
    pub sleep_diaries: u32,
    /// Exposures written.
    pub exposures: u32,
    /// Treatments written.
    pub treatments: u32,
    /// Doses written.
    pub doses: u32,
    /// Lab results written.
    pub lab_results: u32,
    /// IRLS ratings written.
    pub severity_ratings: u32,
}

/// Fills an empty journal with a synthetic one described by `options`.
///
/// Errors: `InvalidInput` for options out of range (field `nights`, `end_night`,
/// `offset_minutes`) or a journal that already has entries (field `journal`: the demo never
/// mixes with a person's own entries); any error of the journal calls it makes.
pub fn fill_demo(journal: &Journal, options: &DemoOptions) -> Result<DemoReport> {
    check_options(options)?;
    let empty = journal
        .history(HistoryQuery {
            kinds: Vec::new(),
            cursor: None,
            limit: 1,
        })?
        .items
        .is_empty();
    if !empty {
        return Err(JournalError::invalid(
            "journal",
            "already has entries; the demo only fills a new journal",
        ));
    }
    let plan = plan(options)?;
    write(journal, &plan)
}

fn check_options(options: &DemoOptions) -> Result<()> {
    if options.nights == 0 || options.nights > MAX_NIGHTS {
        return Err(JournalError::invalid(
            "nights",
            format!("must be between 1 and {MAX_NIGHTS}, got {}", options.nights),
        ));
    }
    if options.offset_minutes.abs() > 18 * 60 {
        return Err(JournalError::invalid(
            "offset_minutes",
            "must be within ±18 hours",
        ));
    }
    let morning_over = options
        .end_night
        .succ_opt()
        .map(|d| local_moment(d, MORNING_DONE_HOUR * 60, options.offset_minutes))
        .is_some_and(|m| m.millis() <= Moment::now().millis());
    if !morning_over {
        return Err(JournalError::invalid(
            "end_night",
            "must be a night whose morning (until 10:00 the next day) is over",
        ));
    }
    // Moments before 1970 are rejected by the journal, so the whole range must be after it.
    let first_ok = options
        .end_night
        .checked_sub_days(Days::new(u64::from(options.nights)))
        .is_some_and(|d| d.year() >= 1970);
    if !first_ok {
        return Err(JournalError::invalid(
            "nights",
            "reach back before 1970; choose fewer nights or a later end_night",
        ));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The generator: splitmix64, integer-only helpers.

/// splitmix64 (Steele, Lea, Flood 2014): tiny, fast, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        // Mix the seed once so that seeds 0, 1, 2… start far apart.
        let mut rng = Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B);
        rng.next_u64();
        rng
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (Lemire's multiply-shift; `n` is small, so the bias is negligible).
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n.max(1))) >> 64) as u64
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    /// True with probability `permille` / 1000.
    fn chance(&mut self, permille: i64) -> bool {
        (self.below(1000) as i64) < permille
    }

    /// A bell-shaped value in `-spread..=spread` (mean of three uniforms).
    fn bell(&mut self, spread: i64) -> i64 {
        (self.range(-spread, spread) + self.range(-spread, spread) + self.range(-spread, spread))
            / 3
    }

    /// Picks an index by integer weights.
    fn weighted(&mut self, weights: &[i64]) -> usize {
        let total: i64 = weights.iter().map(|w| (*w).max(0)).sum();
        let mut roll = self.range(0, total - 1);
        for (i, w) in weights.iter().enumerate() {
            let w = (*w).max(0);
            if roll < w {
                return i;
            }
            roll -= w;
        }
        weights.len().saturating_sub(1)
    }
}

/// `minute` minutes after local midnight starting `date` (may exceed 24 h), at `offset`.
fn local_moment(date: NaiveDate, minute: i64, offset_minutes: i32) -> Moment {
    let local_midnight_ms = date.and_time(NaiveTime::MIN).and_utc().timestamp_millis();
    Moment::from_millis(
        local_midnight_ms + minute * MINUTE_MS - i64::from(offset_minutes) * MINUTE_MS,
        offset_minutes,
    )
}

// ---------------------------------------------------------------------------------------------
// The plan: every record, decided before anything is written.

/// The treatments a demo can hold, by index into `Plan::treatments`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Regimen {
    Magnesium,
    Pramipexole,
    OralIron,
    Pregabalin,
}

struct PlannedEpisode {
    data: EpisodeData,
    relief: Vec<ReliefData>,
}

#[derive(Default)]
struct NightPlan {
    exposures: Vec<ExposureData>,
    doses: Vec<(Regimen, Moment)>,
    episodes: Vec<PlannedEpisode>,
    sleep: Option<SleepDiaryData>,
    labs: Vec<LabResultData>,
    rating: Option<SeverityRatingData>,
    /// The morning's "no symptoms" answer, on a logged night with neither an episode nor a
    /// sleep diary: so every logged night of the demo is observed (design §4).
    no_symptoms: Option<NoSymptomsData>,
    logged: bool,
}

struct Plan {
    treatments: Vec<(Regimen, TreatmentData)>,
    nights: Vec<NightPlan>,
    first_night: LocalDate,
}

/// Night indexes at which the story's phases begin (`None`: not within this journal). The
/// story follows the AASM 2024 guideline's order: iron is checked on the first night and an
/// oral iron course comes first; an alpha-2-delta ligand (pregabalin) is the first drug, its
/// dose raised after two weeks; only in journals of several years comes a later period on a
/// dopamine agonist (pramipexole, after pregabalin's daytime sleepiness), with dose steps and a
/// slowly developing augmentation (earlier onset, spread to the arms, stronger symptoms).
struct Phases {
    nights: u32,
    iron: Option<(u32, u32)>,
    magnesium: u32,
    pregabalin: u32,
    pregabalin_step: Option<u32>,
    pramipexole: Option<u32>,
    pramipexole_steps: [Option<u32>; 2],
    augmentation: Option<u32>,
}

/// Nights of the oral iron course.
const IRON_COURSE_NIGHTS: u32 = 90;
/// Nights on pregabalin's starting dose before it is raised.
const PREGABALIN_STEP_NIGHTS: u32 = 14;
/// Nights on pregabalin before the switch to pramipexole.
const PREGABALIN_NIGHTS: u32 = 900;
/// Nights after pramipexole's start of its two dose steps.
const PRAMIPEXOLE_STEP_NIGHTS: [u32; 2] = [60, 360];
/// Nights after pramipexole's start when augmentation begins (it is full a year later).
const AUGMENTATION_AFTER_NIGHTS: u32 = 180;

impl Phases {
    fn of(nights: u32) -> Phases {
        let within = |i: u32| Some(i).filter(|i| *i < nights);
        let iron_start = (nights / 8).max(1);
        let pregabalin = nights / 2;
        let pramipexole = within(pregabalin + PREGABALIN_NIGHTS);
        let after_pramipexole = |d: u32| pramipexole.and_then(|p| within(p + d));
        Phases {
            nights,
            iron: within(iron_start).map(|s| (s, s + IRON_COURSE_NIGHTS)),
            magnesium: nights / 4,
            pregabalin,
            pregabalin_step: within(pregabalin + PREGABALIN_STEP_NIGHTS),
            pramipexole,
            pramipexole_steps: PRAMIPEXOLE_STEP_NIGHTS.map(after_pramipexole),
            augmentation: after_pramipexole(AUGMENTATION_AFTER_NIGHTS),
        }
    }

    fn on_pramipexole(&self, i: u32) -> bool {
        self.pramipexole.is_some_and(|p| i >= p)
    }

    fn on_pregabalin(&self, i: u32) -> bool {
        i >= self.pregabalin && self.pramipexole.is_none_or(|p| i < p)
    }

    fn on_iron(&self, i: u32) -> bool {
        self.iron
            .is_some_and(|(start, end)| (start..end).contains(&i))
    }

    /// How far augmentation has developed, 0–1000 (full after a year).
    fn augmentation(&self, i: u32) -> i64 {
        match self.augmentation {
            Some(a) if i >= a && self.on_pramipexole(i) => {
                (i64::from(i - a) * 1000 / 365).min(1000)
            }
            _ => 0,
        }
    }
}

fn night_date(first: NaiveDate, i: u32) -> Result<NaiveDate> {
    first
        .checked_add_days(Days::new(u64::from(i)))
        .ok_or_else(|| JournalError::invalid("end_night", "is out of range"))
}

fn plan(options: &DemoOptions) -> Result<Plan> {
    let mut rng = Rng::new(options.seed);
    let n = options.nights;
    let first_night = options
        .end_night
        .checked_sub_days(Days::new(u64::from(n.saturating_sub(1))))
        .ok_or_else(|| JournalError::invalid("nights", "reach back too far"))?;
    let phases = Phases::of(n);
    let treatments = plan_treatments(&phases, first_night)?;
    let offset = options.offset_minutes;

    let gaps = plan_gaps(&mut rng, n);
    let ferritin_base = 450 + rng.range(-50, 30);
    // Iron is checked first: the first labs are drawn on the first night.
    let mut next_lab = 0;
    let mut labs_drawn = 0u32;
    // Keeps the share of symptom nights close to what the propensities promise, so even a short
    // demo lands near 60 % (permille-nights expected minus had).
    let mut drift: i64 = 0;
    // (symptom night, peak) of the past nights, for the weekly IRLS total.
    let mut recent: Vec<Option<i32>> = Vec::new();

    let mut nights = Vec::with_capacity(n as usize);
    for i in 0..n {
        let date = night_date(first_night, i)?;
        let mut night = NightPlan {
            logged: !gaps.get(i as usize).copied().unwrap_or(false),
            ..NightPlan::default()
        };
        if !night.logged {
            recent.push(None);
            nights.push(night);
            continue;
        }
        night.exposures = plan_exposures(&mut rng, date, offset);
        let kinds: Vec<&ExposureKind> = night.exposures.iter().map(|e| &e.kind).collect();
        let has = |k: &ExposureKind| kinds.contains(&k);
        let late_caffeine = night
            .exposures
            .iter()
            .any(|e| e.kind == ExposureKind::Caffeine && e.at.local_minute_of_day() >= 15 * 60);

        // Doses (a missed agonist dose brings the untreated level back tonight).
        let mut agonist_taken = false;
        if i >= phases.magnesium && rng.chance(850) {
            let at = local_moment(date, 19 * 60 + 15 + rng.range(0, 60), offset);
            night.doses.push((Regimen::Magnesium, at));
        }
        if phases.on_iron(i) && i.is_multiple_of(2) && rng.chance(900) {
            let at = local_moment(date, 12 * 60 + 45 + rng.range(0, 45), offset);
            night.doses.push((Regimen::OralIron, at));
        }
        if phases.on_pramipexole(i) && rng.chance(950) {
            let at = local_moment(date, 20 * 60 + 30 + rng.range(0, 60), offset);
            night.doses.push((Regimen::Pramipexole, at));
            agonist_taken = true;
        }
        let pregabalin_taken = phases.on_pregabalin(i) && rng.chance(950);
        if pregabalin_taken {
            let at = local_moment(date, 20 * 60 + rng.range(0, 60), offset);
            night.doses.push((Regimen::Pregabalin, at));
        }
        night.doses.sort_by_key(|(_, at)| at.millis());

        let aug = phases.augmentation(i);
        let treated = agonist_taken || pregabalin_taken;
        // Propensity of a symptom night, permille.
        let mut p: i64 = if agonist_taken {
            380 + aug * 300 / 1000
        } else if pregabalin_taken {
            400
        } else {
            600
        };
        if i >= phases.magnesium {
            p -= 20;
        }
        if phases.iron.is_some_and(|(_, end)| i >= end) {
            p -= 30;
        }
        let alcohol = has(&ExposureKind::Alcohol);
        let sitting = has(&ExposureKind::ProlongedSitting);
        let antihistamine = has(&ExposureKind::SedatingAntihistamine);
        p += if alcohol { 200 } else { 0 }
            + if sitting { 100 } else { 0 }
            + if late_caffeine { 50 } else { 0 }
            + if has(&ExposureKind::LateSugar) { 30 } else { 0 }
            + if has(&ExposureKind::Stress) { 50 } else { 0 }
            + if antihistamine { 300 } else { 0 }
            - if has(&ExposureKind::Exercise) { 50 } else { 0 };
        let p = p.clamp(50, 950);
        let p_adjusted = (p + drift * 15 / 100).clamp(50, 950);
        let symptomatic = rng.chance(p_adjusted);
        drift += p - if symptomatic { 1000 } else { 0 };

        // Mean peak intensity tonight, in tenths.
        let mut mean: i64 = if agonist_taken {
            40 + aug * 25 / 1000
        } else if pregabalin_taken {
            45
        } else {
            62
        };
        mean += if alcohol { 15 } else { 0 }
            + if antihistamine { 20 } else { 0 }
            + if sitting { 5 } else { 0 };

        let bed = 22 * 60 + 45 + rng.bell(45);
        let tried = bed + rng.range(5, 25);
        let shape = NightShape {
            date,
            offset,
            bed,
            tried,
            mean_tenths: mean,
            aug,
            sitting_at: night
                .exposures
                .iter()
                .find(|e| e.kind == ExposureKind::ProlongedSitting)
                .map(|e| i64::from(e.at.local_minute_of_day())),
            alcohol,
            treated,
        };
        if symptomatic {
            night.episodes = plan_episodes(&mut rng, &shape);
        }
        if rng.chance(900) {
            night.sleep = Some(plan_sleep(&mut rng, &shape, &night.episodes));
        }
        if night.episodes.is_empty() && night.sleep.is_none() {
            // Answered at 07:30 the next morning (before the demo's morning is over).
            night.no_symptoms = Some(NoSymptomsData {
                night_of: date,
                answered_at: local_moment(date, (24 + 7) * 60 + 30, offset),
            });
        }
        let peak = night.episodes.iter().map(|e| e.data.peak_intensity).max();
        recent.push(Some(peak.unwrap_or(0)));

        if i64::from(i) >= next_lab {
            night.labs = plan_labs(&mut rng, date, labs_drawn, ferritin_base, &phases, i);
            labs_drawn += 1;
            next_lab = i64::from(i) + rng.range(28, 35);
        }
        if i % 7 == 6 && rng.chance(900) {
            night.rating = Some(plan_rating(&mut rng, date, &recent));
        }
        nights.push(night);
    }
    Ok(Plan {
        treatments,
        nights,
        first_night,
    })
}

/// Which nights are gaps (nothing logged): short stretches, never the first or last night, and
/// at least one in any journal of ten nights or more (a real journal has them).
fn plan_gaps(rng: &mut Rng, n: u32) -> Vec<bool> {
    let mut gaps = vec![false; n as usize];
    let mut i = 1usize;
    while i + 1 < n as usize {
        if rng.chance(20) {
            let len = rng.range(1, 3) as usize;
            for slot in gaps.iter_mut().skip(i).take(len.min(n as usize - 1 - i)) {
                *slot = true;
            }
            i += len + 1;
        } else {
            i += 1;
        }
    }
    if n >= 10 && !gaps.contains(&true) {
        let at = rng.range(2, i64::from(n) - 3) as usize;
        let len = rng.range(1, 2) as usize;
        for slot in gaps.iter_mut().skip(at).take(len) {
            *slot = true;
        }
    }
    gaps
}

fn plan_treatments(phases: &Phases, first: NaiveDate) -> Result<Vec<(Regimen, TreatmentData)>> {
    let day = |i: u32| night_date(first, i);
    let regimen = |name: &str, category, dose, started_on, note: &str| TreatmentData {
        name: name.into(),
        category,
        dose: Some(dose),
        dose_unit: Some("mg".into()),
        started_on,
        stopped_on: None,
        note: Some(note.into()),
        times_per_day: Some(1),
        dose_changes: Vec::new(),
    };
    let mut list = Vec::new();
    if let Some((start, end)) = phases.iron {
        let mut iron = regimen(
            "ferrous sulfate",
            TreatmentCategory::OralIron,
            325.0,
            day(start)?,
            "Every other day, with orange juice (ferritin was low).",
        );
        // Taken every other day: the intakes a day are not a whole number.
        iron.times_per_day = None;
        if end <= phases.nights {
            iron.stopped_on = Some(day(end - 1)?);
        }
        list.push((Regimen::OralIron, iron));
    }
    list.push((
        Regimen::Magnesium,
        regimen(
            "magnesium glycinate",
            TreatmentCategory::Magnesium,
            300.0,
            day(phases.magnesium)?,
            "With dinner.",
        ),
    ));
    let mut pregabalin = regimen(
        "pregabalin",
        TreatmentCategory::Alpha2DeltaLigand,
        75.0,
        day(phases.pregabalin)?,
        "Two hours before bed.",
    );
    if let Some(step) = phases.pregabalin_step {
        pregabalin.dose_changes.push(DoseChange {
            from: day(step)?,
            dose: 150.0,
            times_per_day: Some(1),
        });
    }
    if let Some(p) = phases.pramipexole {
        pregabalin.stopped_on = Some(day(p - 1)?);
        pregabalin.note = Some("Two hours before bed. Stopped: daytime sleepiness.".into());
    }
    list.push((Regimen::Pregabalin, pregabalin));
    if let Some(p) = phases.pramipexole {
        let mut pramipexole = regimen(
            "pramipexole",
            TreatmentCategory::DopamineAgonist,
            0.125,
            day(p)?,
            "Two hours before bed.",
        );
        for (step, dose) in phases.pramipexole_steps.iter().zip([0.25, 0.375]) {
            if let Some(step) = step {
                pramipexole.dose_changes.push(DoseChange {
                    from: day(*step)?,
                    dose,
                    times_per_day: Some(1),
                });
            }
        }
        list.push((Regimen::Pramipexole, pramipexole));
    }
    list.sort_by_key(|(_, t)| t.started_on);
    Ok(list)
}

/// One candidate exposure: kind, chance (permille), window (local minutes), amount and unit.
struct ExposureRule {
    kind: ExposureKind,
    chance: i64,
    from: i64,
    to: i64,
    amount: fn(&mut Rng) -> Option<(f64, &'static str)>,
    note: Option<&'static str>,
}

fn plan_exposures(rng: &mut Rng, date: NaiveDate, offset: i32) -> Vec<ExposureData> {
    // Exposures sit between 12:30 and midnight: an exposure counts for the night it falls in
    // (a morning coffee would count for the night before).
    let weekend_evening = matches!(date.weekday(), Weekday::Fri | Weekday::Sat);
    let summer = matches!(date.month(), 6..=8);
    let rules = [
        ExposureRule {
            kind: ExposureKind::Caffeine,
            chance: 800,
            from: 13 * 60,
            to: 16 * 60 + 30,
            amount: |r| {
                Some(match r.range(1, 2) {
                    1 => (1.0, "cup"),
                    n => (n as f64, "cups"),
                })
            },
            note: None,
        },
        ExposureRule {
            kind: ExposureKind::Alcohol,
            chance: if weekend_evening { 450 } else { 170 },
            from: 18 * 60 + 30,
            to: 21 * 60 + 30,
            amount: |r| {
                Some(match r.range(1, 4) {
                    1 => (1.0, "drink"),
                    n => (n as f64, "drinks"),
                })
            },
            note: None,
        },
        ExposureRule {
            kind: ExposureKind::ProlongedSitting,
            chance: 300,
            from: 19 * 60,
            to: 20 * 60 + 30,
            amount: |r| Some((r.range(3, 7) as f64 / 2.0, "h")),
            note: None,
        },
        ExposureRule {
            kind: ExposureKind::LateSugar,
            chance: 200,
            from: 20 * 60,
            to: 22 * 60,
            amount: |_| None,
            note: None,
        },
        ExposureRule {
            kind: ExposureKind::ScreenTime,
            chance: 350,
            from: 21 * 60 + 30,
            to: 23 * 60,
            amount: |r| Some((r.range(2, 10) as f64 * 15.0, "min")),
            note: None,
        },
        ExposureRule {
            kind: ExposureKind::Exercise,
            chance: 300,
            from: 17 * 60,
            to: 19 * 60,
            amount: |r| Some((r.range(4, 12) as f64 * 5.0, "min")),
            note: None,
        },
        ExposureRule {
            kind: ExposureKind::Stress,
            chance: 200,
            from: 13 * 60,
            to: 19 * 60,
            amount: |_| None,
            note: None,
        },
        ExposureRule {
            kind: ExposureKind::Heat,
            chance: if summer { 250 } else { 20 },
            from: 14 * 60,
            to: 17 * 60,
            amount: |_| None,
            note: None,
        },
        ExposureRule {
            kind: ExposureKind::SedatingAntihistamine,
            chance: 12,
            from: 21 * 60,
            to: 22 * 60,
            amount: |_| Some((25.0, "mg")),
            note: Some("Diphenhydramine for a cold."),
        },
    ];
    let mut chosen: Vec<usize> = (0..rules.len())
        .filter(|i| rules.get(*i).is_some_and(|r| rng.chance(r.chance)))
        .collect();
    // 2–4 a day: fill up with everyday ones, trim the optional ones.
    for filler in [4usize, 0] {
        if chosen.len() < 2 && !chosen.contains(&filler) {
            chosen.push(filler);
        }
    }
    while chosen.len() > 4 {
        // Never trim alcohol or a sedating antihistamine: the generator makes them the
        // strongest (+200 and +300 ‰ symptom chance, higher peaks). What the summaries find
        // (seed 1): no association in the default 56 nights (too few nights with each);
        // alcohol over a year (p < 0.001); the rare antihistamine (about 1 night in 80) only
        // over several years. Long sitting and late sugar differ by a few points without
        // clearing the association rule, late caffeine by too little to show.
        let droppable: Vec<usize> = (0..chosen.len())
            .filter(|i| chosen.get(*i).is_some_and(|k| *k != 1 && *k != 8))
            .collect();
        let pick = droppable
            .get(rng.below(droppable.len() as u64) as usize)
            .copied()
            .unwrap_or(0);
        chosen.remove(pick);
    }
    chosen.sort_unstable();
    let mut list: Vec<ExposureData> = chosen
        .into_iter()
        .filter_map(|i| rules.get(i))
        .map(|rule| {
            let minute = rng.range(rule.from, rule.to);
            let amount = (rule.amount)(rng);
            ExposureData {
                at: local_moment(date, minute, offset),
                kind: rule.kind.clone(),
                amount: amount.map(|(a, _)| a),
                unit: amount.map(|(_, u)| u.to_string()),
                note: rule.note.map(str::to_string),
            }
        })
        .collect();
    list.sort_by_key(|e| e.at.millis());
    list
}

/// What the rest of a night's plan needs to know.
struct NightShape {
    date: NaiveDate,
    offset: i32,
    /// Got into bed, local minutes after midnight starting the night's date.
    bed: i64,
    /// Tried to sleep, same scale.
    tried: i64,
    mean_tenths: i64,
    aug: i64,
    sitting_at: Option<i64>,
    alcohol: bool,
    treated: bool,
}

impl NightShape {
    fn at(&self, minute: i64) -> Moment {
        local_moment(self.date, minute, self.offset)
    }

    fn minute_of(&self, m: &Moment) -> i64 {
        let midnight = local_moment(self.date, 0, self.offset).millis();
        (m.millis() - midnight) / MINUTE_MS
    }
}

/// How the first episode of a night began.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Onset {
    /// In the evening, sitting (sofa, film) or travelling.
    Evening,
    /// Lying in bed, before falling asleep.
    Bedtime,
    /// Woke the person in the night.
    FromSleep,
}

fn plan_episodes(rng: &mut Rng, s: &NightShape) -> Vec<PlannedEpisode> {
    let mean = s.mean_tenths;
    let first_peak = ((mean + rng.bell(30) + 5) / 10).clamp(2, 9);
    let mut count = 1;
    if rng.chance(300 + (mean - 40) * 6) {
        count += 1;
        if rng.chance(350) {
            count += 1;
        }
    }
    // Augmentation moves symptoms into the evening.
    let evening_chance = if s.sitting_at.is_some() { 500 } else { 120 } + s.aug * 400 / 1000;
    let onset = if rng.chance(evening_chance) {
        Onset::Evening
    } else if rng.chance(700) {
        Onset::Bedtime
    } else {
        Onset::FromSleep
    };

    let mut episodes = Vec::with_capacity(count);
    let mut not_before = 0i64;
    for k in 0..count {
        let peak = if k == 0 {
            first_peak
        } else {
            (first_peak + rng.range(-2, 1)).clamp(2, 9)
        };
        let kind = if k == 0 { onset } else { Onset::FromSleep };
        let (start, latency, setting) = match kind {
            Onset::Evening => {
                let shift = s.aug * 150 / 1000;
                let travelling = s.sitting_at.is_none() && rng.chance(250);
                let sat_down = s.sitting_at.unwrap_or(19 * 60 + 30 + rng.range(0, 60)) - shift;
                let latency = (rng.range(20, 75) - s.aug * 15 / 1000).max(5);
                let setting = if travelling {
                    Setting::Travelling
                } else {
                    Setting::Sitting
                };
                (sat_down + latency, Some(latency), setting)
            }
            Onset::Bedtime => {
                let start = s.tried + rng.range(5, 40);
                (start, Some(start - s.bed), Setting::InBed)
            }
            Onset::FromSleep => (
                (24 * 60 + 30 + rng.range(0, 180)).max(not_before),
                None,
                Setting::InBed,
            ),
        };
        if start > 28 * 60 + 45 {
            break; // Too close to morning for another episode.
        }
        let base_minutes = 10 + peak * 4 + rng.range(0, 25);
        let relief = plan_relief(rng, s, start, peak);
        let relief_end = relief
            .iter()
            .map(|r| s.minute_of(&r.at) + i64::from(r.minutes_to_relief.unwrap_or(5)).max(5))
            .max()
            .unwrap_or(start);
        let end = (start + base_minutes).max(relief_end);
        let data = EpisodeData {
            started_at: s.at(start),
            ended_at: Some(s.at(end)),
            peak_intensity: peak as i32,
            latency_minutes: latency.map(|l| l.clamp(0, 600) as i32),
            setting: Some(setting.clone()),
            side: Some(pick_side(rng)),
            body_areas: pick_areas(rng, s.aug),
            sensations: pick_sensations(rng),
            woke_from_sleep: kind == Onset::FromSleep,
            note: episode_note(rng, s, &setting),
        };
        episodes.push(PlannedEpisode { data, relief });
        not_before = end + 30;
    }
    episodes
}

fn episode_note(rng: &mut Rng, s: &NightShape, setting: &Setting) -> Option<String> {
    let note = match setting {
        Setting::Travelling => "Evening drive home.",
        Setting::Sitting if rng.chance(250) => "Long film on the sofa.",
        _ if s.alcohol && rng.chance(200) => "Wine with dinner.",
        _ if s.treated && rng.chance(30) => "Dose taken on time.",
        _ => return None,
    };
    Some(note.to_string())
}

fn pick_side(rng: &mut Rng) -> Side {
    match rng.weighted(&[45, 20, 18, 17]) {
        0 => Side::Both,
        1 => Side::Alternating,
        2 => Side::Left,
        _ => Side::Right,
    }
}

fn pick_areas(rng: &mut Rng, aug: i64) -> Vec<BodyArea> {
    let chances = [
        (BodyArea::Calves, 850),
        (BodyArea::Thighs, 400),
        (BodyArea::Feet, 300),
        (BodyArea::Knees, 200),
        (BodyArea::Hips, 50),
        (BodyArea::Arms, 20 + aug * 400 / 1000),
        (BodyArea::Trunk, 10 + aug * 50 / 1000),
    ];
    let mut areas: Vec<BodyArea> = chances
        .iter()
        .filter(|(_, c)| rng.chance(*c))
        .map(|(a, _)| *a)
        .collect();
    if areas.is_empty() {
        areas.push(BodyArea::Calves);
    }
    areas
}

fn pick_sensations(rng: &mut Rng) -> Vec<Sensation> {
    let chances = [
        (Sensation::Crawling, 500),
        (Sensation::Tingling, 300),
        (Sensation::Pulling, 300),
        (Sensation::Aching, 250),
        (Sensation::Electric, 120),
        (Sensation::Burning, 80),
        (Sensation::Itching, 150),
        (Sensation::Throbbing, 80),
    ];
    let mut list: Vec<Sensation> = chances
        .iter()
        .filter(|(_, c)| rng.chance(*c))
        .map(|(s, _)| s.clone())
        .collect();
    if rng.chance(10) {
        list.push(Sensation::Other {
            label: "fizzing".into(),
        });
    }
    if list.is_empty() {
        list.push(Sensation::Crawling);
    }
    list
}

/// Relief methods with how often they are tried and how well they help (tenths of 0–3).
fn relief_methods(treated: bool) -> [(ReliefMethod, i64, i64); 11] {
    [
        (ReliefMethod::Walking, 30, 20),
        (ReliefMethod::Stretching, 20, 15),
        (ReliefMethod::Massage, 12, 16),
        (ReliefMethod::Heat, 8, 18),
        (ReliefMethod::Cold, 5, 10),
        (ReliefMethod::Compression, 4, 12),
        (ReliefMethod::MagnesiumOil, 6, 8),
        (ReliefMethod::WeightedBlanket, 5, 10),
        (ReliefMethod::Vibration, 6, 22),
        (ReliefMethod::Medication, if treated { 4 } else { 0 }, 20),
        (
            ReliefMethod::Other {
                label: "cold shower".into(),
            },
            2,
            14,
        ),
    ]
}

fn plan_relief(rng: &mut Rng, s: &NightShape, start: i64, peak: i64) -> Vec<ReliefData> {
    let attempts = match rng.weighted(&[25, 55, 20]) {
        0 => 0,
        1 => 1,
        _ => 2,
    };
    let methods = relief_methods(s.treated);
    let weights: Vec<i64> = methods.iter().map(|(_, w, _)| *w).collect();
    let mut list = Vec::with_capacity(attempts);
    let mut at = start + rng.range(3, 15);
    for _ in 0..attempts {
        let Some((method, _, base)) = methods.get(rng.weighted(&weights)) else {
            break;
        };
        let severe_penalty = if peak >= 8 { 5 } else { 0 };
        let helped = ((base + rng.bell(12) - severe_penalty + 5).max(0) / 10).clamp(0, 3);
        let minutes = (helped > 0).then(|| 5 + (3 - helped) * 8 + rng.range(0, 10));
        list.push(ReliefData {
            method: method.clone(),
            helped: helped as i32,
            minutes_to_relief: minutes.map(|m| m as i32),
            at: s.at(at),
        });
        at += minutes.unwrap_or(15) + rng.range(2, 8);
    }
    list
}

fn plan_sleep(rng: &mut Rng, s: &NightShape, episodes: &[PlannedEpisode]) -> SleepDiaryData {
    let weekend_morning = s
        .date
        .succ_opt()
        .is_some_and(|d| matches!(d.weekday(), Weekday::Sat | Weekday::Sun));
    let mut bed = s.bed;
    let mut tried = s.tried;
    let mut sol = rng.range(8, 30);
    let mut waso = 0i64;
    let mut awakenings = 0i64;
    let mut last_end = tried;
    for e in episodes {
        let start = s.minute_of(&e.data.started_at);
        let end = e.data.ended_at.map(|m| s.minute_of(&m)).unwrap_or(start);
        match e.data.setting {
            // Went to bed only once the evening episode had eased.
            Some(Setting::Sitting) | Some(Setting::Travelling) if end + 10 > bed => {
                bed = end + rng.range(10, 25);
                tried = bed + rng.range(5, 15);
            }
            _ if !e.data.woke_from_sleep => {
                sol = (end - tried + rng.range(5, 20)).max(sol);
            }
            _ => {
                waso += end - start + rng.range(5, 20);
                awakenings += 1;
            }
        }
        last_end = last_end.max(end);
    }
    if rng.chance(350) {
        awakenings += 1;
        waso += rng.range(3, 15);
    }
    let wake_base = 6 * 60 + 40 + if weekend_morning { 45 } else { 0 };
    let woke = (24 * 60 + wake_base + rng.bell(30)).max(last_end + 20);
    let up = woke + rng.range(5, 40);
    let window = woke - tried;
    let sol = sol.min(window);
    let waso = waso.min(window - sol).max(0);
    let peak = episodes
        .iter()
        .map(|e| i64::from(e.data.peak_intensity))
        .max()
        .unwrap_or(0);
    let woke_count = episodes.iter().filter(|e| e.data.woke_from_sleep).count() as i64;
    let mut quality =
        5 - match peak {
            0 => 1,
            1..=3 => 1,
            4..=6 => 2,
            _ => 3,
        } - if woke_count >= 2 { 1 } else { 0 }
            - if sol > 90 { 1 } else { 0 };
    quality += match rng.weighted(&[15, 75, 10]) {
        0 => -1,
        1 => 0,
        _ => 1,
    };
    let quality = quality.clamp(1, 5);
    SleepDiaryData {
        night_of: s.date,
        got_into_bed_at: s.at(bed),
        tried_to_sleep_at: s.at(tried),
        sleep_onset_minutes: sol as i32,
        awakenings: awakenings as i32,
        wake_after_sleep_onset_minutes: waso as i32,
        final_awakening_at: s.at(woke),
        out_of_bed_at: s.at(up),
        quality,
        note: (quality <= 1 && rng.chance(300)).then(|| "Restless night.".to_string()),
    }
}

fn plan_labs(
    rng: &mut Rng,
    date: NaiveDate,
    draw: u32,
    ferritin_base: i64,
    phases: &Phases,
    i: u32,
) -> Vec<LabResultData> {
    // Ferritin starts low (~45 µg/L); the iron course lifts it by ~40 µg/L over its 90 days,
    // and the rechecks after it stay there.
    let bump = match phases.iron {
        Some((start, end)) if i >= start => i64::from(i.min(end) - start) * 400 / 90,
        _ => 0,
    };
    let lab = |analyte: Analyte, tenths: i64, unit: &str| LabResultData {
        taken_on: date,
        analyte,
        value: tenths.max(1) as f64 / 10.0,
        unit: unit.to_string(),
        note: None,
    };
    let mut labs = vec![
        lab(
            Analyte::Ferritin,
            ferritin_base + bump + rng.bell(60),
            "µg/L",
        ),
        lab(
            Analyte::TransferrinSaturation,
            180 + bump / 4 + rng.bell(30),
            "%",
        ),
    ];
    if draw.is_multiple_of(3) {
        labs.push(lab(Analyte::Hemoglobin, 139 + rng.bell(6), "g/dL"));
    }
    if draw.is_multiple_of(12) {
        labs.push(lab(Analyte::VitaminD, 280 + rng.bell(60), "ng/mL"));
    }
    labs
}

/// An IRLS total consistent with the past week: more symptom nights and stronger ones score
/// higher (0–40).
fn plan_rating(rng: &mut Rng, date: NaiveDate, recent: &[Option<i32>]) -> SeverityRatingData {
    let week: Vec<i32> = recent.iter().rev().take(7).filter_map(|n| *n).collect();
    let logged = week.len().max(1) as i64;
    let symptom: Vec<i64> = week
        .iter()
        .filter(|p| **p > 0)
        .map(|p| i64::from(*p))
        .collect();
    let mean_peak_tenths = if symptom.is_empty() {
        0
    } else {
        symptom.iter().sum::<i64>() * 10 / symptom.len() as i64
    };
    let freq_permille = symptom.len() as i64 * 1000 / logged;
    let total = 3 + freq_permille * 18 / 1000 + mean_peak_tenths * 18 / 100 + rng.bell(2);
    SeverityRatingData {
        rated_on: date,
        irls_total: total.clamp(0, 40) as i32,
        note: None,
    }
}

// ---------------------------------------------------------------------------------------------
// Writing the plan through the public API.

fn write(journal: &Journal, plan: &Plan) -> Result<DemoReport> {
    let mut report = DemoReport {
        first_night: Some(plan.first_night),
        nights: plan.nights.len() as u32,
        ..DemoReport::default()
    };
    let mut treatment_ids: Vec<(Regimen, String)> = Vec::new();
    let mut pending = plan.treatments.iter().peekable();
    for (i, night) in plan.nights.iter().enumerate() {
        let date = night_date(plan.first_night, i as u32)?;
        report.last_night = Some(date);
        // A treatment is recorded when it starts, so the history reads in order.
        while let Some((regimen, data)) = pending.next_if(|(_, t)| t.started_on <= date) {
            let t = journal.add_treatment(data.clone())?;
            treatment_ids.push((*regimen, t.id));
            report.treatments += 1;
        }
        if !night.logged {
            continue;
        }
        report.nights_logged += 1;
        for exposure in &night.exposures {
            journal.add_exposure(exposure.clone())?;
            report.exposures += 1;
        }
        for (regimen, at) in &night.doses {
            let id = treatment_ids
                .iter()
                .rev()
                .find(|(r, _)| r == regimen)
                .map(|(_, id)| id.clone())
                .ok_or_else(|| JournalError::not_found("the treatment of a planned dose"))?;
            journal.add_dose(DoseData {
                treatment_id: id,
                at: *at,
                amount: None,
            })?;
            report.doses += 1;
        }
        if !night.episodes.is_empty() {
            report.symptom_nights += 1;
        }
        for episode in &night.episodes {
            let stored = journal.add_episode(episode.data.clone())?;
            report.episodes += 1;
            for relief in &episode.relief {
                journal.add_relief_attempt(stored.id.clone(), relief.clone())?;
                report.relief_attempts += 1;
            }
        }
        if let Some(sleep) = &night.sleep {
            journal.add_sleep_diary(sleep.clone())?;
            report.sleep_diaries += 1;
        }
        if let Some(answer) = &night.no_symptoms {
            journal.add_no_symptoms(answer.clone())?;
        }
        for lab in &night.labs {
            journal.add_lab_result(lab.clone())?;
            report.lab_results += 1;
        }
        if let Some(rating) = &night.rating {
            journal.add_severity_rating(rating.clone())?;
            report.severity_ratings += 1;
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rlsjournal_core::model::entry::Entry;
    use rlsjournal_core::time::HOUR_MS;

    fn options(nights: u32, seed: u64) -> DemoOptions {
        DemoOptions {
            nights,
            seed,
            end_night: NaiveDate::from_ymd_opt(2025, 10, 31).expect("date"),
            offset_minutes: 60,
        }
    }

    fn filled(nights: u32, seed: u64) -> (std::sync::Arc<Journal>, DemoReport) {
        let journal = Journal::open_in_memory().expect("journal");
        let report = fill_demo(&journal, &options(nights, seed)).expect("demo");
        (journal, report)
    }

    /// Every history item as (night, when, title, detail), newest first.
    fn history_lines(journal: &Journal) -> Vec<(NaiveDate, String, String, String)> {
        let mut lines = Vec::new();
        let mut cursor = None;
        loop {
            let page = journal
                .history(HistoryQuery {
                    kinds: Vec::new(),
                    cursor,
                    limit: 200,
                })
                .expect("history");
            lines.extend(
                page.items
                    .into_iter()
                    .map(|i| (i.night, i.at, i.title, i.detail)),
            );
            match page.next_cursor {
                Some(c) => cursor = Some(c),
                None => return lines,
            }
        }
    }

    #[test]
    fn same_seed_gives_the_same_journal() {
        let (a, report_a) = filled(56, 7);
        let (b, report_b) = filled(56, 7);
        assert_eq!(report_a, report_b);
        let lines = history_lines(&a);
        assert!(lines.len() > 300, "only {} entries", lines.len());
        assert_eq!(lines, history_lines(&b));
        let night = report_a.last_night.expect("last night");
        let (va, vb) = (
            a.night(night).expect("night"),
            b.night(night).expect("night"),
        );
        assert_eq!(va.summary, vb.summary);
        assert_eq!(va.exposures.len(), vb.exposures.len());
    }

    #[test]
    fn different_seeds_give_different_journals() {
        let (a, _) = filled(28, 1);
        let (b, _) = filled(28, 2);
        assert_ne!(history_lines(&a), history_lines(&b));
    }

    #[test]
    fn symptom_nights_are_about_sixty_percent_with_at_most_three_episodes() {
        for (nights, seed) in [(56, 1), (56, 2), (56, 3), (56, 99), (14, 5), (365, 4)] {
            let (journal, report) = filled(nights, seed);
            let first = report.first_night.expect("first");
            let last = report.last_night.expect("last");
            let (mut logged, mut symptom) = (0u32, 0u32);
            let mut month = first.with_day(1).expect("first of month");
            while month <= last {
                let cal = journal
                    .calendar_month(month.year(), month.month() as i32)
                    .expect("calendar");
                for day in cal
                    .days
                    .iter()
                    .filter(|d| d.night >= first && d.night <= last)
                {
                    assert!(
                        day.episode_count <= 3,
                        "{} has {}",
                        day.night,
                        day.episode_count
                    );
                    if day.entry_count > 0 {
                        logged += 1;
                    }
                    if day.episode_count > 0 {
                        symptom += 1;
                        assert!(day.peak_intensity.is_some_and(|p| (2..=9).contains(&p)));
                    }
                }
                month = month
                    .checked_add_months(chrono::Months::new(1))
                    .expect("month");
            }
            assert_eq!(
                symptom, report.symptom_nights,
                "{nights} nights, seed {seed}"
            );
            let share = f64::from(symptom) / f64::from(logged) * 100.0;
            let allowed = if nights < 28 {
                40.0..=80.0
            } else {
                50.0..=70.0
            };
            assert!(
                allowed.contains(&share),
                "{nights} nights, seed {seed}: {share:.1} % symptom nights"
            );
            if nights >= 10 {
                assert!(logged < nights, "some nights are gaps");
            }
            assert!(
                logged * 100 >= nights * 85,
                "{nights} nights, seed {seed}: only {logged} logged"
            );
        }
    }

    #[test]
    fn every_record_validates_and_has_its_place() {
        let (journal, report) = filled(120, 11);
        assert!(report.sleep_diaries * 10 >= report.nights_logged * 8);
        assert!(report.exposures >= report.nights_logged * 2);
        assert!(report.exposures <= report.nights_logged * 4);
        assert!(report.lab_results >= 6, "about monthly labs");
        assert!(report.severity_ratings >= 14, "weekly ratings");
        // Oral iron (night 15), magnesium (30), pregabalin (60).
        assert_eq!(report.treatments, 3);
        let now = Moment::now();
        let mut cursor = None;
        loop {
            let page = journal
                .history(HistoryQuery {
                    kinds: Vec::new(),
                    cursor,
                    limit: 200,
                })
                .expect("history");
            for item in &page.items {
                // Re-validating a stored record changes nothing.
                match &item.entry {
                    Entry::Episode { episode } => {
                        assert_eq!(
                            episode.data.validated(now.millis()).as_ref(),
                            Ok(&episode.data)
                        );
                        let start = episode.data.started_at.millis();
                        let end = episode.data.ended_at.expect("ended").millis();
                        assert!(end > start && end - start < 4 * HOUR_MS);
                        for r in &episode.relief {
                            assert!(r.data.at.millis() >= start && r.data.at.millis() <= end);
                        }
                        let hour = episode.data.started_at.local_minute_of_day() / 60;
                        assert!(!(6..17).contains(&hour), "onset at {hour} h");
                    }
                    Entry::SleepDiary { diary } => {
                        assert_eq!(diary.data.validated(&now).as_ref(), Ok(&diary.data));
                        let tib = diary.data.time_in_bed_minutes();
                        assert!((6 * 60..=12 * 60).contains(&tib), "{tib} min in bed");
                    }
                    Entry::Exposure { exposure } => {
                        assert_eq!(
                            exposure.data.validated(now.millis()).as_ref(),
                            Ok(&exposure.data)
                        );
                    }
                    Entry::Dose { dose } => {
                        assert_eq!(dose.data.validated(now.millis()).as_ref(), Ok(&dose.data));
                    }
                    Entry::NoSymptoms { answer } => {
                        assert_eq!(answer.data.validated(&now).as_ref(), Ok(&answer.data));
                    }
                    Entry::Treatment { .. }
                    | Entry::LabResult { .. }
                    | Entry::SeverityRating { .. }
                    | Entry::Visit { .. }
                    | Entry::SafetyCheck { .. } => {}
                }
            }
            match page.next_cursor {
                Some(c) => cursor = Some(c),
                None => break,
            }
        }
    }

    #[test]
    fn onsets_wrap_midnight() {
        let (journal, _) = filled(90, 3);
        let episodes = journal
            .history(HistoryQuery {
                kinds: vec![rlsjournal_core::model::kinds::EntryKind::Episode],
                cursor: None,
                limit: 200,
            })
            .expect("history");
        let minutes: Vec<u32> = episodes
            .items
            .iter()
            .filter_map(|i| match &i.entry {
                Entry::Episode { episode } => Some(episode.data.started_at.local_minute_of_day()),
                _ => None,
            })
            .collect();
        assert!(
            minutes.iter().any(|m| (21 * 60..24 * 60).contains(m)),
            "evening onsets"
        );
        assert!(minutes.iter().any(|m| *m < 4 * 60), "onsets after midnight");
    }

    /// Mean of (symptom night as 0/1) over the nights that match `pick`, per mille.
    fn symptom_rate(plan: &Plan, pick: impl Fn(u32, &NightPlan) -> bool) -> (i64, usize) {
        let nights: Vec<&NightPlan> = plan
            .nights
            .iter()
            .enumerate()
            .filter(|(i, n)| n.logged && pick(*i as u32, n))
            .map(|(_, n)| n)
            .collect();
        let with = nights.iter().filter(|n| !n.episodes.is_empty()).count();
        ((with * 1000 / nights.len().max(1)) as i64, nights.len())
    }

    #[test]
    fn alcohol_and_treatment_leave_a_pattern_to_find() {
        let plan = plan(&options(3_650, 1)).expect("plan");
        let alcohol =
            |_: u32, n: &NightPlan| n.exposures.iter().any(|e| e.kind == ExposureKind::Alcohol);
        let (with, count_with) = symptom_rate(&plan, alcohol);
        let (without, _) = symptom_rate(&plan, |i, n| !alcohol(i, n));
        assert!(count_with > 300);
        assert!(with > without + 100, "alcohol {with}‰ vs {without}‰");
        let phases = Phases::of(3_650);
        let (before, _) = symptom_rate(&plan, |i, _| i < phases.pregabalin);
        let (after, _) = symptom_rate(&plan, |i, _| phases.on_pregabalin(i));
        assert!(
            before > after + 150,
            "before {before}‰, on treatment {after}‰"
        );
        let total: usize = plan.nights.iter().filter(|n| n.logged).count();
        let symptom = plan
            .nights
            .iter()
            .filter(|n| !n.episodes.is_empty())
            .count();
        let share = symptom * 100 / total;
        assert!((55..=65).contains(&share), "{share} % over ten years");
    }

    #[test]
    fn the_story_follows_the_guideline_order() {
        let (journal, _) = filled(3_650, 1);
        let phases = Phases::of(3_650);
        let treatments: Vec<_> = journal
            .history(HistoryQuery {
                kinds: vec![rlsjournal_core::model::kinds::EntryKind::Treatment],
                cursor: None,
                limit: 50,
            })
            .expect("history")
            .items
            .into_iter()
            .filter_map(|i| match i.entry {
                Entry::Treatment { treatment } => Some(treatment.data),
                _ => None,
            })
            .rev()
            .collect();
        let categories: Vec<_> = treatments.iter().map(|t| t.category.clone()).collect();
        // Iron first, then the first drug an alpha-2-delta ligand, the agonist last.
        assert_eq!(
            categories,
            vec![
                TreatmentCategory::OralIron,
                TreatmentCategory::Magnesium,
                TreatmentCategory::Alpha2DeltaLigand,
                TreatmentCategory::DopamineAgonist
            ]
        );
        let pregabalin = treatments.get(2).expect("pregabalin");
        let pramipexole = treatments.get(3).expect("pramipexole");
        assert!(pregabalin
            .stopped_on
            .is_some_and(|s| s < pramipexole.started_on));
        assert_eq!(pregabalin.dose_changes.len(), 1);
        let steps: Vec<f64> = pramipexole.dose_changes.iter().map(|c| c.dose).collect();
        assert_eq!(steps, vec![0.25, 0.375]);

        // Ferritin: low when first checked (≤ 75 µg/L), higher after the course.
        let plan = plan(&options(3_650, 1)).expect("plan");
        let ferritin: Vec<(NaiveDate, f64)> = plan
            .nights
            .iter()
            .flat_map(|n| n.labs.iter())
            .filter(|l| l.analyte == Analyte::Ferritin)
            .map(|l| (l.taken_on, l.value))
            .collect();
        let (first_day, first_value) = *ferritin.first().expect("a ferritin");
        let iron = treatments.first().expect("iron");
        assert!(first_day < iron.started_on, "checked before the course");
        assert!(first_value <= 75.0, "low at first: {first_value}");
        let stop = iron.stopped_on.expect("a course");
        let after: Vec<f64> = ferritin
            .iter()
            .filter(|(d, _)| *d > stop && *d < pregabalin.started_on)
            .map(|(_, v)| *v)
            .collect();
        let mean_after = after.iter().sum::<f64>() / after.len() as f64;
        assert!(
            mean_after > first_value + 25.0,
            "rechecked higher: {mean_after}"
        );

        // Onset drifts earlier on the agonist: the first year's evening share against the last
        // 120 nights'.
        let evening_share = |from: u32, to: u32| {
            let firsts: Vec<u32> = (from..to)
                .filter_map(|i| plan.nights.get(i as usize))
                .filter_map(|n| n.episodes.first())
                .map(|e| e.data.started_at.local_minute_of_day())
                .collect();
            let evening = firsts
                .iter()
                .filter(|m| (17 * 60..22 * 60).contains(*m))
                .count();
            evening * 100 / firsts.len().max(1)
        };
        let start = phases.pramipexole.expect("pramipexole");
        let early = evening_share(start, start + 120);
        let late = evening_share(3_650 - 120, 3_650);
        assert!(late > early + 15, "evening onsets {early} % then {late} %");
    }

    #[test]
    fn rejects_bad_options_and_a_used_journal() {
        let journal = Journal::open_in_memory().expect("journal");
        let bad = |o: DemoOptions| match fill_demo(&journal, &o) {
            Err(JournalError::InvalidInput { field, .. }) => field,
            other => panic!("expected invalid input, got {other:?}"),
        };
        assert_eq!(
            bad(DemoOptions {
                nights: 0,
                ..options(1, 1)
            }),
            "nights"
        );
        assert_eq!(
            bad(DemoOptions {
                offset_minutes: 20 * 60,
                ..options(1, 1)
            }),
            "offset_minutes"
        );
        let tomorrow = Moment::now().local().date().succ_opt().expect("date");
        assert_eq!(
            bad(DemoOptions {
                end_night: tomorrow,
                ..options(1, 1)
            }),
            "end_night"
        );
        fill_demo(&journal, &options(3, 1)).expect("demo");
        assert_eq!(bad(options(3, 1)), "journal");
    }

    #[test]
    fn the_default_last_night_is_over() {
        let now = Moment::from_millis(1_764_000_000_000, 60); // 2025-11-24T17:00+01:00
        assert_eq!(
            last_complete_night(&now),
            NaiveDate::from_ymd_opt(2025, 11, 23).expect("date")
        );
        let early = local_moment(
            NaiveDate::from_ymd_opt(2025, 11, 24).expect("date"),
            9 * 60,
            60,
        );
        assert_eq!(
            last_complete_night(&early),
            NaiveDate::from_ymd_opt(2025, 11, 22).expect("date")
        );
    }

    #[test]
    fn the_generator_is_the_same_everywhere() {
        // Fixed outputs: a change here changes every demo journal.
        let mut rng = Rng::new(1);
        let first: Vec<u64> = (0..3).map(|_| rng.below(1000)).collect();
        let mut again = Rng::new(1);
        assert_eq!(first, (0..3).map(|_| again.below(1000)).collect::<Vec<_>>());
        let mut r = Rng(0);
        assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
    }
}
