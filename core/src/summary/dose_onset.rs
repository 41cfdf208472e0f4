//! The dose–onset strip's data (issue 21): per night, the clock time of each dose of a
//! dopaminergic or alpha-2-delta treatment and the onset of each episode, on the day clock
//! (minutes since the morning hour, `day_clock`), one row a night as paper RLS diaries keep
//! them, for three groups: a baseline before the treatment started, the first weeks and the
//! latest weeks on it. This is how a clinician sees augmentation (onsets creeping earlier,
//! towards the dose) and dose timing at a glance.
//!
//! Reads only the nights it shows (at most three times [`STRIP_NIGHTS`], by the night index)
//! plus, per group, the doses of the treatments drawn: never a pass over the whole journal.

use rusqlite::Connection;

use crate::error::Result;
use crate::model::kinds::TreatmentCategory;
use crate::model::treatment::Treatment;
use crate::store::queries;
use crate::summary::day_clock::minutes_since_morning;
use crate::summary::nights::Window;
use crate::summary::NightRange;
use crate::time::{LocalDate, Moment};

/// Nights in each group (two weeks: the augmentation watch's window, `WATCH_NIGHTS`).
pub const STRIP_NIGHTS: i64 = crate::summary::augmentation::WATCH_NIGHTS;

/// Which nights a group of the strip shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StripGroupKind {
    /// The nights just before the treatment started.
    Baseline,
    /// The first nights on it.
    FirstWeeks,
    /// The latest nights of the range on it.
    LatestWeeks,
}

/// An episode's onset on the strip.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StripOnset {
    /// Minutes since the morning hour, 0–1439.
    pub minutes: u32,
    /// The episode's peak intensity (1–10).
    pub peak: u8,
}

/// A dose on the strip.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StripDose {
    /// Minutes since the morning hour, 0–1439.
    pub minutes: u32,
    /// Whether it is a dose of the strip's own treatment (the one the groups are placed
    /// around), not of another dopaminergic or alpha-2-delta treatment.
    pub anchor: bool,
}

/// One night, one row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StripNight {
    /// The night.
    pub night: LocalDate,
    /// Observed (an episode, a diary or a "no symptoms" answer); an unobserved night is
    /// missing, not symptom-free.
    pub observed: bool,
    /// Onsets of the night's episodes, in time order.
    pub onsets: Vec<StripOnset>,
    /// Doses counted for the night, in time order.
    pub doses: Vec<StripDose>,
}

/// A group of consecutive nights.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StripGroup {
    /// Which group.
    pub kind: StripGroupKind,
    /// Its first night.
    pub first: LocalDate,
    /// Its last night (inclusive).
    pub last: LocalDate,
    /// Every night of `first..=last`, oldest first.
    pub nights: Vec<StripNight>,
}

impl StripGroup {
    /// Observed nights of the group.
    pub fn observed(&self) -> usize {
        self.nights.iter().filter(|n| n.observed).count()
    }
}

/// The strip: the treatment it is placed around and its groups.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DoseOnset {
    /// The treatment the groups are placed around: the dopaminergic or alpha-2-delta one
    /// active on the range's last night (a dopaminergic one first), else the latest such one
    /// active in the range.
    pub anchor_name: String,
    /// When it started.
    pub anchor_started_on: LocalDate,
    /// The other dopaminergic or alpha-2-delta treatments whose doses fall on the strip's
    /// nights, by name.
    pub other_names: Vec<String>,
    /// The morning hour the day clock starts at.
    pub morning_hour: i32,
    /// Baseline (when the start is not the journal's first night), first weeks, latest weeks
    /// (when the range reaches past the first weeks), in that order.
    pub groups: Vec<StripGroup>,
}

/// Whether a treatment's doses go on the strip.
pub fn on_the_strip(category: &TreatmentCategory) -> bool {
    category.is_dopaminergic() || matches!(category, TreatmentCategory::Alpha2DeltaLigand)
}

fn days(n: i64) -> chrono::Duration {
    chrono::Duration::days(n)
}

/// The treatment the strip is placed around, if any.
fn anchor<'t>(range: &NightRange, treatments: &'t [Treatment]) -> Option<&'t Treatment> {
    treatments
        .iter()
        .filter(|t| on_the_strip(&t.data.category))
        .filter(|t| {
            t.data.started_on <= range.last
                && t.data.stopped_on.is_none_or(|stop| stop >= range.first)
        })
        .max_by_key(|t| {
            (
                t.data.active_on(range.last),
                t.data.category.is_dopaminergic(),
                t.data.started_on,
            )
        })
}

