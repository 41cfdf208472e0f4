//! Backup and restore (lossless round trip, idempotent merge, all-or-nothing rejection) and CSV
//! (golden files), on real journal files.

mod common;

use common::*;
use proptest::prelude::*;
use rlsjournal_core::*;

const FIXTURE: &str = include_str!("fixtures/journal-v1-backup.json");

fn now() -> Moment {
    at("2026-11-20T09:00:00+01:00")
}

/// A journal on a file, restored from the committed fixture backup.
fn fixture_journal() -> (tempfile::TempDir, std::sync::Arc<Journal>) {
    let (dir, _path, journal) = file_journal();
    journal
        .import_backup_at(FIXTURE.as_bytes(), &now())
        .unwrap();
    (dir, journal)
}

#[test]
fn export_import_export_gives_the_same_document() {
    let (_d, source) = fixture_journal();
    let mut s = source.settings().unwrap();
    s.night_cutover_hour = 14;
    s.paper_size = PaperSize::Letter;
    source.update_settings(s).unwrap();
    let first = source.backup_json_at(&now()).unwrap();
    let (_d2, _p2, target) = file_journal();
    let summary = target.import_backup_at(first.as_bytes(), &now()).unwrap();
    assert!(summary.added > 20 && summary.updated == 0 && summary.unchanged == 0);
    assert!(summary.settings_updated);
    assert_eq!(target.settings().unwrap(), s);
    assert_eq!(target.backup_json_at(&now()).unwrap(), first);
    // The fixture's tombstone travelled too, and can be undone in the copy.
    assert!(first.contains("deleted_at"));
    assert_eq!(fingerprint(&target), fingerprint(&source));
}

#[test]
fn the_fixture_restores_every_kind() {
    let (_d, journal) = fixture_journal();
    let items = all_history(&journal, vec![], 200);
    let count = |k: EntryKind| items.iter().filter(|i| i.kind == k).count();
    assert_eq!(count(EntryKind::Episode), 5);
    assert_eq!(count(EntryKind::SleepDiary), 4);
    assert_eq!(count(EntryKind::Exposure), 4);
    assert_eq!(count(EntryKind::Treatment), 2);
    assert_eq!(count(EntryKind::Dose), 4);
    assert_eq!(count(EntryKind::LabResult), 2);
    assert_eq!(count(EntryKind::SeverityRating), 1);
    assert!(journal.undo_delete().unwrap().is_some());
    // Nights are recomputed on import: 23:10 on the 8th (+02:00) is the night of the 8th.
    assert_eq!(journal.night(date("2026-10-08")).unwrap().episodes.len(), 1);
}

#[test]
fn importing_the_same_backup_twice_changes_nothing() {
    let (_d, journal) = fixture_journal();
    let before = journal.backup_json_at(&now()).unwrap();
    let again = journal
        .import_backup_at(FIXTURE.as_bytes(), &now())
        .unwrap();
    assert_eq!((again.added, again.updated), (0, 0));
    assert!(again.unchanged > 20);
    assert!(!again.settings_updated);
    assert_eq!(journal.backup_json_at(&now()).unwrap(), before);
}

#[test]
fn a_zipped_backup_round_trips() {
    let (_d, source) = fixture_journal();
    let zip = source.backup_zip().unwrap();
    assert!(zip.starts_with(b"PK\x03\x04"));
    let (_d2, _p2, target) = file_journal();
    target.import_backup(zip).unwrap();
    assert_eq!(fingerprint(&target), fingerprint(&source));
}

#[test]
fn merging_keeps_the_newer_version_of_each_record() {
    let (_d, phone) = fixture_journal();
    let (_d2, tablet) = fixture_journal();
    let lab_id = all_history(&phone, vec![EntryKind::LabResult], 10)[0]
        .id
        .clone();
    let rating_id = all_history(&phone, vec![EntryKind::SeverityRating], 10)[0]
        .id
        .clone();
    // The phone edits the lab later; the tablet deletes the rating.
    phone
        .edit_lab_result(lab_id.clone(), ferritin("2026-10-01", 99.0))
        .unwrap();
    tablet.delete_entry(rating_id.clone()).unwrap();
    let from_tablet = tablet.backup_json_at(&now()).unwrap();
    let summary = phone
        .import_backup_at(from_tablet.as_bytes(), &now())
        .unwrap();
    assert_eq!(summary.updated, 1, "{summary:?}");
    let Entry::LabResult { lab } = phone.entry(lab_id).unwrap() else {
        panic!()
    };
    assert_eq!(lab.data.value, 99.0, "the phone's newer edit survives");
    assert!(matches!(
        phone.entry(rating_id),
        Err(JournalError::NotFound { .. })
    ));
}

