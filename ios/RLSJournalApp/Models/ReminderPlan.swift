import Foundation
import RLSJournal

/// One reminder to schedule: when it fires, the core's words, and where a tap leads.
struct PlannedReminder: Equatable {
    /// The notification's identifier, e.g. "reminder.morning.0" (day 0 = today).
    let identifier: String
    /// When it fires (the reminder's hour on that day, in the calendar's time zone).
    let fireAt: Date
    /// The core's prompt title and message.
    let title: String
    let body: String
    /// Which prompt it is (the evening one carries the "Log N/10" actions).
    let kind: PromptKind
    /// The tab a tap opens ("morning" or "tonight").
    let tab: String
}

/// The reminders to schedule now. iOS shows a scheduled notification without waking the app, so
/// the decision is made ahead: for each of the next `daysAhead` days, the core's `prompts(now:)`
/// is asked at the reminder's hour, given what the journal holds now; a reminder is planned only
/// if the core says the entry will still be due then, with the prompt's own title and message.
/// Every write re-plans them, so a check-in done today removes today's reminder. (Android asks
/// the core when its alarm fires instead: `ReminderPlanner` in the Kotlin presenters.)
/// `Reminders.reschedule` turns the plan into notification requests.
enum ReminderPlan {
    /// How many days ahead reminders are planned (until the app runs again).
    static let daysAhead = 7

    /// The morning reminder, and the evening one when set, from the core's settings and prompts.
    /// Nothing when the settings cannot be read.
    @MainActor
    static func plan(store: JournalStore, now: Date = Date(), calendar: Calendar = .current) async -> [PlannedReminder] {
        guard let settings = try? await store.read({ journal in try journal.settings() }) else {
            return []
        }
        var planned = await days(
            store: store, name: "morning", hour: Int(settings.morningHour), kind: PromptKind.morningCheckIn,
            tab: "morning", now: now, calendar: calendar
        )
        if let evening = settings.eveningReminderHour {
            planned += await days(
                store: store, name: "evening", hour: Int(evening), kind: PromptKind.eveningCheckIn,
                tab: "tonight", now: now, calendar: calendar
            )
        }
        return planned
    }

    @MainActor
    private static func days(
        store: JournalStore, name: String, hour: Int, kind: PromptKind, tab: String, now: Date, calendar: Calendar
    ) async -> [PlannedReminder] {
        var planned: [PlannedReminder] = []
        for day in 0..<daysAhead {
            guard let date = calendar.date(byAdding: .day, value: day, to: now),
                  let fire = calendar.date(bySettingHour: hour, minute: 0, second: 0, of: date),
                  fire > now else {
                continue
            }
            let at = Moment.at(fire, in: calendar.timeZone)
            guard let prompts = try? await store.read({ journal in try journal.prompts(now: at) }),
                  let prompt = prompts.first(where: { $0.kind == kind }) else {
                continue
            }
            planned.append(PlannedReminder(
                identifier: "reminder.\(name).\(day)", fireAt: fire, title: prompt.title, body: prompt.message,
                kind: kind, tab: tab
            ))
        }
        return planned
    }
}
