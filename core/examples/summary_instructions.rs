//! The summary benchmark's work in one small process, for instruction counts under valgrind
//! (which, unlike wall-clock time, do not depend on what else the machine runs): opens a journal
//! file, runs the summary of the last `nights` nights once cold and `warm` times more, and writes
//! the summary's JSON (so a change can be checked to leave every output as it was).
//!
//! `cargo build --release -p rlsjournal-core --example summary_instructions`, then
//! `valgrind --tool=callgrind target/release/examples/summary_instructions <journal.db> 3650 0`
//! and again with `3650 5`: the difference over 5 is one warm summary's instructions. The range
//! and clock are the benchmark's (`core/benches/journal.rs`): nights ending 2026-10-31, asked at
//! 2026-11-01 09:00 +01:00; its ten-year file is `target/bench-data/ten-years-3650.db`.
//!
//! `-- <journal.db> <nights> <warm> [out.json]`

use rlsjournal_core::summary::NightRange;
use rlsjournal_core::time::parse_iso_date;
use rlsjournal_core::{Journal, Moment};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(path), Some(nights), Some(warm)) = (args.get(1), args.get(2), args.get(3)) else {
        eprintln!("usage: summary_instructions <journal.db> <nights> <warm runs> [out.json]");
        std::process::exit(2);
    };
    let nights: i64 = nights.parse().expect("nights: a number");
    let warm: u32 = warm.parse().expect("warm runs: a number");
    let last = parse_iso_date("2026-10-31").expect("date");
    let range = NightRange {
        first: last - chrono::Duration::days(nights - 1),
        last,
    };
    let now = Moment::parse_rfc3339("2026-11-01T09:00:00+01:00").expect("clock");
    let journal = Journal::open(path.clone()).expect("open the journal");
    let summary = journal.summary_at(Some(range), now).expect("summary");
    for _ in 0..warm {
        let again = journal.summary_at(Some(range), now).expect("summary");
        assert_eq!(again, summary, "a warm summary differs from the cold one");
    }
    if let Some(out) = args.get(4) {
        let json = serde_json::to_string_pretty(&summary).expect("summary JSON");
        std::fs::write(out, json).expect("write the summary JSON");
    }
}
