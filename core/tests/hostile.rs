//! Hostile input: random records of every kind, valid and invalid, through the API and through
//! backup import (records with broken clocks' stamps, ids written other ways, relief attempts
//! before their episode). Each is either accepted and reads back as given, or rejected
//! (`InvalidInput`, or `ImportRejected` for a backup) with the journal unchanged. Never a panic,
//! never another error; and whatever journal results exports a backup that imports back to the
//! same journal.

mod common;

use common::*;
use std::sync::atomic::{AtomicUsize, Ordering};

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use rlsjournal_core::*;

fn base_ms() -> i64 {
    at("2026-09-01T00:00:00Z").millis()
}

fn arb_moment() -> impl Strategy<Value = Moment> {
    // From before 1970 to three days in the future, with offsets up to ±20 h (±18 h is valid).
    (
        prop_oneof![
            8 => 0i64..(80 * 24 * 60),
            1 => Just(-60i64 * 24 * 365 * 60),
            1 => (Moment::now().millis() - base_ms()) / 60_000..(Moment::now().millis() - base_ms()) / 60_000 + 3 * 24 * 60,
        ],
        -1200i32..=1200,
    )
        .prop_map(|(minutes, offset)| Moment::from_millis(base_ms() + minutes * 60_000, offset))
}

fn arb_text() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        3 => Just(None),
        3 => prop::option::of("[ a-zA-Zµ≥–\\n\"',=]{0,30}"),
        1 => (3990usize..4010).prop_map(|n| Some("ä".repeat(n))),
        1 => Just(Some("nul\0byte".to_string())),
    ]
}

fn arb_label() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("  ".to_string()),
        "[a-z ]{1,12}",
        Just("y".repeat(101))
    ]
}

fn arb_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => 0.001f64..500.0,
        1 => Just(0.0),
        1 => Just(-2.5),
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(1e12),
    ]
}

fn arb_date() -> impl Strategy<Value = LocalDate> {
    prop_oneof![
        8 => (0i64..90).prop_map(|d| date("2026-09-01") + chrono::Duration::days(d)),
        1 => Just(date("1850-01-01")),
        1 => Just(date("2030-01-01")),
    ]
}

fn arb_episode_data() -> impl Strategy<Value = EpisodeData> {
    (
        arb_moment(),
        prop::option::of(-60i64..3000),
        -2i32..=12,
        prop::option::of(-2i32..20_000),
        prop::option::of(arb_label()),
        prop::sample::subsequence(BodyArea::ALL.to_vec(), 0..5),
        prop::option::of(arb_label()),
        any::<bool>(),
        arb_text(),
    )
        .prop_map(
            |(start, dur, peak, latency, setting_label, areas, other_sensation, woke, note)| {
                EpisodeData {
                    started_at: start,
                    ended_at: dur.map(|d| {
                        Moment::from_millis(start.millis() + d * 60_000, start.offset_minutes)
                    }),
                    peak_intensity: peak,
                    latency_minutes: latency,
                    setting: setting_label.map(|label| Setting::Other { label }),
                    side: Some(Side::Left),
                    body_areas: areas,
                    sensations: other_sensation
                        .map(|label| vec![Sensation::Other { label }])
                        .unwrap_or_default(),
                    woke_from_sleep: woke,
                    note,
                }
            },
        )
}

fn arb_relief_data() -> impl Strategy<Value = ReliefData> {
    (
        -2i32..=5,
        prop::option::of(-2i32..20_000),
        arb_moment(),
        prop::option::of(arb_label()),
    )
        .prop_map(|(helped, minutes, at, label)| ReliefData {
            method: label
                .map(|label| ReliefMethod::Other { label })
                .unwrap_or(ReliefMethod::Heat),
            helped,
            minutes_to_relief: minutes,
            at,
        })
}

#[derive(Debug, Clone)]
enum Input {
    Episode(EpisodeData),
    Sleep(SleepDiaryData),
    Exposure(ExposureData),
    Treatment(TreatmentData),
    Lab(LabResultData),
    Rating(SeverityRatingData),
    Relief(ReliefData),
    Dose(Option<f64>, Moment),
    Settings(i32, i32, Option<i32>),
    Import(ImportSpec),
    DeleteLast,
    Undo,
}

