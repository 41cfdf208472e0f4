package org.rlsjournal.tests

import java.io.IOException
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import java.util.concurrent.TimeUnit
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertTrue
import org.rlsjournal.core.JournalException
import org.rlsjournal.core.ReportFont
import org.rlsjournal.core.ReportOptions

/** Debian's fonts-wqy-zenhei (scripts/install-deps.sh): a TrueType collection, as Android's CJK font is. */
private val CJK_FONT: Path = Paths.get("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
private const val NAME = "李小龙 Σοφία Nguyễn"

/**
 * Whether pdftotext and the CJK font are there. Under CI=true a missing one fails the test;
 * elsewhere the test says what is missing and passes without checking.
 */
private fun haveFontTools(): Boolean {
    val pdftotext = try {
        val p = ProcessBuilder("pdftotext", "-v").redirectErrorStream(true).start()
        p.inputStream.readBytes()
        p.waitFor(30, TimeUnit.SECONDS)
    } catch (e: IOException) {
        false
    }
    if (pdftotext && Files.isRegularFile(CJK_FONT)) return true
    val message = "pdftotext or $CJK_FONT missing: scripts/install-deps.sh installs poppler-utils and fonts-wqy-zenhei"
    check(System.getenv("CI") != "true") { message }
    println("      (SKIPPED: $message)")
    return false
}

/** The PDF's text as pdftotext reads it, every run of whitespace as one space. */
private fun TestContext.textOf(pdf: ByteArray, name: String): String {
    val file = dir.resolve(name)
    Files.write(file, pdf)
    val process = ProcessBuilder("pdftotext", "-raw", "-enc", "UTF-8", file.toString(), "-").start()
    val out = process.inputStream.readBytes().toString(Charsets.UTF_8)
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "pdftotext finished")
    assertEquals(0, process.exitValue(), "pdftotext failed")
    return out.split(Regex("\\s+")).filter { it.isNotEmpty() }.joinToString(" ")
}

/** The report in other scripts: the app passes a system font's bytes through ReportOptions. */
fun reportFontTests() = suite("reportFonts") {
    test("aSystemFontsBytesDrawTheChineseName") {
        if (!haveFontTools()) return@test
        val journal = openJournal()
        val font = ReportFont(data = Files.readAllBytes(CJK_FONT))
        val with = textOf(journal.reportPdf(ReportOptions(patientName = NAME, fallbackFonts = listOf(font))), "with.pdf")
        assertTrue("Patient: $NAME" in with, with)
        assertFalse("□" in with, with)
        // Without the font: one □ per character it could not draw, and a line saying so; never "?".
        val without = textOf(journal.reportPdf(ReportOptions(patientName = NAME)), "without.pdf")
        assertTrue("Patient: □□□ Σοφία Nguyễn" in without, without)
        assertTrue("need a font this device did not provide" in without, without)
        assertFalse("?" in without, without)
        // Another face of the collection.
        val mono = ReportFont(data = font.data, faceIndex = 1u)
        val second = textOf(journal.reportPdf(ReportOptions(patientName = NAME, fallbackFonts = listOf(mono))), "mono.pdf")
        assertTrue("Patient: $NAME" in second, second)
    }

    test("bytesThatAreNotAFontAreInvalidInput") {
        val journal = openJournal()
        val error = assertFailsWith<JournalException.InvalidInput> {
            journal.reportPdf(ReportOptions(fallbackFonts = listOf(ReportFont(data = "not a font".toByteArray()))))
        }
        assertEquals("fallback_fonts", error.field)
        assertTrue(error.reason.startsWith("font 1 of the report's fallback fonts is not"), error.reason)
    }
}
