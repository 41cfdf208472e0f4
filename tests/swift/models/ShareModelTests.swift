// ShareModel (ios/RLSJournalApp/Models/ShareModel.swift) through the real core: the Swift twins
// of the Kotlin `share…` presenter tests (tests/kotlin/…/PresenterTests.kt). The exports go
// through an ExportSink that writes into the test's own folder; the tests read those files back.
// (The Kotlin tests also run pdftotext on the report; it is not in the Swift chroot, and the
// report's text is deflated, so here the PDF is checked by its structure: header, trailer, page
// count. The files stay in the temporary folder, where pdftotext on the host can read them.)

import Foundation
import RLSJournal
import XCTest

/// Writes each export into its own folder under `folder` and remembers what it wrote.
private final class FolderSink: ExportSink {
    let folder: URL
    private(set) var written: [ExportedFile] = []

    init(folder: URL) {
        self.folder = folder
    }

    func write(fileName: String, mimeType: String, bytes: Data) throws -> ExportedFile {
        let own = folder.appendingPathComponent("export-\(written.count)", isDirectory: true)
        try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
        let url = own.appendingPathComponent(fileName)
        try bytes.write(to: url)
        let file = ExportedFile(url: url, mimeType: mimeType)
        written.append(file)
        return file
    }
}

/// What a test can see in a PDF's bytes without inflating its streams.
private struct PdfFacts {
    let header: Bool
    let trailer: Bool
    let pages: Int?

    init(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        header = data.starts(with: Array("%PDF-".utf8))
        trailer = text.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("%%EOF")
        // The page tree's `/Count n` (the catalog's pages object, written in the clear).
        pages = text.range(of: #"/Count [0-9]+"#, options: .regularExpression)
            .flatMap { Int(text[$0].dropFirst("/Count ".count)) }
    }
}

/// Someone else's journal, seeded, for its backup.
@MainActor
private func seededBackup() async throws -> (bytes: Data, ids: Set<String>) {
    let other = try await JournalSamples.pair()
    try JournalSamples.seed(other.file)
    return (try other.file.backupZip(), Set(try JournalSamples.allItems(other.file).map(\.id)))
}

final class ShareModelTests: XCTestCase {
    @MainActor
    func testLoadShowsTheSinceLastVisitPeriodAndTheQuestionAndTheReportIsMade() async throws {
        let (store, file, folder) = try await JournalSamples.pair()
        let today = Date()
        let day: TimeInterval = 24 * 60 * 60
        _ = try file.addVisit(data: VisitData(visitOn: LocalDates.localDate(today - 30 * day), clinician: nil, question: nil, note: nil))
        _ = try file.addVisit(data: VisitData(
            visitOn: LocalDates.localDate(today + 2 * day), clinician: "Dr Rossi",
            question: "Could the dose move earlier?", note: nil
        ))
        let model = ShareModel(sink: FolderSink(folder: folder), openStore: { store })
        XCTAssertNil(model.state.periodText)
        model.load()
        await settle { model.state.periodText != nil || model.state.error != nil }
        XCTAssertNil(model.state.error)
        let period = try file.visitPeriod()
        XCTAssertEqual(period.basis, .sinceLastVisit)
        XCTAssertEqual(model.state.periodText, period.text)
        XCTAssertTrue(model.state.periodText?.hasPrefix("Since the last visit on") ?? false, "\(String(describing: model.state.periodText))")
        XCTAssertEqual(model.state.comparisonText, period.comparison)
        XCTAssertTrue(model.state.comparisonText?.contains(" vs ") ?? false)
        XCTAssertEqual(model.state.question, "Could the dose move earlier?")

        model.shareReport()
        await settle { !model.state.busy }
        XCTAssertNil(model.state.error)
        let ready = try XCTUnwrap(model.state.ready)
        let pdf = PdfFacts(try Data(contentsOf: ready.url))
        XCTAssertTrue(pdf.header && pdf.trailer)
    }

