//! Issue 14 item 1: a night is observed only when the person told us about it (an episode, a
//! morning sleep diary or the "no symptoms" answer), and the answer itself: one per night,
//! undo, edit, backup. Every expected value is computed by hand in the comments.

mod common;

use common::*;
use rlsjournal_core::summary::notes::{Note, NoteKind};
use rlsjournal_core::summary::{NightRange, Summary};
use rlsjournal_core::*;

fn answer(night: &str, answered: &str) -> NoSymptomsData {
    NoSymptomsData {
        night_of: date(night),
        answered_at: at(answered),
    }
}

fn episode(night: &str, peak: i32) -> EpisodeData {
    let mut e = full_episode(
        &format!("{night}T22:00:00+01:00"),
        &format!("{night}T22:40:00+01:00"),
        peak,
    );
    e.note = None;
    e
}

fn summary(journal: &Journal, first: &str, last: &str) -> Summary {
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

/// Ten nights, 1–10 Nov 2026:
/// - nights 1, 2, 3: an episode each, peaks 4, 6, 8 (caffeine at 18:00 on night 1);
/// - nights 4, 5: a sleep diary and no episode (caffeine on night 4);
/// - night 6: the "no symptoms" answer only;
/// - night 7: caffeine only; night 8: a ferritin result only; night 9: a dose only (the
///   treatment started in October); night 10: an IRLS rating only.
fn ten_nights() -> (tempfile::TempDir, std::sync::Arc<Journal>) {
    let (dir, _path, journal) = file_journal();
    for (night, peak) in [("2026-11-01", 4), ("2026-11-02", 6), ("2026-11-03", 8)] {
        journal.add_episode(episode(night, peak)).unwrap();
    }
    for night in ["2026-11-04", "2026-11-05"] {
        journal.add_sleep_diary(diary(night)).unwrap();
    }
    journal
        .add_no_symptoms(answer("2026-11-06", "2026-11-07T07:30:00+01:00"))
        .unwrap();
    for night in ["2026-11-01", "2026-11-04", "2026-11-07"] {
        journal
            .add_exposure(exposure(
                &format!("{night}T18:00:00+01:00"),
                ExposureKind::Caffeine,
            ))
            .unwrap();
    }
    journal
        .add_lab_result(ferritin("2026-11-08", 60.0))
        .unwrap();
    let t = journal.add_treatment(treatment("2026-10-01")).unwrap();
    journal
        .add_dose(DoseData {
            treatment_id: t.id,
            at: at("2026-11-09T21:00:00+01:00"),
            amount: None,
        })
        .unwrap();
    journal
        .add_severity_rating(rating("2026-11-10", 18))
        .unwrap();
    (dir, journal)
}

#[test]
fn only_episodes_diaries_and_answers_observe_a_night() {
    let (_d, journal) = ten_nights();
    let s = summary(&journal, "2026-11-01", "2026-11-10");
    let c = &s.coverage;
    // Observed: nights 1–6 = 6 of 10; not logged: 7–10 = 4.
    assert_eq!(c.nights_in_range, 10);
    assert_eq!(c.nights_observed, 6);
    assert_eq!(c.nights_logged, 6);
    assert_eq!(c.nights_not_logged, 4);
    // Symptom nights 1–3 = 3; symptom-free observed nights 4, 5, 6 = 3.
    assert_eq!(c.symptom_nights, 3);
    assert_eq!(c.symptom_free_nights, 3);
    // 3 ÷ 6 × 7 = 3.5 per week (counting all 10 nights would give 2.1).
    assert_eq!(c.symptom_nights_per_week, Some(3.5));
    // 6 ÷ 10 = 60 %.
    assert_eq!(c.observed_percent, Some(60.0));
    assert_eq!(c.coverage_text, "observed 6 of 10 nights (60 %)");
    assert!(
        c.text.contains("observed 6 of 10 nights (60 %)"),
        "{}",
        c.text
    );
    // 60 % < 70 %: the notes warn.
    let low: Vec<&Note> = s
        .notes
        .iter()
        .filter(|n| n.kind == NoteKind::LowCoverage)
        .collect();
    assert_eq!(low.len(), 1);
    assert!(low[0].text.contains("observed 6 of 10 nights (60 %)"));
    // Severity: a peak for the 6 observed nights only: (4 + 6 + 8 + 0 + 0 + 0) ÷ 6 = 3.0.
    let peaks: Vec<Option<u8>> = s.severity.nights.iter().map(|n| n.peak).collect();
    assert_eq!(
        peaks,
        vec![
            Some(4),
            Some(6),
            Some(8),
            Some(0),
            Some(0),
            Some(0),
            None,
            None,
            None,
            None
        ]
    );
    let logged: Vec<bool> = s.severity.nights.iter().map(|n| n.logged).collect();
    assert_eq!(logged, [[true; 6].as_slice(), &[false; 4]].concat());
    // Caffeine on nights 1, 4 and 7: night 7 is not observed, so observed nights with it are
    // 1 and 4 (2), without it 2, 3, 5, 6 (4): too few to compare, never a protective
    // "association" built on an unobserved night.
    assert!(s.triggers.associations.iter().all(|a| a.key != "caffeine"));
    let caffeine = s
        .triggers
        .not_enough_data
        .iter()
        .find(|t| t.key == "caffeine")
        .expect("caffeine is listed");
    assert_eq!((caffeine.nights_with, caffeine.nights_without), (2, 4));
    // The definitions state the rule.
    assert!(s
        .definitions
        .iter()
        .any(|d| d.term == "Observed night" && d.text.contains("observe nothing")));
}

#[test]
fn the_calendar_shows_unobserved_nights_as_not_logged() {
    let (_d, journal) = ten_nights();
    let month = journal.calendar_month(2026, 11).unwrap();
    let states: Vec<NightState> = month.days.iter().take(11).map(|d| d.state).collect();
    use NightState::*;
    assert_eq!(
        states,
        vec![
            Symptoms, Symptoms, Symptoms, NoSymptoms, NoSymptoms, NoSymptoms, NotLogged, NotLogged,
            NotLogged, NotLogged, NotLogged
        ]
    );
    // Night 7 holds an exposure, yet is not observed.
    assert_eq!(month.days[6].entry_count, 1);
    assert!(!month.days[6].observed);
    assert!(month.days[5].has_no_symptoms_answer && month.days[5].observed);
}

#[test]
fn an_episode_outweighs_a_no_symptoms_answer_on_the_same_night() {
    let (_d, _p, journal) = file_journal();
    journal
        .add_no_symptoms(answer("2026-11-01", "2026-11-02T07:00:00+01:00"))
        .unwrap();
    journal.add_episode(episode("2026-11-01", 5)).unwrap();
    let s = summary(&journal, "2026-11-01", "2026-11-01");
    // One observed night, and it is a symptom night with peak 5.
    assert_eq!(s.coverage.nights_observed, 1);
    assert_eq!(s.coverage.symptom_nights, 1);
    assert_eq!(s.coverage.symptom_free_nights, 0);
    assert_eq!(s.severity.nights[0].peak, Some(5));
    let day = &journal.calendar_month(2026, 11).unwrap().days[0];
    assert_eq!(day.state, NightState::Symptoms);
    // The answer stays in the journal: the night view shows both.
    let night = journal.night(date("2026-11-01")).unwrap();
    assert!(night.no_symptoms.is_some());
    assert_eq!(night.episodes.len(), 1);
}

#[test]
fn one_answer_per_night_and_a_second_tap_changes_nothing() {
    let (_d, _p, journal) = file_journal();
    let first = journal
        .add_no_symptoms(answer("2026-11-01", "2026-11-02T07:00:00+01:00"))
        .unwrap();
    let again = journal
        .add_no_symptoms(answer("2026-11-01", "2026-11-02T07:05:00+01:00"))
        .unwrap();
    assert_eq!(again, first);
    assert_eq!(
        all_history(&journal, vec![EntryKind::NoSymptoms], 10).len(),
        1
    );
    // The one-tap call answers for last night (the day before today's local date).
    let tapped = journal.no_symptoms_last_night().unwrap();
    let today = Moment::now().local().date();
    assert_eq!(tapped.data.night_of, today.pred_opt().unwrap());
}

#[test]
fn a_night_whose_morning_has_not_come_cannot_be_answered() {
    let (_d, _p, journal) = file_journal();
    // Answered at 23:00 on the 1st: the night of the 1st is not over.
    let err = journal
        .add_no_symptoms(answer("2026-11-01", "2026-11-01T23:00:00+01:00"))
        .unwrap_err();
    assert!(
        matches!(&err, JournalError::InvalidInput { field, .. } if field == "night_of"),
        "{err:?}"
    );
    // A night after the moment of answering, too.
    assert!(journal
        .add_no_symptoms(answer("2026-11-05", "2026-11-02T07:00:00+01:00"))
        .is_err());
}

#[test]
fn delete_undo_and_edit_carry_the_answer() {
    let (_d, _p, journal) = file_journal();
    let a = journal
        .add_no_symptoms(answer("2026-11-01", "2026-11-02T07:00:00+01:00"))
        .unwrap();
    let observed = |j: &Journal| {
        summary(j, "2026-11-01", "2026-11-03")
            .coverage
            .nights_observed
    };
    assert_eq!(observed(&journal), 1);
    journal.delete_entry(a.id.clone()).unwrap();
    assert_eq!(observed(&journal), 0);
    assert_eq!(journal.undo_delete().unwrap(), Some(a.id.clone()));
    assert_eq!(observed(&journal), 1);
    // Edit moves it to the night of the 2nd.
    let moved = journal
        .edit_no_symptoms(
            a.id.clone(),
            answer("2026-11-02", "2026-11-03T07:00:00+01:00"),
        )
        .unwrap();
    assert_eq!(moved.data.night_of, date("2026-11-02"));
    assert!(journal
        .night(date("2026-11-01"))
        .unwrap()
        .no_symptoms
        .is_none());
    // Not onto a night that has its own answer.
    let b = journal
        .add_no_symptoms(answer("2026-11-03", "2026-11-04T07:00:00+01:00"))
        .unwrap();
    let err = journal
        .edit_no_symptoms(
            b.id.clone(),
            answer("2026-11-02", "2026-11-03T08:00:00+01:00"),
        )
        .unwrap_err();
    assert!(matches!(&err, JournalError::InvalidInput { field, .. } if field == "night_of"));
    // A deleted answer cannot come back over a newer one for its night.
    journal.delete_entry(b.id.clone()).unwrap();
    journal
        .add_no_symptoms(answer("2026-11-03", "2026-11-04T08:00:00+01:00"))
        .unwrap();
    assert!(matches!(
        journal.restore_entry(b.id).unwrap_err(),
        JournalError::InvalidInput { .. }
    ));
}

#[test]
fn the_backup_carries_answers_and_a_second_answer_for_a_night_is_kept_out() {
    let now = at("2026-11-20T09:00:00+01:00");
    let (_d, _p, phone) = file_journal();
    phone
        .add_no_symptoms(answer("2026-11-01", "2026-11-02T07:00:00+01:00"))
        .unwrap();
    let gone = phone
        .add_no_symptoms(answer("2026-11-02", "2026-11-03T07:00:00+01:00"))
        .unwrap();
    phone.delete_entry(gone.id).unwrap();
    let backup = phone.backup_json_at(&now).unwrap();
    assert!(backup.contains("\"no_symptoms\""));
    let (_d2, _p2, copy) = file_journal();
    copy.import_backup_at(backup.as_bytes(), &now).unwrap();
    assert_eq!(fingerprint(&copy), fingerprint(&phone));
    // The deleted one travelled as a tombstone: undo brings it back in the copy.
    assert!(copy.undo_delete().unwrap().is_some());
    // A tablet that answered the same night on its own keeps its answer; the import succeeds.
    let (_d3, _p3, tablet) = file_journal();
    let own = tablet
        .add_no_symptoms(answer("2026-11-01", "2026-11-02T08:00:00+01:00"))
        .unwrap();
    let result = tablet.import_backup_at(backup.as_bytes(), &now).unwrap();
    assert!(result.unchanged >= 1);
    let answers = all_history(&tablet, vec![EntryKind::NoSymptoms], 10);
    assert_eq!(answers.len(), 1);
    assert_eq!(answers[0].id, own.id);
}