fn assert_rejected(journal: &Journal, bytes: &[u8], expect: &str) {
    let before = journal.backup_json_at(&now()).unwrap();
    match journal.import_backup_at(bytes, &now()) {
        Err(JournalError::ImportRejected { reason }) => assert!(
            reason.contains(expect),
            "reason {reason:?} does not mention {expect:?}"
        ),
        other => panic!("expected ImportRejected ({expect}), got {other:?}"),
    }
    assert_eq!(
        journal.backup_json_at(&now()).unwrap(),
        before,
        "journal changed"
    );
}

fn edited(f: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let mut doc: serde_json::Value = serde_json::from_str(FIXTURE).unwrap();
    f(&mut doc);
    serde_json::to_vec(&doc).unwrap()
}

#[test]
fn bad_backups_are_rejected_with_the_reason_and_change_nothing() {
    let (_d, journal) = fixture_journal();
    journal.quick_log(3, None, None).unwrap();
    assert_rejected(&journal, b"", "not a valid backup");
    assert_rejected(&journal, b"hello", "not a valid backup");
    assert_rejected(
        &journal,
        &FIXTURE.as_bytes()[..FIXTURE.len() / 2],
        "ends too early",
    );
    assert_rejected(
        &journal,
        b"{\"format\":\"something-else\",\"version\":1}",
        "not an RLS Journal backup",
    );
    assert_rejected(
        &journal,
        &edited(|d| d["version"] = 3.into()),
        "newer than this app",
    );
    assert_rejected(
        &journal,
        &edited(|d| d["surprise"] = 1.into()),
        "a field “surprise” that backups do not have",
    );
    assert_rejected(
        &journal,
        &edited(|d| d["entries"][2]["data"]["peak_intensity"] = 11.into()),
        "peak_intensity",
    );
    assert_rejected(
        &journal,
        &edited(|d| d["entries"][2]["kind"] = "poem".into()),
        "unknown kind",
    );
    assert_rejected(
        &journal,
        &edited(|d| d["entries"][2]["id"] = "not-a-uuid".into()),
        "not a UUID",
    );
    assert_rejected(
        &journal,
        &edited(|d| {
            let copy = d["entries"][2].clone();
            d["entries"].as_array_mut().unwrap().push(copy);
        }),
        "appears twice",
    );
    assert_rejected(
        &journal,
        &edited(|d| {
            let entries = d["entries"].as_array_mut().unwrap();
            let relief = entries.iter_mut().find(|e| e["kind"] == "relief").unwrap();
            // A new relief attempt (an existing one cannot move to another episode at all).
            relief["id"] = "01a21a62-0000-7000-8000-0000000000aa".into();
            relief["parent_id"] = "01a21a62-0000-7000-8000-000000000000".into();
        }),
        "neither in the backup nor in this journal",
    );
    assert_rejected(
        &journal,
        &edited(|d| {
            let entries = d["entries"].as_array_mut().unwrap();
            let dose = entries.iter_mut().find(|e| e["kind"] == "dose").unwrap();
            dose["data"]["treatment_id"] = "01a21a62-0000-7000-8000-000000000000".into();
        }),
        "parent_id",
    );
    assert_rejected(
        &journal,
        &edited(|d| d["entries"][3]["updated_at"] = "2020-01-01T00:00:00Z".into()),
        "updated before it was created",
    );
    // A record id that is an episode here but a lab in the backup.
    let episode_id = journal.open_episode().unwrap().unwrap().id;
    assert_rejected(
        &journal,
        &edited(|d| {
            let entries = d["entries"].as_array_mut().unwrap();
            let lab = entries.iter_mut().find(|e| e["kind"] == "lab").unwrap();
            lab["id"] = episode_id.clone().into();
        }),
        "in this journal but a lab result in the backup",
    );
    // Deeply nested JSON is refused without exhausting the stack.
    let nested = format!(
        "{{\"format\":\"rlsjournal-backup\",\"version\":1,\"exported_at\":\"2026-10-20T09:00:00Z\",\
         \"settings\":{{\"updated_at\":null,\"values\":{{\"night_cutover_hour\":12,\"morning_hour\":5,\
         \"evening_reminder_hour\":null,\"paper_size\":\"a4\"}}}},\"entries\":[{{\"id\":\"01a21a62-0000-7000-8000-0000000000bb\",\"kind\":\"episode\",\
         \"created_at\":\"2026-10-20T09:00:00Z\",\"updated_at\":\"2026-10-20T09:00:00Z\",\"data\":{}{}}}]}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    // (Record data is skipped without recursion and then read as its kind, which refuses the
    // first wrong bracket: no stack is at risk.)
    assert_rejected(&journal, nested.as_bytes(), "is malformed");
    // A damaged zip.
    let mut zip = journal.backup_zip().unwrap();
    zip.truncate(zip.len() / 2);
    assert_rejected(&journal, &zip, "zip");
}

#[test]
fn a_zip_bomb_is_refused_without_unpacking_it() {
    let zeros = vec![b' '; 4 * 1024 * 1024];
    let zip = rlsjournal_core::export::archive::write_zip(&[("x.json", &zeros)]).unwrap();
    assert!(zip.len() < 64 * 1024);
    let read = rlsjournal_core::export::archive::with_backup_reader(
        rlsjournal_core::export::archive::BackupSource::Bytes(&zip),
        1024 * 1024,
        |reader| {
            std::io::copy(reader, &mut std::io::sink()).map_err(|_| JournalError::Storage {
                detail: "read".into(),
            })
        },
    );
    match read {
        Err(JournalError::ImportRejected { reason }) => {
            assert!(reason.contains("larger than 1 MB"))
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn csv_tables_match_the_golden_files() {
    let (_d, journal) = fixture_journal();
    let tables = journal.csv_tables(true).unwrap();
    // Eight entity tables, no_symptoms.csv (issue 14: the morning's answer), visits.csv and
    // safety_checks.csv (issue 21).
    assert_eq!(tables.len(), 11);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    for table in &tables {
        let path = dir.join(&table.file_name);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, &table.content).unwrap();
        }
        let golden = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("missing {} (run with UPDATE_GOLDEN=1)", path.display()));
        assert_eq!(
            table.content, golden,
            "{} differs from its golden file",
            table.file_name
        );
        assert!(table.content.starts_with('\u{feff}'));
        assert!(table.content.ends_with("\r\n"));
        assert!(!table.content.replace("\r\n", "").contains('\n') || table.content.contains('"'));
    }
    // Notes are left out on request.
    let without = journal.csv_tables(false).unwrap();
    assert!(!without.iter().any(|t| t.content.contains("as advised")));
    assert!(tables.iter().any(|t| t.content.contains("as advised")));
}

#[test]
fn the_csv_zip_holds_the_same_tables_byte_for_byte() {
    let (_d, journal) = awkward_journal();
    for include_notes in [true, false] {
        let tables = journal.csv_tables(include_notes).unwrap();
        let zip = journal.csv_zip(include_notes).unwrap();
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("a valid zip");
        let mut files = Vec::new();
        for i in 0..archive.len() {
            let mut file = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut file, &mut bytes).expect("unpacks (CRC checked)");
            files.push((file.name().expect("a UTF-8 file name").to_string(), bytes));
        }
        let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
        let expected: Vec<&str> = tables.iter().map(|t| t.file_name.as_str()).collect();
        assert_eq!(names, expected);
        for (table, (name, bytes)) in tables.iter().zip(&files) {
            assert_eq!(
                bytes.as_slice(),
                table.content.as_bytes(),
                "{name} in the zip (notes: {include_notes})"
            );
        }
    }
}

