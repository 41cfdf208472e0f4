package org.rlsjournal.tests

import java.io.ByteArrayInputStream
import java.io.IOException
import java.nio.file.Files
import java.util.concurrent.TimeUnit
import java.util.zip.ZipInputStream
import kotlin.math.abs
import kotlin.test.assertContentEquals
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertNotEquals
import kotlin.test.assertTrue
import kotlin.test.fail
import org.rlsjournal.core.Analyte
import org.rlsjournal.core.CsvTable
import org.rlsjournal.core.EntryKind
import org.rlsjournal.core.ExposureKind
import org.rlsjournal.core.ImportSummary
import org.rlsjournal.core.Journal
import org.rlsjournal.core.JournalException
import org.rlsjournal.core.NightRange
import org.rlsjournal.core.PaperSize
import org.rlsjournal.core.ReliefData
import org.rlsjournal.core.ReliefMethod
import org.rlsjournal.core.ReportOptions
import org.rlsjournal.core.TreatmentCategory

// A small fixture journal: the seven nights Mon 2 – Sun 8 March 2026 (CET, +01:00).

/** A note that needs every RFC 4180 rule: a comma, a double quote and a line break. */
private const val TRICKY_NOTE = "Walked the hall, then \"stretched\"\nsecond line"

/** The fixture's range. */
private val WEEK = NightRange(date("2026-03-02"), date("2026-03-08"))

/** Rows the fixture logs in each CSV table (live records only). */
private val FIXTURE_ROWS = linkedMapOf(
    "episodes.csv" to 3,
    "relief_attempts.csv" to 1,
    "sleep_diary.csv" to 7,
    "exposures.csv" to 2,
    "treatments.csv" to 1,
    "doses.csv" to 2,
    "lab_results.csv" to 1,
    "severity_ratings.csv" to 1,
    "no_symptoms.csv" to 0,
    "visits.csv" to 0,
    "safety_checks.csv" to 0,
)

/** Records in the fixture's backup: the live rows above plus one deleted exposure. */
private val FIXTURE_RECORDS = FIXTURE_ROWS.values.sum() + 1

/** The header row of each table (core/src/export/csv.rs). */
private val HEADERS = mapOf(
    "episodes.csv" to "id,night,started_local,started_utc_offset,ended_local,ended_utc_offset,duration_minutes," +
        "peak_intensity,latency_minutes,setting,side,body_areas,sensations,woke_from_sleep,note",
    "relief_attempts.csv" to "id,episode_id,night,at_local,at_utc_offset,method,helped,helped_words,minutes_to_relief",
    "sleep_diary.csv" to "id,night,got_into_bed_local,got_into_bed_utc_offset,tried_to_sleep_local," +
        "tried_to_sleep_utc_offset,sleep_onset_minutes,awakenings,wake_after_sleep_onset_minutes," +
        "final_awakening_local,final_awakening_utc_offset,out_of_bed_local,out_of_bed_utc_offset," +
        "time_in_bed_minutes,total_sleep_minutes,sleep_efficiency_percent,quality,note",
    "exposures.csv" to "id,night,at_local,at_utc_offset,kind,amount,unit,note",
    "treatments.csv" to "id,name,category,dose,dose_unit,started_on,stopped_on,note,times_per_day,dose_changes",
    "doses.csv" to "id,night,treatment_id,treatment_name,at_local,at_utc_offset,amount",
    "lab_results.csv" to "id,taken_on,analyte,value,unit,note",
    "severity_ratings.csv" to "id,rated_on,irls_total,band,note",
    "no_symptoms.csv" to "id,night_of,answered_local,answered_utc_offset",
    "visits.csv" to "id,visit_on,clinician,question,note",
    "safety_checks.csv" to "id,checked_on,gambling,shopping,eating,sexual,falling_asleep,note",
)

/**
 * Fills the fixture: a diary every night (TIB 500, TST 410 → SE 82 %), episodes on the 2nd
 * (peak 6, with [TRICKY_NOTE] and a walking relief), 4th (4) and 6th (8), all at 23:30 for 60 min;
 * caffeine on the 2nd and 3rd (a third exposure is deleted); magnesium since 1 Feb with two doses;
 * ferritin 38 µg/L on the 5th; IRLS 22 on the 7th. Symptoms on 3 of 7 observed nights: 3.0 per week.
 */
