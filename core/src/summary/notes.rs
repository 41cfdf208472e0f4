//! Part 12, data-quality notes: too few nights for patterns, gaps, an episode left open, and why
//! a measure is absent (every section adds its own notes through [`Note::new`]).

use serde::Serialize;

use crate::format::{nights_text, range_text};
use crate::summary::nights::Window;
use crate::summary::stats::count;
use crate::time::{Moment, HOUR_MS};
use crate::views::describe::moment_text;

/// Fewer observed nights than this are too few to read patterns from.
pub const MIN_NIGHTS_FOR_PATTERNS: u32 = 14;
/// A run of at least this many nights not observed is reported as a gap.
pub const MIN_GAP_NIGHTS: u32 = 3;
/// At most this many gaps are listed one by one (the longest); the rest are counted.
pub const MAX_GAPS_LISTED: usize = 5;
/// An open episode that started less than this many hours before "now" is in progress.
const IN_PROGRESS_HOURS: i64 = 3;

/// What a note is about.
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// Fewer than 14 nights observed: too few to read patterns.
    FewNights,
    /// A run of nights with nothing logged.
    Gap,
    /// Fewer than 70 % of the range's nights observed: rates may not represent the range.
    LowCoverage,
    /// An episode without an end: its duration is not counted.
    OpenEpisode,
    /// A measure is absent because there is not enough data; the text says which and why.
    NotEnoughData,
    /// A lab result is old or its unit is not recognised.
    LabResult,
    /// Stored records could not be read and were left out; the text names them.
    DamagedRecord,
}

/// One data-quality note, ready to show.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct Note {
    /// What it is about.
    pub kind: NoteKind,
    /// The part of the summary it concerns (`coverage`, `timing`, `sleep`…).
    pub section: String,
    /// One sentence.
    pub text: String,
}

impl Note {
    /// A note about `section`.
    pub(crate) fn new(kind: NoteKind, section: &str, text: impl Into<String>) -> Note {
        Note {
            kind,
            section: section.to_string(),
            text: text.into(),
        }
    }
}

/// At most this many damaged records are named one by one in the note; the rest are counted.
const MAX_DAMAGED_LISTED: usize = 3;

/// Adds the notes about the range as a whole: damaged records, few nights, gaps, open episodes.
/// They come first.
pub(crate) fn data_quality(window: &Window, now: &Moment) -> Vec<Note> {
    let mut notes = Vec::new();
    if !window.damaged.is_empty() {
        let n = window.damaged.len();
        let named: Vec<String> = window
            .damaged
            .iter()
            .take(MAX_DAMAGED_LISTED)
            .map(|d| d.line())
            .collect();
        let more = n.saturating_sub(MAX_DAMAGED_LISTED);
        notes.push(Note::new(
            NoteKind::DamagedRecord,
            "coverage",
            format!(
                "{} could not be read and {} left out of this summary: {}{}. The backup still \
                 holds {}.",
                if n == 1 {
                    "1 record".to_string()
                } else {
                    format!("{n} records")
                },
                if n == 1 { "was" } else { "were" },
                named.join("; "),
                if more > 0 {
                    format!("; and {more} more")
                } else {
                    String::new()
                },
                if n == 1 { "it" } else { "them" },
            ),
        ));
    }
    let logged = count(window.cells.iter().filter(|c| c.observed).count());
    if logged > 0 && logged < MIN_NIGHTS_FOR_PATTERNS {
        notes.push(Note::new(
            NoteKind::FewNights,
            "coverage",
            format!(
                "Only {} observed: patterns need at least {MIN_NIGHTS_FOR_PATTERNS} nights, so read \
                 these numbers with care.",
                nights_text(logged)
            ),
        ));
    }
    if logged > 0 {
        gaps(window, &mut notes);
    }
    for episode in window.episodes.iter().filter(|e| e.data.ended_at.is_none()) {
        let started = episode.data.started_at;
        let since = now.millis() - started.millis();
        let text = if (0..IN_PROGRESS_HOURS * HOUR_MS).contains(&since) {
            format!(
                "The episode started {} is in progress: its duration is not counted yet.",
                moment_text(&started)
            )
        } else {
            format!(
                "The episode started {} was left open: end it or set when it ended; its \
                 duration is not counted.",
                moment_text(&started)
            )
        };
        notes.push(Note::new(NoteKind::OpenEpisode, "timing", text));
    }
    notes
}

/// Runs of at least [`MIN_GAP_NIGHTS`] nights with nothing logged, longest first.
fn gaps(window: &Window, notes: &mut Vec<Note>) {
    let mut runs: Vec<(chrono::NaiveDate, chrono::NaiveDate, u32)> = Vec::new();
    let mut current: Option<(chrono::NaiveDate, chrono::NaiveDate, u32)> = None;
    for (night, cell) in window.nights() {
        if cell.observed {
            if let Some(run) = current.take() {
                runs.push(run);
            }
        } else {
            current = Some(match current {
                Some((first, _, n)) => (first, night, n + 1),
                None => (night, night, 1),
            });
        }
    }
    runs.extend(current);
    runs.retain(|r| r.2 >= MIN_GAP_NIGHTS);
    let total_nights: u32 = runs.iter().map(|r| r.2).sum();
    let total_runs = runs.len();
    runs.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    for (first, last, n) in runs.iter().take(MAX_GAPS_LISTED) {
        notes.push(Note::new(
            NoteKind::Gap,
            "coverage",
            format!(
                "No night observed for {}, {}: those nights count as missing, not as \
                 symptom-free.",
                nights_text(*n),
                range_text(*first, *last)
            ),
        ));
    }
    if total_runs > MAX_GAPS_LISTED {
        notes.push(Note::new(
            NoteKind::Gap,
            "coverage",
            format!(
                "{} gaps of {MIN_GAP_NIGHTS} or more nights in all ({} missing).",
                total_runs,
                nights_text(total_nights)
            ),
        ));
    }
}

/// The note for a measure that is absent because too little was recorded.
pub(crate) fn missing(section: &str, text: impl Into<String>) -> Note {
    Note::new(NoteKind::NotEnoughData, section, text)
}
