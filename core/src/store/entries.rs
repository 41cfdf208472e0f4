//! Rows of the `entries` table: insert, update, read, tombstone and restore.
//!
//! Everything here is kind-agnostic; `records.rs` turns typed records into rows and back. The
//! row query and its `LIVE` condition are private to `store/`: everything outside asks a named
//! function (`queries.rs`, `lookups.rs`, `bedside.rs`, `writes.rs`).

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::{JournalError, Result};
use crate::model::meta::own_stamp;
use crate::time::{iso_date, parse_iso_date, LocalDate};

/// The kinds of row in `entries` (the public entry kinds plus relief attempts).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RowKind {
    /// An episode.
    Episode,
    /// A relief attempt (child of an episode).
    Relief,
    /// A sleep diary.
    Sleep,
    /// An exposure.
    Exposure,
    /// A treatment.
    Treatment,
    /// A dose (child of a treatment).
    Dose,
    /// A lab result.
    Lab,
    /// An IRLS rating.
    Rating,
    /// A "no symptoms last night" answer.
    NoSymptoms,
    /// A clinician visit.
    Visit,
    /// A drug-safety check-in.
    SafetyCheck,
}

impl RowKind {
    /// The value of the `kind` column.
    pub fn code(self) -> &'static str {
        match self {
            RowKind::Episode => "episode",
            RowKind::Relief => "relief",
            RowKind::Sleep => "sleep",
            RowKind::Exposure => "exposure",
            RowKind::Treatment => "treatment",
            RowKind::Dose => "dose",
            RowKind::Lab => "lab",
            RowKind::Rating => "rating",
            RowKind::NoSymptoms => "no_symptoms",
            RowKind::Visit => "visit",
            RowKind::SafetyCheck => "safety_check",
        }
    }

    /// Parses the `kind` column.
    pub fn from_code(code: &str) -> Option<RowKind> {
        Some(match code {
            "episode" => RowKind::Episode,
            "relief" => RowKind::Relief,
            "sleep" => RowKind::Sleep,
            "exposure" => RowKind::Exposure,
            "treatment" => RowKind::Treatment,
            "dose" => RowKind::Dose,
            "lab" => RowKind::Lab,
            "rating" => RowKind::Rating,
            "no_symptoms" => RowKind::NoSymptoms,
            "visit" => RowKind::Visit,
            "safety_check" => RowKind::SafetyCheck,
            _ => return None,
        })
    }

    /// A human word for errors ("episode", "relief attempt"…).
    pub fn noun(self) -> &'static str {
        match self {
            RowKind::Episode => "episode",
            RowKind::Relief => "relief attempt",
            RowKind::Sleep => "sleep diary",
            RowKind::Exposure => "exposure",
            RowKind::Treatment => "treatment",
            RowKind::Dose => "dose",
            RowKind::Lab => "lab result",
            RowKind::Rating => "severity rating",
            RowKind::NoSymptoms => "no-symptoms answer",
            RowKind::Visit => "clinician visit",
            RowKind::SafetyCheck => "drug-safety check-in",
        }
    }
}

/// The columns of a row to write (the id and timestamps are passed separately).
#[derive(Clone, Debug)]
pub struct RowValues {
    /// Which kind of record.
    pub kind: RowKind,
    /// The episode of a relief attempt, the treatment of a dose.
    pub parent_id: Option<String>,
    /// The night the record belongs to.
    pub night: LocalDate,
    /// History order, epoch ms.
    pub sort_ms: i64,
    /// Episodes: when it ended (epoch ms), `None` while open.
    pub end_ms: Option<i64>,
    /// Episodes: peak intensity.
    pub intensity: Option<i32>,
    /// The validated record as JSON.
    pub data: String,
}

/// A row as read back.
#[derive(Clone, Debug)]
pub struct StoredRow {
    /// The record id.
    pub id: String,
    /// Which kind of record.
    pub kind: RowKind,
    /// The parent's id, if any.
    pub parent_id: Option<String>,
    /// The parent's `name` (a dose's treatment).
    pub parent_name: Option<String>,
    /// The night.
    pub night: LocalDate,
    /// The record JSON.
    pub data: String,
    /// Creation time, epoch ms.
    pub created_ms: i64,
    /// Last change, epoch ms.
    pub updated_ms: i64,
    /// Tombstone, epoch ms.
    pub deleted_ms: Option<i64>,
    /// History order, epoch ms.
    pub sort_ms: i64,
}

/// The column list every read uses, matching [`read_row`]. Joins the parent for its name and
/// for hiding the children of a deleted parent.
pub(super) const SELECT_ROWS: &str =
    "SELECT e.id, e.kind, e.parent_id, json_extract(p.data, '$.name'), \
     e.night, e.data, e.created_ms, e.updated_ms, e.deleted_ms, e.sort_ms \
     FROM entries e LEFT JOIN entries p ON p.id = e.parent_id";

