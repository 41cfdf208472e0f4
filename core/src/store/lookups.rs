//! One-answer questions about the `entries` table that write paths, prompts and the backup
//! import ask before they act ("does this night have a sleep diary?"). Each is one statement.

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;
use crate::store::entries::RowKind;
use crate::time::{iso_date, parse_iso_date, LocalDate};

/// Whether the night has a live sleep diary other than `except_id` (pass `""` for none).
pub fn sleep_diary_exists(conn: &Connection, night: LocalDate, except_id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM entries WHERE kind = 'sleep' AND night = ?1 \
             AND deleted_ms IS NULL AND id <> ?2)",
        )?
        .query_row(params![iso_date(night), except_id], |r| r.get(0))?)
}

/// Whether `id` is a sleep diary whose night now has a live diary (so it cannot be restored).
pub fn sleep_diary_night_taken(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM entries d JOIN entries l ON l.night = d.night \
             AND l.kind = 'sleep' AND l.deleted_ms IS NULL WHERE d.id = ?1 AND d.kind = 'sleep')",
        )?
        .query_row([id], |r| r.get(0))?)
}

/// The id of the night's live "no symptoms" answer, if it has one.
pub fn no_symptoms_answer_on(conn: &Connection, night: LocalDate) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT id FROM entries WHERE kind = 'no_symptoms' AND night = ?1 \
             AND deleted_ms IS NULL",
        )?
        .query_row([iso_date(night)], |r| r.get(0))
        .optional()?)
}

/// The live record of `kind` on `night` other than `except_id`, with its change time: for the
/// kinds that hold one live record a night (sleep diaries, "no symptoms" answers).
pub fn live_on_night(
    conn: &Connection,
    kind: RowKind,
    night: LocalDate,
    except_id: &str,
) -> Result<Option<(String, i64)>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, updated_ms FROM entries WHERE kind = ?1 AND night = ?2 \
             AND deleted_ms IS NULL AND id <> ?3",
        )?
        .query_row(params![kind.code(), iso_date(night), except_id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?)
}

/// Whether `id` is a "no symptoms" answer whose night now has a live answer (so it cannot be
/// restored: one answer per night).
pub fn no_symptoms_night_taken(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM entries d JOIN entries l ON l.night = d.night \
             AND l.kind = 'no_symptoms' AND l.deleted_ms IS NULL \
             WHERE d.id = ?1 AND d.kind = 'no_symptoms')",
        )?
        .query_row([id], |r| r.get(0))?)
}

/// The stored data of a deleted relief attempt and of its episode (relief, episode), if `id` is
/// a deleted relief attempt.
pub fn deleted_relief_and_episode(conn: &Connection, id: &str) -> Result<Option<(String, String)>> {
    Ok(conn
        .prepare_cached(
            "SELECT r.data, p.data FROM entries r JOIN entries p ON p.id = r.parent_id \
             WHERE r.id = ?1 AND r.kind = 'relief' AND r.deleted_ms IS NOT NULL",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// The night of the latest live IRLS rating, if any; `None` as well when that night is not a
/// stored date (then a rating is simply due).
pub fn last_rating_night(conn: &Connection) -> Result<Option<LocalDate>> {
    let night: Option<String> = conn
        .prepare_cached(
            "SELECT max(night) FROM entries WHERE kind = 'rating' AND deleted_ms IS NULL",
        )?
        .query_row([], |r| r.get(0))
        .optional()?
        .flatten();
    Ok(night.as_deref().and_then(|n| parse_iso_date(n).ok()))
}

/// The day of the latest live drug-safety check-in, if any (the weekly prompt's question).
pub fn last_safety_check_night(conn: &Connection) -> Result<Option<LocalDate>> {
    let night: Option<String> = conn
        .prepare_cached(
            "SELECT max(night) FROM entries WHERE kind = 'safety_check' AND deleted_ms IS NULL",
        )?
        .query_row([], |r| r.get(0))
        .optional()?
        .flatten();
    Ok(night.as_deref().and_then(|n| parse_iso_date(n).ok()))
}

/// Whether the night has a live episode, exposure or dose (the evening check-in's question).
pub fn night_has_evening_entries(conn: &Connection, night: LocalDate) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM entries WHERE night = ?1 AND deleted_ms IS NULL \
             AND kind IN ('episode', 'exposure', 'dose'))",
        )?
        .query_row([iso_date(night)], |r| r.get(0))?)
}

/// The first relief attempt or dose (id, kind) whose parent is missing or of the wrong kind.
pub fn first_orphan(conn: &Connection) -> Result<Option<(String, RowKind)>> {
    let row: Option<(String, String)> = conn
        .prepare_cached(
            "SELECT c.id, c.kind FROM entries c LEFT JOIN entries p ON p.id = c.parent_id \
             WHERE c.kind IN ('relief', 'dose') AND (p.id IS NULL OR p.kind <> \
             CASE c.kind WHEN 'relief' THEN 'episode' ELSE 'treatment' END) LIMIT 1",
        )?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(row.map(|(id, kind)| (id, RowKind::from_code(&kind).unwrap_or(RowKind::Relief))))
}

/// A live relief attempt with its episode's stored data, borrowed from the row being read.
#[derive(Clone, Copy, Debug)]
pub struct ReliefWithEpisode<'a> {
    /// The relief attempt's id.
    pub id: &'a str,
    /// Its episode's id.
    pub episode_id: &'a str,
    /// The relief attempt's stored JSON.
    pub relief_data: &'a str,
    /// The episode's stored JSON.
    pub episode_data: &'a str,
}

/// Calls `f` with every live relief attempt and its episode's data, one row at a time (the
/// import's relief-time check: memory stays bounded whatever the journal's size).
pub fn for_each_live_relief_with_episode(
    conn: &Connection,
    mut f: impl FnMut(ReliefWithEpisode<'_>) -> Result<()>,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.id, r.parent_id, r.data, p.data FROM entries r \
         JOIN entries p ON p.id = r.parent_id \
         WHERE r.kind = 'relief' AND r.deleted_ms IS NULL",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let text = |i: usize| -> rusqlite::Result<&str> {
            row.get_ref(i)?.as_str().map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into())
            })
        };
        f(ReliefWithEpisode {
            id: text(0)?,
            episode_id: text(1)?,
            relief_data: text(2)?,
            episode_data: text(3)?,
        })?;
    }
    Ok(())
}
