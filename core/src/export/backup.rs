//! The lossless backup: a versioned JSON document of everything (tombstones and settings
//! included), and its import, which merges by id (the newer `updated_at` wins, one total order
//! on versions, see `model::meta` for skewed clocks and the merge rules) in one transaction —
//! all or nothing. The same importer serves the manual import ([`import`]) and the merge of
//! another device's snapshot ([`import_sync`]); they differ only where `model::meta` rules 5 and
//! 6 say (one live record per night, rules between records).
//!
//! Import reads the document as a stream: each record is parsed on its own (its `data` kept as
//! raw text until its kind is known), validated by the same functions the API calls, and
//! written at once; what needs the whole document (parents, relief times, one diary per night)
//! is checked at the end against the journal itself. Memory grows with one record plus a small
//! index of ids (16 bytes each), never with the document.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::Read;

use rusqlite::Connection;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::error::{JournalError, Result};
use crate::export::archive::{self, BackupSource};
use crate::model::answer::NoSymptomsData;
use crate::model::episode::{check_relief_time, EpisodeData, ReliefData};
use crate::model::exposure::ExposureData;
use crate::model::lab::{LabResultData, SeverityRatingData};
use crate::model::meta::{
    canonical_id, check_record_stamps, check_stamp, night_clash, version_order, Version,
    CLOCK_SKEW_ALLOWANCE_MS, EARLIEST_STAMP_MS,
};
use crate::model::safety_check::SafetyCheckData;
use crate::model::sleep::SleepDiaryData;
use crate::model::treatment::{DoseData, TreatmentData};
use crate::model::visit::VisitData;
use crate::settings::Settings;
use crate::store::entries::{self, RowKind, RowTimes, RowValues};
use crate::store::records::Renight;
use crate::store::{lookups, records, settings as settings_store, trigger_nights};
use crate::time::{system_from_millis, system_millis, Moment};

/// The `format` field of every backup.
pub const BACKUP_FORMAT: &str = "rlsjournal-backup";
/// The backup document version this build writes and reads. Version 2 (issue 21) adds the
/// `visit` and `safety_check` kinds: an older app refuses such a backup as newer than it reads
/// (nothing imported) instead of failing on a kind it does not know.
pub const BACKUP_VERSION: u32 = 2;
/// The oldest backup version this build still imports (every version it has ever written).
pub const OLDEST_BACKUP_VERSION: u32 = 1;
/// The largest backup document (JSON bytes, unpacked) this build writes and reads: 1 GiB.
/// Export refuses to write more, so every backup it writes imports. Ten years of the demo's busy
/// journal are about 16 MB; the ceiling holds about sixty times that, far beyond a lifetime of
/// nightly entries, and import memory does not grow with it (records are streamed).
pub const MAX_BACKUP_BYTES: usize = 1024 * 1024 * 1024;
/// The name of the JSON document inside a zipped backup.
pub const BACKUP_FILE_NAME: &str = "rlsjournal-backup.json";

/// The most characters of the backup's own text an error message quotes.
const EXCERPT_CHARS: usize = 40;

/// The settings part of the document.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
struct BackupSettings {
    #[serde(with = "crate::time::rfc3339_utc::option")]
    updated_at: Option<std::time::SystemTime>,
    values: Settings,
}

/// One record: the same fields for every kind; `data` is the kind's record, kept as raw JSON
/// text until the kind says how to read it.
#[derive(Serialize, Deserialize, Debug)]
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
    data: Box<RawValue>,
}

/// The document as written (records borrowed from the stored rows).
#[derive(Serialize)]
struct BackupDocumentOut<'a> {
    format: &'a str,
    version: u32,
    exported_at: Moment,
    settings: BackupSettings,
    entries: Vec<BackupEntryOut<'a>>,
}

#[derive(Serialize)]
struct BackupEntryOut<'a> {
    id: &'a str,
    kind: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    parent_id: Option<&'a str>,
    #[serde(with = "crate::time::rfc3339_utc")]
    created_at: std::time::SystemTime,
    #[serde(with = "crate::time::rfc3339_utc")]
    updated_at: std::time::SystemTime,
    #[serde(
        with = "crate::time::rfc3339_utc::option",
        skip_serializing_if = "Option::is_none"
    )]
    deleted_at: Option<std::time::SystemTime>,
    data: &'a RawValue,
}

/// What an import did.
#[derive(uniffi::Record, Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
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

/// At most [`EXCERPT_CHARS`] characters of text from the backup, control characters replaced,
/// so an error never repeats a huge or terminal-hostile input.
pub fn excerpt(text: &str) -> String {
    let mut out: String = text
        .chars()
        .take(EXCERPT_CHARS)
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect();
    if text.chars().nth(EXCERPT_CHARS).is_some() {
        out.push('…');
    }
    out
}

