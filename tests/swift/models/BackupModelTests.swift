// BackupModel (ios/RLSJournalApp/Models/BackupModel.swift) through the real core on real journal
// files and real temporary folders: the Swift twins of the Kotlin Backup presenter tests
// (tests/kotlin/…/BackupPresenterTests.kt) that concern iOS (the Storage Access Framework mirror
// is Android's). The platform pieces the model names get simple implementations here: the
// passphrase in memory (the Keychain's part) and a temporary folder by its path (the bookmark's
// part), which can be made unreachable as a withdrawn bookmark is.

import Foundation
import RLSJournal
import XCTest

private let passphrase = "correct horse battery staple"

/// The Keychain stand-in: the passphrase lives only here.
private final class MemorySecrets: SecretStore {
    var value: String?

    init(_ value: String? = nil) {
        self.value = value
    }

    func passphrase() -> String? { value }
    func setPassphrase(_ passphrase: String) throws { value = passphrase }
    func clearPassphrase() throws { value = nil }
}

/// A folder the core writes by its path (the bookmark's job on the phone), recording every core
/// outcome; `reachable = false` refuses as a bookmark whose permission was withdrawn does.
private final class TempFolder: BackupFolder {
    static let refusal = "this app may no longer write to the backup folder; choose the folder again"

    let url: URL
    let displayName: String
    var reachable = true
    private let lock = NSLock()
    private var recordedOutcomes: [AutoBackupOutcome] = []
    private var recordedSyncs: [SyncReport] = []

    /// What the core answered each backup through this folder, oldest first.
    var outcomes: [AutoBackupOutcome] { lock.withLock { recordedOutcomes } }
    /// What the core answered each sync through this folder, oldest first.
    var syncs: [SyncReport] { lock.withLock { recordedSyncs } }

    init(_ url: URL, name: String = "Backups") {
        self.url = url
        displayName = name
    }

    func backUp(_ write: (String) async throws -> AutoBackupOutcome) async throws -> AutoBackupOutcome {
        guard reachable else {
            throw BackupFolderError(sentence: TempFolder.refusal)
        }
        let outcome = try await write(url.path)
        lock.withLock { recordedOutcomes.append(outcome) }
        return outcome
    }

    func sync(_ sync: (String) async throws -> SyncReport) async throws -> SyncReport {
        guard reachable else {
            throw BackupFolderError(sentence: TempFolder.refusal)
        }
        let report = try await sync(url.path)
        lock.withLock { recordedSyncs.append(report) }
        return report
    }

    /// The names of the files in the folder.
    func names() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
    }
}

final class BackupModelTests: XCTestCase {
    @MainActor
    func testChoosingAFolderWritesAnEncryptedBackupThatTheCoreImportsBackWithThePassphrase() async throws {
        let dir = try temporaryFolder()
        let store = try await openStore(dir)
        try await seed(store)
        let secrets = MemorySecrets()
        let model = BackupModel(store: store, secrets: secrets, folder: nil)
        XCTAssertNil(model.state.folderName)
        await model.setPassphrase(passphrase)
        XCTAssertNil(model.state.error, model.state.errorText ?? "")
        XCTAssertTrue(model.state.encrypted)
        XCTAssertEqual(secrets.value, passphrase)
        XCTAssertNil(model.state.lastWrittenNow, "no folder: nothing written")

        let folder = TempFolder(try subfolder(dir, "backups"))
        await model.chooseFolder(folder)
        let state = model.state
        XCTAssertNil(state.error, state.errorText ?? "")
        XCTAssertFalse(state.busy)
        XCTAssertEqual(state.folderName, "Backups")
        let name = try XCTUnwrap(state.lastWrittenNow)
        XCTAssertTrue(name.hasSuffix(".zip.age"), name)
        XCTAssertEqual(folder.names(), [name])
        let bytes = try Data(contentsOf: folder.url.appendingPathComponent(name))
        XCTAssertEqual(String(decoding: bytes.prefix(21), as: UTF8.self), "age-encryption.org/v1")
        XCTAssertEqual(state.status?.lastFile, name)
        let statusText = try XCTUnwrap(state.statusText)
        XCTAssertTrue(statusText.hasPrefix("The last backup was written on "), statusText)
        XCTAssertTrue(statusText.contains(name), statusText)
        let core = try await store.read { journal in try journal.autoBackupStatus() }
        XCTAssertEqual(statusText, core.sentence, "the core's own sentence, as it is")

        let fresh = try Journal.open(path: dir.appendingPathComponent("new-phone.sqlite").path)
        XCTAssertTrue(try entries(fresh).isEmpty)
        _ = try fresh.importBackupFileWithPassphrase(path: folder.url.appendingPathComponent(name).path, passphrase: passphrase)
        let restored = try entries(fresh)
        let original = try await storeEntries(store)
        XCTAssertEqual(restored, original)
        XCTAssertFalse(restored.isEmpty)
    }