/// The condition for rows that are live and whose parent (if any) is live.
pub(super) const LIVE: &str =
    "e.deleted_ms IS NULL AND (e.parent_id IS NULL OR p.deleted_ms IS NULL)";

/// Maps one row of [`SELECT_ROWS`].
pub(super) fn read_row(row: &Row<'_>) -> rusqlite::Result<StoredRow> {
    let kind: String = row.get(1)?;
    let night: String = row.get(4)?;
    let bad = |what: String| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, what.into())
    };
    Ok(StoredRow {
        id: row.get(0)?,
        kind: RowKind::from_code(&kind).ok_or_else(|| bad(format!("unknown kind {kind:?}")))?,
        parent_id: row.get(2)?,
        parent_name: row.get(3)?,
        night: parse_iso_date(&night).map_err(bad)?,
        data: row.get(5)?,
        created_ms: row.get(6)?,
        updated_ms: row.get(7)?,
        deleted_ms: row.get(8)?,
        sort_ms: row.get(9)?,
    })
}

/// Runs `SELECT_ROWS WHERE <condition> <tail>` and maps every row.
pub(super) fn select(
    conn: &Connection,
    condition: &str,
    tail: &str,
    params: impl rusqlite::Params,
) -> Result<Vec<StoredRow>> {
    let sql = format!("{SELECT_ROWS} WHERE {condition} {tail}");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params, read_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Inserts a new row, stamped now (see [`own_stamp`]).
pub fn insert(conn: &Connection, id: &str, values: &RowValues, now_ms: i64) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO entries (id, kind, parent_id, night, sort_ms, end_ms, intensity, data, \
         created_ms, updated_ms, deleted_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, NULL)",
    )?
    .execute(params![
        id,
        values.kind.code(),
        values.parent_id,
        iso_date(values.night),
        values.sort_ms,
        values.end_ms,
        values.intensity,
        values.data,
        own_stamp(now_ms)
    ])?;
    Ok(())
}

/// Replaces the values of a live row of the same kind; `NotFound` otherwise. The new stamp is
/// later than the one it replaces even when this device's clock is behind (merge rule 2 in
/// `model::meta`).
pub fn update(conn: &Connection, id: &str, values: &RowValues, now_ms: i64) -> Result<()> {
    let changed = conn
        .prepare_cached(
            "UPDATE entries SET parent_id = ?3, night = ?4, sort_ms = ?5, end_ms = ?6, \
             intensity = ?7, data = ?8, updated_ms = max(?9, updated_ms + 1) \
             WHERE id = ?1 AND kind = ?2 AND deleted_ms IS NULL",
        )?
        .execute(params![
            id,
            values.kind.code(),
            values.parent_id,
            iso_date(values.night),
            values.sort_ms,
            values.end_ms,
            values.intensity,
            values.data,
            own_stamp(now_ms)
        ])?;
    if changed == 0 {
        return Err(JournalError::not_found(format!(
            "{} {id}",
            values.kind.noun()
        )));
    }
    Ok(())
}

/// Reads one live row (with a live parent).
pub fn get_live(conn: &Connection, id: &str) -> Result<Option<StoredRow>> {
    Ok(select(conn, &format!("e.id = ?1 AND {LIVE}"), "", [id])?
        .into_iter()
        .next())
}

/// The kind of a live row, if there is one.
pub fn live_kind(conn: &Connection, id: &str) -> Result<Option<RowKind>> {
    let code: Option<String> = conn
        .prepare_cached("SELECT kind FROM entries WHERE id = ?1 AND deleted_ms IS NULL")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    Ok(code.as_deref().and_then(RowKind::from_code))
}

/// Marks a live row deleted (a tombstone); `NotFound` if there is no live row with this id.
pub fn tombstone(conn: &Connection, id: &str, now_ms: i64) -> Result<()> {
    let changed = conn
        .prepare_cached(
            // Strictly after every earlier deletion, so undo restores in reverse order even when
            // several deletes fall in the same millisecond; never before the record was created.
            "UPDATE entries SET deleted_ms = max(?2, created_ms, \
             (SELECT coalesce(max(deleted_ms), 0) + 1 FROM entries WHERE deleted_ms IS NOT NULL)), \
             updated_ms = max(?2, updated_ms + 1) WHERE id = ?1 AND deleted_ms IS NULL",
        )?
        .execute(params![id, own_stamp(now_ms)])?;
    if changed == 0 {
        return Err(JournalError::not_found(format!("entry {id}")));
    }
    Ok(())
}

