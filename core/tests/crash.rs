//! Kill test: a child process writes through the core and prints every id the core
//! acknowledged; the parent kills it with SIGKILL at random moments: one round in four a few
//! milliseconds after the start, the others right after a random acknowledgement (so each of
//! those rounds must make progress). After every kill the journal must open, pass
//! `PRAGMA integrity_check`, and hold every acknowledged entry, complete.
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
                            (n % 10 + 1) as i32,
                        )
                    })
                    .unwrap()
                    .id
            }
            _ => {
                journal
                    .add_severity_rating(SeverityRatingData {
                        rated_on: date("2026-01-05"),
                        irls_total: (n % 41) as i32,
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

/// The least number of kill rounds `RLSJOURNAL_KILL_ROUNDS` may ask for: fewer proves little.
const MIN_ROUNDS: u32 = 10;

/// Every `EARLY_EVERY`-th round kills the child a few milliseconds after it starts, sometimes
/// before the journal is even open; the other rounds kill it while it writes.
const EARLY_EVERY: u32 = 4;

/// How long a writing round waits for the child's next acknowledgement before it gives up on
/// the round (a hang guard, not a timing check: a round that gives up fails the test).
const STALL: Duration = Duration::from_secs(120);

/// The number of kill rounds: `RLSJOURNAL_KILL_ROUNDS` (at least `MIN_ROUNDS`), or 100.
fn rounds() -> u32 {
    let Ok(text) = std::env::var("RLSJOURNAL_KILL_ROUNDS") else {
        return 100;
    };
    match text.parse() {
        Ok(n) if n >= MIN_ROUNDS => n,
        _ => {
            panic!("RLSJOURNAL_KILL_ROUNDS={text:?}: give a whole number of at least {MIN_ROUNDS}")
        }
    }
}

#[test]
fn acknowledged_entries_survive_sigkill() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return;
    }
    let rounds = rounds();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    let child_errors = dir.path().join("child-stderr.txt");
    let mut acknowledged: Vec<(u64, String)> = Vec::new();
    let mut rng = 0x9E37_79B9_7F4A_7C15u64;
    let started = Instant::now();
    let mut writing_rounds = 0u32;
    let mut early_rounds_with_writes = 0u32;
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
            .stderr(std::fs::File::create(&child_errors).unwrap())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (acks, received) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            let mut all = Vec::new();
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                // libtest may print "test kill_child_writer ... " before the first line.
                let Some(ack) = parse_ack(&line) else {
                    continue;
                };
                let _ = acks.send(());
                all.push(ack);
            }
            all
        });
        let early = round % EARLY_EVERY == EARLY_EVERY - 1;
        if early {
            // 1 to 30 ms after the start: sometimes before the journal is even open.
            std::thread::sleep(Duration::from_millis(1 + next(&mut rng) % 30));
        } else {
            // Kill right after a random acknowledgement (the 1st to the 60th of this round), so
            // the kill lands wherever the child is in its next write, however slow the machine.
            // Progress is required in each of these rounds (three in four), not just in total:
            // a child that cannot write after some kill must not hide behind rounds that wrote.
            writing_rounds += 1;
            let wanted = 1 + next(&mut rng) % 60;
            for seen in 0..wanted {
                if received.recv_timeout(STALL).is_err() {
                    child.kill().unwrap();
                    child.wait().unwrap();
                    panic!(
                        "round {round}: the child stopped after {seen} of {wanted} writes: {}",
                        std::fs::read_to_string(&child_errors).unwrap_or_default()
                    );
                }
            }
        }
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        let acked = reader.join().unwrap();
        if early && !acked.is_empty() {
            early_rounds_with_writes += 1;
        }
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
        "kill test: {rounds} rounds ({writing_rounds} killed while writing, {} early of which \
         {early_rounds_with_writes} had written), {} acknowledged writes, all present and \
         complete, {:.1} s",
        rounds - writing_rounds,
        acknowledged.len(),
        started.elapsed().as_secs_f64()
    );
}

/// `ACK <n> <id>` anywhere in a line of the child's output.
fn parse_ack(line: &str) -> Option<(u64, String)> {
    let start = line.find("ACK ")?;
    let mut parts = line.get(start + 4..)?.split(' ');
    Some((parts.next()?.parse().ok()?, parts.next()?.to_string()))
}
