// HistoryModel (ios/RLSJournalApp/Models/HistoryModel.swift) through the real core: the Swift
// twins of the Kotlin `history…` presenter tests (tests/kotlin/…/PresenterTests.kt). What the
// model shows is read back from the file through a second handle (`JournalSamples.pair`).
//
// Shared helpers for this file, ShareModelTests and RemindersModelTests: `JournalSamples`.

import Foundation
import RLSJournal
import XCTest

/// Test data and a store plus a second handle on the same journal file (the Kotlin tests' `Rig`:
/// the model writes through the store, the test reads what is really stored through `file`).
/// Times: Europe/Berlin winter time (+01:00), the night of Wed 26 March 2025, as in Fixtures.kt.
enum JournalSamples {
    /// A fresh journal file, opened as the app opens it (`store`) and by a second handle (`file`).
    @MainActor
    static func pair() async throws -> (store: JournalStore, file: Journal, folder: URL) {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("rlsjournal-models-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("journal.sqlite").path
        let store = try await JournalStore.open(path: path)
        let file = try Journal.open(path: path)
        return (store, file, folder)
    }

    /// A moment from RFC 3339 text lived at +01:00, e.g. `2025-03-27T02:10:00+01:00`.
    static func moment(_ text: String) -> Moment {
        guard let date = ISO8601DateFormatter().date(from: text) else {
            preconditionFailure("not an RFC 3339 time: \(text)")
        }
        return Moment(instant: date, offsetMinutes: 60)
    }

    /// `moment` shifted by whole minutes, same offset.
    static func later(_ moment: Moment, minutes: Int) -> Moment {
        return Moment(instant: moment.instant.addingTimeInterval(Double(minutes) * 60), offsetMinutes: moment.offsetMinutes)
    }

    /// Two cups of coffee at `at`.
    static func coffee(_ at: Moment) -> ExposureData {
        return ExposureData(at: at, kind: .caffeine, amount: 2, unit: "cups", note: nil)
    }

    /// A little of everything (Fixtures.kt's `seed`). Returns the episode's id.
    @discardableResult
    static func seed(_ journal: Journal) throws -> String {
        let treatment = try journal.addTreatment(data: TreatmentData(
            name: "Pramipexole", category: .dopamineAgonist, dose: 0.125, doseUnit: "mg",
            startedOn: "2025-02-01", stoppedOn: nil, note: "evening, 2 h before bed"
        ))
        _ = try journal.addDose(data: DoseData(treatmentId: treatment.id, at: moment("2025-03-26T21:30:00+01:00"), amount: 0.125))
        _ = try journal.addExposure(data: coffee(moment("2025-03-26T20:00:00+01:00")))
        let start = moment("2025-03-26T23:10:00+01:00")
        let episode = try journal.addEpisode(data: EpisodeData(
            startedAt: start, endedAt: later(start, minutes: 30), peakIntensity: 5, latencyMinutes: nil,
            setting: nil, side: nil, bodyAreas: [], sensations: [], wokeFromSleep: false, note: nil
        ))
        _ = try journal.addSleepDiary(data: SleepDiaryData(
            nightOf: "2025-03-26",
            gotIntoBedAt: moment("2025-03-26T22:30:00+01:00"),
            triedToSleepAt: moment("2025-03-26T22:45:00+01:00"),
            sleepOnsetMinutes: 20,
            awakenings: 2,
            wakeAfterSleepOnsetMinutes: 35,
            finalAwakeningAt: moment("2025-03-27T06:30:00+01:00"),
            outOfBedAt: moment("2025-03-27T06:50:00+01:00"),
            quality: 3,
            note: nil
        ))
        _ = try journal.addLabResult(data: LabResultData(takenOn: "2025-03-20", analyte: .ferritin, value: 42.5, unit: "µg/L", note: "fasting"))
        _ = try journal.addSeverityRating(data: SeverityRatingData(ratedOn: "2025-03-20", irlsTotal: 24, note: "clinic form"))
        _ = try journal.quickLog(intensity: 6, side: .both, at: moment("2025-03-27T02:10:00+01:00"))
        return episode.id
    }

    /// Every live history item, newest first, paging through the core `pageSize` at a time.
    static func allItems(_ journal: Journal, kinds: [EntryKind] = [], pageSize: Int32 = 200) throws -> [HistoryItem] {
        var items: [HistoryItem] = []
        var cursor: String?
        repeat {
            let page = try journal.history(query: HistoryQuery(kinds: kinds, cursor: cursor, limit: pageSize))
            items += page.items
            cursor = page.nextCursor
        } while cursor != nil
        return items
    }
}

final class HistoryModelTests: XCTestCase {
    @MainActor
    func testPagesThrough500EntriesEachExactlyOnceInTheCoresOrder() async throws {
        let (store, file, _) = try await JournalSamples.pair()
        let start = JournalSamples.moment("2025-01-01T20:00:00+01:00")
        for i in 0..<500 {
            _ = try file.addExposure(data: JournalSamples.coffee(JournalSamples.later(start, minutes: i * 37)))
        }
        let model = HistoryModel(openStore: { store })
        model.refresh()
        await settle { model.state.items.count == 50 }
        XCTAssertTrue(model.state.hasMore)
        var pages = 1
        while model.state.hasMore {
            model.loadMore()
            XCTAssertTrue(model.state.loadingMore, "the spinner shows while the page loads")
            await settle { !model.state.loadingMore }
            pages += 1
            if pages > 11 {
                return XCTFail("endless paging")
            }
        }
        let ids = model.state.items.map(\.id)
        XCTAssertEqual(ids.count, 500)
        XCTAssertEqual(Set(ids).count, 500, "each entry exactly once")
        XCTAssertEqual(pages, 10)
        XCTAssertNil(model.state.nextCursor)
        XCTAssertEqual(try JournalSamples.allItems(file).map(\.id), ids, "the same order as the core's")
        XCTAssertNil(model.state.error)

        model.loadMore()
        XCTAssertFalse(model.state.loadingMore, "no page left: nothing loads")
    }