    @MainActor
    func testWithoutAPassphraseTheBackupIsAPlainZipTheCoreImports() async throws {
        let dir = try temporaryFolder()
        let store = try await openStore(dir)
        try await seed(store)
        let folder = TempFolder(try subfolder(dir, "backups"))
        let model = BackupModel(store: store, secrets: MemorySecrets(), folder: folder)
        XCTAssertEqual(model.state.folderName, "Backups")
        await model.refresh()
        XCTAssertFalse(model.state.encrypted)
        XCTAssertNil(model.state.status?.lastFile)
        let before = try XCTUnwrap(model.state.statusText)
        let core = try await store.read { journal in try journal.autoBackupStatus() }
        XCTAssertEqual(before, core.sentence)
        XCTAssertTrue(before.hasPrefix("No automatic backup has been written yet"), before)

        await model.backUpNow()
        XCTAssertNil(model.state.error, model.state.errorText ?? "")
        let name = try XCTUnwrap(model.state.lastWrittenNow)
        XCTAssertTrue(name.hasSuffix(".zip"), name)
        XCTAssertEqual(model.state.status?.lastFile, name)
        let fresh = try Journal.open(path: dir.appendingPathComponent("new-phone.sqlite").path)
        let summary = try fresh.importBackupFile(path: folder.url.appendingPathComponent(name).path)
        let original = try await storeEntries(store)
        XCTAssertEqual(Int(summary.added), original.count)
        XCTAssertEqual(try entries(fresh), original)
    }

    @MainActor
    func testStatusShowsTheCoresSentenceWhenTheFolderIsGone() async throws {
        let dir = try temporaryFolder()
        let store = try await openStore(dir)
        try await seed(store)
        let folder = TempFolder(try subfolder(dir, "backups"))
        let model = BackupModel(store: store, secrets: MemorySecrets(), folder: folder)
        await model.backUpNow()
        XCTAssertNil(model.state.error, model.state.errorText ?? "")
        try FileManager.default.removeItem(at: folder.url)
        await model.backUpNow()
        let state = model.state
        let error = try XCTUnwrap(state.error as? JournalError)
        guard case .BackupFailed = error else {
            return XCTFail("not BackupFailed: \(error)")
        }
        XCTAssertEqual(state.errorText, errorMessage(error: error))
        let failure = try XCTUnwrap(state.status?.failure)
        XCTAssertTrue(failure.contains("is gone"), failure)
        let statusText = try XCTUnwrap(state.statusText)
        XCTAssertTrue(statusText.contains("failed: \(failure)"), statusText)
        XCTAssertTrue(statusText.contains("The last backup was written on"), "the earlier backup is still named: \(statusText)")
        let core = try await store.read { journal in try journal.autoBackupStatus() }
        XCTAssertEqual(statusText, core.sentence, "the core's own sentence, as it is")
        XCTAssertFalse(state.busy)
        XCTAssertNil(state.folderProblem, "the folder was reached; the core says what failed")

        model.errorShown()
        XCTAssertNil(model.state.error)
        XCTAssertEqual(model.state.statusText, statusText, "the status stays")
    }

