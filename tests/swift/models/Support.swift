// What the model tests share: a store on a fresh journal file, and waiting for a model's
// asynchronous action to settle (the models start a Task per action, as on the phone).

import Foundation
import RLSJournal
import XCTest

/// A journal file in a fresh temporary folder, opened as the app opens it.
@MainActor
func freshStore(file: StaticString = #filePath, line: UInt = #line) async throws -> JournalStore {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("rlsjournal-models-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return try await JournalStore.open(path: folder.appendingPathComponent("journal.sqlite").path)
}

/// Waits until `done` holds (the model's Task finished), failing the test after `seconds`.
@MainActor
func settle(
    _ what: String = "the model to settle",
    seconds: Double = 20,
    file: StaticString = #filePath,
    line: UInt = #line,
    _ done: @MainActor () -> Bool
) async {
    let deadline = Date().addingTimeInterval(seconds)
    while !done() {
        if Date() > deadline {
            XCTFail("timed out waiting for \(what)", file: file, line: line)
            return
        }
        try? await Task.sleep(nanoseconds: 5_000_000)
    }
}
