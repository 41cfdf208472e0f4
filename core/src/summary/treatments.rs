//! Part 8, treatments: the regimens active in the range, and for each regimen started in the
//! range, frequency and severity in the nights before its start against the nights after.
//!
//! Windows: "before" is the 14 nights before the start (it may reach back before the range:
//! that is the baseline). "After" is 14 nights once the treatment can be judged, which depends
//! on its category ([`settle_nights`]): oral iron about 12 weeks after the start, IV iron 4–6
//! weeks, dopamine agonists, alpha-2-delta ligands and opioids after a titration period,
//! supplements, routines and devices from the start. The after window ends no later than the
//! range's last night or the day the regimen stopped; each side needs at least 7 observed
//! nights. The latest 14 nights on it within the range are compared with the same baseline when
//! they come after that first window (a benefit can fade), and other regimens started or
//! stopped within the compared nights are named as confounders. Never a controlled comparison:
//! people start a treatment when they feel worst.

use rusqlite::Connection;
use serde::Serialize;

use crate::error::Result;
use crate::format::date_text;
use crate::format::{nights_text, number_text, one_decimal, percent_text};
use crate::model::kinds::TreatmentCategory;
use crate::model::treatment::Treatment;
use crate::summary::nights::Window;
use crate::summary::notes::{missing, Note};
use crate::summary::period::PeriodStats;
use crate::summary::stats::finite;
use crate::summary::NightRange;
use crate::time::LocalDate;

/// Nights in each window of the before/after comparison.
pub const WINDOW_NIGHTS: i64 = 14;
/// Oral iron is judged about 12 weeks (84 nights) after the start: its after window is the last
/// [`WINDOW_NIGHTS`] of those 12 weeks.
pub const ORAL_IRON_JUDGE_NIGHTS: i64 = 84;
/// IV iron is judged 4–6 weeks after the infusion: its after window is weeks 5 and 6 (from
/// night 28 on).
pub const IV_IRON_SETTLE_NIGHTS: i64 = 28;
/// The titration period assumed for dopamine agonists, alpha-2-delta ligands and opioids (the
/// dose is raised step by step): their after window starts this many nights after the start.
pub const TITRATION_NIGHTS: i64 = 14;
/// The caveat every before/after comparison carries.
pub const NOT_CONTROLLED_TEXT: &str = "Not a controlled comparison: people often start a \
     treatment when they feel worst, so nights may improve anyway.";
/// Logged nights needed on each side.
pub const MIN_LOGGED_EACH_SIDE: u32 = 7;

/// A regimen active at some point in the range.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct ActiveTreatment {
    /// The treatment's id.
    pub treatment_id: String,
    /// Its name.
    pub name: String,
    /// Its family.
    pub category: TreatmentCategory,
    /// The family's name (`dopamine agonist`).
    pub category_label: String,
    /// `0.125 mg`, if a dose was recorded.
    pub dose_text: Option<String>,
    /// The first day.
    pub started_on: LocalDate,
    /// The last day, if stopped.
    pub stopped_on: Option<LocalDate>,
    /// Whether it started within the range.
    pub started_in_range: bool,
    /// Whether it stopped within the range.
    pub stopped_in_range: bool,
    /// `pramipexole 0.125 mg (dopamine agonist), since Mon 9 Mar 2026`.
    pub text: String,
}

/// Nights before a regimen started against nights after.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct TreatmentComparison {
    /// The treatment's id.
    pub treatment_id: String,
    /// Its name.
    pub name: String,
    /// Its first day.
    pub started_on: LocalDate,
    /// The 14 nights before the start.
    pub before: PeriodStats,
    /// Up to 14 nights from the night the category can be judged ([`settle_nights`] after the
    /// start), within the range and the regimen; empty (`nights` 0) when that night is later.
    pub after: PeriodStats,
    /// Nights after the start before the after window begins (0, 14, 28 or 70).
    pub settle_nights: u32,
    /// The first night of the after window.
    pub judged_from: LocalDate,
    /// Whether both sides have at least 7 observed nights (otherwise no changes are given).
    pub comparable: bool,
    /// The latest [`WINDOW_NIGHTS`] nights on the regimen within the range (ending with the
    /// range's last night or the day it stopped), when they begin after the first window ends:
    /// a benefit that fades shows here, not in the first weeks (issue 21). `None` while the
    /// first window is also the latest.
    pub latest: Option<PeriodStats>,
    /// Whether the baseline and the latest window both have at least 7 observed nights.
    pub latest_comparable: bool,
    /// Latest minus before, mean nightly peak; `None` unless `latest_comparable`.
    pub latest_mean_peak_change: Option<f64>,
    /// Other regimens started or stopped between the baseline's first night and the last
    /// compared night, each as `ropinirole started Tue 3 Mar 2026`: they confound the
    /// comparison.
    pub confounders: Vec<String>,
    /// After minus before, symptom-night percentage points; `None` unless comparable.
    pub symptom_percent_change: Option<f64>,
    /// After minus before, mean per-night peak; `None` unless comparable.
    pub mean_peak_change: Option<f64>,
    /// One or two sentences.
    pub text: String,
}