    @MainActor
    func testAnUnreachableFolderIsShownAndTheNextBackupCatchesUp() async throws {
        let dir = try temporaryFolder()
        let store = try await openStore(dir)
        try await seed(store)
        let folder = TempFolder(try subfolder(dir, "backups"))
        folder.reachable = false
        let model = BackupModel(store: store, secrets: MemorySecrets(), folder: folder)
        await model.backUpNow()
        XCTAssertTrue(model.state.error is BackupFolderError)
        XCTAssertEqual(model.state.folderProblem, TempFolder.refusal)
        let errorText = try XCTUnwrap(model.state.errorText)
        XCTAssertTrue(errorText.contains(TempFolder.refusal), "the folder's sentence is shown: \(errorText)")
        XCTAssertEqual(folder.names(), [])
        XCTAssertFalse(model.state.busy)

        folder.reachable = true
        await model.backUpNow()
        XCTAssertNil(model.state.folderProblem)
        XCTAssertNil(model.state.error, model.state.errorText ?? "")
        let name = try XCTUnwrap(model.state.lastWrittenNow)
        XCTAssertEqual(folder.names(), [name])

        // Choosing the folder again clears the problem at once.
        folder.reachable = false
        await model.backUpNow()
        XCTAssertNotNil(model.state.folderProblem)
        folder.reachable = true
        await model.chooseFolder(folder)
        XCTAssertNil(model.state.folderProblem)
        XCTAssertNil(model.state.error, model.state.errorText ?? "")
    }

    @MainActor
    func testGoingToTheBackgroundTwiceWithinTenMinutesWritesOnce() async throws {
        let dir = try temporaryFolder()
        let store = try await openStore(dir)
        let folder = TempFolder(try subfolder(dir, "backups"))
        let model = BackupModel(store: store, secrets: MemorySecrets(), folder: folder)
        await model.start()
        XCTAssertNotNil(model.state.status)
        await model.backUpNow()
        XCTAssertEqual(folder.outcomes.filter { $0.written != nil }.count, 1)
        // A change: the core's `changed` debounce writes none within 10 minutes of the last one.
        try await store.quickLog(intensity: 5)
        await settle("the change to ask for a backup") { folder.outcomes.count == 2 }
        XCTAssertNil(folder.outcomes.last?.written, "debounced")
        // Background: always written, as there is a change since the last backup ...
        await model.wentToBackground()
        XCTAssertEqual(folder.outcomes.count, 3)
        XCTAssertNotNil(folder.outcomes.last?.written)
        XCTAssertEqual(model.state.lastWrittenNow, folder.outcomes.last?.written)
        // ... and again with nothing new: nothing written, the core not even asked.
        await model.wentToBackground()
        XCTAssertEqual(folder.outcomes.count, 3)
        XCTAssertEqual(folder.outcomes.filter { $0.written != nil }.count, 2)
        // A further change, then background: written again (the core's "always on background").
        try await store.endEpisode()
        await settle("the change to ask for a backup") { folder.outcomes.count == 4 }
        await model.wentToBackground()
        XCTAssertEqual(folder.outcomes.count, 5)
        XCTAssertEqual(folder.outcomes.filter { $0.written != nil }.count, 3)
        XCTAssertNil(model.state.error, model.state.errorText ?? "")
        XCTAssertFalse(model.state.syncEnabled)
        XCTAssertTrue(folder.syncs.isEmpty, "sync off: going to the background does not sync")
    }

    @MainActor
    func testAChangeThroughAnotherPathAsksTheCoreWhichDebouncesIt() async throws {
        let dir = try temporaryFolder()
        let store = try await openStore(dir)
        try await seed(store)
        let folder = TempFolder(try subfolder(dir, "backups"))
        let model = BackupModel(store: store, secrets: MemorySecrets(), folder: folder)
        await model.journalChanged()
        XCTAssertNil(model.state.error, model.state.errorText ?? "")
        let first = try XCTUnwrap(model.state.lastWrittenNow, "no backup yet: a change is due at once")
        await model.journalChanged()
        XCTAssertNil(model.state.lastWrittenNow, "within 10 minutes of the last: none due")
        XCTAssertEqual(folder.outcomes.count, 2)
        XCTAssertEqual(model.state.status?.lastFile, first)

        // No folder any more: nothing is asked or written.
        model.forgetFolder()
        XCTAssertNil(model.state.folderName)
        await model.backUpNow()
        XCTAssertNil(model.state.error, model.state.errorText ?? "")
        XCTAssertEqual(folder.outcomes.count, 2)
        XCTAssertEqual(folder.names(), [first])
    }

