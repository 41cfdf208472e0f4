//! The `--json` contract, frozen: every command's JSON on a fixed journal is compared byte for
//! byte with a golden file in `tests/golden/`, so a renamed, removed or reordered field fails
//! here (`cli/README.md` promises that existing fields never change).
//!
//! How the output is made stable:
//! - The journal is scripted below with explicit times (`--at`, `--start`, `--on`, …), in
//!   November 2026, with a `+01:00` offset so that "02:10 stays 02:10" is part of the contract.
//! - The process runs with `TZ=UTC`, so anything that falls back to the device's offset (the
//!   demo) uses offset 0; `prompts` gets the hidden `--now` (a fixed clock); `summary`,
//!   `calendar` and `export text` get explicit ranges. No command here uses the wall clock for
//!   what it prints, except the stamps below.
//! - Record ids are random (UUID v7): each is replaced by `<id-N>`, N counting distinct ids in
//!   order of first appearance in that output (also inside `next_cursor`).
//! - `created_at` / `updated_at` come from the wall clock: their values become `<stamp>`.
//! - The temp directory's path becomes `<dir>`.
//!
//! `UPDATE_GOLDEN=1 cargo test -p rlsjournal-cli --test golden` rewrites the files; review the
//! diff before committing it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

mod common;

/// Where the golden files live.
fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// A scripted journal in a temp home, and the outputs collected so far.
struct Script {
    dir: tempfile::TempDir,
    db: PathBuf,
    /// Golden name → normalized output.
    outputs: Vec<(String, String)>,
}

impl Script {
    fn new() -> Script {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("journal.db");
        Script {
            dir,
            db,
            outputs: Vec::new(),
        }
    }

    /// Runs `rlsjournal --db <db> <args> --json` and returns its raw stdout.
    fn raw(&self, db: &Path, args: &[&str]) -> String {
        let out = common::rlsjournal_in(self.dir.path())
            .env("TZ", "UTC")
            .arg("--db")
            .arg(db)
            .args(args)
            .arg("--json")
            .output()
            .expect("run rlsjournal");
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 output")
    }

    /// Runs a command on the scripted journal, keeps its output as golden `name`, and returns
    /// the parsed (raw) JSON for the ids later steps need.
    fn step(&mut self, name: &str, args: &[&str]) -> serde_json::Value {
        let db = self.db.clone();
        self.step_on(&db, name, args)
    }

    /// [`Script::step`] on another journal file.
    fn step_on(&mut self, db: &Path, name: &str, args: &[&str]) -> serde_json::Value {
        let text = self.raw(db, args);
        let value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?}: {e}"));
        let normal = normalized(&text, self.dir.path());
        self.outputs.push((name.to_string(), normal));
        value
    }
}

/// Whether `s` is a UUID in its canonical lower-case hyphenated form (8-4-4-4-12).
fn is_uuid(s: &[u8]) -> bool {
    s.len() == 36
        && s.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_digit() || (b'a'..=b'f').contains(c),
        })
}

/// The output with ids, wall-clock stamps and the temp path replaced (see the module comment).
fn normalized(text: &str, dir: &Path) -> String {
    let text = text.replace(&dir.display().to_string(), "<dir>");
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut out = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if i + 36 <= bytes.len() && is_uuid(&bytes[i..i + 36]) {
            let id = &text[i..i + 36];
            let next = ids.len() + 1;
            let n = *ids.entry(id.to_string()).or_insert(next);
            out.push_str(&format!("<id-{n}>"));
            i += 36;
        } else {
            let c = text[i..].chars().next().expect("a char");
            out.push(c);
            i += c.len_utf8();
        }
    }
    out.lines()
        .map(|line| {
            let trimmed = line.trim_start();
            if trimmed.starts_with("\"created_at\": \"")
                || trimmed.starts_with("\"updated_at\": \"")
            {
                let indent = &line[..line.len() - trimmed.len()];
                let key = &trimmed[..trimmed.find(':').expect("a key")];
                let comma = if trimmed.ends_with(',') { "," } else { "" };
                format!("{indent}{key}: \"<stamp>\"{comma}\n")
            } else {
                format!("{line}\n")
            }
        })
        .collect()
}

/// The id at `pointer` in a command's JSON.
fn id_at(value: &serde_json::Value, pointer: &str) -> String {
    value
        .pointer(pointer)
        .and_then(|v| v.as_str())
        .unwrap_or_else(|| panic!("no id at {pointer} in {value}"))
        .to_string()
}

