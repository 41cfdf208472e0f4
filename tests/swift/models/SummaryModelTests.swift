// SummaryModel and summaryBlocks (ios/RLSJournalApp/Models/SummaryModel.swift, SummaryBlocks.swift)
// through the real core: the Swift twins of the Kotlin `summary…` presenter tests
// (tests/kotlin/…/PresenterTests.kt), on the seeded March 2025 journal (`MarchJournal`, in
// NightModelTests.swift) and on nights just past (the model's default range ends last night).

import Foundation
import RLSJournal
import XCTest

final class SummaryModelTests: XCTestCase {
    /// The part titles in the order the screen shows them.
    private let partTitles: [String] = [
        SummaryPart.coverage, .severity, .timing, .whereAndHow, .triggers, .relief, .sleep,
        .treatments, .iron, .rating, .augmentation, .definitions,
    ].map { $0.title() }

    private func headings(_ blocks: [SummaryBlock]) -> [String] {
        return blocks.compactMap { if case let .heading(text) = $0 { return text } else { return nil } }
    }

    private func bullets(_ blocks: [SummaryBlock]) -> [String] {
        return blocks.compactMap { if case let .bullet(text) = $0 { return text } else { return nil } }
    }

    @MainActor
    func testShowsTheCoresSummaryForEachLength() async throws {
        let store = try await freshStore()
        _ = try await store.read { journal in try MarchJournal.seed(journal) }
        let model = SummaryModel(openStore: { store })
        XCTAssertTrue(model.state.loading)
        model.load(nights: nil)
        await settle { !model.state.loading }
        XCTAssertNil(model.state.error)
        XCTAssertNil(model.state.nights)
        let byDefault = try await store.read { journal in try journal.summary(range: nil) }
        XCTAssertEqual(model.state.summary?.title, byDefault.title)
        XCTAssertEqual(model.state.summary?.range, byDefault.range)

        model.load(nights: 30)
        XCTAssertTrue(model.state.loading)
        XCTAssertEqual(model.state.nights, 30)
        await settle { !model.state.loading }
        XCTAssertNil(model.state.error)
        let thirty = try await store.read { journal in try journal.summary(range: try journal.lastNights(nights: 30)) }
        XCTAssertEqual(model.state.summary?.range, thirty.range)
        XCTAssertNotEqual(thirty.range, byDefault.range, "the chosen length is not the default")
        XCTAssertEqual(model.lengths, [14, 30, 90])
        XCTAssertEqual(model.lengths, formRules().summaryLengths)
    }

    @MainActor
    func testRecentNightsAreSummarizedExactlyAsTheCoreDoes() async throws {
        let store = try await freshStore()
        // Finished episodes on the last three nights (the default range ends with last night).
        let now = Date()
        for (days, peak) in [(2, 4), (3, 7), (4, 6)] as [(Double, Int32)] {
            let start = Moment.at(now.addingTimeInterval(-days * 86_400))
            let end = Moment(instant: start.instant.addingTimeInterval(40 * 60), offsetMinutes: start.offsetMinutes)
            _ = try await store.read { journal in
                try journal.addEpisode(data: EpisodeData(
                    startedAt: start, endedAt: end, peakIntensity: peak, latencyMinutes: nil, setting: nil,
                    side: .left, bodyAreas: [.calves], sensations: [], wokeFromSleep: false, note: nil
                ))
            }
        }
        let model = SummaryModel(openStore: { store })
        model.load(nights: nil)
        await settle { !model.state.loading }
        let summary = try XCTUnwrap(model.state.summary)
        let core = try await store.read { journal in try journal.summary(range: nil) }
        XCTAssertEqual(summary, core)
        XCTAssertEqual(summary.severity.nights.compactMap(\.peak).sorted(), [4, 6, 7], "the three nights are in range")
        XCTAssertEqual(model.state.blocks, summaryBlocks(core))
        XCTAssertTrue(model.state.blocks.contains(.nightBars(core.severity.nights)))
        XCTAssertTrue(model.state.blocks.contains(.shares(core.whereAndHow.sides)), "the sides were recorded")
    }

