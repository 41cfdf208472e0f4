import Foundation
import RLSJournal
import XCTest

/// The generated bindings through the real FFI (the static library in the XCFramework), mirroring
/// the key Kotlin binding tests.
final class JournalTests: XCTestCase {
    // MARK: bedside

    func testBedsideFlowQuickLogReliefAndEnd() throws {
        let journal = try Journal.openInMemory()
        XCTAssertNil(try journal.openEpisode())

        let first = try journal.quickLog(intensity: 6, side: .left)
        XCTAssertEqual(first.data.peakIntensity, 6)
        XCTAssertEqual(first.data.side, .left)
        XCTAssertNil(first.data.endedAt)
        XCTAssertEqual(try journal.openEpisode()?.id, first.id)

        // Within three hours it is the same episode: the peak only goes up, the side stays.
        let raised = try journal.quickLog(intensity: 8)
        XCTAssertEqual(raised.id, first.id)
        XCTAssertEqual(raised.data.peakIntensity, 8)
        XCTAssertEqual(raised.data.side, .left)
        let lower = try journal.quickLog(intensity: 3)
        XCTAssertEqual(lower.id, first.id)
        XCTAssertEqual(lower.data.peakIntensity, 8)

        let helped = try journal.addRelief(method: .walking, helped: 2, minutesToRelief: 10)
        XCTAssertEqual(helped.id, first.id)
        XCTAssertEqual(helped.relief.count, 1)
        XCTAssertEqual(helped.relief.first?.episodeId, first.id)
        XCTAssertEqual(helped.relief.first?.data.method, .walking)
        XCTAssertEqual(helped.relief.first?.data.helped, 2)
        XCTAssertEqual(helped.relief.first?.data.minutesToRelief, 10)

        let ended = try journal.endEpisode()
        XCTAssertEqual(ended.id, first.id)
        XCTAssertNotNil(ended.data.endedAt)
        XCTAssertEqual(ended.relief.count, 1)
        XCTAssertNil(try journal.openEpisode())

        assertNotFound {
            try journal.endEpisode()
        }
    }

    func testReliefWithoutAnyRecentEpisodeIsNotFound() throws {
        let journal = try Journal.openInMemory()
        assertNotFound {
            try journal.addRelief(method: .stretching, helped: 1)
        }
    }

    // MARK: round trips

    func testEpisodeRoundTripKeepsEveryFieldAndItsNight() throws {
        let journal = try Journal.openInMemory()
        let data = EpisodeData(
            startedAt: Fixture.moment("2024-11-27T02:10:00+01:00", offsetMinutes: 60),
            endedAt: Fixture.moment("2024-11-27T02:55:00+01:00", offsetMinutes: 60),
            peakIntensity: 7,
            latencyMinutes: 20,
            setting: .inBed,
            side: .both,
            bodyAreas: [.calves, .thighs],
            sensations: [.crawling, .other(label: "fizzing")],
            wokeFromSleep: true,
            note: "after a long drive"
        )

        let added = try journal.addEpisode(data: data)
        XCTAssertEqual(added.data, data)
        XCTAssertEqual(added.data.startedAt.offsetMinutes, 60)
        // 02:10 on the 27th belongs to the night of the 26th (cutover 12:00).
        XCTAssertEqual(added.night, "2024-11-26")
        XCTAssertTrue(added.relief.isEmpty)
        XCTAssertNil(added.meta.deletedAt)

        guard case .episode(let stored) = try journal.entry(id: added.id) else {
            XCTFail("entry \(added.id) is not an episode")
            return
        }
        XCTAssertEqual(stored, added)

        let edited = try journal.editEpisode(
            id: added.id,
            data: Fixture.episode(startedAt: data.startedAt, minutes: 45, peak: 5)
        )
        XCTAssertEqual(edited.id, added.id)
        XCTAssertEqual(edited.data.peakIntensity, 5)
        XCTAssertNil(edited.data.side)
        XCTAssertEqual(edited.meta.createdAt, added.meta.createdAt)
        XCTAssertGreaterThanOrEqual(edited.meta.updatedAt, added.meta.updatedAt)
    }

    func testSleepDiaryRoundTripAndOneDiaryPerNight() throws {
        let journal = try Journal.openInMemory()
        let data = Fixture.sleepDiary()

        let diary = try journal.addSleepDiary(data: data)
        XCTAssertEqual(diary.data, data)
        guard case .sleepDiary(let stored) = try journal.entry(id: diary.id) else {
            XCTFail("entry \(diary.id) is not a sleep diary")
            return
        }
        XCTAssertEqual(stored, diary)

        let night = try journal.night(night: "2024-11-26")
        XCTAssertEqual(night.sleepDiary?.id, diary.id)
        XCTAssertTrue(night.episodes.isEmpty)
        XCTAssertFalse(night.title.isEmpty)

        // A second diary for the same night is refused; the first stays.
        assertInvalidInput(field: "night_of") {
            try journal.addSleepDiary(data: data)
        }
        let page = try journal.history(query: HistoryQuery(kinds: [.sleepDiary], cursor: nil, limit: 10))
        XCTAssertEqual(page.items.map { $0.id }, [diary.id])
    }

