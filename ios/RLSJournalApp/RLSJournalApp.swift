import RLSJournal
import SwiftUI

/// RLS Journal for iOS: five tabs over the core, through the RLSJournal package's store.
@main
struct RLSJournalApp: App {
    @UIApplicationDelegateAdaptor(AppDelegate.self) private var appDelegate
    @StateObject private var model = AppModel.shared
    @Environment(\.scenePhase) private var scenePhase

    var body: some Scene {
        WindowGroup {
            RootView()
                .environmentObject(model)
                .preferredColorScheme(Theme.isNightHours(Date()) ? ColorScheme.dark : nil)
                .tint(Theme.accent)
        }
        .onChange(of: scenePhase) { phase in
            if phase == ScenePhase.active {
                Task { await model.becameActive() }
            }
            if phase == ScenePhase.background {
                Backups.wentToBackground()
            }
        }
    }
}

extension AppModel {
    /// The app came to the foreground: re-read what the screens show and re-plan the reminders.
    func becameActive() async {
        guard let store = try? await journalStore() else {
            return
        }
        try? await store.refresh()
        await Reminders.reschedule(store: store)
    }
}

/// The journal's screens once it is open; the core's error if it could not be opened.
struct RootView: View {
    @EnvironmentObject private var model: AppModel

    var body: some View {
        if let store = model.store {
            MainTabs()
                .environmentObject(store)
        } else if let error = model.openError {
            VStack(spacing: 16) {
                Text("The journal could not be opened")
                    .font(.title2)
                Text(error)
                    .font(.body)
                Button("Try again") {
                    Task { _ = try? await model.journalStore() }
                }
                .buttonStyle(BigButtonStyle(emphasis: true))
                .accessibilityLabel("Try to open the journal again")
            }
            .padding()
        } else {
            ProgressView()
                .accessibilityLabel("Opening the journal")
                .task { _ = try? await model.journalStore() }
        }
    }
}

/// The five tabs. Add, Share and Reminders are under More.
struct MainTabs: View {
    @EnvironmentObject private var model: AppModel
    @EnvironmentObject private var store: JournalStore

    var body: some View {
        TabView(selection: $model.selectedTab) {
            NavigationStack { TonightView() }
                .tabItem { Label("Tonight", systemImage: "moon.fill") }
                .tag(AppTab.tonight)
            NavigationStack { CheckInView(editId: nil) }
                .tabItem { Label("Morning", systemImage: "sunrise.fill") }
                .tag(AppTab.morning)
            NavigationStack { HistoryView() }
                .tabItem { Label("History", systemImage: "list.bullet") }
                .tag(AppTab.history)
            NavigationStack { SummaryView() }
                .tabItem { Label("Summary", systemImage: "chart.bar.fill") }
                .tag(AppTab.summary)
            NavigationStack { MoreView() }
                .tabItem { Label("More", systemImage: "ellipsis.circle.fill") }
                .tag(AppTab.more)
        }
        .task { _ = Backups.model(store: store) }
        .onChange(of: store.prompts) { _ in
            // A write changed what is due: re-plan the reminders the core says are still due.
            Task { await Reminders.reschedule(store: store) }
        }
        .safeAreaInset(edge: .top) {
            if let error = store.refreshFailure {
                RefreshErrorBar(error: error)
            }
        }
    }
}

/// A write succeeded but re-reading what the screens show failed (the store's `refreshFailure`):
/// says so, with the core's reason, and offers a retry.
struct RefreshErrorBar: View {
    @EnvironmentObject private var store: JournalStore
    let error: any Error

    var body: some View {
        VStack(alignment: .leading, spacing: 8) {
            MessageView(
                text: "Your entry was saved, but the screens could not be brought up to date: "
                    + sentenceOf(error),
                isError: true
            )
            Button("Try again") {
                Task { try? await store.refresh() }
            }
            .buttonStyle(BigButtonStyle(emphasis: false))
            .accessibilityLabel("Read the journal again to bring the screens up to date")
        }
        .padding(.horizontal)
        .background(.regularMaterial)
    }
}

/// Add, Share and Reminders.
struct MoreView: View {
    var body: some View {
        List {
            NavigationLink("Add an entry") { AddEntryView(kind: nil, editId: nil) }
                .frame(minHeight: Theme.formTarget)
                .accessibilityLabel("Add an exposure, treatment, dose, lab result, IRLS total or episode")
            NavigationLink("Share and backup") { ShareView() }
                .frame(minHeight: Theme.formTarget)
                .accessibilityLabel("Share the clinician report, spreadsheet tables or a backup")
            NavigationLink("Automatic backups") { BackupView() }
                .frame(minHeight: Theme.formTarget)
                .accessibilityLabel("Choose a folder for automatic backups, a passphrase, or restore a backup")
            NavigationLink("Reminders and settings") { RemindersView() }
                .frame(minHeight: Theme.formTarget)
                .accessibilityLabel("Set the morning and evening reminders")
            NavigationLink("Licences") { LicencesView() }
                .frame(minHeight: Theme.formTarget)
                .accessibilityLabel("The licences of the app and of the code it includes")
        }
        .font(.body)
        .navigationTitle("More")
    }
}
