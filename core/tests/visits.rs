//! Issue 21 on real SQLite files: clinician visits with the person's question, the weekly
//! drug-safety check-in while on a dopamine agonist or levodopa, "since the last visit" as the
//! report's default range (with the exact ranges compared), backups, CSV and the report's text.

#[path = "support/summary_fixtures.rs"]
mod fixtures;

#[path = "common/pdf_tools.rs"]
mod pdf_tools;
#[path = "common/skip.rs"]
mod skip;

use fixtures::*;
use rlsjournal_core::export::pdf::ReportOptions;
use rlsjournal_core::summary::*;
use rlsjournal_core::*;

fn visit(on: &str, who: Option<&str>, question: Option<&str>) -> VisitData {
    VisitData {
        visit_on: date(on),
        clinician: who.map(String::from),
        question: question.map(String::from),
        note: None,
    }
}

fn check(on: &str, yes: &[SafetyItem]) -> SafetyCheckData {
    SafetyCheckData {
        checked_on: date(on),
        answered_yes: yes.to_vec(),
        note: None,
    }
}

fn field_of(err: JournalError) -> String {
    match err {
        JournalError::InvalidInput { field, .. } => field,
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

fn history_of(journal: &Journal, kind: EntryKind) -> Vec<HistoryItem> {
    journal
        .history(HistoryQuery {
            kinds: vec![kind],
            cursor: None,
            limit: 50,
        })
        .expect("history")
        .items
}

#[test]
fn a_visit_is_added_edited_described_and_deleted() {
    let (_d, j) = file_journal();
    let v = j
        .add_visit(visit(
            "2025-10-11",
            Some("  Dr Rossi  "),
            Some("Could the evening dose move earlier?"),
        ))
        .expect("add visit");
    assert_eq!(v.data.clinician.as_deref(), Some("Dr Rossi"), "trimmed");
    let items = history_of(&j, EntryKind::Visit);
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].title, "Visit with Dr Rossi");
    assert!(items[0]
        .detail
        .contains("question: Could the evening dose move earlier?"));
    let edited = j
        .edit_visit(v.id.clone(), visit("2025-10-12", None, Some("  ")))
        .expect("edit");
    assert_eq!(
        edited.data.question, None,
        "a blank question is no question"
    );
    match j.entry(v.id.clone()).expect("entry") {
        Entry::Visit { visit } => assert_eq!(visit.data.visit_on, date("2025-10-12")),
        other => panic!("not a visit: {other:?}"),
    }
    assert_eq!(
        j.night(date("2025-10-12")).expect("night").visits.len(),
        1,
        "the night view lists it"
    );
    // save_entry dispatches the kind like the per-kind calls.
    let saved = j
        .save_entry(
            None,
            EntryData::Visit {
                data: visit("2025-12-01", Some("Sleep clinic"), None),
            },
        )
        .expect("save");
    assert_eq!(saved.kind(), EntryKind::Visit);
    j.delete_entry(v.id.clone()).expect("delete");
    assert_eq!(history_of(&j, EntryKind::Visit).len(), 1);
    assert!(matches!(j.entry(v.id), Err(JournalError::NotFound { .. })));
}

#[test]
fn bad_visits_are_refused_with_the_field_and_a_sentence() {
    let (_d, j) = file_journal();
    let far = (chrono::Local::now().date_naive() + chrono::Duration::days(400)).to_string();
    let err = j
        .add_visit(visit(&far, None, None))
        .expect_err("too far ahead");
    assert_eq!(
        error_message(err.clone()),
        "The visit date is more than 366 days ahead."
    );
    assert_eq!(field_of(err), "visit_on");
    let long = "why? ".repeat(70);
    assert_eq!(
        field_of(
            j.add_visit(visit("2025-10-11", None, Some(&long)))
                .expect_err("long")
        ),
        "question"
    );
    assert_eq!(
        field_of(
            j.add_visit(visit("2025-10-11", None, Some("two\nlines")))
                .expect_err("line break")
        ),
        "question"
    );
    assert_eq!(
        field_of(
            j.add_visit(visit("2025-10-11", Some(&"x".repeat(121)), None))
                .expect_err("long name")
        ),
        "clinician"
    );
    assert_eq!(
        field_of(
            j.add_visit(visit("1899-12-31", None, None))
                .expect_err("old")
        ),
        "visit_on"
    );
    // A planned visit may be months ahead; a check-in may not be in the future.
    let soon = (chrono::Local::now().date_naive() + chrono::Duration::days(60)).to_string();
    j.add_visit(visit(&soon, None, Some("Iron again?")))
        .expect("a planned visit");
    assert_eq!(
        field_of(j.add_safety_check(check(&soon, &[])).expect_err("future")),
        "checked_on"
    );
    assert!(
        history_of(&j, EntryKind::SafetyCheck).is_empty(),
        "nothing written"
    );
}