/// Writes the whole journal as a backup document (pretty JSON, records in id order). Refuses a
/// journal whose backup would be larger than [`MAX_BACKUP_BYTES`], which import could not read.
pub fn export_json(conn: &Connection, settings: &Settings, now: &Moment) -> Result<String> {
    export_json_limited(conn, settings, now, MAX_BACKUP_BYTES)
}

/// [`export_json`] with an explicit ceiling (tests).
pub fn export_json_limited(
    conn: &Connection,
    settings: &Settings,
    now: &Moment,
    limit: usize,
) -> Result<String> {
    // A journal written before stamps were checked may hold stamps no import accepts (year
    // 10000); they are written inside the window. The clamp keeps every order between stamps,
    // and leaves every stamp this journal could write today as it is.
    let clock = now.millis().max(Moment::now().millis());
    let clamp = |ms: i64| {
        system_from_millis(ms.clamp(
            EARLIEST_STAMP_MS,
            clock.saturating_add(CLOCK_SKEW_ALLOWANCE_MS),
        ))
    };
    let rows = entries::all_rows(conn)?;
    let mut out = Vec::with_capacity(rows.len());
    for row in &rows {
        let data: &RawValue =
            serde_json::from_str(&row.data).map_err(|_| JournalError::Corrupt {
                detail: format!("record {} could not be read", row.id),
            })?;
        out.push(BackupEntryOut {
            id: &row.id,
            kind: row.kind.code(),
            parent_id: row.parent_id.as_deref(),
            created_at: clamp(row.created_ms),
            updated_at: clamp(row.updated_ms),
            deleted_at: row.deleted_ms.map(clamp),
            data,
        });
    }
    let doc = BackupDocumentOut {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        exported_at: now.truncated(),
        settings: BackupSettings {
            updated_at: settings_store::updated_ms(conn)?.map(clamp),
            values: *settings,
        },
        entries: out,
    };
    let mut writer = CappedWriter {
        bytes: Vec::new(),
        limit,
    };
    let too_big = || JournalError::Storage {
        detail: format!(
            "the journal is too large for one backup: it would be larger than {} MB, the most \
             a backup may hold",
            limit / (1024 * 1024)
        ),
    };
    if serde_json::to_writer_pretty(&mut writer, &doc).is_err() {
        return Err(if writer.bytes.len() >= limit {
            too_big()
        } else {
            JournalError::Storage {
                detail: "could not write the backup".into(),
            }
        });
    }
    String::from_utf8(writer.bytes).map_err(|_| JournalError::Storage {
        detail: "could not write the backup".into(),
    })
}

/// A growing buffer that refuses to grow past `limit` bytes.
struct CappedWriter {
    bytes: Vec<u8>,
    limit: usize,
}

