import Foundation
import RLSJournal
import SwiftUI

/// The tabs of the app.
enum AppTab: Hashable {
    case tonight
    case morning
    case history
    case summary
    case more
}

/// The app's store, opening the journal on first use: the models' default `StoreSource`. It lives
/// here, not in `Models/`, so the models compile without the app (tests/swift/run.sh).
@MainActor
func appStore() async throws -> JournalStore {
    return try await AppModel.shared.journalStore()
}

/// Opens the journal once, in the app's own Application Support folder (excluded from iCloud
/// backup: the journal leaves the phone only through an export the person shares), and holds
/// the store every screen uses. The notification handler reaches the same store through
/// `AppModel.shared`.
@MainActor
final class AppModel: ObservableObject {
    static let shared = AppModel()

    /// The store, once the journal is open.
    @Published private(set) var store: JournalStore?
    /// Why the journal could not be opened (the core's error), if it could not.
    @Published private(set) var openError: String?
    /// The tab on screen (a notification tap can change it).
    @Published var selectedTab: AppTab = .tonight

    private var opening: Task<JournalStore, Error>?

    /// The store, opening the journal on first use.
    func journalStore() async throws -> JournalStore {
        if let store = store {
            return store
        }
        if let opening = opening {
            return try await opening.value
        }
        let task = Task { () async throws -> JournalStore in
            // The first core call, off the main thread: the vocabularies every form's chips come
            // from (the core library is linked statically, so there is nothing to load at run
            // time; uniffi's checksum check runs here, before any screen needs the core).
            await Task.detached(priority: .userInitiated) { _ = Vocabulary.core }.value
            let path = try AppModel.journalPath()
            return try await JournalStore.open(path: path)
        }
        opening = task
        do {
            let opened = try await task.value
            store = opened
            openError = nil
            return opened
        } catch {
            opening = nil
            openError = sentenceOf(error)
            throw error
        }
    }

    /// `Application Support/Journal/journal.sqlite`; the folder is excluded from backups, so the
    /// SQLite file and its WAL never go to iCloud.
    static func journalPath() throws -> String {
        let support = try FileManager.default.url(
            for: .applicationSupportDirectory,
            in: .userDomainMask,
            appropriateFor: nil,
            create: true
        )
        var folder = support.appendingPathComponent("Journal", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var values = URLResourceValues()
        values.isExcludedFromBackup = true
        try folder.setResourceValues(values)
        return folder.appendingPathComponent("journal.sqlite").path
    }
}
