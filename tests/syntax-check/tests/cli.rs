//! End-to-end tests of the `syntax-check` binary: output and exit codes.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use tempfile::TempDir;

fn run(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_syntax-check"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("run syntax-check")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn project() -> TempDir {
    let dir = TempDir::new().expect("temp dir");
    let root = dir.path();
    fs::create_dir_all(root.join("ios")).expect("mkdir");
    fs::create_dir_all(root.join("android/build")).expect("mkdir");
    fs::write(root.join("ios/A.swift"), "struct A {}\n").expect("write");
    fs::write(root.join("android/B.kt"), "class B\n").expect("write");
    fs::write(root.join("android/C.kts"), "plugins {}\n").expect("write");
    fs::write(root.join("android/build/Gen.kt"), "}}} garbage\n").expect("write");
    dir
}

#[test]
fn clean_tree_passes_with_summary() {
    let dir = project();
    let output = run(&["ios", "android"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(
        stdout(&output),
        "syntax-check: 3 files parsed (1 swift, 2 kotlin), 0 errors\n"
    );
}

#[test]
fn default_path_is_the_current_directory() {
    let dir = project();
    let output = run(&[], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("3 files parsed"));
}

#[test]
fn syntax_errors_fail_with_location_and_source_line() {
    let dir = project();
    fs::write(
        dir.path().join("ios/Bad.swift"),
        "func f() {\n    let y = 1 $$$ 2\n}\n",
    )
    .expect("write");
    let output = run(&["ios"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "ios/Bad.swift:2:15: syntax error (ERROR)");
    assert_eq!(lines[1], "        let y = 1 $$$ 2");
    assert_eq!(lines[2], "                  ^");
    assert_eq!(
        lines.last().copied(),
        Some("syntax-check: 2 files parsed (2 swift, 0 kotlin), 1 errors")
    );
}

#[test]
fn missing_token_is_named() {
    let dir = project();
    fs::write(
        dir.path().join("android/Bad.kt"),
        "fun f() {\n    println(maxOf(1, 2)\n}\n",
    )
    .expect("write");
    let output = run(&["android/Bad.kt"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).starts_with("android/Bad.kt:2:24: syntax error (MISSING \")\")\n"));
}

#[test]
fn missing_path_exits_2_unless_allowed() {
    let dir = project();
    let output = run(&["ios", "nope"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("nope"));
    assert!(
        stdout(&output).is_empty(),
        "nothing is parsed on a missing path"
    );

    let output = run(&["--allow-missing", "ios", "nope"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("1 files parsed (1 swift, 0 kotlin)"));
}

#[test]
fn no_files_fails_unless_allowed() {
    let dir = TempDir::new().expect("temp dir");
    fs::write(dir.path().join("README.md"), "hi\n").expect("write");
    let output = run(&["."], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("0 files parsed (0 swift, 0 kotlin), 0 errors"));

    let output = run(&["--allow-empty", "."], dir.path());
    assert_eq!(output.status.code(), Some(0));

    let output = run(&["--allow-missing", "--allow-empty", "nope"], dir.path());
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn unknown_option_is_a_usage_error() {
    let dir = project();
    let output = run(&["--frobnicate"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("usage:"));

    let output = run(&["--help"], dir.path());
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("--allow-missing"));
}

#[test]
fn unreadable_file_counts_as_an_error() {
    let dir = project();
    fs::write(
        dir.path().join("ios/Latin1.swift"),
        [0x2f, 0x2f, 0xe9, 0x0a],
    )
    .expect("write");
    let output = run(&["ios"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("ios/Latin1.swift: error: cannot read"));
    assert!(text.contains("1 files parsed (1 swift, 0 kotlin), 1 errors"));
}

#[test]
fn each_path_must_hold_its_minimum() {
    let dir = project();
    let output = run(
        &["--min-files", "1", "ios", "--min-files", "2", "android"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(
        stdout(&output),
        "syntax-check: ios: 1 files (1 swift, 0 kotlin), at least 1 expected\n\
         syntax-check: android: 2 files (0 swift, 2 kotlin), at least 2 expected\n\
         syntax-check: 3 files parsed (1 swift, 2 kotlin), 0 errors\n"
    );

    // The total (3) is enough, but android alone holds fewer than it must.
    let output = run(&["ios", "--min-files", "3", "android"], dir.path());
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("android holds 2 files, fewer than the 3 expected"),
        "{stderr}"
    );
}

#[test]
fn a_path_with_a_minimum_may_not_be_missing() {
    let dir = project();
    let output = run(
        &["--allow-missing", "--min-files", "1", "ios", "nope"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(2), "{}", stdout(&output));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no such path nope"));
}

#[test]
fn min_files_needs_a_number() {
    let dir = project();
    for args in [&["--min-files"][..], &["--min-files", "many", "ios"][..]] {
        let output = run(args, dir.path());
        assert_eq!(output.status.code(), Some(2));
        assert!(
            String::from_utf8_lossy(&output.stderr).contains("`--min-files` needs a whole number")
        );
    }
}
