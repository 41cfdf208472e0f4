//! Kill test: a child process writes through the core and prints every id the core
//! acknowledged; the parent kills it with SIGKILL at random moments. After every kill the journal
//! must open, pass `PRAGMA integrity_check`, and hold every acknowledged entry, complete.
//!
//! The child is this same test binary, re-run with `RLSJOURNAL_KILL_CHILD` set.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use rlsjournal_core::*;

const CHILD_ENV: &str = "RLSJOURNAL_KILL_CHILD";

/// The child: write forever, printing `ACK <n> <id>` after each acknowledged write.
#[test]
fn kill_child_writer() {
    let Ok(path) = std::env::var(CHILD_ENV) else {
        return; // only does something when started by the parent below
    };
    let journal = Journal::open(path).unwrap();
    let start: u64 = std::env::var("RLSJOURNAL_KILL_START")
        .unwrap()
        .parse()
        .unwrap();
    let mut out = std::io::stdout().lock();
    for n in start.. {
        let id = match n % 3 {
            0 => {
                journal
                    .add_exposure(ExposureData {
                        at: Moment::from_millis(
                            at("2026-01-01T20:00:00+01:00").millis() + n as i64 * 60_000,
                            60,
                        ),
                        kind: ExposureKind::Caffeine,
                        amount: Some(n as f64 + 1.0),
                        unit: Some("mg".into()),
                        note: Some(format!("write {n}")),
                    })
                    .unwrap()
                    .id
            }
            1 => {
                journal
                    .add_episode(EpisodeData {
                        note: Some(format!("write {n}")),
                        ..full_episode(
                            "2026-01-01T23:00:00+01:00",
                            "2026-01-01T23:30:00+01:00",
                            (n % 10 + 1) as u8,
                        )
                    })
                    .unwrap()
                    .id
            }
            _ => {
                journal
                    .add_severity_rating(SeverityRatingData {
                        rated_on: date("2026-01-05"),
                        irls_total: (n % 41) as u8,
                        note: Some(format!("write {n}")),
                    })
                    .unwrap()
                    .id
            }
        };
        writeln!(out, "ACK {n} {id}").unwrap();
        out.flush().unwrap();
    }
}

/// A small deterministic generator for kill delays.
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn acknowledged_entries_survive_sigkill() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return;
    }
    let rounds: u32 = std::env::var("RLSJOURNAL_KILL_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(100);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    let mut acknowledged: Vec<(u64, String)> = Vec::new();
    let mut rng = 0x9E37_79B9_7F4A_7C15u64;
    let started = Instant::now();
    for round in 0..rounds {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "kill_child_writer",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, &path)
            .env("RLSJOURNAL_KILL_START", acknowledged.len().to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .filter_map(|line| {
                    // libtest may print "test kill_child_writer ... " before the first line.
                    let start = line.find("ACK ")?;
                    let mut parts = line.get(start + 4..)?.split(' ');
                    Some((parts.next()?.parse().ok()?, parts.next()?.to_string()))
                })
                .collect::<Vec<(u64, String)>>()
        });
        // Kill between 5 and 80 ms in: sometimes before the journal is even open.
        std::thread::sleep(Duration::from_millis(5 + next(&mut rng) % 75));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        let acked = reader.join().unwrap();
        // The child numbers its writes from where the previous one stopped.
        for (n, id) in acked {
            assert_eq!(
                n as usize,
                acknowledged.len(),
                "round {round}: writes out of order"
            );
            acknowledged.push((n, id));
        }

        let conn = rusqlite::Connection::open(&path).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "round {round}");
        drop(conn);
        let journal = Journal::open(path.to_string_lossy().into_owned()).unwrap();
        for (n, id) in &acknowledged {
            let entry = journal.entry(id.clone()).unwrap_or_else(|e| {
                panic!("round {round}: acknowledged write {n} ({id}) lost: {e}")
            });
            let note = match entry {
                Entry::Exposure { exposure } => {
                    assert_eq!(exposure.data.amount, Some(*n as f64 + 1.0));
                    exposure.data.note
                }
                Entry::Episode { episode } => episode.data.note,
                Entry::SeverityRating { rating } => rating.data.note,
                other => panic!("unexpected {other:?}"),
            };
            assert_eq!(note, Some(format!("write {n}")), "write {n} incomplete");
        }
    }
    eprintln!(
        "kill test: {rounds} rounds, {} acknowledged writes, all present and complete, {:.1} s",
        acknowledged.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(
        acknowledged.len() > rounds as usize,
        "the child barely wrote anything"
    );
}
