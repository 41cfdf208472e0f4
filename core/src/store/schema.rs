//! The schema, as a constant, and its one-step upgrades, tracked in `PRAGMA user_version`.
//!
//! Every journal entry lives in one `entries` table: the validated record as JSON in `data`,
//! plus the few columns that queries filter and sort on (kind, night, history order, episode end
//! and intensity), each served by a partial index over live rows. One table keeps history paging,
//! night views, tombstones, undo and backup merging to one code path for all eight kinds, and a
//! new optional field needs no migration.

use rusqlite::{Connection, Transaction};

use crate::error::{JournalError, Result};

/// The schema version this build writes. Bump it and add a step to [`upgrade_from`] together.
/// Version 2 adds the `no_symptoms` kind (the morning's "no symptoms last night" answer) and
/// its one-answer-per-night index. Version 3 adds the `visit` and `safety_check` kinds
/// (issue 21: clinician visits, drug-safety check-ins).
pub const CURRENT_VERSION: u32 = 3;

/// `PRAGMA application_id` of a journal file: "RLSJ".
pub const APPLICATION_ID: i32 = 0x524C_534A;

// The pieces of the schema as macros, so the complete schema and the upgrade steps use the very
// same text (an upgraded file's `sqlite_schema` then equals a fresh one's, byte for byte).
macro_rules! entries_table {
    () => {
        r#"
CREATE TABLE entries (
    id          TEXT PRIMARY KEY NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN
                  ('episode','relief','sleep','exposure','treatment','dose','lab','rating',
                   'no_symptoms','visit','safety_check')),
    parent_id   TEXT REFERENCES entries(id),
    night       TEXT NOT NULL CHECK (length(night) = 10),
    sort_ms     INTEGER NOT NULL,
    end_ms      INTEGER,
    intensity   INTEGER CHECK (intensity IS NULL OR intensity BETWEEN 1 AND 10),
    data        TEXT NOT NULL CHECK (json_valid(data)),
    created_ms  INTEGER NOT NULL,
    updated_ms  INTEGER NOT NULL,
    deleted_ms  INTEGER
) STRICT;
"#
    };
}

macro_rules! entries_indexes {
    () => {
        r#"
-- History pages: newest first, with a (sort_ms, id) cursor, all kinds or one kind.
CREATE INDEX entries_history ON entries (sort_ms DESC, id DESC)
    WHERE deleted_ms IS NULL AND kind <> 'relief';
CREATE INDEX entries_kind_history ON entries (kind, sort_ms DESC, id DESC)
    WHERE deleted_ms IS NULL;
-- Night views, calendars and summaries: everything of a range of nights.
CREATE INDEX entries_night ON entries (night, kind) WHERE deleted_ms IS NULL;
-- Relief attempts of an episode, doses of a treatment.
CREATE INDEX entries_parent ON entries (parent_id) WHERE parent_id IS NOT NULL;
-- The open episode (bedside screen).
CREATE INDEX entries_open_episode ON entries (sort_ms DESC)
    WHERE kind = 'episode' AND end_ms IS NULL AND deleted_ms IS NULL;
-- Undo: the most recently deleted entry.
CREATE INDEX entries_deleted ON entries (deleted_ms DESC) WHERE deleted_ms IS NOT NULL;
-- One live sleep diary per night.
CREATE UNIQUE INDEX entries_one_diary_per_night ON entries (night)
    WHERE kind = 'sleep' AND deleted_ms IS NULL;
-- One live "no symptoms" answer per night.
CREATE UNIQUE INDEX entries_one_answer_per_night ON entries (night)
    WHERE kind = 'no_symptoms' AND deleted_ms IS NULL;
"#
    };
}

/// The complete current schema, for a new journal.
pub const SCHEMA: &str = concat!(
    entries_table!(),
    entries_indexes!(),
    r#"
CREATE TABLE settings (
    key         TEXT PRIMARY KEY NOT NULL,
    value       TEXT NOT NULL,
    updated_ms  INTEGER NOT NULL
) STRICT;
"#
);

