import Foundation
import RLSJournal
import XCTest

/// Test data. Fixed past times with whole seconds (the core stores milliseconds), so records
/// round-trip exactly and nights are known without calendar arithmetic in the tests.
enum Fixture {
    /// A moment from RFC 3339 text and the UTC offset it was lived in, e.g.
    /// `moment("2024-11-27T02:10:00+01:00", offsetMinutes: 60)`.
    static func moment(_ text: String, offsetMinutes: Int32) -> Moment {
        guard let date = ISO8601DateFormatter().date(from: text) else {
            preconditionFailure("not an RFC 3339 time: \(text)")
        }
        guard let zone = TimeZone(secondsFromGMT: Int(offsetMinutes) * 60) else {
            preconditionFailure("not a UTC offset: \(offsetMinutes)")
        }
        return Moment.at(date, in: zone)
    }

    /// `moment` shifted by whole minutes, same offset.
    static func later(_ moment: Moment, minutes: Int) -> Moment {
        let instant = moment.instant.addingTimeInterval(Double(minutes) * 60)
        return Moment(instant: instant, offsetMinutes: moment.offsetMinutes)
    }

    /// A finished episode with only the required fields.
    static func episode(startedAt: Moment, minutes: Int = 30, peak: Int32 = 5) -> EpisodeData {
        return EpisodeData(
            startedAt: startedAt,
            endedAt: later(startedAt, minutes: minutes),
            peakIntensity: peak,
            latencyMinutes: nil,
            setting: nil,
            side: nil,
            bodyAreas: [],
            sensations: [],
            wokeFromSleep: false,
            note: nil
        )
    }

    /// Finished episodes on `count` consecutive nights from 2024-10-01, 23:00 UTC, oldest first.
    static func episodesOnConsecutiveNights(_ count: Int) -> [EpisodeData] {
        let first = moment("2024-10-01T23:00:00Z", offsetMinutes: 0)
        var result: [EpisodeData] = []
        for day in 0..<count {
            let start = later(first, minutes: day * 24 * 60)
            result.append(episode(startedAt: start, peak: Int32(day % 10 + 1)))
        }
        return result
    }

    /// A cup of coffee at `at`.
    static func coffee(at: Moment) -> ExposureData {
        return ExposureData(at: at, kind: .caffeine, amount: 1, unit: "cup", note: nil)
    }

    /// The morning check-in for the night of 2024-11-26 (UTC+1).
    static func sleepDiary() -> SleepDiaryData {
        return SleepDiaryData(
            nightOf: "2024-11-26",
            gotIntoBedAt: moment("2024-11-26T22:30:00+01:00", offsetMinutes: 60),
            triedToSleepAt: moment("2024-11-26T22:45:00+01:00", offsetMinutes: 60),
            sleepOnsetMinutes: 40,
            awakenings: 2,
            wakeAfterSleepOnsetMinutes: 35,
            finalAwakeningAt: moment("2024-11-27T06:30:00+01:00", offsetMinutes: 60),
            outOfBedAt: moment("2024-11-27T06:50:00+01:00", offsetMinutes: 60),
            quality: 3,
            note: "legs restless after midnight"
        )
    }
}

extension XCTestCase {
    /// A fresh directory, removed after the test.
    func makeTemporaryDirectory() throws -> URL {
        let name = "rlsjournal-tests-" + UUID().uuidString
        let dir = FileManager.default.temporaryDirectory.appending(path: name, directoryHint: .isDirectory)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock {
            try? FileManager.default.removeItem(at: dir)
        }
        return dir
    }

    /// A journal file path in a fresh directory.
    func makeJournalPath() throws -> String {
        return try makeTemporaryDirectory().appending(path: "journal.sqlite").path(percentEncoded: false)
    }

    /// Asserts that `body` throws `JournalError.InvalidInput` for `field`, with a reason.
    func assertInvalidInput<T>(
        field: String,
        file: StaticString = #filePath,
        line: UInt = #line,
        _ body: () throws -> T
    ) {
        do {
            _ = try body()
            XCTFail("expected InvalidInput(\(field)), but the call succeeded", file: file, line: line)
        } catch JournalError.InvalidInput(let actualField, let reason) {
            XCTAssertEqual(actualField, field, file: file, line: line)
            XCTAssertFalse(reason.isEmpty, "InvalidInput without a reason", file: file, line: line)
        } catch {
            XCTFail("expected InvalidInput(\(field)), got \(error)", file: file, line: line)
        }
    }

    /// Asserts that `body` throws `JournalError.NotFound`.
    func assertNotFound<T>(file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> T) {
        do {
            _ = try body()
            XCTFail("expected NotFound, but the call succeeded", file: file, line: line)
        } catch JournalError.NotFound(let what) {
            XCTAssertFalse(what.isEmpty, file: file, line: line)
        } catch {
            XCTFail("expected NotFound, got \(error)", file: file, line: line)
        }
    }
}
