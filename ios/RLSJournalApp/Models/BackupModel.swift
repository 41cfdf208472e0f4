import Combine
import Foundation
import RLSJournal

/// Keeps the backup passphrase outside the journal (the Keychain, this device only); the core
/// never stores it. Mirrors `SecretStore` in android/presenters/BackupPlatform.kt.
protocol SecretStore {
    /// The passphrase kept, or nil when backups are not encrypted.
    func passphrase() -> String?
    /// Keeps `passphrase`, replacing the one kept before.
    func setPassphrase(_ passphrase: String) throws
    /// Forgets the passphrase: later backups are written unencrypted.
    func clearPassphrase() throws
}

/// The backup folder the person chose, as the device reaches it (iOS: a security-scoped
/// bookmark, `BookmarkedFolder`). Mirrors `BackupFolder` in BackupPlatform.kt.
protocol BackupFolder {
    /// The folder's name to show.
    var displayName: String { get }
    /// Runs `write` (the core's `autoBackup`) with the path of a folder it may write.
    func backUp(_ write: (String) async throws -> AutoBackupOutcome) async throws -> AutoBackupOutcome
    /// Runs `sync` (the core's `syncFolder`) with the path of the folder the devices share.
    func sync(_ sync: (String) async throws -> SyncReport) async throws -> SyncReport
}

/// The chosen folder could not be reached; `sentence` says why (also its description, which
/// `sentenceOf` shows, as the Kotlin `BackupFolderException`'s message).
struct BackupFolderError: LocalizedError {
    let sentence: String

    var errorDescription: String? { sentence }
}

/// Automatic backups to a folder the person chose, and restoring a backup file: the Swift twin of
/// `BackupPresenter` (android/presenters), one method per action, the same rules. Each backup is
/// one core call, `autoBackup(folder:passphrase:occasion:)`, through the folder, with the
/// passphrase from the `SecretStore`. The core decides when one is due; the model only skips
/// going to the background when nothing was written through the store since its last backup.
/// The backup runs through `store.read`: it changes only the core's own backup state, which must
/// not count as a change. One per process (`Backups.model`), so every write and every trip to
/// the background is heard whichever screen is shown.
@MainActor
final class BackupModel: ObservableObject {
    /// What the Backup screen shows (the Kotlin `BackupState`).
    struct State {
        /// The chosen folder's name, or nil when none is chosen.
        var folderName: String?
        /// Whether backups are encrypted (a passphrase is kept).
        var encrypted = false
        /// The core's status: when the last backup was written, why the last attempt failed.
        var status: AutoBackupStatus?
        /// Why the chosen folder could not be reached, or nil.
        var folderProblem: String?
        /// The file the last backup of these actions wrote (nil: none was due).
        var lastWrittenNow: String?
        var busy = false
        /// What the last restore did.
        var restored: ImportSummary?
        /// Whether this device syncs with the other devices through the chosen folder (docs/sync.md).
        var syncEnabled = false
        /// The core's sync status: when the last sync ran, what it merged and skipped, why it failed.
        var sync: SyncStatus?
        /// The error of the last action.
        var error: (any Error)?

        /// The core's status sentence, or nil before it is read.
        var statusText: String? { status?.sentence }
        /// The core's sync sentence, or nil before it is read.
        var syncText: String? { sync?.sentence }
        /// The error as a sentence for the person, or nil.
        var errorText: String? { error.map(sentenceOf) }
    }

    @Published private(set) var state = State()

    /// The source `Journal.restore` is given when no folder is chosen: the core says what to do.
    private static let noSource = ""

    private let store: JournalStore
    private let secrets: SecretStore
    private var folder: BackupFolder?
    private var backedUpAtWrite: UInt64?
    private var watching: AnyCancellable?
    private var queue: Task<Void, Never>?

    init(store: JournalStore, secrets: SecretStore, folder: BackupFolder?, syncEnabled: Bool = false) {
        self.store = store
        self.secrets = secrets
        self.folder = folder
        self.state.syncEnabled = syncEnabled
        self.state.folderName = folder?.displayName
    }

    /// Reads the status, then asks for a backup after every write through the store
    /// (`changed`: the core writes at most one every 10 minutes). Call once.
    func start() async {
        await refresh()
        watching = store.$writeCount.dropFirst().sink { [weak self] _ in
            Task { @MainActor in await self?.run { try await self?.backUp(BackupOccasion.changed) } }
        }
    }

    /// Re-reads the core's status and whether backups are encrypted.
    func refresh() async {
        do {
            try await refreshStatus()
        } catch {
            self.state.error = error
        }
    }

    /// The person chose `chosen` (its bookmark is kept); a backup is written into it at once.
    func chooseFolder(_ chosen: BackupFolder) async {
        folder = chosen
        state.folderName = chosen.displayName
        state.folderProblem = nil
        await action { try await self.backUp(BackupOccasion.now) }
    }

    /// No folder any more: no automatic backups.
    func forgetFolder() {
        folder = nil
        state.folderName = nil
        state.folderProblem = nil
    }

