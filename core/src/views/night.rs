//! One night's full view: everything that belongs to the night, in time order, as records and as
//! the history's display lines.

use rusqlite::Connection;
use serde::Serialize;

use crate::error::Result;
use crate::model::answer::NoSymptoms;
use crate::model::damaged::DamagedRecord;
use crate::model::entry::Entry;
use crate::model::episode::Episode;
use crate::model::exposure::Exposure;
use crate::model::kinds::EntryKind;
use crate::model::lab::{LabResult, SeverityRating};
use crate::model::safety_check::SafetyCheck;
use crate::model::sleep::SleepDiary;
use crate::model::treatment::{Dose, Treatment};
use crate::model::visit::Visit;
use crate::store::entries::RowKind;
use crate::store::{queries, records};
use crate::time::{LocalDate, MINUTE_MS};
use crate::views::describe::{date_text, duration_text};
use crate::views::history::{self, HistoryItem};

/// Everything recorded for one night.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct NightView {
    /// The night (the evening's date).
    pub night: LocalDate,
    /// `Night of Thu 26 Nov 2026`.
    pub title: String,
    /// One line: episodes, worst intensity, time with symptoms, sleep.
    pub summary: String,
    /// The highest peak intensity of the night; `None` without episodes.
    pub peak_intensity: Option<i32>,
    /// Minutes with symptoms (ended episodes only).
    pub symptom_minutes: u32,
    /// Episodes with their relief attempts, in time order.
    pub episodes: Vec<Episode>,
    /// The morning sleep diary, if done.
    pub sleep_diary: Option<SleepDiary>,
    /// The morning's "no symptoms" answer, if given (an episode that night outweighs it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub no_symptoms: Option<NoSymptoms>,
    /// Exposures (possible triggers), in time order.
    pub exposures: Vec<Exposure>,
    /// Doses taken, in time order.
    pub doses: Vec<Dose>,
    /// Lab results taken on this date.
    pub lab_results: Vec<LabResult>,
    /// IRLS ratings made on this date.
    pub severity_ratings: Vec<SeverityRating>,
    /// Treatments that started on this date.
    pub treatments_started: Vec<Treatment>,
    /// Clinician visits on this date (absent from JSON when there are none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub visits: Vec<Visit>,
    /// Drug-safety check-ins made on this date (absent from JSON when there are none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub safety_checks: Vec<SafetyCheck>,
    /// Treatments active on this date.
    pub active_treatments: Vec<Treatment>,
    /// Every entry of the night (not the active treatments), in time order, with the same
    /// `title`, `detail` and `at` text the history shows.
    // Not in JSON: scripts have the typed lists, and the lines are display text.
    #[serde(skip_serializing)]
    pub items: Vec<NightLine>,
    /// Records of this night that could not be read: left out above, listed here.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub damaged: Vec<DamagedRecord>,
}

/// One entry of a night as the history shows it, without the record itself: the record is
/// already in the typed lists above, and sending it twice doubled what crosses the FFI.
#[derive(uniffi::Record, Clone, Debug, PartialEq)]
pub struct NightLine {
    /// Its kind.
    pub kind: EntryKind,
    /// Its id (for edit and delete; `entry(id)` reads the record).
    pub id: String,
    /// When, for display (`Thu 26 Nov, 02:10`, or the date for date-only entries). Named `at`,
    /// not `when` (a Kotlin keyword).
    pub at: String,
    /// A short title (`Symptoms 7/10`).
    pub title: String,
    /// One line of detail.
    pub detail: String,
    /// Peak intensity, for episodes (colour coding).
    pub intensity: Option<i32>,
}

impl From<HistoryItem> for NightLine {
    fn from(item: HistoryItem) -> NightLine {
        NightLine {
            kind: item.kind,
            id: item.id,
            at: item.at,
            title: item.title,
            detail: item.detail,
            intensity: item.intensity,
        }
    }
}

/// Reads one night.
pub fn night_view(conn: &Connection, night: LocalDate) -> Result<NightView> {
    let rows = queries::night_rows(conn, night)?;
    let mut view = NightView {
        night,
        title: format!("Night of {}", date_text(night)),
        summary: String::new(),
        peak_intensity: None,
        symptom_minutes: 0,
        episodes: Vec::new(),
        sleep_diary: None,
        no_symptoms: None,
        exposures: Vec::new(),
        doses: Vec::new(),
        lab_results: Vec::new(),
        severity_ratings: Vec::new(),
        treatments_started: Vec::new(),
        visits: Vec::new(),
        safety_checks: Vec::new(),
        active_treatments: active_treatments(conn, night)?,
        items: Vec::new(),
        damaged: Vec::new(),
    };
    let decoded = records::entries_from(conn, &rows)?;
    view.damaged = decoded.damaged;
    for entry in decoded.entries {
        view.items
            .push(NightLine::from(history::item(entry.clone(), night)));
        match entry {
            Entry::Episode { episode } => view.episodes.push(episode),
            Entry::SleepDiary { diary } => view.sleep_diary = Some(diary),
            Entry::NoSymptoms { answer } => view.no_symptoms = Some(answer),
            Entry::Exposure { exposure } => view.exposures.push(exposure),
            Entry::Dose { dose } => view.doses.push(dose),
            Entry::LabResult { lab } => view.lab_results.push(lab),
            Entry::SeverityRating { rating } => view.severity_ratings.push(rating),
            Entry::Treatment { treatment } => view.treatments_started.push(treatment),
            Entry::Visit { visit } => view.visits.push(visit),
            Entry::SafetyCheck { check } => view.safety_checks.push(check),
        }
    }
    view.peak_intensity = view.episodes.iter().map(|e| e.data.peak_intensity).max();
    view.symptom_minutes = view
        .episodes
        .iter()
        .filter_map(|e| {
            e.data
                .ended_at
                .map(|end| (end.millis() - e.data.started_at.millis()) / MINUTE_MS)
        })
        .sum::<i64>()
        .clamp(0, i64::from(u32::MAX)) as u32;
    view.summary = summary_line(&view);
    Ok(view)
}

fn summary_line(view: &NightView) -> String {
    let mut parts = Vec::new();
    match (view.episodes.len(), view.peak_intensity) {
        (0, _) | (_, None) => parts.push("no symptoms logged".to_string()),
        (n, Some(peak)) => {
            let noun = if n == 1 { "episode" } else { "episodes" };
            parts.push(format!("{n} {noun}, worst {peak}/10"));
            if view.symptom_minutes > 0 {
                parts.push(format!(
                    "{} with symptoms",
                    duration_text(i64::from(view.symptom_minutes))
                ));
            }
        }
    }
    if let Some(diary) = &view.sleep_diary {
        parts.push(format!(
            "slept {}",
            duration_text(diary.data.total_sleep_minutes())
        ));
    }
    parts.join(" · ")
}

/// Live treatments active on `night`.
pub fn active_treatments(conn: &Connection, night: LocalDate) -> Result<Vec<Treatment>> {
    Ok(all_treatments(conn)?
        .into_iter()
        .filter(|t| t.data.active_on(night))
        .collect())
}

/// Every live treatment, oldest start first.
pub fn all_treatments(conn: &Connection) -> Result<Vec<Treatment>> {
    let rows = queries::rows_of_kind(conn, RowKind::Treatment)?;
    Ok(records::entries_from(conn, &rows)?
        .entries
        .into_iter()
        .filter_map(|e| match e {
            Entry::Treatment { treatment } => Some(treatment),
            _ => None,
        })
        .collect())
}
