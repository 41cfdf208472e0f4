//! The named reads behind the views, the summary and the exports: which live rows each of them
//! needs, in which order. Every `WHERE` and `ORDER BY` of those callers is here; they get rows
//! ([`StoredRow`]) or plain values back and never see a column name.

use rusqlite::{Connection, OptionalExtension};

use crate::error::{JournalError, Result};
use crate::model::kinds::EntryKind;
use crate::store::entries::{self, RowKind, StoredRow, LIVE};
use crate::time::{date_sort_ms, iso_date, parse_iso_date, LocalDate};

/// The live entries (not relief attempts) of one night, in time order.
pub fn night_rows(conn: &Connection, night: LocalDate) -> Result<Vec<StoredRow>> {
    entries::select(
        conn,
        &format!("e.night = ?1 AND e.kind <> 'relief' AND {LIVE}"),
        "ORDER BY e.sort_ms, e.id",
        [iso_date(night)],
    )
}

/// The live entries (not relief attempts) of the nights `first..=last`, in time order.
pub fn night_range_rows(
    conn: &Connection,
    first: LocalDate,
    last: LocalDate,
) -> Result<Vec<StoredRow>> {
    entries::select(
        conn,
        &format!("e.night >= ?1 AND e.night <= ?2 AND e.kind <> 'relief' AND {LIVE}"),
        "ORDER BY e.sort_ms, e.id",
        [iso_date(first), iso_date(last)],
    )
}

/// Every live record of one kind, in time order.
pub fn rows_of_kind(conn: &Connection, kind: RowKind) -> Result<Vec<StoredRow>> {
    entries::select(
        conn,
        &format!("e.kind = ?1 AND {LIVE}"),
        "ORDER BY e.sort_ms, e.id",
        [kind.code()],
    )
}

/// Every live record of one kind on the nights `first..=last`, in time order (visits and
/// drug-safety check-ins of a summary range).
pub fn kind_rows_between(
    conn: &Connection,
    kind: RowKind,
    first: LocalDate,
    last: LocalDate,
) -> Result<Vec<StoredRow>> {
    entries::select(
        conn,
        &format!("e.kind = ?1 AND e.night >= ?2 AND e.night <= ?3 AND {LIVE}"),
        "ORDER BY e.sort_ms, e.id",
        [kind.code().to_string(), iso_date(first), iso_date(last)],
    )
}

/// The live doses of one treatment (live itself), in time order: the infusions of an IV iron
/// regimen for the iron trend.
pub fn doses_of(conn: &Connection, treatment_id: &str) -> Result<Vec<StoredRow>> {
    entries::select(
        conn,
        &format!("e.kind = 'dose' AND e.parent_id = ?1 AND {LIVE}"),
        "ORDER BY e.sort_ms, e.id",
        [treatment_id],
    )
}

/// The latest `limit` live sleep diaries of nights before `night`, newest first.
pub fn sleep_diaries_before(
    conn: &Connection,
    night: LocalDate,
    limit: u32,
) -> Result<Vec<StoredRow>> {
    entries::select(
        conn,
        &format!("e.kind = 'sleep' AND e.night < ?1 AND {LIVE}"),
        &format!("ORDER BY e.night DESC LIMIT {limit}"),
        [iso_date(night)],
    )
}

/// A page of history rows: live entries (not relief attempts) of the given kinds (all kinds when
/// empty) that come before the position (`after_ms`, `after_id`), newest first, at most `limit`.
pub fn history_rows(
    conn: &Connection,
    kinds: &[EntryKind],
    after_ms: i64,
    after_id: &str,
    limit: u64,
) -> Result<Vec<StoredRow>> {
    let mut codes: Vec<&str> = kinds.iter().map(|k| k.code()).collect();
    codes.sort_unstable();
    codes.dedup();
    // Kind codes are our own constants, so they can be written into the SQL; this lets SQLite
    // pick the per-kind index for a one-kind filter.
    let kind_filter = match codes.as_slice() {
        [] => String::new(),
        [one] => format!("AND e.kind = '{one}'"),
        many => format!(
            "AND e.kind IN ({})",
            many.iter()
                .map(|k| format!("'{k}'"))
                .collect::<Vec<_>>()
                .join(",")
        ),
    };
    let condition = format!(
        "e.deleted_ms IS NULL AND e.kind <> 'relief' AND (e.sort_ms, e.id) < (?1, ?2) \
         {kind_filter} AND {LIVE}"
    );
    // The limit is written into the SQL (it is a validated number): bound as a parameter, SQLite
    // re-prepares the statement on every call because the plan depends on the bound LIMIT.
    entries::select(
        conn,
        &condition,
        &format!("ORDER BY e.sort_ms DESC, e.id DESC LIMIT {limit}"),
        rusqlite::params![after_ms, after_id],
    )
}

