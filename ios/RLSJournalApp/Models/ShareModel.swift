import Combine
import Foundation
import RLSJournal

/// Share and restore, mirroring `SharePresenter`. Each button is one core call:
/// `reportPdf(options:)`, `csvZip(includeNotes:)`, `backupZip()`; restoring is
/// `importBackup(bytes:)` (all or nothing, merged by id). The bytes go to the `sink`.
@MainActor
final class ShareModel: ObservableObject {
    /// The file names of the report, the CSV tables and the backup.
    static let reportFileName = "rls-journal-report.pdf"
    static let csvFileName = "rls-journal-tables.zip"
    static let backupFileName = "rls-journal-backup.zip"

    /// What the Share screen shows (the Kotlin `ShareState`).
    struct State {
        /// Print the person's notes in the report and the CSV tables (off by default: privacy).
        var includeNotes = false
        /// Add page 2 to the report: the detail and every note (off by default: page 1 stands alone).
        var detailPage = false
        /// The report's default period ("since the last visit"), as the core words it.
        var periodText: String?
        /// The exact ranges compared ("12 Oct – 30 Nov 2025 vs 23 Aug – 11 Oct 2025"), or nil.
        var comparisonText: String?
        /// The person's question for the next visit, printed at the top of the report; nil if none.
        var question: String?
        /// A name to print on the report (optional).
        var patientName = ""
        var busy = false
        /// The file to hand to the share sheet next.
        var ready: ExportedFile?
        /// What the last restore did (added, updated, unchanged).
        var restored: ImportSummary?
        var error: Error?

        var errorText: String? { error.map(sentenceOf) }
    }

    @Published private(set) var state = State()
    private let openStore: StoreSource
    private let sink: ExportSink

    init(sink: ExportSink, openStore: @escaping StoreSource = appStore) {
        self.sink = sink
        self.openStore = openStore
    }

    /// Reads the report's default period ("since the last visit") from the core's `visitPeriod()`.
    func load() {
        Task { @MainActor in
            let failure = await attempt {
                let period = try await openStore().read { journal in try journal.visitPeriod() }
                state.periodText = period.text
                state.comparisonText = period.comparison.isEmpty ? nil : period.comparison
                state.question = period.nextVisit?.data.question
            }
            if let failure {
                state.error = failure
            }
        }
    }

    func setIncludeNotes(_ value: Bool) {
        state.includeNotes = value
    }

    func setDetailPage(_ value: Bool) {
        state.detailPage = value
    }

    func setPatientName(_ value: String) {
        state.patientName = value
    }

    func shareReport() {
        let name = state.patientName.trimmingCharacters(in: .whitespaces)
        let options = ReportOptions(
            range: nil,
            paperSize: nil,
            includeNotes: state.includeNotes,
            patientName: name.isEmpty ? nil : state.patientName,
            detailPage: state.detailPage
        )
        export(ShareModel.reportFileName, "application/pdf") { journal in try journal.reportPdf(options: options) }
    }

    func shareCsv() {
        let notes = state.includeNotes
        export(ShareModel.csvFileName, "application/zip") { journal in try journal.csvZip(includeNotes: notes) }
    }

    func shareBackup() {
        export(ShareModel.backupFileName, "application/zip") { journal in try journal.backupZip() }
    }

    /// The share sheet was shown.
    func shared() {
        state.ready = nil
    }

    /// Restores a backup the person picked (its bytes, read by `bytes`, whose failure is shown
    /// like the core's): all or nothing, merged by id.
    func restore(bytes read: @escaping () throws -> Data) {
        run { store in
            let bytes = try read()
            let result = try await store.write { journal in try journal.importBackup(bytes: bytes) }
            self.state.restored = result
        }
    }

    private func export(_ name: String, _ mimeType: String, _ produce: @escaping @Sendable (Journal) throws -> Data) {
        run { store in
            let bytes = try await store.read(produce)
            self.state.ready = try self.sink.write(fileName: name, mimeType: mimeType, bytes: bytes)
        }
    }

    private func run(_ body: @escaping (JournalStore) async throws -> Void) {
        state.busy = true
        state.error = nil
        state.restored = nil
        Task { @MainActor in
            let failure = await attempt { try await body(try await openStore()) }
            state.busy = false
            state.error = failure
        }
    }
}
