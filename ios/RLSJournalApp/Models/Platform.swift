import Foundation
import RLSJournal

/// Where a model gets its journal: the app's store, opened once (`appStore()` in `AppModel.swift`;
/// tests/swift passes a store on a journal file of its own). Mirrors
/// `StoreSource` in the Kotlin presenters' `Platform.kt`.
typealias StoreSource = @MainActor () async throws -> JournalStore

/// A file written for the share sheet.
struct ExportedFile: Identifiable {
    /// Where the file was written (iOS: its own folder under the temporary folder).
    let url: URL
    /// Its MIME type.
    let mimeType: String

    var id: URL { url }
}

/// Writes an export where the share sheet can read it (iOS: `TemporaryExports`).
protocol ExportSink {
    /// Writes `bytes` as a file called `fileName` and returns it.
    func write(fileName: String, mimeType: String, bytes: Data) throws -> ExportedFile
}