/// Part 8: what was taken, and how nights changed when something started.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct TreatmentsSummary {
    /// Regimens active at some point in the range, oldest start first.
    pub active: Vec<ActiveTreatment>,
    /// One comparison per regimen started in the range.
    pub comparisons: Vec<TreatmentComparison>,
    /// One sentence for the report.
    pub text: String,
}

/// Whether a regimen was active at some point between `first` and `last`.
pub(crate) fn active_between(t: &Treatment, first: LocalDate, last: LocalDate) -> bool {
    t.data.started_on <= last && t.data.stopped_on.is_none_or(|s| s >= first)
}

fn dose_text(t: &Treatment) -> Option<String> {
    t.data.dose.map(|d| match &t.data.dose_unit {
        Some(u) => format!("{} {u}", number_text(d)),
        None => number_text(d),
    })
}

/// Builds part 8; `main` is the summary's window (the comparisons' nights are cut from it when
/// it holds them).
pub(crate) fn build(
    conn: &Connection,
    main: &Window,
    range: &NightRange,
    treatments: &[Treatment],
    notes: &mut Vec<Note>,
) -> Result<TreatmentsSummary> {
    let mut active = Vec::new();
    let mut comparisons = Vec::new();
    for t in treatments
        .iter()
        .filter(|t| active_between(t, range.first, range.last))
    {
        let d = &t.data;
        let mut text = d.name.clone();
        if let Some(dose) = dose_text(t) {
            text.push_str(&format!(" {dose}"));
        }
        text.push_str(&format!(
            " ({}), since {}",
            d.category.display_name(),
            date_text(d.started_on)
        ));
        if let Some(stop) = d.stopped_on {
            text.push_str(&format!(", stopped {}", date_text(stop)));
        }
        active.push(ActiveTreatment {
            treatment_id: t.id.clone(),
            name: d.name.clone(),
            category: d.category.clone(),
            category_label: d.category.display_name(),
            dose_text: dose_text(t),
            started_on: d.started_on,
            stopped_on: d.stopped_on,
            started_in_range: range.contains(d.started_on),
            stopped_in_range: d.stopped_on.is_some_and(|s| range.contains(s)),
            text,
        });
        if range.contains(d.started_on) {
            let c = compare(conn, main, range, t, treatments)?;
            if !c.comparable {
                notes.push(missing("treatments", c.text.clone()));
            }
            comparisons.push(c);
        }
    }
    let text = match active.len() {
        0 => "No treatment active in this range.".to_string(),
        _ => {
            let names: Vec<&str> = active.iter().map(|a| a.name.as_str()).collect();
            format!("Active in this range: {}.", names.join(", "))
        }
    };
    Ok(TreatmentsSummary {
        active,
        comparisons,
        text,
    })
}

/// Nights after a start before a category's effect can be judged: the after window begins
/// then.
pub fn settle_nights(category: &TreatmentCategory) -> i64 {
    match category {
        TreatmentCategory::OralIron => ORAL_IRON_JUDGE_NIGHTS - WINDOW_NIGHTS,
        TreatmentCategory::IvIron => IV_IRON_SETTLE_NIGHTS,
        TreatmentCategory::DopamineAgonist
        | TreatmentCategory::Levodopa
        | TreatmentCategory::Alpha2DeltaLigand
        | TreatmentCategory::Opioid => TITRATION_NIGHTS,
        _ => 0,
    }
}