/// The strip of `range`, or `None` without a dopaminergic or alpha-2-delta treatment in it.
pub(crate) fn build(
    conn: &Connection,
    range: &NightRange,
    treatments: &[Treatment],
    morning_hour: i32,
) -> Result<Option<DoseOnset>> {
    let Some(anchor) = anchor(range, treatments) else {
        return Ok(None);
    };
    let start = anchor.data.started_on;
    let end = anchor
        .data
        .stopped_on
        .map_or(range.last, |stop| stop.min(range.last));
    let mut spans = Vec::new();
    if let Some(before) = start.checked_sub_signed(days(1)) {
        spans.push((
            StripGroupKind::Baseline,
            before - days(STRIP_NIGHTS - 1),
            before,
        ));
    }
    let first_last = (start + days(STRIP_NIGHTS - 1)).min(end);
    spans.push((StripGroupKind::FirstWeeks, start, first_last));
    let latest_first = (end - days(STRIP_NIGHTS - 1)).max(first_last + days(1));
    if latest_first <= end {
        spans.push((StripGroupKind::LatestWeeks, latest_first, end));
    }
    let drawn: Vec<&Treatment> = treatments
        .iter()
        .filter(|t| on_the_strip(&t.data.category))
        .collect();
    let mut other_names: Vec<String> = Vec::new();
    let mut groups = Vec::new();
    for (kind, first, last) in spans {
        let window = Window::load(conn, first, last, false)?;
        let mut nights: Vec<StripNight> = window
            .nights()
            .map(|(night, cell)| StripNight {
                night,
                observed: cell.observed,
                onsets: Vec::new(),
                doses: Vec::new(),
            })
            .collect();
        for e in &window.episodes {
            if let Some(row) = window.index_of(e.night).and_then(|i| nights.get_mut(i)) {
                row.onsets.push(StripOnset {
                    minutes: day_minutes(e.data.started_at, morning_hour),
                    peak: e.data.peak(),
                });
            }
        }
        for t in &drawn {
            let is_anchor = t.id == anchor.id;
            for (night, at) in queries::dose_times(conn, &t.id, first, last)? {
                // A dose whose time no longer reads is left off (the summary's notes list
                // damaged records).
                let Some(at) = at.and_then(|a| Moment::parse_rfc3339(&a).ok()) else {
                    continue;
                };
                if let Some(row) = window.index_of(night).and_then(|i| nights.get_mut(i)) {
                    row.doses.push(StripDose {
                        minutes: day_minutes(at, morning_hour),
                        anchor: is_anchor,
                    });
                    if !is_anchor && !other_names.contains(&t.data.name) {
                        other_names.push(t.data.name.clone());
                    }
                }
            }
        }
        for row in &mut nights {
            row.doses.sort_by_key(|d| d.minutes);
        }
        groups.push(StripGroup {
            kind,
            first,
            last,
            nights,
        });
    }
    Ok(Some(DoseOnset {
        anchor_name: anchor.data.name.clone(),
        anchor_started_on: start,
        other_names,
        morning_hour,
        groups,
    }))
}

/// A moment's local clock time as whole minutes since the morning hour.
fn day_minutes(at: Moment, morning_hour: i32) -> u32 {
    let minutes = minutes_since_morning(f64::from(at.local_minute_of_day()), morning_hour);
    // In [0, 1440) by construction.
    minutes.clamp(0.0, 1439.0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_moment_lands_on_the_day_clock() {
        let at = Moment::parse_rfc3339("2026-03-03T02:10:00+01:00").expect("time");
        // Morning hour 05:00: 02:10 is 21 h 10 min into the day.
        assert_eq!(day_minutes(at, 5), 21 * 60 + 10);
        let evening = Moment::parse_rfc3339("2026-03-02T21:00:00-05:00").expect("time");
        assert_eq!(day_minutes(evening, 5), 16 * 60);
    }

    #[test]
    fn dopaminergic_and_alpha_2_delta_go_on_the_strip() {
        assert!(on_the_strip(&TreatmentCategory::DopamineAgonist));
        assert!(on_the_strip(&TreatmentCategory::Levodopa));
        assert!(on_the_strip(&TreatmentCategory::Alpha2DeltaLigand));
        assert!(!on_the_strip(&TreatmentCategory::OralIron));
        assert!(!on_the_strip(&TreatmentCategory::Opioid));
    }
}
