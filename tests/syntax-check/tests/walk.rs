//! Tests for `collect_files` and `check_file`.

use std::fs;
use std::path::{Path, PathBuf};

use syntax_check::{check_file, collect_files, Lang};
use tempfile::TempDir;

fn write(root: &Path, relative: &str, contents: &str) {
    let path = root.join(relative);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("create parent dirs");
    }
    fs::write(path, contents).expect("write file");
}

fn relative(root: &Path, files: &[(PathBuf, Lang)]) -> Vec<(String, Lang)> {
    files
        .iter()
        .map(|(path, lang)| {
            let rel = path.strip_prefix(root).expect("file under root");
            (rel.to_string_lossy().replace('\\', "/"), *lang)
        })
        .collect()
}

fn tree() -> TempDir {
    let dir = TempDir::new().expect("temp dir");
    let root = dir.path();
    write(root, "ios/App/ContentView.swift", "struct A {}\n");
    write(root, "ios/App/Model.swift", "struct B {}\n");
    write(root, "ios/.build/checkouts/Dep.swift", "garbage {{{\n");
    write(root, "android/app/src/main/Main.kt", "class C\n");
    write(root, "android/app/build.gradle.kts", "plugins {}\n");
    write(root, "android/app/build/generated/Gen.kt", "garbage {{{\n");
    write(root, "android/.gradle/8.0/Cache.kt", "garbage {{{\n");
    write(root, "android/build/Top.kt", "garbage {{{\n");
    write(root, "README.md", "# not source\n");
    write(root, "core/src/lib.rs", "fn main() {}\n");
    write(root, "notes/kt", "not a source: no extension\n");
    dir
}

#[test]
fn walker_finds_sources_and_skips_build_dirs() {
    let dir = tree();
    let files = collect_files(dir.path()).expect("walk");
    assert_eq!(
        relative(dir.path(), &files),
        vec![
            ("android/app/build.gradle.kts".to_string(), Lang::Kotlin),
            ("android/app/src/main/Main.kt".to_string(), Lang::Kotlin),
            ("ios/App/ContentView.swift".to_string(), Lang::Swift),
            ("ios/App/Model.swift".to_string(), Lang::Swift),
        ]
    );
}

#[test]
fn skipped_dir_passed_explicitly_is_walked() {
    let dir = tree();
    let build = dir.path().join("android/build");
    let files = collect_files(&build).expect("walk");
    assert_eq!(
        relative(&build, &files),
        vec![("Top.kt".to_string(), Lang::Kotlin)]
    );
}

#[test]
fn file_paths_are_taken_as_is_when_they_are_sources() {
    let dir = tree();
    let swift = dir.path().join("ios/App/Model.swift");
    assert_eq!(
        collect_files(&swift).expect("file"),
        vec![(swift.clone(), Lang::Swift)]
    );
    let readme = dir.path().join("README.md");
    assert!(collect_files(&readme).expect("file").is_empty());
}

#[test]
fn missing_path_is_an_error() {
    let dir = TempDir::new().expect("temp dir");
    assert!(collect_files(&dir.path().join("nope")).is_err());
}

#[cfg(unix)]
#[test]
fn symlinked_files_are_checked_but_symlinked_dirs_are_not_followed() {
    let dir = tree();
    let root = dir.path();
    std::os::unix::fs::symlink(root.join("ios/App/Model.swift"), root.join("Linked.swift"))
        .expect("file symlink");
    // A loop back to the root must not recurse forever.
    std::os::unix::fs::symlink(root, root.join("ios/loop")).expect("dir symlink");
    let files = collect_files(root).expect("walk");
    let names = relative(root, &files);
    assert!(names.contains(&("Linked.swift".to_string(), Lang::Swift)));
    assert!(!names.iter().any(|(name, _)| name.contains("loop")));
    assert_eq!(names.len(), 5);
}

#[test]
fn check_file_reports_errors_with_lines() {
    let dir = TempDir::new().expect("temp dir");
    write(dir.path(), "Bad.kt", "class A {\n}\n}\n");
    let path = dir.path().join("Bad.kt");
    let report = check_file(&path, Lang::Kotlin).expect("readable");
    assert_eq!(report.path, path);
    assert_eq!(report.lang, Lang::Kotlin);
    assert_eq!(report.errors.len(), 1);
    assert_eq!(report.errors[0].line, 3);
}

#[test]
fn check_file_rejects_invalid_utf8() {
    let dir = TempDir::new().expect("temp dir");
    let path = dir.path().join("Bad.swift");
    fs::write(&path, [0x66, 0xff, 0xfe, 0x0a]).expect("write");
    assert!(check_file(&path, Lang::Swift).is_err());
}