/// What the calendar shows of one night.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NightCounts {
    /// The night.
    pub night: LocalDate,
    /// The highest peak intensity of its episodes.
    pub peak_intensity: Option<i32>,
    /// Its episodes.
    pub episodes: u32,
    /// Whether it has a sleep diary.
    pub has_sleep_diary: bool,
    /// Whether it has a "no symptoms" answer.
    pub has_no_symptoms_answer: bool,
    /// Its live entries (relief attempts not counted).
    pub entries: u32,
}

/// The counts of every night from `first` up to (not including) `next` that has live entries.
pub fn night_counts(
    conn: &Connection,
    first: LocalDate,
    next: LocalDate,
) -> Result<Vec<NightCounts>> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.night, max(e.intensity), sum(e.kind = 'episode'), max(e.kind = 'sleep'), \
         max(e.kind = 'no_symptoms'), count(*) \
         FROM entries e LEFT JOIN entries p ON p.id = e.parent_id \
         WHERE e.night >= ?1 AND e.night < ?2 AND e.deleted_ms IS NULL AND e.kind <> 'relief' \
           AND (e.parent_id IS NULL OR p.deleted_ms IS NULL) \
         GROUP BY e.night",
    )?;
    let rows = stmt.query_map([iso_date(first), iso_date(next)], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, Option<i32>>(1)?,
            r.get::<_, u32>(2)?,
            r.get::<_, bool>(3)?,
            r.get::<_, bool>(4)?,
            r.get::<_, u32>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (night, peak_intensity, episodes, has_sleep_diary, has_no_symptoms_answer, entries) =
            row?;
        out.push(NightCounts {
            night: parse_iso_date(&night).map_err(|detail| JournalError::Corrupt { detail })?,
            peak_intensity,
            episodes,
            has_sleep_diary,
            has_no_symptoms_answer,
            entries,
        });
    }
    Ok(out)
}

/// The stored data of the latest two live IRLS ratings rated on or before `last`, newest first.
pub fn latest_ratings(conn: &Connection, last: LocalDate) -> Result<Vec<String>> {
    // A rating's sort_ms is its date's (date_sort_ms), so this is "rated on or before `last`",
    // read newest first down the (kind, sort_ms) index and stopping after two: without it SQLite
    // read every rating of the journal and sorted them.
    rating_data(
        conn,
        "e.sort_ms <= ?1",
        &[&date_sort_ms(last)],
        "ORDER BY e.sort_ms DESC, e.created_ms DESC, e.id DESC LIMIT 2",
    )
}

/// The stored data of the live IRLS ratings rated in `first..=last`, oldest first.
pub fn ratings_between(
    conn: &Connection,
    first: LocalDate,
    last: LocalDate,
) -> Result<Vec<String>> {
    rating_data(
        conn,
        "e.night >= ?1 AND e.night <= ?2",
        &[&iso_date(first), &iso_date(last)],
        "ORDER BY e.night, e.created_ms, e.id",
    )
}