    // MARK: typed errors

    func testIntensityElevenIsInvalidInputWithFieldAndReason() throws {
        let journal = try Journal.openInMemory()
        do {
            _ = try journal.quickLog(intensity: 11)
            XCTFail("intensity 11 was accepted")
        } catch JournalError.InvalidInput(let field, let reason) {
            XCTAssertEqual(field, "peak_intensity")
            XCTAssertTrue(reason.contains("between 1 and 10"), reason)
        }
        // Nothing was written.
        XCTAssertNil(try journal.openEpisode())
        let page = try journal.history(query: HistoryQuery(kinds: [], cursor: nil, limit: 10))
        XCTAssertTrue(page.items.isEmpty)
    }

    func testOtherInvalidInputsNameTheirField() throws {
        let journal = try Journal.openInMemory()
        assertInvalidInput(field: "helped") {
            try journal.addRelief(method: .massage, helped: 4)
        }
        let good = Fixture.sleepDiary()
        let badQuality = SleepDiaryData(
            nightOf: good.nightOf,
            gotIntoBedAt: good.gotIntoBedAt,
            triedToSleepAt: good.triedToSleepAt,
            sleepOnsetMinutes: good.sleepOnsetMinutes,
            awakenings: good.awakenings,
            wakeAfterSleepOnsetMinutes: good.wakeAfterSleepOnsetMinutes,
            finalAwakeningAt: good.finalAwakeningAt,
            outOfBedAt: good.outOfBedAt,
            quality: 6,
            note: nil
        )
        assertInvalidInput(field: "quality") {
            try journal.addSleepDiary(data: badQuality)
        }
        assertInvalidInput(field: "unit") {
            try journal.addExposure(
                data: ExposureData(at: good.gotIntoBedAt, kind: .alcohol, amount: nil, unit: "glass", note: nil)
            )
        }
    }

    // MARK: history

    func testHistoryPagesNewestFirstWithoutGapsOrRepeats() throws {
        let journal = try Journal.openInMemory()
        var ids: [String] = []
        for data in Fixture.episodesOnConsecutiveNights(25) {
            ids.append(try journal.addEpisode(data: data).id)
        }

        var seen: [String] = []
        var sizes: [Int] = []
        var cursor: String? = nil
        repeat {
            let page = try journal.history(query: HistoryQuery(kinds: [], cursor: cursor, limit: 10))
            seen.append(contentsOf: page.items.map { $0.id })
            sizes.append(page.items.count)
            XCTAssertTrue(page.items.allSatisfy { $0.kind == .episode && $0.intensity != nil })
            cursor = page.nextCursor
        } while cursor != nil

        XCTAssertEqual(sizes, [10, 10, 5])
        XCTAssertEqual(seen, Array(ids.reversed()))

        // Filter by kind.
        let coffee = try journal.addExposure(
            data: Fixture.coffee(at: Fixture.moment("2024-10-10T16:00:00Z", offsetMinutes: 0))
        )
        let exposures = try journal.history(query: HistoryQuery(kinds: [.exposure], cursor: nil, limit: 10))
        XCTAssertEqual(exposures.items.map { $0.id }, [coffee.id])
        XCTAssertNil(exposures.nextCursor)
    }

    func testHistoryRejectsABadLimitOrCursor() throws {
        let journal = try Journal.openInMemory()
        assertInvalidInput(field: "limit") {
            try journal.history(query: HistoryQuery(kinds: [], cursor: nil, limit: 0))
        }
        assertInvalidInput(field: "cursor") {
            try journal.history(query: HistoryQuery(kinds: [], cursor: "not a cursor", limit: 10))
        }
    }

    // MARK: delete and undo

    func testDeleteHidesAnEntryAndUndoDeleteRestoresIt() throws {
        let journal = try Journal.openInMemory()
        let nights = Fixture.episodesOnConsecutiveNights(2)
        let kept = try journal.addEpisode(data: nights[0])
        let gone = try journal.addEpisode(data: nights[1])

        try journal.deleteEntry(id: gone.id)
        assertNotFound {
            try journal.entry(id: gone.id)
        }
        let afterDelete = try journal.history(query: HistoryQuery(kinds: [], cursor: nil, limit: 10))
        XCTAssertEqual(afterDelete.items.map { $0.id }, [kept.id])
        XCTAssertTrue(try journal.night(night: gone.night).episodes.isEmpty)

        XCTAssertEqual(try journal.undoDelete(), gone.id)
        guard case .episode(let restored) = try journal.entry(id: gone.id) else {
            XCTFail("entry \(gone.id) is not an episode")
            return
        }
        XCTAssertEqual(restored.data, gone.data)
        let afterUndo = try journal.history(query: HistoryQuery(kinds: [], cursor: nil, limit: 10))
        XCTAssertEqual(afterUndo.items.map { $0.id }, [gone.id, kept.id])

        // Nothing left to undo.
        XCTAssertNil(try journal.undoDelete())
        assertNotFound {
            try journal.deleteEntry(id: "no-such-id")
        }
    }

