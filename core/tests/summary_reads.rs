//! Summary speed (issue 13): a summary reads its nights once and cuts the parts' windows from
//! them, reads a long range's relief attempts down the kind index, and finds the augmentation
//! baseline from the night index. These check, on real SQLite files with counts worked out by
//! hand, that each cheaper read returns what the plain one did, in the cases where a shortcut
//! could go wrong. Settings are the defaults: night cutover 12:00, morning hour 05:00.

#[path = "support/summary_fixtures.rs"]
mod fixtures;

use fixtures::*;
use rlsjournal_core::summary::*;
use rlsjournal_core::*;

fn times_used(s: &Summary, method: &str) -> u32 {
    s.relief
        .methods
        .iter()
        .find(|m| m.key == method)
        .map_or(0, |m| m.times_used)
}

fn relief_attempt(journal: &Journal, episode_id: &str, method: ReliefMethod, when: &str) -> String {
    journal
        .add_relief_attempt(
            episode_id.to_string(),
            ReliefData {
                method,
                helped: 2,
                minutes_to_relief: None,
                at: at(when),
            },
        )
        .expect("add relief")
        .id
}

#[test]
fn relief_attempts_follow_their_episodes_in_short_and_long_summaries() {
    let (_d, j) = file_journal();
    // 210 nights, Jan 1 – Jul 29 2026, each with an episode at 23:00 and one walking attempt at
    // 23:30 (the long range has over 200 episodes: its attempts are read down the kind index).
    let first = "2026-01-01";
    let mut episodes = Vec::new();
    for i in 0..210 {
        let night = plus(first, i);
        let id = add_episode(&j, episode(&format!("{night}T23:00:00+01:00"), 60, 5));
        relief_attempt(
            &j,
            &id,
            ReliefMethod::Walking,
            &format!("{night}T23:30:00+01:00"),
        );
        episodes.push(id);
    }
    let last = plus(first, 209);
    assert_eq!(last, "2026-07-29");
    // The last night's episode gets a stretching attempt the next afternoon: filed under the
    // next night (after the 12:00 cutover), outside the range, but still its episode's.
    relief_attempt(
        &j,
        &episodes[209],
        ReliefMethod::Stretching,
        "2026-07-30T13:00:00+01:00",
    );
    // An episode the night before the range, with a massage attempt filed under Jan 1: inside
    // the range's nights, but not an attempt of the range's episodes.
    let before = add_episode(&j, episode("2025-12-31T23:00:00+01:00", 60, 5));
    relief_attempt(
        &j,
        &before,
        ReliefMethod::Massage,
        "2026-01-01T13:00:00+01:00",
    );
    // A deleted heat attempt (night 50), and a deleted episode (night 100) whose walking
    // attempt stays stored but hidden.
    let heat = relief_attempt(
        &j,
        &episodes[50],
        ReliefMethod::Heat,
        &format!("{}T23:40:00+01:00", plus(first, 50)),
    );
    j.delete_entry(heat).expect("delete the attempt");
    j.delete_entry(episodes[100].clone())
        .expect("delete the episode");

    // All 210 nights: 209 live episodes; walking 210 − 1 (the deleted episode's) = 209,
    // stretching 1, massage and heat 0: 210 attempts.
    let long = summarize(&j, range(first, &last));
    assert_eq!(long.relief.attempts, 210);
    assert_eq!(
        (
            times_used(&long, "walking"),
            times_used(&long, "stretching"),
            times_used(&long, "massage"),
            times_used(&long, "heat")
        ),
        (209, 1, 0, 0)
    );
    // The last 14 nights (Jul 16–29, read by the night and parent indexes): 14 walking and
    // the stretching attempt: 15.
    let short = summarize(&j, range(&plus(first, 196), &last));
    assert_eq!(short.relief.attempts, 15);
    assert_eq!(times_used(&short, "stretching"), 1);
    // The first 14 nights (Jan 1–14): 14 walking; the massage attempt of Dec 31's episode is
    // not theirs.
    let start = summarize(&j, range(first, &plus(first, 13)));
    assert_eq!(start.relief.attempts, 14);
    assert_eq!(times_used(&start, "massage"), 0);
    // A range that starts with Dec 31 has that episode: its massage attempt counts.
    let with_before = summarize(&j, range("2025-12-31", &plus(first, 12)));
    assert_eq!(with_before.relief.attempts, 14);
    assert_eq!(times_used(&with_before, "massage"), 1);
}

#[test]
fn a_damaged_episode_before_the_start_does_not_count_towards_the_baseline() {
    // Levodopa from Feb 1. Before it, episodes at 23:00 on the 15 nights Jan 9–23; the one of
    // Jan 23 is then damaged in the file, so Jan 23 is not observed. The 14 nights before the
    // start holding an episode are Jan 10–23, but only 13 of them are observed: the baseline
    // is the 14 observed nights Jan 9–22, so it runs from Jan 9 to the night before the start.
    let (d, j) = file_journal();
    add_treatment(&j, "drug", TreatmentCategory::Levodopa, "2026-02-01", None);
    let mut damaged = String::new();
    for i in 0..15 {
        let night = plus("2026-01-09", i);
        damaged = add_episode(&j, episode(&format!("{night}T23:00:00+01:00"), 60, 4));
    }
    // The latest 14 nights, Feb 16 – Mar 1, observed.
    for i in 0..14 {
        let night = plus("2026-02-16", i);
        add_episode(&j, episode(&format!("{night}T23:00:00+01:00"), 60, 4));
    }
    let conn = rusqlite::Connection::open(d.path().join("journal.db")).unwrap();
    let changed = conn
        .execute(
            "UPDATE entries SET data = json_set(data, '$.peak_intensity', 'high') WHERE id = ?1",
            [&damaged],
        )
        .unwrap();
    assert_eq!(changed, 1);
    drop(conn);
    let s = summarize(&j, range("2026-02-16", "2026-03-01"));
    let w = &s.augmentation.watches[0];
    assert_eq!(w.baseline_source, Some(AugmentationBaseline::BeforeStart));
    let b = w.baseline.as_ref().expect("baseline");
    assert_eq!((b.first, b.last), (date("2026-01-09"), date("2026-01-31")));
    assert_eq!(b.nights_logged, 14);
}