#[test]
fn a_check_in_is_a_set_of_yes_answers_and_edits_and_deletes() {
    let (_d, j) = file_journal();
    let c = j
        .add_safety_check(check(
            "2025-11-03",
            &[
                SafetyItem::FallingAsleep,
                SafetyItem::Gambling,
                SafetyItem::Gambling,
            ],
        ))
        .expect("add");
    assert_eq!(
        c.data.answered_yes,
        vec![SafetyItem::Gambling, SafetyItem::FallingAsleep],
        "a set, in the order asked"
    );
    let items = history_of(&j, EntryKind::SafetyCheck);
    assert_eq!(items[0].title, "Drug-safety check-in");
    assert!(items[0]
        .detail
        .ends_with("yes: urges to gamble, falling asleep unintentionally in the daytime"));
    let edited = j
        .edit_safety_check(c.id.clone(), check("2025-11-03", &[]))
        .expect("edit");
    assert!(edited.data.answered_yes.is_empty());
    assert!(history_of(&j, EntryKind::SafetyCheck)[0]
        .detail
        .ends_with("all answers no"));
    // Editing another kind's id as a check-in is refused.
    let v = j.add_visit(visit("2025-10-11", None, None)).expect("visit");
    assert!(matches!(
        j.edit_safety_check(v.id, check("2025-11-03", &[])),
        Err(JournalError::NotFound { .. })
    ));
    j.delete_entry(c.id).expect("delete");
    assert!(history_of(&j, EntryKind::SafetyCheck).is_empty());
    assert_eq!(safety_check_items().len(), 5);
    assert!(SafetyItem::FallingAsleep
        .question()
        .contains("fallen asleep"));
    assert!(form_rules().add_kinds.contains(&EntryKind::Visit));
    assert!(form_rules().add_kinds.contains(&EntryKind::SafetyCheck));
}

