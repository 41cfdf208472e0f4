//! Backup import against hostile and unlucky files: time stamps from broken clocks, records the
//! API would refuse, ids written another way, ambiguous zips, huge values in error messages, and
//! the file path import the apps and the terminal use. Every rejection leaves the journal as it
//! was (its own backup byte-identical).

mod common;

use common::*;
use rlsjournal_core::export::archive::{self, BackupSource};
use rlsjournal_core::export::backup::MAX_BACKUP_BYTES;
use rlsjournal_core::model::meta::CLOCK_SKEW_ALLOWANCE_MS;
use rlsjournal_core::*;
use serde_json::{json, Value};

fn now() -> Moment {
    Moment::now()
}

/// A fixed `exported_at`, so two backups of the same journal compare equal.
fn fixed() -> Moment {
    at("2026-11-20T09:00:00Z")
}

fn rfc(ms: i64) -> String {
    Moment::from_millis(ms, 0).to_rfc3339()
}

/// A journal with one episode (and its relief attempt) and one treatment, and its backup.
fn journal_with_records() -> (tempfile::TempDir, std::sync::Arc<Journal>, Value) {
    let (dir, _path, journal) = file_journal();
    let episode = journal
        .add_episode(full_episode(
            "2026-09-02T23:00:00+01:00",
            "2026-09-02T23:30:00+01:00",
            5,
        ))
        .unwrap();
    journal
        .add_relief_attempt(
            episode.id,
            ReliefData {
                method: ReliefMethod::Walking,
                helped: 2,
                minutes_to_relief: Some(10),
                at: at("2026-09-02T23:10:00+01:00"),
            },
        )
        .unwrap();
    journal.add_treatment(treatment("2026-09-01")).unwrap();
    let doc = serde_json::from_str(&journal.backup_json().unwrap()).unwrap();
    (dir, journal, doc)
}

fn entry_of<'a>(doc: &'a mut Value, kind: &str) -> &'a mut Value {
    doc["entries"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|e| e["kind"] == kind)
        .unwrap()
}

fn bytes(doc: &Value) -> Vec<u8> {
    serde_json::to_vec(doc).unwrap()
}

/// Imports and expects `ImportRejected` mentioning `expect`, with the journal unchanged.
fn assert_rejected(journal: &Journal, bytes: &[u8], expect: &str) -> String {
    let before = journal.backup_json_at(&fixed()).unwrap();
    let reason = match journal.import_backup(bytes.to_vec()) {
        Err(JournalError::ImportRejected { reason }) => reason,
        other => panic!("expected ImportRejected ({expect}), got {other:?}"),
    };
    assert!(
        reason.contains(expect),
        "reason {reason:?} does not mention {expect:?}"
    );
    assert_eq!(
        journal.backup_json_at(&fixed()).unwrap(),
        before,
        "journal changed"
    );
    reason
}

// ---- time stamps (#12.2) ----

#[test]
fn record_stamps_outside_the_window_are_refused() {
    let (_d, journal, doc) = journal_with_records();
    let now_ms = now().millis();
    let cases: Vec<(&str, Value, &str)> = vec![
        (
            "updated_at",
            json!("9999-12-31T23:59:59.999Z"),
            "24 hours ahead",
        ),
        (
            "updated_at",
            json!(rfc(now_ms + CLOCK_SKEW_ALLOWANCE_MS + 60_000)),
            "24 hours ahead",
        ),
        (
            "created_at",
            json!("1990-01-01T00:00:00Z"),
            "before the year 2000",
        ),
        (
            "deleted_at",
            json!("9999-12-31T23:59:59.999Z"),
            "24 hours ahead",
        ),
        (
            "deleted_at",
            json!("2001-01-01T00:00:00Z"),
            "deleted before it was created",
        ),
    ];
    for (field, value, expect) in cases {
        let mut edited = doc.clone();
        let episode = entry_of(&mut edited, "episode");
        episode[field] = value;
        assert_rejected(&journal, &bytes(&edited), expect);
    }
}

