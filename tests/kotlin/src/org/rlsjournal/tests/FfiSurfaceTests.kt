package org.rlsjournal.tests

import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertTrue
import org.rlsjournal.core.Entry
import org.rlsjournal.core.EntryData
import org.rlsjournal.core.EntryKind
import org.rlsjournal.core.JournalException
import org.rlsjournal.core.errorMessage
import org.rlsjournal.core.formRules

/**
 * Issue 16 item 1 through the real bindings: the core's sentences for errors, its form rules,
 * and the one save call for every form.
 */
fun ffiSurfaceTests() = suite("ffiSurface") {
    test("errorsReadAsSentences") {
        val journal = openJournal()
        val error = journal.rejects("peak_intensity") { quickLog(11, null, null) }
        assertEquals("Intensity must be between 1 and 10 — you entered 11.", errorMessage(error))
        val quality = journal.rejects("quality") { addSleepDiary(sleepData(quality = 263)) }
        assertEquals("Sleep quality must be between 1 and 5 — you entered 263.", errorMessage(quality))
        val missing = journal.notFound { deleteEntry("0193a1b2-0000-7000-8000-000000000000") }
        val text = errorMessage(missing)
        assertTrue(text.startsWith("Could not find") && text.endsWith("."), text)
        assertFalse('_' in text, text)
    }

    test("formRulesAreTheCoresRanges") {
        val rules = formRules()
        assertEquals(1 to 10, rules.intensity.min to rules.intensity.max)
        assertEquals(0 to 40, rules.irlsTotal.min to rules.irlsTotal.max)
        assertEquals(1 to 5, rules.sleepQuality.min to rules.sleepQuality.max)
        assertEquals(0 to 3, rules.helped.min to rules.helped.max)
        assertEquals(
            listOf(
                EntryKind.EPISODE, EntryKind.EXPOSURE, EntryKind.TREATMENT, EntryKind.DOSE, EntryKind.LAB_RESULT,
                EntryKind.SEVERITY_RATING, EntryKind.VISIT, EntryKind.SAFETY_CHECK,
            ),
            rules.addKinds,
        )
        // The ends of each range are accepted by the core, one past them refused.
        val journal = openJournal()
        journal.quickLog(rules.intensity.max, null, moment("2025-03-26T23:00:00+01:00"))
        journal.rejects("peak_intensity") { quickLog(rules.intensity.max + 1, null, null) }
        journal.addSeverityRating(ratingData(total = rules.irlsTotal.max))
        journal.rejects("irls_total") { addSeverityRating(ratingData(total = rules.irlsTotal.max + 1)) }
    }

    test("saveEntryAddsThenEdits") {
        val journal = openJournal()
        val added = journal.saveEntry(null, EntryData.SeverityRating(ratingData(total = 18)))
        val id = (added as Entry.SeverityRating).rating.id
        val edited = journal.saveEntry(id, EntryData.SeverityRating(ratingData(total = 31)))
        assertEquals(31, (edited as Entry.SeverityRating).rating.data.irlsTotal)
        assertEquals(1, journal.allItems(listOf(EntryKind.SEVERITY_RATING)).size, "replaced, not added twice")
        val episode = journal.saveEntry(null, EntryData.Episode(episodeData("2025-03-26T23:10:00+01:00", peak = 7)))
        assertEquals(7, (episode as Entry.Episode).episode.data.peakIntensity)
        journal.rejects("peak_intensity") { saveEntry(null, EntryData.Episode(episodeData("2025-03-20T23:00:00+01:00", peak = 263))) }
        journal.notFound { saveEntry(id, EntryData.Exposure(exposureData("2025-03-26T20:00:00+01:00"))) }
    }
}