    @MainActor
    func testBlocksPutEveryPartUnderItsTitleInOrder() async throws {
        let store = try await freshStore()
        _ = try await store.read { journal in try MarchJournal.seed(journal) }
        let model = SummaryModel(openStore: { store })
        XCTAssertEqual(model.state.blocks, [], "nothing before the summary is loaded")
        model.load(nights: nil)
        await settle { !model.state.loading }
        XCTAssertEqual(model.state.blocks, summaryBlocks(try XCTUnwrap(model.state.summary)))

        // The seeded nights, so every part has something to show.
        let summary = try await store.read { journal in
            try journal.summary(range: NightRange(first: "2025-03-20", last: "2025-03-27"))
        }
        let blocks = summaryBlocks(summary)
        XCTAssertEqual(blocks.first, .title(summary.title))
        XCTAssertEqual(headings(blocks), partTitles)
        // Each part's sentence follows its title.
        let coverage = try XCTUnwrap(blocks.firstIndex(of: .heading(SummaryPart.coverage.title())))
        XCTAssertEqual(blocks[coverage + 1], .paragraph(summary.coverage.text))
        let sleep = try XCTUnwrap(blocks.firstIndex(of: .heading(SummaryPart.sleep.title())))
        XCTAssertEqual(blocks[sleep + 1], .paragraph(summary.sleep.text))
        // The notes on the whole summary come right after its title.
        XCTAssertEqual(Array(blocks.dropFirst().prefix(summary.notes.count)), summary.notes.map { .note($0.text) })
        // Every list line of the core is a bullet, once, in order.
        var lines: [String] = summary.triggers.associations.map(\.text)
        lines += summary.triggers.notEnoughData.map(\.text)
        lines += summary.relief.methods.map(\.text)
        lines += summary.relief.tiers.map(\.text)
        lines += summary.treatments.active.map(\.text)
        lines += summary.treatments.comparisons.map(\.text)
        lines += summary.mayWorsenRls.map(\.text)
        lines += [summary.iron.crpText, summary.iron.trendText].compactMap { $0 }
        lines += summary.augmentation.watches.flatMap { $0.signs.map(\.text) }
        XCTAssertFalse(lines.isEmpty, "the seeded journal has list lines")
        XCTAssertEqual(bullets(blocks), lines)
        // How iron is best drawn is small print after the iron lines.
        XCTAssertTrue(blocks.contains(.small(summary.iron.drawingConditionsText)))
        // Every definition, term then text, after the last heading.
        let last = try XCTUnwrap(blocks.firstIndex(of: .heading(SummaryPart.definitions.title())))
        XCTAssertEqual(
            Array(blocks[(last + 1)...]),
            summary.definitions.flatMap { [SummaryBlock.term($0.term), .small($0.text)] }
        )
        XCTAssertFalse(summary.definitions.isEmpty)
        // The charts carry the core's series; an hour with no onset is not drawn.
        let nightBars = blocks.compactMap { if case let .nightBars(nights) = $0 { return nights } else { return nil } }
        XCTAssertEqual(nightBars, [summary.severity.nights])
        let hourBars = blocks.compactMap { if case let .hourBars(bins) = $0 { return bins } else { return nil } }
        XCTAssertEqual(hourBars.count, 1)
        let hours = try XCTUnwrap(hourBars.first)
        XCTAssertEqual(hours, summary.timing.onsetHistogram.filter { $0.count > 0 })
        XCTAssertFalse(hours.isEmpty)
        XCTAssertLessThan(hours.count, summary.timing.onsetHistogram.count, "empty hours are left out")
    }

    @MainActor
    func testBlocksOfAnEmptyJournalDrawNoOnsetChart() async throws {
        let store = try await freshStore()
        let model = SummaryModel(openStore: { store })
        model.load(nights: nil)
        await settle { !model.state.loading }
        XCTAssertNotNil(model.state.summary)
        let blocks = model.state.blocks
        XCTAssertFalse(blocks.contains { if case .hourBars = $0 { return true } else { return false } }, "no onsets: no chart")
        XCTAssertFalse(blocks.contains { if case .shares = $0 { return true } else { return false } }, "no episodes: no breakdown lines")
        XCTAssertEqual(headings(blocks), partTitles, "every part still has its title")
    }

    @MainActor
    func testAnInvalidLengthSaysWhy() async throws {
        let store = try await freshStore()
        let model = SummaryModel(openStore: { store })
        model.load(nights: 0)
        await settle { !model.state.loading }
        let error = try XCTUnwrap(model.state.error as? JournalError)
        guard case let .InvalidInput(field, _) = error else {
            return XCTFail("not InvalidInput: \(error)")
        }
        XCTAssertEqual(field, "nights")
        XCTAssertEqual(model.state.errorText, errorMessage(error: error))
        XCTAssertNil(model.state.summary)
        XCTAssertEqual(model.state.blocks, [])
        XCTAssertFalse(model.state.loading)

        // A valid length afterwards clears the error.
        model.load(nights: 14)
        XCTAssertNil(model.state.error)
        await settle { !model.state.loading }
        XCTAssertNil(model.state.error)
        XCTAssertNotNil(model.state.summary)
    }

    @MainActor
    func testTheLastChosenLengthWins() async throws {
        let store = try await freshStore()
        _ = try await store.read { journal in try MarchJournal.seed(journal) }
        // The first tap's journal comes late, so its summary arrives after the second tap's.
        var opened = 0
        let model = SummaryModel(openStore: {
            opened += 1
            if opened == 1 {
                try await Task.sleep(nanoseconds: 400_000_000)
            }
            return store
        })
        model.load(nights: 90)
        model.load(nights: 14)
        await settle { opened == 2 && !model.state.loading }
        try await Task.sleep(nanoseconds: 800_000_000)
        XCTAssertEqual(opened, 2)
        XCTAssertEqual(model.state.nights, 14)
        let fourteen = try await store.read { journal in try journal.lastNights(nights: 14) }
        XCTAssertEqual(model.state.summary?.range, fourteen, "the late 90-night summary is not shown")
        XCTAssertFalse(model.state.loading)
    }
}
