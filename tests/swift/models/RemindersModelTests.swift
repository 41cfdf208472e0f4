// RemindersModel (ios/RLSJournalApp/Models/RemindersModel.swift) through the real core: the Swift
// twins of the Kotlin `reminders…` presenter tests (tests/kotlin/…/PresenterTests.kt). The
// re-planning is the test's own closure (the app's is `Reminders.reschedule`, which asks
// UNUserNotificationCenter, not here): each call records the store it got and the settings that
// store held then, so the tests see that the plan follows what the core stored.
// (The Kotlin planner tests, DST and prompts, exercise ReminderPlanner; its iOS counterpart
// `Reminders` is app glue that is not compiled here.)

import Foundation
import RLSJournal
import XCTest

/// Records each re-planning: the store it was given and what that store's journal held.
@MainActor
private final class Replans {
    private(set) var stores: [JournalStore] = []
    private(set) var settings: [RLSJournal.Settings] = []

    func reschedule(_ store: JournalStore) async {
        stores.append(store)
        if let stored = try? await store.read({ journal in try journal.settings() }) {
            settings.append(stored)
        }
    }
}

final class RemindersModelTests: XCTestCase {
    @MainActor
    private func loaded() async throws -> (RemindersModel, Replans, JournalStore, Journal) {
        let (store, file, _) = try await JournalSamples.pair()
        let replans = Replans()
        let model = RemindersModel(openStore: { store }, reschedule: { store in await replans.reschedule(store) })
        model.load()
        await settle { model.state.settings != nil || model.state.error != nil }
        XCTAssertNil(model.state.error)
        return (model, replans, store, file)
    }

    @MainActor
    func testLoadShowsTheCoresSettings() async throws {
        let (store, file, _) = try await JournalSamples.pair()
        let written = try file.updateSettings(settings: try file.settings().with(morningHour: 7, eveningHour: 22))
        let model = RemindersModel(openStore: { store }, reschedule: { _ in XCTFail("loading re-plans nothing") })
        XCTAssertNil(model.state.settings)
        XCTAssertFalse(model.state.eveningOn)
        model.load()
        await settle { model.state.settings != nil || model.state.error != nil }
        XCTAssertEqual(model.state.settings, written)
        XCTAssertEqual(model.state.morningHour, 7)
        XCTAssertEqual(model.state.eveningHour, 22)
        XCTAssertTrue(model.state.eveningOn)
        XCTAssertNil(model.state.notice)
        XCTAssertNil(model.state.error)
    }

    @MainActor
    func testSavingSettingsReplansFromWhatTheCoreStored() async throws {
        let (model, replans, store, file) = try await loaded()
        XCTAssertFalse(model.state.eveningOn, "the evening reminder is off in a new journal")
        model.setEvening(true)
        XCTAssertTrue(model.state.eveningOn)
        XCTAssertEqual(model.state.eveningHour, formRules().defaultEveningHour)
        model.setHour(morning: true, hour: 6)
        XCTAssertEqual(model.state.morningHour, 6)
        XCTAssertTrue(replans.stores.isEmpty, "nothing re-planned before saving")

        model.save()
        XCTAssertTrue(model.state.busy)
        await settle { !model.state.busy }
        XCTAssertNil(model.state.error)
        XCTAssertEqual(model.state.notice, .settingsSaved)
        let stored = try file.settings()
        XCTAssertEqual(stored.morningHour, 6)
        XCTAssertEqual(stored.eveningReminderHour, formRules().defaultEveningHour)
        XCTAssertEqual(model.state.settings, stored, "the screen shows what the core stored")
        XCTAssertEqual(replans.stores.count, 1, "re-planned once")
        XCTAssertTrue(replans.stores.first === store, "with the model's store")
        XCTAssertEqual(replans.settings, [stored], "after the core stored the settings")

        model.setEvening(false)
        XCTAssertFalse(model.state.eveningOn)
        XCTAssertNil(model.state.notice, "an edit clears the last notice")
        model.save()
        await settle { !model.state.busy }
        XCTAssertEqual(model.state.notice, .settingsSaved)
        XCTAssertNil(try file.settings().eveningReminderHour)
        XCTAssertEqual(try file.settings().morningHour, 6)
        XCTAssertEqual(replans.settings.count, 2)
        XCTAssertNil(replans.settings.last?.eveningReminderHour, "the evening reminder is planned away")
    }