    @MainActor
    func testDeleteThenUndoRestores() async throws {
        let (store, file, _) = try await JournalSamples.pair()
        try JournalSamples.seed(file)
        let model = HistoryModel(openStore: { store })
        model.refresh()
        await settle { !model.state.items.isEmpty }
        let before = model.state.items.map(\.id)
        XCTAssertEqual(before, try JournalSamples.allItems(file).map(\.id))
        let victim = before[2]

        model.delete(id: victim)
        await settle { model.state.deletedId != nil }
        XCTAssertEqual(model.state.deletedId, victim)
        XCTAssertFalse(model.state.items.map(\.id).contains(victim))
        XCTAssertEqual(model.state.items.count, before.count - 1)
        XCTAssertFalse(try JournalSamples.allItems(file).map(\.id).contains(victim), "the core deleted it")

        model.undo()
        XCTAssertNil(model.state.deletedId, "the offer closes at once")
        await settle { model.state.items.count == before.count }
        XCTAssertEqual(model.state.items.map(\.id), before)
        XCTAssertEqual(try JournalSamples.allItems(file).map(\.id), before, "the core restored it")
        XCTAssertNil(model.state.error)
    }

    @MainActor
    func testUndoOfferedClosesTheOfferAndKeepsTheDelete() async throws {
        let (store, file, _) = try await JournalSamples.pair()
        try JournalSamples.seed(file)
        let model = HistoryModel(openStore: { store })
        model.refresh()
        await settle { !model.state.items.isEmpty }
        let victim = model.state.items[0].id
        model.delete(id: victim)
        await settle { model.state.deletedId != nil }
        model.undoOffered()
        XCTAssertNil(model.state.deletedId)
        model.refresh()
        await settle { !model.state.items.isEmpty }
        XCTAssertFalse(model.state.items.map(\.id).contains(victim))
        XCTAssertFalse(try JournalSamples.allItems(file).map(\.id).contains(victim))
    }

