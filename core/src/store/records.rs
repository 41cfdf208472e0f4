//! Typed records ⇄ rows: which night, sort key and indexed columns each kind gets, and how a
//! stored row becomes a record again (with an episode's relief attempts attached).

use std::collections::HashMap;

use rusqlite::Connection;

use crate::error::{JournalError, Result};
use crate::model::answer::{NoSymptoms, NoSymptomsData};
use crate::model::damaged::DamagedRecord;
use crate::model::entry::Entry;
use crate::model::episode::{Episode, EpisodeData, ReliefAttempt, ReliefData};
use crate::model::exposure::{Exposure, ExposureData};
use crate::model::lab::{LabResult, LabResultData, SeverityRating, SeverityRatingData};
use crate::model::meta::RecordMeta;
use crate::model::safety_check::{SafetyCheck, SafetyCheckData};
use crate::model::sleep::{SleepDiary, SleepDiaryData};
use crate::model::treatment::{Dose, DoseData, Treatment, TreatmentData};
use crate::model::visit::{Visit, VisitData};
use crate::settings::Settings;
use crate::store::entries::{self, RowKind, RowValues, StoredRow, LIVE};
use crate::store::trigger_nights;
use crate::time::{date_sort_ms, system_from_millis, LocalDate, Moment};

fn json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| JournalError::Storage {
        detail: format!("could not encode a record: {e}"),
    })
}

/// The row of an episode.
pub fn episode_row(data: &EpisodeData, cutover: i32) -> Result<RowValues> {
    Ok(RowValues {
        kind: RowKind::Episode,
        parent_id: None,
        night: data.started_at.night(cutover),
        sort_ms: data.started_at.millis(),
        end_ms: data.ended_at.map(|m| m.millis()),
        intensity: Some(data.peak_intensity),
        data: json(data)?,
    })
}

/// The row of a relief attempt.
pub fn relief_row(episode_id: &str, data: &ReliefData, cutover: i32) -> Result<RowValues> {
    Ok(RowValues {
        kind: RowKind::Relief,
        parent_id: Some(episode_id.to_string()),
        night: data.at.night(cutover),
        sort_ms: data.at.millis(),
        end_ms: None,
        intensity: None,
        data: json(data)?,
    })
}

/// The row of a sleep diary: it belongs to its `night_of`.
pub fn sleep_row(data: &SleepDiaryData) -> Result<RowValues> {
    Ok(RowValues {
        kind: RowKind::Sleep,
        parent_id: None,
        night: data.night_of,
        sort_ms: data.out_of_bed_at.millis(),
        end_ms: None,
        intensity: None,
        data: json(data)?,
    })
}

/// The row of an exposure, counted for `night` (from [`trigger_nights::trigger_night`]).
pub fn exposure_row(data: &ExposureData, night: LocalDate) -> Result<RowValues> {
    Ok(RowValues {
        kind: RowKind::Exposure,
        parent_id: None,
        night,
        sort_ms: data.at.millis(),
        end_ms: None,
        intensity: None,
        data: json(data)?,
    })
}

/// The row of a treatment: listed on the night it started.
pub fn treatment_row(data: &TreatmentData) -> Result<RowValues> {
    Ok(RowValues {
        kind: RowKind::Treatment,
        parent_id: None,
        night: data.started_on,
        sort_ms: date_sort_ms(data.started_on),
        end_ms: None,
        intensity: None,
        data: json(data)?,
    })
}

/// The row of a dose, counted for `night` (from [`trigger_nights::trigger_night`]).
pub fn dose_row(data: &DoseData, night: LocalDate) -> Result<RowValues> {
    Ok(RowValues {
        kind: RowKind::Dose,
        parent_id: Some(data.treatment_id.clone()),
        night,
        sort_ms: data.at.millis(),
        end_ms: None,
        intensity: None,
        data: json(data)?,
    })
}

/// The row of a lab result.
pub fn lab_row(data: &LabResultData) -> Result<RowValues> {
    Ok(RowValues {
        kind: RowKind::Lab,
        parent_id: None,
        night: data.taken_on,
        sort_ms: date_sort_ms(data.taken_on),
        end_ms: None,
        intensity: None,
        data: json(data)?,
    })
}

/// The row of a severity rating.
pub fn rating_row(data: &SeverityRatingData) -> Result<RowValues> {
    Ok(RowValues {
        kind: RowKind::Rating,
        parent_id: None,
        night: data.rated_on,
        sort_ms: date_sort_ms(data.rated_on),
        end_ms: None,
        intensity: None,
        data: json(data)?,
    })
}