impl std::io::Write for CappedWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > self.limit {
            self.bytes.truncate(self.limit);
            return Err(std::io::Error::other("backup larger than the limit"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A validated record ready to merge.
struct Incoming {
    id: String,
    kind: RowKind,
    parent_id: Option<String>,
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
    NoSymptoms(NoSymptomsData),
    Visit(VisitData),
    SafetyCheck(SafetyCheckData),
}

impl IncomingRecord {
    /// The record's canonical JSON, exactly as its row stores it (compared at equal stamps).
    fn data_json(&self) -> Result<String> {
        let json = match self {
            IncomingRecord::Episode(d) => serde_json::to_string(d),
            IncomingRecord::Relief(_, d) => serde_json::to_string(d),
            IncomingRecord::Sleep(d) => serde_json::to_string(d),
            IncomingRecord::Exposure(d) => serde_json::to_string(d),
            IncomingRecord::Treatment(d) => serde_json::to_string(d),
            IncomingRecord::Dose(d) => serde_json::to_string(d),
            IncomingRecord::Lab(d) => serde_json::to_string(d),
            IncomingRecord::Rating(d) => serde_json::to_string(d),
            IncomingRecord::NoSymptoms(d) => serde_json::to_string(d),
            IncomingRecord::Visit(d) => serde_json::to_string(d),
            IncomingRecord::SafetyCheck(d) => serde_json::to_string(d),
        };
        json.map_err(|e| JournalError::Storage {
            detail: format!("could not encode a record: {e}"),
        })
    }

    /// The night of a record of a kind that holds one live record a night (sleep diaries, "no
    /// symptoms" answers); `None` for every other kind.
    fn one_per_night(&self) -> Option<chrono::NaiveDate> {
        match self {
            IncomingRecord::Sleep(d) => Some(d.night_of),
            IncomingRecord::NoSymptoms(d) => Some(d.night_of),
            _ => None,
        }
    }

    /// The row of the record; exposures and doses are counted for the night the diaries stored
    /// so far give them (the import re-attributes them all at its end).
    fn row(&self, tx: &Connection, settings: &Settings) -> Result<RowValues> {
        let cutover = settings.night_cutover_hour;
        match self {
            IncomingRecord::Episode(d) => records::episode_row(d, cutover),
            IncomingRecord::Relief(parent, d) => records::relief_row(parent, d, cutover),
            IncomingRecord::Sleep(d) => records::sleep_row(d),
            IncomingRecord::Exposure(d) => {
                records::exposure_row(d, trigger_nights::trigger_night(tx, &d.at, settings)?)
            }
            IncomingRecord::Treatment(d) => records::treatment_row(d),
            IncomingRecord::Dose(d) => {
                records::dose_row(d, trigger_nights::trigger_night(tx, &d.at, settings)?)
            }
            IncomingRecord::Lab(d) => records::lab_row(d),
            IncomingRecord::Rating(d) => records::rating_row(d),
            IncomingRecord::NoSymptoms(d) => records::no_symptoms_row(d),
            IncomingRecord::Visit(d) => records::visit_row(d),
            IncomingRecord::SafetyCheck(d) => records::safety_check_row(d),
        }
    }
}

/// Turns a parser error into a sentence: where in the file, and what is wrong in the words of
/// the document (never the parser's type names), quoting at most a short excerpt.
fn json_problem(err: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let place = format!("line {}, column {}", err.line(), err.column());
    match err.classify() {
        Category::Io => "the file could not be read to its end".into(),
        Category::Eof => format!("the file ends too early, at {place}: it is cut off"),
        Category::Syntax => {
            if err.to_string().contains("recursion limit") {
                format!("the document is nested too deeply at {place}")
            } else {
                format!("the file is not valid JSON at {place}")
            }
        }
        Category::Data => format!("{} (at {place})", data_problem(err)),
    }
}

/// The data part of a parser error in plain words.
fn data_problem(err: &serde_json::Error) -> String {
    let full = err.to_string();
    let message = match full.rfind(" at line ") {
        Some(i) => &full[..i],
        None => full.as_str(),
    };
    // The name between the first pair of backticks, e.g. unknown field `surprise`.
    let quoted = || {
        message
            .split('`')
            .nth(1)
            .map(excerpt)
            .unwrap_or_else(|| "?".into())
    };
    let expected = || {
        message
            .rsplit_once("expected ")
            .map(|(_, e)| plain_kind(e))
            .unwrap_or("another kind of value")
    };
    if message.starts_with("unknown field") {
        format!("it has a field “{}” that backups do not have", quoted())
    } else if message.starts_with("missing field") {
        format!("the field “{}” is missing", quoted())
    } else if message.starts_with("duplicate field") {
        format!("the field “{}” appears twice", quoted())
    } else if message.starts_with("unknown variant") {
        format!("“{}” is not one of the allowed values", quoted())
    } else if message.starts_with("invalid type") {
        format!("a value has the wrong type: {} is expected", expected())
    } else if message.starts_with("invalid value") {
        format!("a value is out of range: {} is expected", expected())
    } else if message.starts_with("invalid length") {
        "a list has the wrong number of items".into()
    } else {
        // Our own messages: times that do not parse, which would quote the whole input.
        if message.contains("RFC 3339") {
            "a time is not written as an RFC 3339 time with its UTC offset \
             (like 2026-10-20T23:10:00+02:00)"
                .into()
        } else {
            excerpt(message)
        }
    }
}

/// What a parser's expectation means, in the document's words.
fn plain_kind(expected: &str) -> &'static str {
    let e = expected.trim();
    if [
        "u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64", "usize",
    ]
    .contains(&e)
        || e.contains("integer")
    {
        "a whole number in range"
    } else if e == "f64" || e == "f32" || e.contains("float") {
        "a number"
    } else if e.contains("string") || e.contains("RFC 3339") {
        "text"
    } else if e.contains("bool") {
        "true or false"
    } else if e.contains("sequence") || e.contains("tuple") {
        "a list"
    } else if e.starts_with("struct") || e.contains("map") || e.starts_with("enum") {
        "an object"
    } else {
        "another kind of value"
    }
}

/// Checks the envelope first, so a newer version is reported as such, not as a field error.
fn check_envelope(reader: &mut dyn Read) -> Result<()> {
    #[derive(Deserialize)]
    struct Envelope {
        format: Option<String>,
        version: Option<u32>,
    }
    let envelope: Envelope = serde_json::from_reader(reader).map_err(|e| {
        rejected(format!(
            "the file is not a valid backup document: {}",
            json_problem(&e)
        ))
    })?;
    if envelope.format.as_deref() != Some(BACKUP_FORMAT) {
        return Err(rejected("the file is not an RLS Journal backup"));
    }
    match envelope.version {
        Some(v) if (OLDEST_BACKUP_VERSION..=BACKUP_VERSION).contains(&v) => Ok(()),
        Some(v) if v > BACKUP_VERSION => Err(rejected(format!(
            "the backup has version {v}, newer than this app reads ({BACKUP_VERSION}); update the app"
        ))),
        Some(v) => Err(rejected(format!("backup version {v} is not supported"))),
        None => Err(rejected("the backup does not say its version")),
    }
}

/// The kind a child's parent must have.
fn parent_kind(kind: RowKind) -> Option<RowKind> {
    match kind {
        RowKind::Relief => Some(RowKind::Episode),
        RowKind::Dose => Some(RowKind::Treatment),
        _ => None,
    }
}

/// Which merge an import applies: a person's manual import of a backup, or a device merging
/// another device's snapshot. One code path; the modes differ only in `model::meta` rules 5
/// and 6.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ImportMode {
    /// A manual import: a second live record on a night refuses the backup (a diary) or keeps
    /// this journal's (a "no symptoms" answer); relief before its episode's start is refused.
    Backup,
    /// Another device's snapshot: night clashes are resolved the same way on every device, and
    /// rules between records that concurrent edits can break do not refuse the file.
    Sync,
}

/// One import in progress, inside the caller's transaction.
struct Importer<'a> {
    tx: &'a Connection,
    mode: ImportMode,
    now: &'a Moment,
    /// The device clock stamps are checked against (never earlier than `now`).
    clock_ms: i64,
    /// The settings in force while records are written (the backup's own are applied at the end).
    settings: Settings,
    /// Every record id of the document, to refuse duplicates and find what was touched.
    seen: HashSet<u128>,
    /// Live diaries (and, in sync, "no symptoms" answers) whose night still has another live
    /// one here: the backup may delete that one further on, so they are written at the end (at
    /// most one per kind and night).
    pending_nights: HashMap<(RowKind, chrono::NaiveDate), Incoming>,
    summary: ImportSummary,
}