fn rating_data(
    conn: &Connection,
    condition: &str,
    params: &[&dyn rusqlite::ToSql],
    order: &str,
) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT e.data FROM entries e LEFT JOIN entries p ON p.id = e.parent_id \
         WHERE e.kind = 'rating' AND {condition} AND {LIVE} {order}"
    ))?;
    let rows = stmt.query_map(params, |r| r.get::<_, String>(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A live lab result as the iron part reads it: the columns of its order and its JSON.
#[derive(Clone, Debug)]
pub struct LabRow {
    /// The record id (the last tie-break of "latest").
    pub id: String,
    /// Creation time, epoch ms (the tie-break between results of one day).
    pub created_ms: i64,
    /// Its date's sort key ([`date_sort_ms`] of the day it was taken).
    pub sort_ms: i64,
    /// The record JSON.
    pub data: String,
}

/// Every live lab result, in history order (`sort_ms`, then id): one read for the iron part's
/// latest results and its trend (each result decoded once), down the (kind, sort_ms) index.
pub fn lab_rows(conn: &Connection) -> Result<Vec<LabRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT e.id, e.created_ms, e.sort_ms, e.data \
         FROM entries e LEFT JOIN entries p ON p.id = e.parent_id \
         WHERE e.kind = 'lab' AND {LIVE} ORDER BY e.sort_ms, e.id"
    ))?;
    let rows = stmt.query_map([], |r| {
        Ok(LabRow {
            id: r.get(0)?,
            created_ms: r.get(1)?,
            sort_ms: r.get(2)?,
            data: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Whether a lab result of `sort_ms` was taken on or before `last` (a lab's sort key is its
/// date's).
pub fn lab_taken_by(sort_ms: i64, last: LocalDate) -> bool {
    sort_ms <= date_sort_ms(last)
}

/// One live entry (not a relief attempt) of a summary's window, borrowed from SQLite: only the
/// columns a summary needs. `data` is the record's JSON for episodes, sleep diaries and exposures,
/// and `None` for other kinds (a dose needs only its parent and time).
#[derive(Clone, Copy, Debug)]
pub struct WindowRow<'a> {
    /// The `kind` code.
    pub kind: &'a str,
    /// The night.
    pub night: LocalDate,
    /// The record id.
    pub id: &'a str,
    /// The parent (a dose's treatment).
    pub parent_id: Option<&'a str>,
    /// History order, epoch ms (a dose's instant).
    pub sort_ms: i64,
    /// See the type's description.
    pub data: Option<&'a str>,
}

/// Calls `f` with every live entry (not relief attempts) of the nights `first..=last`, in night
/// order, one row at a time.
pub fn for_each_window_row(
    conn: &Connection,
    first: LocalDate,
    last: LocalDate,
    mut f: impl FnMut(WindowRow<'_>) -> Result<()>,
) -> Result<()> {
    // The `LIVE` condition without its join: a row with a parent (a dose) is live when that
    // parent is not a tombstone, looked up once per parent below rather than joined for every
    // dose (a twentieth of a ten-year summary; a window's doses have a few parents).
    let mut stmt = conn.prepare_cached(
        "SELECT e.kind, e.night, e.id, e.parent_id, e.sort_ms, \
         CASE WHEN e.kind IN ('episode', 'sleep', 'exposure') THEN e.data END \
         FROM entries e \
         WHERE e.night >= ?1 AND e.night <= ?2 AND e.kind <> 'relief' AND e.deleted_ms IS NULL",
    )?;
    let mut parents = ParentLiveness::default();
    let mut rows = stmt.query([iso_date(first), iso_date(last)])?;
    // Rows come in night order: parse each night's date once.
    let mut last_night: Option<(String, LocalDate)> = None;
    while let Some(row) = rows.next()? {
        let text = |i: usize| -> Result<Option<&str>> {
            row.get_ref(i)?
                .as_str_or_null()
                .map_err(|e| JournalError::Corrupt {
                    detail: format!("a stored column is not text: {e}"),
                })
        };
        let night_text = text(1)?.unwrap_or_default();
        let night = match &last_night {
            Some((t, d)) if t == night_text => *d,
            _ => {
                let d = parse_iso_date(night_text)
                    .map_err(|detail| JournalError::Corrupt { detail })?;
                last_night = Some((night_text.to_string(), d));
                d
            }
        };
        let parent_id = text(3)?;
        if let Some(parent) = parent_id {
            if !parents.is_live(conn, parent)? {
                continue;
            }
        }
        f(WindowRow {
            kind: text(0)?.unwrap_or_default(),
            night,
            id: text(2)?.unwrap_or_default(),
            parent_id,
            sort_ms: row.get(4)?,
            data: text(5)?,
        })?;
    }
    Ok(())
}

/// Whether parents are live, as the `LIVE` condition's join decides it (a parent row that is
/// not a tombstone, or no such row at all), each parent looked up once.
#[derive(Default)]
struct ParentLiveness {
    known: std::collections::HashMap<String, bool>,
}

impl ParentLiveness {
    fn is_live(&mut self, conn: &Connection, parent_id: &str) -> Result<bool> {
        if let Some(&live) = self.known.get(parent_id) {
            return Ok(live);
        }
        let mut stmt =
            conn.prepare_cached("SELECT deleted_ms IS NULL FROM entries WHERE id = ?1")?;
        let live = stmt
            .query_row([parent_id], |r| r.get::<_, bool>(0))
            .optional()?
            .unwrap_or(true);
        self.known.insert(parent_id.to_string(), live);
        Ok(live)
    }
}

/// The nights of `first..=last` with a live entry of one of `kinds`, in order: read from the
/// night index alone (it holds the night and the kind), no record's data.
pub fn nights_with_kinds(
    conn: &Connection,
    first: LocalDate,
    last: LocalDate,
    kinds: &[RowKind],
) -> Result<Vec<LocalDate>> {
    // Kind codes are our own constants, so they can be written into the SQL.
    let codes: Vec<String> = kinds.iter().map(|k| format!("'{}'", k.code())).collect();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT DISTINCT night FROM entries WHERE night >= ?1 AND night <= ?2 \
         AND +kind IN ({}) AND deleted_ms IS NULL ORDER BY night",
        codes.join(", ")
    ))?;
    let rows = stmt.query_map([iso_date(first), iso_date(last)], |r| r.get::<_, String>(0))?;
    let mut nights = Vec::new();
    for night in rows {
        nights.push(parse_iso_date(&night?).map_err(|detail| JournalError::Corrupt { detail })?);
    }
    Ok(nights)
}

/// A live relief attempt of a live episode of a summary's window.
#[derive(Clone, Debug)]
pub struct WindowRelief {
    /// The relief attempt's id.
    pub id: String,
    /// Its episode's id.
    pub episode_id: String,
    /// Its stored JSON.
    pub data: String,
    /// Its night as stored (text, so a damaged one can still be reported).
    pub night: String,
    /// History order, epoch ms (its instant).
    pub sort_ms: i64,
}

/// The live relief attempts of the live episodes of the nights `first..=last`, in time order.
pub fn window_relief(
    conn: &Connection,
    first: LocalDate,
    last: LocalDate,
) -> Result<Vec<WindowRelief>> {
    // The episodes of the window by the night index, then their relief attempts by the parent
    // index (CROSS JOIN fixes that order; `+p.kind` keeps SQLite from scanning every episode
    // through the kind index instead). Sorted here rather than by SQL: SQLite's sorter would
    // copy every row's JSON once more (a twentieth of a ten-year summary).
    let mut stmt = conn.prepare_cached(
        "SELECT r.parent_id, r.data, r.id, r.night, r.sort_ms FROM entries p CROSS JOIN entries r \
         ON r.parent_id = p.id \
         WHERE p.night >= ?1 AND p.night <= ?2 AND +p.kind = 'episode' \
         AND p.deleted_ms IS NULL AND r.kind = 'relief' AND r.deleted_ms IS NULL",
    )?;
    let rows = stmt.query_map([iso_date(first), iso_date(last)], |r| {
        Ok(WindowRelief {
            episode_id: r.get(0)?,
            data: r.get(1)?,
            id: r.get(2)?,
            night: r.get(3)?,
            sort_ms: r.get(4)?,
        })
    })?;
    let mut relief = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    sort_relief(&mut relief);
    Ok(relief)
}

/// Time order, then id: the one order of a window's relief attempts, whichever way they were
/// read.
fn sort_relief(relief: &mut [WindowRelief]) {
    relief.sort_unstable_by(|a, b| a.sort_ms.cmp(&b.sort_ms).then_with(|| a.id.cmp(&b.id)));
}

/// How many live relief attempts the journal holds: counted on the kind index alone (no table
/// row read), to choose between [`window_relief`] and [`relief_of_episodes`].
pub fn live_relief_count(conn: &Connection) -> Result<u64> {
    let mut stmt = conn.prepare_cached(
        "SELECT count(*) FROM entries WHERE kind = 'relief' AND deleted_ms IS NULL",
    )?;
    Ok(stmt
        .query_row([], |r| r.get::<_, i64>(0))
        .map(|n| u64::try_from(n).unwrap_or(0))?)
}

/// The live relief attempts whose episode `is_window_episode` accepts, in time order: every
/// live relief attempt of the journal read down the kind index, and only those kept copied out
/// of SQLite. Given the ids of the live episodes of the nights `first..=last`, it returns what
/// [`window_relief`] returns for them; it is the cheaper read when those episodes hold a good
/// part of the journal's relief attempts (a long summary), as it skips the night index's rows
/// of every other kind and the lookup of each episode's attempts by the parent index.
pub fn relief_of_episodes(
    conn: &Connection,
    is_window_episode: impl Fn(&str) -> bool,
) -> Result<Vec<WindowRelief>> {
    let mut stmt = conn.prepare_cached(
        "SELECT parent_id, data, id, night, sort_ms FROM entries \
         WHERE kind = 'relief' AND deleted_ms IS NULL",
    )?;
    let mut rows = stmt.query([])?;
    let mut relief = Vec::new();
    while let Some(row) = rows.next()? {
        let text = |i: usize| -> Result<&str> {
            row.get_ref(i)?.as_str().map_err(|e| JournalError::Corrupt {
                detail: format!("a stored column is not text: {e}"),
            })
        };
        // A relief attempt always has its episode as parent (NULL only in a damaged file,
        // which the parent-index read would not return either).
        let Some(episode_id) = row.get_ref(0)?.as_str_or_null().ok().flatten() else {
            continue;
        };
        if !is_window_episode(episode_id) {
            continue;
        }
        relief.push(WindowRelief {
            episode_id: episode_id.to_string(),
            data: text(1)?.to_string(),
            id: text(2)?.to_string(),
            night: text(3)?.to_string(),
            sort_ms: row.get(4)?,
        });
    }
    sort_relief(&mut relief);
    Ok(relief)
}

// Dose timeline (issue 15 item 4).

/// Below this many nights, [`dose_amounts`] reads by the night index (a journal has about six
/// rows a night), from it by the treatment's doses (one or a few a night).
const DOSES_BY_NIGHT_INDEX_BELOW_NIGHTS: i64 = 120;

/// The live doses of one treatment counted for the nights `first..=last`: (night, amount as
/// logged), in night order. Reads only the amount out of each dose's JSON; an amount stored as
/// anything but a number (a damaged record) reads as NaN, so the caller can leave that night's
/// total unknown.
pub fn dose_amounts(
    conn: &Connection,
    treatment_id: &str,
    first: LocalDate,
    last: LocalDate,
) -> Result<Vec<(LocalDate, Option<f64>)>> {
    // A short range by the night index (`+kind`, `+parent_id` keep SQLite there: the parent
    // or kind index would read every dose the treatment ever had to find a fortnight's, 15 %
    // of a 14-night summary); a long one by the parent index, which reads only doses.
    let by_night = (last - first).num_days() < DOSES_BY_NIGHT_INDEX_BELOW_NIGHTS;
    let mut stmt = conn.prepare_cached(if by_night {
        "SELECT night, json_extract(data, '$.amount') FROM entries \
         WHERE night >= ?2 AND night <= ?3 AND +kind = 'dose' AND +parent_id = ?1 \
         AND deleted_ms IS NULL ORDER BY night, sort_ms"
    } else {
        "SELECT night, json_extract(data, '$.amount') FROM entries \
         WHERE parent_id = ?1 AND kind = 'dose' AND night >= ?2 AND night <= ?3 \
         AND deleted_ms IS NULL ORDER BY night, sort_ms"
    })?;
    let rows = stmt.query_map(
        [treatment_id.to_string(), iso_date(first), iso_date(last)],
        |r| {
            let amount = match r.get_ref(1)? {
                rusqlite::types::ValueRef::Null => None,
                rusqlite::types::ValueRef::Integer(i) => Some(i as f64),
                rusqlite::types::ValueRef::Real(f) => Some(f),
                _ => Some(f64::NAN),
            };
            Ok((r.get::<_, String>(0)?, amount))
        },
    )?;
    let mut out = Vec::new();
    for row in rows {
        let (night, amount) = row?;
        let night = parse_iso_date(&night).map_err(|detail| JournalError::Corrupt { detail })?;
        out.push((night, amount));
    }
    Ok(out)
}

/// The live doses of one treatment counted for the nights `first..=last` (a fortnight or so, by
/// the night index): (night, the dose's `at` as stored, RFC 3339 with its offset), in time
/// order. Only `at` is read out of each dose's JSON; the dose–onset strip of the report needs
/// the local clock time, which the sort column alone does not keep.
pub fn dose_times(
    conn: &Connection,
    treatment_id: &str,
    first: LocalDate,
    last: LocalDate,
) -> Result<Vec<(LocalDate, Option<String>)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT night, json_extract(data, '$.at') FROM entries \
         WHERE night >= ?2 AND night <= ?3 AND +kind = 'dose' AND +parent_id = ?1 \
         AND deleted_ms IS NULL ORDER BY night, sort_ms",
    )?;
    let rows = stmt.query_map(
        [treatment_id.to_string(), iso_date(first), iso_date(last)],
        |r| {
            let at = match r.get_ref(1)? {
                rusqlite::types::ValueRef::Text(t) => Some(String::from_utf8_lossy(t).into_owned()),
                _ => None,
            };
            Ok((r.get::<_, String>(0)?, at))
        },
    )?;
    let mut out = Vec::new();
    for row in rows {
        let (night, at) = row?;
        let night = parse_iso_date(&night).map_err(|detail| JournalError::Corrupt { detail })?;
        out.push((night, at));
    }
    Ok(out)
}