    /// Encrypts backups with `passphrase` from now on and writes one at once when a folder is
    /// chosen; when the core refuses it (too short), the one kept before stays.
    func setPassphrase(_ passphrase: String) async {
        await action {
            let before = self.secrets.passphrase()
            try self.secrets.setPassphrase(passphrase)
            defer { self.state.encrypted = self.secrets.passphrase() != nil }
            do {
                if self.folder != nil {
                    try await self.backUp(BackupOccasion.now)
                }
            } catch let refused as JournalError {
                if case JournalError.InvalidInput = refused {
                    if let before {
                        try self.secrets.setPassphrase(before)
                    } else {
                        try self.secrets.clearPassphrase()
                    }
                }
                throw refused
            }
        }
    }

    /// Backups are written unencrypted from now on.
    func clearPassphrase() async {
        await action {
            try self.secrets.clearPassphrase()
            self.state.encrypted = false
        }
    }

    /// "Back up now": always written.
    func backUpNow() async {
        await action { try await self.backUp(BackupOccasion.now) }
    }

    /// The app goes to the background: a backup is written unless nothing was written through
    /// the store since this process's last backup.
    func wentToBackground() async {
        await action {
            if self.backedUpAtWrite != self.store.writeCount {
                try await self.backUp(BackupOccasion.background)
            }
            if self.state.syncEnabled {
                try await self.syncOnce()
            }
        }
    }

    /// Something changed in the journal through another path than the store (rare).
    func journalChanged() async {
        await action { try await self.backUp(BackupOccasion.changed) }
    }

    /// The last error was shown.
    func errorShown() {
        state.error = nil
    }

    /// Sync on or off (the device keeps the choice); turning it on syncs at once.
    func setSyncEnabled(_ enabled: Bool) async {
        state.syncEnabled = enabled
        if enabled && folder != nil {
            await syncNow()
        }
    }

    /// "Sync now": merges the other devices' files, then writes this device's own file.
    func syncNow() async {
        await action { try await self.syncOnce() }
    }

    /// The new phone: fills the empty journal at `journalPath` from the chosen folder in one core
    /// call (`Journal.restore`), then syncs as a new device. With no folder chosen the same call
    /// is made with no source: the core refuses it with its sentence and creates nothing.
    func restoreFromFolder(journalPath: String) async {
        await action {
            let passphrase = self.secrets.passphrase()
            let restoreAndSync: (String) async throws -> SyncReport = { path in
                let restored = try Journal.restore(path: journalPath, source: path, passphrase: passphrase)
                return try restored.syncFolder(folder: path, passphrase: passphrase)
            }
            if let chosen = self.folder {
                _ = try await chosen.sync(restoreAndSync)
            } else {
                _ = try await restoreAndSync(BackupModel.noSource)
            }
            try await self.store.refresh()
            self.state.syncEnabled = true
            try await self.refreshStatus()
        }
    }

    /// Restores the backup file at `path`: merged by id, all or nothing. An encrypted file opens
    /// with `passphrase` if typed, else the one kept.
    func restore(path: String, passphrase: String?) async {
        await action {
            let typed = passphrase.flatMap { $0.isEmpty ? nil : $0 }
            let key = typed ?? self.secrets.passphrase()
            let summary = try await self.store.write { journal in
                if let key {
                    return try journal.importBackupFileWithPassphrase(path: path, passphrase: key)
                }
                return try journal.importBackupFile(path: path)
            }
            self.state.restored = summary
        }
    }

    private func action(_ body: @escaping @MainActor () async throws -> Void) async {
        state.busy = true
        state.error = nil
        state.restored = nil
        await run(body)
        state.busy = false
    }

    /// Runs `body` after the work queued before it (one backup at a time); keeps its error.
    private func run(_ body: @escaping @MainActor () async throws -> Void) async {
        let previous = queue
        let task = Task { @MainActor in
            _ = await previous?.value
            do {
                try await body()
            } catch {
                self.state.error = error
            }
        }
        queue = task
        await task.value
    }

    private func backUp(_ occasion: BackupOccasion) async throws {
        guard let chosen = folder else {
            return
        }
        let writes = store.writeCount
        let passphrase = secrets.passphrase()
        let failure = await attempt {
            do {
                let outcome = try await chosen.backUp { path in
                    try await self.store.read { journal in
                        try journal.autoBackup(folder: path, passphrase: passphrase, occasion: occasion)
                    }
                }
                if outcome.written != nil {
                    self.backedUpAtWrite = writes
                }
                self.state.lastWrittenNow = outcome.written
                self.state.folderProblem = nil
            } catch let problem as BackupFolderError {
                self.state.folderProblem = problem.sentence
                throw problem
            }
        }
        try await refreshStatusAfter(failure)
    }

    private func syncOnce() async throws {
        guard let chosen = folder else {
            return
        }
        let passphrase = secrets.passphrase()
        let failure = await attempt {
            _ = try await chosen.sync { path in
                try await self.store.write { journal in
                    try journal.syncFolder(folder: path, passphrase: passphrase)
                }
            }
        }
        try await refreshStatusAfter(failure)
    }

    /// Re-reads the status whatever happened (the Kotlin `finally`), before the action ends, so
    /// the core's sentence about this very attempt is shown with it; then throws `failure`.
    private func refreshStatusAfter(_ failure: Error?) async throws {
        guard let failure else {
            return try await refreshStatus()
        }
        try? await refreshStatus()
        throw failure
    }

    private func refreshStatus() async throws {
        state.status = try await store.read { journal in
            try journal.autoBackupStatus()
        }
        state.sync = try await store.read { journal in
            try journal.syncStatus()
        }
        state.encrypted = secrets.passphrase() != nil
    }
}