impl Importer<'_> {
    /// Validates one record exactly as the API would, plus its bookkeeping, and writes it if it
    /// is newer than the version here.
    fn take(&mut self, entry: BackupEntry) -> Result<()> {
        let item = self.validate(&entry)?;
        drop(entry);
        let existing = entries::stamp(self.tx, &item.id)?;
        if let Some(existing) = &existing {
            if existing.kind != item.kind {
                return Err(rejected(format!(
                    "record {} is a {} in this journal but a {} in the backup",
                    item.id,
                    existing.kind.noun(),
                    item.kind.noun()
                )));
            }
            // The API never moves a relief attempt to another episode; neither does import.
            if item.kind == RowKind::Relief && existing.parent_id != item.parent_id {
                return Err(rejected(format!(
                    "relief attempt {} belongs to another episode in this journal; a relief \
                     attempt cannot move to another episode",
                    item.id
                )));
            }
            if !self.incoming_wins(&item, existing)? {
                self.summary.unchanged += 1;
                return Ok(());
            }
        }
        if let (Some(night), None) = (item.record.one_per_night(), item.times.deleted_ms) {
            if lookups::live_on_night(self.tx, item.kind, night, &item.id)?.is_some() {
                // Manual import: two "no symptoms" answers for one night say the same thing,
                // the journal's stays.
                if self.mode == ImportMode::Backup && item.kind == RowKind::NoSymptoms {
                    self.summary.unchanged += 1;
                    return Ok(());
                }
                let kind = item.kind;
                if self.pending_nights.insert((kind, night), item).is_some() {
                    return Err(two_on_night(kind, night));
                }
                return Ok(());
            }
        }
        self.write(&item, existing.is_some())
    }

    /// Whether the incoming version beats the one stored here under the one total order of
    /// versions (merge rule 4); the stored data is read only when the stamps are equal.
    fn incoming_wins(&self, item: &Incoming, existing: &entries::RowStamp) -> Result<bool> {
        match item.times.updated_ms.cmp(&existing.updated_ms) {
            std::cmp::Ordering::Greater => return Ok(true),
            std::cmp::Ordering::Less => return Ok(false),
            std::cmp::Ordering::Equal => {}
        }
        let Some((data, created_ms, deleted_ms)) = entries::stored_version(self.tx, &item.id)?
        else {
            return Ok(true);
        };
        let incoming_data = item.record.data_json()?;
        let incoming = Version {
            updated_ms: item.times.updated_ms,
            deleted_ms: item.times.deleted_ms,
            data: &incoming_data,
            created_ms: item.times.created_ms,
        };
        let here = Version {
            updated_ms: existing.updated_ms,
            deleted_ms,
            data: &data,
            created_ms,
        };
        Ok(version_order(&incoming, &here) == std::cmp::Ordering::Greater)
    }

    fn write(&mut self, item: &Incoming, existed: bool) -> Result<()> {
        self.write_with(item, item.times, existed)
    }

    /// Writes the record with the given bookkeeping times.
    fn write_with(&mut self, item: &Incoming, times: RowTimes, existed: bool) -> Result<()> {
        entries::put(
            self.tx,
            &item.id,
            &item.record.row(self.tx, &self.settings)?,
            times,
        )?;
        if existed {
            self.summary.updated += 1;
        } else {
            self.summary.added += 1;
        }
        Ok(())
    }

    fn validate(&mut self, entry: &BackupEntry) -> Result<Incoming> {
        let id = canonical_id(&entry.id).ok_or_else(|| {
            rejected(format!(
                "a record id “{}” is not a UUID",
                excerpt(&entry.id)
            ))
        })?;
        let key = uuid::Uuid::parse_str(&id).map(|u| u.as_u128()).unwrap_or(0);
        if !self.seen.insert(key) {
            return Err(rejected(format!(
                "record {id} appears twice (ids that differ only in how they are written are the same record)"
            )));
        }
        let kind = RowKind::from_code(&entry.kind).ok_or_else(|| {
            rejected(format!(
                "record {id} has an unknown kind “{}”",
                excerpt(&entry.kind)
            ))
        })?;
        let what = |e: JournalError| match e {
            JournalError::InvalidInput { field, reason } => {
                rejected(format!("{} {id}: {field} {reason}", kind.noun()))
            }
            other => other,
        };
        let times = RowTimes {
            created_ms: system_millis(entry.created_at),
            updated_ms: system_millis(entry.updated_at),
            deleted_ms: entry.deleted_at.map(system_millis),
        };
        check_record_stamps(
            times.created_ms,
            times.updated_ms,
            times.deleted_ms,
            self.clock_ms,
        )
        .map_err(what)?;
        let parent_id = match &entry.parent_id {
            None => None,
            Some(p) => Some(canonical_id(p).ok_or_else(|| {
                rejected(format!(
                    "{} {id} names a parent “{}” that is not a UUID",
                    kind.noun(),
                    excerpt(p)
                ))
            })?),
        };
        if parent_kind(kind).is_some() != parent_id.is_some() {
            return Err(rejected(if parent_id.is_some() {
                format!("{} {id} cannot have a parent", kind.noun())
            } else {
                format!("{} {id} has no parent_id", kind.noun())
            }));
        }
        let now_ms = self.now.millis();
        let now = self.now;
        let raw = entry.data.get();
        let record = match kind {
            RowKind::Episode => IncomingRecord::Episode(
                data::<EpisodeData>(raw, kind, &id)?
                    .validated(now_ms)
                    .map_err(what)?,
            ),
            RowKind::Relief => IncomingRecord::Relief(
                parent_id.clone().unwrap_or_default(),
                data::<ReliefData>(raw, kind, &id)?
                    .validated(now_ms)
                    .map_err(what)?,
            ),
            RowKind::Sleep => IncomingRecord::Sleep(
                data::<SleepDiaryData>(raw, kind, &id)?
                    .validated(now)
                    .map_err(what)?,
            ),
            RowKind::Exposure => IncomingRecord::Exposure(
                data::<ExposureData>(raw, kind, &id)?
                    .validated(now_ms)
                    .map_err(what)?,
            ),
            RowKind::Treatment => IncomingRecord::Treatment(
                data::<TreatmentData>(raw, kind, &id)?
                    .validated(now)
                    .map_err(what)?,
            ),
            RowKind::Dose => {
                let dose = data::<DoseData>(raw, kind, &id)?
                    .validated(now_ms)
                    .map_err(what)?;
                if parent_id.as_deref() != Some(dose.treatment_id.as_str()) {
                    return Err(rejected(format!(
                        "dose {id} names one treatment in its data and another as its parent_id"
                    )));
                }
                IncomingRecord::Dose(dose)
            }
            RowKind::Lab => IncomingRecord::Lab(
                data::<LabResultData>(raw, kind, &id)?
                    .validated(now)
                    .map_err(what)?,
            ),
            RowKind::Rating => IncomingRecord::Rating(
                data::<SeverityRatingData>(raw, kind, &id)?
                    .validated(now)
                    .map_err(what)?,
            ),
            RowKind::NoSymptoms => IncomingRecord::NoSymptoms(
                data::<NoSymptomsData>(raw, kind, &id)?
                    .validated(now)
                    .map_err(what)?,
            ),
            RowKind::Visit => IncomingRecord::Visit(
                data::<VisitData>(raw, kind, &id)?
                    .validated(now)
                    .map_err(what)?,
            ),
            RowKind::SafetyCheck => IncomingRecord::SafetyCheck(
                data::<SafetyCheckData>(raw, kind, &id)?
                    .validated(now)
                    .map_err(what)?,
            ),
        };
        Ok(Incoming {
            id,
            kind,
            parent_id,
            times,
            record,
        })
    }

    /// The checks that need the whole document, run against the journal as it now stands.
    fn finish(&mut self) -> Result<()> {
        let pending = std::mem::take(&mut self.pending_nights);
        for ((kind, night), item) in pending {
            let existed = entries::stamp(self.tx, &item.id)?.is_some();
            match lookups::live_on_night(self.tx, kind, night, &item.id)? {
                None => self.write(&item, existed)?,
                Some(_) if self.mode == ImportMode::Backup => {
                    return Err(two_on_night(kind, night))
                }
                Some((here_id, here_updated_ms)) => {
                    self.resolve_night_clash(&item, existed, &here_id, here_updated_ms)?
                }
            }
        }
        self.check_parents()?;
        if self.mode == ImportMode::Backup {
            self.check_relief_times()?;
        }
        Ok(())
    }

    /// Two live records on a night that holds one (merge rule 5): the greater (`updated_at`,
    /// id) stays live, the other is kept as a tombstone stamped with the greater `updated_at`.
    fn resolve_night_clash(
        &mut self,
        item: &Incoming,
        existed: bool,
        here_id: &str,
        here_updated_ms: i64,
    ) -> Result<()> {
        let clash = night_clash(
            (item.times.updated_ms, item.id.as_str()),
            (here_updated_ms, here_id),
        );
        if clash.first_stays {
            entries::tombstone_at(self.tx, here_id, clash.loser_stamp_ms)?;
            self.summary.updated += 1;
            self.write(item, existed)
        } else {
            let times = RowTimes {
                updated_ms: clash.loser_stamp_ms,
                deleted_ms: Some(clash.loser_stamp_ms),
                ..item.times
            };
            self.write_with(item, times, existed)
        }
    }

    /// Every relief attempt belongs to an episode, every dose to a treatment, in the backup or
    /// here.
    fn check_parents(&self) -> Result<()> {
        let orphan = lookups::first_orphan(self.tx)?;
        if let Some((id, kind)) = orphan {
            let want = parent_kind(kind).unwrap_or(RowKind::Episode);
            return Err(rejected(format!(
                "{} {id} belongs to an {} that is neither in the backup nor in this journal",
                kind.noun(),
                want.noun()
            )));
        }
        Ok(())
    }

    /// The API's rule for relief times ([`check_relief_time`]) on every live relief attempt the
    /// import wrote, or whose episode it wrote.
    fn check_relief_times(&self) -> Result<()> {
        let touched = |text: &str| {
            uuid::Uuid::parse_str(text).is_ok_and(|u| self.seen.contains(&u.as_u128()))
        };
        lookups::for_each_live_relief_with_episode(self.tx, |row| {
            if !touched(row.id) && !touched(row.episode_id) {
                return Ok(());
            }
            let relief: ReliefData = serde_json::from_str(row.relief_data)?;
            let episode: EpisodeData = serde_json::from_str(row.episode_data)?;
            if check_relief_time(&episode.started_at, &relief.at).is_err() {
                return Err(rejected(format!(
                    "relief attempt {} was tried before its episode {} started: relief \
                     is tried during an episode",
                    row.id, row.episode_id
                )));
            }
            Ok(())
        })
    }
}

