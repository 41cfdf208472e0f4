//! The lossless backup: a versioned JSON document of everything (tombstones and settings
//! included), and its import, which merges by id (the newer `updated_at` wins) in one
//! transaction — all or nothing.

use std::collections::{HashMap, HashSet};

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{JournalError, Result};
use crate::model::episode::{EpisodeData, ReliefData};
use crate::model::exposure::ExposureData;
use crate::model::lab::{LabResultData, SeverityRatingData};
use crate::model::sleep::SleepDiaryData;
use crate::model::treatment::{DoseData, TreatmentData};
use crate::settings::Settings;
use crate::store::entries::{self, RowKind, RowTimes, RowValues};
use crate::store::{records, settings as settings_store};
use crate::time::{system_from_millis, system_millis, Moment};

/// The `format` field of every backup.
pub const BACKUP_FORMAT: &str = "rlsjournal-backup";
/// The backup document version this build writes and reads.
pub const BACKUP_VERSION: u32 = 1;
/// The largest backup (JSON, or JSON inside a zip) accepted: ten years of a busy journal are
/// about 20 MB.
pub const MAX_BACKUP_BYTES: usize = 128 * 1024 * 1024;
/// The name of the JSON document inside a zipped backup.
pub const BACKUP_FILE_NAME: &str = "rlsjournal-backup.json";

/// The backup document.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
struct BackupDocument {
    format: String,
    version: u32,
    exported_at: Moment,
    settings: BackupSettings,
    entries: Vec<BackupEntry>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
struct BackupSettings {
    #[serde(with = "crate::time::rfc3339_utc::option")]
    updated_at: Option<std::time::SystemTime>,
    values: Settings,
}

/// One record: the same fields for every kind; `data` is the kind's record.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
struct BackupEntry {
    id: String,
    kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    parent_id: Option<String>,
    #[serde(with = "crate::time::rfc3339_utc")]
    created_at: std::time::SystemTime,
    #[serde(with = "crate::time::rfc3339_utc")]
    updated_at: std::time::SystemTime,
    #[serde(
        with = "crate::time::rfc3339_utc::option",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    deleted_at: Option<std::time::SystemTime>,
    data: Value,
}

/// What an import did.
#[derive(uniffi::Record, Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImportSummary {
    /// Records that were new to this journal.
    pub added: u32,
    /// Records that replaced an older version here.
    pub updated: u32,
    /// Records already here in the same or a newer version.
    pub unchanged: u32,
    /// Whether the backup's settings were newer and replaced these.
    pub settings_updated: bool,
}

fn rejected(reason: impl Into<String>) -> JournalError {
    JournalError::ImportRejected {
        reason: reason.into(),
    }
}

/// Writes the whole journal as a backup document (pretty JSON, records in id order).
pub fn export_json(conn: &Connection, settings: &Settings, now: &Moment) -> Result<String> {
    let rows = entries::all_rows(conn)?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let data: Value = serde_json::from_str(&row.data).map_err(|e| JournalError::Corrupt {
            detail: format!("record {} could not be read: {e}", row.id),
        })?;
        out.push(BackupEntry {
            id: row.id,
            kind: row.kind.code().to_string(),
            parent_id: row.parent_id,
            created_at: system_from_millis(row.created_ms),
            updated_at: system_from_millis(row.updated_ms),
            deleted_at: row.deleted_ms.map(system_from_millis),
            data,
        });
    }
    let doc = BackupDocument {
        format: BACKUP_FORMAT.into(),
        version: BACKUP_VERSION,
        exported_at: now.truncated(),
        settings: BackupSettings {
            updated_at: settings_store::updated_ms(conn)?.map(system_from_millis),
            values: *settings,
        },
        entries: out,
    };
    serde_json::to_string_pretty(&doc).map_err(|e| JournalError::Storage {
        detail: format!("could not write the backup: {e}"),
    })
}

/// A validated record ready to merge.
struct Incoming {
    id: String,
    kind: RowKind,
    times: RowTimes,
    record: IncomingRecord,
}

enum IncomingRecord {
    Episode(EpisodeData),
    Relief(String, ReliefData),
    Sleep(SleepDiaryData),
    Exposure(ExposureData),
    Treatment(TreatmentData),
    Dose(DoseData),
    Lab(LabResultData),
    Rating(SeverityRatingData),
}

impl IncomingRecord {
    fn row(&self, cutover: u8) -> Result<RowValues> {
        match self {
            IncomingRecord::Episode(d) => records::episode_row(d, cutover),
            IncomingRecord::Relief(parent, d) => records::relief_row(parent, d, cutover),
            IncomingRecord::Sleep(d) => records::sleep_row(d),
            IncomingRecord::Exposure(d) => records::exposure_row(d, cutover),
            IncomingRecord::Treatment(d) => records::treatment_row(d),
            IncomingRecord::Dose(d) => records::dose_row(d, cutover),
            IncomingRecord::Lab(d) => records::lab_row(d),
            IncomingRecord::Rating(d) => records::rating_row(d),
        }
    }
}

