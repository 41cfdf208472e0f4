//! First-open race: several processes (the app, a widget, a notification action) open a journal
//! that does not exist yet, at the same moment. Every one must succeed, write, and leave exactly
//! one schema.
//!
//! The openers are this same test binary, re-run with `RLSJOURNAL_RACE_CHILD` set; each waits
//! for a line on stdin so that all of them open at once.

use std::io::{BufRead, Write};
use std::process::{Command, Stdio};

use rlsjournal_core::*;

const CHILD_ENV: &str = "RLSJOURNAL_RACE_CHILD";
const OPENERS: usize = 8;
const ROUNDS: usize = 20;

/// The child: wait for "go", open the journal, add one entry, print `OK`.
#[test]
fn race_child_opener() {
    let Ok(path) = std::env::var(CHILD_ENV) else {
        return; // only does something when started by the parent below
    };
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).unwrap();
    let outcome = Journal::open(path).and_then(|journal| {
        journal.add_exposure(ExposureData {
            at: Moment::from_millis(1_790_000_000_000, 60),
            kind: ExposureKind::Caffeine,
            amount: None,
            unit: None,
            note: None,
        })
    });
    match outcome {
        Ok(_) => println!("RACE OK"),
        Err(e) => println!("RACE ERR {e}"),
    }
}

/// `(type, name, sql)` of every schema object.
type Objects = Vec<(String, String, Option<String>)>;

/// Every schema object, and the two identifying pragmas (`user_version`, `application_id`).
fn schema_of(path: &std::path::Path) -> (Objects, i64, i64) {
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let mut stmt = conn
        .prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY type, name")
        .unwrap();
    let objects = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<Vec<_>>>()
        .unwrap();
    let version = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    let app_id = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    (objects, version, app_id)
}

#[test]
fn eight_processes_opening_a_new_journal_at_once_all_succeed_with_one_schema() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let reference = dir.path().join("reference.db");
    drop(Journal::open_path(&reference).unwrap());
    let expected = schema_of(&reference);
    assert!(
        expected.0.len() > 2,
        "reference schema is empty: {expected:?}"
    );

    let mut failures = Vec::new();
    for round in 0..ROUNDS {
        let path = dir.path().join(format!("round-{round}.db"));
        let mut children: Vec<_> = (0..OPENERS)
            .map(|_| {
                Command::new(std::env::current_exe().unwrap())
                    .args([
                        "--exact",
                        "race_child_opener",
                        "--nocapture",
                        "--test-threads=1",
                    ])
                    .env(CHILD_ENV, &path)
                    .stdin(Stdio::piped())
                    .stdout(Stdio::piped())
                    .stderr(Stdio::null())
                    .spawn()
                    .unwrap()
            })
            .collect();
        // All started: let them go together.
        for child in &mut children {
            let mut stdin = child.stdin.take().unwrap();
            stdin.write_all(b"go\n").unwrap();
        }
        let mut failed_here = 0;
        for child in children {
            let out = child.wait_with_output().unwrap();
            let text = String::from_utf8_lossy(&out.stdout).into_owned();
            if !text.contains("RACE OK") {
                failed_here += 1;
                failures.push(format!("round {round}: {}", text.trim()));
            }
        }
        assert_eq!(schema_of(&path), expected, "round {round}: schema differs");
        let journal = Journal::open_path(&path).unwrap();
        let items = journal
            .history(HistoryQuery {
                kinds: vec![],
                cursor: None,
                limit: 100,
            })
            .unwrap()
            .items;
        assert_eq!(items.len(), OPENERS - failed_here, "round {round}");
    }
    assert!(
        failures.is_empty(),
        "{} openers failed: {failures:#?}",
        failures.len()
    );
}
