//! State that belongs to this device and this journal file, not to the journal's content (the
//! automatic backup's debounce, the folder sync's device id and fingerprints): one JSON value
//! under its own key in the `settings` table. No backup, export or sync snapshot carries it,
//! because those write the journal's settings by name, never these keys.

use rusqlite::{params, Connection, OptionalExtension};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::{JournalError, Result};

/// The state stored under `key`, or the default one when there is none. A stored value that no
/// longer decodes (an older or damaged shape) counts as none: device state only ever delays or
/// repeats work, it never holds a record.
pub fn load<T: DeserializeOwned + Default>(conn: &Connection, key: &str) -> Result<T> {
    let text: Option<String> = conn
        .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?;
    Ok(text
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default())
}

/// Saves `state` under `key`, stamped `now_ms`.
pub fn save<T: Serialize>(conn: &Connection, key: &str, state: &T, now_ms: i64) -> Result<()> {
    let text = serde_json::to_string(state).map_err(|e| JournalError::Storage {
        detail: e.to_string(),
    })?;
    conn.prepare_cached(
        "INSERT INTO settings (key, value, updated_ms) VALUES (?1, ?2, ?3) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_ms = excluded.updated_ms",
    )?
    .execute(params![key, text, now_ms])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Serialize, Deserialize, Default, Debug, PartialEq)]
    struct Probe {
        count: u32,
    }

    #[test]
    fn each_key_keeps_its_own_state_and_an_undecodable_one_counts_as_none() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(crate::store::schema::SCHEMA).unwrap();
        assert_eq!(load::<Probe>(&conn, "a").unwrap(), Probe::default());
        save(&conn, "a", &Probe { count: 3 }, 10).unwrap();
        save(&conn, "b", &Probe { count: 4 }, 11).unwrap();
        save(&conn, "a", &Probe { count: 5 }, 12).unwrap();
        assert_eq!(load::<Probe>(&conn, "a").unwrap(), Probe { count: 5 });
        assert_eq!(load::<Probe>(&conn, "b").unwrap(), Probe { count: 4 });
        conn.execute("UPDATE settings SET value = '[1,2]' WHERE key = 'b'", [])
            .unwrap();
        assert_eq!(load::<Probe>(&conn, "b").unwrap(), Probe::default());
    }
}