/// `oral iron is judged about 12 weeks after the start`: why a category's after window starts
/// when it does.
pub fn window_reason(category: &TreatmentCategory) -> String {
    let name = category.display_name();
    match category {
        TreatmentCategory::OralIron => format!(
            "{name} is judged about {} weeks after the start",
            ORAL_IRON_JUDGE_NIGHTS / 7
        ),
        TreatmentCategory::IvIron => format!(
            "{name} is judged {}–{} weeks after the infusion",
            IV_IRON_SETTLE_NIGHTS / 7,
            (IV_IRON_SETTLE_NIGHTS + WINDOW_NIGHTS) / 7
        ),
        TreatmentCategory::DopamineAgonist
        | TreatmentCategory::Levodopa
        | TreatmentCategory::Alpha2DeltaLigand
        | TreatmentCategory::Opioid => {
            format!("{name} is judged after a {TITRATION_NIGHTS}-night titration period")
        }
        _ => format!("{name} is judged over its first {WINDOW_NIGHTS} nights"),
    }
}

/// The windows per category as the definitions state them.
pub(crate) fn definition_text() -> String {
    format!(
        "For a regimen started in the range: the {WINDOW_NIGHTS} nights before its start \
         against {WINDOW_NIGHTS} nights once it can be judged: oral iron about {} weeks after \
         the start (it acts slowly; AASM 2024 guideline), IV iron {}–{} weeks after the \
         infusion (AASM 2024), dopamine agonists, alpha-2-delta ligands and opioids after a \
         titration period assumed here to be {TITRATION_NIGHTS} nights (Silber et al. 2021, \
         Mayo Clinic algorithm, on titrating these), supplements, routines and devices from \
         the start. In a range that goes on past that first window, the latest {WINDOW_NIGHTS} \
         nights on the regimen are compared with the same baseline too, since a benefit can \
         fade. Means are of the nightly peak over observed nights (symptom-free nights 0). \
         Other treatments started or stopped within the compared nights are named as \
         confounders. Observed nights only, at least {MIN_LOGGED_EACH_SIDE} on each side. {}",
        ORAL_IRON_JUDGE_NIGHTS / 7,
        IV_IRON_SETTLE_NIGHTS / 7,
        (IV_IRON_SETTLE_NIGHTS + WINDOW_NIGHTS) / 7,
        NOT_CONTROLLED_TEXT
    )
}

/// The latest [`WINDOW_NIGHTS`] nights on a regimen, ending `end`, when they start after the
/// first window's last night `after_last`.
fn latest_window(after_last: LocalDate, end: LocalDate) -> Option<(LocalDate, LocalDate)> {
    let first = end - chrono::Duration::days(WINDOW_NIGHTS - 1);
    (first > after_last).then_some((first, end))
}

/// Other regimens started or stopped from `first` to `last` (inclusive), in date order.
fn confounders(
    treatments: &[Treatment],
    own_id: &str,
    first: LocalDate,
    last: LocalDate,
) -> Vec<String> {
    let mut events: Vec<(LocalDate, String)> = Vec::new();
    for o in treatments.iter().filter(|o| o.id != own_id) {
        let within = |d: LocalDate| first <= d && d <= last;
        if within(o.data.started_on) {
            events.push((
                o.data.started_on,
                format!("{} started {}", o.data.name, date_text(o.data.started_on)),
            ));
        }
        if let Some(stop) = o.data.stopped_on.filter(|&d| within(d)) {
            events.push((stop, format!("{} stopped {}", o.data.name, date_text(stop))));
        }
    }
    events.sort_by_key(|(d, _)| *d);
    events.into_iter().map(|(_, t)| t).collect()
}

/// `Started or stopped within the compared nights: …`, or nothing.
fn confounders_text(confounders: &[String]) -> String {
    if confounders.is_empty() {
        String::new()
    } else {
        format!(
            " Started or stopped within the compared nights (confounders): {}.",
            confounders.join("; ")
        )
    }
}