/// Every command with `--json`, on one scripted journal and the demo journal.
fn run_script() -> Script {
    let mut s = Script::new();

    // Settings: the defaults, then every one changed (the evening reminder feeds `prompts`).
    s.step("settings", &["settings"]);
    s.step(
        "settings_changed",
        &[
            "settings",
            "--cutover",
            "11",
            "--morning-hour",
            "6",
            "--evening-hour",
            "21",
            "--paper",
            "letter",
        ],
    );

    // The bedside: a quick log, a second one within 3 h (merged: the peak rises), relief, end.
    s.step(
        "quick",
        &[
            "quick",
            "5",
            "--side",
            "left",
            "--at",
            "2026-11-25T23:30:00+01:00",
        ],
    );
    s.step(
        "quick_merged",
        &["quick", "7", "--at", "2026-11-26T00:10:00+01:00"],
    );
    s.step(
        "relief",
        &[
            "relief",
            "walking",
            "--helped",
            "2",
            "--minutes",
            "15",
            "--at",
            "2026-11-26T00:20:00+01:00",
        ],
    );
    s.step("end", &["end", "--at", "2026-11-26T01:05:00+01:00"]);

    // `add` of every kind, with every optional field given somewhere.
    let episode = s.step(
        "add_episode",
        &[
            "add",
            "episode",
            "--intensity",
            "6",
            "--start",
            "2026-11-24T22:40:00+01:00",
            "--end",
            "2026-11-24T23:35:00+01:00",
            "--latency",
            "20",
            "--setting",
            "other:on a plane",
            "--side",
            "both",
            "--areas",
            "thighs,calves",
            "--sensations",
            "crawling,other:fizzing",
            "--woke",
            "--note",
            "after a long flight",
        ],
    );
    let episode_id = id_at(&episode, "/id");
    s.step(
        "add_relief",
        &[
            "add",
            "relief",
            &episode_id,
            "other:cold shower",
            "--helped",
            "1",
            "--at",
            "2026-11-24T23:00:00+01:00",
        ],
    );
    s.step(
        "add_sleep",
        &[
            "add",
            "sleep",
            "--bed",
            "2026-11-25T22:30:00+01:00",
            "--tried",
            "2026-11-25T22:45:00+01:00",
            "--sol",
            "25",
            "--waso",
            "70",
            "--awakenings",
            "2",
            "--woke",
            "2026-11-26T06:40:00+01:00",
            "--up",
            "2026-11-26T07:00:00+01:00",
            "--quality",
            "2",
            "--note",
            "restless",
        ],
    );
    s.step(
        "add_exposure",
        &[
            "add",
            "exposure",
            "caffeine",
            "--at",
            "2026-11-25T16:00:00+01:00",
            "--amount",
            "2",
            "--unit",
            "cups",
            "--note",
            "espresso",
        ],
    );
    s.step(
        "add_exposure_other",
        &[
            "add",
            "exposure",
            "other:long drive",
            "--at",
            "2026-11-25T18:00:00+01:00",
        ],
    );
    s.step(
        "add_treatment",
        &[
            "add",
            "treatment",
            "Pregabalin",
            "--category",
            "alpha2delta_ligand",
            "--dose",
            "75",
            "--unit",
            "mg",
            "--started",
            "2026-11-25",
            "--note",
            "evening",
        ],
    );
    s.step(
        "add_dose",
        &[
            "add",
            "dose",
            "Pregabalin",
            "--at",
            "2026-11-25T20:00:00+01:00",
        ],
    );
    s.step(
        "add_dose_amount",
        &[
            "add",
            "dose",
            "pregabalin",
            "--at",
            "2026-11-25T21:00:00+01:00",
            "--amount",
            "37.5",
        ],
    );
    s.step(
        "add_lab",
        &[
            "add",
            "lab",
            "ferritin",
            "45",
            "--unit",
            "µg/L",
            "--on",
            "2026-11-23",
            "--note",
            "fasting",
        ],
    );
    s.step("add_rating", &["add", "rating", "18", "--on", "2026-11-25"]);

    // The views.
    s.step("history", &["history"]);
    s.step("history_page", &["history", "--limit", "3"]);
    s.step("history_kinds", &["history", "--kind", "episode,lab"]);
    s.step("night", &["night", "2026-11-25"]);
    s.step("night_other", &["night", "2026-11-23"]);
    s.step("night_empty", &["night", "2026-11-01"]);
    s.step("calendar", &["calendar", "2026-11"]);
    s.step(
        "summary",
        &["summary", "--from", "2026-11-12", "--to", "2026-11-25"],
    );

    // An episode left open, then what is due: that evening, the open episode and the morning
    // check-in of a night without a diary (the evening check-in is not due: something is logged
    // tonight, and the rating was made 2 days before); a week later, all four kinds.
    s.step(
        "quick_open",
        &["quick", "4", "--at", "2026-11-27T19:00:00+01:00"],
    );
    s.step(
        "prompts",
        &["prompts", "--now", "2026-11-27T22:30:00+01:00"],
    );
    s.step(
        "prompts_rating_due",
        &["prompts", "--now", "2026-12-03T21:30:00+01:00"],
    );

    // Delete and undo.
    s.step("delete", &["delete", &episode_id]);
    s.step("undo", &["undo"]);
    s.step("undo_nothing", &["undo"]);
    s.step("delete_again", &["delete", &episode_id]);
    s.step("undo_id", &["undo", &episode_id]);

    // Export and import (sizes depend only on the journal, which is fixed up to its ids and
    // stamps; the text summary holds neither).
    let text = s.dir.path().join("summary.txt");
    let text = text.to_str().expect("utf-8 path").to_string();
    s.step(
        "export_text",
        &[
            "export",
            "text",
            "--out",
            &text,
            "--from",
            "2026-11-12",
            "--to",
            "2026-11-25",
        ],
    );
    let backup = s.dir.path().join("backup.json");
    let backup = backup.to_str().expect("utf-8 path").to_string();
    s.raw(&s.db.clone(), &["export", "backup", "--out", &backup]);
    let copy = s.dir.path().join("copy.db");
    s.step_on(&copy, "import", &["import", &backup]);
    s.step_on(&copy, "import_again", &["import", &backup]);

    // Folder sync (issue 17): the journal and its copy in step through a folder, and a new
    // journal restored from that folder.
    let folder = s.dir.path().join("sync");
    std::fs::create_dir(&folder).expect("sync folder");
    let folder = folder.to_str().expect("utf-8 path").to_string();
    s.step("sync", &["sync", "--folder", &folder]);
    s.step_on(&copy, "sync_other", &["sync", "--folder", &folder]);
    s.step("sync_again", &["sync", "--folder", &folder]);
    let restored = s.dir.path().join("restored.db");
    s.step_on(&restored, "restore", &["restore", "--from", &folder]);

    // A record that no longer decodes (a hand edit): the views list it under `damaged`.
    rusqlite::Connection::open(&copy)
        .expect("open the copy")
        .execute(
            "UPDATE entries SET data = '{\"value\": \"high\"}' WHERE kind = 'lab'",
            [],
        )
        .expect("damage the lab result");
    s.step_on(
        &copy,
        "history_damaged",
        &["history", "--kind", "lab,rating"],
    );
    s.step_on(&copy, "night_damaged", &["night", "2026-11-23"]);

    // The demo journal: its own report, and the summary and calendar of a full journal.
    let demo = s.dir.path().join("demo.db");
    let report = s.dir.path().join("demo-report.pdf");
    let report = report.to_str().expect("utf-8 path").to_string();
    s.step_on(
        &demo,
        "demo",
        &[
            "demo",
            "--seed",
            "1",
            "--nights",
            "56",
            "--last-night",
            "2026-11-25",
            "--report",
            &report,
        ],
    );
    s.step_on(
        &demo,
        "demo_summary",
        &["summary", "--from", "2026-10-29", "--to", "2026-11-25"],
    );
    s.step_on(&demo, "demo_calendar", &["calendar", "2026-11"]);
    s
}

