//! Benchmarks on a ten-year journal file, each paired in the same run with its limit: the same
//! work written by hand with rusqlite. `scripts/bench.sh` runs them and writes
//! docs/performance.md from the results.

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use rlsjournal_core::export::auto_backup::BackupOccasion;
use rlsjournal_core::export::pdf::ReportOptions;
use rlsjournal_core::time::parse_iso_date;
use rlsjournal_core::*;
use rlsjournal_demo::{fill_demo, DemoOptions};
use rusqlite::{params, Connection};

/// Ten years of nights.
const NIGHTS: u32 = 3_650;
const LAST_NIGHT: &str = "2026-10-31";

fn data_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/bench-data");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The ten-year journal file, built once (in memory, then imported in one transaction) and
/// cached under target/bench-data.
fn ten_year_file() -> PathBuf {
    let path = data_dir().join(format!("ten-years-{NIGHTS}.db"));
    if !path.exists() {
        let started = std::time::Instant::now();
        let memory = Journal::open_in_memory().unwrap();
        fill_demo(
            &memory,
            &DemoOptions {
                nights: NIGHTS,
                seed: 1,
                end_night: parse_iso_date(LAST_NIGHT).unwrap(),
                offset_minutes: 60,
            },
        )
        .unwrap();
        let backup = memory.backup_json().unwrap();
        let building = path.with_extension("building");
        let _ = std::fs::remove_file(&building);
        let file = Journal::open(building.to_string_lossy().into_owned()).unwrap();
        file.import_backup(backup.into_bytes()).unwrap();
        drop(file);
        std::fs::rename(&building, &path).unwrap();
        eprintln!(
            "built {} in {:.1} s",
            path.display(),
            started.elapsed().as_secs_f64()
        );
    }
    path
}

/// A private copy of the ten-year file (for benchmarks that write).
fn copy_of(path: &Path, name: &str) -> PathBuf {
    let copy = data_dir().join(name);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", copy.display()));
    }
    std::fs::copy(path, &copy).unwrap();
    copy
}

fn open(path: &Path) -> std::sync::Arc<Journal> {
    Journal::open(path.to_string_lossy().into_owned()).unwrap()
}

fn raw(path: &Path) -> Connection {
    let conn = Connection::open(path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "synchronous", "FULL").unwrap();
    conn
}

fn bench_open(c: &mut Criterion) {
    let path = ten_year_file();
    let mut g = c.benchmark_group("open");
    g.bench_function("journal", |b| b.iter(|| drop(open(&path))));
    g.bench_function("bare_sqlite", |b| {
        b.iter(|| {
            let conn = Connection::open(&path).unwrap();
            let v: i64 = conn
                .query_row("PRAGMA user_version", [], |r| r.get(0))
                .unwrap();
            v
        })
    });
    g.finish();
}

fn bench_quick_log(c: &mut Criterion) {
    let path = copy_of(&ten_year_file(), "quick-log.db");
    let journal = open(&path);
    let mut g = c.benchmark_group("quick_log");
    g.sample_size(60).measurement_time(Duration::from_secs(8));
    // Going back in 4-hour steps, every log is a new episode (no merge into an open one).
    let mut at = Moment::now().millis() - 3_600_000;
    g.bench_function("journal", |b| {
        b.iter(|| {
            at -= 4 * 3_600_000;
            journal
                .quick_log(6, Some(Side::Both), Some(Moment::from_millis(at, 60)))
                .unwrap()
        })
    });
    // The limit: the same row (id, indexed columns and record JSON) inserted by hand into the
    // same `entries` table, with its indexes, through a prepared statement and a durable commit.
    let raw_path = copy_of(&ten_year_file(), "quick-log-raw.db");
    let conn = raw(&raw_path);
    let mut n = 0u64;
    let mut raw_at = Moment::now().millis() - 3_600_000;
    g.bench_function("hand_written_insert", |b| {
        b.iter(|| {
            n += 1;
            raw_at -= 4 * 3_600_000;
            let started = Moment::from_millis(raw_at, 60);
            let data = format!(
                "{{\"started_at\":\"{}\",\"ended_at\":null,\"peak_intensity\":6,\
                 \"latency_minutes\":null,\"setting\":null,\"side\":\"both\",\"body_areas\":[],\
                 \"sensations\":[],\"woke_from_sleep\":false,\"note\":null}}",
                started.to_rfc3339()
            );
            let tx = conn.unchecked_transaction().unwrap();
            tx.prepare_cached(
                "INSERT INTO entries (id, kind, parent_id, night, sort_ms, end_ms, intensity, \
                 data, created_ms, updated_ms, deleted_ms) \
                 VALUES (?1, 'episode', NULL, ?2, ?3, NULL, 6, ?4, ?5, ?5, NULL)",
            )
            .unwrap()
            .execute(params![
                uuid_like(n),
                time::iso_date(started.night(12)),
                raw_at,
                data,
                raw_at
            ])
            .unwrap();
            tx.commit().unwrap();
        })
    });
    g.finish();
}

