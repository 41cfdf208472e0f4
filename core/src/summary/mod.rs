//! Pattern summaries of a range of nights (design §4): one call, one structured record with
//! every measure ready to display, and the definitions it used.
//!
//! One concern per file: `coverage` (1), `timing` (2, with the circular statistics), `severity`
//! (3), `anatomy` (4, where and how), `triggers` (5), `relief` (6), `sleep` (7), `treatments`
//! (8), `iron` (9), `rating` (10), `augmentation` (11), `notes` (12, data quality);
//! `changes` the key figures and their change against the previous range of the same length,
//! `discuss` the points to raise with the clinician; `definitions` states the definitions used;
//! `parts` names the parts and their titles; `details` words the terminal's detail lines and
//! table headings; `nights` reads a window of nights in one query over the night index; `period`
//! aggregates a stretch of nights; `stats` holds the panic-free, NaN-free statistics (their
//! display formats are in [`crate::format`]).
//!
//! The default range is the 14 nights ending with the last completed night: the night whose
//! morning check-in is due (the latest night whose next morning, at the `morning_hour` setting,
//! has begun; see [`crate::views::prompts::last_night`]).

pub mod anatomy;
pub mod augmentation;
pub mod changes;
pub mod coverage;
mod day_clock;
pub mod definitions;
pub mod details;
pub mod discuss;
// The dose–onset strip of the clinician report (issue 21).
pub mod dose_onset;
// Dose timeline (issue 15 item 4).
pub mod doses;
pub mod fisher;
pub mod iron;
mod nights;
pub mod notes;
// Onset clusters and range (issue 21).
pub mod onset_shape;
pub mod parts;
pub mod period;
pub mod rating;
pub mod relief;
// Drug-safety check-ins and "since the last visit" (issue 21).
pub mod safety;
pub mod severity;
pub mod sleep;
mod stats;
pub mod timing;
pub mod treatments;
pub mod triggers;
pub mod visit_period;
pub mod worsening;

use chrono::Datelike;
use rusqlite::Connection;
use serde::Serialize;

use crate::error::{JournalError, Result};
use crate::journal::Journal;
use crate::settings::Settings;
use crate::time::{LocalDate, Moment};
use crate::views::night::all_treatments;
use crate::views::prompts::last_night;

pub use anatomy::{Breakdown, CountItem, WhereAndHow};
pub use augmentation::{
    AugmentationBaseline, AugmentationSign, AugmentationSignKind, AugmentationStatus,
    AugmentationSummary, AugmentationWatch,
};
pub use changes::{
    ChangeDirection, ChangeVerdict, FigureChange, KeyFigure, KeyFigureKind, PreviousPeriod,
};
pub use coverage::Coverage;
pub use definitions::Definition;
pub use discuss::{DiscussLevel, DiscussPoint, DiscussTopic};
// Dose timeline (issue 15 item 4).
pub use doses::{DailyDose, DailyDoseSource, DoseStep, DoseTimeline};
pub use iron::{
    CrpReading, IronBand, IronStatus, IronTrendPoint, IvIronDate, LabReading, ThresholdCheck,
};
pub use notes::{Note, NoteKind};
pub use onset_shape::OnsetCluster;
pub use parts::SummaryPart;
pub use period::PeriodStats;
pub use rating::{IrlsBand, RatingPoint, RatingSummary};
pub use relief::{ReliefMethodStats, ReliefToolkit, SeverityTier, TierBest};
pub use safety::{SafetyChecks, SafetyYes};
pub use severity::{HalfTrend, NightPoint, Severity, Trend, WorstNight};
pub use sleep::SleepSummary;
pub use timing::{ClockSpread, HourBin, Timing};
pub use treatments::{ActiveTreatment, TreatmentComparison, TreatmentsSummary};
pub use triggers::{TriggerAssociation, TriggerShortfall, TriggerVerdict, Triggers};
pub use visit_period::{PeriodBasis, VisitPeriod};
pub use worsening::WorseningMedicine;

/// Nights in the default range.
pub const DEFAULT_NIGHTS: i64 = 14;
/// The longest range one summary may cover: 20 years of nights.
pub const MAX_RANGE_NIGHTS: i64 = 7_306;

/// An inclusive range of nights (each night named by its evening's date).
#[derive(uniffi::Record, Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct NightRange {
    /// The first night.
    pub first: LocalDate,
    /// The last night (inclusive).
    pub last: LocalDate,
}