/// A backup: the journal's own, plus a new episode and/or relief attempt written as a hostile
/// or unlucky file would write them.
#[derive(Debug, Clone)]
struct ImportSpec {
    episode: Option<EpisodeData>,
    relief: Option<ReliefData>,
    /// 0, 1: now; 2: a day minus an hour ahead; 3: year 9999; 4: created in 1990; 5: updated
    /// before created; 6: deleted (a tombstone).
    stamps: u8,
    /// 0: canonical; 1: upper case; 2: braces; 3: `urn:uuid:`; 4: not a UUID.
    spelling: u8,
}

/// The stamps of `ImportSpec::stamps`: created, updated, deleted (epoch ms).
fn stamps(case: u8, now_ms: i64) -> (i64, i64, Option<i64>) {
    match case {
        2 => (now_ms, now_ms + 23 * 3_600_000, None),
        3 => (now_ms, 253_402_300_799_999, None),
        4 => (631_152_000_000, now_ms, None),
        5 => (now_ms, now_ms - 60_000, None),
        6 => (now_ms - 60_000, now_ms, Some(now_ms)),
        _ => (now_ms, now_ms, None),
    }
}

fn spelled(id: &str, case: u8) -> String {
    match case {
        1 => id.to_uppercase(),
        2 => format!("{{{id}}}"),
        3 => format!("urn:uuid:{id}"),
        4 => format!("{id}-x"),
        _ => id.to_string(),
    }
}

fn rfc(ms: i64) -> String {
    Moment::from_millis(ms, 0).to_rfc3339()
}

fn arb_input() -> impl Strategy<Value = Input> {
    prop_oneof![
        arb_episode_data().prop_map(Input::Episode),
        (
            arb_date(),
            -120i64..600,
            0i64..200,
            -2i32..200,
            -2i32..40,
            -2i32..300,
            0i64..900,
            0i64..200,
            -2i32..=7
        )
            .prop_map(
                |(night, bed_min, tried_gap, sol, awakenings, waso, asleep, up_gap, quality)| {
                    let bed = Moment::from_millis(
                        at(&format!("{night}T21:00:00+01:00")).millis() + bed_min * 60_000,
                        60,
                    );
                    let tried = Moment::from_millis(bed.millis() + tried_gap * 60_000, 60);
                    let woke = Moment::from_millis(tried.millis() + asleep * 60_000, 60);
                    let up = Moment::from_millis(woke.millis() + up_gap * 60_000, 60);
                    Input::Sleep(SleepDiaryData {
                        night_of: night,
                        got_into_bed_at: bed,
                        tried_to_sleep_at: tried,
                        sleep_onset_minutes: sol,
                        awakenings,
                        wake_after_sleep_onset_minutes: waso,
                        final_awakening_at: woke,
                        out_of_bed_at: up,
                        quality,
                        note: None,
                    })
                }
            ),
        (
            arb_moment(),
            prop::option::of(arb_label()),
            prop::option::of(arb_f64()),
            prop::option::of("[a-z]{0,5}"),
            arb_text()
        )
            .prop_map(
                |(at, label, amount, unit, note)| Input::Exposure(ExposureData {
                    at,
                    kind: label
                        .map(|label| ExposureKind::Other { label })
                        .unwrap_or(ExposureKind::Alcohol),
                    amount,
                    unit,
                    note,
                })
            ),
        (
            "[a-z ]{0,10}",
            prop::option::of(arb_f64()),
            arb_date(),
            prop::option::of(arb_date())
        )
            .prop_map(|(name, dose, started_on, stopped_on)| Input::Treatment(
                TreatmentData {
                    name,
                    category: TreatmentCategory::Alpha2DeltaLigand,
                    dose,
                    dose_unit: dose.map(|_| "mg".to_string()),
                    started_on,
                    stopped_on,
                    note: None,
                    times_per_day: None,
                    dose_changes: Vec::new(),
                }
            )),
        (
            arb_date(),
            arb_f64(),
            "[a-zµ/%]{0,4}",
            prop::option::of(arb_label())
        )
            .prop_map(|(taken_on, value, unit, label)| Input::Lab(LabResultData {
                taken_on,
                analyte: label
                    .map(|label| Analyte::Other { label })
                    .unwrap_or(Analyte::Ferritin),
                value,
                unit,
                note: None,
            })),
        (arb_date(), 0i32..=45, arb_text()).prop_map(|(rated_on, irls_total, note)| Input::Rating(
            SeverityRatingData {
                rated_on,
                irls_total,
                note
            }
        )),
        arb_relief_data().prop_map(Input::Relief),
        (prop::option::of(arb_f64()), arb_moment())
            .prop_map(|(amount, at)| Input::Dose(amount, at)),
        (-2i32..=30, -2i32..=30, prop::option::of(-2i32..=30))
            .prop_map(|(c, m, e)| Input::Settings(c, m, e)),
        (
            prop::option::of(arb_episode_data()),
            prop::option::of(arb_relief_data()),
            0u8..=6,
            0u8..=4
        )
            .prop_map(
                |(episode, relief, stamps, spelling)| Input::Import(ImportSpec {
                    episode,
                    relief,
                    stamps,
                    spelling
                })
            ),
        Just(Input::DeleteLast),
        Just(Input::Undo),
    ]
}