fn uuid_like(n: u64) -> String {
    format!("00000000-0000-7000-8000-{n:012x}")
}

/// The cursor of the history item closest to `years` years back.
fn cursor_years_back(path: &Path, years: i64) -> (String, i64, String) {
    let conn = Connection::open(path).unwrap();
    let last: i64 = conn
        .query_row("SELECT max(sort_ms) FROM entries", [], |r| r.get(0))
        .unwrap();
    let target = last - years * 365 * 86_400_000;
    let (ms, id): (i64, String) = conn
        .query_row(
            "SELECT sort_ms, id FROM entries WHERE deleted_ms IS NULL AND kind <> 'relief' \
             AND sort_ms <= ?1 ORDER BY sort_ms DESC, id DESC LIMIT 1",
            [target],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    (format!("{ms}:{id}"), ms, id)
}

const BARE_HISTORY: &str = "SELECT e.id, e.kind, e.night, e.data FROM entries e \
     WHERE e.deleted_ms IS NULL AND e.kind <> 'relief' AND (e.sort_ms, e.id) < (?1, ?2) \
     ORDER BY e.sort_ms DESC, e.id DESC LIMIT 50";

fn bare_page(conn: &Connection, ms: i64, id: &str) -> usize {
    let mut stmt = conn.prepare_cached(BARE_HISTORY).unwrap();
    let rows = stmt
        .query_map(params![ms, id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })
        .unwrap();
    rows.count()
}

fn bench_views(c: &mut Criterion) {
    let path = ten_year_file();
    let journal = open(&path);
    let conn = Connection::open(&path).unwrap();
    let (cursor, ms, id) = cursor_years_back(&path, 5);
    let mut g = c.benchmark_group("history");
    g.bench_function("first_page", |b| {
        b.iter(|| {
            journal
                .history(HistoryQuery {
                    kinds: vec![],
                    cursor: None,
                    limit: 50,
                })
                .unwrap()
        })
    });
    g.bench_function("first_page_bare_select", |b| {
        b.iter(|| bare_page(&conn, i64::MAX, ""))
    });
    g.bench_function("five_years_back", |b| {
        b.iter(|| {
            journal
                .history(HistoryQuery {
                    kinds: vec![],
                    cursor: Some(cursor.clone()),
                    limit: 50,
                })
                .unwrap()
        })
    });
    g.bench_function("five_years_back_bare_select", |b| {
        b.iter(|| bare_page(&conn, ms, &id))
    });
    g.finish();

    let night = parse_iso_date("2026-10-20").unwrap();
    let mut g = c.benchmark_group("night");
    g.bench_function("view", |b| b.iter(|| journal.night(night).unwrap()));
    g.bench_function("bare_select", |b| {
        b.iter(|| {
            let mut stmt = conn
                .prepare_cached(
                    "SELECT id, kind, data FROM entries WHERE night = ?1 AND deleted_ms IS NULL",
                )
                .unwrap();
            let rows = stmt
                .query_map(["2026-10-20"], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                })
                .unwrap();
            rows.count()
        })
    });
    g.finish();

    let mut g = c.benchmark_group("calendar");
    g.bench_function("month", |b| {
        b.iter(|| journal.calendar_month(2026, 10).unwrap())
    });
    g.bench_function("bare_group_by", |b| {
        b.iter(|| {
            let mut stmt = conn
                .prepare_cached(
                    "SELECT night, max(intensity), count(*) FROM entries \
                     WHERE night >= '2026-10-01' AND night < '2026-11-01' AND deleted_ms IS NULL \
                     GROUP BY night",
                )
                .unwrap();
            let rows = stmt
                .query_map([], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, Option<i64>>(1)?))
                })
                .unwrap();
            rows.count()
        })
    });
    g.finish();
}