/// The fixture plus records whose text needs quoting, doubling, line breaks kept and the
/// formula guard: what a CSV writer most easily gets wrong.
fn awkward_journal() -> (tempfile::TempDir, std::sync::Arc<Journal>) {
    let (dir, journal) = fixture_journal();
    let mut episode = full_episode("2026-10-20T23:10:00+02:00", "2026-10-21T00:40:00+02:00", 7);
    episode.setting = Some(Setting::Other {
        label: "bus, \"front\" row".into(),
    });
    episode.note = Some("He said \"stop\", then\r\nagain,\nand µ again".into());
    let episode = journal.add_episode(episode).unwrap();
    journal
        .add_relief_attempt(
            episode.id,
            ReliefData {
                method: ReliefMethod::Other {
                    label: "=cold, wet towel".into(),
                },
                helped: 2,
                minutes_to_relief: Some(15),
                at: at("2026-10-20T23:30:00+02:00"),
            },
        )
        .unwrap();
    let mut diary = diary("2026-10-20");
    diary.note = Some("line one\nline two, \"quoted\"".into());
    journal.add_sleep_diary(diary).unwrap();
    journal
        .add_exposure(ExposureData {
            note: Some("=1+1".into()),
            ..exposure(
                "2026-10-20T19:00:00+02:00",
                ExposureKind::Other {
                    label: "@night, snack".into(),
                },
            )
        })
        .unwrap();
    journal
        .add_treatment(TreatmentData {
            note: Some("+ half a tablet, \"as needed\"".into()),
            ..treatment("2026-10-15")
        })
        .unwrap();
    journal
        .add_lab_result(LabResultData {
            note: Some("-12 since June".into()),
            ..ferritin("2026-10-16", 30.5)
        })
        .unwrap();
    journal
        .add_severity_rating(SeverityRatingData {
            note: Some("-5".into()),
            ..rating("2026-10-17", 18)
        })
        .unwrap();
    (dir, journal)
}