/// The row of a "no symptoms" answer: it belongs to its `night_of`, and sorts when it was given.
pub fn no_symptoms_row(data: &NoSymptomsData) -> Result<RowValues> {
    Ok(RowValues {
        kind: RowKind::NoSymptoms,
        parent_id: None,
        night: data.night_of,
        sort_ms: data.answered_at.millis(),
        end_ms: None,
        intensity: None,
        data: json(data)?,
    })
}

/// The row of a clinician visit: it belongs to the night of its day.
pub fn visit_row(data: &VisitData) -> Result<RowValues> {
    Ok(RowValues {
        kind: RowKind::Visit,
        parent_id: None,
        night: data.visit_on,
        sort_ms: date_sort_ms(data.visit_on),
        end_ms: None,
        intensity: None,
        data: json(data)?,
    })
}

/// The row of a drug-safety check-in: it belongs to the night of its day.
pub fn safety_check_row(data: &SafetyCheckData) -> Result<RowValues> {
    Ok(RowValues {
        kind: RowKind::SafetyCheck,
        parent_id: None,
        night: data.checked_on,
        sort_ms: date_sort_ms(data.checked_on),
        end_ms: None,
        intensity: None,
        data: json(data)?,
    })
}

/// Recomputes the night of a stored row under `settings` (`None` for kinds whose night is a
/// date the person chose): episodes and relief attempts by the cutover rule, exposures and doses
/// by the trigger rule, with `final_awakenings` the live sleep diaries' final awakenings by night.
pub fn renight(
    kind: RowKind,
    data: &str,
    settings: &Settings,
    final_awakenings: &HashMap<LocalDate, Moment>,
) -> Result<Option<LocalDate>> {
    let cutover = settings.night_cutover_hour;
    let trigger = |at: Moment| {
        at.trigger_night(cutover, settings.morning_hour, |night| {
            Ok::<_, JournalError>(final_awakenings.get(&night).copied())
        })
    };
    Ok(match kind {
        RowKind::Episode => Some(parse::<EpisodeData>(data)?.started_at.night(cutover)),
        RowKind::Relief => Some(parse::<ReliefData>(data)?.at.night(cutover)),
        RowKind::Exposure => Some(trigger(parse::<ExposureData>(data)?.at)?),
        RowKind::Dose => Some(trigger(parse::<DoseData>(data)?.at)?),
        RowKind::Sleep
        | RowKind::Treatment
        | RowKind::Lab
        | RowKind::Rating
        | RowKind::NoSymptoms
        | RowKind::Visit
        | RowKind::SafetyCheck => None,
    })
}

fn parse<T: serde::de::DeserializeOwned>(data: &str) -> Result<T> {
    serde_json::from_str(data).map_err(|e| JournalError::Corrupt {
        detail: format!(
            "a stored record could not be read: {}",
            crate::error::data_problem(&e)
        ),
    })
}

/// Reads a stored row's data, or says which record is damaged and how.
fn parse_row<T: serde::de::DeserializeOwned>(
    row: &StoredRow,
) -> std::result::Result<T, DamagedRecord> {
    serde_json::from_str(&row.data).map_err(|e| damaged(row, crate::error::data_problem(&e)))
}

fn damaged(row: &StoredRow, problem: String) -> DamagedRecord {
    DamagedRecord {
        id: row.id.clone(),
        kind: row.kind.noun().to_string(),
        night: row.night,
        problem,
    }
}

/// One row read back: its record, or what is wrong with it.
pub type Decoding = std::result::Result<Entry, DamagedRecord>;

/// Relief attempts grouped by the id of their episode.
pub type ReliefByEpisode = HashMap<String, Vec<ReliefAttempt>>;

/// Records read from rows: those that decoded, and those that did not (skipped, listed).
#[derive(Debug, Default)]
pub struct Decoded {
    /// The records that decoded, in row order.
    pub entries: Vec<Entry>,
    /// The rows (entries or their relief attempts) that did not decode.
    pub damaged: Vec<DamagedRecord>,
}

fn meta(row: &StoredRow) -> RecordMeta {
    RecordMeta {
        created_at: system_from_millis(row.created_ms),
        updated_at: system_from_millis(row.updated_ms),
        deleted_at: row.deleted_ms.map(system_from_millis),
    }
}

/// The episode just inserted as `values` (holding `data`) at `created_ms`, built without reading
/// it back: quick log is the bedside hot path. A new episode has no relief attempts yet.
pub fn inserted_episode(
    id: String,
    values: &RowValues,
    data: EpisodeData,
    created_ms: i64,
) -> Episode {
    Episode {
        id,
        night: values.night,
        data,
        relief: Vec::new(),
        meta: RecordMeta {
            created_at: system_from_millis(created_ms),
            updated_at: system_from_millis(created_ms),
            deleted_at: None,
        },
    }
}