fn bench_backup(c: &mut Criterion) {
    let path = ten_year_file();
    let journal = open(&path);
    let backup = journal.backup_json().unwrap();
    let conn = Connection::open(&path).unwrap();
    let mut g = c.benchmark_group("backup");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("export_ten_years", |b| {
        b.iter(|| journal.backup_json().unwrap().len())
    });
    g.bench_function("bare_scan_all_rows", |b| {
        b.iter(|| {
            let mut stmt = conn
                .prepare_cached("SELECT id, kind, data FROM entries")
                .unwrap();
            let rows = stmt
                .query_map([], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                })
                .unwrap();
            rows.count()
        })
    });
    g.bench_function("import_ten_years_into_empty_file", |b| {
        b.iter_batched(
            || {
                let target = data_dir().join("import-target.db");
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", target.display()));
                }
                open(&target)
            },
            |target| target.import_backup(backup.clone().into_bytes()).unwrap(),
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

/// Issue 17: an automatic backup of the ten-year journal into a folder (export, zip, atomic
/// write with fsync, retention), plain and encrypted (age, scrypt work factor 18).
fn bench_auto_backup(c: &mut Criterion) {
    let path = ten_year_file();
    let journal = open(&path);
    let folder = data_dir().join("auto-backups");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    let folder_text = folder.to_string_lossy().into_owned();
    let mut g = c.benchmark_group("auto_backup");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("ten_years_plain", |b| {
        b.iter(|| {
            journal
                .auto_backup(folder_text.clone(), None, BackupOccasion::Now)
                .unwrap()
        })
    });
    g.bench_function("ten_years_encrypted", |b| {
        b.iter(|| {
            journal
                .auto_backup(
                    folder_text.clone(),
                    Some("correct horse battery".into()),
                    BackupOccasion::Now,
                )
                .unwrap()
        })
    });
    g.finish();
}

/// The bare read of every live row of the nights `first..=last` (kind, night and record JSON), with
/// no analysis: the limit of anything that summarises those nights.
fn scan_nights(conn: &Connection, first: &str, last: &str) -> usize {
    let mut stmt = conn
        .prepare_cached(
            "SELECT kind, night, data FROM entries WHERE night >= ?1 AND night <= ?2 \
             AND deleted_ms IS NULL",
        )
        .unwrap();
    let rows = stmt
        .query_map([first, last], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })
        .unwrap();
    rows.count()
}

fn bench_summary(c: &mut Criterion) {
    let path = ten_year_file();
    let journal = open(&path);
    let conn = Connection::open(&path).unwrap();
    let last = parse_iso_date(LAST_NIGHT).unwrap();
    let range = |nights: i64| summary::NightRange {
        first: last - chrono::Duration::days(nights - 1),
        last,
    };
    let now = Moment::parse_rfc3339("2026-11-01T09:00:00+01:00").unwrap();
    // The limit: reading the same rows' records, with no analysis at all.
    let bare_scan = |first: String| scan_nights(&conn, &first, LAST_NIGHT);
    let mut g = c.benchmark_group("summary");
    g.bench_function("fourteen_nights", |b| {
        b.iter(|| journal.summary_at(Some(range(14)), now).unwrap())
    });
    g.bench_function("fourteen_nights_bare_scan", |b| {
        b.iter(|| bare_scan(time::iso_date(range(14).first)))
    });
    g.sample_size(10).measurement_time(Duration::from_secs(15));
    g.bench_function("ten_years", |b| {
        b.iter(|| {
            journal
                .summary_at(Some(range(i64::from(NIGHTS))), now)
                .unwrap()
        })
    });
    g.bench_function("ten_years_bare_scan", |b| {
        b.iter(|| bare_scan(time::iso_date(range(i64::from(NIGHTS)).first)))
    });
    g.finish();
}

/// The one-page report of the last 30 nights. It summarises those nights and the 30 before them
/// (the change against the previous period), so its limit is the bare read of those 60 nights.
fn bench_report(c: &mut Criterion) {
    let path = ten_year_file();
    let journal = open(&path);
    let conn = Connection::open(&path).unwrap();
    let last = parse_iso_date(LAST_NIGHT).unwrap();
    let options = ReportOptions {
        range: Some(summary::NightRange {
            first: last - chrono::Duration::days(29),
            last,
        }),
        paper_size: Some(PaperSize::A4),
        include_notes: false,
        patient_name: None,
        fallback_fonts: Vec::new(),
        detail_page: false,
    };
    let now = Moment::parse_rfc3339("2026-11-01T09:00:00+01:00").unwrap();
    let mut g = c.benchmark_group("report");
    g.bench_function("thirty_nights", |b| {
        b.iter(|| journal.report_pdf_at(options.clone(), now).unwrap())
    });
    g.bench_function("sixty_nights_bare_scan", |b| {
        let first = time::iso_date(last - chrono::Duration::days(59));
        b.iter(|| scan_nights(&conn, &first, LAST_NIGHT))
    });
    g.finish();
}

/// Issue 17 §3: folder sync on the ten-year journal. Another device (a copy of the journal with
/// one day of changes: episodes, relief, a diary, doses) has written its snapshot; one round
/// merges it (parse and compare every record, write the changed ones) and writes our own
/// snapshot. Then a round with nothing new: fingerprints and the change mark only.
fn bench_sync(c: &mut Criterion) {
    let path = ten_year_file();
    let folder = data_dir().join("sync-folder");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    let other = open(&copy_of(&path, "sync-other.db"));
    for hour in 0..4 {
        other.quick_log(3 + hour, None, None).unwrap();
        other.end_episode(None).unwrap();
    }
    let report = other
        .sync_folder(folder.to_string_lossy().into_owned(), None)
        .unwrap();
    let size = std::fs::metadata(folder.join(report.written.unwrap()))
        .unwrap()
        .len();
    eprintln!("sync: a ten-year device file is {size} bytes");
    let mut g = c.benchmark_group("sync");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("merge_a_day_from_another_device_into_ten_years", |b| {
        b.iter_batched(
            || open(&copy_of(&path, "sync-ours.db")),
            |ours| {
                let r = ours
                    .sync_folder(folder.to_string_lossy().into_owned(), None)
                    .unwrap();
                assert_eq!(r.merged.len(), 1);
                // Each fresh copy is a new device: its file goes, so the next round again merges
                // exactly the other device's (the unlink is inside the measured time).
                if let Some(written) = &r.written {
                    std::fs::remove_file(folder.join(written)).unwrap();
                }
                ours
            },
            BatchSize::PerIteration,
        )
    });
    let ours = open(&copy_of(&path, "sync-settled.db"));
    ours.sync_folder(folder.to_string_lossy().into_owned(), None)
        .unwrap();
    g.bench_function("resync_nothing_new_ten_years", |b| {
        b.iter(|| {
            let r = ours
                .sync_folder(folder.to_string_lossy().into_owned(), None)
                .unwrap();
            assert!(r.written.is_none() && r.merged.is_empty());
        })
    });
    g.finish();
}

criterion_group!(
    benches,
    bench_open,
    bench_quick_log,
    bench_views,
    bench_summary,
    bench_report,
    bench_backup,
    bench_auto_backup,
    bench_sync
);
criterion_main!(benches);
