// QuickLogActionModel (ios/RLSJournalApp/Models/QuickLogActionModel.swift) through the real core:
// the Swift twins of the Kotlin `quickLogAction…` tests (tests/kotlin/…/PresenterTests.kt). The
// Kotlin notifier's `showLogged` is the model's `logged` closure here; the test records its calls.

import Foundation
import RLSJournal
import XCTest

/// What the model reported through `logged`.
@MainActor
private final class LoggedCalls {
    var calls: [(store: JournalStore?, title: String?, error: Error?)] = []

    func record(_ store: JournalStore?, _ title: String?, _ error: Error?) {
        calls.append((store: store, title: title, error: error))
    }
}

private struct NoJournalHere: Error {}

final class QuickLogActionModelTests: XCTestCase {
    @MainActor
    func testLogsAndConfirmsWithTheCoresTitle() async throws {
        let store = try await freshStore()
        let logged = LoggedCalls()
        let action = QuickLogActionModel(openStore: { store }, logged: { store, title, error in
            logged.record(store, title, error)
        })
        let logTitle = await action.log(intensity: 5)
        let title = try XCTUnwrap(logTitle)
        let item = try await store.read { journal in try journal.openEpisodeItem() }
        XCTAssertEqual(title, item?.title)
        XCTAssertEqual(logged.calls.count, 1)
        XCTAssertTrue(logged.calls.first?.store === store, "the reminders are re-planned on this store")
        XCTAssertEqual(logged.calls.first?.title, title)
        XCTAssertNil(logged.calls.first?.error)
        let open = try await store.read { journal in try journal.openEpisode() }
        XCTAssertEqual(open?.data.peakIntensity, 5)
        XCTAssertNotNil(store.openEpisode, "written through the store: its published state follows")
    }

    @MainActor
    func testASecondActionRaisesThePeakOfTheSameEpisode() async throws {
        let store = try await freshStore()
        let logged = LoggedCalls()
        let action = QuickLogActionModel(openStore: { store }, logged: { store, title, error in
            logged.record(store, title, error)
        })
        await action.log(intensity: QuickLogActionModel.intensities[0])
        await action.log(intensity: QuickLogActionModel.intensities[2])
        XCTAssertEqual(logged.calls.count, 2)
        XCTAssertTrue(logged.calls.allSatisfy { $0.error == nil })
        let episodes = try await store.read { journal in
            try journal.history(query: HistoryQuery(kinds: [.episode], cursor: nil, limit: 50)).items
        }
        XCTAssertEqual(episodes.count, 1, "the core merges a log within 3 hours")
        let open = try await store.read { journal in try journal.openEpisode() }
        XCTAssertEqual(open?.data.peakIntensity, 8)
        let item = try await store.read { journal in try journal.openEpisodeItem() }
        XCTAssertEqual(logged.calls.last?.title, item?.title, "the second confirmation names the raised peak")
    }

    @MainActor
    func testReportsTheCoresRefusal() async throws {
        let store = try await freshStore()
        let logged = LoggedCalls()
        let action = QuickLogActionModel(openStore: { store }, logged: { store, title, error in
            logged.record(store, title, error)
        })
        let refused = await action.log(intensity: 12)
        XCTAssertNil(refused)
        XCTAssertEqual(logged.calls.count, 1)
        XCTAssertNil(logged.calls.first?.title)
        let error = try XCTUnwrap(logged.calls.first?.error as? JournalError)
        guard case .InvalidInput = error else {
            return XCTFail("not InvalidInput: \(error)")
        }
        XCTAssertTrue(sentenceOf(error).contains("12"), "the core's sentence quotes the value")
        let open = try await store.read { journal in try journal.openEpisode() }
        XCTAssertNil(open)

        let nothing = await action.log(intensity: 0)
        XCTAssertNil(nothing, "no intensity: nothing logged, nothing shown")
        XCTAssertEqual(logged.calls.count, 1)
        let items = try await store.read { journal in
            try journal.history(query: HistoryQuery(kinds: [], cursor: nil, limit: 50)).items
        }
        XCTAssertTrue(items.isEmpty)
    }

    @MainActor
    func testAJournalThatCannotOpenIsReportedWithoutAStore() async throws {
        let logged = LoggedCalls()
        let action = QuickLogActionModel(openStore: { throw NoJournalHere() }, logged: { store, title, error in
            logged.record(store, title, error)
        })
        let title = await action.log(intensity: 5)
        XCTAssertNil(title)
        XCTAssertEqual(logged.calls.count, 1)
        XCTAssertNil(logged.calls.first?.store, "nothing to re-plan on")
        XCTAssertNil(logged.calls.first?.title)
        XCTAssertTrue(logged.calls.first?.error is NoJournalHere)
    }

    @MainActor
    func testTheOfferedIntensitiesAreTheKotlinOnes() async {
        XCTAssertEqual(QuickLogActionModel.intensities, [3, 5, 8])
        let rules = formRules()
        XCTAssertTrue(QuickLogActionModel.intensities.allSatisfy { $0 >= rules.intensity.min && $0 <= rules.intensity.max })
    }
}
