// CheckInModel (ios/RLSJournalApp/Models/CheckInModel.swift) through the real core: the Swift twins
// of the Kotlin `checkIn…` presenter tests and `aSteppedDiaryIsOneTheCoreAccepts`
// (tests/kotlin/…/PresenterTests.kt).
//
// The model has no clock: it asks the core for the prompts due now (`prompts(now: nil)`), so the
// night due is whatever last night is when the test runs. Each test reads that night from the
// core's own prompt instead of the Kotlin suite's fixed 27 March 2025.

import Foundation
import RLSJournal
import XCTest

final class CheckInModelTests: XCTestCase {
    /// The core's morning check-in prompt due now, if any.
    @MainActor
    private func morningPrompt(_ store: JournalStore) async throws -> Prompt? {
        let prompts = try await store.read { journal in try journal.prompts(now: nil) }
        return prompts.first { $0.kind == .morningCheckIn }
    }

    /// A model loaded with the diary due now; returns it and the night.
    @MainActor
    private func loadedModel(_ store: JournalStore) async throws -> (CheckInModel, LocalDate) {
        let model = CheckInModel(openStore: { store })
        model.load(editId: nil)
        await settle { !model.state.loading }
        XCTAssertNil(model.state.error)
        return (model, try XCTUnwrap(model.state.night))
    }

    @MainActor
    func testStartsFromTheCoresDraft() async throws {
        let store = try await freshStore()
        let model = CheckInModel(openStore: { store })
        XCTAssertTrue(model.state.loading)
        XCTAssertFalse(model.state.offersNoSymptoms)
        model.load(editId: nil)
        await settle { !model.state.loading }
        let due = try await morningPrompt(store)
        let prompt = try XCTUnwrap(due, "an empty journal is asked about last night")
        let night = try XCTUnwrap(prompt.night)
        XCTAssertEqual(model.state.night, night)
        XCTAssertEqual(model.state.title, prompt.title)
        XCTAssertEqual(model.state.message, prompt.message)
        let draft = try await store.read { journal in try journal.sleepDiaryDraft(night: night) }
        let form = try XCTUnwrap(model.state.form)
        XCTAssertEqual(form.data(night: night), draft, "the form is the core's draft, every time and count")
        XCTAssertTrue(model.state.offersNoSymptoms)
        XCTAssertFalse(model.state.isEditing)
        XCTAssertFalse(model.state.showsNothingDue)
        XCTAssertNil(model.state.error)
    }

    @MainActor
    func testSavesTheDiaryAndNothingIsDueAfter() async throws {
        let store = try await freshStore()
        let (model, night) = try await loadedModel(store)
        model.edit { form in
            form.quality = 4
            form.note = "slept ok"
        }
        XCTAssertEqual(model.state.form?.quality, 4)
        model.save()
        XCTAssertTrue(model.state.busy)
        await settle { !model.state.busy }
        XCTAssertNil(model.state.error)
        XCTAssertEqual(model.state.notice, .diarySaved)
        XCTAssertTrue(model.state.showsNothingDue)
        XCTAssertNil(model.state.form)
        XCTAssertFalse(model.state.finishedEdit, "a new diary: the screen stays on 'nothing due'")
        let stored = try await store.night(night)
        let diary = try XCTUnwrap(stored.sleepDiary)
        XCTAssertEqual(diary.data.quality, 4)
        XCTAssertEqual(diary.data.note, "slept ok")
        let due = try await morningPrompt(store)
        XCTAssertNil(due, "the core asks no more")
    }

    @MainActor
    func testNoSymptomsRecordsAnObservedNight() async throws {
        let store = try await freshStore()
        let (model, night) = try await loadedModel(store)
        let before = Date()
        model.noSymptoms()
        await settle { !model.state.busy }
        XCTAssertNil(model.state.error)
        XCTAssertEqual(model.state.notice, .noSymptomsSaved)
        XCTAssertFalse(model.state.offersNoSymptoms, "asked once")
        XCTAssertTrue(model.state.showsNothingDue)
        let stored = try await store.night(night)
        let answer = try XCTUnwrap(stored.noSymptoms)
        XCTAssertEqual(answer.data.nightOf, night)
        XCTAssertGreaterThanOrEqual(answer.data.answeredAt.instant.timeIntervalSince(before), -1, "answered now")
        XCTAssertNil(stored.sleepDiary)
        let due = try await morningPrompt(store)
        XCTAssertNil(due)
    }

