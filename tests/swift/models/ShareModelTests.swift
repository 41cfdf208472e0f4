// ShareModel (ios/RLSJournalApp/Models/ShareModel.swift) through the real core: the Swift twins
// of the Kotlin `share…` presenter tests (tests/kotlin/…/PresenterTests.kt). The exports go
// through an ExportSink that writes into the test's own folder; the tests read those files back.
// The Kotlin tests run pdftotext on the report; there is none in the Swift chroot, so `PdfText`
// below reads the report's text itself: it inflates the page streams and maps the glyph codes
// back to text through each font's /ToUnicode map (the map the core writes so text extracts
// exactly). The files stay in the temporary folder, where pdftotext on the host reads the same.

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

/// A zlib stream inflated (RFC 1950/1951), as a PDF's /FlateDecode streams need: enough to read
/// the report's text back in a test, without a zlib binding in the chroot.
private struct Inflater {
    struct Damaged: Error {}

    /// Canonical Huffman code: how many codes of each length, and the symbols in code order.
    struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int]

        init(lengths: [Int]) {
            symbols = [Int](repeating: 0, count: lengths.count)
            for length in lengths {
                counts[length] += 1
            }
            counts[0] = 0
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<15 {
                offsets[length + 1] = offsets[length] + counts[length]
            }
            for (symbol, length) in lengths.enumerated() where length != 0 {
                symbols[offsets[length]] = symbol
                offsets[length] += 1
            }
        }
    }

    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    private let input: [UInt8]
    private var position = 2 // after the zlib header
    private var buffer = 0
    private var count = 0
    private var output: [UInt8] = []

    static func inflate(_ zlib: [UInt8]) throws -> [UInt8] {
        var inflater = Inflater(input: zlib)
        return try inflater.run()
    }

    private init(input: [UInt8]) {
        self.input = input
    }

    private mutating func bits(_ n: Int) throws -> Int {
        while count < n {
            guard position < input.count else {
                throw Damaged()
            }
            buffer |= Int(input[position]) << count
            position += 1
            count += 8
        }
        let value = buffer & ((1 << n) - 1)
        buffer >>= n
        count -= n
        return value
    }

    private mutating func decode(_ huffman: Huffman) throws -> Int {
        var code = 0
        var first = 0
        var index = 0
        for length in 1...15 {
            code |= try bits(1)
            let n = huffman.counts[length]
            if code - n < first {
                return huffman.symbols[index + code - first]
            }
            index += n
            first = (first + n) << 1
            code <<= 1
        }
        throw Damaged()
    }

    private mutating func run() throws -> [UInt8] {
        var last = 0
        while last == 0 {
            last = try bits(1)
            switch try bits(2) {
            case 0:
                buffer = 0
                count = 0
                guard position + 4 <= input.count else {
                    throw Damaged()
                }
                let length = Int(input[position]) | Int(input[position + 1]) << 8
                position += 4
                guard position + length <= input.count else {
                    throw Damaged()
                }
                output += input[position..<position + length]
                position += length
            case 1:
                let literal = [Int](repeating: 8, count: 144) + [Int](repeating: 9, count: 112)
                    + [Int](repeating: 7, count: 24) + [Int](repeating: 8, count: 8)
                try codes(Huffman(lengths: literal), Huffman(lengths: [Int](repeating: 5, count: 30)))
            case 2:
                let literals = try bits(5) + 257
                let distances = try bits(5) + 1
                let codeLengths = try bits(4) + 4
                var lengths = [Int](repeating: 0, count: 19)
                for i in 0..<codeLengths {
                    lengths[Inflater.codeLengthOrder[i]] = try bits(3)
                }
                let lengthCode = Huffman(lengths: lengths)
                var all: [Int] = []
                while all.count < literals + distances {
                    let symbol = try decode(lengthCode)
                    switch symbol {
                    case 0..<16: all.append(symbol)
                    case 16:
                        guard let previous = all.last else {
                            throw Damaged()
                        }
                        all += [Int](repeating: previous, count: 3 + (try bits(2)))
                    case 17: all += [Int](repeating: 0, count: 3 + (try bits(3)))
                    default: all += [Int](repeating: 0, count: 11 + (try bits(7)))
                    }
                }
                try codes(Huffman(lengths: Array(all[0..<literals])), Huffman(lengths: Array(all[literals..<literals + distances])))
            default:
                throw Damaged()
            }
        }
        return output
    }

    private mutating func codes(_ literal: Huffman, _ distance: Huffman) throws {
        while true {
            let symbol = try decode(literal)
            if symbol < 256 {
                output.append(UInt8(symbol))
            } else if symbol == 256 {
                return
            } else {
                let l = symbol - 257
                guard l < Inflater.lengthBase.count else {
                    throw Damaged()
                }
                let length = Inflater.lengthBase[l] + (try bits(Inflater.lengthExtra[l]))
                let d = try decode(distance)
                guard d < Inflater.distanceBase.count else {
                    throw Damaged()
                }
                let back = Inflater.distanceBase[d] + (try bits(Inflater.distanceExtra[d]))
                guard back <= output.count else {
                    throw Damaged()
                }
                for _ in 0..<length {
                    output.append(output[output.count - back])
                }
            }
        }
    }
}

