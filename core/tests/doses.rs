//! The dose timeline (issue 15 item 4): dose steps on a regimen, validated; older backups and
//! databases without them; the CSV cell; and the summary's timeline with hand-computed daily
//! totals, on real journal files.

mod common;

use common::*;
use rlsjournal_core::export::pdf::ReportOptions;
use rlsjournal_core::summary::{DailyDoseSource, NightRange};
use rlsjournal_core::*;

fn change(from: &str, dose: f64, times: Option<i32>) -> DoseChange {
    DoseChange {
        from: date(from),
        dose,
        times_per_day: times,
    }
}

fn field_of(result: Result<Treatment, JournalError>) -> String {
    match result {
        Err(JournalError::InvalidInput { field, .. }) => field,
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

fn summary_of(journal: &Journal, first: &str, last: &str) -> summary::Summary {
    journal
        .summary_at(
            Some(NightRange {
                first: date(first),
                last: date(last),
            }),
            at("2026-11-20T09:00:00+01:00"),
        )
        .unwrap()
}

#[test]
fn dose_steps_are_checked_against_the_regimen() {
    let (_d, _p, journal) = file_journal();
    let with = |changes: Vec<DoseChange>| TreatmentData {
        stopped_on: Some(date("2026-04-30")),
        dose_changes: changes,
        ..treatment("2026-03-01")
    };
    let cases: Vec<(TreatmentData, &str)> = vec![
        // On the start day: the starting dose is `dose`.
        (
            with(vec![change("2026-03-01", 0.25, None)]),
            "dose_changes[0].from",
        ),
        (
            with(vec![change("2026-02-20", 0.25, None)]),
            "dose_changes[0].from",
        ),
        (
            with(vec![change("2026-05-01", 0.25, None)]),
            "dose_changes[0].from",
        ),
        // Strictly ascending: the same day twice, then out of order.
        (
            with(vec![
                change("2026-03-08", 0.25, None),
                change("2026-03-08", 0.5, None),
            ]),
            "dose_changes[1].from",
        ),
        (
            with(vec![
                change("2026-03-20", 0.25, None),
                change("2026-03-10", 0.5, None),
            ]),
            "dose_changes[1].from",
        ),
        (
            with(vec![change("2026-03-08", 0.0, None)]),
            "dose_changes[0].dose",
        ),
        (
            with(vec![change("2026-03-08", -0.25, None)]),
            "dose_changes[0].dose",
        ),
        (
            with(vec![change("2026-03-08", f64::NAN, None)]),
            "dose_changes[0].dose",
        ),
        (
            with(vec![change("2026-03-08", f64::INFINITY, None)]),
            "dose_changes[0].dose",
        ),
        (
            with(vec![change("2026-03-08", 0.25, Some(0))]),
            "dose_changes[0].times_per_day",
        ),
        (
            with(vec![change("2026-03-08", 0.25, Some(25))]),
            "dose_changes[0].times_per_day",
        ),
        (
            TreatmentData {
                times_per_day: Some(0),
                ..treatment("2026-03-01")
            },
            "times_per_day",
        ),
        // A step needs a starting dose, and so do the intakes a day.
        (
            TreatmentData {
                dose: None,
                dose_unit: None,
                ..with(vec![change("2026-03-08", 0.25, None)])
            },
            "dose_changes",
        ),
        (
            TreatmentData {
                dose: None,
                dose_unit: None,
                times_per_day: Some(2),
                ..treatment("2026-03-01")
            },
            "times_per_day",
        ),
        (
            with(
                (0..501)
                    .map(|i| change(&plus_days("2026-03-02", i), 0.25, None))
                    .collect(),
            ),
            "dose_changes",
        ),
    ];
    for (data, field) in cases {
        assert_eq!(
            field_of(journal.add_treatment(data.clone())),
            field,
            "{data:?}"
        );
    }
    assert!(all_history(&journal, vec![EntryKind::Treatment], 10).is_empty());

    // Accepted on the last day of the regimen; stored and read back as given; an edit adds a
    // step (the edit call takes the whole regimen).
    let ok = with(vec![
        change("2026-03-08", 0.25, Some(2)),
        change("2026-04-30", 0.5, None),
    ]);
    let stored = journal.add_treatment(ok.clone()).unwrap();
    assert_eq!(stored.data, ok);
    let mut more = ok.clone();
    more.dose_changes
        .insert(1, change("2026-04-01", 0.375, Some(1)));
    let edited = journal
        .edit_treatment(stored.id.clone(), more.clone())
        .unwrap();
    assert_eq!(edited.data.dose_changes, more.dose_changes);
    match journal.entry(stored.id).unwrap() {
        Entry::Treatment { treatment } => assert_eq!(treatment.data, more),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_dose_in_effect_follows_the_steps() {
    let data = TreatmentData {
        times_per_day: Some(1),
        stopped_on: Some(date("2026-04-30")),
        dose_changes: vec![
            change("2026-03-08", 0.25, Some(2)),
            change("2026-04-01", 0.5, None),
        ],
        ..treatment("2026-03-01")
    };
    let on = |d: &str| data.dose_on(date(d)).map(|e| (e.dose, e.times_per_day));
    assert_eq!(on("2026-02-28"), None, "before the start");
    assert_eq!(on("2026-03-01"), Some((0.125, Some(1))));
    assert_eq!(on("2026-03-07"), Some((0.125, Some(1))));
    assert_eq!(on("2026-03-08"), Some((0.25, Some(2))));
    assert_eq!(on("2026-04-01"), Some((0.5, None)));
    assert_eq!(on("2026-04-30"), Some((0.5, None)));
    assert_eq!(on("2026-05-01"), None, "after the stop");
    // 0.25 × 2 = 0.5 a day; without intakes a day, no total.
    assert_eq!(
        data.dose_on(date("2026-03-08")).unwrap().daily_total(),
        Some(0.5)
    );
    assert_eq!(
        data.dose_on(date("2026-04-01")).unwrap().daily_total(),
        None
    );
}

#[test]
fn backups_and_databases_without_dose_steps_read_unchanged() {
    // The committed version 1 backup predates the fields: it imports, and its regimens have
    // neither intakes a day nor steps.
    let (_d, _p, journal) = file_journal();
    journal
        .import_backup_at(
            include_str!("fixtures/journal-v1-backup.json").as_bytes(),
            &at("2026-11-20T09:00:00+01:00"),
        )
        .unwrap();
    let treatments = all_history(&journal, vec![EntryKind::Treatment], 10);
    assert_eq!(treatments.len(), 2);
    for item in &treatments {
        let Entry::Treatment { treatment } = &item.entry else {
            panic!("{:?}", item.entry)
        };
        assert_eq!(treatment.data.times_per_day, None);
        assert!(treatment.data.dose_changes.is_empty());
    }

    // A regimen with steps goes through a backup and back unchanged.
    let data = TreatmentData {
        times_per_day: Some(1),
        dose_changes: vec![change("2026-10-20", 0.25, Some(2))],
        ..treatment("2026-10-10")
    };
    let id = journal.add_treatment(data.clone()).unwrap().id;
    let backup = journal
        .backup_json_at(&at("2026-11-20T09:00:00+01:00"))
        .unwrap();
    let (_d2, _p2, copy) = file_journal();
    copy.import_backup_at(backup.as_bytes(), &at("2026-11-20T09:00:00+01:00"))
        .unwrap();
    match copy.entry(id).unwrap() {
        Entry::Treatment { treatment } => assert_eq!(treatment.data, data),
        other => panic!("{other:?}"),
    }

    // A database written before the fields (the version 2 fixture) reads its regimens too.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/journal-v2.db"),
        &path,
    )
    .unwrap();
    let old = Journal::open(path.to_string_lossy().into_owned()).unwrap();
    let treatments = all_history(&old, vec![EntryKind::Treatment], 10);
    assert!(!treatments.is_empty());
    assert!(treatments.iter().all(|i| matches!(
        &i.entry,
        Entry::Treatment { treatment } if treatment.data.dose_changes.is_empty()
    )));
}

#[test]
fn the_csv_carries_the_intakes_a_day_and_the_steps() {
    let (_d, _p, journal) = file_journal();
    journal
        .add_treatment(TreatmentData {
            times_per_day: Some(1),
            dose_changes: vec![
                change("2026-03-08", 0.25, Some(2)),
                change("2026-04-01", 0.5, None),
            ],
            ..treatment("2026-03-01")
        })
        .unwrap();
    journal.add_treatment(treatment("2026-05-01")).unwrap();
    let tables = journal.csv_tables(false).unwrap();
    let table = tables
        .iter()
        .find(|t| t.file_name == "treatments.csv")
        .unwrap();
    let lines: Vec<&str> = table
        .content
        .trim_start_matches('\u{feff}')
        .lines()
        .collect();
    assert!(
        lines[0].ends_with(",note,times_per_day,dose_changes"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].ends_with(",1,2026-03-08=0.25x2; 2026-04-01=0.5"),
        "{}",
        lines[1]
    );
    assert!(lines[2].ends_with(",,"), "{}", lines[2]);
}

/// Pramipexole 0.125 mg from 1 Mar 2026 (intakes a day not recorded), 0.25 mg × 2 a day from
/// 8 Mar; pregabalin 75 mg once a day from 1 Mar; a routine without a dose.
fn dosed_journal() -> (tempfile::TempDir, std::sync::Arc<Journal>, String) {
    let (d, _p, journal) = file_journal();
    let agonist = journal
        .add_treatment(TreatmentData {
            dose_changes: vec![change("2026-03-08", 0.25, Some(2))],
            ..treatment("2026-03-01")
        })
        .unwrap()
        .id;
    journal
        .add_treatment(TreatmentData {
            name: "pregabalin".into(),
            category: TreatmentCategory::Alpha2DeltaLigand,
            dose: Some(75.0),
            times_per_day: Some(1),
            ..treatment("2026-03-01")
        })
        .unwrap();
    journal
        .add_treatment(TreatmentData {
            name: "stretching".into(),
            category: TreatmentCategory::Routine,
            dose: None,
            dose_unit: None,
            ..treatment("2026-03-01")
        })
        .unwrap();
    let dose = |time: &str, amount: Option<f64>| {
        journal
            .add_dose(DoseData {
                treatment_id: agonist.clone(),
                at: at(time),
                amount,
            })
            .unwrap();
    };
    // Night of 1 Mar: two doses without an amount (0.125 each in effect).
    dose("2026-03-01T19:00:00+01:00", None);
    dose("2026-03-01T22:00:00+01:00", None);
    // Night of 2 Mar: one dose of 0.25 as logged.
    dose("2026-03-02T20:00:00+01:00", Some(0.25));
    // Night of 9 Mar: a logged 1.0, but the schedule (0.25 × 2) is known: it wins.
    dose("2026-03-09T20:00:00+01:00", Some(1.0));
    (d, journal, agonist)
}

#[test]
fn the_summary_gives_each_regimens_dose_timeline() {
    let (_d, journal, agonist) = dosed_journal();
    let s = summary_of(&journal, "2026-03-01", "2026-03-14");
    // The routine has no dose: no timeline.
    let names: Vec<&str> = s.dose_timelines.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, vec!["pramipexole", "pregabalin"]);

    let t = &s.dose_timelines[0];
    assert_eq!(t.treatment_id, agonist);
    assert!(t.dopaminergic);
    assert_eq!(t.current_dose, Some(0.25));
    assert_eq!(t.current_times_per_day, Some(2));
    assert_eq!(t.current_daily_total, Some(0.5));
    let steps: Vec<(LocalDate, f64, Option<f64>)> = t
        .steps
        .iter()
        .map(|s| (s.from, s.dose, s.daily_total))
        .collect();
    assert_eq!(
        steps,
        vec![
            (date("2026-03-01"), 0.125, None),
            (date("2026-03-08"), 0.25, Some(0.5))
        ]
    );
    // Nights 1 Mar: 0.125 + 0.125 = 0.25 logged; 2 Mar: 0.25 logged; 3–7 Mar: nothing logged
    // and no intakes a day, unknown; 8–14 Mar: 0.25 × 2 = 0.5 from the schedule (9 Mar's logged
    // 1.0 does not count). Known on 2 + 7 = 9 of 14 nights.
    let daily: Vec<(LocalDate, f64, DailyDoseSource)> = t
        .daily
        .iter()
        .map(|d| (d.night, d.total, d.source))
        .collect();
    let mut expected = vec![
        (date("2026-03-01"), 0.25, DailyDoseSource::Logged),
        (date("2026-03-02"), 0.25, DailyDoseSource::Logged),
    ];
    for day in 8..=14 {
        expected.push((
            date(&format!("2026-03-{day:02}")),
            0.5,
            DailyDoseSource::Schedule,
        ));
    }
    assert_eq!(daily, expected);
    assert_eq!(
        t.text,
        "pramipexole: 0.125 mg from Sun 1 Mar 2026; 0.25 mg × 2 a day from Sun 8 Mar 2026 \
         (0.5 mg a day). Now 0.25 mg × 2 a day (0.5 mg a day). Total daily dose known on 9 of \
         14 nights, 0.25–0.5 mg."
    );

    assert_eq!(
        t.short_text,
        "pramipexole doses: 0.125 mg (1 Mar 2026) → 0.25 mg (8 Mar 2026); 0.25–0.5 mg a day on 9 \
         of 14 nights."
    );

    // Not dopaminergic: no daily totals, one step, no "now" repeated.
    let p = &s.dose_timelines[1];
    assert!(!p.dopaminergic);
    assert!(p.daily.is_empty());
    assert_eq!(p.current_daily_total, Some(75.0));
    assert_eq!(p.text, "pregabalin: 75 mg once a day from Sun 1 Mar 2026.");
    assert_eq!(p.short_text, "pregabalin doses: 75 mg (1 Mar 2026).");

    // A range before the step: the starting dose is current, nothing logged on 3–7 Mar.
    let early = summary_of(&journal, "2026-03-03", "2026-03-07");
    let t = &early.dose_timelines[0];
    assert_eq!(t.current_dose, Some(0.125));
    assert_eq!(t.current_times_per_day, None);
    assert!(t.daily.is_empty());
    assert!(
        t.text
            .ends_with("Now 0.125 mg. Total daily dose not known in this range (no intakes a day recorded, no doses logged)."),
        "{}",
        t.text
    );
    assert!(s.definitions.iter().any(|d| d.term == "Dose timeline"));

    // The plain-text export lists the same line under the treatments part.
    let text = journal
        .summary_text_at(
            Some(NightRange {
                first: date("2026-03-01"),
                last: date("2026-03-14"),
            }),
            at("2026-11-20T09:00:00+01:00"),
        )
        .unwrap();
    assert!(
        text.contains("\n  - pramipexole: 0.125 mg from Sun 1 Mar 2026; 0.25 mg × 2 a day"),
        "{text}"
    );
}

#[test]
fn a_stopped_regimen_shows_its_last_dose_and_no_totals_after_the_stop() {
    let (_d, journal, agonist) = dosed_journal();
    let mut data = match journal.entry(agonist.clone()).unwrap() {
        Entry::Treatment { treatment } => treatment.data,
        other => panic!("{other:?}"),
    };
    data.stopped_on = Some(date("2026-03-10"));
    journal.edit_treatment(agonist.clone(), data).unwrap();
    let s = summary_of(&journal, "2026-03-01", "2026-03-14");
    let t = &s.dose_timelines[0];
    assert_eq!(t.as_of, date("2026-03-10"));
    // 8–10 Mar from the schedule, none after the stop: 2 + 3 = 5 nights.
    assert_eq!(t.daily.len(), 5);
    assert!(
        t.text
            .contains("Last 0.25 mg × 2 a day (0.5 mg a day), stopped Tue 10 Mar 2026."),
        "{}",
        t.text
    );
}

#[test]
fn the_report_marks_dose_changes_on_the_calendar_and_lists_the_steps() {
    let (_d, journal, _agonist) = dosed_journal();
    let content = journal
        .report_content_at(
            &ReportOptions {
                range: Some(NightRange {
                    first: date("2026-03-01"),
                    last: date("2026-03-14"),
                }),
                paper_size: Some(PaperSize::A4),
                ..ReportOptions::default()
            },
            at("2026-11-20T09:00:00+01:00"),
        )
        .unwrap();
    // The calendar: only the night of the step (8 Mar) carries the mark, not the start.
    let marked: Vec<LocalDate> = content
        .nights
        .iter()
        .filter(|n| n.dose_change)
        .map(|n| n.night)
        .collect();
    assert_eq!(marked, vec![date("2026-03-08")]);
    // The table shows the dose in effect after the change; its first footnote the steps.
    let row = content
        .treatments
        .rows
        .iter()
        .find(|r| r.cells[0] == "Pramipexole")
        .unwrap();
    assert_eq!(row.cells[1], "0.25 mg");
    assert_eq!(
        content.treatments.footnotes[0],
        "Pramipexole doses: 0.125 mg (1 Mar 2026) → 0.25 mg (8 Mar 2026); 0.25–0.5 mg a day on 9 \
         of 14 nights."
    );
    // Pregabalin's dose never changed and it is not dopaminergic: no line.
    assert!(!content
        .treatments
        .footnotes
        .iter()
        .any(|f| f.starts_with("Pregabalin")));
}

#[test]
fn the_reports_line_names_the_last_three_steps() {
    let (_d, _p, journal) = file_journal();
    journal
        .add_treatment(TreatmentData {
            times_per_day: Some(1),
            dose_changes: vec![
                change("2026-03-05", 0.25, Some(1)),
                change("2026-03-09", 0.375, Some(1)),
                change("2026-03-12", 0.5, Some(1)),
            ],
            ..treatment("2026-03-01")
        })
        .unwrap();
    let s = summary_of(&journal, "2026-03-01", "2026-03-14");
    // Nights 1–4 at 0.125, 5–8 at 0.25, 9–11 at 0.375, 12–14 at 0.5: all 14 known.
    assert_eq!(
        s.dose_timelines[0].short_text,
        "pramipexole doses: … → 0.25 mg (5 Mar 2026) → 0.375 mg (9 Mar 2026) → 0.5 mg (12 Mar \
         2026); 0.125–0.5 mg a day on 14 of 14 nights."
    );
}

#[test]
fn a_damaged_dose_amount_leaves_that_nights_total_unknown() {
    let (d, journal, agonist) = dosed_journal();
    // Night of 2 Mar: a second dose whose stored amount becomes text behind the journal's back.
    let bad = journal
        .add_dose(DoseData {
            treatment_id: agonist,
            at: at("2026-03-02T21:00:00+01:00"),
            amount: Some(0.125),
        })
        .unwrap();
    let conn = rusqlite::Connection::open(d.path().join("journal.db")).unwrap();
    let changed = conn
        .execute(
            "UPDATE entries SET data = json_set(data, '$.amount', 'lots') WHERE id = ?1",
            [&bad.id],
        )
        .unwrap();
    assert_eq!(changed, 1);
    let s = summary_of(&journal, "2026-03-01", "2026-03-14");
    let nights: Vec<LocalDate> = s.dose_timelines[0].daily.iter().map(|d| d.night).collect();
    // 1 Mar and 8–14 Mar still known; 2 Mar (0.25 + unreadable) is not: 8 of 14.
    assert!(!nights.contains(&date("2026-03-02")));
    assert_eq!(nights.len(), 8);
}