    @MainActor
    func testDeletingAnUnknownIdShowsTheCoresSentenceAndChangesNothing() async throws {
        let (store, file, _) = try await JournalSamples.pair()
        try JournalSamples.seed(file)
        let before = try JournalSamples.allItems(file)
        let model = HistoryModel(openStore: { store })
        model.delete(id: "no-such-entry")
        await settle { model.state.error != nil }
        guard case .NotFound = try XCTUnwrap(model.state.error as? JournalError) else {
            return XCTFail("not NotFound: \(String(describing: model.state.error))")
        }
        let error = try XCTUnwrap(model.state.error as? JournalError)
        XCTAssertEqual(model.state.errorText, errorMessage(error: error))
        XCTAssertNil(model.state.deletedId, "nothing to undo")
        XCTAssertEqual(try JournalSamples.allItems(file), before)
    }

    @MainActor
    func testFilterShowsOnlyTheChosenKinds() async throws {
        let (store, file, _) = try await JournalSamples.pair()
        try JournalSamples.seed(file)
        let all = try JournalSamples.allItems(file)
        let episodes = all.filter { $0.kind == .episode }
        XCTAssertEqual(episodes.count, 2)
        let model = HistoryModel(openStore: { store })

        model.filter(kinds: [.episode])
        XCTAssertEqual(model.state.filter, [.episode])
        await settle { model.state.items.count == episodes.count }
        XCTAssertEqual(Set(model.state.items.map(\.kind)), [.episode])
        XCTAssertEqual(model.state.items.map(\.id), episodes.map(\.id))

        model.filter(kinds: [])
        XCTAssertEqual(model.state.filter, [])
        await settle { model.state.items.count == all.count }
        XCTAssertEqual(model.state.items.map(\.id), all.map(\.id))
        XCTAssertNil(model.state.error)
    }

    @MainActor
    func testCalendarStartsAtTodaysMonthAndWalksBackToMarch2025() async throws {
        let (store, file, _) = try await JournalSamples.pair()
        try JournalSamples.seed(file)
        let model = HistoryModel(openStore: { store })
        // The model has no clock: it starts at this month (the Kotlin test's clock is March 2025).
        let gregorian = Calendar(identifier: .gregorian)
        let now = gregorian.dateComponents([.year, .month], from: Date())
        let (year, month) = (Int32(now.year!), Int32(now.month!))
        XCTAssertEqual(model.state.month.year, now.year)
        XCTAssertEqual(model.state.month.month, now.month)
        XCTAssertTrue(model.state.weeks.isEmpty, "no weeks before the calendar loads")

        model.showCalendar(true)
        XCTAssertTrue(model.state.showCalendar)
        await settle { model.state.calendar != nil }
        let current = try XCTUnwrap(model.state.calendar)
        XCTAssertEqual(current.year, year)
        XCTAssertEqual(current.month, month)
        XCTAssertEqual(current, try file.calendarMonth(year: year, month: month))
        let blanks = Int(current.firstWeekday) - 1
        let weeks = model.state.weeks
        XCTAssertTrue(weeks.allSatisfy { $0.count == 7 })
        XCTAssertEqual(weeks.count, (blanks + current.days.count + 6) / 7)
        XCTAssertEqual(weeks.joined().prefix(blanks).compactMap { $0 }.count, 0, "blank cells before the 1st")
        XCTAssertEqual(weeks.joined().compactMap { $0 }, current.days)

        // Back, one month a tap, to March 2025 (each tap reads a month; only the last one shows).
        let monthsBack = (Int(year) - 2025) * 12 + Int(month) - 3
        for _ in 0..<monthsBack {
            model.previousMonth()
        }
        XCTAssertEqual(model.state.month.year, 2025)
        XCTAssertEqual(model.state.month.month, 3)
        await settle { model.state.calendar?.year == 2025 && model.state.calendar?.month == 3 }
        let march = try XCTUnwrap(model.state.calendar)
        XCTAssertEqual(march, try file.calendarMonth(year: 2025, month: 3))
        // 1 March 2025 is a Saturday: five blank cells, then every night once, in order, in weeks of 7.
        XCTAssertEqual(march.firstWeekday, 6)
        let marchWeeks = model.state.weeks
        XCTAssertTrue(marchWeeks.allSatisfy { $0.count == 7 })
        XCTAssertEqual(marchWeeks[0].prefix(5).compactMap { $0 }.count, 0)
        XCTAssertEqual(marchWeeks[0][5]?.night, "2025-03-01")
        XCTAssertEqual(marchWeeks.joined().compactMap { $0 }, march.days)
        XCTAssertEqual(marchWeeks.count, 6)
        XCTAssertEqual(marchWeeks.last?.first ?? nil, march.days.last)
        let night = try XCTUnwrap(march.days.first { $0.night == "2025-03-26" })
        XCTAssertEqual(night.peakIntensity, 6, "the seed's worst episode that night")
        XCTAssertEqual(night.episodeCount, 2)
        XCTAssertTrue(night.hasSleepDiary)

        model.previousMonth()
        // February 2025 starts on a Saturday too and has 28 nights: 5 weeks.
        await settle { model.state.calendar?.month == 2 }
        XCTAssertEqual(model.state.weeks.count, 5)
        XCTAssertEqual(model.state.calendar?.days.count, 28)

        model.nextMonth()
        model.nextMonth()
        await settle { model.state.calendar?.month == 4 }
        XCTAssertEqual(model.state.calendar, try file.calendarMonth(year: 2025, month: 4))
        XCTAssertEqual(model.state.month.month, 4)

        model.showCalendar(false)
        XCTAssertFalse(model.state.showCalendar)
        XCTAssertNil(model.state.error)
    }