    @MainActor
    func testRestoreWithAWrongPassphraseSaysWhyAndLeavesTheJournalUnchanged() async throws {
        let dir = try temporaryFolder()
        let source = try Journal.open(path: dir.appendingPathComponent("old-phone.sqlite").path)
        try seed(source)
        let file = dir.appendingPathComponent("backup.zip.age")
        try source.backupEncrypted(passphrase: passphrase).write(to: file)
        let sourceCount = try entries(source).count

        let store = try await openStore(dir)
        try await store.write { journal in
            try journal.addExposure(data: ExposureData(
                at: Moment(instant: Date(timeIntervalSince1970: 1_742_497_200), offsetMinutes: 60),
                kind: .alcohol, amount: 1, unit: "glass", note: nil
            ))
        }
        let before = try await storeEntries(store)
        let secrets = MemorySecrets()
        let model = BackupModel(store: store, secrets: secrets, folder: nil)

        await model.restore(path: file.path, passphrase: "not the passphrase")
        let wrong = try XCTUnwrap(model.state.error as? JournalError)
        XCTAssertEqual(wrong, .WrongPassphrase)
        XCTAssertEqual(model.state.errorText, errorMessage(error: wrong))
        XCTAssertNil(model.state.restored)
        let afterWrong = try await storeEntries(store)
        XCTAssertEqual(afterWrong, before)

        // No passphrase typed and none kept: the core says one is needed.
        await model.restore(path: file.path, passphrase: nil)
        XCTAssertEqual(model.state.error as? JournalError, .PassphraseNeeded)
        let afterNone = try await storeEntries(store)
        XCTAssertEqual(afterNone, before)

        await model.restore(path: file.path, passphrase: passphrase)
        XCTAssertNil(model.state.error, model.state.errorText ?? "")
        XCTAssertFalse(model.state.busy)
        let summary = try XCTUnwrap(model.state.restored)
        XCTAssertEqual(Int(summary.added), sourceCount)
        let after = try await storeEntries(store)
        XCTAssertEqual(after.count, sourceCount + before.count)
        XCTAssertEqual(store.history.count, sourceCount + before.count, "the store's published lists were refreshed")

        // Again, with the passphrase kept and none typed: merged by id, nothing added twice.
        secrets.value = passphrase
        await model.restore(path: file.path, passphrase: "")
        XCTAssertNil(model.state.error, model.state.errorText ?? "")
        XCTAssertEqual(model.state.restored?.added, 0)
        XCTAssertEqual(model.state.restored.map { Int($0.unchanged) }, sourceCount)
        let again = try await storeEntries(store)
        XCTAssertEqual(again.count, sourceCount + before.count)

        // A new action forgets what the last restore did.
        await model.backUpNow()
        XCTAssertNil(model.state.restored)
    }

    @MainActor
    func testTooShortAPassphraseIsRefusedByTheCoreAndTheOneKeptStays() async throws {
        let dir = try temporaryFolder()
        let store = try await openStore(dir)
        let secrets = MemorySecrets()
        let folder = TempFolder(try subfolder(dir, "backups"))
        let model = BackupModel(store: store, secrets: secrets, folder: folder)

        // None kept before: the refused one is not kept either.
        await model.setPassphrase("short")
        let first = try XCTUnwrap(model.state.error as? JournalError)
        guard case .InvalidInput = first else {
            return XCTFail("not InvalidInput: \(first)")
        }
        XCTAssertEqual(model.state.errorText, errorMessage(error: first))
        XCTAssertNil(secrets.value)
        XCTAssertFalse(model.state.encrypted)

        await model.setPassphrase(passphrase)
        XCTAssertNil(model.state.error, model.state.errorText ?? "")
        XCTAssertTrue(try XCTUnwrap(model.state.lastWrittenNow).hasSuffix(".zip.age"), "written at once, encrypted")
        await model.setPassphrase("short")
        XCTAssertNotNil(model.state.error as? JournalError)
        XCTAssertEqual(secrets.value, passphrase)
        XCTAssertTrue(model.state.encrypted)

        await model.clearPassphrase()
        XCTAssertNil(model.state.error, model.state.errorText ?? "")
        XCTAssertNil(secrets.value)
        XCTAssertFalse(model.state.encrypted)
        await model.backUpNow()
        XCTAssertTrue(try XCTUnwrap(model.state.lastWrittenNow).hasSuffix(".zip"), "plain once cleared")
        XCTAssertFalse(try XCTUnwrap(model.state.lastWrittenNow).hasSuffix(".age"))
    }