#[test]
fn a_stamp_within_the_allowance_survives_local_changes_and_round_trips() {
    let (_d, journal, mut doc) = journal_with_records();
    let ahead = rfc(now().millis() + CLOCK_SKEW_ALLOWANCE_MS - 60 * 60_000);
    entry_of(&mut doc, "episode")["updated_at"] = json!(ahead);
    let summary = journal.import_backup(bytes(&doc)).unwrap();
    assert_eq!(summary.updated, 1, "{summary:?}");
    let id = entry_of(&mut doc, "episode")["id"]
        .as_str()
        .unwrap()
        .to_string();
    // Delete and undo: each local change is stamped after the imported one, and the result
    // still exports a backup that imports.
    journal.delete_entry(id.clone()).unwrap();
    journal.undo_delete().unwrap();
    let mut again: Value = serde_json::from_str(&journal.backup_json().unwrap()).unwrap();
    let stamp = entry_of(&mut again, "episode")["updated_at"].clone();
    assert!(
        stamp.as_str().unwrap() > ahead.as_str(),
        "{stamp} after {ahead}"
    );
    let (_d2, _p2, copy) = file_journal();
    copy.import_backup(journal.backup_json().unwrap().into_bytes())
        .unwrap();
    assert_eq!(fingerprint(&copy), fingerprint(&journal));
    // Re-importing the older backup does not undo the local changes.
    let before = journal.backup_json_at(&fixed()).unwrap();
    let summary = journal.import_backup(bytes(&doc)).unwrap();
    assert_eq!((summary.added, summary.updated), (0, 0));
    assert_eq!(journal.backup_json_at(&fixed()).unwrap(), before);
}

#[test]
fn settings_stamped_ahead_do_not_undo_a_later_local_change() {
    let (_d, journal, mut doc) = journal_with_records();
    doc["settings"]["updated_at"] =
        json!(rfc(now().millis() + CLOCK_SKEW_ALLOWANCE_MS - 60 * 60_000));
    doc["settings"]["values"]["night_cutover_hour"] = json!(15);
    assert!(journal.import_backup(bytes(&doc)).unwrap().settings_updated);
    // A real change made here afterwards wins over the backup's clock-ahead stamp.
    let mut s = journal.settings().unwrap();
    s.night_cutover_hour = 13;
    journal.update_settings(s).unwrap();
    let summary = journal.import_backup(bytes(&doc)).unwrap();
    assert!(!summary.settings_updated);
    assert_eq!(journal.settings().unwrap().night_cutover_hour, 13);
    // Settings from a broken clock are refused outright.
    doc["settings"]["updated_at"] = json!("9999-12-31T23:59:59.999Z");
    assert_rejected(&journal, &bytes(&doc), "settings");
}

// ---- one validation path (#12.4) ----

#[test]
fn a_relief_attempt_the_api_would_refuse_is_refused_by_import() {
    let (_d, journal, doc) = journal_with_records();
    // A new relief attempt dated ten years before its episode.
    let mut early = doc.clone();
    let mut relief = entry_of(&mut early, "relief").clone();
    relief["id"] = json!("01a21a62-0000-7000-8000-0000000000c1");
    relief["data"]["at"] = json!("2016-09-02T23:10:00+01:00");
    early["entries"].as_array_mut().unwrap().push(relief);
    assert_rejected(&journal, &bytes(&early), "before its episode");
    // The backup moves the episode's start past its existing relief attempt.
    let mut moved = doc.clone();
    let episode = entry_of(&mut moved, "episode");
    episode["data"]["started_at"] = json!("2026-09-02T23:20:00+01:00");
    episode["updated_at"] = json!(rfc(now().millis()));
    assert_rejected(&journal, &bytes(&moved), "before its episode");
    // An existing relief attempt moved to another episode (new in the backup).
    let mut other = doc.clone();
    let mut episode = entry_of(&mut other, "episode").clone();
    episode["id"] = json!("01a21a62-0000-7000-8000-0000000000c2");
    other["entries"].as_array_mut().unwrap().push(episode);
    let relief = entry_of(&mut other, "relief");
    relief["parent_id"] = json!("01a21a62-0000-7000-8000-0000000000c2");
    relief["updated_at"] = json!(rfc(now().millis()));
    assert_rejected(&journal, &bytes(&other), "cannot move to another episode");
}

#[test]
fn a_relief_attempt_restored_before_its_moved_episode_is_refused() {
    let (_d, journal, _doc) = journal_with_records();
    let episode = journal.open_episode().unwrap();
    assert!(episode.is_none());
    let items = all_history(&journal, vec![EntryKind::Episode], 10);
    let Entry::Episode { episode } = journal.entry(items[0].id.clone()).unwrap() else {
        panic!()
    };
    let relief = episode.relief[0].id.clone();
    journal.delete_entry(relief.clone()).unwrap();
    let mut later = episode.data.clone();
    later.started_at = at("2026-09-02T23:20:00+01:00");
    journal.edit_episode(episode.id.clone(), later).unwrap();
    // Restoring would make the journal hold what the API refuses to create (and its backup
    // would not import): refused.
    assert!(matches!(
        journal.restore_entry(relief.clone()),
        Err(JournalError::InvalidInput { .. })
    ));
    let (_d2, _p2, copy) = file_journal();
    copy.import_backup(journal.backup_json().unwrap().into_bytes())
        .unwrap();
}