#[test]
fn json_output_matches_the_golden_files() {
    let script = run_script();
    let dir = golden_dir();
    let update = std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1");
    let mut differ = Vec::new();
    for (name, output) in &script.outputs {
        let path = dir.join(format!("{name}.json"));
        if update {
            std::fs::create_dir_all(&dir).expect("golden dir");
            std::fs::write(&path, output).expect("write golden");
            continue;
        }
        let golden = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (UPDATE_GOLDEN=1 writes the golden files)",
                path.display()
            )
        });
        if &golden != output {
            differ.push(format!(
                "{name}: output differs from {}\n--- golden\n{golden}\n--- now\n{output}",
                path.display()
            ));
        }
    }
    // A golden file no command writes any more would freeze nothing.
    for entry in std::fs::read_dir(&dir).expect("golden dir") {
        let file = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        let name = file.trim_end_matches(".json");
        if !script.outputs.iter().any(|(n, _)| n == name) {
            differ.push(format!("{file}: no command writes it any more"));
        }
    }
    assert!(
        differ.is_empty(),
        "{} of {} outputs changed (UPDATE_GOLDEN=1 rewrites them after review):\n{}",
        differ.len(),
        script.outputs.len(),
        differ.join("\n")
    );
}

#[test]
fn normalizing_replaces_ids_stamps_and_the_temp_path() {
    let dir = Path::new("/tmp/x");
    let text = "{\n  \"id\": \"0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\",\n  \"episode_id\": \
                \"0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c\",\n  \"again\": \
                \"0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\",\n  \"next_cursor\": \
                \"1764109800000:0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c\",\n  \"created_at\": \
                \"2026-12-02T01:50:00.123Z\",\n  \"path\": \"/tmp/x/a.db\"\n}\n";
    assert_eq!(
        normalized(text, dir),
        "{\n  \"id\": \"<id-1>\",\n  \"episode_id\": \"<id-2>\",\n  \"again\": \"<id-1>\",\n  \
         \"next_cursor\": \"1764109800000:<id-2>\",\n  \"created_at\": \"<stamp>\",\n  \
         \"path\": \"<dir>/a.db\"\n}\n"
    );
}
