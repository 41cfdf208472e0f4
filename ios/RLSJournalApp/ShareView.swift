import RLSJournal
import SwiftUI
import UIKit
import UniformTypeIdentifiers

/// Share and restore: renders `ShareModel`'s state and forwards taps to it; the file picker and
/// the share sheet are the system's.
struct ShareView: View {
    @StateObject private var model = ShareModel(sink: TemporaryExports())
    @State private var picking = false

    var body: some View {
        let state = model.state
        Form {
            Text("Your journal stays on this phone. It leaves only in a file you share from here.")
                .font(.body)
            if let error = state.errorText {
                MessageView(text: error, isError: true)
            }
            if let restored = state.restored {
                MessageView(text: "Restored: \(restored.added) added, \(restored.updated) updated, \(restored.unchanged) unchanged.", isError: false)
            }
            if state.busy {
                ProgressView().accessibilityLabel("Working")
            }
            Section("Clinician report") {
                if let period = state.periodText {
                    Text(period)
                }
                if let question = state.question {
                    Text("Your question for the visit: \(question)")
                }
                TextField("Your name on the report (optional)", text: Binding(get: { state.patientName }, set: { model.setPatientName($0) }))
                Toggle("Include my notes", isOn: Binding(get: { state.includeNotes }, set: { model.setIncludeNotes($0) }))
                Toggle("Add page 2: the detail and all notes", isOn: Binding(get: { state.detailPage }, set: { model.setDetailPage($0) }))
                Button("Share the report (PDF)") { model.shareReport() }
                    .buttonStyle(BigButtonStyle(emphasis: true))
                    .disabled(state.busy)
                    .accessibilityLabel("Create the one-page clinician report and share it")
                Button("Share spreadsheet tables (CSV)") { model.shareCsv() }
                    .buttonStyle(BigButtonStyle())
                    .disabled(state.busy)
                    .accessibilityLabel("Create the spreadsheet tables as a zip file and share them")
            }
            Section("Backup") {
                Text("A backup holds everything, to restore on this or another phone.").font(.body)
                Button("Save a backup") { model.shareBackup() }
                    .buttonStyle(BigButtonStyle())
                    .disabled(state.busy)
                    .accessibilityLabel("Create a backup file and share or save it")
                Button("Restore a backup") { picking = true }
                    .buttonStyle(BigButtonStyle(minHeight: Theme.formTarget))
                    .disabled(state.busy)
                    .accessibilityLabel("Pick a backup file to restore; entries are merged, nothing is lost")
            }
        }
        .navigationTitle("Share and backup")
        .onAppear { model.load() }
        .sheet(item: Binding(get: { state.ready }, set: { if $0 == nil { model.shared() } })) { file in
            ShareSheet(items: [file.url])
        }
        .fileImporter(isPresented: $picking, allowedContentTypes: [UTType.zip, UTType.json, UTType.data]) { result in
            model.restore { try TemporaryExports.read(try result.get()) }
        }
    }
}

/// Exports go to the app's temporary folder, each in its own folder: an earlier file may still
/// be read by a slow share target, so it is never replaced; the share sheet removes it when done.
struct TemporaryExports: ExportSink {
    func write(fileName: String, mimeType: String, bytes: Data) throws -> ExportedFile {
        let exports = FileManager.default.temporaryDirectory.appendingPathComponent("exports", isDirectory: true)
        TemporaryExports.removeOld(in: exports)
        let folder = exports.appendingPathComponent(UUID().uuidString, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(fileName)
        try bytes.write(to: url, options: .completeFileProtection)
        return ExportedFile(url: url, mimeType: mimeType)
    }

    /// The bytes of a file the person picked (outside the app's sandbox).
    static func read(_ url: URL) throws -> Data {
        let scoped = url.startAccessingSecurityScopedResource()
        defer {
            if scoped {
                url.stopAccessingSecurityScopedResource()
            }
        }
        return try Data(contentsOf: url)
    }

    /// Removes export folders older than a day (left when the app was closed during a share).
    private static func removeOld(in exports: URL) {
        let manager = FileManager.default
        let cutoff = Date().addingTimeInterval(-24 * 60 * 60)
        let folders = (try? manager.contentsOfDirectory(at: exports, includingPropertiesForKeys: [.contentModificationDateKey])) ?? []
        for folder in folders {
            let modified = (try? folder.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate
            if let modified = modified, modified < cutoff {
                try? manager.removeItem(at: folder)
            }
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
