import Foundation
import RLSJournal

/// The backup folder the person picked (`.fileImporter` for a folder), kept as a bookmark in
/// UserDefaults (a bookmark is not a secret) and opened with start/stopAccessingSecurityScopedResource
/// around each core call, which then writes to the real path.
struct BookmarkedFolder: BackupFolder {
    private static let key = "backupFolderBookmark"

    let url: URL

    var displayName: String { url.lastPathComponent }

    func backUp(_ write: (String) async throws -> AutoBackupOutcome) async throws -> AutoBackupOutcome {
        guard url.startAccessingSecurityScopedResource() else {
            throw BackupFolderError(
                sentence: "this app may no longer write to the backup folder; choose the folder again to give permission"
            )
        }
        defer { url.stopAccessingSecurityScopedResource() }
        return try await write(url.path)
    }

    func sync(_ sync: (String) async throws -> SyncReport) async throws -> SyncReport {
        guard url.startAccessingSecurityScopedResource() else {
            throw BackupFolderError(
                sentence: "this app may no longer use the sync folder; choose the folder again to give permission"
            )
        }
        defer { url.stopAccessingSecurityScopedResource() }
        return try await sync(url.path)
    }

    /// The folder chosen earlier, or nil (the bookmark is renewed when stale).
    static func current() -> BookmarkedFolder? {
        guard let data = UserDefaults.standard.data(forKey: key) else {
            return nil
        }
        var stale = false
        guard let url = try? URL(resolvingBookmarkData: data, options: [], relativeTo: nil, bookmarkDataIsStale: &stale) else {
            return nil
        }
        if stale {
            _ = try? remember(url)
        }
        return BookmarkedFolder(url: url)
    }

    /// Keeps a bookmark of the picked `url` (called while the picker's access is granted).
    static func remember(_ url: URL) throws -> BookmarkedFolder {
        let granted = url.startAccessingSecurityScopedResource()
        defer {
            if granted {
                url.stopAccessingSecurityScopedResource()
            }
        }
        let data = try url.bookmarkData(options: [], includingResourceValuesForKeys: nil, relativeTo: nil)
        UserDefaults.standard.set(data, forKey: key)
        return BookmarkedFolder(url: url)
    }

    /// Forgets the folder.
    static func forget() {
        UserDefaults.standard.removeObject(forKey: key)
    }
}
