//! The public-API extraction behind docs/swift-api.txt and the store-names check.

use syntax_check::api_surface::{function_names, public_api, render};
use syntax_check::Lang;

const SWIFT: &str = r#"
import Foundation

/// A store.
@MainActor
public final class JournalStore: ObservableObject {
    @Published public private(set) var history: [String] = []
    private var hidden = 0
    /// Deletes.
    public func deleteEntry(id: String) async throws {
        try await write { journal in try journal.deleteEntry(id: id) }
    }
    func internalHelper() {}
    public static func open(path: String) async throws -> JournalStore { fatalError() }
}

public enum Kind: Equatable {
    case one
    case two(/** doc */ value: Int)
}

struct Internal {
    public func notReachable() {}
}
"#;

const KOTLIN: &str = r#"
package org.example

class JournalStore(private val journal: Journal) : AutoCloseable {
    val history: StateFlow<List<String>> = state
    suspend fun deleteEntry(id: String) = write { it.deleteEntry(id) }
    suspend fun <T> read(block: (Journal) -> T): T = withContext(dispatcher) { block(journal) }
    private fun helper() {}
    override fun close() {}
    companion object {
        suspend fun open(path: String): JournalStore = TODO()
    }
}
"#;

#[test]
fn swift_keeps_public_declarations_without_bodies_or_comments() {
    let mut out = String::new();
    render(&public_api(Lang::Swift, SWIFT), 0, &mut out);
    assert_eq!(
        out,
        "@MainActor public final class JournalStore: ObservableObject\n\
         \x20 @Published public private(set) var history: [String]\n\
         \x20 public func deleteEntry(id: String) async throws\n\
         \x20 public static func open(path: String) async throws -> JournalStore\n\
         public enum Kind: Equatable\n\
         \x20 case one\n\
         \x20 case two(value: Int)\n"
    );
}

#[test]
fn function_names_of_both_stores() {
    assert_eq!(
        function_names(Lang::Swift, SWIFT, "JournalStore"),
        ["deleteEntry", "open"]
    );
    assert_eq!(
        function_names(Lang::Kotlin, KOTLIN, "JournalStore"),
        ["deleteEntry", "read", "close", "open"]
    );
}

#[test]
fn a_renamed_swift_operation_shows_as_drift() {
    let renamed = SWIFT.replace("func deleteEntry", "func delete");
    let swift = function_names(Lang::Swift, &renamed, "JournalStore");
    let kotlin = function_names(Lang::Kotlin, KOTLIN, "JournalStore");
    assert!(!swift.contains(&"deleteEntry".to_string()));
    assert!(kotlin.contains(&"deleteEntry".to_string()));
    assert!(swift.contains(&"delete".to_string()));
}

/// The real stores agree, except for the Kotlin-only calls listed in the swift-api binary.
#[test]
fn the_real_stores_share_their_operation_names() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let read = |p: &str| std::fs::read_to_string(format!("{root}/{p}")).unwrap();
    let kotlin = function_names(
        Lang::Kotlin,
        &read("bindings/kotlin/src/main/kotlin/org/rlsjournal/journal/JournalStore.kt"),
        "JournalStore",
    );
    let swift = function_names(
        Lang::Swift,
        &read("bindings/swift/Sources/RLSJournal/JournalStore.swift"),
        "JournalStore",
    );
    let kotlin_only = ["close", "prompts", "calendarMonth"];
    for name in &kotlin {
        assert!(
            swift.contains(name) || kotlin_only.contains(&name.as_str()),
            "Kotlin {name} missing in Swift"
        );
    }
    for name in &swift {
        assert!(kotlin.contains(name), "Swift {name} missing in Kotlin");
    }
}
