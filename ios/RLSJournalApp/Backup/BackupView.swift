import RLSJournal
import SwiftUI
import UniformTypeIdentifiers

/// Automatic backups: the folder, the passphrase, the core's status sentence; restore a file.
/// Only renders `BackupModel` and forwards taps.
struct BackupView: View {
    @EnvironmentObject private var store: JournalStore
    @State private var picking = false
    @State private var restoring = false
    @State private var passphrase = ""
    @State private var restorePassphrase = ""

    var body: some View {
        let model = Backups.model(store: store)
        BackupForm(
            model: model,
            picking: $picking,
            restoring: $restoring,
            passphrase: $passphrase,
            restorePassphrase: $restorePassphrase
        )
        .navigationTitle("Automatic backups")
        .task { await model.refresh() }
    }
}

/// The form itself, observing the model.
private struct BackupForm: View {
    @ObservedObject var model: BackupModel
    @Binding var picking: Bool
    @Binding var restoring: Bool
    @Binding var passphrase: String
    @Binding var restorePassphrase: String

    var body: some View {
        Form {
            Section {
                if let text = model.state.statusText {
                    Text(text)
                }
                if let problem = model.state.folderProblem {
                    MessageView(text: problem, isError: true)
                }
                if let error = model.state.error {
                    MessageView(text: sentenceOf(error), isError: true)
                }
                if let done = model.state.restored {
                    MessageView(text: "Restored: \(done.added) added, \(done.updated) updated, \(done.unchanged) unchanged.", isError: false)
                }
                if model.state.busy {
                    ProgressView()
                }
            }
            Section("Backup folder") {
                Text(model.state.folderName ?? "No folder chosen: no automatic backups.")
                Button("Choose a backup folder") { picking = true }
                    .fileImporter(isPresented: $picking, allowedContentTypes: [UTType.folder]) { result in
                        guard case .success(let url) = result, let folder = try? BookmarkedFolder.remember(url) else {
                            return
                        }
                        Task { await model.chooseFolder(folder) }
                    }
                Button("Back up now") { Task { await model.backUpNow() } }
                    .disabled(model.state.folderName == nil)
                Button("Stop automatic backups") {
                    BookmarkedFolder.forget()
                    model.forgetFolder()
                }
                .disabled(model.state.folderName == nil)
                if let policy = model.state.status?.policy {
                    Text(policy)
                }
            }
            Section("Sync with your other devices") {
                Text("Each device writes only its own file in this folder and reads the others' (iCloud Drive, Syncthing). Use the same passphrase on every device.")
                if let text = model.state.syncText {
                    Text(text)
                }
                Button(model.state.syncEnabled ? "Stop syncing" : "Sync through this folder") {
                    let enabled = !model.state.syncEnabled
                    UserDefaults.standard.set(enabled, forKey: Backups.syncKey)
                    Task { await model.setSyncEnabled(enabled) }
                }
                .disabled(model.state.folderName == nil)
                Button("Sync now") { Task { await model.syncNow() } }
                    .disabled(model.state.folderName == nil || !model.state.syncEnabled)
                Button("This is a new phone: restore my journal from this folder") {
                    UserDefaults.standard.set(true, forKey: Backups.syncKey)
                    Task { try await model.restoreFromFolder(journalPath: AppModel.journalPath()) }
                }
                .disabled(model.state.folderName == nil)
            }
            Section("Encryption") {
                Text(model.state.encrypted ? "Backups are encrypted with your passphrase." : "Backups are not encrypted: anyone who can open the folder can read them.")
                SecureField("New passphrase", text: $passphrase)
                Button("Encrypt backups with this passphrase") {
                    let typed = passphrase
                    passphrase = ""
                    Task { await model.setPassphrase(typed) }
                }
                Button("Stop encrypting backups") { Task { await model.clearPassphrase() } }
                    .disabled(!model.state.encrypted)
                Text("The passphrase is kept in this phone's Keychain, never in the journal. Write it down: a new phone needs it to restore, and nobody can recover it.")
            }
            Section("Restore from a backup") {
                SecureField("Passphrase of the backup (if encrypted)", text: $restorePassphrase)
                Button("Choose a backup file and restore") { restoring = true }
                    .fileImporter(isPresented: $restoring, allowedContentTypes: [UTType.data]) { result in
                        guard case .success(let url) = result else {
                            return
                        }
                        let typed = restorePassphrase
                        Task {
                            let granted = url.startAccessingSecurityScopedResource()
                            await model.restore(path: url.path, passphrase: typed)
                            if granted {
                                url.stopAccessingSecurityScopedResource()
                            }
                        }
                    }
            }
        }
    }
}