/// Clears the tombstone of a deleted row; `NotFound` if there is no deleted row with this id.
pub fn restore(conn: &Connection, id: &str, now_ms: i64) -> Result<()> {
    let changed = conn
        .prepare_cached(
            "UPDATE entries SET deleted_ms = NULL, updated_ms = max(?2, updated_ms + 1) \
             WHERE id = ?1 AND deleted_ms IS NOT NULL",
        )?
        .execute(params![id, own_stamp(now_ms)])?;
    if changed == 0 {
        return Err(JournalError::not_found(format!("deleted entry {id}")));
    }
    Ok(())
}

/// The id of the most recently deleted row that undo offers, if any. A sleep diary or "no
/// symptoms" answer whose night holds a live one of its kind that already existed when it was
/// deleted is left out: that is what a sync's night clash makes of the losing one (`model::meta`
/// rule 5: its tombstone is stamped with the greater change time of the pair, never before the
/// winner was created), not a delete the person made, and it cannot be restored while the
/// winner lives. A diary the person deleted and then replaced is still offered (the replacement
/// is younger than the deletion), so undo says why it cannot come back.
pub fn last_deleted(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT d.id FROM entries d WHERE d.deleted_ms IS NOT NULL \
             AND NOT (d.kind IN ('sleep', 'no_symptoms') AND EXISTS (SELECT 1 FROM entries l \
               WHERE l.kind = d.kind AND l.night = d.night AND l.deleted_ms IS NULL \
               AND l.created_ms <= d.deleted_ms)) \
             ORDER BY d.deleted_ms DESC, d.id DESC LIMIT 1",
        )?
        .query_row([], |r| r.get(0))
        .optional()?)
}

/// A new record id: UUID v7, so ids sort by creation time.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// A row's stored change times, for merging.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowStamp {
    /// Which kind the existing row is.
    pub kind: RowKind,
    /// Its last change, epoch ms.
    pub updated_ms: i64,
    /// Its parent (a relief attempt's episode, a dose's treatment).
    pub parent_id: Option<String>,
}

/// The kind, last change and parent of any row (live or deleted) with this id.
pub fn stamp(conn: &Connection, id: &str) -> Result<Option<RowStamp>> {
    let row: Option<(String, i64, Option<String>)> = conn
        .prepare_cached("SELECT kind, updated_ms, parent_id FROM entries WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    Ok(row.and_then(|(kind, updated_ms, parent_id)| {
        RowKind::from_code(&kind).map(|kind| RowStamp {
            kind,
            updated_ms,
            parent_id,
        })
    }))
}

/// The stored data, creation and deletion times of any row (live or deleted) with this id: what
/// the merge compares when two versions carry the same change time.
pub fn stored_version(conn: &Connection, id: &str) -> Result<Option<(String, i64, Option<i64>)>> {
    Ok(conn
        .prepare_cached("SELECT data, created_ms, deleted_ms FROM entries WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?)
}

/// Marks a live row deleted with the given stamp as both its change and deletion time (a merge's
/// deterministic tombstone, see `model::meta` rule 5); `NotFound` if there is no live row.
pub fn tombstone_at(conn: &Connection, id: &str, stamp_ms: i64) -> Result<()> {
    let changed = conn
        .prepare_cached(
            "UPDATE entries SET deleted_ms = ?2, updated_ms = ?2              WHERE id = ?1 AND deleted_ms IS NULL",
        )?
        .execute(params![id, stamp_ms])?;
    if changed == 0 {
        return Err(JournalError::not_found(format!("entry {id}")));
    }
    Ok(())
}

/// The bookkeeping times of a row written by an import.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowTimes {
    /// Creation, epoch ms.
    pub created_ms: i64,
    /// Last change, epoch ms.
    pub updated_ms: i64,
    /// Tombstone, epoch ms.
    pub deleted_ms: Option<i64>,
}

/// Writes a row exactly as given (an import): inserts it, or replaces every column of the row
/// with the same id.
pub fn put(conn: &Connection, id: &str, values: &RowValues, times: RowTimes) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO entries (id, kind, parent_id, night, sort_ms, end_ms, intensity, data, \
         created_ms, updated_ms, deleted_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) \
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, parent_id = excluded.parent_id, \
         night = excluded.night, sort_ms = excluded.sort_ms, end_ms = excluded.end_ms, \
         intensity = excluded.intensity, data = excluded.data, created_ms = excluded.created_ms, \
         updated_ms = excluded.updated_ms, deleted_ms = excluded.deleted_ms",
    )?
    .execute(params![
        id,
        values.kind.code(),
        values.parent_id,
        iso_date(values.night),
        values.sort_ms,
        values.end_ms,
        values.intensity,
        values.data,
        times.created_ms,
        times.updated_ms,
        times.deleted_ms
    ])?;
    Ok(())
}

/// Every row, live and deleted, ordered by id (exports and backups).
pub fn all_rows(conn: &Connection) -> Result<Vec<StoredRow>> {
    select(conn, "1 = 1", "ORDER BY e.id", [])
}