impl NightRange {
    /// Checks the range: `first <= last`, years 1900–9999, at most 20 years of nights.
    pub fn validated(&self) -> Result<NightRange> {
        for (field, date) in [("first", self.first), ("last", self.last)] {
            if !(1900..=9999).contains(&date.year()) {
                return Err(JournalError::invalid(
                    field,
                    "must be a date between the years 1900 and 9999",
                ));
            }
        }
        if self.first > self.last {
            return Err(JournalError::invalid(
                "first",
                "the first night is after the last night",
            ));
        }
        if self.nights() > MAX_RANGE_NIGHTS {
            return Err(JournalError::invalid(
                "last",
                "the range is longer than 20 years; summarise a shorter range",
            ));
        }
        Ok(*self)
    }

    /// The default range at `now`: the 14 nights ending with the last completed night (the night
    /// whose morning check-in is due, by the `morning_hour` setting).
    pub fn default_at(now: &Moment, settings: &Settings) -> NightRange {
        NightRange::ending_last_night(now, settings, DEFAULT_NIGHTS)
    }

    /// The `nights` nights (at least 1) ending with the default range's last night at `now`.
    fn ending_last_night(now: &Moment, settings: &Settings, nights: i64) -> NightRange {
        let last = last_night(now, settings.morning_hour);
        NightRange {
            first: last - chrono::Duration::days(nights.max(1) - 1),
            last,
        }
    }

    /// Nights in the range (`first` to `last` inclusive).
    pub fn nights(&self) -> i64 {
        (self.last - self.first).num_days() + 1
    }

    /// Whether `night` lies in the range.
    pub fn contains(&self, night: LocalDate) -> bool {
        self.first <= night && night <= self.last
    }
}

/// What a person and their clinician learn from a range of nights (design §4): one record for
/// the summary screen, the clinician report and the terminal.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    /// The nights summarised.
    pub range: NightRange,
    /// `14 nights, Mon 2 Mar – Sun 15 Mar 2026`.
    pub title: String,
    /// Part 1: nights logged, symptom nights, frequency per week.
    pub coverage: Coverage,
    /// Part 2: onset clock time, onset histogram, latency, duration, waking.
    pub timing: Timing,
    /// Part 3: per-night peaks, mean, median, trend, worst night.
    pub severity: Severity,
    /// Part 4: side, body areas (arms flagged), sensations, settings.
    pub where_and_how: WhereAndHow,
    /// Part 5: exposures associated with worse (or better) nights.
    pub triggers: Triggers,
    /// Part 6: what helps, per method and per severity tier.
    pub relief: ReliefToolkit,
    /// Part 7: TIB, TST, SOL, WASO, SE.
    pub sleep: SleepSummary,
    /// Part 8: regimens active, before/after a start.
    pub treatments: TreatmentsSummary,
    /// Part 8 too: the dose timeline of each regimen active in the range with a dose (current
    /// dose, steps with dates, for dopaminergic drugs the total daily dose per night).
    pub dose_timelines: Vec<DoseTimeline>,
    /// Part 9: ferritin and transferrin saturation against AASM 2024.
    pub iron: IronStatus,
    /// Part 10: the IRLS rating, band and change.
    pub rating: RatingSummary,
    /// Part 11: the augmentation watch (dopamine agonists only).
    pub augmentation: AugmentationSummary,
    /// Medicines active in the range that may worsen RLS (a listed generic name or the
    /// category), oldest start first: raised under "To discuss" (issue 15).
    pub may_worsen_rls: Vec<WorseningMedicine>,
    /// The drug-safety check-ins of the range (weekly while on a dopamine agonist or levodopa):
    /// how many, and every "yes" with its date (issue 21).
    pub safety_checks: SafetyChecks,
    /// Part 12: data-quality notes and why measures are absent, most important first.
    pub notes: Vec<Note>,
    /// The key figures (symptom nights per week, mean nightly peak over observed nights, median
    /// onset or its clusters, mean sleep efficiency, latest IRLS), each with its change.
    pub key_figures: Vec<KeyFigure>,
    /// What the changes compare with: the previous range of the same length.
    pub previous: PreviousPeriod,
    /// The points to raise with the clinician, in the order of what the visit can act on:
    /// iron, treatment response, drug safety, the rest (see [`discuss`]).
    pub discuss: Vec<DiscussPoint>,
    /// The definitions used, for the report and the apps to print.
    pub definitions: Vec<Definition>,
}

