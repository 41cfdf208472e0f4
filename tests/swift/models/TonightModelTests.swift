// TonightModel (ios/RLSJournalApp/Models/TonightModel.swift) through the real core: the Swift
// twins of the Kotlin `tonight…` presenter tests (tests/kotlin/…/PresenterTests.kt).

import Foundation
import RLSJournal
import XCTest

final class TonightModelTests: XCTestCase {
    @MainActor
    func testATapShowsTheOpenEpisodeWithTheCoresTitle() async throws {
        let store = try await freshStore()
        let model = TonightModel(openStore: { store })
        model.log(intensity: 7)
        await settle { !model.state.busy }
        let open = try XCTUnwrap(model.state.openEpisode)
        XCTAssertEqual(open.data.peakIntensity, 7)
        XCTAssertTrue(model.state.hasOpenEpisode)
        XCTAssertEqual(model.state.notice, .logged)
        XCTAssertTrue(model.state.justLogged)
        let item = try await store.read { journal in try journal.openEpisodeItem() }
        XCTAssertEqual(model.state.openTitle, item?.title)
        XCTAssertNotNil(model.state.openTitle)
    }

    @MainActor
    func testASecondTapRaisesThePeakOfTheSameEpisode() async throws {
        let store = try await freshStore()
        let model = TonightModel(openStore: { store })
        model.log(intensity: 4)
        await settle { !model.state.busy }
        let first = try XCTUnwrap(model.state.openEpisode)
        model.log(intensity: 8)
        await settle { !model.state.busy }
        let second = try XCTUnwrap(model.state.openEpisode)
        XCTAssertEqual(first.id, second.id, "the core merges a tap within 3 hours")
        XCTAssertEqual(second.data.peakIntensity, 8)
        let episodes = try await store.read { journal in
            try journal.history(query: HistoryQuery(kinds: [.episode], cursor: nil, limit: 50)).items
        }
        XCTAssertEqual(episodes.count, 1)
    }

    @MainActor
    func testReliefAttachesToTheOpenEpisodeAndEndClosesIt() async throws {
        let store = try await freshStore()
        let model = TonightModel(openStore: { store })
        model.chooseSide(.left)
        model.log(intensity: 6)
        await settle { !model.state.busy }
        let id = try XCTUnwrap(model.state.openEpisode?.id)
        XCTAssertEqual(model.state.openEpisode?.data.side, .left)

        model.relief(helped: 2)
        XCTAssertNil(model.state.error, "no method chosen: nothing happens")
        model.chooseRelief(.walking)
        XCTAssertEqual(model.state.reliefMethod, .walking)
        model.relief(helped: 2)
        XCTAssertNil(model.state.reliefMethod, "the relief buttons close")
        await settle { !model.state.busy }
        XCTAssertEqual(model.state.notice, .reliefSaved)
        XCTAssertEqual(model.state.openEpisode?.relief.count, 1)
        XCTAssertEqual(model.state.openEpisode?.relief.first?.data.method, .walking)

        model.end()
        await settle { !model.state.busy }
        XCTAssertNil(model.state.openEpisode)
        XCTAssertNil(model.state.openTitle)
        XCTAssertEqual(model.state.notice, .episodeEnded)
        let stored = try await store.read { journal in try journal.entry(id: id) }
        guard case let .episode(episode: episode) = stored else {
            return XCTFail("not an episode: \(stored)")
        }
        XCTAssertNotNil(episode.data.endedAt)
    }

    @MainActor
    func testAnInvalidIntensityShowsTheCoresSentenceAndChangesNothing() async throws {
        let store = try await freshStore()
        let model = TonightModel(openStore: { store })
        model.log(intensity: 11)
        await settle { !model.state.busy }
        let error = try XCTUnwrap(model.state.error as? JournalError)
        XCTAssertEqual(model.state.errorText, errorMessage(error: error))
        XCTAssertTrue(model.state.errorText?.contains("11") ?? false, "it quotes what was typed")
        XCTAssertNil(model.state.notice)
        XCTAssertNil(model.state.openEpisode)
        model.dismissMessage()
        XCTAssertNil(model.state.error)
    }

    @MainActor
    func testAnotherHandlesWriteShowsAfterRefresh() async throws {
        let store = try await freshStore()
        let model = TonightModel(openStore: { store })
        let other = try await store.read { journal in
            try journal.quickLog(intensity: 5, side: nil, at: nil)
        }
        XCTAssertNil(model.state.openEpisode, "not seen before a refresh")
        model.refresh()
        await settle { !model.state.busy }
        XCTAssertEqual(model.state.openEpisode?.id, other.id)
        XCTAssertFalse(model.state.loading)
    }
}