    @MainActor
    func testNothingDueWhenTheDiaryIsDone() async throws {
        let store = try await freshStore()
        let due = try await morningPrompt(store)
        let prompt = try XCTUnwrap(due)
        let night = try XCTUnwrap(prompt.night)
        _ = try await store.read { journal in
            try journal.addSleepDiary(data: try journal.sleepDiaryDraft(night: night))
        }
        let model = CheckInModel(openStore: { store })
        model.load(editId: nil)
        await settle { !model.state.loading }
        XCTAssertTrue(model.state.nothingDue)
        XCTAssertTrue(model.state.showsNothingDue)
        XCTAssertNil(model.state.form)
        XCTAssertNil(model.state.night)
        XCTAssertFalse(model.state.offersNoSymptoms)
    }

    @MainActor
    func testEditKeepsUntouchedTimesAndOffersNoNoSymptoms() async throws {
        let store = try await freshStore()
        // Recorded at +01:00; the device running the test is elsewhere, so untouched times must
        // keep their own offsets (the Kotlin test moves its clock to New York for the same).
        let stored = try await store.read { journal in try journal.addSleepDiary(data: MarchJournal.sleepData(quality: 2)) }
        let model = CheckInModel(openStore: { store })
        model.load(editId: stored.id)
        await settle { !model.state.loading }
        XCTAssertTrue(model.state.isEditing)
        XCTAssertEqual(model.state.editingId, stored.id)
        XCTAssertEqual(model.state.night, MarchJournal.night)
        XCTAssertNil(model.state.title, "no prompt when editing")
        XCTAssertFalse(model.state.offersNoSymptoms)
        XCTAssertEqual(model.state.form?.quality, 2)
        model.edit { $0.quality = 5 }
        model.save()
        await settle { !model.state.busy }
        XCTAssertNil(model.state.error)
        XCTAssertEqual(model.state.notice, .diarySaved)
        XCTAssertTrue(model.state.finishedEdit, "the screen goes back")
        XCTAssertNotNil(model.state.form, "an edit keeps its form")
        XCTAssertFalse(model.state.nothingDue)
        let entry = try await store.read { journal in try journal.entry(id: stored.id) }
        guard case let .sleepDiary(diary: after) = entry else {
            return XCTFail("not a diary: \(entry)")
        }
        XCTAssertEqual(after.data.quality, 5)
        XCTAssertEqual(after.data.gotIntoBedAt, stored.data.gotIntoBedAt)
        XCTAssertEqual(after.data.outOfBedAt, stored.data.outOfBedAt)
        XCTAssertEqual(after.data.finalAwakeningAt.offsetMinutes, 60)
        let diaries = try await store.read { journal in
            try journal.history(query: HistoryQuery(kinds: [.sleepDiary], cursor: nil, limit: 50)).items
        }
        XCTAssertEqual(diaries.count, 1, "edited in place, not added")

        // Changing the form again clears the notice: the edit is no longer finished.
        model.edit { $0.note = "more" }
        XCTAssertNil(model.state.notice)
        XCTAssertFalse(model.state.finishedEdit)
    }