private fun Journal.fillWeek() {
    for (i in 0L until 7L) addSleepDiary(sleepData(night = date("2026-03-02").plusDays(i).toString()))
    val first = addEpisode(episodeData("2026-03-02T23:30:00+01:00", peak = 6, minutes = 60, note = TRICKY_NOTE))
    addReliefAttempt(first.id, ReliefData(ReliefMethod.Walking, 2, 15, moment("2026-03-02T23:45:00+01:00")))
    addEpisode(episodeData("2026-03-04T23:30:00+01:00", peak = 4, minutes = 60))
    addEpisode(episodeData("2026-03-06T23:30:00+01:00", peak = 8, minutes = 60))
    addExposure(exposureData("2026-03-02T16:00:00+01:00", note = "=SUM(A1:A9)"))
    addExposure(exposureData("2026-03-03T16:00:00+01:00"))
    deleteEntry(addExposure(exposureData("2026-03-05T16:00:00+01:00", kind = ExposureKind.Alcohol)).id)
    val magnesium = addTreatment(
        treatmentData(name = "Magnesium glycinate", category = TreatmentCategory.Magnesium, startedOn = "2026-02-01"),
    )
    addDose(doseData(magnesium.id, "2026-03-02T21:00:00+01:00"))
    addDose(doseData(magnesium.id, "2026-03-03T21:00:00+01:00"))
    addLabResult(labData(takenOn = "2026-03-05", analyte = Analyte.Ferritin, value = 38.0, unit = "µg/L"))
    addSeverityRating(ratingData(ratedOn = "2026-03-07", total = 22))
}

/** A strict RFC 4180 reader (CRLF records, quoted fields with doubled quotes). */
private fun parseCsv(text: String): List<List<String>> {
    val rows = mutableListOf<List<String>>()
    var row = mutableListOf<String>()
    val cell = StringBuilder()
    var quoted = false
    var i = 0
    while (i < text.length) {
        val c = text[i]
        when {
            quoted && c == '"' && i + 1 < text.length && text[i + 1] == '"' -> { cell.append('"'); i++ }
            quoted && c == '"' -> quoted = false
            quoted -> cell.append(c)
            c == '"' -> {
                assertTrue(cell.isEmpty(), "a quote inside an unquoted field at $i")
                quoted = true
            }
            c == ',' -> { row.add(cell.toString()); cell.clear() }
            c == '\r' -> {
                assertEquals('\n', text.getOrNull(i + 1), "CR without LF at $i")
                i++
                row.add(cell.toString()); cell.clear()
                rows.add(row); row = mutableListOf()
            }
            c == '\n' -> fail("a bare LF outside quotes at $i")
            else -> cell.append(c)
        }
        i++
    }
    assertFalse(quoted, "an unterminated quoted field")
    assertTrue(row.isEmpty() && cell.isEmpty(), "the last record does not end with CRLF")
    return rows
}

/** The table's records, without the byte-order mark. */
private fun CsvTable.records(): List<List<String>> {
    assertTrue(content.startsWith("\uFEFF"), "$fileName starts with a byte-order mark")
    return parseCsv(content.removePrefix("\uFEFF"))
}

/** The files of a zip, in order: name to bytes. */
private fun unzip(bytes: ByteArray): List<Pair<String, ByteArray>> {
    val files = mutableListOf<Pair<String, ByteArray>>()
    ZipInputStream(ByteArrayInputStream(bytes)).use { zip ->
        while (true) {
            val entry = zip.nextEntry ?: break
            files += entry.name to zip.readBytes()
        }
    }
    return files
}

private val EXPORTED_AT = Regex("\"exported_at\": \"[^\"]*\"")

/** The backup document without its export time (the one field that differs between exports). */
private fun withoutExportTime(json: String): String {
    assertEquals(1, EXPORTED_AT.findAll(json).count(), "one exported_at field in the backup")
    return json.replace(EXPORTED_AT, "\"exported_at\": \"…\"")
}

/** Records in a backup document (each has exactly one created_at). */
private fun recordsIn(json: String): Int = Regex("\"created_at\": ").findAll(json).count()

/** The page's MediaBox `[x0 y0 x1 y1]` (the report has one page, so exactly one box). */
private fun mediaBox(pdf: ByteArray): List<Double> {
    val text = String(pdf, Charsets.ISO_8859_1)
    val boxes = Regex("""/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*]""").findAll(text).toList()
    assertEquals(1, boxes.size, "one MediaBox")
    return boxes[0].groupValues.drop(1).map { it.toDouble() }
}

