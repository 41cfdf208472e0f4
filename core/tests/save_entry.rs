//! Issue 16: one generic save call (`save_entry`) adds or replaces an entry of any kind, with
//! the same checks as the per-kind calls, so the apps do not dispatch add/edit by hand.

mod common;

use common::*;
use rlsjournal_core::*;

/// One filled-in form of every kind (the dose needs its treatment's id).
fn forms(treatment_id: &str) -> Vec<EntryData> {
    vec![
        EntryData::Episode {
            data: full_episode("2026-11-20T22:00:00+01:00", "2026-11-20T23:00:00+01:00", 6),
        },
        EntryData::SleepDiary {
            data: diary("2026-11-20"),
        },
        EntryData::Exposure {
            data: exposure("2026-11-20T20:00:00+01:00", ExposureKind::Caffeine),
        },
        EntryData::Treatment {
            data: treatment("2026-11-01"),
        },
        EntryData::Dose {
            data: DoseData {
                treatment_id: treatment_id.to_string(),
                at: at("2026-11-20T21:00:00+01:00"),
                amount: None,
            },
        },
        EntryData::LabResult {
            data: ferritin("2026-11-10", 40.0),
        },
        EntryData::SeverityRating {
            data: rating("2026-11-15", 18),
        },
        EntryData::NoSymptoms {
            data: NoSymptomsData {
                night_of: date("2026-11-18"),
                answered_at: at("2026-11-19T07:30:00+01:00"),
            },
        },
    ]
}

#[test]
fn save_adds_then_replaces_every_kind() {
    let (_dir, _path, j) = file_journal();
    let regimen = j.add_treatment(treatment("2026-10-01")).unwrap();
    for form in forms(&regimen.id) {
        let kind = form.kind();
        let added = j.save_entry(None, form.clone()).unwrap();
        assert_eq!(added.kind(), kind);
        assert_eq!(
            j.entry(added.id().to_string()).unwrap(),
            added,
            "{kind:?} stored as returned"
        );
        // Saving again with its id replaces it: still one entry of that kind, same id.
        let saved = j.save_entry(Some(added.id().to_string()), form).unwrap();
        assert_eq!(saved.id(), added.id(), "{kind:?}");
        let of_kind = all_history(&j, vec![kind], 200);
        let expected = if kind == EntryKind::Treatment { 2 } else { 1 };
        assert_eq!(
            of_kind.len(),
            expected,
            "{kind:?}: replaced, not added twice"
        );
    }
    // The replacement is what was sent: an edited rating total.
    let rating_id = all_history(&j, vec![EntryKind::SeverityRating], 10)[0]
        .id
        .clone();
    let edited = j
        .save_entry(
            Some(rating_id.clone()),
            EntryData::SeverityRating {
                data: rating("2026-11-15", 31),
            },
        )
        .unwrap();
    match edited {
        Entry::SeverityRating { rating } => assert_eq!(rating.data.irls_total, 31),
        other => panic!("expected the rating, got {other:?}"),
    }
}

#[test]
fn save_refuses_what_the_per_kind_calls_refuse_and_writes_nothing() {
    let (_dir, _path, j) = file_journal();
    let episode = j
        .add_episode(full_episode(
            "2026-11-20T22:00:00+01:00",
            "2026-11-20T23:00:00+01:00",
            5,
        ))
        .unwrap();
    let before = fingerprint(&j);
    let bad = EntryData::Episode {
        data: full_episode(
            "2026-11-21T22:00:00+01:00",
            "2026-11-21T23:00:00+01:00",
            263,
        ),
    };
    match j.save_entry(None, bad) {
        Err(JournalError::InvalidInput { field, .. }) => assert_eq!(field, "peak_intensity"),
        other => panic!("expected InvalidInput, got {other:?}"),
    }
    // An id of another kind is not an exposure: NotFound, and the episode is untouched.
    let wrong_kind = j.save_entry(
        Some(episode.id.clone()),
        EntryData::Exposure {
            data: exposure("2026-11-20T20:00:00+01:00", ExposureKind::Alcohol),
        },
    );
    assert!(
        matches!(wrong_kind, Err(JournalError::NotFound { .. })),
        "{wrong_kind:?}"
    );
    assert_eq!(fingerprint(&j), before);
}