/// Parses a document (JSON bytes) and checks its envelope.
fn parse_document(json: &[u8]) -> Result<BackupDocument> {
    if json.len() > MAX_BACKUP_BYTES {
        return Err(rejected(format!(
            "the backup is larger than {} MB",
            MAX_BACKUP_BYTES / (1024 * 1024)
        )));
    }
    // Check the envelope first, so a newer version is reported as such, not as a field error.
    #[derive(Deserialize)]
    struct Envelope {
        format: Option<String>,
        version: Option<u32>,
    }
    let envelope: Envelope = serde_json::from_slice(json)
        .map_err(|e| rejected(format!("the file is not a valid backup document: {e}")))?;
    if envelope.format.as_deref() != Some(BACKUP_FORMAT) {
        return Err(rejected("the file is not an RLS Journal backup"));
    }
    match envelope.version {
        Some(BACKUP_VERSION) => {}
        Some(v) if v > BACKUP_VERSION => {
            return Err(rejected(format!(
                "the backup has version {v}, newer than this app reads ({BACKUP_VERSION}); update the app"
            )))
        }
        other => return Err(rejected(format!("unsupported backup version {other:?}"))),
    }
    serde_json::from_slice(json).map_err(|e| rejected(format!("the backup is malformed: {e}")))
}

fn parse_data<T: serde::de::DeserializeOwned>(entry: &BackupEntry) -> Result<T> {
    T::deserialize(&entry.data).map_err(|e| {
        rejected(format!(
            "record {} ({}) is malformed: {e}",
            entry.id, entry.kind
        ))
    })
}

/// Validates one record exactly as the API would, plus its bookkeeping.
fn validate_entry(entry: &BackupEntry, now: &Moment) -> Result<Incoming> {
    let what = |e: JournalError| match e {
        JournalError::InvalidInput { field, reason } => rejected(format!(
            "record {} ({}): invalid {field}: {reason}",
            entry.id, entry.kind
        )),
        other => other,
    };
    if uuid::Uuid::parse_str(&entry.id).is_err() {
        return Err(rejected(format!("record id {:?} is not a UUID", entry.id)));
    }
    let kind = RowKind::from_code(&entry.kind).ok_or_else(|| {
        rejected(format!(
            "record {} has unknown kind {:?}",
            entry.id, entry.kind
        ))
    })?;
    let now_ms = now.millis();
    let parent = || {
        entry
            .parent_id
            .clone()
            .ok_or_else(|| rejected(format!("{} {} has no parent_id", kind.noun(), entry.id)))
    };
    let record = match kind {
        RowKind::Episode => IncomingRecord::Episode(
            parse_data::<EpisodeData>(entry)?
                .validated(now_ms)
                .map_err(what)?,
        ),
        RowKind::Relief => IncomingRecord::Relief(
            parent()?,
            parse_data::<ReliefData>(entry)?
                .validated(now_ms)
                .map_err(what)?,
        ),
        RowKind::Sleep => IncomingRecord::Sleep(
            parse_data::<SleepDiaryData>(entry)?
                .validated(now)
                .map_err(what)?,
        ),
        RowKind::Exposure => IncomingRecord::Exposure(
            parse_data::<ExposureData>(entry)?
                .validated(now_ms)
                .map_err(what)?,
        ),
        RowKind::Treatment => IncomingRecord::Treatment(
            parse_data::<TreatmentData>(entry)?
                .validated(now)
                .map_err(what)?,
        ),
        RowKind::Dose => {
            let dose = parse_data::<DoseData>(entry)?
                .validated(now_ms)
                .map_err(what)?;
            if entry.parent_id.as_deref() != Some(dose.treatment_id.as_str()) {
                return Err(rejected(format!(
                    "dose {} names treatment {} but its parent_id is {:?}",
                    entry.id, dose.treatment_id, entry.parent_id
                )));
            }
            IncomingRecord::Dose(dose)
        }
        RowKind::Lab => IncomingRecord::Lab(
            parse_data::<LabResultData>(entry)?
                .validated(now)
                .map_err(what)?,
        ),
        RowKind::Rating => IncomingRecord::Rating(
            parse_data::<SeverityRatingData>(entry)?
                .validated(now)
                .map_err(what)?,
        ),
    };
    if !matches!(kind, RowKind::Relief | RowKind::Dose) && entry.parent_id.is_some() {
        return Err(rejected(format!(
            "{} {} cannot have a parent",
            kind.noun(),
            entry.id
        )));
    }
    let times = RowTimes {
        created_ms: system_millis(entry.created_at),
        updated_ms: system_millis(entry.updated_at),
        deleted_ms: entry.deleted_at.map(system_millis),
    };
    if times.updated_ms < times.created_ms {
        return Err(rejected(format!(
            "record {} was updated before it was created",
            entry.id
        )));
    }
    Ok(Incoming {
        id: entry.id.clone(),
        kind,
        times,
        record,
    })
}