/// Version 1 → 2: the `kind` CHECK gains `no_symptoms`. SQLite cannot change a CHECK in place,
/// so the table is rebuilt (SQLite's documented 12-step procedure, inside the caller's
/// transaction): the version 1 indexes are dropped, the table renamed aside, the version 2 table
/// created, every row copied as it is (tombstones, ids, stamps and all), the old table dropped
/// and the indexes created again. Foreign keys are checked at commit (a relief attempt may be
/// copied before its episode).
const UPGRADE_1_TO_2: &str = concat!(
    r#"
PRAGMA defer_foreign_keys = ON;
DROP INDEX entries_history;
DROP INDEX entries_kind_history;
DROP INDEX entries_night;
DROP INDEX entries_parent;
DROP INDEX entries_open_episode;
DROP INDEX entries_deleted;
DROP INDEX entries_one_diary_per_night;
ALTER TABLE entries RENAME TO entries_v1;
"#,
    entries_table!(),
    r#"
INSERT INTO entries (id, kind, parent_id, night, sort_ms, end_ms, intensity, data,
                     created_ms, updated_ms, deleted_ms)
    SELECT id, kind, parent_id, night, sort_ms, end_ms, intensity, data,
           created_ms, updated_ms, deleted_ms
    FROM entries_v1;
DROP TABLE entries_v1;
"#,
    entries_indexes!()
);

/// Version 2 → 3: the `kind` CHECK gains `visit` and `safety_check`; the table is rebuilt the
/// same way as for version 2 (every row copied as it is, the indexes created again).
const UPGRADE_2_TO_3: &str = concat!(
    r#"
PRAGMA defer_foreign_keys = ON;
DROP INDEX entries_history;
DROP INDEX entries_kind_history;
DROP INDEX entries_night;
DROP INDEX entries_parent;
DROP INDEX entries_open_episode;
DROP INDEX entries_deleted;
DROP INDEX entries_one_diary_per_night;
DROP INDEX entries_one_answer_per_night;
ALTER TABLE entries RENAME TO entries_v2;
"#,
    entries_table!(),
    r#"
INSERT INTO entries (id, kind, parent_id, night, sort_ms, end_ms, intensity, data,
                     created_ms, updated_ms, deleted_ms)
    SELECT id, kind, parent_id, night, sort_ms, end_ms, intensity, data,
           created_ms, updated_ms, deleted_ms
    FROM entries_v2;
DROP TABLE entries_v2;
"#,
    entries_indexes!()
);

/// Creates the current schema in an empty database, inside `tx`.
pub fn create(tx: &Transaction<'_>) -> Result<()> {
    tx.execute_batch(SCHEMA)?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", CURRENT_VERSION)?;
    Ok(())
}

/// Upgrades a database one version at a time, all inside `tx`: a failure rolls back every step.
pub fn upgrade(tx: &Transaction<'_>, from: u32) -> Result<()> {
    let mut version = from;
    while version < CURRENT_VERSION {
        upgrade_from(tx, version)?;
        version += 1;
        tx.pragma_update(None, "user_version", version)?;
    }
    Ok(())
}

/// One upgrade step, from `version` to `version + 1`.
fn upgrade_from(tx: &Transaction<'_>, version: u32) -> Result<()> {
    match version {
        1 => {
            tx.execute_batch(UPGRADE_1_TO_2)?;
            // v1 filed exposures and doses by the cutover rule alone; v2 files them for the
            // night they can affect (issue 14 item 2).
            crate::store::trigger_nights::reattribute_stored(tx)
        }
        2 => Ok(tx.execute_batch(UPGRADE_2_TO_3)?),
        _ => Err(JournalError::Corrupt {
            detail: format!("no upgrade step from schema version {version}"),
        }),
    }
}

/// Reads `PRAGMA user_version`.
pub fn version(conn: &Connection) -> Result<u32> {
    let v: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    u32::try_from(v).map_err(|_| JournalError::Corrupt {
        detail: format!("schema version {v} is not valid"),
    })
}