    @MainActor
    func testThePassphraseIsOnlyInTheSecretStoreNeverInTheJournalFile() async throws {
        let dir = try temporaryFolder()
        let store = try await openStore(dir)
        try await seed(store)
        let secrets = MemorySecrets()
        let folder = TempFolder(try subfolder(dir, "backups"))
        let model = BackupModel(store: store, secrets: secrets, folder: folder)
        await model.start()
        await model.setPassphrase(passphrase)
        try await store.quickLog(intensity: 6)
        await model.wentToBackground()
        await model.backUpNow()
        await model.setSyncEnabled(true)
        XCTAssertNil(model.state.error, model.state.errorText ?? "")
        XCTAssertEqual(secrets.value, passphrase)
        let needles = [Data(passphrase.utf8), passphrase.data(using: .utf16LittleEndian) ?? Data()]
        let files = try allFiles(dir)
        XCTAssertTrue(files.contains { $0.lastPathComponent == "journal.sqlite" }, "\(files)")
        XCTAssertTrue(files.contains { $0.lastPathComponent.hasSuffix(".zip.age") }, "\(files)")
        XCTAssertTrue(files.contains { $0.lastPathComponent.hasPrefix("rlsjournal-device-") }, "\(files)")
        for file in files {
            let bytes = try Data(contentsOf: file)
            for needle in needles {
                XCTAssertNil(bytes.range(of: needle), "the passphrase is in \(file.lastPathComponent)")
            }
        }
    }

    // ---- sync through the chosen folder ----

    @MainActor
    func testSyncNowCarriesOnePhonesEntriesToTheOtherThroughTheFolderBothWays() async throws {
        let dir = try temporaryFolder()
        let shared = try subfolder(dir, "shared")
        let a = try await openStore(dir, "phone-a.sqlite")
        let b = try await openStore(dir, "phone-b.sqlite")
        try await seed(a)
        let modelA = BackupModel(store: a, secrets: MemorySecrets(), folder: TempFolder(shared, name: "Shared"))
        let folderB = TempFolder(shared, name: "Shared")
        let modelB = BackupModel(store: b, secrets: MemorySecrets(), folder: folderB)
        await modelA.setSyncEnabled(true)
        XCTAssertNil(modelA.state.error, modelA.state.errorText ?? "")
        XCTAssertTrue(modelA.state.syncEnabled)
        await modelB.setSyncEnabled(true)
        XCTAssertNil(modelB.state.error, modelB.state.errorText ?? "")
        let entriesA = try await storeEntries(a)
        let entriesB = try await storeEntries(b)
        XCTAssertFalse(entriesA.isEmpty)
        XCTAssertEqual(entriesB, entriesA, "B holds A's records after one sync")
        XCTAssertEqual(b.history.count, entriesA.count, "B's store shows them")
        XCTAssertNotNil(modelB.state.sync?.lastSync, "the status is re-read after the sync")
        let sentence = try XCTUnwrap(modelB.state.syncText)
        XCTAssertFalse(sentence.isEmpty)
        XCTAssertNil(modelB.state.sync?.failure, sentence)
        let coreB = try await b.read { journal in try journal.syncStatus() }
        XCTAssertEqual(sentence, coreB.sentence, "the core's own sentence, as it is")
        XCTAssertEqual(folderB.syncs.last.map { Int($0.added) }, entriesA.count)

        // B's change travels back to A.
        try await b.write { journal in try journal.noSymptomsLastNight() }
        await modelB.syncNow()
        await modelA.syncNow()
        XCTAssertNil(modelA.state.error, modelA.state.errorText ?? "")
        let backA = try await storeEntries(a)
        let backB = try await storeEntries(b)
        XCTAssertEqual(backA, backB, "A holds B's answer after both synced")
        XCTAssertEqual(backA.count, entriesA.count + 1)
        let devices = folderB.names().filter { $0.hasPrefix("rlsjournal-device-") }
        XCTAssertEqual(devices.count, 2, "\(devices)")

        // With sync on, going to the background syncs too.
        let episode = try await b.quickLog(intensity: 4)
        await modelB.wentToBackground()
        XCTAssertNil(modelB.state.error, modelB.state.errorText ?? "")
        await modelA.syncNow()
        let reached = try await a.read { journal in try journal.entry(id: episode.id) }
        guard case let .episode(episode: atA) = reached else {
            return XCTFail("not an episode: \(reached)")
        }
        XCTAssertEqual(atA.data.peakIntensity, 4)

        // Off: the choice is the device's; going to the background no longer syncs.
        await modelB.setSyncEnabled(false)
        XCTAssertFalse(modelB.state.syncEnabled)
        let syncsBefore = folderB.syncs.count
        try await b.quickLog(intensity: 6)
        await modelB.wentToBackground()
        XCTAssertEqual(folderB.syncs.count, syncsBefore)
    }