fn compare(
    conn: &Connection,
    main: &Window,
    range: &NightRange,
    t: &Treatment,
    treatments: &[Treatment],
) -> Result<TreatmentComparison> {
    let start = t.data.started_on;
    let before_first = start - chrono::Duration::days(WINDOW_NIGHTS);
    let before_last = start - chrono::Duration::days(1);
    let settle = settle_nights(&t.data.category);
    let after_first = start + chrono::Duration::days(settle);
    let mut after_last = (after_first + chrono::Duration::days(WINDOW_NIGHTS - 1)).min(range.last);
    if let Some(stop) = t.data.stopped_on {
        after_last = after_last.min(stop);
    }
    let reachable = after_first <= after_last;
    let mut on_last = range.last;
    if let Some(stop) = t.data.stopped_on {
        on_last = on_last.min(stop);
    }
    let latest_nights = if reachable {
        latest_window(after_last, on_last)
    } else {
        None
    };
    let window_last = latest_nights.map_or(after_last, |(_, l)| l);
    let window = main.part_or_load(conn, before_first, window_last.max(before_last))?;
    let before = PeriodStats::from_cells(
        before_first,
        before_last,
        window.cells_between(before_first, before_last),
    );
    let after = if reachable {
        PeriodStats::from_cells(
            after_first,
            after_last,
            window.cells_between(after_first, after_last),
        )
    } else {
        // An empty stretch: the after window has not begun within the range (or the regimen).
        PeriodStats::from_cells(after_first, after_first - chrono::Duration::days(1), &[])
    };
    let comparable = reachable
        && before.nights_logged >= MIN_LOGGED_EACH_SIDE
        && after.nights_logged >= MIN_LOGGED_EACH_SIDE;
    let (symptom_change, peak_change) = if comparable {
        (
            before
                .symptom_night_percent
                .zip(after.symptom_night_percent)
                .and_then(|(b, a)| finite(a - b)),
            before
                .mean_peak
                .zip(after.mean_peak)
                .and_then(|(b, a)| finite(a - b)),
        )
    } else {
        (None, None)
    };
    let latest =
        latest_nights.map(|(f, l)| PeriodStats::from_cells(f, l, window.cells_between(f, l)));
    let latest_comparable = latest.as_ref().is_some_and(|l| {
        before.nights_logged >= MIN_LOGGED_EACH_SIDE && l.nights_logged >= MIN_LOGGED_EACH_SIDE
    });
    let latest_mean_peak_change = latest
        .as_ref()
        .filter(|_| latest_comparable)
        .and_then(|l| before.mean_peak.zip(l.mean_peak))
        .and_then(|(b, l)| finite(l - b));
    let confounders = confounders(
        treatments,
        &t.id,
        before_first,
        window_last.max(before_last),
    );
    let name = &t.data.name;
    let reason = window_reason(&t.data.category);
    let latest_text = match (&latest, latest_mean_peak_change) {
        (Some(l), Some(change)) => format!(
            " Latest weeks, {}: {}; mean nightly peak {} {} against before.",
            l.label,
            l.text,
            if change <= 0.0 { "down" } else { "up" },
            one_decimal(change.abs())
        ),
        (Some(l), None) => format!(
            " Latest weeks, {}: {} (too few observed nights to compare; needs \
             {MIN_LOGGED_EACH_SIDE}).",
            l.label, l.text
        ),
        (None, _) => String::new(),
    };
    let confounded = confounders_text(&confounders);
    let text = match (comparable, symptom_change, peak_change, &before, &after) {
        (true, Some(sc), Some(pc), b, a) => format!(
            "{name} from {} ({reason}): before, {}; first weeks, from {}, {}. Symptom nights {} \
             {} points, mean nightly peak {} {}.{latest_text}{confounded} {NOT_CONTROLLED_TEXT}",
            date_text(start),
            b.text,
            date_text(after_first),
            a.text,
            if sc <= 0.0 { "down" } else { "up" },
            percent_text(sc.abs()).trim_end_matches(" %"),
            if pc <= 0.0 { "down" } else { "up" },
            one_decimal(pc.abs())
        ),
        _ if !reachable => format!(
            "{name} from {}: too early to compare ({reason}, from {}).",
            date_text(start),
            date_text(after_first)
        ),
        (_, _, _, b, a) => format!(
            "{name} from {}: too few observed nights to compare ({} before, {} after from {}; \
             needs {MIN_LOGGED_EACH_SIDE} each).{latest_text}{confounded}",
            date_text(start),
            nights_text(b.nights_logged),
            a.nights_logged,
            date_text(after_first)
        ),
    };
    Ok(TreatmentComparison {
        treatment_id: t.id.clone(),
        name: name.clone(),
        started_on: start,
        before,
        after,
        settle_nights: u32::try_from(settle).unwrap_or(0),
        judged_from: after_first,
        comparable,
        latest,
        latest_comparable,
        latest_mean_peak_change,
        confounders,
        symptom_percent_change: symptom_change,
        mean_peak_change: peak_change,
        text,
    })
}