/// The live records of `kind` by id.
fn records_by_id(journal: &Journal, kind: EntryKind) -> std::collections::HashMap<String, Entry> {
    all_history(journal, vec![kind], 200)
        .into_iter()
        .map(|item| (item.entry.id().to_string(), item.entry))
        .collect()
}

/// A text cell as a spreadsheet must see it: text that would run as a formula gets a leading
/// apostrophe; numbers (negative ones too) stay numbers.
fn as_cell(text: &str) -> String {
    let formula = text.starts_with(['=', '+', '-', '@']) && text.parse::<f64>().is_err();
    if formula {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

fn note_of(entry: &Entry) -> Option<String> {
    match entry {
        Entry::Episode { episode } => episode.data.note.clone(),
        Entry::SleepDiary { diary } => diary.data.note.clone(),
        Entry::Exposure { exposure } => exposure.data.note.clone(),
        Entry::Treatment { treatment } => treatment.data.note.clone(),
        Entry::LabResult { lab } => lab.data.note.clone(),
        Entry::SeverityRating { rating } => rating.data.note.clone(),
        Entry::Visit { visit } => visit.data.note.clone(),
        Entry::SafetyCheck { check } => check.data.note.clone(),
        Entry::Dose { .. } | Entry::NoSymptoms { .. } => None,
    }
}

/// How much a relief attempt helped, in the words the tables use (0-3).
fn helped_words(helped: i32) -> String {
    [
        "did not help",
        "helped some",
        "helped much",
        "complete relief",
    ][usize::try_from(helped).unwrap()]
    .to_string()
}

/// `YYYY-MM-DD HH:MM` local time and `±HH:MM` offset, as the tables show a moment.
fn local_and_offset(m: &Moment) -> (String, String) {
    let offset = m.offset_minutes;
    let sign = if offset < 0 { '-' } else { '+' };
    (
        m.local().format("%Y-%m-%d %H:%M").to_string(),
        format!("{sign}{:02}:{:02}", offset.abs() / 60, offset.abs() % 60),
    )
}

#[test]
fn csv_parses_back_to_the_same_cells() {
    let (_d, journal) = awkward_journal();
    let tables = journal.csv_tables(true).unwrap();
    // Eight entity tables, no_symptoms.csv (issue 14: the morning's answer), visits.csv and
    // safety_checks.csv (issue 21).
    assert_eq!(tables.len(), 11);
    let kinds = [
        ("episodes.csv", EntryKind::Episode),
        ("sleep_diary.csv", EntryKind::SleepDiary),
        ("exposures.csv", EntryKind::Exposure),
        ("treatments.csv", EntryKind::Treatment),
        ("doses.csv", EntryKind::Dose),
        ("lab_results.csv", EntryKind::LabResult),
        ("severity_ratings.csv", EntryKind::SeverityRating),
        ("no_symptoms.csv", EntryKind::NoSymptoms),
        ("visits.csv", EntryKind::Visit),
        ("safety_checks.csv", EntryKind::SafetyCheck),
    ];
    let mut cells_compared = 0;
    for table in &tables {
        let rows = parse_csv(table.content.trim_start_matches('\u{feff}'));
        let header = &rows[0];
        let column = |name: &str| {
            header
                .iter()
                .position(|h| h == name)
                .unwrap_or_else(|| panic!("{}: no column {name}", table.file_name))
        };
        for row in &rows {
            assert_eq!(
                row.len(),
                header.len(),
                "{}: ragged row {row:?}",
                table.file_name
            );
        }
        assert_eq!(rows.len() - 1, table.rows as usize, "{}", table.file_name);
        if table.file_name == "relief_attempts.csv" {
            // Every relief attempt of every live episode, each cell as recorded.
            let episodes = records_by_id(&journal, EntryKind::Episode);
            let mut expected = std::collections::HashMap::new();
            for entry in episodes.values() {
                let Entry::Episode { episode } = entry else {
                    unreachable!()
                };
                for r in &episode.relief {
                    let (at_local, at_offset) = local_and_offset(&r.data.at);
                    expected.insert(
                        r.id.clone(),
                        vec![
                            r.id.clone(),
                            episode.id.clone(),
                            episode.night.to_string(),
                            at_local,
                            at_offset,
                            as_cell(&r.data.method.display_name()),
                            r.data.helped.to_string(),
                            helped_words(r.data.helped),
                            r.data
                                .minutes_to_relief
                                .map(|m| m.to_string())
                                .unwrap_or_default(),
                        ],
                    );
                }
            }
            assert_eq!(rows.len() - 1, expected.len());
            for row in &rows[1..] {
                let want = &expected[&row[column("id")]];
                assert_eq!(&row[..want.len()], &want[..], "relief_attempts.csv");
                cells_compared += want.len();
            }
            continue;
        }
        let kind = kinds
            .iter()
            .find(|(name, _)| *name == table.file_name)
            .unwrap_or_else(|| panic!("unexpected table {}", table.file_name))
            .1;
        // The same records, each once, and each note cell exactly the note.
        let records = records_by_id(&journal, kind);
        let ids: std::collections::BTreeSet<&String> =
            rows[1..].iter().map(|r| &r[column("id")]).collect();
        assert_eq!(
            ids.len(),
            rows.len() - 1,
            "{}: an id twice",
            table.file_name
        );
        assert_eq!(
            ids,
            records.keys().collect(),
            "{}: not the live records",
            table.file_name
        );
        for row in &rows[1..] {
            let entry = &records[&row[column("id")]];
            if kind != EntryKind::Dose && kind != EntryKind::NoSymptoms {
                let note = note_of(entry).map(|n| as_cell(&n)).unwrap_or_default();
                assert_eq!(row[column("note")], note, "{}", table.file_name);
                cells_compared += 1;
            }
            // Episodes: every cell, from the record.
            if let Entry::Episode { episode } = entry {
                let d = &episode.data;
                let (started_local, started_offset) = local_and_offset(&d.started_at);
                let (ended_local, ended_offset) = d
                    .ended_at
                    .as_ref()
                    .map(local_and_offset)
                    .unwrap_or_default();
                let names = |names: Vec<String>| names.join("; ");
                let want = vec![
                    episode.id.clone(),
                    episode.night.to_string(),
                    started_local,
                    started_offset,
                    ended_local,
                    ended_offset,
                    d.ended_at
                        .map(|e| ((e.millis() - d.started_at.millis()) / 60_000).to_string())
                        .unwrap_or_default(),
                    d.peak_intensity.to_string(),
                    d.latency_minutes.map(|m| m.to_string()).unwrap_or_default(),
                    d.setting
                        .as_ref()
                        .map(|s| as_cell(&s.display_name()))
                        .unwrap_or_default(),
                    d.side.map(|s| s.display_name()).unwrap_or_default(),
                    names(d.body_areas.iter().map(|a| a.display_name()).collect()),
                    names(d.sensations.iter().map(|s| s.display_name()).collect()),
                    if d.woke_from_sleep { "yes" } else { "no" }.to_string(),
                    as_cell(d.note.as_deref().unwrap_or_default()),
                ];
                assert_eq!(row, &want, "episodes.csv");
                cells_compared += want.len();
            }
        }
    }
    // The awkward texts came back as typed (guarded where they would run as formulas).
    let all: Vec<String> = tables
        .iter()
        .flat_map(|t| parse_csv(t.content.trim_start_matches('\u{feff}')))
        .flatten()
        .collect();
    for cell in [
        // The core keeps a note's line breaks as \n (a CRLF is stored as \n).
        "He said \"stop\", then\nagain,\nand µ again",
        "bus, \"front\" row",
        "'=cold, wet towel",
        "line one\nline two, \"quoted\"",
        "'=1+1",
        "'@night, snack",
        "'+ half a tablet, \"as needed\"",
        "'-12 since June",
        "-5",
    ] {
        assert!(all.iter().any(|c| c == cell), "no cell {cell:?}");
    }
    assert!(
        cells_compared >= 150,
        "only {cells_compared} cells compared"
    );
}

/// A strict RFC 4180 reader, to prove the writer's output parses.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'));
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    rows
}

fn arb_episode() -> impl Strategy<Value = EpisodeData> {
    (
        0i64..60 * 24 * 60,
        prop::option::of(1i64..600),
        1i32..=10,
        prop::option::of(0i32..300),
        prop::sample::subsequence(BodyArea::ALL.to_vec(), 0..4),
        any::<bool>(),
        -720i32..=840,
        prop::option::of("[a-zA-Z ,\"=\n]{0,40}"),
    )
        .prop_map(
            |(start_min, dur, peak, latency, areas, woke, offset, note)| {
                let start = at("2026-08-01T00:00:00Z").millis() + start_min * 60_000;
                EpisodeData {
                    started_at: Moment::from_millis(start, offset),
                    ended_at: dur.map(|d| Moment::from_millis(start + d * 60_000, offset)),
                    peak_intensity: peak,
                    latency_minutes: latency,
                    setting: Some(Setting::InBed),
                    side: Some(Side::Alternating),
                    body_areas: areas,
                    sensations: vec![Sensation::Tingling],
                    woke_from_sleep: woke,
                    note,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_journal_round_trips_and_reimports_idempotently(
        episodes in prop::collection::vec(arb_episode(), 1..12),
        delete_every in 2usize..5,
    ) {
        let source = Journal::open_in_memory().unwrap();
        for (i, e) in episodes.into_iter().enumerate() {
            let saved = source.add_episode(e).unwrap();
            if i % delete_every == 0 {
                source.delete_entry(saved.id).unwrap();
            }
        }
        let doc = source.backup_json_at(&now()).unwrap();
        let target = Journal::open_in_memory().unwrap();
        target.import_backup_at(doc.as_bytes(), &now()).unwrap();
        prop_assert_eq!(&target.backup_json_at(&now()).unwrap(), &doc);
        let again = target.import_backup_at(doc.as_bytes(), &now()).unwrap();
        prop_assert_eq!((again.added, again.updated), (0, 0));
        prop_assert_eq!(&target.backup_json_at(&now()).unwrap(), &doc);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    /// Random bytes, and real backups with random bytes changed or cut off: either a clean
    /// import or `ImportRejected` with the journal unchanged — never a panic or another error.
    #[test]
    fn damaged_backups_are_rejected_or_imported_never_half_done(
        random in prop::collection::vec(any::<u8>(), 0..200),
        flips in prop::collection::vec((0usize..FIXTURE.len(), any::<u8>()), 1..6),
        cut in 0usize..FIXTURE.len(),
    ) {
        let (_d, journal) = fixture_journal();
        let mut flipped = FIXTURE.as_bytes().to_vec();
        for (at, byte) in flips {
            flipped[at] = byte;
        }
        for bytes in [random, flipped, FIXTURE.as_bytes()[..cut].to_vec()] {
            // Compared with the state just before each attempt: a flip that still makes a valid
            // backup (e.g. a new record id) imports, and the next attempt starts from there.
            let before = journal.backup_json_at(&now()).unwrap();
            match journal.import_backup_at(&bytes, &now()) {
                Ok(_) => {}
                Err(JournalError::ImportRejected { .. }) => {
                    prop_assert_eq!(&journal.backup_json_at(&now()).unwrap(), &before);
                }
                Err(other) => prop_assert!(false, "unexpected error {:?}", other),
            }
        }
    }
}

#[test]
fn the_plain_text_summary_reads_as_a_message() {
    let (_d, journal) = fixture_journal();
    let range = rlsjournal_core::summary::NightRange {
        first: date("2026-10-01"),
        last: date("2026-10-14"),
    };
    let text = journal.summary_text_at(Some(range), now()).unwrap();
    println!("{text}");
    assert!(text.starts_with("RLS Journal summary: 14 nights"));
    assert!(text.contains("Self-reported by the patient."));
    // Each line is labelled with its part's title from the core (issue 13).
    for label in [
        "Nights and frequency:",
        "When symptoms start:",
        "Severity:",
        "What helps:",
        "Sleep (morning diary):",
        "Iron (AASM 2024):",
        "IRLS severity rating:",
    ] {
        assert!(text.contains(label), "missing {label}");
    }
    assert!(text.contains("42"), "the ferritin value is quoted");
    // No NaN or infinity as a word ("inflammation", issue 15's CRP sentence, is a word).
    assert!(!text
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "NaN" || w == "inf"));
    assert!(
        text.contains("Augmentation watch:"),
        "a dopamine agonist is active"
    );
}
