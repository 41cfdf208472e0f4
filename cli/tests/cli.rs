//! End-to-end tests of the real `rlsjournal` binary on journals in temp directories.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

mod common;

/// Tests that need an outside tool: fail under CI, skip visibly elsewhere (shared with the core).
#[path = "../../core/tests/common/skip.rs"]
mod skip;

/// A temp home: its own data, cache and journal, so no test touches a real journal.
struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn db(&self) -> PathBuf {
        self.path("journal.db")
    }

    /// Runs the binary with no `--db` (for path tests), in the temp directory, so relative
    /// paths land there.
    fn bare(&self, args: &[&str]) -> Output {
        common::rlsjournal_in(self.dir.path())
            .args(args)
            .output()
            .expect("run rlsjournal")
    }

    /// Runs the binary on this test's journal.
    fn run(&self, args: &[&str]) -> Output {
        let db = self.db();
        let mut all = vec!["--db", db.to_str().expect("utf-8 path")];
        all.extend_from_slice(args);
        self.bare(&all)
    }

    /// Runs and expects success; returns stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 output")
    }

    /// Runs with `--json` and parses stdout.
    fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        let text = self.ok(&all);
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?}: {e}\n{text}"))
    }
}

/// An RFC 3339 time `minutes_ago` minutes before now, at this machine's offset.
fn ago(minutes: i64) -> String {
    (chrono::Local::now() - chrono::Duration::minutes(minutes)).to_rfc3339()
}

fn items(page: &Value) -> &Vec<Value> {
    page["items"].as_array().expect("items")
}

