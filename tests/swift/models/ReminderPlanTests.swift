// ReminderPlan (ios/RLSJournalApp/Models/ReminderPlan.swift): which reminders iOS schedules ahead,
// decided by the core's prompts at each reminder's hour, on a real journal file; across a DST
// change the reminder stays at its hour on the wall clock.

import Foundation
import RLSJournal
import XCTest

final class ReminderPlanTests: XCTestCase {
    private let berlin = TimeZone(identifier: "Europe/Berlin")!

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = berlin
        return calendar
    }

    /// `text` (yyyy-MM-dd HH:mm) on Berlin's wall clock.
    private func berlinTime(_ text: String) -> Date {
        let parser = DateFormatter()
        parser.locale = Locale(identifier: "en_US_POSIX")
        parser.timeZone = berlin
        parser.dateFormat = "yyyy-MM-dd HH:mm"
        return parser.date(from: text)!
    }

    private func wallClock(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = berlin
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    @MainActor
    func testAMorningReminderEachDayAtItsHourAcrossADSTChange() async throws {
        let store = try await freshStore()
        let settings = try await store.read { journal in try journal.settings() }
        let hour = Int(settings.morningHour)
        // Central Europe moves its clocks forward at 02:00 on Sunday 29 March 2026.
        let now = berlinTime("2026-03-28 04:00")
        let plan = await ReminderPlan.plan(store: store, now: now, calendar: calendar)
        let mornings = plan.filter { $0.kind == .morningCheckIn }
        XCTAssertEqual(mornings.count, ReminderPlan.daysAhead, "nothing recorded: every morning is due")
        XCTAssertEqual(mornings.map { $0.identifier }, (0..<ReminderPlan.daysAhead).map { "reminder.morning.\($0)" })
        let expected = (28...31).map { String(format: "2026-03-%02d %02d:00", $0, hour) }
            + (1...3).map { String(format: "2026-04-%02d %02d:00", $0, hour) }
        XCTAssertEqual(mornings.map { wallClock($0.fireAt) }, expected, "the same hour on the wall clock")
        XCTAssertEqual(mornings[1].fireAt.timeIntervalSince(mornings[0].fireAt), 23 * 3600, "the night the clocks change is an hour shorter")
        XCTAssertEqual(mornings[2].fireAt.timeIntervalSince(mornings[1].fireAt), 24 * 3600)
        // Each reminder carries the core's own words for the prompt due at that moment.
        for reminder in mornings {
            let prompts = try await store.read { journal in
                try journal.prompts(now: Moment.at(reminder.fireAt, in: self.berlin))
            }
            let prompt = try XCTUnwrap(prompts.first { $0.kind == .morningCheckIn })
            XCTAssertEqual(reminder.title, prompt.title)
            XCTAssertEqual(reminder.body, prompt.message)
            XCTAssertEqual(reminder.tab, "morning")
        }
        XCTAssertTrue(plan.allSatisfy { $0.kind == .morningCheckIn }, "no evening hour set: no evening reminder")
    }

    @MainActor
    func testADiaryForLastNightRemovesOnlyThatMorningsReminder() async throws {
        let store = try await freshStore()
        let now = berlinTime("2026-03-10 04:00")
        let before = await ReminderPlan.plan(store: store, now: now, calendar: calendar)
        XCTAssertTrue(before.contains { $0.identifier == "reminder.morning.0" })

        let draft = try await store.read { journal in try journal.sleepDiaryDraft(night: "2026-03-09") }
        _ = try await store.write { journal in try journal.addSleepDiary(data: draft) }
        let after = await ReminderPlan.plan(store: store, now: now, calendar: calendar)
        XCTAssertFalse(after.contains { $0.identifier == "reminder.morning.0" }, "the check-in is done: no reminder this morning")
        XCTAssertTrue(after.contains { $0.identifier == "reminder.morning.1" }, "tomorrow's is still due")
        XCTAssertEqual(after.count, before.count - 1)
    }

    @MainActor
    func testPastHoursAreNotPlannedAndAnEveningHourAddsEveningReminders() async throws {
        let store = try await freshStore()
        let settings = try await store.read { journal in try journal.settings() }
        _ = try await store.write { journal in
            try journal.updateSettings(settings: Settings(
                nightCutoverHour: settings.nightCutoverHour,
                morningHour: settings.morningHour,
                eveningReminderHour: 21,
                paperSize: settings.paperSize
            ))
        }
        // After this morning's hour: today's morning reminder is gone, today's evening one is not.
        let now = berlinTime(String(format: "2026-03-10 %02d:30", Int(settings.morningHour)))
        let plan = await ReminderPlan.plan(store: store, now: now, calendar: calendar)
        XCTAssertFalse(plan.contains { $0.identifier == "reminder.morning.0" })
        XCTAssertTrue(plan.allSatisfy { $0.fireAt > now })
        let evenings = plan.filter { $0.kind == .eveningCheckIn }
        XCTAssertFalse(evenings.isEmpty, "the core asks for the evening check-in")
        XCTAssertEqual(evenings.first?.identifier, "reminder.evening.0")
        XCTAssertEqual(evenings.first.map { wallClock($0.fireAt) }, "2026-03-10 21:00")
        XCTAssertTrue(evenings.allSatisfy { $0.tab == "tonight" })
    }
}