/// The kind a child's parent must have.
fn parent_kind(kind: RowKind) -> Option<RowKind> {
    match kind {
        RowKind::Relief => Some(RowKind::Episode),
        RowKind::Dose => Some(RowKind::Treatment),
        _ => None,
    }
}

/// Imports a backup document (JSON bytes) into `tx`, merging by id. Any problem rejects the whole
/// import; the caller's transaction is then rolled back, so the journal is unchanged.
pub fn import_json(
    tx: &Connection,
    settings: &mut Settings,
    json: &[u8],
    now: &Moment,
) -> Result<ImportSummary> {
    let doc = parse_document(json)?;
    let incoming_settings = doc
        .settings
        .values
        .validated()
        .map_err(|e| rejected(format!("the backup's settings are invalid: {e}")))?;

    let mut seen = HashSet::with_capacity(doc.entries.len());
    let mut incoming = Vec::with_capacity(doc.entries.len());
    for entry in &doc.entries {
        if !seen.insert(entry.id.as_str()) {
            return Err(rejected(format!("record {} appears twice", entry.id)));
        }
        incoming.push(validate_entry(entry, now)?);
    }
    let kinds: HashMap<&str, RowKind> = incoming.iter().map(|i| (i.id.as_str(), i.kind)).collect();
    for item in &incoming {
        if let Some(existing) = entries::stamp(tx, &item.id)? {
            if existing.kind != item.kind {
                return Err(rejected(format!(
                    "record {} is a {} here but a {} in the backup",
                    item.id,
                    existing.kind.noun(),
                    item.kind.noun()
                )));
            }
        }
        if let (
            Some(want),
            IncomingRecord::Relief(parent, _)
            | IncomingRecord::Dose(DoseData {
                treatment_id: parent,
                ..
            }),
        ) = (parent_kind(item.kind), &item.record)
        {
            let found = match kinds.get(parent.as_str()) {
                Some(k) => Some(*k),
                None => entries::stamp(tx, parent)?.map(|s| s.kind),
            };
            if found != Some(want) {
                return Err(rejected(format!(
                    "{} {} belongs to {} {parent}, which is neither in the backup nor in this journal",
                    item.kind.noun(),
                    item.id,
                    want.noun()
                )));
            }
        }
    }

    // Settings first: the newer wins, and nights are computed under the resulting cutover.
    let backup_settings_ms = doc.settings.updated_at.map(system_millis);
    let local_settings_ms = settings_store::updated_ms(tx)?;
    let settings_updated = match (backup_settings_ms, local_settings_ms) {
        (Some(theirs), Some(ours)) => theirs > ours && incoming_settings != *settings,
        (Some(_), None) => incoming_settings != *settings,
        (None, _) => false,
    };
    let old_cutover = settings.night_cutover_hour;
    if settings_updated {
        if let Some(ms) = backup_settings_ms {
            settings_store::save(tx, &incoming_settings, ms)?;
            *settings = incoming_settings;
        }
    }
    let cutover = settings.night_cutover_hour;

    // Children may come before their parents in the document; check references at commit.
    tx.pragma_update(None, "defer_foreign_keys", true)?;
    let mut summary = ImportSummary {
        added: 0,
        updated: 0,
        unchanged: 0,
        settings_updated,
    };
    // Tombstones first, so a diary deleted in the backup frees its night for its replacement.
    incoming.sort_by_key(|item| item.times.deleted_ms.is_none());
    for item in &incoming {
        let existing = entries::stamp(tx, &item.id)?;
        if existing.is_some_and(|e| e.updated_ms >= item.times.updated_ms) {
            summary.unchanged += 1;
            continue;
        }
        if let (IncomingRecord::Sleep(diary), None) = (&item.record, item.times.deleted_ms) {
            check_one_diary(tx, &item.id, diary)?;
        }
        entries::put(tx, &item.id, &item.record.row(cutover)?, item.times)?;
        if existing.is_some() {
            summary.updated += 1;
        } else {
            summary.added += 1;
        }
    }
    if cutover != old_cutover {
        records::renight_all(tx, cutover)?;
    }
    Ok(summary)
}

/// Refuses a live diary whose night already has another live diary here.
fn check_one_diary(tx: &Connection, id: &str, diary: &SleepDiaryData) -> Result<()> {
    let other: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM entries WHERE kind = 'sleep' AND night = ?1 \
         AND deleted_ms IS NULL AND id <> ?2)",
        rusqlite::params![crate::time::iso_date(diary.night_of), id],
        |r| r.get(0),
    )?;
    if other {
        return Err(rejected(format!(
            "the backup and this journal have different sleep diaries for the night of {}",
            diary.night_of
        )));
    }
    Ok(())
}
