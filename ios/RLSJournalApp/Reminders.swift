import Foundation
import RLSJournal
import UserNotifications

/// The models' default re-planning after a settings change (`RemindersModel`); here, not in
/// `Models/`, so the models compile without the app's notification glue (tests/swift/run.sh).
@MainActor
func appReschedule(store: JournalStore) async {
    await Reminders.reschedule(store: store)
}

/// The morning check-in reminder and the optional evening one.
///
/// iOS shows a scheduled notification without waking the app, so the decision is made ahead:
/// for each of the next days, the core's `prompts(now:)` is asked at the reminder's time, given
/// what the journal holds now; a reminder is scheduled only if the core says the entry will
/// still be due then, with the prompt's own title and message. Every write re-plans them (the
/// store's prompts change), so a check-in done today removes today's reminder.
@MainActor
enum Reminders {
    static let eveningCategory = "EVENING_CHECK_IN"
    static let tabKey = "tab"
    static let quickLogPrefix = "log."
    /// How many days ahead reminders are planned (until the app runs again).
    static let daysAhead = 7

    /// Registers the evening reminder's "Log N/10" actions (background actions: no app launch UI).
    static func registerCategories() {
        let actions = QuickLogActionModel.intensities.map { intensity in
            UNNotificationAction(
                identifier: quickLogPrefix + String(intensity),
                title: "Log \(intensity)/10",
                options: []
            )
        }
        let category = UNNotificationCategory(
            identifier: eveningCategory,
            actions: actions,
            intentIdentifiers: [],
            options: []
        )
        UNUserNotificationCenter.current().setNotificationCategories([category])
    }

    /// Asks for permission to show reminders.
    static func requestPermission() async -> Bool {
        let granted = try? await UNUserNotificationCenter.current().requestAuthorization(options: [.alert, .sound])
        return granted ?? false
    }

    /// Whether reminders may be shown (the system's answer for this app).
    static func permissionStatus() async -> UNAuthorizationStatus {
        return await UNUserNotificationCenter.current().notificationSettings().authorizationStatus
    }

    /// Asks for permission if the person was never asked: after the first entry logged on
    /// Tonight, and when a reminder is turned on. The system asks only once; after a denial the
    /// Reminders screen says how to turn notifications on in Settings.
    static func askIfNeverAsked() async {
        if await permissionStatus() == UNAuthorizationStatus.notDetermined {
            _ = await requestPermission()
        }
    }

    /// Re-plans every reminder from the core's settings and prompts.
    static func reschedule(store: JournalStore) async {
        let center = UNUserNotificationCenter.current()
        let pending = await center.pendingNotificationRequests()
        center.removePendingNotificationRequests(withIdentifiers: pending.map { $0.identifier })
        guard let settings = try? await store.read({ journal in try journal.settings() }) else {
            return
        }
        await plan(store: store, name: "morning", hour: Int(settings.morningHour), kind: PromptKind.morningCheckIn, tab: "morning")
        if let evening = settings.eveningReminderHour {
            await plan(store: store, name: "evening", hour: Int(evening), kind: PromptKind.eveningCheckIn, tab: "tonight")
        }
    }

    /// Handles a tap on a reminder or one of its actions.
    static func handle(action: String, tab: String?) async {
        if action.hasPrefix(quickLogPrefix), let intensity = Int32(action.dropFirst(quickLogPrefix.count)) {
            let quickLog = QuickLogActionModel { store, _, _ in
                if let store = store {
                    await reschedule(store: store)
                }
            }
            await quickLog.log(intensity: intensity)
            return
        }
        if action == UNNotificationDefaultActionIdentifier {
            AppModel.shared.selectedTab = tab == "tonight" ? AppTab.tonight : AppTab.morning
        }
    }

    private static func plan(store: JournalStore, name: String, hour: Int, kind: PromptKind, tab: String) async {
        let calendar = Calendar.current
        let now = Date()
        for day in 0..<daysAhead {
            guard let date = calendar.date(byAdding: .day, value: day, to: now),
                  let fire = calendar.date(bySettingHour: hour, minute: 0, second: 0, of: date),
                  fire > now else {
                continue
            }
            let at = Moment.at(fire)
            guard let prompts = try? await store.read({ journal in try journal.prompts(now: at) }),
                  let prompt = prompts.first(where: { $0.kind == kind }) else {
                continue
            }
            let content = UNMutableNotificationContent()
            content.title = prompt.title
            content.body = prompt.message
            content.sound = UNNotificationSound.default
            content.userInfo = [tabKey: tab]
            if kind == PromptKind.eveningCheckIn {
                content.categoryIdentifier = eveningCategory
            }
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: fire)
            let trigger = UNCalendarNotificationTrigger(dateMatching: parts, repeats: false)
            let request = UNNotificationRequest(identifier: "reminder.\(name).\(day)", content: content, trigger: trigger)
            try? await UNUserNotificationCenter.current().add(request)
        }
    }
}