/// Applies an input; returns the id it created (if any) and the record as returned.
fn apply(
    journal: &Journal,
    input: Input,
    episode: &str,
    treatment: &str,
) -> Result<Option<(String, Entry)>, JournalError> {
    Ok(match input {
        Input::Episode(d) => {
            let e = journal.add_episode(d)?;
            Some((e.id.clone(), Entry::Episode { episode: e }))
        }
        Input::Sleep(d) => {
            let diary = journal.add_sleep_diary(d)?;
            Some((diary.id.clone(), Entry::SleepDiary { diary }))
        }
        Input::Exposure(d) => {
            let exposure = journal.add_exposure(d)?;
            Some((exposure.id.clone(), Entry::Exposure { exposure }))
        }
        Input::Treatment(d) => {
            let treatment = journal.add_treatment(d)?;
            Some((treatment.id.clone(), Entry::Treatment { treatment }))
        }
        Input::Lab(d) => {
            let lab = journal.add_lab_result(d)?;
            Some((lab.id.clone(), Entry::LabResult { lab }))
        }
        Input::Rating(d) => {
            let rating = journal.add_severity_rating(d)?;
            Some((rating.id.clone(), Entry::SeverityRating { rating }))
        }
        Input::Relief(d) => {
            journal.add_relief_attempt(episode.to_string(), d)?;
            None
        }
        Input::Dose(amount, at) => {
            let dose = journal.add_dose(DoseData {
                treatment_id: treatment.to_string(),
                at,
                amount,
            })?;
            Some((dose.id.clone(), Entry::Dose { dose }))
        }
        Input::Settings(c, m, e) => {
            journal.update_settings(Settings {
                night_cutover_hour: c,
                morning_hour: m,
                evening_reminder_hour: e,
                paper_size: PaperSize::A4,
            })?;
            None
        }
        Input::Import(_) | Input::DeleteLast | Input::Undo => None,
    })
}