/// The error of a failed run: its exit status and its stderr.
fn failure(out: &Output) -> (i32, String) {
    assert!(!out.status.success(), "expected a failure");
    (
        out.status.code().expect("exit code"),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

#[test]
fn quick_log_shows_in_history() {
    let env = Env::new();
    let at = ago(30);
    let saved = env.ok(&["quick", "7", "--side", "left", "--at", &at]);
    assert!(saved.contains("Symptoms 7/10"), "{saved}");
    let text = env.ok(&["history"]);
    assert!(text.contains("Symptoms 7/10"), "{text}");
    let page = env.json(&["history"]);
    let first = &items(&page)[0];
    assert_eq!(first["kind"], "episode");
    assert_eq!(first["intensity"], 7);
    assert_eq!(first["record"]["side"], "left");
    assert_eq!(first["record"]["ended_at"], Value::Null);
    assert_eq!(page["next_cursor"], Value::Null);
}

#[test]
fn end_and_relief_complete_the_episode() {
    let env = Env::new();
    env.ok(&["quick", "6", "--at", &ago(40)]);
    let relief = env.json(&[
        "relief",
        "walking",
        "--helped",
        "2",
        "--minutes",
        "10",
        "--at",
        &ago(30),
    ]);
    assert_eq!(relief["record"]["relief"][0]["method"], "walking");
    assert_eq!(relief["record"]["relief"][0]["helped"], 2);
    assert_eq!(relief["record"]["relief"][0]["minutes_to_relief"], 10);
    let ended = env.json(&["end", "--at", &ago(20)]);
    assert!(ended["record"]["ended_at"].is_string());
    let (code, err) = failure(&env.run(&["end"]));
    assert_eq!(code, 1, "no open episode is not bad input: {err}");
    assert!(err.starts_with("rlsjournal: not found"), "{err}");
}

#[test]
fn add_writes_every_kind() {
    let env = Env::new();
    let episode = env.json(&[
        "add",
        "episode",
        "--intensity",
        "8",
        "--start",
        "2025-03-10T23:30:00+01:00",
        "--end",
        "2025-03-11T00:20:00+01:00",
        "--latency",
        "25",
        "--setting",
        "in_bed",
        "--side",
        "both",
        "--areas",
        "calves,thighs",
        "--sensations",
        "crawling,other:fizzing",
        "--woke",
        "--note",
        "after a long drive",
    ]);
    let record = &episode["record"];
    assert_eq!(record["night"], "2025-03-10");
    assert_eq!(record["latency_minutes"], 25);
    assert_eq!(
        record["body_areas"],
        serde_json::json!(["calves", "thighs"])
    );
    assert_eq!(
        record["sensations"],
        serde_json::json!(["crawling", "other:fizzing"])
    );
    assert_eq!(record["woke_from_sleep"], true);
    let id = episode["id"].as_str().expect("id");
    let relief = env.json(&[
        "add",
        "relief",
        id,
        "other:cold shower",
        "--helped",
        "3",
        "--at",
        "2025-03-10T23:50:00+01:00",
    ]);
    assert_eq!(relief["record"]["relief"][0]["method"], "other:cold shower");

    let sleep = env.json(&[
        "add",
        "sleep",
        "--bed",
        "2025-03-10T22:45:00+01:00",
        "--tried",
        "2025-03-10T23:00:00+01:00",
        "--sol",
        "20",
        "--awakenings",
        "1",
        "--waso",
        "50",
        "--woke",
        "2025-03-11T06:40:00+01:00",
        "--up",
        "2025-03-11T07:00:00+01:00",
        "--quality",
        "2",
    ]);
    assert_eq!(sleep["record"]["night_of"], "2025-03-10");
    assert_eq!(sleep["record"]["total_sleep_minutes"], 460 - 70);
    let exposure = env.json(&[
        "add",
        "exposure",
        "caffeine",
        "--at",
        "2025-03-10T15:00:00+01:00",
        "--amount",
        "2",
        "--unit",
        "cups",
    ]);
    assert_eq!(exposure["record"]["amount"], 2.0);
    let other = env.json(&[
        "add",
        "exposure",
        "other:hot bath",
        "--at",
        "2025-03-10T21:00:00+01:00",
    ]);
    assert_eq!(other["record"]["kind"], "other:hot bath");
    let treatment = env.json(&[
        "add",
        "treatment",
        "pramipexole",
        "--category",
        "dopamine_agonist",
        "--dose",
        "0.125",
        "--unit",
        "mg",
        "--started",
        "2025-03-01",
    ]);
    assert_eq!(treatment["record"]["category"], "dopamine_agonist");
    let dose = env.json(&[
        "add",
        "dose",
        "Pramipexole",
        "--at",
        "2025-03-10T21:00:00+01:00",
    ]);
    assert_eq!(dose["record"]["treatment_id"], treatment["id"]);
    assert_eq!(dose["record"]["treatment_name"], "pramipexole");
    let lab = env.json(&[
        "add",
        "lab",
        "ferritin",
        "45",
        "--unit",
        "µg/L",
        "--on",
        "2025-03-05",
    ]);
    assert_eq!(lab["record"]["value"], 45.0);
    let rating = env.json(&["add", "rating", "24", "--on", "2025-03-09"]);
    assert_eq!(rating["record"]["band"], "severe");

    let page = env.json(&["history", "--limit", "200"]);
    let kinds: HashSet<&str> = items(&page)
        .iter()
        .filter_map(|i| i["kind"].as_str())
        .collect();
    let expected: HashSet<&str> = [
        "episode",
        "sleep",
        "exposure",
        "treatment",
        "dose",
        "lab",
        "rating",
    ]
    .into();
    assert_eq!(kinds, expected);
    let only = env.json(&["history", "--kind", "lab,rating"]);
    assert_eq!(items(&only).len(), 2);
}

#[test]
fn history_pages_return_every_item_once() {
    let env = Env::new();
    for i in 0..23 {
        env.ok(&[
            "add",
            "exposure",
            "screen_time",
            "--at",
            &ago(600 - i * 10),
            "--amount",
            "30",
            "--unit",
            "min",
        ]);
    }
    env.ok(&["quick", "4", "--at", &ago(5)]);
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut args = vec!["history", "--limit", "5"];
        if let Some(c) = &cursor {
            args.extend(["--cursor", c.as_str()]);
        }
        let page = env.json(&args);
        seen.extend(
            items(&page)
                .iter()
                .map(|i| i["id"].as_str().expect("id").to_string()),
        );
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
    }
    assert_eq!(seen.len(), 24);
    assert_eq!(
        seen.iter().collect::<HashSet<_>>().len(),
        24,
        "no duplicates"
    );
    let all = env.json(&["history", "--limit", "200"]);
    let all_ids: Vec<String> = items(&all)
        .iter()
        .map(|i| i["id"].as_str().expect("id").to_string())
        .collect();
    assert_eq!(seen, all_ids, "same order as one big page");
}

#[test]
fn night_and_calendar_views() {
    let env = Env::new();
    env.ok(&[
        "add",
        "episode",
        "--intensity",
        "5",
        "--start",
        "2025-03-11T01:30:00+01:00",
        "--end",
        "2025-03-11T02:00:00+01:00",
    ]);
    env.ok(&[
        "add",
        "exposure",
        "alcohol",
        "--at",
        "2025-03-10T20:00:00+01:00",
        "--amount",
        "2",
        "--unit",
        "drinks",
    ]);
    let night = env.json(&["night", "2025-03-10"]);
    assert_eq!(night["night"], "2025-03-10");
    assert_eq!(night["peak_intensity"], 5);
    assert_eq!(night["symptom_minutes"], 30);
    assert_eq!(night["episodes"].as_array().expect("episodes").len(), 1);
    assert_eq!(night["exposures"][0]["kind"], "alcohol");
    assert_eq!(night["sleep_diary"], Value::Null);
    let text = env.ok(&["night", "2025-03-10"]);
    assert!(text.starts_with("Night of Mon 10 Mar 2025"), "{text}");

    let cal = env.json(&["calendar", "2025-03"]);
    assert_eq!(cal["title"], "March 2025");
    assert_eq!(cal["first_weekday"], 6);
    let days = cal["days"].as_array().expect("days");
    assert_eq!(days.len(), 31);
    assert_eq!(days[9]["night"], "2025-03-10");
    assert_eq!(days[9]["peak_intensity"], 5);
    assert_eq!(days[9]["episode_count"], 1);
    assert_eq!(days[9]["entry_count"], 2);
    assert_eq!(days[10]["entry_count"], 0);
    let grid = env.ok(&["calendar", "2025-03"]);
    assert!(grid.contains("10  5"), "{grid}");
}

#[test]
fn no_symptoms_marks_the_night_observed_once() {
    let env = Env::new();
    // An exposure alone leaves the night of 10 Mar not logged.
    env.ok(&[
        "add",
        "exposure",
        "caffeine",
        "--at",
        "2025-03-10T20:00:00+01:00",
    ]);
    let cal = env.json(&["calendar", "2025-03"]);
    assert_eq!(cal["days"][9]["state"], "not_logged");
    let saved = env.json(&[
        "no-symptoms",
        "--night",
        "2025-03-10",
        "--at",
        "2025-03-11T07:30:00+01:00",
    ]);
    assert_eq!(saved["kind"], "no_symptoms");
    assert_eq!(saved["record"]["night_of"], "2025-03-10");
    // Again for the same night: the same answer, not a second one.
    let again = env.json(&[
        "no-symptoms",
        "--night",
        "2025-03-10",
        "--at",
        "2025-03-11T07:35:00+01:00",
    ]);
    assert_eq!(again["id"], saved["id"]);
    let page = env.json(&["history", "--kind", "no_symptoms"]);
    assert_eq!(items(&page).len(), 1);
    let cal = env.json(&["calendar", "2025-03"]);
    assert_eq!(cal["days"][9]["state"], "no_symptoms");
    assert_eq!(cal["days"][9]["observed"], true);
    // The grid shows the observed symptom-free night as a dot.
    let grid = env.ok(&["calendar", "2025-03"]);
    assert!(grid.contains("10  ."), "{grid}");
    let night = env.ok(&["night", "2025-03-10"]);
    assert!(night.contains("Morning answer"), "{night}");
    assert!(night.contains("No symptoms"), "{night}");
    // Without --night it answers for last night.
    let text = env.ok(&["no-symptoms"]);
    assert!(text.contains("No symptoms"), "{text}");
    // A night whose morning has not come is refused, naming the field.
    let (code, err) = failure(&env.run(&[
        "no-symptoms",
        "--night",
        "2025-03-12",
        "--at",
        "2025-03-12T23:00:00+01:00",
    ]));
    assert_eq!(code, 2);
    assert!(err.contains("night_of"), "{err}");
}

#[test]
fn delete_and_undo() {
    let env = Env::new();
    let a = env.json(&["quick", "3", "--at", &ago(300)]);
    let id = a["id"].as_str().expect("id");
    let deleted = env.json(&["delete", id]);
    assert_eq!(deleted["action"], "deleted");
    assert!(items(&env.json(&["history"])).is_empty());
    let undone = env.json(&["undo"]);
    assert_eq!(undone["id"], id);
    assert_eq!(items(&env.json(&["history"])).len(), 1);
    env.ok(&["delete", id]);
    assert!(env.ok(&["undo", id]).contains(id));
    assert_eq!(env.ok(&["undo"]), "Nothing to undo.\n");
    let (code, _) = failure(&env.run(&["delete", "no-such-id"]));
    assert_eq!(code, 1);
}

#[test]
fn settings_change_and_persist() {
    let env = Env::new();
    let defaults = env.json(&["settings"]);
    assert_eq!(defaults["night_cutover_hour"], 12);
    assert_eq!(defaults["evening_reminder_hour"], Value::Null);
    let changed = env.json(&[
        "settings",
        "--cutover",
        "6",
        "--evening-hour",
        "21",
        "--paper",
        "letter",
        "--morning-hour",
        "7",
    ]);
    assert_eq!(changed["night_cutover_hour"], 6);
    assert_eq!(changed["paper_size"], "letter");
    let again = env.json(&["settings"]);
    assert_eq!(again["evening_reminder_hour"], 21);
    assert_eq!(again["morning_hour"], 7);
    assert_eq!(
        env.json(&["settings", "--evening-hour", "none"])["evening_reminder_hour"],
        Value::Null
    );
    let (code, err) = failure(&env.run(&["settings", "--cutover", "24"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("invalid --cutover: must be between 0 and 23, got 24"),
        "{err}"
    );
}

#[test]
fn prompts_list_what_is_due() {
    let env = Env::new();
    env.ok(&["quick", "5", "--at", &ago(240)]);
    let prompts = env.json(&["prompts"]);
    let kinds: Vec<&str> = prompts["prompts"]
        .as_array()
        .expect("prompts")
        .iter()
        .filter_map(|p| p["kind"].as_str())
        .collect();
    assert!(kinds.contains(&"open_episode"), "{kinds:?}");
    assert!(kinds.contains(&"severity_rating"), "{kinds:?}");
}

#[test]
fn bad_input_is_one_line_naming_the_field_with_status_2() {
    let env = Env::new();
    let cases: &[(&[&str], &str)] = &[
        (
            &["quick", "11"],
            "invalid <INTENSITY>: must be between 1 and 10, got 11",
        ),
        (&["quick", "0"], "invalid <INTENSITY>"),
        (&["quick", "-3"], "invalid <INTENSITY>"),
        (&["quick", "300"], "invalid <INTENSITY>"),
        (&["quick", "5", "--side", "up"], "invalid --side"),
        (&["quick", "5", "--at", "yesterday"], "invalid --at"),
        (&["relief", "dancing", "--helped", "1"], "invalid <METHOD>"),
        (&["relief", "walking", "--helped", "4"], "invalid --helped"),
        (
            &[
                "add",
                "exposure",
                "other:",
                "--at",
                "2025-03-10T20:00:00+01:00",
            ],
            "invalid <KIND>",
        ),
        (
            &["add", "lab", "ferritin", "-4", "--unit", "µg/L"],
            "invalid <VALUE>",
        ),
        (&["add", "rating", "41"], "invalid <IRLS_TOTAL>"),
        (&["add", "dose", "nothing"], "invalid <TREATMENT>"),
        (&["night", "2025-13-01"], "invalid <DATE>"),
        (&["calendar", "March"], "invalid [MONTH]"),
        (&["history", "--limit", "0"], "invalid --limit"),
        (&["history", "--kind", "dream"], "invalid --kind"),
        (&["history", "--cursor", "nonsense"], "invalid --cursor"),
        (&["quick"], "INTENSITY"),
        (&["quick", "5", "--bogus"], "--bogus"),
        (&["frobnicate"], "frobnicate"),
    ];
    for (args, expected) in cases {
        let out = env.run(args);
        let (code, err) = failure(&out);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: one line, got {err:?}");
        assert!(err.starts_with("rlsjournal: "), "{args:?}: {err}");
        assert!(
            err.contains(expected),
            "{args:?}: {err:?} lacks {expected:?}"
        );
    }
    assert!(
        items(&env.json(&["history"])).is_empty(),
        "nothing was written"
    );
}

#[test]
fn help_and_version_succeed() {
    let env = Env::new();
    assert!(env.ok(&["--help"]).contains("demo"));
    assert!(env.ok(&["add", "--help"]).contains("exposure"));
    assert!(env.ok(&["--version"]).starts_with("rlsjournal "));
}

/// The demo's stdout with the journal and report paths taken out.
fn demo_output(env: &Env, db: &Path, seed: &str) -> String {
    let report = db.with_extension("").display().to_string() + "-report.pdf";
    let db = db.to_str().expect("utf-8 path");
    let out = env.bare(&[
        "--db",
        db,
        "demo",
        "--nights",
        "14",
        "--seed",
        seed,
        "--last-night",
        "2025-10-31",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .replace(&report, "<report>")
        .replace(db, "<db>")
}

#[test]
fn demo_is_deterministic() {
    let env = Env::new();
    let a = demo_output(&env, &env.path("a.db"), "1");
    let b = demo_output(&env, &env.path("b.db"), "1");
    assert_eq!(a, b);
    assert!(
        a.contains("Recent history") && a.contains("October 2025"),
        "{a}"
    );
    assert_ne!(a, demo_output(&env, &env.path("c.db"), "2"));
    // The demo journals are real journals: their histories match too, apart from ids.
    let page = |name: &str| {
        let db = env.path(name);
        let out = env.bare(&[
            "--db",
            db.to_str().expect("path"),
            "history",
            "--limit",
            "200",
            "--json",
        ]);
        let mut v: Value = serde_json::from_slice(&out.stdout).expect("json");
        for item in v["items"].as_array_mut().expect("items") {
            item.as_object_mut().expect("item").remove("id");
            item.as_object_mut().expect("item").remove("record");
        }
        v
    };
    assert_eq!(page("a.db"), page("b.db"));
    // A journal with entries is never filled.
    let again = env.bare(&[
        "--db",
        env.path("a.db").to_str().expect("path"),
        "demo",
        "--nights",
        "3",
    ]);
    let (code, err) = failure(&again);
    assert_eq!(code, 2);
    assert!(err.contains("invalid journal"), "{err}");
}

#[test]
fn demo_without_db_leaves_the_default_journal_alone() {
    let env = Env::new();
    let out = env.bare(&["demo", "--nights", "10", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(report["nights"], 10);
    let demo_path = PathBuf::from(report["path"].as_str().expect("path"));
    assert!(
        demo_path.starts_with(env.path("cache")),
        "{}",
        demo_path.display()
    );
    assert!(demo_path.exists());
    assert!(!env
        .path("data")
        .join("rlsjournal")
        .join("journal.db")
        .exists());
    // A second run replaces the demo journal instead of failing on it.
    let again = env.bare(&["demo", "--nights", "10", "--json"]);
    assert!(
        again.status.success(),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    // And the default journal is created on first use by an ordinary command.
    env.bare(&["quick", "2"]);
    assert!(env
        .path("data")
        .join("rlsjournal")
        .join("journal.db")
        .exists());
}

/// Display text keeps three decimals, so the common starting
/// dose of pramipexole, 0.125 mg, reads as written in history, night views and reports.
#[test]
fn a_dose_of_0_125_mg_reads_as_written() {
    let env = Env::new();
    let saved = env.json(&[
        "add",
        "treatment",
        "pramipexole",
        "--category",
        "dopamine_agonist",
        "--dose",
        "0.125",
        "--unit",
        "mg",
        "--started",
        "2025-03-01",
    ]);
    assert_eq!(saved["record"]["dose"], 0.125, "the record keeps the value");
    assert_eq!(saved["title"], "pramipexole 0.125 mg");
}

/// The augmentation watch in the summary (issue 15): a levodopa journal whose onset moved from
/// 23:00 to 10:00 the next morning. The day clock (from 05:00) reads that as 13 h earlier
/// (1080 − 300 = 780 min), a sign on its own; the text shows the baseline and the scope.
#[test]
fn summary_shows_the_augmentation_watch_with_its_baseline_and_scope() {
    let env = Env::new();
    env.ok(&[
        "add",
        "treatment",
        "carbidopa/levodopa",
        "--category",
        "levodopa",
        "--started",
        "2026-01-01",
    ]);
    let day = |first: &str, i: i64| {
        (chrono::NaiveDate::parse_from_str(first, "%Y-%m-%d").expect("date")
            + chrono::Duration::days(i))
        .format("%Y-%m-%d")
        .to_string()
    };
    for i in 0..14 {
        for start in [
            format!("{}T23:00:00+01:00", day("2026-01-01", i)),
            format!("{}T10:00:00+01:00", day("2026-02-17", i)),
        ] {
            env.ok(&["add", "episode", "--intensity", "4", "--start", &start]);
        }
    }
    let text = env.ok(&["summary", "--from", "2026-02-16", "--to", "2026-03-01"]);
    for wanted in [
        "Possible signs of augmentation by the MPI criteria",
        "first onset 23:00 at baseline, 10:00 now",
        "13 h earlier in the day",
        "Baseline: the first 14 observed nights on it",
        "Not judged:",
        "Daytime symptoms",
    ] {
        assert!(text.contains(wanted), "{wanted}: {text}");
    }
    let json = env.json(&["summary", "--from", "2026-02-16", "--to", "2026-03-01"]);
    let a = &json["augmentation"];
    assert_eq!(a["status"], "possible_signs");
    assert_eq!(a["watches"][0]["baseline_source"], "first_nights_on_it");
    assert_eq!(a["watches"][0]["onset_earlier_minutes"], 780.0);
}

/// Dose timeline (issue 15 item 4): dose steps through `add treatment`, shown by `summary`;
/// a malformed step is refused with its field.
#[test]
fn add_treatment_takes_dose_steps_and_the_summary_lists_them() {
    let env = Env::new();
    let saved = env.json(&[
        "add",
        "treatment",
        "pramipexole",
        "--category",
        "dopamine_agonist",
        "--dose",
        "0.125",
        "--unit",
        "mg",
        "--started",
        "2025-03-01",
        "--times-per-day",
        "1",
        "--dose-change",
        "2025-03-08=0.25x2",
        "--dose-change",
        "2025-03-20=0.5",
    ]);
    assert_eq!(saved["record"]["times_per_day"], 1);
    assert_eq!(
        saved["record"]["dose_changes"],
        serde_json::json!([
            {"from": "2025-03-08", "dose": 0.25, "times_per_day": 2},
            {"from": "2025-03-20", "dose": 0.5, "times_per_day": null}
        ])
    );
    let text = env.ok(&["summary", "--from", "2025-03-01", "--to", "2025-03-14"]);
    assert!(text.contains("  Doses:"), "{text}");
    // 0.25 × 2 = 0.5 mg a day from 8 Mar; before it 0.125 × 1: known on all 14 nights.
    assert!(text.contains("(0.5 mg a day)"), "{text}");
    assert!(
        text.contains("Total daily dose known on 14 of 14 nights"),
        "{text}"
    );
    let (code, message) = failure(&env.run(&[
        "add",
        "treatment",
        "ropinirole",
        "--category",
        "dopamine_agonist",
        "--dose",
        "0.25",
        "--started",
        "2025-03-01",
        "--dose-change",
        "2025-02-01=0.5",
    ]));
    assert_eq!(code, 2);
    assert!(message.contains("dose_changes[0].from"), "{message}");
    let (_, message) = failure(&env.run(&[
        "add",
        "treatment",
        "ropinirole",
        "--category",
        "dopamine_agonist",
        "--dose",
        "0.25",
        "--dose-change",
        "tomorrow",
    ]));
    assert!(message.contains("dose_changes"), "{message}");
}

// ---- export and import ----

/// Fills the test's journal with the demo: `nights` nights ending on 31 October 2025.
fn demo_journal(env: &Env, nights: &str) {
    let report = env.path("demo-report.pdf");
    env.ok(&[
        "demo",
        "--nights",
        nights,
        "--last-night",
        "2025-10-31",
        "--report",
        report.to_str().expect("utf-8 path"),
    ]);
}

/// The PDF's text (`pdftotext -raw`, whitespace runs as one space), or `None` when poppler
/// is not installed (scripts/install-deps.sh installs it; the test command has it): then `test`
/// fails under CI and skips its PDF text checks visibly elsewhere (`skip`).
fn pdf_text(test: &str, path: &Path) -> Option<String> {
    if !skip::tools_present(&format!("{test} (its PDF text checks)"), &["pdftotext"]) {
        return None;
    }
    Some(common::pdf_tools::pdf_text(path))
}

/// A backup document without its `exported_at` time, for comparing two exports.
fn backup_without_time(path: &Path) -> Value {
    let bytes = std::fs::read(path).expect("read backup");
    let mut doc: Value = serde_json::from_slice(&bytes).expect("backup is JSON");
    doc.as_object_mut()
        .expect("backup object")
        .remove("exported_at")
        .expect("exported_at");
    doc
}

/// The journal's backup now, without its `exported_at` time.
fn snapshot(env: &Env, name: &str) -> Value {
    let path = env.path(name);
    env.ok(&["export", "backup", "--out", path.to_str().expect("path")]);
    backup_without_time(&path)
}

/// The names of the files in a directory.
fn file_names(dir: &Path) -> HashSet<String> {
    std::fs::read_dir(dir)
        .expect("list dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().to_string())
        .collect()
}

#[test]
fn export_pdf_writes_the_one_page_report() {
    let env = Env::new();
    demo_journal(&env, "45");
    env.ok(&[
        "add",
        "exposure",
        "caffeine",
        "--at",
        "2025-10-20T15:00:00+01:00",
        "--note",
        "SECRET-NOTE",
    ]);
    let out = env.path("report.pdf");
    let out_str = out.to_str().expect("path");
    let printed = env.ok(&[
        "export",
        "pdf",
        "--out",
        out_str,
        "--to",
        "2025-10-31",
        "--name",
        "Alex Example",
    ]);
    assert!(
        printed.starts_with(&format!("wrote {out_str} (")),
        "{printed}"
    );
    assert!(
        printed.ends_with(", 1 page, nights 2025-10-02 – 2025-10-31)\n"),
        "30 nights by default: {printed}"
    );
    let bytes = std::fs::read(&out).expect("report");
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    // The paper is the journal's setting (A4 by default) unless --paper says otherwise.
    assert!(String::from_utf8_lossy(&bytes).contains("/MediaBox [0 0 595.27563 841.8898]"));
    if let Some(text) = pdf_text("export_pdf_writes_the_one_page_report", &out) {
        assert!(text.contains("Self-reported by the patient"), "{text}");
        assert!(text.contains("Patient: Alex Example"), "{text}");
        assert!(text.contains("Thu 2 Oct – Fri 31 Oct 2025"), "{text}");
        assert!(
            !text.contains("SECRET-NOTE"),
            "notes are off by default: {text}"
        );
    }

    // --notes, --paper and --from; the file is replaced, and no temporary file is left.
    let json = env.json(&[
        "export",
        "pdf",
        "--out",
        out_str,
        "--from",
        "2025-10-18",
        "--to",
        "2025-10-31",
        "--notes",
        "--paper",
        "letter",
    ]);
    assert_eq!(json["format"], "pdf");
    assert_eq!(json["pages"], 1);
    assert_eq!(json["first_night"], "2025-10-18");
    assert_eq!(json["last_night"], "2025-10-31");
    let bytes = std::fs::read(&out).expect("report");
    assert_eq!(json["bytes"], bytes.len());
    assert!(String::from_utf8_lossy(&bytes).contains("/MediaBox [0 0 612 792]"));
    if let Some(text) = pdf_text("export_pdf_writes_the_one_page_report", &out) {
        assert!(text.contains("SECRET-NOTE"), "{text}");
        assert!(text.contains("14 nights"), "{text}");
    }
    assert!(
        file_names(env.dir.path())
            .iter()
            .all(|n| !n.ends_with(".tmp")),
        "{:?}",
        file_names(env.dir.path())
    );
}

/// `--detail-page` adds page 2 (issue 21); other formats refuse it.
#[test]
fn export_pdf_detail_page_adds_page_two() {
    let env = Env::new();
    demo_journal(&env, "40");
    let out = env.dir.path().join("detail.pdf");
    let out_str = out.to_str().expect("utf-8 path");
    let json = env.json(&[
        "export",
        "pdf",
        "--out",
        out_str,
        "--notes",
        "--detail-page",
    ]);
    assert_eq!(json["pages"], 2);
    if let Some(text) = pdf_text("export_pdf_detail_page_adds_page_two", &out) {
        assert!(text.contains("Page 2: the detail"), "{text}");
    }
    let json = env.json(&["export", "pdf", "--out", out_str]);
    assert_eq!(json["pages"], 1);
    let (_, err) = failure(&env.run(&["export", "text", "--out", "-", "--detail-page"]));
    assert!(err.contains("detail-page"), "{err}");
}

#[test]
fn export_csv_as_a_folder_or_a_zip() {
    let env = Env::new();
    demo_journal(&env, "20");
    env.ok(&[
        "add",
        "exposure",
        "alcohol",
        "--at",
        "2025-10-20T20:00:00+01:00",
        "--note",
        "SECRET-NOTE",
    ]);
    let tables: HashSet<String> = [
        "episodes",
        "relief_attempts",
        "sleep_diary",
        "exposures",
        "treatments",
        "doses",
        "lab_results",
        "severity_ratings",
        "no_symptoms",
        "visits",
        "safety_checks",
    ]
    .iter()
    .map(|t| format!("{t}.csv"))
    .collect();

    // A folder that does not exist yet is created, one file per table.
    let folder = env.path("tables").join("october");
    let printed = env.ok(&["export", "csv", "--out", folder.to_str().expect("path")]);
    assert!(printed.starts_with("wrote 11 tables to "), "{printed}");
    assert!(printed.contains("episodes.csv"), "{printed}");
    assert_eq!(file_names(&folder), tables);
    let exposures = std::fs::read_to_string(folder.join("exposures.csv")).expect("csv");
    assert!(exposures.starts_with('\u{feff}'), "byte-order mark");
    assert!(exposures.contains("alcohol"), "{exposures}");
    assert!(
        !exposures.contains("SECRET-NOTE"),
        "notes are off by default"
    );
    // Again, with notes: the files are replaced.
    env.ok(&[
        "export",
        "csv",
        "--out",
        folder.to_str().expect("path"),
        "--notes",
    ]);
    let exposures = std::fs::read_to_string(folder.join("exposures.csv")).expect("csv");
    assert!(exposures.contains("SECRET-NOTE"));
    assert_eq!(file_names(&folder), tables, "no temporary files left");

    // A .zip name gives one zip holding the same tables.
    let zip = env.path("tables.zip");
    let json = env.json(&["export", "csv", "--out", zip.to_str().expect("path")]);
    let listed: HashSet<String> = json["tables"]
        .as_array()
        .expect("tables")
        .iter()
        .map(|t| t["file_name"].as_str().expect("name").to_string())
        .collect();
    assert_eq!(listed, tables);
    let bytes = std::fs::read(&zip).expect("zip");
    assert!(bytes.starts_with(b"PK\x03\x04"), "not a zip");
    let raw = String::from_utf8_lossy(&bytes);
    for table in &tables {
        assert!(raw.contains(table.as_str()), "{table} missing from the zip");
    }

    // A .csv name would be a folder named like a file: refused, nothing written.
    let (code, err) = failure(&env.run(&["export", "csv", "--out", "x.csv"]));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("give a folder, or a name ending in .zip"),
        "{err}"
    );
    // An existing file is not turned into a folder.
    let file = env.path("plain");
    std::fs::write(&file, "keep").expect("write");
    let (code, err) = failure(&env.run(&["export", "csv", "--out", file.to_str().expect("p")]));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("is a file, not a folder"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "keep");
}

#[test]
fn backup_round_trips_through_import() {
    let env = Env::new();
    demo_journal(&env, "30");
    env.ok(&["settings", "--paper", "letter", "--evening-hour", "21"]);
    let id = env.json(&["quick", "4", "--at", &ago(90)])["id"]
        .as_str()
        .expect("id")
        .to_string();
    env.ok(&["delete", &id]);
    let json = env.path("backup.json");
    let zip = env.path("backup.zip");
    let printed = env.ok(&["export", "backup", "--out", json.to_str().expect("path")]);
    assert!(printed.starts_with("wrote "), "{printed}");
    env.ok(&["export", "backup", "--out", zip.to_str().expect("path")]);
    assert!(std::fs::read(&zip).expect("zip").starts_with(b"PK\x03\x04"));
    let original = backup_without_time(&json);

    for (source, db) in [(&json, "from-json.db"), (&zip, "from-zip.db")] {
        let fresh = Env::new();
        let fresh_db = env.path(db);
        let run = |args: &[&str]| {
            let mut all = vec!["--db", fresh_db.to_str().expect("path")];
            all.extend_from_slice(args);
            let out = fresh.bare(&all);
            assert!(
                out.status.success(),
                "{args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8(out.stdout).expect("utf-8")
        };
        let source = source.to_str().expect("path");
        let first: Value = serde_json::from_str(&run(&["import", source, "--json"])).expect("json");
        assert!(first["added"].as_u64().expect("added") > 100, "{first}");
        assert_eq!(first["updated"], 0);
        assert_eq!(first["unchanged"], 0);
        assert_eq!(first["settings_updated"], true);
        let again = fresh.path("again.json");
        run(&["export", "backup", "--out", again.to_str().expect("path")]);
        assert_eq!(
            backup_without_time(&again),
            original,
            "{db}: the same journal"
        );

        // A second import changes nothing.
        let second = run(&["import", source]);
        assert_eq!(
            second,
            format!(
                "Imported {source}: 0 records added, 0 updated, {} unchanged; settings \
                 unchanged.\n",
                first["added"]
            )
        );
        run(&["export", "backup", "--out", again.to_str().expect("path")]);
        assert_eq!(backup_without_time(&again), original, "{db}: idempotent");
    }
}

#[test]
fn a_rejected_import_leaves_the_journal_unchanged() {
    let env = Env::new();
    env.ok(&["quick", "5", "--at", &ago(120)]);
    env.ok(&["add", "rating", "18", "--on", "2025-03-09"]);
    let before = snapshot(&env, "before.json");

    // A backup from another journal whose last record is invalid: nothing of it comes in.
    let other = Env::new();
    other.ok(&["add", "rating", "12", "--on", "2025-02-01"]);
    other.ok(&["add", "rating", "30", "--on", "2025-02-08"]);
    let mut doc = snapshot(&other, "other.json");
    // `snapshot` took the time out; a document needs one.
    doc["exported_at"] = Value::String("2025-02-09T08:00:00Z".into());
    let entries = doc["entries"].as_array_mut().expect("entries");
    assert_eq!(entries.len(), 2);
    entries[1]["data"]["irls_total"] = Value::from(41);
    let bad_record = env.path("bad-record.json");
    std::fs::write(&bad_record, serde_json::to_vec(&doc).expect("json")).expect("write");

    let garbage = env.path("garbage.bin");
    std::fs::write(&garbage, b"\x00\x01 not a backup at all").expect("write");
    let fake_zip = env.path("fake.zip");
    std::fs::write(&fake_zip, b"PK\x03\x04 truncated").expect("write");
    let truncated = env.path("truncated.json");
    let whole = std::fs::read(other.path("other.json")).expect("backup");
    std::fs::write(&truncated, &whole[..whole.len() / 2]).expect("write");

    for file in [&bad_record, &garbage, &fake_zip, &truncated] {
        let out = env.run(&["import", file.to_str().expect("path")]);
        let (code, err) = failure(&out);
        assert_eq!(code, 1, "{file:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{file:?}: one line, got {err:?}");
        assert!(err.starts_with("rlsjournal: cannot import "), "{err}");
        assert!(err.contains("the journal is unchanged"), "{err}");
        assert!(out.stdout.is_empty());
    }
    assert_eq!(snapshot(&env, "after.json"), before);

    // A missing file is an error too, and creates no journal.
    let empty = Env::new();
    let (code, err) = failure(&empty.run(&["import", "no-such-backup.json"]));
    assert_eq!(code, 1);
    assert!(err.contains("cannot read no-such-backup.json"), "{err}");
    assert!(!empty.db().exists(), "no journal was created");
}

#[test]
fn export_text_prints_to_stdout_or_writes_a_file() {
    let env = Env::new();
    demo_journal(&env, "20");
    let text = env.ok(&["export", "text", "--out", "-", "--to", "2025-10-31"]);
    assert!(
        text.starts_with("RLS Journal summary: 14 nights, Sat 18 Oct – Fri 31 Oct 2025\n"),
        "{text}"
    );
    assert!(text.contains("Self-reported by the patient."), "{text}");
    let file = env.path("summary.txt");
    let printed = env.ok(&[
        "export",
        "text",
        "--out",
        file.to_str().expect("path"),
        "--to",
        "2025-10-31",
    ]);
    assert!(
        printed.ends_with(", nights 2025-10-18 – 2025-10-31)\n"),
        "{printed}"
    );
    assert_eq!(std::fs::read_to_string(&file).expect("summary"), text);
    let week = env.ok(&[
        "export",
        "text",
        "--out",
        "-",
        "--from",
        "2025-10-25",
        "--to",
        "2025-10-31",
    ]);
    assert!(week.starts_with("RLS Journal summary: 7 nights"), "{week}");
}

#[test]
fn export_refuses_what_it_cannot_do_well() {
    let env = Env::new();
    env.ok(&["quick", "5", "--at", &ago(120)]);
    let dir = env.path("reports");
    std::fs::create_dir(&dir).expect("dir");
    let dir_str = dir.to_str().expect("path");
    let cases: &[(&[&str], i32, &str)] = &[
        (
            &[
                "export",
                "pdf",
                "--out",
                "r.pdf",
                "--from",
                "2025-10-31",
                "--to",
                "2025-10-01",
            ],
            2,
            "invalid --from: the first night is after the last night",
        ),
        (
            &[
                "export",
                "text",
                "--out",
                "-",
                "--from",
                "2025-10-31",
                "--to",
                "2025-10-01",
            ],
            2,
            "invalid --from: the first night is after the last night",
        ),
        (
            &["export", "pdf", "--out", "r.pdf", "--from", "2024-01-01"],
            2,
            "invalid range",
        ),
        (
            &["export", "csv", "--out", "t.zip", "--from", "2025-10-01"],
            2,
            "--from applies to pdf and text only, not to a csv export",
        ),
        (
            &["export", "backup", "--out", "b.json", "--to", "2025-10-01"],
            2,
            "--to applies to pdf and text only, not to a backup export",
        ),
        (
            &["export", "text", "--out", "s.txt", "--paper", "a4"],
            2,
            "--paper applies to pdf only",
        ),
        (
            &["export", "pdf", "--out", "r.pdf", "--paper", "a5"],
            2,
            "invalid --paper",
        ),
        (
            &["export", "pdf", "--out", "-"],
            2,
            "`-` (stdout) is for text only",
        ),
        (
            &["export", "backup", "--out", "-"],
            2,
            "`-` (stdout) is for text only",
        ),
        (
            &["export", "pdf", "--out", dir_str],
            2,
            "is a folder, not a file",
        ),
        (
            &["export", "pdf", "--out", "no-such-dir/r.pdf"],
            1,
            "its directory does not exist",
        ),
        (&["export", "docx", "--out", "r.docx"], 2, "docx"),
        (&["export", "pdf"], 2, "--out"),
    ];
    for (args, status, expected) in cases {
        let (code, err) = failure(&env.run(args));
        assert_eq!(code, *status, "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: one line, got {err:?}");
        assert!(
            err.contains(expected),
            "{args:?}: {err:?} lacks {expected:?}"
        );
    }
    assert!(file_names(&dir).is_empty(), "the directory is untouched");
    assert!(!env.path("r.pdf").exists(), "nothing was written");
}

#[test]
fn demo_writes_its_report() {
    let env = Env::new();
    let db = env.path("demo.db");
    let out = env.bare(&[
        "--db",
        db.to_str().expect("path"),
        "demo",
        "--nights",
        "40",
        "--last-night",
        "2025-10-31",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = env.path("demo-report.pdf");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(&format!("Clinician report: {}", report.display())),
        "{stdout}"
    );
    let bytes = std::fs::read(&report).expect("the report is next to the journal");
    assert!(bytes.starts_with(b"%PDF-"));
    if let Some(text) = pdf_text("demo_writes_its_report", &report) {
        assert!(text.contains("Demo (synthetic data)"), "{text}");
        assert!(text.contains("Thu 2 Oct – Fri 31 Oct 2025"), "{text}");
    }

    // --report chooses the file; without --db the JSON names it too.
    let chosen = env.path("chosen.pdf");
    let out = env.bare(&[
        "demo",
        "--nights",
        "10",
        "--report",
        chosen.to_str().expect("path"),
        "--json",
    ]);
    assert!(out.status.success());
    let json: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json["report"], chosen.to_str().expect("path"));
    assert!(std::fs::read(&chosen)
        .expect("report")
        .starts_with(b"%PDF-"));
    let out = env.bare(&["demo", "--nights", "10", "--json"]);
    let json: Value = serde_json::from_slice(&out.stdout).expect("json");
    let default = PathBuf::from(json["report"].as_str().expect("report"));
    assert_eq!(
        default,
        env.path("cache")
            .join("rlsjournal")
            .join("rlsjournal-demo-report.pdf")
    );
    assert!(default.exists());
}

#[test]
fn import_refuses_a_fifo_or_a_directory_without_waiting_or_creating_a_journal() {
    let env = Env::new();
    let fifo = env.path("pipe.json");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    // Reading a FIFO with no writer would block for ever; it is refused before it is opened.
    for (file, expect) in [
        (fifo, "not a regular file"),
        (env.path(""), "a directory, not a file"),
    ] {
        let (code, err) = failure(&env.run(&["import", file.to_str().expect("path")]));
        assert_eq!(code, 1, "{err}");
        assert!(err.contains(expect), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    assert!(!env.db().exists(), "no journal was created");
}

#[test]
fn summary_and_text_export_show_the_counts_behind_each_trigger() {
    // Issue 14 item 5: every compared exposure appears with its 2×2 counts, Fisher's p and the
    // reading, in the terminal summary and the text export, as the JSON gives them.
    let env = Env::new();
    demo_journal(&env, "56");
    let range = ["--from", "2025-10-02", "--to", "2025-10-31"];
    let mut args = vec!["summary"];
    args.extend_from_slice(&range);
    let summary = env.json(&args);
    let triggers = &summary["triggers"];
    let associations = triggers["associations"].as_array().expect("associations");
    assert!(!associations.is_empty(), "the demo compares some exposures");
    assert_eq!(
        triggers["exposures_compared"].as_u64(),
        Some(associations.len() as u64)
    );
    let text = env.ok(&args);
    let mut export = vec!["export", "text", "--out", "-"];
    export.extend_from_slice(&range);
    let exported = env.ok(&export);
    let compared = match associations.len() {
        1 => "1 exposure compared".to_string(),
        n => format!("{n} exposures compared"),
    };
    assert!(text.contains(&compared), "{text}");
    for a in associations {
        let n = |k: &str| a[k].as_u64().expect(k);
        let counts = format!(
            "{}/{} vs {}/{}",
            n("symptom_nights_with"),
            n("nights_with"),
            n("symptom_nights_without"),
            n("nights_without")
        );
        assert_eq!(
            n("symptom_nights_with") + n("symptom_free_nights_with"),
            n("nights_with")
        );
        let p = a["p_text"].as_str().expect("p_text");
        let p_cell = p.trim_start_matches("p ").trim_start_matches("= ");
        let label = a["label"].as_str().expect("label");
        assert!(
            text.lines().any(|l| l.to_lowercase().contains(label)
                && l.contains(&counts)
                && l.contains(p_cell)),
            "{label} {counts} {p} in\n{text}"
        );
        let sentence = a["text"].as_str().expect("text");
        assert!(sentence.contains(p), "{sentence}");
        assert!(exported.contains(sentence), "{sentence} in\n{exported}");
    }
}

#[test]
fn summary_shows_the_iron_state_crp_trend_and_medicines_that_may_worsen_rls() {
    // Issue 15 items 2 and 3 through the real binary: a ferritin of 80 (> 75 and ≤ 100 → IV
    // iron may be considered) with TSAT 25 (not < 20), a CRP the same day, an earlier ferritin
    // for the trend, and a sertraline recorded under another category.
    let env = Env::new();
    for (analyte, value, unit, on) in [
        ("ferritin", "40", "µg/L", "2025-01-10"),
        ("ferritin", "80", "µg/L", "2025-03-05"),
        ("transferrin_saturation", "25", "%", "2025-03-05"),
        ("crp", "6", "mg/L", "2025-03-05"),
    ] {
        env.ok(&["add", "lab", analyte, value, "--unit", unit, "--on", on]);
    }
    let t = env.json(&[
        "add",
        "treatment",
        "sertraline",
        "--category",
        "other:antidepressant",
        "--started",
        "2025-02-01",
    ]);
    assert_eq!(t["record"]["name"], "sertraline");
    env.ok(&[
        "add",
        "treatment",
        "Sleepwell",
        "--category",
        "may_worsen_rls",
        "--started",
        "2025-03-01",
    ]);
    let range = ["--from", "2025-03-02", "--to", "2025-03-15"];
    let mut args = vec!["summary"];
    args.extend_from_slice(&range);
    let json = env.json(&args);
    assert_eq!(json["iron"]["band"], "iv_iron_may_be_considered");
    assert_eq!(json["iron"]["crp"]["days_before_ferritin"], 0);
    assert_eq!(json["may_worsen_rls"].as_array().map(Vec::len), Some(2));
    // Wrapped lines joined back into one run of words.
    let text = env
        .ok(&args)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for wanted in [
        "IV iron may be considered",
        "CRP 6 mg/L on Wed 5 Mar 2025, the same day as the ferritin",
        "Trend: Ferritin: 40 µg/L (10 Jan 2025), 80 µg/L (5 Mar 2025). TSAT: 25 % (5 Mar",
        "no iron-containing supplements or food for 24 h",
        "sertraline (SSRI), since Sat 1 Feb 2025",
        "Sleepwell (recorded as may worsen RLS)",
    ] {
        assert!(text.contains(wanted), "{wanted:?} not in\n{text}");
    }
}