#[test]
fn ids_written_another_way_name_the_same_record() {
    let (_d, journal, doc) = journal_with_records();
    let items = all_history(&journal, vec![EntryKind::Episode], 10);
    let id = items[0].id.clone();
    let upper = id.to_uppercase();
    let braced = format!("{{{id}}}");
    let urn = format!("urn:uuid:{id}");
    // The API: reads, edits, relief attempts and deletes by any spelling reach the one record.
    assert_eq!(journal.entry(upper.clone()).unwrap().id(), id);
    let relief = journal
        .add_relief_attempt(
            urn.clone(),
            ReliefData {
                method: ReliefMethod::Heat,
                helped: 1,
                minutes_to_relief: None,
                at: at("2026-09-02T23:20:00+01:00"),
            },
        )
        .unwrap();
    assert_eq!(relief.episode_id, id);
    let treatment = all_history(&journal, vec![EntryKind::Treatment], 10)[0]
        .id
        .clone();
    let dose = journal
        .add_dose(DoseData {
            treatment_id: treatment.to_uppercase(),
            at: at("2026-09-03T21:00:00+01:00"),
            amount: None,
        })
        .unwrap();
    assert_eq!(dose.data.treatment_id, treatment);
    journal.delete_entry(braced).unwrap();
    journal.restore_entry(upper.clone()).unwrap();
    assert!(matches!(
        journal.entry("no-uuid".repeat(100_000)),
        Err(JournalError::NotFound { what }) if what.len() < 100
    ));
    // Import: the same record in upper case is the same record, not a second copy.
    let mut shouted = doc.clone();
    for e in shouted["entries"].as_array_mut().unwrap() {
        let spelled = e["id"].as_str().unwrap().to_uppercase();
        e["id"] = json!(spelled);
        if let Some(p) = e["parent_id"].as_str() {
            e["parent_id"] = json!(format!("{{{p}}}"));
        }
    }
    let count = all_history(&journal, vec![], 100).len();
    let summary = journal.import_backup(bytes(&shouted)).unwrap();
    assert_eq!(summary.added, 0, "{summary:?}");
    assert_eq!(all_history(&journal, vec![], 100).len(), count);
    // Two spellings of one id in one backup are one record twice.
    let mut twice = doc.clone();
    let mut copy = entry_of(&mut twice, "episode").clone();
    copy["id"] = json!(copy["id"].as_str().unwrap().to_uppercase());
    twice["entries"].as_array_mut().unwrap().push(copy);
    assert_rejected(&journal, &bytes(&twice), "appears twice");
}

// ---- archives (#12.14) ----

#[test]
fn a_zip_with_more_than_one_candidate_document_is_refused() {
    let (_d, journal, doc) = journal_with_records();
    let json = bytes(&doc);
    let two =
        archive::write_zip(&[("rlsjournal-backup.json", &json), ("older.json", &json)]).unwrap();
    assert_rejected(&journal, &two, "2 .json documents");
    let upper = archive::write_zip(&[("a.json", &json), ("B.JSON", &json)]).unwrap();
    assert_rejected(&journal, &upper, "2 .json documents");
    // Other files and macOS metadata are not candidates.
    let fine = archive::write_zip(&[
        ("notes.txt", b"hello"),
        ("__MACOSX/._rlsjournal-backup.json", b"\0\0"),
        ("backup/rlsjournal-backup.json", &json),
    ])
    .unwrap();
    journal.import_backup(fine).unwrap();
}

// ---- messages (#12.12) ----

#[test]
fn rejections_are_short_sentences_without_type_names() {
    let (_d, journal, doc) = journal_with_records();
    // One 10 MB value, the others 1 MB (debug builds parse slowly).
    let ten = "x".repeat(10 * 1024 * 1024);
    let huge = "x".repeat(1024 * 1024);
    let mut cases: Vec<Vec<u8>> = Vec::new();
    let mut edit = |f: &dyn Fn(&mut Value)| {
        let mut d = doc.clone();
        f(&mut d);
        cases.push(bytes(&d));
    };
    edit(&|d| entry_of(d, "episode")["data"]["note"] = json!(ten));
    edit(&|d| entry_of(d, "episode")["data"]["peak_intensity"] = json!(huge));
    edit(&|d| entry_of(d, "episode")["data"]["peak_intensity"] = json!(300));
    edit(&|d| entry_of(d, "episode")["data"]["started_at"] = json!(huge));
    edit(&|d| entry_of(d, "episode")["data"]["side"] = json!(huge));
    edit(&|d| entry_of(d, "episode")["id"] = json!(huge));
    edit(&|d| entry_of(d, "episode")["kind"] = json!(huge));
    edit(&|d| entry_of(d, "episode")["updated_at"] = json!(huge));
    edit(&|d| d[huge.as_str()] = json!(1));
    edit(&|d| d["version"] = json!("one"));
    edit(&|d| d["entries"] = json!({}));
    cases.push(b"[]".to_vec());
    cases.push(format!("\"{huge}\"").into_bytes());
    for case in cases {
        let reason = assert_rejected(&journal, &case, "");
        assert!(
            reason.len() < 300,
            "{} bytes: {}",
            reason.len(),
            &reason[..300]
        );
        for rust in [
            "expected u8",
            "struct",
            "Envelope",
            "BackupEntry",
            "u32",
            "enum",
            "sequence",
        ] {
            assert!(!reason.contains(rust), "{reason}");
        }
        assert!(!reason.contains(&"x".repeat(41)), "{reason}");
    }
}

