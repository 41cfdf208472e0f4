// NightModel (ios/RLSJournalApp/Models/NightModel.swift) through the real core: the Swift twin of
// the Kotlin `nightShowsTheCoresViewAndUndoesADelete` presenter test (tests/kotlin/…/PresenterTests.kt),
// plus its other actions (undoOffered, a refused delete, an empty night).
//
// `MarchJournal` (below) is the Kotlin suite's Fixtures.kt test data in Swift; SummaryModelTests
// and CheckInModelTests use it too.

import Foundation
import RLSJournal
import XCTest

/// The Kotlin suite's March 2025 test data (CET, +01:00): the night of Wed 26 March is the main one.
enum MarchJournal {
    /// The main night.
    static let night: LocalDate = "2025-03-26"

    /// A moment from RFC 3339 text lived at UTC+1, e.g. `cet("2025-03-27T02:10:00+01:00")`.
    static func cet(_ text: String) -> Moment {
        guard let date = ISO8601DateFormatter().date(from: text), let zone = TimeZone(secondsFromGMT: 3600) else {
            preconditionFailure("not an RFC 3339 time: \(text)")
        }
        return Moment.at(date, in: zone)
    }

    /// A consistent sleep diary for the night of 26 March 2025 (bed 22:30 that evening, up 06:50).
    static func sleepData(quality: Int32 = 3, note: String? = nil) -> SleepDiaryData {
        return SleepDiaryData(
            nightOf: night,
            gotIntoBedAt: cet("2025-03-26T22:30:00+01:00"),
            triedToSleepAt: cet("2025-03-26T22:45:00+01:00"),
            sleepOnsetMinutes: 20,
            awakenings: 2,
            wakeAfterSleepOnsetMinutes: 35,
            finalAwakeningAt: cet("2025-03-27T06:30:00+01:00"),
            outOfBedAt: cet("2025-03-27T06:50:00+01:00"),
            quality: quality,
            note: note
        )
    }