/// A relief attempt from its row.
pub fn relief_from(row: &StoredRow) -> Result<ReliefAttempt> {
    Ok(ReliefAttempt {
        id: row.id.clone(),
        episode_id: row.parent_id.clone().unwrap_or_default(),
        data: parse(&row.data)?,
        meta: meta(row),
    })
}

/// A record from its row; episodes get their relief attempts from `relief`. A row whose data
/// does not decode is returned as a [`DamagedRecord`].
fn entry_from(
    row: &StoredRow,
    relief: &mut HashMap<String, Vec<ReliefAttempt>>,
) -> std::result::Result<Entry, DamagedRecord> {
    Ok(match row.kind {
        RowKind::Episode => Entry::Episode {
            episode: Episode {
                id: row.id.clone(),
                night: row.night,
                data: parse_row(row)?,
                relief: relief.remove(&row.id).unwrap_or_default(),
                meta: meta(row),
            },
        },
        RowKind::Sleep => Entry::SleepDiary {
            diary: SleepDiary {
                id: row.id.clone(),
                data: parse_row(row)?,
                meta: meta(row),
            },
        },
        RowKind::Exposure => Entry::Exposure {
            exposure: Exposure {
                id: row.id.clone(),
                night: row.night,
                data: parse_row(row)?,
                meta: meta(row),
            },
        },
        RowKind::Treatment => Entry::Treatment {
            treatment: Treatment {
                id: row.id.clone(),
                data: parse_row(row)?,
                meta: meta(row),
            },
        },
        RowKind::Dose => Entry::Dose {
            dose: Dose {
                id: row.id.clone(),
                night: row.night,
                treatment_name: row.parent_name.clone().unwrap_or_default(),
                data: parse_row(row)?,
                meta: meta(row),
            },
        },
        RowKind::Lab => Entry::LabResult {
            lab: LabResult {
                id: row.id.clone(),
                data: parse_row(row)?,
                meta: meta(row),
            },
        },
        RowKind::Rating => Entry::SeverityRating {
            rating: SeverityRating {
                id: row.id.clone(),
                data: parse_row(row)?,
                meta: meta(row),
            },
        },
        RowKind::NoSymptoms => Entry::NoSymptoms {
            answer: NoSymptoms {
                id: row.id.clone(),
                data: parse_row(row)?,
                meta: meta(row),
            },
        },
        RowKind::Visit => Entry::Visit {
            visit: Visit {
                id: row.id.clone(),
                data: parse_row(row)?,
                meta: meta(row),
            },
        },
        RowKind::SafetyCheck => Entry::SafetyCheck {
            check: SafetyCheck {
                id: row.id.clone(),
                data: parse_row(row)?,
                meta: meta(row),
            },
        },
        RowKind::Relief => {
            return Err(damaged(
                row,
                "a relief attempt was read as an entry".to_string(),
            ))
        }
    })
}

/// Turns rows into records, loading the live relief attempts of every episode in one query.
/// Each row gives its record or, if its data no longer decodes, a [`DamagedRecord`]; damaged
/// relief attempts are left off their episode and listed in the returned `Vec` of damaged ones.
pub fn decode_rows(
    conn: &Connection,
    rows: &[StoredRow],
) -> Result<(Vec<Decoding>, Vec<DamagedRecord>)> {
    let episode_ids: Vec<&str> = rows
        .iter()
        .filter(|r| r.kind == RowKind::Episode)
        .map(|r| r.id.as_str())
        .collect();
    let (mut relief, damaged_relief) = relief_of(conn, &episode_ids)?;
    let decoded = rows
        .iter()
        .map(|row| entry_from(row, &mut relief))
        .collect();
    Ok((decoded, damaged_relief))
}

/// Turns rows into records, skipping (and listing) those that no longer decode.
pub fn entries_from(conn: &Connection, rows: &[StoredRow]) -> Result<Decoded> {
    let (decoded, mut damaged) = decode_rows(conn, rows)?;
    let mut entries = Vec::with_capacity(decoded.len());
    for one in decoded {
        match one {
            Ok(entry) => entries.push(entry),
            Err(bad) => damaged.push(bad),
        }
    }
    Ok(Decoded { entries, damaged })
}

