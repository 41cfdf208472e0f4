//! `app-build-check [--root DIR] [--print-rustflags] [--elf LIBRARY...]`
//!
//! The checks of the phone apps' build set-up that can run without Xcode, the Android SDK or
//! Gradle (issue 18): the iOS app's module name differs from the Swift package's modules; no
//! SwiftUI view-builder block has more than ten children; the asset catalog holds the app icon
//! the project names; the Android core library declares a 16 KB-safe JNA and links every
//! Android target 16 KB aligned; the app's targetSdk meets Google Play's requirement; the Gradle
//! wrapper scripts are committed. With `--elf`, each LIBRARY's LOAD segments must be aligned to
//! at least 16 KB. `--print-rustflags` prints the RUSTFLAGS the Gradle build gives the Android
//! targets (for a host build with the same flags) and exits.
//!
//! Exit status: 0 when every check passes, 1 when one fails, 2 for usage errors.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use syntax_check::{android_build, elf, ios_project, view_builder};

const USAGE: &str = "usage: app-build-check [--root DIR] [--print-rustflags] [--elf LIBRARY...]";

/// The repository files the checks read, relative to the root.
const PROJECT_YML: &str = "ios/project.yml";
const PACKAGE_SWIFT: &str = "bindings/swift/Package.swift";
const ASSET_CATALOG: &str = "ios/RLSJournalApp/Assets.xcassets";
const IOS_SOURCES: &str = "ios";
const CORE_GRADLE: &str = "bindings/kotlin/build.gradle.kts";
const APP_GRADLE: &str = "android/app/build.gradle.kts";
const WRAPPER_SCRIPTS: &[&str] = &["android/gradlew", "android/gradlew.bat"];
const WRAPPER_JAR: &str = "android/gradle/wrapper/gradle-wrapper.jar";

struct Options {
    root: PathBuf,
    print_rustflags: bool,
    libraries: Vec<PathBuf>,
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        root: PathBuf::from("."),
        print_rustflags: false,
        libraries: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    let mut in_libraries = false;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--root" => {
                options.root = PathBuf::from(args.next().ok_or("--root needs a folder")?);
                in_libraries = false;
            }
            "--print-rustflags" => options.print_rustflags = true,
            "--elf" => in_libraries = true,
            "-h" | "--help" => return Err(String::new()),
            _ if in_libraries && !arg.starts_with('-') => {
                options.libraries.push(PathBuf::from(arg))
            }
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(options)
}

fn read(root: &Path, relative: &str, problems: &mut Vec<String>) -> Option<String> {
    match fs::read_to_string(root.join(relative)) {
        Ok(text) => Some(text),
        Err(error) => {
            problems.push(format!("{relative}: cannot read: {error}"));
            None
        }
    }
}

fn swift_files(dir: &Path) -> Vec<PathBuf> {
    match syntax_check::collect_files(dir) {
        Ok(files) => files
            .into_iter()
            .filter(|(_, lang)| *lang == syntax_check::Lang::Swift)
            .map(|(path, _)| path)
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// Runs every repository check; returns the problems and notes (things not checkable here).
fn check_repository(root: &Path) -> (Vec<String>, Vec<String>) {
    let mut problems = Vec::new();
    let mut notes = Vec::new();

    if let (Some(spec), Some(manifest)) = (
        read(root, PROJECT_YML, &mut problems),
        read(root, PACKAGE_SWIFT, &mut problems),
    ) {
        problems.extend(ios_project::check_module_name(&spec, &manifest));
        let icon = ios_project::app_icon_name(&spec);
        problems.extend(ios_project::check_app_icon(
            &root.join(ASSET_CATALOG),
            &icon,
        ));
    }

    let sources = swift_files(&root.join(IOS_SOURCES));
    if sources.is_empty() {
        problems.push(format!("{IOS_SOURCES}: no Swift files found"));
    }
    for path in &sources {
        let Ok(source) = fs::read_to_string(path) else {
            problems.push(format!("{}: cannot read", path.display()));
            continue;
        };
        for block in view_builder::crowded_builder_blocks(&source) {
            problems.push(format!(
                "{}:{}: a view-builder block ({}) has {} children; iOS 16 allows {} \
                 (split it into sections or Groups)",
                path.display(),
                block.line,
                block.owner,
                block.children,
                view_builder::MAX_BUILDER_CHILDREN
            ));
        }
    }

    if let Some(gradle) = read(root, CORE_GRADLE, &mut problems) {
        problems.extend(android_build::check_jna(&gradle));
        problems.extend(android_build::check_page_alignment(&gradle));
    }
    if let Some(gradle) = read(root, APP_GRADLE, &mut problems) {
        problems.extend(android_build::check_target_sdk(&gradle));
    }
    for script in WRAPPER_SCRIPTS {
        if !root.join(script).is_file() {
            problems.push(format!("{script}: the Gradle wrapper script is missing"));
        }
    }
    if !root.join(WRAPPER_JAR).is_file() {
        notes.push(format!(
            "{WRAPPER_JAR} is not committed (it cannot be downloaded here): ./gradlew fails \
             until `gradle wrapper` has been run once in android/ (docs/apps.md)"
        ));
    }
    (problems, notes)
}

fn check_libraries(libraries: &[PathBuf]) -> Vec<String> {
    let mut problems = Vec::new();
    for library in libraries {
        let result = fs::read(library)
            .map_err(|error| error.to_string())
            .and_then(|bytes| elf::check_sixteen_kb(&bytes).map_err(|error| error.to_string()));
        match result {
            Ok(found) => problems.extend(
                found
                    .into_iter()
                    .map(|problem| format!("{}: {problem}", library.display())),
            ),
            Err(error) => problems.push(format!("{}: {error}", library.display())),
        }
    }
    problems
}

fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(options) => options,
        Err(message) => {
            if message.is_empty() {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            eprintln!("app-build-check: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if options.print_rustflags {
        let gradle = fs::read_to_string(options.root.join(CORE_GRADLE)).unwrap_or_default();
        return match android_build::page_alignment_rustflags(&gradle) {
            Some(flags) => {
                println!("{flags}");
                ExitCode::SUCCESS
            }
            None => {
                eprintln!("app-build-check: no pageAlignmentRustflags in {CORE_GRADLE}");
                ExitCode::FAILURE
            }
        };
    }

    let (mut problems, notes) = check_repository(&options.root);
    problems.extend(check_libraries(&options.libraries));
    for note in &notes {
        println!("app-build-check: note: {note}");
    }
    for problem in &problems {
        println!("app-build-check: {problem}");
    }
    println!(
        "app-build-check: {} problems ({} libraries checked for 16 KB alignment)",
        problems.len(),
        options.libraries.len()
    );
    if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