private fun assertBox(expectedWidth: Double, expectedHeight: Double, box: List<Double>, what: String) {
    assertEquals(0.0, box[0], what)
    assertEquals(0.0, box[1], what)
    assertTrue(abs(box[2] - expectedWidth) < 0.01 && abs(box[3] - expectedHeight) < 0.01, "$what: MediaBox $box")
}

/** Checks the bytes are one PDF file: `%PDF-` header, `%%EOF` at the end (trailing whitespace allowed). */
private fun assertPdf(pdf: ByteArray) {
    val text = String(pdf, Charsets.ISO_8859_1)
    assertTrue(text.startsWith("%PDF-"), "starts with %PDF-: ${text.take(16)}")
    assertTrue(text.trimEnd().endsWith("%%EOF"), "ends with %%EOF: ${text.takeLast(16)}")
}

/** Whether `pdftotext` can be run. */
private fun havePdftotext(): Boolean = try {
    val p = ProcessBuilder("pdftotext", "-v").redirectErrorStream(true).start()
    p.inputStream.readBytes()
    p.waitFor(30, TimeUnit.SECONDS)
} catch (e: IOException) {
    println("      (pdftotext is not installed: the report's text is not checked; install poppler-utils)")
    false
}

/** The report's text in drawing order, every run of whitespace as one space. */
private fun TestContext.pdfText(pdf: ByteArray, name: String): String {
    val file = dir.resolve(name)
    Files.write(file, pdf)
    val process = ProcessBuilder("pdftotext", "-raw", "-enc", "UTF-8", file.toString(), "-").start()
    val out = process.inputStream.readBytes().toString(Charsets.UTF_8)
    val err = process.errorStream.readBytes().toString(Charsets.UTF_8)
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "pdftotext finished")
    assertEquals(0, process.exitValue(), "pdftotext failed: $err")
    return out.split(Regex("\\s+")).filter { it.isNotEmpty() }.joinToString(" ")
}

private fun assertHas(text: String, wanted: String) = assertTrue(wanted in text, "\"$wanted\" not found in:\n$text")

/** Checks that importing [bytes] is rejected with a reason containing [reason], and changes nothing. */
private fun Journal.rejectsImport(bytes: ByteArray, reason: String, what: String) {
    val backup = withoutExportTime(backupJson())
    val state = state()
    val error = assertFailsWith<JournalException.ImportRejected>(what) { importBackup(bytes) }
    assertTrue(reason in error.reason, "$what: reason \"${error.reason}\" should mention \"$reason\"")
    assertEquals(backup, withoutExportTime(backupJson()), "$what: the backup changed after a rejected import")
    assertEquals(state, state(), "$what: the journal changed after a rejected import")
}

