//! Fixtures shared by the core's integration tests: journals on real files, moments, records.
#![allow(dead_code)]

use std::sync::Arc;

use rlsjournal_core::*;

pub mod pdf_tools;
pub mod skip;
pub mod typed_input;

/// A journal on a real file in a fresh temp dir (kept alive by the returned guard).
pub fn file_journal() -> (tempfile::TempDir, std::path::PathBuf, Arc<Journal>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("journal.db");
    let journal = Journal::open(path.to_string_lossy().into_owned()).expect("open journal");
    (dir, path, journal)
}

/// Parses an RFC 3339 time with offset.
pub fn at(text: &str) -> Moment {
    Moment::parse_rfc3339(text).expect("valid test time")
}

/// Parses a date.
pub fn date(text: &str) -> LocalDate {
    rlsjournal_core::time::parse_iso_date(text).expect("valid test date")
}

/// The date `days` after `day` (before it when negative), as `YYYY-MM-DD`.
pub fn plus_days(day: &str, days: i64) -> String {
    (date(day) + chrono::Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

/// "Now" for reports of [`demo_journal`]: the morning after its last night.
pub const DEMO_NOW: &str = "2025-10-28T08:00:00+01:00";

/// The demo journal on a real file: 56 nights to 27 October 2025 (seed 1, clocks at +01:00),
/// the realistic case the report must lay out.
pub fn demo_journal() -> (tempfile::TempDir, std::path::PathBuf, Arc<Journal>) {
    let (dir, path, journal) = file_journal();
    rlsjournal_demo::fill_demo(
        &journal,
        &rlsjournal_demo::DemoOptions {
            nights: 56,
            seed: 1,
            end_night: date("2025-10-27"),
            offset_minutes: 60,
        },
    )
    .expect("demo journal");
    (dir, path, journal)
}

/// An episode with every field set.
pub fn full_episode(start: &str, end: &str, peak: i32) -> EpisodeData {
    EpisodeData {
        started_at: at(start),
        ended_at: Some(at(end)),
        peak_intensity: peak,
        latency_minutes: Some(20),
        setting: Some(Setting::Other {
            label: "cinema".into(),
        }),
        side: Some(Side::Both),
        body_areas: vec![BodyArea::Thighs, BodyArea::Calves, BodyArea::Calves],
        sensations: vec![
            Sensation::Crawling,
            Sensation::Other {
                label: "fizzing".into(),
            },
        ],
        woke_from_sleep: true,
        note: Some("  after a long drive  ".into()),
    }
}

/// A plausible sleep diary for the night of `night` (times in +01:00).
pub fn diary(night: &str) -> SleepDiaryData {
    let next = date(night) + chrono::Duration::days(1);
    SleepDiaryData {
        night_of: date(night),
        got_into_bed_at: at(&format!("{night}T22:30:00+01:00")),
        tried_to_sleep_at: at(&format!("{night}T22:45:00+01:00")),
        sleep_onset_minutes: 30,
        awakenings: 2,
        wake_after_sleep_onset_minutes: 45,
        final_awakening_at: at(&format!("{next}T06:45:00+01:00")),
        out_of_bed_at: at(&format!("{next}T07:00:00+01:00")),
        quality: 3,
        note: None,
    }
}

/// An exposure of `kind` at `time`.
pub fn exposure(time: &str, kind: ExposureKind) -> ExposureData {
    ExposureData {
        at: at(time),
        kind,
        amount: Some(2.0),
        unit: Some("cups".into()),
        note: None,
    }
}

/// A dopamine agonist started on `started`.
pub fn treatment(started: &str) -> TreatmentData {
    TreatmentData {
        name: "pramipexole".into(),
        category: TreatmentCategory::DopamineAgonist,
        dose: Some(0.125),
        dose_unit: Some("mg".into()),
        started_on: date(started),
        stopped_on: None,
        note: None,
        times_per_day: None,
        dose_changes: Vec::new(),
    }
}

/// A ferritin result.
pub fn ferritin(taken: &str, value: f64) -> LabResultData {
    LabResultData {
        taken_on: date(taken),
        analyte: Analyte::Ferritin,
        value,
        unit: "µg/L".into(),
        note: None,
    }
}

/// An IRLS rating.
pub fn rating(rated: &str, total: i32) -> SeverityRatingData {
    SeverityRatingData {
        rated_on: date(rated),
        irls_total: total,
        note: None,
    }
}

/// Every history item, paging with `limit`, newest first.
pub fn all_history(journal: &Journal, kinds: Vec<EntryKind>, limit: i32) -> Vec<HistoryItem> {
    let mut items = Vec::new();
    let mut cursor = None;
    loop {
        let page = journal
            .history(HistoryQuery {
                kinds: kinds.clone(),
                cursor,
                limit,
            })
            .expect("history page");
        items.extend(page.items);
        match page.next_cursor {
            Some(c) => cursor = Some(c),
            None => return items,
        }
    }
}

/// A fingerprint of everything live in the journal (history of every kind, plus settings).
pub fn fingerprint(journal: &Journal) -> String {
    format!(
        "{:?}\n{:?}",
        all_history(journal, vec![], 200),
        journal.settings().expect("settings")
    )
}

/// The names of the files in `folder`, sorted.
pub fn names(folder: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