/// Parses one record's data as its kind.
fn data<T: serde::de::DeserializeOwned>(raw: &str, kind: RowKind, id: &str) -> Result<T> {
    serde_json::from_str(raw).map_err(|e| {
        rejected(format!(
            "{} {id} is malformed: {}",
            kind.noun(),
            match e.classify() {
                serde_json::error::Category::Data => data_problem(&e),
                _ => json_problem(&e),
            }
        ))
    })
}

fn two_on_night(kind: RowKind, night: chrono::NaiveDate) -> JournalError {
    let what = match kind {
        RowKind::NoSymptoms => "\"no symptoms\" answers",
        _ => "sleep diaries",
    };
    rejected(format!(
        "the backup and this journal have different {what} for the night of {night}"
    ))
}

/// The streamed document: the envelope fields are read, the settings kept, and each record
/// handed to the importer as soon as it is parsed.
struct DocumentSeed<'i, 'a> {
    importer: &'i mut Importer<'a>,
    /// The importer's own error, which stops the parse: reported instead of the parser's.
    failure: &'i mut Option<JournalError>,
}

const FIELDS: &[&str] = &["format", "version", "exported_at", "settings", "entries"];

impl<'de> DeserializeSeed<'de> for DocumentSeed<'_, '_> {
    type Value = BackupSettings;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        d: D,
    ) -> std::result::Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for DocumentSeed<'_, '_> {
    type Value = BackupSettings;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a backup document")
    }

    fn visit_map<A: MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<BackupSettings, A::Error> {
        let mut settings = None;
        let mut found = [false; 5];
        while let Some(key) = map.next_key::<String>()? {
            let Some((index, name)) = FIELDS.iter().enumerate().find(|(_, f)| **f == key) else {
                return Err(de::Error::unknown_field(&excerpt(&key), FIELDS));
            };
            if found
                .get_mut(index)
                .is_some_and(|seen| std::mem::replace(seen, true))
            {
                return Err(de::Error::duplicate_field(name));
            }
            match index {
                3 => settings = Some(map.next_value::<BackupSettings>()?),
                4 => map.next_value_seed(EntriesSeed {
                    importer: &mut *self.importer,
                    failure: &mut *self.failure,
                })?,
                2 => {
                    map.next_value::<Moment>()?;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        if let Some((name, _)) = FIELDS.iter().zip(found).find(|(_, seen)| !seen) {
            return Err(de::Error::missing_field(name));
        }
        settings.ok_or_else(|| de::Error::missing_field("settings"))
    }
}

struct EntriesSeed<'i, 'a> {
    importer: &'i mut Importer<'a>,
    failure: &'i mut Option<JournalError>,
}

impl<'de> DeserializeSeed<'de> for EntriesSeed<'_, '_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for EntriesSeed<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of records")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
        while let Some(entry) = seq.next_element::<BackupEntry>()? {
            if let Err(e) = self.importer.take(entry) {
                *self.failure = Some(e);
                return Err(de::Error::custom("record rejected"));
            }
        }
        Ok(())
    }
}