/// The backup document of `spec`: the journal's own backup plus the spec's records. Returns the
/// document, the records added (canonical id, kind, parent, stamps, data as the API would
/// store it, if valid) and whether the API's rules require a rejection.
fn import_document(
    journal: &Journal,
    spec: &ImportSpec,
    base_episode: &Episode,
) -> (Vec<u8>, Vec<serde_json::Value>, bool) {
    let now_ms = Moment::now().millis();
    let mut doc: serde_json::Value = serde_json::from_str(&journal.backup_json().unwrap()).unwrap();
    let (created, updated, deleted) = stamps(spec.stamps, now_ms);
    let mut must_reject = (spec.episode.is_some() || spec.relief.is_some())
        && (matches!(spec.stamps, 3..=5) || spec.spelling == 4);
    let mut expected = Vec::new();
    let mut push = |kind: &str,
                    id: &str,
                    parent: Option<&str>,
                    data: serde_json::Value,
                    valid: Option<serde_json::Value>| {
        let mut entry = serde_json::json!({
            "id": spelled(id, spec.spelling),
            "kind": kind,
            "created_at": rfc(created),
            "updated_at": rfc(updated),
            "data": data,
        });
        if let Some(p) = parent {
            entry["parent_id"] = spelled(p, spec.spelling).into();
        }
        if let Some(d) = deleted {
            entry["deleted_at"] = rfc(d).into();
        }
        doc["entries"].as_array_mut().unwrap().push(entry);
        let mut canonical = serde_json::json!({
            "id": id, "kind": kind, "created_at": rfc(created), "updated_at": rfc(updated),
            "data": valid,
        });
        if let Some(p) = parent {
            canonical["parent_id"] = p.into();
        }
        if let Some(d) = deleted {
            canonical["deleted_at"] = rfc(d).into();
        }
        expected.push(canonical);
    };
    let episode_id = uuid::Uuid::now_v7().to_string();
    let mut start = base_episode.data.started_at;
    if let Some(e) = &spec.episode {
        let valid = e.validated(now_ms).ok();
        must_reject |= valid.is_none();
        start = e.started_at;
        push(
            "episode",
            &episode_id,
            None,
            serde_json::to_value(e).unwrap(),
            valid.map(|v| serde_json::to_value(v).unwrap()),
        );
    }
    if let Some(r) = &spec.relief {
        let parent = if spec.episode.is_some() {
            episode_id.clone()
        } else {
            base_episode.id.clone()
        };
        let valid = r.validated(now_ms).ok();
        must_reject |= valid.is_none() || r.at.millis() < start.millis();
        let id = uuid::Uuid::now_v7().to_string();
        push(
            "relief",
            &id,
            Some(&parent),
            serde_json::to_value(r).unwrap(),
            valid.map(|v| serde_json::to_value(v).unwrap()),
        );
    }
    (serde_json::to_vec(&doc).unwrap(), expected, must_reject)
}

