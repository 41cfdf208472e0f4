import SwiftUI
import UIKit
import UserNotifications

/// Whether reminders can be shown, re-read whenever the app comes back to the foreground (the
/// person may have changed it in Settings): allowed; never asked, with a button to ask; or
/// denied, with how to turn notifications on again (the system does not ask twice).
struct NotificationStatusView: View {
    @Environment(\.scenePhase) private var scenePhase
    @State private var status: UNAuthorizationStatus?

    var body: some View {
        Group {
            switch status {
            case .some(.authorized), .some(.provisional), .some(.ephemeral):
                MessageView(text: "Notifications are allowed: reminders will be shown.", isError: false)
            case .some(.notDetermined):
                Button("Allow notifications") {
                    Task { @MainActor in
                        _ = await Reminders.requestPermission()
                        await update()
                    }
                }
                .frame(minHeight: Theme.formTarget)
                .accessibilityLabel("Ask for permission to show reminders")
            case .some(.denied):
                deniedView
            default:
                EmptyView()
            }
        }
        .task { await update() }
        .onChange(of: scenePhase) { phase in
            if phase == ScenePhase.active {
                Task { await update() }
            }
        }
    }

    private var deniedView: some View {
        VStack(alignment: .leading, spacing: 8) {
            MessageView(
                text: "Notifications are off for RLS Journal, so reminders cannot be shown. "
                    + "To turn them on: Settings, Notifications, RLS Journal, Allow Notifications.",
                isError: true
            )
            Button("Open Settings") {
                if let url = URL(string: UIApplication.openNotificationSettingsURLString) {
                    UIApplication.shared.open(url)
                }
            }
            .frame(minHeight: Theme.formTarget)
            .accessibilityLabel("Open the Settings app to turn on notifications for RLS Journal")
        }
    }

    @MainActor
    private func update() async {
        status = await Reminders.permissionStatus()
    }
}
