//! The night an exposure or a dose counts for (design §4): the coming night once the person's
//! night is over, after that night's final awakening from its sleep diary, otherwise from the
//! morning hour ([`Moment::trigger_night`]). Because a diary moves that boundary, adding,
//! editing, deleting or restoring one re-attributes the exposures and doses around its night,
//! inside the same write transaction.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;
use crate::settings::Settings;
use crate::store::entries::RowKind;
use crate::store::records::{self, Renight};
use crate::store::settings as settings_store;
use crate::time::{iso_date, parse_iso_date, LocalDate, Moment};

/// The JSON path of an exposure's and a dose's time in their stored data.
const AT_PATH: &str = "$.at";
/// The JSON path of a sleep diary's final awakening in its stored data.
const FINAL_AWAKENING_PATH: &str = "$.final_awakening_at";

/// Reads a stored RFC 3339 time; `None` for a damaged row, which keeps its stored night (it is
/// listed as damaged where it is shown, and must not block writing a diary).
fn stored_moment(text: Option<String>) -> Option<Moment> {
    text.and_then(|t| Moment::parse_rfc3339(&t).ok())
}

/// The final awakening of the live sleep diary of `night`, if there is one. A diary whose time
/// no longer reads is treated as absent (it is listed as damaged where it is shown), so the
/// morning hour decides.
pub fn final_awakening(conn: &Connection, night: LocalDate) -> Result<Option<Moment>> {
    let text: Option<Option<String>> = conn
        .prepare_cached(
            "SELECT json_extract(data, ?2) FROM entries \
             WHERE night = ?1 AND kind = 'sleep' AND deleted_ms IS NULL",
        )?
        .query_row(params![iso_date(night), FINAL_AWAKENING_PATH], |r| r.get(0))
        .optional()?;
    Ok(stored_moment(text.flatten()))
}

/// The night an exposure or a dose at `at` counts for, given the diaries stored now.
pub fn trigger_night(conn: &Connection, at: &Moment, settings: &Settings) -> Result<LocalDate> {
    at.trigger_night(
        settings.night_cutover_hour,
        settings.morning_hour,
        |night| final_awakening(conn, night),
    )
}

/// The final awakening of every live sleep diary, by night (for re-attributing every row).
pub fn all_final_awakenings(conn: &Connection) -> Result<HashMap<LocalDate, Moment>> {
    let mut stmt = conn.prepare(
        "SELECT night, json_extract(data, ?1) FROM entries \
         WHERE kind = 'sleep' AND deleted_ms IS NULL",
    )?;
    let rows = stmt.query_map([FINAL_AWAKENING_PATH], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
    })?;
    let mut map = HashMap::new();
    for row in rows {
        let (night, woke) = row?;
        let woke = stored_moment(woke);
        if let (Ok(night), Some(woke)) = (parse_iso_date(&night), woke) {
            map.insert(night, woke);
        }
    }
    Ok(map)
}

/// Re-attributes the live exposures and doses whose night a change to the sleep diary of
/// `night` can move: those filed under that night or the next. Only rows whose night changes
/// are written.
pub fn renight_around(conn: &Connection, night: LocalDate, settings: &Settings) -> Result<()> {
    let next = night.succ_opt().unwrap_or(night);
    let rows: Vec<(String, String, Option<String>)> = {
        let mut stmt = conn.prepare_cached(
            "SELECT id, night, json_extract(data, ?3) FROM entries \
             WHERE night IN (?1, ?2) AND kind IN ('exposure', 'dose') AND deleted_ms IS NULL",
        )?;
        let mapped = stmt.query_map(params![iso_date(night), iso_date(next), AT_PATH], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
        mapped.collect::<rusqlite::Result<Vec<_>>>()?
    };
    for (id, stored, at) in rows {
        let Some(at) = stored_moment(at) else {
            continue;
        };
        let night = iso_date(trigger_night(conn, &at, settings)?);
        if night != stored {
            set_night(conn, &id, &night)?;
        }
    }
    Ok(())
}

/// Writes a row's night column.
fn set_night(conn: &Connection, id: &str, night: &str) -> Result<()> {
    conn.prepare_cached("UPDATE entries SET night = ?2 WHERE id = ?1")?
        .execute(params![id, night])?;
    Ok(())
}

/// A row's kind and stored night, live or deleted; `None` if there is no such row.
pub fn kind_and_night(conn: &Connection, id: &str) -> Result<Option<(RowKind, LocalDate)>> {
    let row: Option<(String, String)> = conn
        .prepare_cached("SELECT kind, night FROM entries WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(row.and_then(|(kind, night)| RowKind::from_code(&kind).zip(parse_iso_date(&night).ok())))
}

/// After a row `id` was deleted or restored: a sleep diary re-attributes the exposures and doses
/// around its night; a restored exposure or dose gets the night the diaries give it now (a diary
/// may have changed while it was deleted).
pub fn after_delete_or_restore(conn: &Connection, id: &str, settings: &Settings) -> Result<()> {
    match kind_and_night(conn, id)? {
        Some((RowKind::Sleep, night)) => renight_around(conn, night, settings),
        Some((RowKind::Exposure | RowKind::Dose, stored)) => {
            let at: Option<String> = conn
                .prepare_cached("SELECT json_extract(data, ?2) FROM entries WHERE id = ?1")?
                .query_row(params![id, AT_PATH], |r| r.get(0))?;
            if let Some(at) = stored_moment(at) {
                let night = trigger_night(conn, &at, settings)?;
                if night != stored {
                    set_night(conn, id, &iso_date(night))?;
                }
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Re-attributes every stored exposure and dose (live and deleted) under the stored settings and
/// diaries. The schema upgrade that introduces this rule (v1 → v2, whose rows were filed by the
/// cutover rule alone) calls it inside its transaction, after its own steps.
pub fn reattribute_stored(tx: &Connection) -> Result<()> {
    let settings = settings_store::load(tx)?;
    records::renight_all(tx, &settings, Renight::Triggers)
}