    @MainActor
    func testLoadWithoutAPastVisitHasNoComparisonOrQuestion() async throws {
        let (store, file, folder) = try await JournalSamples.pair()
        let model = ShareModel(sink: FolderSink(folder: folder), openStore: { store })
        model.load()
        await settle { model.state.periodText != nil || model.state.error != nil }
        let period = try file.visitPeriod()
        XCTAssertEqual(period.basis, .noPastVisit)
        XCTAssertEqual(model.state.periodText, period.text)
        XCTAssertEqual(model.state.comparisonText, period.comparison.isEmpty ? nil : period.comparison)
        XCTAssertNil(model.state.question)
    }

    @MainActor
    func testReportIsAPdfOfOnePageOrTwoWithTheDetail() async throws {
        let (store, file, folder) = try await JournalSamples.pair()
        try JournalSamples.seed(file)
        let sink = FolderSink(folder: folder)
        let model = ShareModel(sink: sink, openStore: { store })
        XCTAssertFalse(model.state.includeNotes, "notes are off by default")
        XCTAssertFalse(model.state.detailPage, "page 1 stands alone by default")
        model.setPatientName("Ada Example")
        XCTAssertEqual(model.state.patientName, "Ada Example")

        model.shareReport()
        XCTAssertTrue(model.state.busy)
        await settle { !model.state.busy }
        XCTAssertNil(model.state.error)
        let ready = try XCTUnwrap(model.state.ready)
        XCTAssertEqual(ready.mimeType, "application/pdf")
        XCTAssertEqual(ready.url.lastPathComponent, ShareModel.reportFileName)
        XCTAssertEqual(sink.written.map(\.url), [ready.url], "the sink got the report")
        let bytes = try Data(contentsOf: ready.url)
        let onePage = PdfFacts(bytes)
        XCTAssertTrue(onePage.header, "a PDF starts with %PDF-")
        XCTAssertTrue(onePage.trailer, "and ends with %%EOF")
        XCTAssertEqual(onePage.pages, 1)
        XCTAssertGreaterThan(bytes.count, 10_000, "a page with its fonts")

        model.shared()
        XCTAssertNil(model.state.ready)

        model.setDetailPage(true)
        model.setIncludeNotes(true)
        XCTAssertTrue(model.state.detailPage)
        XCTAssertTrue(model.state.includeNotes)
        model.setPatientName(" ")
        model.shareReport()
        await settle { !model.state.busy }
        XCTAssertNil(model.state.error)
        let detailed = try XCTUnwrap(model.state.ready)
        XCTAssertNotEqual(detailed.url, ready.url)
        let twoPages = PdfFacts(try Data(contentsOf: detailed.url))
        XCTAssertTrue(twoPages.header && twoPages.trailer)
        XCTAssertEqual(twoPages.pages, 2, "detailPage adds page 2")
        XCTAssertEqual(sink.written.count, 2)
    }

    @MainActor
    func testCsvAndBackupAreTheCoresZips() async throws {
        let (store, file, folder) = try await JournalSamples.pair()
        try JournalSamples.seed(file)
        let model = ShareModel(sink: FolderSink(folder: folder), openStore: { store })

        model.shareCsv()
        await settle { !model.state.busy }
        XCTAssertNil(model.state.error)
        let csv = try XCTUnwrap(model.state.ready)
        XCTAssertEqual(csv.mimeType, "application/zip")
        XCTAssertEqual(csv.url.lastPathComponent, ShareModel.csvFileName)
        let withoutNotes = try Data(contentsOf: csv.url)
        XCTAssertEqual(String(decoding: withoutNotes.prefix(2), as: UTF8.self), "PK")
        XCTAssertEqual(withoutNotes, try file.csvZip(includeNotes: false), "notes off: the core's tables without notes")

        model.setIncludeNotes(true)
        model.shareCsv()
        await settle { !model.state.busy }
        let withNotes = try Data(contentsOf: try XCTUnwrap(model.state.ready).url)
        XCTAssertEqual(withNotes, try file.csvZip(includeNotes: true), "notes on: the core's tables with notes")
        XCTAssertNotEqual(withNotes, withoutNotes)

        model.shareBackup()
        await settle { !model.state.busy }
        XCTAssertNil(model.state.error)
        let backup = try XCTUnwrap(model.state.ready)
        XCTAssertEqual(backup.mimeType, "application/zip")
        XCTAssertEqual(backup.url.lastPathComponent, ShareModel.backupFileName)
        let backupBytes = try Data(contentsOf: backup.url)
        XCTAssertEqual(String(decoding: backupBytes.prefix(2), as: UTF8.self), "PK")
        // The backup is the whole journal: a new journal restored from it holds every entry.
        let fresh = try await JournalSamples.pair()
        let summary = try fresh.file.importBackup(bytes: backupBytes)
        XCTAssertEqual(Int(summary.added), try JournalSamples.allItems(file).count)
        XCTAssertEqual(try JournalSamples.allItems(fresh.file).map(\.id), try JournalSamples.allItems(file).map(\.id))
    }