/// Imports a backup from `source` into `tx`, merging by id with the one total order of versions
/// (`model::meta` rule 4: at an equal stamp a deletion, then the greater data wins, as in a
/// sync, so importing two backups in either order gives the same journal). Any problem rejects
/// the whole import; the caller's transaction is then rolled back, so the journal is unchanged.
pub fn import(
    tx: &Connection,
    settings: &mut Settings,
    source: BackupSource<'_>,
    now: &Moment,
) -> Result<ImportSummary> {
    import_with(ImportMode::Backup, tx, settings, source, now)
}

/// Merges another device's snapshot (a backup document) from `source` into `tx`, as every device
/// of a synced folder does with every other's: the merge rules of `model::meta` (4–7), so any
/// set of snapshots merged in any order, any number of times, leaves every device with the same
/// records and settings. Two live sleep diaries or "no symptoms" answers on one night, and a
/// relief attempt before its episode's edited start, do not refuse the file (rules 5 and 6).
/// Structural damage (rule 7) rejects the whole file with `ImportRejected`; the caller's
/// transaction is then rolled back, the journal is unchanged and the file can be retried.
/// Merging a snapshot already merged changes nothing (`added + updated == 0`). Stamps are
/// checked against `now`, the device's clock (rule 1).
pub fn import_sync(
    tx: &Connection,
    settings: &mut Settings,
    source: BackupSource<'_>,
    now: &Moment,
) -> Result<ImportSummary> {
    import_with(ImportMode::Sync, tx, settings, source, now)
}