// ---- files and size (#12.3) ----

#[test]
fn a_backup_file_imports_as_json_or_zip_without_reading_it_whole() {
    let (_d, source, _doc) = journal_with_records();
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("b.json");
    std::fs::write(&json, source.backup_json().unwrap()).unwrap();
    let zip = dir.path().join("b.zip");
    std::fs::write(&zip, source.backup_zip().unwrap()).unwrap();
    for file in [&json, &zip] {
        let (_d2, _p2, target) = file_journal();
        let summary = target
            .import_backup_file(file.to_string_lossy().into_owned())
            .unwrap();
        assert_eq!(summary.added, 3);
        assert_eq!(fingerprint(&target), fingerprint(&source));
    }
    let (_d3, _p3, target) = file_journal();
    assert!(matches!(
        target.import_backup_file(dir.path().join("missing.json").to_string_lossy().into()),
        Err(JournalError::ImportRejected { .. })
    ));
}

#[test]
fn a_backup_larger_than_the_ceiling_is_refused_before_it_is_read() {
    let (_d, journal, _doc) = journal_with_records();
    let dir = tempfile::tempdir().unwrap();
    // A sparse file one byte over the ceiling: no disk space, and import must not read it.
    let path = dir.path().join("huge.json");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_BACKUP_BYTES as u64 + 1).unwrap();
    let before = journal.backup_json_at(&fixed()).unwrap();
    match journal.import_backup_file(path.to_string_lossy().into_owned()) {
        Err(JournalError::ImportRejected { reason }) => {
            assert!(reason.contains("larger than 1024 MB"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(journal.backup_json_at(&fixed()).unwrap(), before);
    // The same limit applies to what a zip unpacks to, counted while streaming.
    let spaces = vec![b' '; 3 * 1024 * 1024];
    let zip = archive::write_zip(&[("x.json", &spaces)]).unwrap();
    let read = archive::with_backup_reader(BackupSource::Bytes(&zip), 2 * 1024 * 1024, |r| {
        std::io::copy(r, &mut std::io::sink()).map_err(|_| JournalError::Storage {
            detail: "read".into(),
        })
    });
    assert!(
        matches!(read, Err(JournalError::ImportRejected { ref reason }) if reason.contains("larger than 2 MB")),
        "{read:?}"
    );
}

#[test]
fn a_journal_holding_stamps_from_before_the_checks_still_exports_an_importable_backup() {
    // Journals written before stamps were checked may hold year-10000 stamps (an imported
    // 9999 stamp, then one local change) and a tombstone from 1970.
    let (_d, path, journal) = file_journal();
    let episode = journal
        .add_episode(full_episode(
            "2026-09-02T23:00:00+01:00",
            "2026-09-02T23:30:00+01:00",
            5,
        ))
        .unwrap();
    let lab = journal
        .add_lab_result(ferritin("2026-09-01", 40.0))
        .unwrap();
    journal.delete_entry(lab.id.clone()).unwrap();
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.execute(
        "UPDATE entries SET updated_ms = 253402300800000 WHERE id = ?1",
        [&episode.id],
    )
    .unwrap();
    raw.execute(
        "UPDATE entries SET created_ms = 0, deleted_ms = 5 WHERE id = ?1",
        [&lab.id],
    )
    .unwrap();
    raw.execute("UPDATE settings SET updated_ms = 253402300800000", [])
        .unwrap_or(0);
    drop(raw);
    let (_d2, _p2, copy) = file_journal();
    copy.import_backup(journal.backup_json().unwrap().into_bytes())
        .unwrap();
    // The same records (only the impossible stamps were brought inside the window).
    let Entry::Episode { episode: copied } = copy.entry(episode.id.clone()).unwrap() else {
        panic!()
    };
    assert_eq!(copied.data, episode.data);
    assert!(
        copied.meta.updated_at
            < Moment::parse_rfc3339("3000-01-01T00:00:00Z")
                .unwrap()
                .instant
    );
    assert_eq!(copy.undo_delete().unwrap(), Some(lab.id));
}
