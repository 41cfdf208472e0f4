//! The history list: newest first, cursor-paged, optionally filtered by kind.

use rusqlite::Connection;
use serde::Serialize;

use crate::error::{JournalError, Result};
use crate::model::damaged::DamagedRecord;
use crate::model::entry::Entry;
use crate::model::kinds::EntryKind;
use crate::model::validate::in_range;
use crate::store::{queries, records};
use crate::time::{LocalDate, Moment};
use crate::views::describe::{describe, moment_text};

/// Most items one page may hold.
pub const MAX_PAGE: i32 = 200;

/// Which page of history to read.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Eq)]
pub struct HistoryQuery {
    /// Only these kinds; empty for all kinds.
    pub kinds: Vec<EntryKind>,
    /// `next_cursor` of the previous page; `None` for the newest page.
    pub cursor: Option<String>,
    /// Items per page, 1–200.
    pub limit: i32,
}

/// One row of the history list, ready to display, with its full record for editing.
#[derive(uniffi::Record, Clone, Debug, PartialEq)]
pub struct HistoryItem {
    /// The full record.
    pub entry: Entry,
    /// Its kind.
    pub kind: EntryKind,
    /// Its id.
    pub id: String,
    /// The night it belongs to.
    pub night: LocalDate,
    /// When, for display (`Thu 26 Nov, 02:10`, or the date for date-only entries). Named `at`,
    /// not `when` (a Kotlin keyword); the CLI's JSON keeps the name `when`.
    pub at: String,
    /// A short title (`Symptoms 7/10`).
    pub title: String,
    /// One line of detail.
    pub detail: String,
    /// Peak intensity, for episodes (colour coding).
    pub intensity: Option<i32>,
}

// JSON: the row's fields in the order `cli/README.md` shows, the record last as `record`.
impl Serialize for HistoryItem {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Json<'a> {
            id: &'a str,
            kind: EntryKind,
            night: LocalDate,
            when: &'a str,
            title: &'a str,
            detail: &'a str,
            intensity: Option<i32>,
            record: &'a Entry,
        }
        Json {
            id: &self.id,
            kind: self.kind,
            night: self.night,
            when: &self.at,
            title: &self.title,
            detail: &self.detail,
            intensity: self.intensity,
            record: &self.entry,
        }
        .serialize(s)
    }
}

/// A page of history.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct HistoryPage {
    /// The items, newest first.
    pub items: Vec<HistoryItem>,
    /// Pass this as `cursor` for the next (older) page; `None` when this is the last page.
    pub next_cursor: Option<String>,
    /// Records of this page that could not be read: left out of `items`, listed here (the
    /// cursor still moves past them, so paging never stops on one).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub damaged: Vec<DamagedRecord>,
}

/// Encodes the position after an item: `<sort_ms>:<id>`.
fn encode_cursor(sort_ms: i64, id: &str) -> String {
    format!("{sort_ms}:{id}")
}

fn decode_cursor(cursor: &str) -> Result<(i64, String)> {
    let bad = || JournalError::invalid("cursor", "is not a cursor from a history page");
    let (ms, id) = cursor.split_once(':').ok_or_else(bad)?;
    let ms: i64 = ms.parse().map_err(|_| bad())?;
    if id.is_empty() || id.len() > 64 {
        return Err(bad());
    }
    Ok((ms, id.to_string()))
}

/// Reads one page of history.
pub fn page(conn: &Connection, query: &HistoryQuery) -> Result<HistoryPage> {
    let limit = in_range("limit", query.limit, 1, MAX_PAGE)?;
    let limit = usize::try_from(limit).unwrap_or(1);
    let (after_ms, after_id) = match &query.cursor {
        Some(c) => decode_cursor(c)?,
        None => (i64::MAX, String::new()),
    };
    let mut rows = queries::history_rows(
        conn,
        &query.kinds,
        after_ms,
        &after_id,
        u64::try_from(limit).unwrap_or(1) + 1,
    )?;
    let has_more = rows.len() > limit;
    rows.truncate(limit);
    let (decoded, mut damaged) = records::decode_rows(conn, &rows)?;
    let next_cursor = match (has_more, rows.last()) {
        (true, Some(last)) => Some(encode_cursor(last.sort_ms, &last.id)),
        _ => None,
    };
    let mut items = Vec::with_capacity(rows.len());
    for (one, row) in decoded.into_iter().zip(rows.iter()) {
        match one {
            Ok(entry) => items.push(item(entry, row.night)),
            Err(bad) => damaged.push(bad),
        }
    }
    Ok(HistoryPage {
        items,
        next_cursor,
        damaged,
    })
}

/// A history item from an entry.
pub fn item(entry: Entry, night: LocalDate) -> HistoryItem {
    let (title, detail) = describe(&entry);
    let at = match when_of(&entry) {
        Some(m) => moment_text(&m),
        None => crate::views::describe::date_text(night),
    };
    let intensity = match &entry {
        Entry::Episode { episode } => Some(episode.data.peak_intensity),
        _ => None,
    };
    HistoryItem {
        kind: entry.kind(),
        id: entry.id().to_string(),
        night,
        at,
        title,
        detail,
        intensity,
        entry,
    }
}

/// The moment an entry happened, for entries that have one.
fn when_of(entry: &Entry) -> Option<Moment> {
    match entry {
        Entry::Episode { episode } => Some(episode.data.started_at),
        Entry::SleepDiary { diary } => Some(diary.data.final_awakening_at),
        Entry::Exposure { exposure } => Some(exposure.data.at),
        Entry::Dose { dose } => Some(dose.data.at),
        Entry::NoSymptoms { answer } => Some(answer.data.answered_at),
        Entry::Treatment { .. }
        | Entry::LabResult { .. }
        | Entry::SeverityRating { .. }
        | Entry::Visit { .. }
        | Entry::SafetyCheck { .. } => None,
    }
}