/// The one import: [`import`] and [`import_sync`] differ only in `mode`.
fn import_with(
    mode: ImportMode,
    tx: &Connection,
    settings: &mut Settings,
    source: BackupSource<'_>,
    now: &Moment,
) -> Result<ImportSummary> {
    archive::with_backup_reader(source, MAX_BACKUP_BYTES, check_envelope)?;
    let mut importer = Importer {
        tx,
        mode,
        now,
        // A manual import never checks against a clock earlier than the system's (tests pass
        // old times to validate records); a sync checks against the device clock it is given,
        // so devices whose clocks differ (tests skew them) refuse what is ahead of their own.
        clock_ms: match mode {
            ImportMode::Backup => now.millis().max(Moment::now().millis()),
            ImportMode::Sync => now.millis(),
        },
        settings: *settings,
        seen: HashSet::new(),
        pending_nights: HashMap::new(),
        summary: ImportSummary {
            added: 0,
            updated: 0,
            unchanged: 0,
            settings_updated: false,
        },
    };
    // Children may come before their parents in the document; check references at commit.
    tx.pragma_update(None, "defer_foreign_keys", true)?;
    let backup_settings = archive::with_backup_reader(source, MAX_BACKUP_BYTES, |reader| {
        let mut failure = None;
        let mut de = serde_json::Deserializer::from_reader(reader);
        let parsed = DocumentSeed {
            importer: &mut importer,
            failure: &mut failure,
        }
        .deserialize(&mut de)
        .and_then(|s| de.end().map(|()| s));
        match (parsed, failure) {
            (_, Some(own)) => Err(own),
            (Ok(s), None) => Ok(s),
            (Err(e), None) => Err(rejected(format!(
                "the backup is malformed: {}",
                json_problem(&e)
            ))),
        }
    })?;
    importer.finish()?;
    let mut summary = importer.summary;

    // Settings: the newer stamp wins, at an equal stamp the greater values (merge rule 4);
    // nights follow the resulting cutover.
    let incoming = backup_settings.values.validated().map_err(|e| match e {
        JournalError::InvalidInput { field, reason } => rejected(format!(
            "the backup's settings are invalid: {field} {reason}"
        )),
        other => other,
    })?;
    let theirs = backup_settings
        .updated_at
        .map(|t| check_stamp("updated_at", system_millis(t), importer.clock_ms))
        .transpose()
        .map_err(|_| {
            rejected(
                "the backup's settings carry a change time before 2000 or more than 24 hours \
                 ahead of this device's clock",
            )
        })?;
    let ours = settings_store::updated_ms(tx)?;
    let take_theirs = match (theirs, ours) {
        (Some(theirs), Some(ours)) => {
            theirs > ours || (theirs == ours && settings_json(&incoming) > settings_json(settings))
        }
        // Never saved here: the backup's settings (and their stamp) are taken even when their
        // values are the defaults, so every device ends with the same stamp.
        (Some(_), None) => true,
        (None, _) => false,
    };
    let mut renight = (summary.added + summary.updated > 0).then_some(Renight::Triggers);
    if let (true, Some(stamp)) = (take_theirs, theirs) {
        settings_store::put(tx, &incoming, stamp)?;
        if incoming.night_cutover_hour != settings.night_cutover_hour {
            renight = Some(Renight::AllTimed);
        } else if incoming.morning_hour != settings.morning_hour {
            renight = renight.or(Some(Renight::Triggers));
        }
        *settings = incoming;
        summary.settings_updated = true;
    }
    // Diaries may arrive after the exposures and doses of their night, and the backup's settings
    // may change the cutover or morning hour: re-attribute under the final diaries and settings.
    if let Some(which) = renight {
        records::renight_all(tx, settings, which)?;
    }
    Ok(summary)
}

