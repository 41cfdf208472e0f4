import RLSJournal
import SwiftUI
import UIKit
import UniformTypeIdentifiers

/// A file ready for the share sheet.
struct ExportFile: Identifiable {
    let url: URL
    var id: URL { url }
}

/// Share and restore. Each button is one core call: `reportPdf(options:)`,
/// `csvZip(includeNotes:)`, `backupZip()`; restoring is `importBackup(bytes:)`. The bytes go to
/// a file in the app's temporary folder and from there to the system share sheet.
struct ShareView: View {
    @EnvironmentObject private var store: JournalStore
    /// Print the person's notes in the report and the CSV tables (off by default: privacy).
    @State private var includeNotes = false
    @State private var detailPage = false
    @State private var patientName = ""
    @State private var busy = false
    @State private var ready: ExportFile?
    @State private var picking = false
    @State private var message: String?
    @State private var error: String?

    var body: some View {
        Form {
            Text("Your journal stays on this phone. It leaves only in a file you share from here.")
                .font(.body)
            if let error = error {
                MessageView(text: error, isError: true)
            }
            if let message = message {
                MessageView(text: message, isError: false)
            }
            if busy {
                ProgressView().accessibilityLabel("Working")
            }
            Section("Clinician report") {
                TextField("Your name on the report (optional)", text: $patientName)
                Toggle("Include my notes", isOn: $includeNotes)
                Toggle("Add page 2: the detail and all notes", isOn: $detailPage)
                Button("Share the report (PDF)") { shareReport() }
                    .buttonStyle(BigButtonStyle(emphasis: true))
                    .disabled(busy)
                    .accessibilityLabel("Create the one-page clinician report and share it")
                Button("Share spreadsheet tables (CSV)") { shareCsv() }
                    .buttonStyle(BigButtonStyle())
                    .disabled(busy)
                    .accessibilityLabel("Create the spreadsheet tables as a zip file and share them")
            }
            Section("Backup") {
                Text("A backup holds everything, to restore on this or another phone.").font(.body)
                Button("Save a backup") { shareBackup() }
                    .buttonStyle(BigButtonStyle())
                    .disabled(busy)
                    .accessibilityLabel("Create a backup file and share or save it")
                Button("Restore a backup") { picking = true }
                    .buttonStyle(BigButtonStyle(minHeight: Theme.formTarget))
                    .disabled(busy)
                    .accessibilityLabel("Pick a backup file to restore; entries are merged, nothing is lost")
            }
        }
        .navigationTitle("Share and backup")
        .sheet(item: $ready) { file in
            ShareSheet(items: [file.url])
        }
        .fileImporter(isPresented: $picking, allowedContentTypes: [UTType.zip, UTType.json, UTType.data]) { result in
            switch result {
            case .success(let url):
                restore(url)
            case .failure(let failure):
                error = failure.localizedDescription
            }
        }
    }

    private func shareReport() {
        let options = ReportOptions(
            range: nil,
            paperSize: nil,
            includeNotes: includeNotes,
            patientName: patientName.isEmpty ? nil : patientName,
            detailPage: detailPage
        )
        export(name: "rls-journal-report.pdf") { journal in try journal.reportPdf(options: options) }
    }

    private func shareCsv() {
        let notes = includeNotes
        export(name: "rls-journal-tables.zip") { journal in try journal.csvZip(includeNotes: notes) }
    }

    private func shareBackup() {
        export(name: "rls-journal-backup.zip") { journal in try journal.backupZip() }
    }

    private func export(name: String, _ produce: @escaping @Sendable (Journal) throws -> Data) {
        busy = true
        error = nil
        message = nil
        Task { @MainActor in
            do {
                let bytes = try await store.read(produce)
                let exports = FileManager.default.temporaryDirectory.appendingPathComponent("exports", isDirectory: true)
                ShareView.removeOldExports(in: exports)
                // Each export in its own folder: an earlier file may still be read by a slow share
                // target, so it is never replaced here; the share sheet removes it when done.
                let folder = exports.appendingPathComponent(UUID().uuidString, isDirectory: true)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let url = folder.appendingPathComponent(name)
                try bytes.write(to: url, options: .completeFileProtection)
                ready = ExportFile(url: url)
            } catch {
                self.error = ErrorText.describe(error)
            }
            busy = false
        }
    }

    /// Removes export folders older than a day (left when the app was closed during a share).
    private static func removeOldExports(in exports: URL) {
        let manager = FileManager.default
        let cutoff = Date().addingTimeInterval(-24 * 60 * 60)
        let folders = (try? manager.contentsOfDirectory(
            at: exports,
            includingPropertiesForKeys: [.contentModificationDateKey]
        )) ?? []
        for folder in folders {
            let modified = (try? folder.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate
            if let modified = modified, modified < cutoff {
                try? manager.removeItem(at: folder)
            }
        }
    }

    /// Restores a backup the person picked: all or nothing, merged by id (the core's rules).
    private func restore(_ url: URL) {
        busy = true
        error = nil
        message = nil
        Task { @MainActor in
            do {
                let scoped = url.startAccessingSecurityScopedResource()
                defer {
                    if scoped {
                        url.stopAccessingSecurityScopedResource()
                    }
                }
                let bytes = try Data(contentsOf: url)
                let result = try await store.write { journal in try journal.importBackup(bytes: bytes) }
                message = "Restored: \(result.added) added, \(result.updated) updated, \(result.unchanged) unchanged."
            } catch {
                self.error = ErrorText.describe(error)
            }
            busy = false
        }
    }
}

/// The system share sheet.
struct ShareSheet: UIViewControllerRepresentable {
    let items: [Any]

    func makeUIViewController(context: Context) -> UIActivityViewController {
        let controller = UIActivityViewController(activityItems: items, applicationActivities: nil)
        let files = items.compactMap { $0 as? URL }
        // Remove the exported file only once the chosen activity has finished with it; if the
        // sheet was dismissed without one, or the app is closed meanwhile, the next export's
        // sweep removes it after a day.
        controller.completionWithItemsHandler = { _, completed, _, _ in
            guard completed else {
                return
            }
            for file in files {
                try? FileManager.default.removeItem(at: file.deletingLastPathComponent())
            }
        }
        return controller
    }

    func updateUIViewController(_ controller: UIActivityViewController, context: Context) {
    }
}