    @MainActor
    func testASyncWithoutAFolderOrWithAGoneOneChangesNothingAndSaysWhy() async throws {
        let dir = try temporaryFolder()
        let store = try await openStore(dir)
        try await seed(store)
        let before = try await storeEntries(store)
        let alone = BackupModel(store: store, secrets: MemorySecrets(), folder: nil)
        await alone.setSyncEnabled(true)
        XCTAssertTrue(alone.state.syncEnabled)
        XCTAssertNil(alone.state.error)
        XCTAssertNil(alone.state.sync, "no folder: nothing synced, nothing read")

        let shared = try subfolder(dir, "shared")
        let model = BackupModel(store: store, secrets: MemorySecrets(), folder: TempFolder(shared, name: "Shared"), syncEnabled: true)
        XCTAssertTrue(model.state.syncEnabled, "the device's kept choice")
        await model.syncNow()
        XCTAssertNil(model.state.error, model.state.errorText ?? "")
        try FileManager.default.removeItem(at: shared)
        await model.syncNow()
        let error = try XCTUnwrap(model.state.error as? JournalError)
        guard case .SyncFailed = error else {
            return XCTFail("not SyncFailed: \(error)")
        }
        XCTAssertEqual(model.state.errorText, errorMessage(error: error))
        let sync = try XCTUnwrap(model.state.sync)
        XCTAssertNotNil(sync.failure, "the core's status keeps the failure: \(sync.sentence)")
        let core = try await store.read { journal in try journal.syncStatus() }
        XCTAssertEqual(model.state.syncText, core.sentence)
        let after = try await storeEntries(store)
        XCTAssertEqual(after, before)
    }

    @MainActor
    func testANewPhoneRestoresFromTheFolderWithThePassphraseAndJoinsAsANewDevice() async throws {
        let dir = try temporaryFolder()
        let shared = try subfolder(dir, "shared")
        let old = try await openStore(dir, "old-phone.sqlite")
        try await seed(old)
        let oldModel = BackupModel(store: old, secrets: MemorySecrets(passphrase), folder: TempFolder(shared, name: "Shared"))
        await oldModel.setSyncEnabled(true)
        XCTAssertNil(oldModel.state.error, oldModel.state.errorText ?? "")
        let ours = try XCTUnwrap(TempFolder(shared).names().first { $0.hasPrefix("rlsjournal-device-") })
        XCTAssertTrue(ours.hasSuffix(".json.age"), ours)

        // The new phone: an empty journal the app has opened.
        let newPath = dir.appendingPathComponent("new-phone.sqlite").path
        let newStore = try await JournalStore.open(path: newPath)

        // No folder chosen yet: nothing happens, and the person is told (the words are the app's).
        let noFolder = BackupModel(store: newStore, secrets: MemorySecrets(passphrase), folder: nil)
        await noFolder.restoreFromFolder(journalPath: newPath)
        XCTAssertNotNil(noFolder.state.error)
        XCTAssertFalse(noFolder.state.syncEnabled)
        let untouched = try await storeEntries(newStore)
        XCTAssertTrue(untouched.isEmpty)

        // A wrong passphrase first: nothing merged, and the core says why.
        let wrong = BackupModel(store: newStore, secrets: MemorySecrets("not the passphrase"), folder: TempFolder(shared, name: "Shared"))
        await wrong.restoreFromFolder(journalPath: newPath)
        let refused = try XCTUnwrap(wrong.state.error as? JournalError, "a wrong passphrase merges nothing and says so")
        XCTAssertEqual(wrong.state.errorText, errorMessage(error: refused))
        XCTAssertFalse(wrong.state.syncEnabled)
        let stillEmpty = try await storeEntries(newStore)
        XCTAssertTrue(stillEmpty.isEmpty)

        let model = BackupModel(store: newStore, secrets: MemorySecrets(passphrase), folder: TempFolder(shared, name: "Shared"))
        await model.restoreFromFolder(journalPath: newPath)
        XCTAssertNil(model.state.error, model.state.errorText ?? "")
        XCTAssertFalse(model.state.busy)
        let restored = try await storeEntries(newStore)
        let original = try await storeEntries(old)
        XCTAssertEqual(restored, original)
        XCTAssertEqual(newStore.history.count, original.count, "the store was refreshed")
        XCTAssertTrue(model.state.syncEnabled)
        XCTAssertNotNil(model.state.sync?.lastSync, "the status was re-read after the first sync")
        let devices = TempFolder(shared).names().filter { $0.hasPrefix("rlsjournal-device-") }
        XCTAssertEqual(devices.count, 2, "the new phone writes its own file: \(devices)")
        let newDevice = try await newStore.read { journal in try journal.deviceId() }
        let oldDevice = try await old.read { journal in try journal.deviceId() }
        XCTAssertNotEqual(newDevice, oldDevice)
    }
}