    @MainActor
    func testDeleteAndUndoRedrawTheCalendarMonth() async throws {
        let (store, file, _) = try await JournalSamples.pair()
        // An entry now, so its night is in the month the calendar opens on (this month; the
        // model has no clock).
        let added = try file.addExposure(data: JournalSamples.coffee(Moment.now()))
        let tonight = try XCTUnwrap(JournalSamples.allItems(file).first).night
        let model = HistoryModel(openStore: { store })
        model.showCalendar(true)
        await settle { model.state.calendar != nil }
        func entries() -> UInt32? {
            return model.state.calendar?.days.first { $0.night == tonight }?.entryCount
        }
        XCTAssertEqual(entries(), 1)

        model.delete(id: added.id)
        await settle { entries() == 0 }
        XCTAssertEqual(model.state.deletedId, added.id)
        XCTAssertTrue(model.state.isEmpty)

        model.undo()
        await settle { entries() == 1 }
        XCTAssertEqual(model.state.items.map(\.id), [added.id])
        XCTAssertEqual(model.state.calendar, try file.calendarMonth(
            year: model.state.calendar?.year ?? 0, month: model.state.calendar?.month ?? 0
        ))
    }

    @MainActor
    func testShowsAnotherHandlesWriteAfterRefresh() async throws {
        let (store, file, _) = try await JournalSamples.pair()
        let model = HistoryModel(openStore: { store })
        model.refresh()
        // An empty journal gives nothing to wait for: give the model's task time to finish.
        try await Task.sleep(nanoseconds: 100_000_000)
        XCTAssertTrue(model.state.isEmpty)
        XCTAssertFalse(model.state.hasMore)
        let added = try file.addExposure(data: JournalSamples.coffee(JournalSamples.moment("2025-03-26T20:00:00+01:00")))
        XCTAssertTrue(model.state.isEmpty, "not seen before a refresh")
        model.refresh()
        await settle { !model.state.isEmpty }
        XCTAssertEqual(model.state.items.map(\.id), [added.id])
        XCTAssertNil(model.state.error)
    }
}
