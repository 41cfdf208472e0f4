import Foundation
import RLSJournal
import UserNotifications

/// The models' default re-planning after a settings change (`RemindersModel`); here, not in
/// `Models/`, so the models compile without the app's notification glue (tests/swift/run.sh).
@MainActor
func appReschedule(store: JournalStore) async {
    await Reminders.reschedule(store: store)
}

/// The morning check-in reminder and the optional evening one, scheduled with
/// UNUserNotificationCenter from `ReminderPlan` (Models/, tested on Linux by tests/swift), which
/// decides which days are still due.
@MainActor
enum Reminders {
    static let eveningCategory = "EVENING_CHECK_IN"
    static let tabKey = "tab"
    static let quickLogPrefix = "log."

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

    /// Re-plans every reminder: what `ReminderPlan` says is due, as notification requests.
    static func reschedule(store: JournalStore) async {
        let center = UNUserNotificationCenter.current()
        let pending = await center.pendingNotificationRequests()
        center.removePendingNotificationRequests(withIdentifiers: pending.map { $0.identifier })
        let calendar = Calendar.current
        for reminder in await ReminderPlan.plan(store: store, calendar: calendar) {
            let content = UNMutableNotificationContent()
            content.title = reminder.title
            content.body = reminder.body
            content.sound = UNNotificationSound.default
            content.userInfo = [tabKey: reminder.tab]
            if reminder.kind == PromptKind.eveningCheckIn {
                content.categoryIdentifier = eveningCategory
            }
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: reminder.fireAt)
            let trigger = UNCalendarNotificationTrigger(dateMatching: parts, repeats: false)
            let request = UNNotificationRequest(identifier: reminder.identifier, content: content, trigger: trigger)
            try? await center.add(request)
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
}
