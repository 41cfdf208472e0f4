import RLSJournal
import UIKit
import UserNotifications

/// Handles reminder notifications: a "Log N/10" action logs through the core without opening the
/// app (the action has no `.foreground` option, so iOS runs this in the background); tapping
/// the notification itself opens the matching tab.
final class AppDelegate: NSObject, UIApplicationDelegate, UNUserNotificationCenterDelegate {
    func application(
        _ application: UIApplication,
        didFinishLaunchingWithOptions launchOptions: [UIApplication.LaunchOptionsKey: Any]? = nil
    ) -> Bool {
        UNUserNotificationCenter.current().delegate = self
        Reminders.registerCategories()
        return true
    }

    func userNotificationCenter(
        _ center: UNUserNotificationCenter,
        didReceive response: UNNotificationResponse,
        withCompletionHandler completionHandler: @escaping () -> Void
    ) {
        let action = response.actionIdentifier
        let tab = response.notification.request.content.userInfo[Reminders.tabKey] as? String
        Task { @MainActor in
            await Reminders.handle(action: action, tab: tab)
            completionHandler()
        }
    }

    /// A reminder that arrives while the app is open is still shown.
    func userNotificationCenter(
        _ center: UNUserNotificationCenter,
        willPresent notification: UNNotification,
        withCompletionHandler completionHandler: @escaping (UNNotificationPresentationOptions) -> Void
    ) {
        completionHandler([.banner, .sound])
    }
}