    // MARK: files

    func testReopeningTheFileKeepsEveryEntry() throws {
        let path = try makeJournalPath()
        var episodeId = ""
        var openId = ""
        do {
            let journal = try Journal.open(path: path)
            episodeId = try journal.addEpisode(data: Fixture.episodesOnConsecutiveNights(1)[0]).id
            openId = try journal.quickLog(intensity: 4, side: .alternating).id
        }

        let reopened = try Journal.open(path: path)
        guard case .episode(let stored) = try reopened.entry(id: episodeId) else {
            XCTFail("entry \(episodeId) is not an episode after reopening")
            return
        }
        XCTAssertEqual(stored.id, episodeId)
        let open = try reopened.openEpisode()
        XCTAssertEqual(open?.id, openId)
        XCTAssertEqual(open?.data.peakIntensity, 4)
        XCTAssertEqual(open?.data.side, .alternating)
    }

    func testOpeningAFileThatIsNotAJournalIsCorruptAndLeavesItUntouched() throws {
        let url = try makeTemporaryDirectory().appending(path: "notes.txt")
        let text = Data(String(repeating: "not a journal\n", count: 600).utf8)
        try text.write(to: url)

        do {
            _ = try Journal.open(path: url.path(percentEncoded: false))
            XCTFail("a text file was opened as a journal")
        } catch JournalError.Corrupt(let detail) {
            XCTAssertFalse(detail.isEmpty)
        }
        XCTAssertEqual(try Data(contentsOf: url), text)
    }

    // MARK: concurrency

    func testCallsFromManyTasksAtOnce() async throws {
        let journal = try Journal.openInMemory()
        let start = Fixture.moment("2024-10-05T18:00:00Z", offsetMinutes: 0)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    for index in 0..<5 {
                        let at = Fixture.later(start, minutes: worker * 5 + index)
                        _ = try journal.addExposure(data: Fixture.coffee(at: at))
                        _ = try journal.openEpisode()
                    }
                }
            }
            try await group.waitForAll()
        }
        let page = try journal.history(query: HistoryQuery(kinds: [.exposure], cursor: nil, limit: 100))
        XCTAssertEqual(page.items.count, 40)
        XCTAssertEqual(Set(page.items.map { $0.id }).count, 40)
    }
}

/// The `Moment` helpers of the hand-written layer.
final class MomentTests: XCTestCase {
    func testNowUsesTheDevicesCurrentOffset() {
        let before = Date()
        let now = Moment.now()
        let after = Date()
        XCTAssertGreaterThanOrEqual(now.instant, before)
        XCTAssertLessThanOrEqual(now.instant, after)
        let expected = TimeZone.current.secondsFromGMT(for: now.instant) / 60
        XCTAssertEqual(Int(now.offsetMinutes), expected)
    }

    func testAtTakesTheOffsetInForceAtThatDate() throws {
        let berlin = try XCTUnwrap(TimeZone(identifier: "Europe/Berlin"))
        let winter = Fixture.moment("2024-01-15T12:00:00Z", offsetMinutes: 0).instant
        let summer = Fixture.moment("2024-07-15T12:00:00Z", offsetMinutes: 0).instant
        XCTAssertEqual(Moment.at(winter, in: berlin).offsetMinutes, 60)
        XCTAssertEqual(Moment.at(summer, in: berlin).offsetMinutes, 120)
        let kathmandu = try XCTUnwrap(TimeZone(identifier: "Asia/Kathmandu"))
        XCTAssertEqual(Moment.at(winter, in: kathmandu).offsetMinutes, 345)
    }

    func testTheCoreAttributesNightsWithTheMomentsOwnOffset() throws {
        let journal = try Journal.openInMemory()
        // The same instant is 02:10 on the 27th in UTC+1 (night of the 26th) but 13:10 on the 27th
        // in UTC+12 (after the 12:00 cutover: night of the 27th).
        let instant = Fixture.moment("2024-11-27T02:10:00+01:00", offsetMinutes: 60).instant
        XCTAssertEqual(try journal.nightOf(at: Moment(instant: instant, offsetMinutes: 60)), "2024-11-26")
        XCTAssertEqual(try journal.nightOf(at: Moment(instant: instant, offsetMinutes: 720)), "2024-11-27")
    }
}