#[uniffi::export]
impl Journal {
    /// A summary of a range of nights (design §4); without a range, the 14 nights ending with
    /// the last completed night (the night whose morning check-in is due). The key figures'
    /// changes read the previous range of the same length in the same snapshot.
    ///
    /// Errors: `InvalidInput` (field `first` or `last`) for a range that ends before it starts,
    /// is longer than 20 years or lies outside the years 1900–9999.
    #[uniffi::method(default(range = None))]
    pub fn summary(&self, range: Option<NightRange>) -> Result<Summary> {
        self.summary_at(range, Moment::now())
    }

    /// The range of the last `nights` nights for `summary`: it ends with the same last night as
    /// the default range (the last completed night, by the `morning_hour` setting), so "last 30
    /// nights" and "last 90 nights" need no date arithmetic in the apps.
    ///
    /// Errors: `InvalidInput` (field `nights`) unless `nights` is between 1 and 7306 (20 years,
    /// the longest range a summary accepts).
    pub fn last_nights(&self, nights: i32) -> Result<NightRange> {
        self.last_nights_at(nights, Moment::now())
    }
}

impl Journal {
    /// [`Journal::summary`] as if it were `now` (the default range and the wording of an open
    /// episode depend on it): for deterministic tests and reports.
    pub fn summary_at(&self, range: Option<NightRange>, now: Moment) -> Result<Summary> {
        self.read(|conn, settings| build(conn, settings, range, &now))
    }

    /// [`Journal::last_nights`] as if it were `now`.
    pub fn last_nights_at(&self, nights: i32, now: Moment) -> Result<NightRange> {
        let nights = i64::from(nights);
        if !(1..=MAX_RANGE_NIGHTS).contains(&nights) {
            return Err(JournalError::invalid(
                "nights",
                format!("must be between 1 and {MAX_RANGE_NIGHTS}"),
            ));
        }
        self.read(|_, settings| NightRange::ending_last_night(&now, settings, nights).validated())
    }
}

/// Builds the whole summary from one connection (one snapshot: the caller's read transaction),
/// the previous range of the changes included.
pub(crate) fn build(
    conn: &Connection,
    settings: &Settings,
    range: Option<NightRange>,
    now: &Moment,
) -> Result<Summary> {
    let range = match range {
        Some(r) => r.validated()?,
        None => NightRange::default_at(now, settings).validated()?,
    };
    let window = nights::Window::load(conn, range.first, range.last, true)?;
    let treatments = all_treatments(conn)?;
    let mut notes = notes::data_quality(&window, now);
    let coverage = coverage::build(&window, &mut notes);
    let timing = timing::build(&window, &mut notes, settings.morning_hour);
    let severity = severity::build(&window, &mut notes);
    let where_and_how = anatomy::build(&window);
    let triggers = triggers::build(&window);
    let relief = relief::build(&window);
    let sleep = sleep::build(&window, &mut notes);
    let treatments_summary = treatments::build(conn, &window, &range, &treatments, &mut notes)?;
    let iron = iron::build(conn, range.last, &treatments, &mut notes)?;
    let may_worsen_rls = worsening::build(&treatments_summary.active);
    // Dose timeline (issue 15 item 4).
    let dose_timelines = doses::build(conn, &range, &treatments)?;
    let rating = rating::build(conn, &range, &treatments_summary.active, &mut notes)?;
    let augmentation =
        augmentation::build(conn, &window, &range, &treatments, settings.morning_hour)?;
    let safety_checks = safety::build(conn, &range, &treatments)?;
    let (key_figures, previous) = changes::build(
        conn,
        &range,
        settings.morning_hour,
        changes::Parts {
            coverage: &coverage,
            severity: &severity,
            timing: &timing,
            sleep: &sleep,
        },
        &rating,
    )?;
    let discuss = discuss::build(&discuss::Sources {
        iron: &iron,
        augmentation: &augmentation,
        where_and_how: &where_and_how,
        rating: &rating,
        severity: &severity,
        triggers: &triggers,
        may_worsen_rls: &may_worsen_rls,
        treatments: &treatments_summary,
        safety_checks: &safety_checks,
    });
    let nights = range.nights();
    Ok(Summary {
        title: format!(
            "{} night{}, {}",
            nights,
            if nights == 1 { "" } else { "s" },
            crate::format::range_text(range.first, range.last)
        ),
        range,
        coverage,
        timing,
        severity,
        where_and_how,
        triggers,
        relief,
        sleep,
        treatments: treatments_summary,
        dose_timelines,
        iron,
        rating,
        augmentation,
        may_worsen_rls,
        safety_checks,
        notes,
        key_figures,
        previous,
        discuss,
        definitions: definitions::all(settings.night_cutover_hour, settings.morning_hour),
    })
}