    @MainActor
    func testInvalidDiaryShowsTheCoresReasonAndSavesNothing() async throws {
        let store = try await freshStore()
        let (model, night) = try await loadedModel(store)
        model.edit { $0.quality = 9 }
        model.save()
        await settle { !model.state.busy }
        let error = try XCTUnwrap(model.state.error as? JournalError)
        guard case .InvalidInput = error else {
            return XCTFail("not InvalidInput: \(error)")
        }
        XCTAssertEqual(model.state.errorText, errorMessage(error: error))
        XCTAssertTrue(model.state.errorText?.contains("9") ?? false, "it quotes what was entered")
        XCTAssertNil(model.state.notice)
        XCTAssertNotNil(model.state.form, "the form stays for a correction")
        XCTAssertEqual(model.state.form?.quality, 9)
        XCTAssertFalse(model.state.showsNothingDue)
        let stored = try await store.night(night)
        XCTAssertNil(stored.sleepDiary)
    }

    @MainActor
    func testAnotherKindOfIdIsNotADiary() async throws {
        let store = try await freshStore()
        let exposure = try await store.read { journal in
            try journal.addExposure(data: MarchJournal.exposureData("2025-03-26T20:00:00+01:00"))
        }
        let model = CheckInModel(openStore: { store })
        model.load(editId: exposure.id)
        await settle { !model.state.loading }
        XCTAssertTrue(model.state.notADiary)
        XCTAssertNil(model.state.form)
        XCTAssertNil(model.state.error)
        XCTAssertFalse(model.state.isEditing)
    }

    @MainActor
    func testAnUnknownIdShowsTheCoresSentence() async throws {
        let store = try await freshStore()
        let model = CheckInModel(openStore: { store })
        model.load(editId: "no-such-entry")
        await settle { !model.state.loading }
        let error = try XCTUnwrap(model.state.error as? JournalError)
        guard case .NotFound = error else {
            return XCTFail("not NotFound: \(error)")
        }
        XCTAssertEqual(model.state.errorText, errorMessage(error: error))
        XCTAssertNil(model.state.form)
    }

    @MainActor
    func testComingBackKeepsUnsavedInput() async throws {
        let store = try await freshStore()
        let (model, _) = try await loadedModel(store)
        model.edit { $0.note = "half written" }
        model.load(editId: nil)
        XCTAssertFalse(model.state.loading, "no reload")
        try await Task.sleep(nanoseconds: 200_000_000)
        XCTAssertEqual(model.state.form?.note, "half written")
        XCTAssertFalse(model.state.loading)
    }

    @MainActor
    func testActionsWithoutAFormDoNothing() async throws {
        let store = try await freshStore()
        let model = CheckInModel(openStore: { store })
        model.save()
        model.noSymptoms()
        model.edit { $0.quality = 5 }
        XCTAssertFalse(model.state.busy, "nothing loaded: no night, no form")
        XCTAssertNil(model.state.form)
        let items = try await store.read { journal in
            try journal.history(query: HistoryQuery(kinds: [], cursor: nil, limit: 50)).items
        }
        XCTAssertTrue(items.isEmpty)
    }

    @MainActor
    func testASteppedDiaryIsOneTheCoreAccepts() async throws {
        let store = try await freshStore()
        let (model, night) = try await loadedModel(store)
        let rules = formRules()
        // Press "fewer" well past zero and "more awakenings" well past the core's maximum.
        for _ in 0..<50 {
            model.edit { $0.sleepOnsetMinutes = Steps.minutes($0.sleepOnsetMinutes, steps: -1) }
        }
        for _ in 0..<(rules.awakenings.max + 5) {
            model.edit { $0.awakenings = Steps.awakenings($0.awakenings, steps: 1) }
        }
        XCTAssertEqual(model.state.form?.sleepOnsetMinutes, rules.minutes.min)
        XCTAssertEqual(model.state.form?.awakenings, rules.awakenings.max)
        model.edit { $0.note = "   " }
        model.save()
        await settle { !model.state.busy }
        XCTAssertNil(model.state.error, "the core accepts every value a stepper offers")
        let stored = try await store.night(night)
        let diary = try XCTUnwrap(stored.sleepDiary)
        XCTAssertEqual(diary.data.sleepOnsetMinutes, 0)
        XCTAssertEqual(diary.data.awakenings, rules.awakenings.max)
        XCTAssertNil(diary.data.note, "a blank note is no note (the Kotlin form's ifBlank)")
    }
}
