//! Concurrency: 8 threads × 1,000 mixed operations on one journal file while a reader pages
//! history: no errors, exact final counts, no deadlock.

mod common;

use std::sync::atomic::{AtomicBool, Ordering};

use common::*;
use rlsjournal_core::*;

/// The least number of operations per thread `RLSJOURNAL_CONCURRENCY_OPS` may ask for: each
/// thread must do every kind of operation many times for the counts to prove anything.
const MIN_OPS: usize = 100;

/// Operations per thread: `RLSJOURNAL_CONCURRENCY_OPS` (a multiple of 5, the operation mix, and
/// at least `MIN_OPS`), or 1,000.
fn ops_per_thread() -> usize {
    let Ok(text) = std::env::var("RLSJOURNAL_CONCURRENCY_OPS") else {
        return 1_000;
    };
    match text.parse() {
        Ok(n) if n >= MIN_OPS && n % 5 == 0 => n,
        _ => panic!(
            "RLSJOURNAL_CONCURRENCY_OPS={text:?}: give a multiple of 5 of at least {MIN_OPS}"
        ),
    }
}

#[test]
fn eight_writers_and_a_pager_share_one_journal() {
    let threads: usize = 8;
    let ops = ops_per_thread();
    let (_dir, _path, journal) = file_journal();
    let treatment = journal.add_treatment(treatment("2026-01-01")).unwrap();
    let done = AtomicBool::new(false);
    let started = std::time::Instant::now();
    let pages_read = std::thread::scope(|scope| {
        let pager = scope.spawn(|| {
            let mut pages = 0u64;
            while !done.load(Ordering::Relaxed) {
                let mut cursor = None;
                for _ in 0..5 {
                    let page = journal
                        .history(HistoryQuery {
                            kinds: vec![],
                            cursor,
                            limit: 50,
                        })
                        .unwrap();
                    pages += 1;
                    match page.next_cursor {
                        Some(c) => cursor = Some(c),
                        None => break,
                    }
                }
                journal.calendar_month(2026, 1).unwrap();
            }
            pages
        });
        let writers: Vec<_> = (0..threads)
            .map(|t| {
                let journal = &journal;
                let treatment = &treatment;
                scope.spawn(move || {
                    let mut deleted = 0usize;
                    for i in 0..ops {
                        let minute = (t * ops + i) as i64;
                        let when = Moment::from_millis(
                            at("2026-01-01T18:00:00+01:00").millis() + minute * 60_000,
                            60,
                        );
                        match i % 5 {
                            0 => {
                                journal
                                    .add_exposure(ExposureData {
                                        at: when,
                                        kind: ExposureKind::Caffeine,
                                        amount: None,
                                        unit: None,
                                        note: None,
                                    })
                                    .unwrap();
                            }
                            1 => {
                                journal
                                    .add_dose(DoseData {
                                        treatment_id: treatment.id.clone(),
                                        at: when,
                                        amount: Some(0.5),
                                    })
                                    .unwrap();
                            }
                            2 => {
                                let e = journal
                                    .add_episode(EpisodeData::quick(
                                        when,
                                        (i % 10 + 1) as i32,
                                        None,
                                    ))
                                    .unwrap();
                                journal
                                    .add_relief_attempt(
                                        e.id,
                                        ReliefData {
                                            method: ReliefMethod::Walking,
                                            helped: 1,
                                            minutes_to_relief: None,
                                            at: when,
                                        },
                                    )
                                    .unwrap();
                            }
                            3 => {
                                let r = journal
                                    .add_severity_rating(SeverityRatingData {
                                        rated_on: date("2026-01-10"),
                                        irls_total: 10,
                                        note: None,
                                    })
                                    .unwrap();
                                journal.delete_entry(r.id).unwrap();
                                deleted += 1;
                            }
                            _ => {
                                journal.night(when.night(12)).unwrap();
                            }
                        }
                    }
                    deleted
                })
            })
            .collect();
        let deleted: usize = writers.into_iter().map(|w| w.join().unwrap()).sum();
        done.store(true, Ordering::Relaxed);
        assert_eq!(deleted, threads * ops / 5);
        pager.join().unwrap()
    });
    let per_kind = |k: EntryKind| all_history(&journal, vec![k], 200).len();
    assert_eq!(per_kind(EntryKind::Exposure), threads * ops / 5);
    assert_eq!(per_kind(EntryKind::Dose), threads * ops / 5);
    assert_eq!(per_kind(EntryKind::Episode), threads * ops / 5);
    assert_eq!(per_kind(EntryKind::SeverityRating), 0);
    let with_relief = all_history(&journal, vec![EntryKind::Episode], 200)
        .into_iter()
        .filter(|i| matches!(&i.entry, Entry::Episode { episode } if episode.relief.len() == 1))
        .count();
    assert_eq!(with_relief, threads * ops / 5);
    eprintln!(
        "concurrency: {threads} threads × {ops} operations and {pages_read} history pages in {:.1} s, counts exact",
        started.elapsed().as_secs_f64()
    );
}