/** The clinician report, CSV tables, backups and their import, the plain-text summary. */
fun exportTests() = suite("exports") {
    test("reportPdfIsOnePdfFile") {
        val journal = openJournal()
        journal.fillWeek()
        val pdf = journal.reportPdf(ReportOptions(range = WEEK))
        assertPdf(pdf)
        assertTrue(pdf.size in 2_000..200_000, "${pdf.size} bytes")
        // The default options (last 30 nights, the settings' paper) give a PDF too, also for an empty journal.
        assertPdf(journal.reportPdf(ReportOptions()))
        assertPdf(openJournal(dir.resolve("empty.db")).reportPdf(ReportOptions()))
    }

    test("reportPaperSizes") {
        val journal = openJournal()
        journal.fillWeek()
        val a4 = journal.reportPdf(ReportOptions(range = WEEK, paperSize = PaperSize.A4))
        val letter = journal.reportPdf(ReportOptions(range = WEEK, paperSize = PaperSize.LETTER))
        assertBox(595.28, 841.89, mediaBox(a4), "A4 (210 × 297 mm)")
        assertBox(612.0, 792.0, mediaBox(letter), "Letter (8.5 × 11 in)")
        assertNotEquals(mediaBox(a4), mediaBox(letter))
        // Without a paper size, the settings' paper: A4 by default, then Letter.
        assertBox(595.28, 841.89, mediaBox(journal.reportPdf(ReportOptions(range = WEEK))), "default")
        journal.updateSettings(journal.settings().copy(paperSize = PaperSize.LETTER))
        assertBox(612.0, 792.0, mediaBox(journal.reportPdf(ReportOptions(range = WEEK))), "settings say Letter")
        assertBox(595.28, 841.89, mediaBox(journal.reportPdf(ReportOptions(range = WEEK, paperSize = PaperSize.A4))), "explicit A4")
    }

    test("reportTextHasTheKeyFigures") {
        if (!havePdftotext()) return@test
        val journal = openJournal()
        journal.fillWeek()
        val text = pdfText(journal.reportPdf(ReportOptions(range = WEEK, paperSize = PaperSize.A4)), "report.pdf")
        assertHas(text, "RLS symptom report")
        assertHas(text, "Self-reported by the patient")
        assertHas(text, "Mon 2 Mar – Sun 8 Mar 2026 · observed 7 of 7 nights (100 %)")
        // Symptoms on 3 of 7 observed nights: 3 ÷ 7 × 7 = 3.0 per week.
        assertHas(text, "Symptom nights per week 3.0")
        assertHas(text, "3 of 7 observed nights")
        // Frequency is a key figure, not a point to discuss (issue 21).
        assertTrue("Frequency:" !in text, text)
        // Peaks 6, 4, 8 over 7 observed nights (symptom-free 0): mean 18 ÷ 7 = 2.6, worst 8 on
        // the 6th; every onset at 23:30.
        assertHas(text, "Mean nightly peak (0–10) 2.6")
        assertHas(text, "worst 8 on 6 Mar")
        assertHas(text, "Median onset time 23:30")
        // The diary: TIB 500, TST 410 → SE 82 %.
        assertHas(text, "Sleep efficiency (mean) 82 %")
        assertHas(text, "Latest IRLS (0–40) 22")
        assertHas(text, "Ferritin 38 µg/L 5 Mar 2026 ≤ 75 µg/L low: discuss iron")
        assertHas(text, "Walking 1 much 15 min")
        assertHas(text, "Magnesium glycinate")
        assertHas(text, "Nothing was logged in the previous 7 nights (Mon 23 Feb – Sun 1 Mar 2026)")
        assertFalse("NaN" in text, text)
        assertFalse('\uFFFD' in text, "replacement characters in $text")
        // The default range is the last 30 nights: none of them logged.
        val empty = pdfText(openJournal(dir.resolve("empty.db")).reportPdf(ReportOptions()), "empty.pdf")
        assertHas(empty, "observed 0 of 30 nights (0 %)")
        assertHas(empty, "Self-reported by the patient")
    }

    test("reportNotesOffByDefaultAndPatientName") {
        val journal = openJournal()
        journal.fillWeek()
        assertEquals(false, ReportOptions().includeNotes, "notes are off by default")
        val plain = journal.reportPdf(ReportOptions(range = WEEK))
        val withNotes = journal.reportPdf(ReportOptions(range = WEEK, includeNotes = true))
        val named = journal.reportPdf(ReportOptions(range = WEEK, patientName = "Alex Example"))
        assertPdf(withNotes)
        assertPdf(named)
        assertFalse(plain.contentEquals(withNotes), "the notes change the page")
        if (!havePdftotext()) return@test
        val without = pdfText(plain, "plain.pdf")
        assertFalse("Walked the hall" in without, without)
        assertFalse("Patient's notes" in without, without)
        assertFalse("Patient:" in without, without)
        val with = pdfText(withNotes, "notes.pdf")
        assertHas(with, "Patient's notes")
        assertHas(with, "Walked the hall, then \"stretched\"")
        assertHas(with, "second line")
        val name = pdfText(named, "named.pdf")
        assertHas(name, "Patient: Alex Example")
        assertFalse("Walked the hall" in name, name)
        // A blank name prints no name.
        assertFalse("Patient:" in pdfText(journal.reportPdf(ReportOptions(range = WEEK, patientName = "   ")), "blank.pdf"))
    }

    test("reportBadOptionsAreInvalidInput") {
        val journal = openJournal()
        journal.fillWeek()
        journal.rejects("first", "is after the last night") { reportPdf(ReportOptions(range = NightRange(date("2026-03-08"), date("2026-03-02")))) }
        journal.rejects("range", "366") { reportPdf(ReportOptions(range = NightRange(date("2025-01-01"), date("2026-03-08")))) }
        journal.rejects("patient_name") { reportPdf(ReportOptions(range = WEEK, patientName = "n".repeat(121))) }
        assertPdf(journal.reportPdf(ReportOptions(range = WEEK, patientName = "n".repeat(120))))
    }

    test("csvOneTablePerEntityWithHeaderAndRows") {
        val journal = openJournal()
        journal.fillWeek()
        val tables = journal.csvTables(true)
        assertEquals(FIXTURE_ROWS.keys.toList(), tables.map { it.fileName })
        for (table in tables) {
            val expected = FIXTURE_ROWS.getValue(table.fileName)
            assertEquals(expected.toUInt(), table.rows, "${table.fileName}: rows")
            assertTrue(table.content.endsWith("\r\n"), "${table.fileName} ends with CRLF")
            val records = table.records()
            assertEquals(HEADERS.getValue(table.fileName), records[0].joinToString(","), "${table.fileName}: header")
            assertEquals(expected + 1, records.size, "${table.fileName}: header + rows")
            val width = records[0].size
            assertTrue(records.all { it.size == width }, "${table.fileName}: ragged rows")
            assertEquals(expected, records.drop(1).map { it[0] }.toSet().size, "${table.fileName}: one row per record")
        }
        val byName = tables.associateBy { it.fileName }
        // Spot checks: oldest first, local times with their offset, the night column.
        val episodes = byName.getValue("episodes.csv").records()
        val header = episodes[0]
        val first = episodes[1].withIndex().associate { (i, v) -> header[i] to v }
        assertEquals("2026-03-02", first["night"])
        assertEquals("2026-03-02 23:30", first["started_local"])
        assertEquals("+01:00", first["started_utc_offset"])
        assertEquals("2026-03-03 00:30", first["ended_local"])
        assertEquals("60", first["duration_minutes"])
        assertEquals("6", first["peak_intensity"])
        assertEquals("no", first["woke_from_sleep"])
        assertEquals(listOf("6", "4", "8"), episodes.drop(1).map { it[header.indexOf("peak_intensity")] })
        val sleep = byName.getValue("sleep_diary.csv").records()
        val sleepRow = sleep[1].withIndex().associate { (i, v) -> sleep[0][i] to v }
        assertEquals(listOf("500", "410", "82.0"), listOf(sleepRow["time_in_bed_minutes"], sleepRow["total_sleep_minutes"], sleepRow["sleep_efficiency_percent"]))
        val doses = byName.getValue("doses.csv").records()
        assertEquals(listOf("Magnesium glycinate", "Magnesium glycinate"), doses.drop(1).map { it[doses[0].indexOf("treatment_name")] })
        val lab = byName.getValue("lab_results.csv").records()[1]
        assertEquals(listOf("2026-03-05", "ferritin", "38", "µg/L", "fasting"), lab.drop(1))
        // The deleted alcohol exposure is not exported.
        assertFalse("alcohol" in byName.getValue("exposures.csv").content.lowercase())
        // Rows follow what is logged: one more episode, one more row.
        journal.addEpisode(episodeData("2026-03-07T23:00:00+01:00", peak = 3))
        assertEquals(4u, journal.csvTables(true).first { it.fileName == "episodes.csv" }.rows)
    }

    test("csvQuotesPerRfc4180AndHidesNotesOnRequest") {
        val journal = openJournal()
        journal.fillWeek()
        val episodes = journal.csvTables(true).first { it.fileName == "episodes.csv" }
        // Quoted, inner quotes doubled, the line break kept inside the quotes.
        assertTrue(",\"Walked the hall, then \"\"stretched\"\"\nsecond line\"\r\n" in episodes.content, episodes.content)
        val records = episodes.records()
        assertEquals(TRICKY_NOTE, records[1][records[0].indexOf("note")], "the note parses back exactly")
        assertEquals("", records[2][records[0].indexOf("note")])
        // A note a spreadsheet would run as a formula is defused with an apostrophe.
        val exposures = journal.csvTables(true).first { it.fileName == "exposures.csv" }.records()
        assertEquals("'=SUM(A1:A9)", exposures[1][exposures[0].indexOf("note")])
        // Without notes: the same tables, rows and columns, every note cell empty.
        val with = journal.csvTables(true)
        val without = journal.csvTables(false)
        assertEquals(with.map { it.fileName to it.rows }, without.map { it.fileName to it.rows })
        for (table in without) {
            val rows = table.records()
            val note = rows[0].indexOf("note")
            if (note >= 0) assertTrue(rows.drop(1).all { it[note] == "" }, "${table.fileName}: notes left out")
        }
        val all = without.joinToString("") { it.content }
        for (fragment in listOf("Walked the hall", "SUM(A1", "clinic form", "fasting", "evening, 2 h before bed")) {
            assertFalse(fragment in all, "\"$fragment\" is in the CSV without notes")
        }
        assertTrue(with.any { "clinic form" in it.content } && with.any { "fasting" in it.content }, "the notes are there when asked for")
        assertEquals(with, journal.csvTables(), "notes are included by default")
    }

    test("csvZipHoldsTheSameTables") {
        val journal = openJournal()
        journal.fillWeek()
        for (includeNotes in listOf(true, false)) {
            val zip = journal.csvZip(includeNotes)
            assertEquals("PK", String(zip, 0, 2, Charsets.ISO_8859_1))
            val files = unzip(zip)
            val tables = journal.csvTables(includeNotes)
            assertEquals(tables.map { it.fileName }, files.map { it.first })
            for ((table, file) in tables.zip(files)) {
                assertContentEquals(table.content.toByteArray(Charsets.UTF_8), file.second, "${table.fileName} in the zip")
            }
        }
    }

    test("backupRoundTripsIntoAFreshJournal") {
        val source = openJournal()
        source.fillWeek()
        source.updateSettings(source.settings().copy(nightCutoverHour = 14, morningHour = 6, paperSize = PaperSize.LETTER))
        val first = source.backupJson()
        assertTrue("\"format\": \"rlsjournal-backup\"" in first && "\"version\": 2," in first, first.take(200))
        assertTrue("deleted_at" in first, "the deleted exposure travels as a tombstone")
        assertEquals(FIXTURE_RECORDS, recordsIn(first))
        assertTrue(TRICKY_NOTE.replace("\"", "\\\"").replace("\n", "\\n") in first, "the note, JSON-escaped")

        val target = openJournal(dir.resolve("target.db"))
        val summary = target.importBackup(first.toByteArray())
        assertEquals(ImportSummary(added = FIXTURE_RECORDS.toUInt(), updated = 0u, unchanged = 0u, settingsUpdated = true), summary)
        assertEquals(source.settings(), target.settings())
        assertEquals(withoutExportTime(first), withoutExportTime(target.backupJson()), "export → import → export")
        assertEquals(source.state(), target.state())
        assertEquals(source.summary(WEEK), target.summary(WEEK))
        assertEquals(source.csvTables(true), target.csvTables(true))
        // The tombstone can be undone in the copy, as in the original.
        val restored = target.undoDelete()
        assertEquals(EntryKind.EXPOSURE, target.allItems().first { it.id == restored }.kind)
        assertEquals(3, target.allItems(listOf(EntryKind.EXPOSURE)).size)
    }

    test("backupZipRoundTrips") {
        val source = openJournal()
        source.fillWeek()
        val zip = source.backupZip()
        assertEquals("PK\u0003\u0004", String(zip, 0, 4, Charsets.ISO_8859_1))
        val files = unzip(zip)
        assertEquals(listOf("rlsjournal-backup.json"), files.map { it.first })
        val inside = files[0].second.toString(Charsets.UTF_8)
        assertEquals(withoutExportTime(source.backupJson()), withoutExportTime(inside))
        val target = openJournal(dir.resolve("target.db"))
        val summary = target.importBackup(zip)
        assertEquals(FIXTURE_RECORDS.toUInt(), summary.added)
        assertEquals(0u to 0u, summary.updated to summary.unchanged)
        assertFalse(summary.settingsUpdated, "the source never changed its settings")
        assertEquals(withoutExportTime(source.backupJson()), withoutExportTime(target.backupJson()))
        assertEquals(source.state(), target.state())
    }

    test("importingTwiceChangesNothing") {
        val source = openJournal()
        source.fillWeek()
        source.updateSettings(source.settings().copy(paperSize = PaperSize.LETTER))
        val json = source.backupJson().toByteArray()
        val target = openJournal(dir.resolve("target.db"))
        assertEquals(FIXTURE_RECORDS.toUInt(), target.importBackup(json).added)
        val once = withoutExportTime(target.backupJson())
        val state = target.state()
        val all = FIXTURE_RECORDS.toUInt()
        assertEquals(ImportSummary(0u, 0u, all, false), target.importBackup(json), "the same JSON again")
        assertEquals(ImportSummary(0u, 0u, all, false), target.importBackup(source.backupZip()), "the same as a zip")
        assertEquals(ImportSummary(0u, 0u, all, false), source.importBackup(json), "a journal's own backup")
        assertEquals(once, withoutExportTime(target.backupJson()))
        assertEquals(state, target.state())

        // A newer edit on the source replaces the copy's record; an older one would not.
        val labId = source.allItems(listOf(EntryKind.LAB_RESULT)).single().id
        source.editLabResult(labId, labData(takenOn = "2026-03-05", value = 99.0))
        source.addSeverityRating(ratingData(ratedOn = "2026-03-08", total = 15))
        assertEquals(ImportSummary(1u, 1u, all - 1u, false), target.importBackup(source.backupJson().toByteArray()))
        val lab = target.allItems(listOf(EntryKind.LAB_RESULT)).single().entry as org.rlsjournal.core.Entry.LabResult
        assertEquals(99.0, lab.lab.data.value)
        assertEquals(withoutExportTime(source.backupJson()), withoutExportTime(target.backupJson()))
        assertEquals(ImportSummary(0u, 0u, all, false), source.importBackup(json), "the older backup changes nothing")
        assertEquals(99.0, (source.entry(labId) as org.rlsjournal.core.Entry.LabResult).lab.data.value)
    }

    test("badBackupsAreRejectedAndChangeNothing") {
        // The document to damage comes from another journal, so a valid one would add records.
        val other = openJournal(dir.resolve("other.db"))
        other.fillWeek()
        val good = other.backupJson()
        val journal = openJournal()
        journal.seed()
        fun edited(from: String, to: String): ByteArray {
            assertTrue(from in good, "the backup contains $from")
            return good.replaceFirst(from, to).toByteArray()
        }
        journal.rejectsImport(ByteArray(0), "not a valid backup", "empty")
        journal.rejectsImport("hello".toByteArray(), "not a valid backup", "not JSON")
        journal.rejectsImport(good.toByteArray().copyOf(good.length / 2), "ends too early", "truncated JSON")
        journal.rejectsImport("{\"format\":\"something-else\",\"version\":1}".toByteArray(), "not an RLS Journal backup", "wrong format")
        journal.rejectsImport(edited("\"version\": 2,", "\"version\": 3,"), "newer than this app", "version 3")
        journal.rejectsImport(edited("\"version\": 2,", "\"version\": 0,"), "is not supported", "version 0")
        journal.rejectsImport(edited("\"version\": 2,", "\"version\": \"2\","), "not a valid backup", "version as text")
        journal.rejectsImport(edited("\"version\": 2,", "\"version\": 2, \"surprise\": 1,"), "that backups do not have", "unknown field")
        journal.rejectsImport(edited("\"peak_intensity\":8", "\"peak_intensity\":11"), "peak_intensity", "an invalid record")
        journal.rejectsImport(edited("\"kind\": \"lab\"", "\"kind\": \"poem\""), "unknown kind", "an unknown kind")
        val zip = other.backupZip()
        journal.rejectsImport(zip.copyOf(zip.size / 2), "zip", "truncated zip")
        journal.rejectsImport("PK\u0003\u0004 not really a zip".toByteArray(), "zip", "not a zip")
        // The undamaged document still imports afterwards, whole.
        assertEquals(FIXTURE_RECORDS.toUInt(), journal.importBackup(good.toByteArray()).added)
    }

    test("summaryTextHasTheSymptomNightRate") {
        val journal = openJournal()
        journal.fillWeek()
        val text = journal.summaryText(WEEK)
        assertTrue(text.startsWith("RLS Journal summary: 7 nights, Mon 2 Mar – Sun 8 Mar 2026\n"), text)
        assertHas(text, "Self-reported by the patient.")
        assertHas(
            text,
            "Nights and frequency: Symptoms on 3 of 7 nights observed (3 episodes, 3.0 per week; observed 7 of 7 nights (100 %)): " +
                "symptoms on ≥ 2 nights a week in this period (comparing with chronic-persistent RLS needs 28 observed nights with ≥ 70 % coverage).\n",
        )
        assertHas(text, "Iron (AASM 2024): Ferritin 38 µg/L on Thu 5 Mar 2026: low by the AASM 2024 threshold (≤ 75 µg/L).")
        assertHas(text, "IRLS severity rating: IRLS 22 (severe) on Sat 7 Mar 2026")
        assertFalse("Walked the hall" in text, "the plain-text summary carries no notes")
        assertEquals(text, journal.summaryText(WEEK), "the same journal gives the same text")
    }
}