    @MainActor
    func testInvalidHourShowsTheCoresReasonAndChangesNothing() async throws {
        let (model, replans, _, file) = try await loaded()
        let before = try file.settings()
        model.setHour(morning: true, hour: 25)
        XCTAssertEqual(model.state.morningHour, 25, "the core, not the model, judges the hour")
        model.save()
        await settle { !model.state.busy }
        let error = try XCTUnwrap(model.state.error as? JournalError)
        guard case .InvalidInput = error else {
            return XCTFail("not InvalidInput: \(error)")
        }
        XCTAssertEqual(model.state.errorText, errorMessage(error: error))
        XCTAssertNil(model.state.notice)
        XCTAssertEqual(try file.settings(), before)
        XCTAssertTrue(replans.stores.isEmpty, "nothing re-planned")

        // Corrected, it saves and the error goes.
        model.setHour(morning: true, hour: 9)
        model.save()
        XCTAssertNil(model.state.error, "saving again clears the error")
        await settle { !model.state.busy }
        XCTAssertNil(model.state.error)
        XCTAssertEqual(try file.settings().morningHour, 9)
        XCTAssertEqual(replans.settings.map(\.morningHour), [9])
    }

    @MainActor
    func testHourSteppersGoRoundTheClock() async throws {
        let (model, _, _, file) = try await loaded()
        model.setHour(morning: true, hour: 0)
        model.stepHour(morning: true, delta: -1)
        XCTAssertEqual(model.state.morningHour, 23)
        model.stepHour(morning: true, delta: 1)
        XCTAssertEqual(model.state.morningHour, 0)
        model.stepHour(morning: false, delta: 1)
        XCTAssertNil(model.state.eveningHour, "no evening hour to step while it is off")
        model.setEvening(true)
        let evening = try XCTUnwrap(model.state.eveningHour)
        model.stepHour(morning: false, delta: 24 - evening)
        // The default evening hour plus what is left of the day is 24, which is 0 on the clock.
        XCTAssertEqual(model.state.eveningHour, 0)
        model.stepHour(morning: false, delta: -25)
        XCTAssertEqual(model.state.eveningHour, 23, "more than a day back still lands on the clock")
        model.stepHour(morning: false, delta: 1)
        model.save()
        await settle { !model.state.busy }
        XCTAssertNil(model.state.error)
        XCTAssertEqual(try file.settings().eveningReminderHour, 0)
        XCTAssertEqual(try file.settings().morningHour, 0)
    }

    @MainActor
    func testEditChangesOnlyWhatIsGiven() async throws {
        let (model, replans, _, file) = try await loaded()
        let before = try XCTUnwrap(model.state.settings)
        let other: PaperSize = before.paperSize == .a4 ? .letter : .a4
        model.edit(paperSize: other)
        XCTAssertEqual(model.state.settings?.paperSize, other)
        XCTAssertEqual(model.state.morningHour, before.morningHour)
        XCTAssertEqual(model.state.eveningHour, before.eveningReminderHour)
        XCTAssertEqual(model.state.settings?.nightCutoverHour, before.nightCutoverHour)
        model.edit(eveningHour: .some(20))
        XCTAssertEqual(model.state.eveningHour, 20)
        model.edit(eveningHour: .some(nil))
        XCTAssertNil(model.state.eveningHour, "an explicit nil turns the evening off")
        XCTAssertEqual(model.state.settings?.paperSize, other)
        model.save()
        await settle { !model.state.busy }
        XCTAssertEqual(try file.settings().paperSize, other)
        XCTAssertEqual(try file.settings().morningHour, before.morningHour)
        XCTAssertEqual(replans.settings.map(\.paperSize), [other])
    }

    @MainActor
    func testNothingHappensBeforeTheSettingsAreLoaded() async throws {
        let (store, file, _) = try await JournalSamples.pair()
        let before = try file.settings()
        let replans = Replans()
        let model = RemindersModel(openStore: { store }, reschedule: { store in await replans.reschedule(store) })
        model.setEvening(true)
        model.setHour(morning: true, hour: 5)
        model.stepHour(morning: true, delta: 1)
        XCTAssertNil(model.state.settings)
        model.save()
        XCTAssertFalse(model.state.busy, "nothing to save")
        try await Task.sleep(nanoseconds: 100_000_000)
        XCTAssertTrue(replans.stores.isEmpty)
        XCTAssertEqual(try file.settings(), before)
    }

    @MainActor
    func testAStoreThatCannotOpenShowsWhy() async throws {
        struct Locked: Error {}
        let model = RemindersModel(openStore: { throw Locked() }, reschedule: { _ in XCTFail("nothing to re-plan") })
        model.load()
        await settle { model.state.error != nil }
        XCTAssertTrue(model.state.error is Locked)
        XCTAssertTrue(model.state.errorText?.hasPrefix("Something went wrong") ?? false)
        XCTAssertNil(model.state.settings)
    }
}

private extension RLSJournal.Settings {
    /// These settings with other reminder hours.
    func with(morningHour: Int32, eveningHour: Int32?) -> RLSJournal.Settings {
        return RLSJournal.Settings(
            nightCutoverHour: nightCutoverHour,
            morningHour: morningHour,
            eveningReminderHour: eveningHour,
            paperSize: paperSize
        )
    }
}
