//! Prints the public API of Swift or Kotlin files (tree-sitter parse), for the API snapshots.
//!
//! ```text
//! swift-api FILE...                       the public declarations of the files, in file order
//! swift-api --store-names KOTLIN SWIFT    compares the JournalStore operation names
//! ```
//!
//! `--store-names` fails (exit 1) when a public function of the Kotlin `JournalStore` (whose
//! names are canonical) has no Swift function of the same name, or the other way round, unless
//! the difference is listed in [`KNOWN_DIFFERENCES`] with its reason.

use std::path::Path;
use std::process::ExitCode;

use syntax_check::api_surface::{function_names, public_api, render};
use syntax_check::Lang;

/// Store operations that exist in one language only, each with the reason.
const KNOWN_DIFFERENCES: &[(&str, &str)] = &[
    (
        "close",
        "Kotlin only: AutoCloseable; in Swift the journal closes when the store is released",
    ),
    (
        "prompts",
        "Kotlin only as a call: Swift publishes `prompts` as a property, re-read after each write",
    ),
    (
        "calendarMonth",
        "Kotlin only: Swift calls journal.calendarMonth through read { }",
    ),
];

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
}

fn store_names(kotlin: &str, swift: &str) -> Result<(), String> {
    let kotlin_names = function_names(Lang::Kotlin, &read(kotlin)?, "JournalStore");
    let swift_names = function_names(Lang::Swift, &read(swift)?, "JournalStore");
    if kotlin_names.len() < 5 || swift_names.len() < 5 {
        return Err(format!(
            "the extraction looks wrong: Kotlin {kotlin_names:?}, Swift {swift_names:?}"
        ));
    }
    let known = |name: &str| KNOWN_DIFFERENCES.iter().any(|(n, _)| *n == name);
    let mut problems = Vec::new();
    for name in &kotlin_names {
        if !swift_names.contains(name) && !known(name) {
            problems.push(format!(
                "Kotlin JournalStore.{name} has no Swift function of that name"
            ));
        }
    }
    for name in &swift_names {
        if !kotlin_names.contains(name) {
            problems.push(format!(
                "Swift JournalStore.{name} has no Kotlin function of that name (Kotlin's names are canonical)"
            ));
        }
    }
    for (name, _) in KNOWN_DIFFERENCES {
        if swift_names.contains(&name.to_string()) {
            problems.push(format!("{name} is listed as Kotlin-only but Swift has it: remove it from KNOWN_DIFFERENCES"));
        }
    }
    if problems.is_empty() {
        println!(
            "store names: {} Kotlin and {} Swift operations agree ({} Kotlin-only by design)",
            kotlin_names.len(),
            swift_names.len(),
            KNOWN_DIFFERENCES.len()
        );
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [flag, kotlin, swift] if flag == "--store-names" => store_names(kotlin, swift),
        [] => Err("usage: swift-api FILE... | swift-api --store-names KOTLIN SWIFT".to_string()),
        files => {
            let mut out = String::new();
            let mut failure = None;
            for file in files {
                let Some(lang) = Lang::from_path(Path::new(file)) else {
                    failure = Some(format!("{file}: not a .swift or .kt file"));
                    break;
                };
                match read(file) {
                    Ok(source) => render(&public_api(lang, &source), 0, &mut out),
                    Err(e) => {
                        failure = Some(e);
                        break;
                    }
                }
            }
            match failure {
                Some(e) => Err(e),
                None => {
                    print!("{out}");
                    Ok(())
                }
            }
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("swift-api: {message}");
            ExitCode::FAILURE
        }
    }
}
