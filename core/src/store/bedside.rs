//! The bedside calls' reads and writes: fetching the candidate episodes (the open one, the latest
//! recent one) and writing what the rules in `model/bedside.rs` decide about them.

use rusqlite::Connection;

use crate::error::{JournalError, Result};
use crate::model::bedside;
use crate::model::entry::Entry;
use crate::model::episode::{check_relief_time, Episode, EpisodeData, ReliefData};
use crate::store::entries::{self, LIVE};
use crate::store::records;
use crate::time::Moment;

/// The most recent open episode that has started by `started_by_ms`, if any (see
/// [`bedside::cutoff_ms`]). A damaged open episode is skipped here (the history lists it as
/// damaged).
pub fn open_episode(conn: &Connection, started_by_ms: i64) -> Result<Option<Episode>> {
    let rows = entries::select(
        conn,
        &format!("e.kind = 'episode' AND e.end_ms IS NULL AND e.sort_ms <= ?1 AND {LIVE}"),
        "ORDER BY e.sort_ms DESC, e.id DESC LIMIT 1",
        [started_by_ms],
    )?;
    Ok(records::entries_from(conn, &rows)?
        .entries
        .into_iter()
        .find_map(|e| match e {
            Entry::Episode { episode } => Some(episode),
            _ => None,
        }))
}

/// The id of the latest live episode (open or ended) started between `from_ms` and `to_ms`.
pub fn latest_episode_since(conn: &Connection, from_ms: i64, to_ms: i64) -> Result<Option<String>> {
    let rows = entries::select(
        conn,
        &format!("e.kind = 'episode' AND e.sort_ms <= ?1 AND e.sort_ms >= ?2 AND {LIVE}"),
        "ORDER BY e.sort_ms DESC, e.id DESC LIMIT 1",
        [to_ms, from_ms],
    )?;
    Ok(rows.into_iter().next().map(|row| row.id))
}

/// Every live open episode started by `started_by_ms`, newest first: (id, start in epoch ms).
pub fn open_episodes_started_by(
    conn: &Connection,
    started_by_ms: i64,
) -> Result<Vec<(String, i64)>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT e.id, e.sort_ms FROM entries e LEFT JOIN entries p ON p.id = e.parent_id \
         WHERE e.kind = 'episode' AND e.end_ms IS NULL AND {LIVE} AND e.sort_ms <= ?1 \
         ORDER BY e.sort_ms DESC"
    ))?;
    let rows = stmt.query_map([started_by_ms], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A quick log: merges into the open episode when the bedside rule says so, or starts a new
/// episode. Returns the episode.
pub fn quick_log(
    conn: &Connection,
    data: &EpisodeData,
    cutover: i32,
    now_ms: i64,
) -> Result<Episode> {
    let cutoff = bedside::cutoff_ms(data.started_at.millis(), now_ms);
    if let Some(open) = open_episode(conn, cutoff)? {
        if let Some(merged) = bedside::merge_quick_log(&open.data, data) {
            entries::update(
                conn,
                &open.id,
                &records::episode_row(&merged, cutover)?,
                now_ms,
            )?;
            return records::episode_by_id(conn, &open.id);
        }
    }
    let values = records::episode_row(data, cutover)?;
    let id = entries::new_id();
    let created_ms = now_ms;
    entries::insert(conn, &id, &values, created_ms)?;
    Ok(records::inserted_episode(
        id,
        &values,
        data.clone(),
        created_ms,
    ))
}

/// Ends the open episode at `at`; `NotFound` if none is open.
pub fn end_episode(conn: &Connection, at: Moment, cutover: i32, now_ms: i64) -> Result<Episode> {
    let open = open_episode(conn, bedside::cutoff_ms(at.millis(), now_ms))?
        .ok_or_else(|| JournalError::not_found("an open episode"))?;
    let data = bedside::ended(&open.data, at)?;
    entries::update(
        conn,
        &open.id,
        &records::episode_row(&data, cutover)?,
        now_ms,
    )?;
    records::episode_by_id(conn, &open.id)
}

/// Adds bedside relief to the episode the bedside rule picks; returns that episode.
pub fn add_relief(
    conn: &Connection,
    data: &ReliefData,
    cutover: i32,
    now_ms: i64,
) -> Result<Episode> {
    let at_ms = data.at.millis();
    let open = open_episode(conn, bedside::cutoff_ms(at_ms, now_ms))?;
    let episode = bedside::relief_episode(open, || {
        latest_episode_since(conn, bedside::relief_window_start(at_ms), at_ms)?
            .map(|id| records::episode_by_id(conn, &id))
            .transpose()
    })?;
    check_relief_time(&episode.data.started_at, &data.at)?;
    entries::insert(
        conn,
        &entries::new_id(),
        &records::relief_row(&episode.id, data, cutover)?,
        now_ms,
    )?;
    records::episode_by_id(conn, &episode.id)
}