// MARK: - helpers of these tests

/// A fresh temporary folder of the test's own.
private func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("rlsjournal-backup-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// A new folder `name` inside `dir`.
private func subfolder(_ dir: URL, _ name: String) throws -> URL {
    let folder = dir.appendingPathComponent(name, isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// A store on the journal file `name` in `dir`, opened as the app opens it.
@MainActor
private func openStore(_ dir: URL, _ name: String = "journal.sqlite") async throws -> JournalStore {
    try await JournalStore.open(path: dir.appendingPathComponent(name).path)
}

/// Every file under `dir`.
private func allFiles(_ dir: URL) throws -> [URL] {
    guard let walker = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil) else {
        return []
    }
    return walker.compactMap { $0 as? URL }.filter { url in
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &folder) && !folder.boolValue
    }
}

/// Every entry of `journal`, newest first.
private func entries(_ journal: Journal) throws -> [Entry] {
    try journal.history(query: HistoryQuery(kinds: [], cursor: nil, limit: 200)).items.map { $0.entry }
}

/// Every entry of `store`'s journal, newest first.
@MainActor
private func storeEntries(_ store: JournalStore) async throws -> [Entry] {
    try await store.read { journal in try entries(journal) }
}

/// A few entries of several kinds (the Kotlin fixtures' `seed`).
private func seed(_ journal: Journal) throws {
    let evening = Date(timeIntervalSince1970: 1_743_015_600) // 2025-03-26T20:00:00+01:00
    let at = Moment(instant: evening, offsetMinutes: 60)
    let treatment = try journal.addTreatment(data: TreatmentData(
        name: "Pramipexole", category: .dopamineAgonist, dose: 0.125, doseUnit: "mg", startedOn: "2025-02-01",
        stoppedOn: nil, note: "evening, 2 h before bed"
    ))
    _ = try journal.addDose(data: DoseData(
        treatmentId: treatment.id, at: Moment(instant: evening.addingTimeInterval(5400), offsetMinutes: 60), amount: 0.125
    ))
    _ = try journal.addExposure(data: ExposureData(at: at, kind: .caffeine, amount: 2, unit: "cups", note: nil))
    let start = Moment(instant: evening.addingTimeInterval(3 * 3600 + 600), offsetMinutes: 60)
    _ = try journal.addEpisode(data: EpisodeData(
        startedAt: start, endedAt: Moment(instant: start.instant.addingTimeInterval(1800), offsetMinutes: 60),
        peakIntensity: 5, latencyMinutes: nil, setting: nil, side: nil, bodyAreas: [], sensations: [],
        wokeFromSleep: false, note: nil
    ))
    _ = try journal.addLabResult(data: LabResultData(takenOn: "2025-03-20", analyte: .ferritin, value: 38, unit: "µg/L", note: nil))
    _ = try journal.addSeverityRating(data: SeverityRatingData(ratedOn: "2025-03-21", irlsTotal: 22, note: nil))
}

/// `seed` through the store, as the app writes.
@MainActor
private func seed(_ store: JournalStore) async throws {
    try await store.write { journal in try seed(journal) }
}