    /// A finished 30-minute episode starting at `start`.
    static func episodeData(_ start: String, peak: Int32 = 5) -> EpisodeData {
        let started = cet(start)
        return EpisodeData(
            startedAt: started,
            endedAt: Moment(instant: started.instant.addingTimeInterval(30 * 60), offsetMinutes: started.offsetMinutes),
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

    /// Two cups of coffee at `at`.
    static func exposureData(_ at: String) -> ExposureData {
        return ExposureData(at: cet(at), kind: .caffeine, amount: 2, unit: "cups", note: nil)
    }

    /// The Kotlin `Journal.seed()`: a treatment and its dose, coffee, an episode, a diary, a lab
    /// result and a rating on the night of 26 March, then a quick log at 02:10 (a second episode).
    /// Returns the first episode's id.
    @discardableResult
    static func seed(_ journal: Journal) throws -> String {
        let treatment = try journal.addTreatment(data: TreatmentData(
            name: "Pramipexole",
            category: .dopamineAgonist,
            dose: 0.125,
            doseUnit: "mg",
            startedOn: "2025-02-01",
            stoppedOn: nil,
            note: "evening, 2 h before bed",
            timesPerDay: nil,
            doseChanges: []
        ))
        _ = try journal.addDose(data: DoseData(treatmentId: treatment.id, at: cet("2025-03-26T21:30:00+01:00"), amount: 0.125))
        _ = try journal.addExposure(data: exposureData("2025-03-26T20:00:00+01:00"))
        let episode = try journal.addEpisode(data: episodeData("2025-03-26T23:10:00+01:00", peak: 5))
        _ = try journal.addSleepDiary(data: sleepData())
        _ = try journal.addLabResult(data: LabResultData(takenOn: "2025-03-20", analyte: .ferritin, value: 42.5, unit: "µg/L", note: "fasting"))
        _ = try journal.addSeverityRating(data: SeverityRatingData(ratedOn: "2025-03-20", irlsTotal: 24, note: "clinic form"))
        _ = try journal.quickLog(intensity: 6, side: .both, at: cet("2025-03-27T02:10:00+01:00"))
        return episode.id
    }
}

final class NightModelTests: XCTestCase {
    @MainActor
    func testShowsTheCoresViewAndUndoesADelete() async throws {
        let store = try await freshStore()
        _ = try await store.read { journal in try MarchJournal.seed(journal) }
        let model = NightModel(openStore: { store })
        model.load(night: MarchJournal.night)
        XCTAssertEqual(model.state.night, MarchJournal.night)
        await settle { model.state.view != nil }
        let view = try XCTUnwrap(model.state.view)
        let stored = try await store.night(MarchJournal.night)
        XCTAssertEqual(view, stored)
        XCTAssertTrue(model.state.showsTreatments, "the pramipexole started in February is active that night")
        XCTAssertNil(model.state.error)
        let episodes = view.episodes.map(\.id)
        XCTAssertEqual(episodes.count, 2, "the 23:10 episode and the 02:10 quick log")

        model.delete(id: episodes[0])
        await settle { model.state.deletedId != nil && model.state.view?.episodes.count == 1 }
        XCTAssertEqual(model.state.deletedId, episodes[0])
        XCTAssertEqual(model.state.view?.episodes.map(\.id), Array(episodes.dropFirst()))
        let afterDelete = try await store.read { journal in try journal.night(night: MarchJournal.night) }
        XCTAssertEqual(afterDelete.episodes.map(\.id), Array(episodes.dropFirst()), "the file lost it too")

        model.undo()
        XCTAssertNil(model.state.deletedId, "the undo offer closes at once")
        await settle { model.state.view?.episodes.count == 2 }
        XCTAssertEqual(model.state.view?.episodes.map(\.id), episodes)
        let afterUndo = try await store.read { journal in try journal.night(night: MarchJournal.night) }
        XCTAssertEqual(afterUndo.episodes.map(\.id), episodes)
        XCTAssertEqual(model.state.view, afterUndo)
        XCTAssertNil(model.state.error)
    }

    @MainActor
    func testUndoOfferedClearsTheOfferAndKeepsTheDelete() async throws {
        let store = try await freshStore()
        let episodeId = try await store.read { journal in try MarchJournal.seed(journal) }
        let model = NightModel(openStore: { store })
        model.load(night: MarchJournal.night)
        await settle { model.state.view != nil }
        model.delete(id: episodeId)
        await settle { model.state.deletedId != nil }
        await settle { model.state.view?.episodes.count == 1 }
        model.undoOffered()
        XCTAssertNil(model.state.deletedId)
        let stored = try await store.read { journal in try journal.night(night: MarchJournal.night) }
        XCTAssertFalse(stored.episodes.map(\.id).contains(episodeId), "dismissing the offer does not undo")
        XCTAssertEqual(model.state.view, stored)
    }

    @MainActor
    func testARefusedDeleteShowsTheCoresSentenceAndKeepsTheView() async throws {
        let store = try await freshStore()
        _ = try await store.read { journal in try MarchJournal.seed(journal) }
        let model = NightModel(openStore: { store })
        model.load(night: MarchJournal.night)
        await settle { model.state.view != nil }
        let before = model.state.view
        model.delete(id: "no-such-entry")
        await settle { model.state.error != nil }
        let error = try XCTUnwrap(model.state.error as? JournalError)
        guard case .NotFound = error else {
            return XCTFail("not NotFound: \(error)")
        }
        XCTAssertEqual(model.state.errorText, errorMessage(error: error))
        XCTAssertNil(model.state.deletedId, "nothing was deleted, nothing to undo")
        XCTAssertEqual(model.state.view, before)
        let stored = try await store.night(MarchJournal.night)
        XCTAssertEqual(stored.episodes.count, 2)
    }

    @MainActor
    func testAnEmptyNightShowsTheCoresTitleAndNoTreatments() async throws {
        let store = try await freshStore()
        let model = NightModel(openStore: { store })
        XCTAssertFalse(model.state.showsTreatments, "nothing loaded")
        model.load(night: "2025-03-10")
        await settle { model.state.view != nil }
        let view = try XCTUnwrap(model.state.view)
        XCTAssertEqual(view.night, "2025-03-10")
        let stored = try await store.night("2025-03-10")
        XCTAssertEqual(view, stored)
        XCTAssertFalse(view.title.isEmpty)
        XCTAssertTrue(view.episodes.isEmpty)
        XCTAssertNil(view.sleepDiary)
        XCTAssertFalse(model.state.showsTreatments)
    }

    @MainActor
    func testLoadingAnotherNightShowsThatNightAndAnotherHandlesWrite() async throws {
        let store = try await freshStore()
        _ = try await store.read { journal in try MarchJournal.seed(journal) }
        let model = NightModel(openStore: { store })
        model.load(night: "2025-03-25")
        await settle { model.state.view?.night == "2025-03-25" }
        XCTAssertTrue(model.state.view?.episodes.isEmpty ?? false)
        // Written through another path (the journal itself), seen when the screen loads again.
        let added = try await store.read { journal in
            try journal.addEpisode(data: MarchJournal.episodeData("2025-03-25T22:00:00+01:00", peak: 3))
        }
        model.load(night: "2025-03-25")
        await settle { model.state.view?.episodes.count == 1 }
        XCTAssertEqual(model.state.view?.episodes.first?.id, added.id)
        XCTAssertEqual(model.state.view?.peakIntensity, 3)
        model.load(night: MarchJournal.night)
        await settle { model.state.view?.night == MarchJournal.night }
        XCTAssertEqual(model.state.night, MarchJournal.night)
        XCTAssertEqual(model.state.view?.episodes.count, 2)
    }
}