/// The text of a PDF the core wrote, one string per text-showing operator, page by page: the
/// page streams inflated, each font's two-byte glyph codes mapped through its /ToUnicode map.
private struct PdfText {
    /// What each `Tj`/`TJ` showed, in page order.
    let shown: [String]

    /// All of it, one space between shows and between words.
    var words: String {
        return shown.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    init(_ data: Data) throws {
        let bytes = [UInt8](data)
        let objects = PdfText.objects(bytes)
        // Each font resource name on the pages (/F1 6 0 R …) to its /ToUnicode map.
        var maps: [String: [Int: String]] = [:]
        var contents: [Int] = []
        for (_, object) in objects.sorted(by: { $0.key < $1.key }) {
            let dict = String(decoding: object.dict, as: UTF8.self)
            guard dict.contains("/Type /Page\n") || dict.contains("/Type /Page ") else {
                continue
            }
            contents += PdfText.numbers(after: "/Contents ", in: dict)
            for (name, ref) in PdfText.fontRefs(dict) where maps[name] == nil {
                let font = String(decoding: objects[ref]?.dict ?? [], as: UTF8.self)
                guard let cmapRef = PdfText.numbers(after: "/ToUnicode ", in: font).first,
                      let stream = objects[cmapRef]?.stream else {
                    continue
                }
                maps[name] = PdfText.cmap(String(decoding: try Inflater.inflate(stream), as: UTF8.self))
            }
        }
        var shown: [String] = []
        for ref in contents {
            guard let stream = objects[ref]?.stream else {
                continue
            }
            shown += PdfText.show(try Inflater.inflate(stream), maps: maps)
        }
        self.shown = shown
    }

    /// Every `N 0 obj … endobj`: its dictionary bytes and its stream's bytes (if any).
    private static func objects(_ bytes: [UInt8]) -> [Int: (dict: [UInt8], stream: [UInt8]?)] {
        var result: [Int: (dict: [UInt8], stream: [UInt8]?)] = [:]
        let marker = Array(" 0 obj".utf8)
        var i = 0
        while let at = find(marker, in: bytes, from: i) {
            var start = at
            while start > 0, bytes[start - 1] >= 0x30, bytes[start - 1] <= 0x39 {
                start -= 1
            }
            let number = Int(String(decoding: bytes[start..<at], as: UTF8.self)) ?? -1
            let bodyStart = at + marker.count
            let end = find(Array("endobj".utf8), in: bytes, from: bodyStart) ?? bytes.count
            if let s = find(Array("stream\n".utf8), in: bytes, from: bodyStart), s < end,
               let e = find(Array("endstream".utf8), in: bytes, from: s) {
                var stop = e
                if stop > s + 7, bytes[stop - 1] == 0x0A {
                    stop -= 1
                }
                result[number] = (Array(bytes[bodyStart..<s]), Array(bytes[(s + 7)..<stop]))
            } else {
                result[number] = (Array(bytes[bodyStart..<end]), nil)
            }
            i = end
        }
        return result
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count, from <= bytes.count - needle.count else {
            return nil
        }
        var i = from
        while i <= bytes.count - needle.count {
            if bytes[i] == needle[0], Array(bytes[i..<i + needle.count]) == needle {
                return i
            }
            i += 1
        }
        return nil
    }

    /// The object numbers referenced right after `key` (`/Contents 4 0 R`, or an array of them).
    private static func numbers(after key: String, in dict: String) -> [Int] {
        guard let range = dict.range(of: key) else {
            return []
        }
        let rest = dict[range.upperBound...]
        let value = rest.hasPrefix("[") ? String(rest.prefix { $0 != "]" }) : String(rest.prefix { $0 != "R" })
        let words = value.split { $0 == " " || $0 == "[" || $0 == "\n" }
        return stride(from: 0, to: words.count - 1, by: 2).compactMap { Int(words[$0]) }
    }

    /// The `/Name N 0 R` pairs inside a page's `/Font << … >>`.
    private static func fontRefs(_ dict: String) -> [(String, Int)] {
        guard let font = dict.range(of: "/Font <<"),
              let close = dict[font.upperBound...].range(of: ">>") else {
            return []
        }
        let words = dict[font.upperBound..<close.lowerBound].split { $0 == " " || $0 == "\n" }
        var pairs: [(String, Int)] = []
        var i = 0
        while i + 3 < words.count + 1, i < words.count {
            if words[i].hasPrefix("/"), i + 1 < words.count, let ref = Int(words[i + 1]) {
                pairs.append((String(words[i].dropFirst()), ref))
                i += 4
            } else {
                i += 1
            }
        }
        return pairs
    }

    /// A /ToUnicode CMap's `bfchar` and `bfrange` entries: glyph code to text.
    private static func cmap(_ text: String) -> [Int: String] {
        var map: [Int: String] = [:]
        var mode = ""
        for line in text.split(separator: "\n") {
            if line.hasSuffix("beginbfchar") || line.hasSuffix("beginbfrange") {
                mode = line.hasSuffix("beginbfchar") ? "char" : "range"
                continue
            }
            if line.hasPrefix("end") {
                mode = ""
                continue
            }
            let hex = line.split { $0 == "<" || $0 == ">" || $0 == " " }.map(String.init)
            if mode == "char", hex.count >= 2, let code = Int(hex[0], radix: 16) {
                map[code] = utf16(hex[1])
            } else if mode == "range", hex.count >= 3, let low = Int(hex[0], radix: 16),
                      let high = Int(hex[1], radix: 16), let first = Int(hex[2], radix: 16), low <= high {
                for code in low...high {
                    map[code] = UnicodeScalar(first + code - low).map { String(Character($0)) } ?? ""
                }
            }
        }
        return map
    }

    private static func utf16(_ hex: String) -> String {
        var units: [UInt16] = []
        var i = hex.startIndex
        while let j = hex.index(i, offsetBy: 4, limitedBy: hex.endIndex), i < hex.endIndex {
            units.append(UInt16(hex[i..<j], radix: 16) ?? 0xFFFD)
            i = j
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// What one content stream shows: its strings, decoded through the font set by the last `Tf`.
    private static func show(_ content: [UInt8], maps: [String: [Int: String]]) -> [String] {
        var shown: [String] = []
        var current = ""
        var font: [Int: String] = [:]
        var lastName = ""
        var i = 0
        func isDelimiter(_ b: UInt8) -> Bool {
            return b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || "()<>[]/".utf8.contains(b)
        }
        func decode(_ codes: [UInt8]) {
            var k = 0
            while k + 1 < codes.count {
                current += font[Int(codes[k]) << 8 | Int(codes[k + 1])] ?? ""
                k += 2
            }
        }
        while i < content.count {
            let b = content[i]
            if b == 0x28 { // ( literal string )
                var depth = 1
                var string: [UInt8] = []
                i += 1
                while i < content.count, depth > 0 {
                    let c = content[i]
                    if c == 0x5C, i + 1 < content.count { // backslash
                        let e = content[i + 1]
                        i += 2
                        switch e {
                        case UInt8(ascii: "n"): string.append(0x0A)
                        case UInt8(ascii: "r"): string.append(0x0D)
                        case UInt8(ascii: "t"): string.append(0x09)
                        case UInt8(ascii: "b"): string.append(0x08)
                        case UInt8(ascii: "f"): string.append(0x0C)
                        case 0x30...0x37:
                            var value = Int(e - 0x30)
                            var digits = 1
                            while digits < 3, i < content.count, (0x30...0x37).contains(content[i]) {
                                value = value * 8 + Int(content[i] - 0x30)
                                i += 1
                                digits += 1
                            }
                            string.append(UInt8(value & 0xFF))
                        case 0x0A: break
                        default: string.append(e)
                        }
                        continue
                    }
                    if c == 0x28 {
                        depth += 1
                    } else if c == 0x29 {
                        depth -= 1
                        if depth == 0 {
                            i += 1
                            break
                        }
                    }
                    string.append(c)
                    i += 1
                }
                decode(string)
            } else if b == 0x3C, i + 1 < content.count, content[i + 1] != 0x3C { // <hex>
                var j = i + 1
                var hex = ""
                while j < content.count, content[j] != 0x3E {
                    hex.append(Character(UnicodeScalar(content[j])))
                    j += 1
                }
                i = j + 1
                let digits = Array(hex.filter(\.isHexDigit))
                decode(stride(from: 0, to: digits.count - 1, by: 2).compactMap { UInt8(String(digits[$0...$0 + 1]), radix: 16) })
            } else if isDelimiter(b) && b != 0x2F {
                i += 1
            } else {
                var j = i + 1
                while j < content.count, !isDelimiter(content[j]) {
                    j += 1
                }
                let token = String(decoding: content[i..<j], as: UTF8.self)
                i = j
                if token.hasPrefix("/") {
                    lastName = String(token.dropFirst())
                } else if token == "Tf" {
                    font = maps[lastName] ?? [:]
                } else if token == "Tj" || token == "TJ" || token == "'" || token == "\"" {
                    shown.append(current)
                    current = ""
                }
            }
        }
        return shown
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
        let bytes = try Data(contentsOf: ready.url)
        let pdf = PdfFacts(bytes)
        XCTAssertTrue(pdf.header && pdf.trailer)
        let text = try PdfText(bytes).words
        XCTAssertTrue(text.contains("Patient's question for this visit: Could the dose move earlier?"), "the question is printed: \(text)")
        XCTAssertTrue(text.contains(try XCTUnwrap(model.state.periodText?.components(separatedBy: ":").first)), "the period is the report's: \(text)")
        XCTAssertTrue(text.contains("Since the last visit on"), text)
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
        let named = try PdfText(bytes)
        XCTAssertTrue(named.words.contains("Patient: Ada Example"), "the name is printed: \(named.words)")
        let irls = try XCTUnwrap(JournalSamples.allItems(file).compactMap { item -> SeverityRating? in
            if case let .severityRating(rating: rating) = item.entry { return rating }
            return nil
        }.first)
        XCTAssertTrue(named.shown.contains { $0.trimmingCharacters(in: .whitespaces) == String(irls.data.irlsTotal) }, "the latest IRLS total is printed")
        XCTAssertFalse(named.words.contains("Page 2"), "no page 2 unless asked")

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
        let unnamed = try PdfText(try Data(contentsOf: detailed.url)).words
        XCTAssertTrue(unnamed.contains("Page 2: the detail"), unnamed)
        XCTAssertFalse(unnamed.contains("Ada Example"), "a blank name prints no name")
        XCTAssertFalse(unnamed.contains("Patient:"), "a blank name prints no name")
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