/// The live relief attempts of the given episodes, grouped by episode, oldest first, and the
/// attempts whose data no longer decodes.
pub fn relief_of(
    conn: &Connection,
    episode_ids: &[&str],
) -> Result<(ReliefByEpisode, Vec<DamagedRecord>)> {
    let mut grouped = ReliefByEpisode::new();
    let mut bad = Vec::new();
    if episode_ids.is_empty() {
        return Ok((grouped, bad));
    }
    let ids = json(&episode_ids)?;
    let rows = entries::select(
        conn,
        &format!(
            "e.parent_id IN (SELECT value FROM json_each(?1)) AND +e.kind = 'relief' AND {LIVE}"
        ),
        "ORDER BY e.sort_ms, e.id",
        [ids],
    )?;
    for row in &rows {
        match parse_row::<ReliefData>(row) {
            Ok(data) => grouped
                .entry(row.parent_id.clone().unwrap_or_default())
                .or_default()
                .push(ReliefAttempt {
                    id: row.id.clone(),
                    episode_id: row.parent_id.clone().unwrap_or_default(),
                    data,
                    meta: meta(row),
                }),
            Err(damaged) => bad.push(damaged),
        }
    }
    Ok((grouped, bad))
}

/// One live entry by id (not relief attempts: see [`relief_from`]).
pub fn entry_by_id(conn: &Connection, id: &str) -> Result<Option<Entry>> {
    match entries::get_live(conn, id)? {
        Some(row) if row.kind != RowKind::Relief => {
            // Asked for by id (to show or edit it): a damaged record is an error naming it.
            match decode_rows(conn, std::slice::from_ref(&row))?.0.pop() {
                Some(Ok(entry)) => Ok(Some(entry)),
                Some(Err(bad)) => Err(JournalError::Corrupt {
                    detail: format!("{} could not be read: {}", bad.kind, bad.problem),
                }),
                None => Ok(None),
            }
        }
        _ => Ok(None),
    }
}

/// One live entry by id; `NotFound` if there is none.
pub fn expect_entry(conn: &Connection, id: &str) -> Result<Entry> {
    entry_by_id(conn, id)?.ok_or_else(|| JournalError::not_found(format!("entry {id}")))
}

/// One live episode by id, with its relief attempts; `NotFound` if there is none.
pub fn episode_by_id(conn: &Connection, id: &str) -> Result<Episode> {
    match entry_by_id(conn, id)? {
        Some(Entry::Episode { episode }) => Ok(episode),
        _ => Err(JournalError::not_found(format!("episode {id}"))),
    }
}

/// One live relief attempt (of a live episode) by id; `NotFound` if there is none.
pub fn relief_by_id(conn: &Connection, id: &str) -> Result<ReliefAttempt> {
    match entries::get_live(conn, id)? {
        Some(row) if row.kind == RowKind::Relief => relief_from(&row),
        _ => Err(JournalError::not_found(format!("relief attempt {id}"))),
    }
}

/// Which timed rows [`renight_all`] recomputes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Renight {
    /// Every timed row: episodes, relief attempts, exposures and doses (a new cutover hour).
    AllTimed,
    /// Exposures and doses only (a new morning hour, or imported diaries).
    Triggers,
}

/// Recomputes the night of timed rows (live and deleted) under `settings`, writing only the rows
/// whose night changes. A row whose data no longer decodes keeps its stored night (it is listed
/// as damaged where it is shown), so one damaged record blocks no settings change or import.
/// The schema upgrade that brings stored exposures and doses under the
/// trigger rule calls this with [`Renight::Triggers`] inside its transaction.
pub fn renight_all(tx: &Connection, settings: &Settings, which: Renight) -> Result<()> {
    let kinds = match which {
        Renight::AllTimed => "('episode','relief','exposure','dose')",
        Renight::Triggers => "('exposure','dose')",
    };
    let final_awakenings = trigger_nights::all_final_awakenings(tx)?;
    let rows: Vec<(String, String, String, String)> = {
        let mut stmt = tx.prepare(&format!(
            "SELECT id, kind, night, data FROM entries WHERE kind IN {kinds}"
        ))?;
        let mapped = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        mapped.collect::<rusqlite::Result<Vec<_>>>()?
    };
    let mut update = tx.prepare("UPDATE entries SET night = ?2 WHERE id = ?1")?;
    for (id, kind, stored, data) in rows {
        let kind = RowKind::from_code(&kind).ok_or_else(|| JournalError::Corrupt {
            detail: format!("unknown kind {kind:?}"),
        })?;
        let night = match renight(kind, &data, settings, &final_awakenings) {
            Ok(night) => night,
            Err(JournalError::Corrupt { .. }) => None,
            Err(other) => return Err(other),
        };
        if let Some(night) = night {
            let night = crate::time::iso_date(night);
            if night != stored {
                update.execute(rusqlite::params![id, night])?;
            }
        }
    }
    Ok(())
}