    @MainActor
    func testRestoreBringsABackupIntoAnotherJournal() async throws {
        let (bytes, ids) = try await seededBackup()
        let (store, file, folder) = try await JournalSamples.pair()
        let model = ShareModel(sink: FolderSink(folder: folder), openStore: { store })
        model.restore { bytes }
        XCTAssertTrue(model.state.busy)
        await settle { !model.state.busy }
        XCTAssertNil(model.state.error)
        let restored = try XCTUnwrap(model.state.restored)
        XCTAssertEqual(Int(restored.added), ids.count)
        XCTAssertEqual(restored.updated, 0)
        XCTAssertEqual(Set(try JournalSamples.allItems(file).map(\.id)), ids)
        XCTAssertEqual(Set(store.history.map(\.id)), ids, "the store re-read after the write")

        // The same backup again: merged by id, nothing added.
        model.restore { bytes }
        await settle { !model.state.busy }
        let again = try XCTUnwrap(model.state.restored)
        XCTAssertEqual(again.added, 0)
        XCTAssertEqual(Int(again.unchanged), ids.count)
        XCTAssertEqual(try JournalSamples.allItems(file).count, ids.count)
    }

    @MainActor
    func testRejectedBackupLeavesTheJournalUnchangedAndSaysWhy() async throws {
        let (store, file, folder) = try await JournalSamples.pair()
        try JournalSamples.seed(file)
        let before = try JournalSamples.allItems(file)
        let model = ShareModel(sink: FolderSink(folder: folder), openStore: { store })
        model.restore { Data("not a backup".utf8) }
        await settle { !model.state.busy }
        let error = try XCTUnwrap(model.state.error as? JournalError, "the core's typed error")
        XCTAssertEqual(model.state.errorText, errorMessage(error: error))
        XCTAssertFalse(model.state.errorText?.trimmingCharacters(in: .whitespaces).isEmpty ?? true)
        XCTAssertNil(model.state.restored)
        XCTAssertFalse(model.state.busy)
        XCTAssertEqual(try JournalSamples.allItems(file), before)

        // A file that cannot be read: the app's own words, nothing changed; the next action clears it.
        struct Unreadable: Error {}
        model.restore { throw Unreadable() }
        await settle { !model.state.busy }
        XCTAssertTrue(model.state.error is Unreadable)
        XCTAssertTrue(model.state.errorText?.hasPrefix("Something went wrong") ?? false)
        XCTAssertEqual(try JournalSamples.allItems(file), before)
        model.shareBackup()
        XCTAssertNil(model.state.error, "a new action clears the last error")
        await settle { !model.state.busy }
        XCTAssertNil(model.state.error)
        XCTAssertNotNil(model.state.ready)
    }

    @MainActor
    func testAFailingSinkShowsItsErrorAndNothingIsReady() async throws {
        struct Full: Error {}
        final class FullSink: ExportSink {
            func write(fileName: String, mimeType: String, bytes: Data) throws -> ExportedFile {
                throw Full()
            }
        }
        let (store, file, _) = try await JournalSamples.pair()
        try JournalSamples.seed(file)
        let model = ShareModel(sink: FullSink(), openStore: { store })
        model.shareBackup()
        await settle { !model.state.busy }
        XCTAssertTrue(model.state.error is Full)
        XCTAssertNil(model.state.ready)
    }
}