#[test]
fn visits_and_check_ins_survive_a_backup_round_trip_and_show_in_csv() {
    let (_d, j) = file_journal();
    let v = j
        .add_visit(VisitData {
            note: Some("Bring the diary".into()),
            ..visit(
                "2025-10-11",
                Some("Dr Rossi"),
                Some("Is my ferritin enough?"),
            )
        })
        .expect("visit");
    let c = j
        .add_safety_check(check("2025-11-03", &[SafetyItem::Shopping]))
        .expect("check");
    let gone = j.add_safety_check(check("2025-11-10", &[])).expect("check");
    j.delete_entry(gone.id.clone()).expect("delete");

    let json = j.backup_json().expect("backup");
    let doc: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(
        doc["version"], 2,
        "the backup format version with the new kinds"
    );
    let (_d2, other) = file_journal();
    let summary = other.import_backup(json.into_bytes()).expect("import");
    assert_eq!(summary.added, 3, "the tombstone travels too");
    match other.entry(v.id.clone()).expect("visit back") {
        Entry::Visit { visit } => assert_eq!(visit.data, v.data),
        e => panic!("{e:?}"),
    }
    match other.entry(c.id.clone()).expect("check back") {
        Entry::SafetyCheck { check } => assert_eq!(check.data, c.data),
        e => panic!("{e:?}"),
    }
    assert!(matches!(
        other.entry(gone.id),
        Err(JournalError::NotFound { .. })
    ));
    assert!(
        other.undo_delete().expect("undo").is_some(),
        "its tombstone came along"
    );

    // An older backup (format version 1) still imports; a newer one is refused as newer.
    let (_d3, third) = file_journal();
    third
        .import_backup_at(
            include_str!("fixtures/journal-v1-backup.json").as_bytes(),
            &at("2026-11-20T09:00:00+01:00"),
        )
        .expect("a version 1 backup");
    let mut newer = doc.clone();
    newer["version"] = 3.into();
    match third.import_backup(newer.to_string().into_bytes()) {
        Err(JournalError::ImportRejected { reason }) => {
            assert!(reason.contains("newer than this app reads (2)"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
    // A check-in with an answer the vocabulary does not have is refused, nothing imported.
    let mut bad = doc.clone();
    let entries = bad["entries"].as_array_mut().expect("entries");
    for e in entries.iter_mut() {
        if e["kind"] == "safety_check" {
            e["data"]["answered_yes"] = serde_json::json!(["gambling", "napping"]);
        }
    }
    let (_d4, fourth) = file_journal();
    assert!(matches!(
        fourth.import_backup(bad.to_string().into_bytes()),
        Err(JournalError::ImportRejected { .. })
    ));
    assert!(history_of(&fourth, EntryKind::Visit).is_empty());

    let tables = j.csv_tables(true).expect("csv");
    let visits = tables
        .iter()
        .find(|t| t.file_name == "visits.csv")
        .expect("visits.csv");
    assert_eq!(visits.rows, 1);
    assert!(visits
        .content
        .starts_with("\u{feff}id,visit_on,clinician,question,note\r\n"));
    assert!(visits
        .content
        .contains(",2025-10-11,Dr Rossi,Is my ferritin enough?,Bring the diary\r\n"));
    let checks = tables
        .iter()
        .find(|t| t.file_name == "safety_checks.csv")
        .expect("safety_checks.csv");
    assert_eq!(checks.rows, 1, "the deleted one is not listed");
    assert!(checks
        .content
        .contains("id,checked_on,gambling,shopping,eating,sexual,falling_asleep,note\r\n"));
    assert!(checks.content.contains(",2025-11-03,no,yes,no,no,no,\r\n"));
    // Without notes, the question (private text) is left out like a note.
    let private = j.csv_tables(false).expect("csv");
    let visits = private
        .iter()
        .find(|t| t.file_name == "visits.csv")
        .expect("visits");
    assert!(!visits.content.contains("ferritin enough"));
}

/// "Now" of the period tests: the morning of Mon 1 Dec 2025 (last night: Sun 30 Nov).
const NOW: &str = "2025-12-01T09:00:00+01:00";

#[test]
fn the_default_period_runs_from_the_day_after_the_last_visit() {
    let (_d, j) = file_journal();
    let now = at(NOW);
    let none = j.visit_period_at(now).expect("period");
    assert_eq!(none.basis, PeriodBasis::NoPastVisit);
    assert_eq!(none.range, range("2025-11-01", "2025-11-30"));
    assert!(none
        .text
        .starts_with("No past visit recorded: the last 30 nights"));

    j.add_visit(visit("2025-06-02", None, None))
        .expect("older visit");
    j.add_visit(visit(
        "2025-10-11",
        Some("Dr Rossi"),
        Some("Asked last time"),
    ))
    .expect("visit");
    let p = j.visit_period_at(now).expect("period");
    assert_eq!(p.basis, PeriodBasis::SinceLastVisit);
    assert_eq!(p.range, range("2025-10-12", "2025-11-30"));
    assert_eq!(p.previous, Some(range("2025-08-23", "2025-10-11")));
    assert_eq!(p.comparison, "12 Oct – 30 Nov 2025 vs 23 Aug – 11 Oct 2025");
    assert_eq!(
        p.text,
        "Since the last visit on Sat 11 Oct 2025: 50 nights, Sun 12 Oct – Sun 30 Nov 2025."
    );
    assert_eq!(
        p.last_visit.map(|v| v.data.visit_on),
        Some(date("2025-10-11"))
    );
    assert_eq!(p.next_visit, None);

    // A visit today is the upcoming one, with its question; the period stays since 11 Oct.
    j.add_visit(visit("2025-12-01", None, Some("Is the dose timing right?")))
        .expect("today");
    j.add_visit(visit("2025-12-20", None, None)).expect("later");
    let p = j.visit_period_at(now).expect("period");
    assert_eq!(p.range.first, date("2025-10-12"));
    let next = p.next_visit.expect("next visit");
    assert_eq!(
        next.data.visit_on,
        date("2025-12-01"),
        "the earliest upcoming"
    );
    assert_eq!(
        next.data.question.as_deref(),
        Some("Is the dose timing right?")
    );

    // The summary compares the same two periods.
    let s = j.summary_at(Some(p.range), now).expect("summary");
    assert_eq!(s.previous.range, p.previous);
}

#[test]
fn a_recent_visit_falls_back_to_30_nights_and_an_old_one_is_capped_at_a_year() {
    let (_d, j) = file_journal();
    let now = at(NOW);
    // 13 nights since the visit (18–30 Nov): below the 14-night minimum.
    j.add_visit(visit("2025-11-17", None, None)).expect("visit");
    let p = j.visit_period_at(now).expect("period");
    assert_eq!(p.basis, PeriodBasis::LastVisitTooRecent);
    assert_eq!(p.range, range("2025-11-01", "2025-11-30"));
    assert!(p.text.contains("less than 14 nights ago"), "{}", p.text);
    // 14 nights exactly is enough.
    let (_d2, j2) = file_journal();
    j2.add_visit(visit("2025-11-16", None, None))
        .expect("visit");
    let p = j2.visit_period_at(now).expect("period");
    assert_eq!(p.basis, PeriodBasis::SinceLastVisit);
    assert_eq!(p.range.nights(), 14);
    // Two years ago: the longest report.
    let (_d3, j3) = file_journal();
    j3.add_visit(visit("2023-11-01", None, None))
        .expect("visit");
    let p = j3.visit_period_at(now).expect("period");
    assert_eq!(p.basis, PeriodBasis::LastVisitLongAgo);
    assert_eq!(p.range.nights(), 366);
    assert_eq!(p.range.last, date("2025-11-30"));
}

fn safety_prompt(j: &Journal, now: &str) -> bool {
    j.prompts(Some(at(now)))
        .expect("prompts")
        .iter()
        .any(|p| p.kind == PromptKind::SafetyCheck)
}

#[test]
fn the_check_in_is_prompted_weekly_only_while_on_a_dopaminergic_treatment() {
    let (_d, j) = file_journal();
    assert!(!safety_prompt(&j, NOW), "no treatment");
    add_treatment(
        &j,
        "gabapentin",
        TreatmentCategory::Alpha2DeltaLigand,
        "2025-09-01",
        None,
    );
    assert!(!safety_prompt(&j, NOW), "not dopaminergic");
    let id = add_treatment(
        &j,
        "pramipexole",
        TreatmentCategory::DopamineAgonist,
        "2025-11-20",
        None,
    );
    assert!(
        !safety_prompt(&j, "2025-11-19T09:00:00+01:00"),
        "before the start"
    );
    assert!(safety_prompt(&j, NOW), "on it, never checked");
    j.add_safety_check(check("2025-12-01", &[])).expect("check");
    assert!(!safety_prompt(&j, NOW), "done this week");
    assert!(
        !safety_prompt(&j, "2025-12-07T09:00:00+01:00"),
        "6 days later"
    );
    assert!(
        safety_prompt(&j, "2025-12-08T09:00:00+01:00"),
        "7 days later"
    );
    // Stopped: no prompt after the stop day.
    j.edit_treatment(
        id,
        TreatmentData {
            name: "pramipexole".into(),
            category: TreatmentCategory::DopamineAgonist,
            dose: Some(0.25),
            dose_unit: Some("mg".into()),
            started_on: date("2025-11-20"),
            stopped_on: Some(date("2025-12-05")),
            note: None,
            times_per_day: None,
            dose_changes: Vec::new(),
        },
    )
    .expect("stop");
    assert!(!safety_prompt(&j, "2025-12-08T09:00:00+01:00"), "stopped");
    // Levodopa counts too.
    add_treatment(
        &j,
        "levodopa/benserazide",
        TreatmentCategory::Levodopa,
        "2025-12-06",
        None,
    );
    assert!(safety_prompt(&j, "2025-12-08T09:00:00+01:00"), "levodopa");
}

#[test]
fn the_summary_counts_check_ins_and_raises_drug_safety_only_on_a_yes() {
    let (_d, j) = file_journal();
    add_treatment(
        &j,
        "ropinirole",
        TreatmentCategory::DopamineAgonist,
        "2025-10-01",
        None,
    );
    let r = range("2025-11-01", "2025-11-30");
    let s = summarize(&j, r);
    assert!(s.safety_checks.on_dopaminergic);
    assert_eq!(s.safety_checks.check_ins, 0);
    assert!(s.safety_checks.text.starts_with("No drug-safety check-in"));
    assert!(!s
        .discuss
        .iter()
        .any(|p| p.topic == DiscussTopic::DrugSafety));

    for day in ["2025-11-03", "2025-11-10", "2025-11-17"] {
        j.add_safety_check(check(day, &[])).expect("check");
    }
    let s = summarize(&j, r);
    assert_eq!(s.safety_checks.check_ins, 3);
    assert_eq!(
        s.safety_checks.text,
        "3 drug-safety check-ins; every answer no."
    );
    assert!(!s
        .discuss
        .iter()
        .any(|p| p.topic == DiscussTopic::DrugSafety));

    j.add_safety_check(check(
        "2025-11-24",
        &[SafetyItem::Gambling, SafetyItem::FallingAsleep],
    ))
    .expect("check");
    // Outside the range: not counted.
    j.add_safety_check(check("2025-12-01", &[SafetyItem::Eating]))
        .expect("check");
    let s = summarize(&j, r);
    assert_eq!(s.safety_checks.check_ins, 4);
    assert_eq!(s.safety_checks.with_yes.len(), 1);
    let point = s
        .discuss
        .iter()
        .find(|p| p.topic == DiscussTopic::DrugSafety)
        .expect("drug safety point");
    assert_eq!(point.level, DiscussLevel::Discuss);
    assert_eq!((point.count, point.out_of), (Some(1), Some(4)));
    assert!(
        point.text.starts_with(
            "Yes in 1 of 4 weekly check-ins: urges to gamble (Mon 24 Nov 2025); falling asleep \
         unintentionally in the daytime (Mon 24 Nov 2025)."
        ),
        "{}",
        point.text
    );
    assert!(point.text.contains("AASM 2024"), "the source is named");
    assert!(
        !point.text.contains("eat"),
        "the December yes is outside the range"
    );
    for word in ["stop", "reduce", "should"] {
        assert!(
            !point.text.to_lowercase().contains(word),
            "no advice: {word}"
        );
    }
}

/// The report's text in drawing order, every run of whitespace as one space.
fn report_text(j: &Journal, options: ReportOptions, dir: &std::path::Path) -> String {
    let pdf = j.report_pdf_at(options, at(NOW)).expect("report");
    let path = pdf_tools::write_pdf(dir, "report.pdf", &pdf);
    assert_eq!(pdf_tools::page_count(&path), "1", "one page");
    pdf_tools::pdf_text(&path)
}

#[test]
fn the_report_shows_the_visit_and_the_question_only_when_set() {
    if !skip::tools_present(
        "the_report_shows_the_visit_and_the_question_only_when_set",
        &["pdftotext", "pdfinfo"],
    ) {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let (_d, j) = file_journal();
    for i in 0..60 {
        add_plain_diary(&j, &plus("2025-10-01", i));
    }
    add_treatment(
        &j,
        "pramipexole",
        TreatmentCategory::DopamineAgonist,
        "2025-09-01",
        None,
    );
    let plain = report_text(&j, ReportOptions::default(), dir.path());
    assert!(!plain.contains("Since the last visit"), "{plain}");
    assert!(!plain.contains("question for this visit"));
    assert!(!plain.contains("Drug-safety"));
    assert!(
        plain.contains("Compared: 1 Nov – 30 Nov 2025 vs 2 Oct – 31 Oct 2025"),
        "{plain}"
    );

    j.add_visit(visit("2025-10-11", Some("Dr Rossi"), None))
        .expect("visit");
    j.add_visit(visit(
        "2025-12-03",
        Some("Dr Rossi"),
        Some("Could the evening dose move earlier?"),
    ))
    .expect("next visit");
    j.add_safety_check(check("2025-11-24", &[SafetyItem::Gambling]))
        .expect("check");
    let text = report_text(&j, ReportOptions::default(), dir.path());
    assert!(
        text.contains("Since the last visit on Sat 11 Oct 2025 with Dr Rossi"),
        "{text}"
    );
    assert!(
        text.contains("Visit: Wed 3 Dec 2025 with Dr Rossi"),
        "{text}"
    );
    assert!(
        text.contains("Patient's question for this visit: Could the evening dose move earlier?")
    );
    assert!(
        text.contains("Sun 12 Oct – Sun 30 Nov 2025"),
        "the default range: {text}"
    );
    assert!(text.contains("Compared: 12 Oct – 30 Nov 2025 vs 23 Aug – 11 Oct 2025"));
    assert!(text.contains("Drug-safety check-ins Yes in 1 of 1 weekly check-ins: urges to gamble (Mon 24 Nov 2025)."), "{text}");

    // A range chosen by hand: no "since the last visit", the next visit and question stay.
    let chosen = report_text(
        &j,
        ReportOptions {
            range: Some(range("2025-11-01", "2025-11-30")),
            ..ReportOptions::default()
        },
        dir.path(),
    );
    assert!(!chosen.contains("Since the last visit"));
    assert!(chosen.contains("Could the evening dose move earlier?"));
}