/// The record with `id` in a backup document.
fn record_in(doc: &serde_json::Value, id: &str) -> Option<serde_json::Value> {
    doc["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == id)
        .cloned()
}

/// A stamp as epoch ms, so `+00:00` and `Z` spellings compare equal.
fn stamp_ms(v: &serde_json::Value) -> Option<i64> {
    v.as_str()
        .map(|t| Moment::parse_rfc3339(t).unwrap().millis())
}

static ACCEPTED: AtomicUsize = AtomicUsize::new(0);
static REJECTED: AtomicUsize = AtomicUsize::new(0);

fn check_sequence(inputs: Vec<Input>) -> Result<(), TestCaseError> {
    let journal = Journal::open_in_memory().unwrap();
    let episode = journal
        .add_episode(full_episode(
            "2026-09-02T23:00:00+01:00",
            "2026-09-02T23:30:00+01:00",
            5,
        ))
        .unwrap();
    let treatment = journal.add_treatment(treatment("2026-09-01")).unwrap();
    let mut created = vec![episode.id.clone(), treatment.id.clone()];
    for input in inputs {
        let before = fingerprint(&journal);
        match &input {
            Input::Import(spec) => {
                check_import(&journal, spec, &episode, &before)?;
                continue;
            }
            Input::DeleteLast => {
                if let Some(id) = created.pop() {
                    // Deleting the base episode or treatment would starve later inputs.
                    if id != episode.id && id != treatment.id {
                        journal.delete_entry(id).unwrap();
                    }
                }
                continue;
            }
            Input::Undo => {
                match journal.undo_delete() {
                    Ok(_) | Err(JournalError::InvalidInput { .. }) => {}
                    Err(other) => prop_assert!(false, "undo failed: {:?}", other),
                }
                continue;
            }
            _ => {}
        }
        match apply(&journal, input.clone(), &episode.id, &treatment.id) {
            Ok(returned) => {
                ACCEPTED.fetch_add(1, Ordering::Relaxed);
                if let Some((id, returned)) = returned {
                    prop_assert_eq!(journal.entry(id.clone()).unwrap(), returned);
                    created.push(id);
                }
            }
            Err(JournalError::InvalidInput { field, reason }) => {
                REJECTED.fetch_add(1, Ordering::Relaxed);
                prop_assert!(!field.is_empty() && !reason.is_empty());
                prop_assert_eq!(
                    &fingerprint(&journal),
                    &before,
                    "changed after rejecting {:?}",
                    input
                );
            }
            Err(other) => prop_assert!(false, "unexpected error {:?} for {:?}", other, input),
        }
    }
    // Whatever journal the API and imports made exports a backup that imports back to the
    // same journal.
    let t = Moment::parse_rfc3339("2026-11-20T09:00:00Z").unwrap();
    let copy = Journal::open_in_memory().unwrap();
    let imported = copy.import_backup(journal.backup_json().unwrap().into_bytes());
    prop_assert!(
        imported.is_ok(),
        "the journal's own backup was refused: {:?}",
        imported
    );
    prop_assert_eq!(
        copy.backup_json_at(&t).unwrap(),
        journal.backup_json_at(&t).unwrap()
    );
    prop_assert_eq!(fingerprint(&copy), fingerprint(&journal));
    Ok(())
}

static IMPORTED: AtomicUsize = AtomicUsize::new(0);
static IMPORT_REJECTED: AtomicUsize = AtomicUsize::new(0);

/// Imports a hostile backup: either it is refused as the API's rules say it must be (journal
/// unchanged, a short sentence), or the journal then holds exactly the backup's records.
fn check_import(
    journal: &Journal,
    spec: &ImportSpec,
    base_episode: &Episode,
    before: &str,
) -> Result<(), TestCaseError> {
    let (bytes, expected, must_reject) = import_document(journal, spec, base_episode);
    match journal.import_backup(bytes) {
        Ok(_) => {
            IMPORTED.fetch_add(1, Ordering::Relaxed);
            prop_assert!(
                !must_reject,
                "accepted a backup the API rules refuse: {:?}",
                spec
            );
            let doc: serde_json::Value =
                serde_json::from_str(&journal.backup_json().unwrap()).unwrap();
            for want in &expected {
                let id = want["id"].as_str().unwrap();
                let got = record_in(&doc, id);
                prop_assert!(got.is_some(), "record {} missing after import", id);
                let got = got.unwrap();
                prop_assert_eq!(&got["kind"], &want["kind"]);
                prop_assert_eq!(&got["parent_id"], &want["parent_id"]);
                prop_assert_eq!(&got["data"], &want["data"]);
                for stamp in ["created_at", "updated_at", "deleted_at"] {
                    prop_assert_eq!(stamp_ms(&got[stamp]), stamp_ms(&want[stamp]), "{}", stamp);
                }
            }
        }
        Err(JournalError::ImportRejected { reason }) => {
            IMPORT_REJECTED.fetch_add(1, Ordering::Relaxed);
            prop_assert!(!reason.is_empty() && reason.len() < 400, "{}", reason);
            prop_assert!(
                !reason.contains("struct") && !reason.contains("expected u"),
                "{}",
                reason
            );
            prop_assert_eq!(
                &fingerprint(journal),
                before,
                "changed after rejecting {:?}",
                spec
            );
        }
        Err(other) => prop_assert!(false, "unexpected error {:?} for {:?}", other, spec),
    }
    Ok(())
}

#[test]
fn every_input_is_accepted_and_reads_back_or_rejected_without_change() {
    let config = ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    let mut runner = proptest::test_runner::TestRunner::new(config);
    let result = runner.run(&prop::collection::vec(arb_input(), 1..25), check_sequence);
    if let Err(e) = result {
        panic!("{e}");
    }
    let (accepted, rejected) = (
        ACCEPTED.load(Ordering::Relaxed),
        REJECTED.load(Ordering::Relaxed),
    );
    let (imported, import_rejected) = (
        IMPORTED.load(Ordering::Relaxed),
        IMPORT_REJECTED.load(Ordering::Relaxed),
    );
    eprintln!("hostile input: {accepted} accepted and read back, {rejected} rejected with the journal unchanged; backups: {imported} imported and checked, {import_rejected} refused");
    assert!(
        accepted > 50 && rejected > 50,
        "the generator must produce both kinds"
    );
    assert!(
        imported > 5 && import_rejected > 5,
        "the backup generator must produce both kinds"
    );
}