/// The settings' JSON, which orders two different settings saved at the same stamp.
fn settings_json(settings: &Settings) -> String {
    serde_json::to_string(settings).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parser_errors_become_sentences_without_type_names() {
        #[derive(Deserialize, Debug)]
        #[allow(dead_code)]
        struct Probe {
            n: u8,
        }
        let long = "x".repeat(100_000);
        for input in [
            format!("{{\"n\": \"{long}\"}}"),
            "{\"n\": 300}".to_string(),
            "{\"m\": 1}".to_string(),
            "true".to_string(),
            "[1, 2]".to_string(),
        ] {
            let err = serde_json::from_str::<Probe>(&input).unwrap_err();
            let text = json_problem(&err);
            assert!(text.len() < 200, "{text}");
            for rust in ["u8", "struct", "Probe", "sequence"] {
                assert!(!text.contains(rust), "{text}");
            }
        }
    }

    #[test]
    fn export_refuses_a_journal_larger_than_the_ceiling() {
        let conn = crate::store::connection::open_memory().unwrap();
        let settings = Settings::default();
        let now = Moment::now();
        let full = export_json_limited(&conn, &settings, &now, MAX_BACKUP_BYTES).unwrap();
        match export_json_limited(&conn, &settings, &now, full.len() - 1) {
            Err(JournalError::Storage { detail }) => assert!(detail.contains("too large")),
            other => panic!("{other:?}"),
        }
        assert!(export_json_limited(&conn, &settings, &now, full.len()).is_ok());
    }
}
