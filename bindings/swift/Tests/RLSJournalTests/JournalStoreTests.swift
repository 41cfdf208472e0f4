import Combine
import Foundation
import RLSJournal
import XCTest

/// The hand-written `JournalStore`: it publishes after writes, calls the core off the main
/// thread and leaves its state alone when the core rejects a call.
final class JournalStoreTests: XCTestCase {
    @MainActor
    func testOpenLoadsTheEmptyJournal() async throws {
        let store = try await JournalStore.open(path: try makeJournalPath())
        XCTAssertTrue(store.isLoaded)
        XCTAssertNil(store.openEpisode)
        XCTAssertTrue(store.history.isEmpty)
        XCTAssertNil(store.historyCursor)
        // No IRLS rating was ever entered, so the weekly rating is due.
        XCTAssertTrue(store.prompts.contains { $0.kind == .severityRating })
    }

    @MainActor
    func testStorePublishesAfterEachWrite() async throws {
        let store = try await JournalStore.open(path: try makeJournalPath())
        var changes = 0
        let subscription = store.objectWillChange.sink { _ in
            changes += 1
        }
        defer {
            subscription.cancel()
        }

        let logged = try await store.quickLog(intensity: 7, side: .right)
        XCTAssertGreaterThan(changes, 0)
        XCTAssertEqual(store.openEpisode?.id, logged.id)
        XCTAssertEqual(store.openEpisode?.data.peakIntensity, 7)
        XCTAssertEqual(store.history.map { $0.id }, [logged.id])

        let changesBeforeRelief = changes
        try await store.addRelief(method: .stretching, helped: 1)
        XCTAssertGreaterThan(changes, changesBeforeRelief)
        XCTAssertEqual(store.openEpisode?.relief.count, 1)

        let ended = try await store.endEpisode()
        XCTAssertNotNil(ended.data.endedAt)
        XCTAssertNil(store.openEpisode)
        XCTAssertEqual(store.history.first?.id, logged.id)

        try await store.deleteEntry(id: logged.id)
        XCTAssertTrue(store.history.isEmpty)

        let restored = try await store.undoDelete()
        XCTAssertEqual(restored, logged.id)
        XCTAssertEqual(store.history.map { $0.id }, [logged.id])
        XCTAssertNil(store.refreshFailure)
    }

    @MainActor
    func testARejectedWriteThrowsTheTypedErrorAndKeepsTheState() async throws {
        let store = JournalStore(journal: try Journal.openInMemory())
        try await store.refresh()
        let episode = try await store.quickLog(intensity: 5)

        do {
            try await store.quickLog(intensity: 0)
            XCTFail("intensity 0 was accepted")
        } catch JournalError.InvalidInput(let field, let reason) {
            XCTAssertEqual(field, "peak_intensity")
            XCTAssertFalse(reason.isEmpty)
        }
        XCTAssertEqual(store.openEpisode, episode)
        XCTAssertEqual(store.history.map { $0.id }, [episode.id])
        XCTAssertNil(store.refreshFailure)
    }

    @MainActor
    func testOpeningAFileThatIsNotAJournalThrowsCorrupt() async throws {
        let url = try makeTemporaryDirectory().appending(path: "notes.txt")
        try Data(String(repeating: "not a journal\n", count: 600).utf8).write(to: url)
        do {
            _ = try await JournalStore.open(path: url.path(percentEncoded: false))
            XCTFail("a text file was opened as a journal")
        } catch JournalError.Corrupt(let detail) {
            XCTAssertFalse(detail.isEmpty)
        }
    }

    @MainActor
    func testLoadMoreHistoryAppendsOlderPages() async throws {
        let store = JournalStore(journal: try Journal.openInMemory(), historyPageSize: 2)
        var ids: [String] = []
        for data in Fixture.episodesOnConsecutiveNights(5) {
            let added = try await store.write { journal in
                return try journal.addEpisode(data: data)
            }
            ids.append(added.id)
        }
        XCTAssertEqual(store.history.count, 2)
        XCTAssertNotNil(store.historyCursor)

        try await store.olderHistory()
        XCTAssertEqual(store.history.count, 4)
        try await store.olderHistory()
        XCTAssertEqual(store.history.count, 5)
        XCTAssertNil(store.historyCursor)
        try await store.olderHistory()
        XCTAssertEqual(store.history.count, 5)
        XCTAssertEqual(store.history.map { $0.id }, Array(ids.reversed()))

        // A write starts the list again from the newest page.
        let oldest = ids[0]
        try await store.write { journal in
            return try journal.deleteEntry(id: oldest)
        }
        XCTAssertEqual(store.history.count, 2)
        XCTAssertNotNil(store.historyCursor)
    }

    @MainActor
    func testHistoryFilterShowsOnlyTheChosenKinds() async throws {
        let store = JournalStore(journal: try Journal.openInMemory())
        let episodeData = Fixture.episodesOnConsecutiveNights(1)[0]
        let coffeeData = Fixture.coffee(at: Fixture.later(episodeData.startedAt, minutes: -120))
        try await store.write { journal in
            return try journal.addEpisode(data: episodeData)
        }
        let coffee = try await store.write { journal in
            return try journal.addExposure(data: coffeeData)
        }
        XCTAssertEqual(store.history.count, 2)

        try await store.setHistoryFilter(kinds: [.exposure])
        XCTAssertEqual(store.historyFilter, [.exposure])
        XCTAssertEqual(store.history.map { $0.id }, [coffee.id])

        try await store.setHistoryFilter(kinds: [])
        XCTAssertEqual(store.history.count, 2)
    }

    @MainActor
    func testCoreCallsRunOffTheMainThread() async throws {
        let store = JournalStore(journal: try Journal.openInMemory())
        let readOnMain = try await store.read { _ in
            return Thread.isMainThread
        }
        XCTAssertFalse(readOnMain)
        let writeOnMain = try await store.write { _ in
            return Thread.isMainThread
        }
        XCTAssertFalse(writeOnMain)
        let settings = try await store.read { journal in
            return try journal.settings()
        }
        XCTAssertEqual(settings.nightCutoverHour, 12)
    }
}
