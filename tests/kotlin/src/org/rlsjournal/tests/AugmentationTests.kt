package org.rlsjournal.tests

import kotlin.math.abs
import kotlin.test.assertEquals
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.rlsjournal.core.AugmentationBaseline
import org.rlsjournal.core.AugmentationSignKind
import org.rlsjournal.core.AugmentationStatus
import org.rlsjournal.core.AugmentationWatch
import org.rlsjournal.core.BodyArea
import org.rlsjournal.core.DiscussLevel
import org.rlsjournal.core.DiscussTopic
import org.rlsjournal.core.Journal
import org.rlsjournal.core.KeyFigureKind
import org.rlsjournal.core.NightRange
import org.rlsjournal.core.TreatmentCategory
import org.rlsjournal.core.TreatmentData

// The augmentation watch (issue 15) through the real bindings, on real journal files. Settings are
// the defaults (cutover 12:00, morning hour 05:00): on the day clock 23:00 is 18 h = 1080 min into
// the day and 10:00 is 5 h = 300 min, so 10:00 is 780 min = 13 h earlier.

private fun range(first: String, last: String) = NightRange(date(first), date(last))

private fun plusDays(day: String, days: Long): String = date(day).plusDays(days).toString()

private fun near(expected: Double, actual: Double?, what: String) {
    assertNotNull(actual, "$what: expected $expected, got null")
    assertTrue(abs(actual - expected) < 1e-9, "$what: expected $expected, got $actual")
}

private fun Journal.drug(category: TreatmentCategory, started: String): String =
    addTreatment(
        TreatmentData(
            name = "drug",
            category = category,
            dose = 100.0,
            doseUnit = "mg",
            startedOn = date(started),
            stoppedOn = null,
            note = null,
        ),
    ).id

/** 14 nights from [first], one 60-minute episode a night at [time] ([nextMorning]: the day after). */
private fun Journal.fortnight(first: String, time: String, nextMorning: Boolean = false) {
    for (i in 0L until 14L) {
        val day = plusDays(first, if (nextMorning) i + 1 else i)
        addEpisode(episodeData("${day}T$time:00+01:00", peak = 4, minutes = 60).copy(bodyAreas = listOf(BodyArea.CALVES)))
    }
}

private fun AugmentationWatch.sign(kind: AugmentationSignKind) = signs.single { it.kind == kind }

fun augmentationTests() = suite("augmentation") {
    test("morningOnsetIsThirteenHoursEarlierOnTheDayClock") {
        val journal = openJournal()
        // Levodopa from Jan 1; the first 14 observed nights on it at 23:00 (nothing before the
        // start, so that is the baseline); Feb 16 – Mar 1 at 10:00 the next morning.
        val id = journal.drug(TreatmentCategory.Levodopa, "2026-01-01")
        journal.fortnight("2026-01-01", "23:00")
        journal.fortnight("2026-02-16", "10:00", nextMorning = true)
        val s = journal.summary(range("2026-02-16", "2026-03-01"))
        val a = s.augmentation
        assertEquals(AugmentationStatus.POSSIBLE_SIGNS, a.status)
        val w = a.watches.single()
        assertEquals(id, w.treatmentId)
        near(780.0, w.onsetEarlierMinutes, "1080 − 300")
        assertEquals(AugmentationBaseline.FIRST_NIGHTS_ON_IT, w.baselineSource)
        assertTrue(w.baselineText.startsWith("Baseline: the first 14 observed nights on it"), w.baselineText)
        assertEquals(date("2026-01-01"), w.baseline!!.first)
        assertTrue("Not judged" in w.scopeText && "before treatment" in w.scopeText, w.scopeText)
        assertTrue("paradoxical response" in a.scopeText, a.scopeText)
        // 14 days with a 10:00 onset in 14 observed nights: 7.0 a week, against 0.
        val day = w.sign(AugmentationSignKind.DAYTIME_SYMPTOMS)
        assertTrue(day.measured && day.met, day.text)
        near(0.0, day.baselineValue, "baseline days a week")
        near(7.0, day.recentValue, "14 × 7 / 14")
        assertEquals("7.0 a week", day.recentText)
        assertTrue("first onset 23:00 at baseline, 10:00 now" in a.text, a.text)
        // The onset key figure against the previous 14 nights (Feb 2–15: nothing logged) has no
        // change; its definition of earlier/later is stated.
        assertTrue(s.definitions.any { it.term == "Earlier or later" && "05:00" in it.text })
        assertTrue(s.keyFigures.any { it.kind == KeyFigureKind.MEDIAN_ONSET })
    }

    test("inconclusiveIsAStatusToDiscuss") {
        val journal = openJournal()
        // 23:00 → 20:00: 3 h earlier. No latency, no doses: those signs cannot be measured.
        journal.drug(TreatmentCategory.DopamineAgonist, "2026-01-01")
        journal.fortnight("2026-01-01", "23:00")
        journal.fortnight("2026-02-16", "20:00")
        val s = journal.summary(range("2026-02-16", "2026-03-01"))
        assertEquals(AugmentationStatus.INCONCLUSIVE, s.augmentation.status)
        val w = s.augmentation.watches.single()
        near(180.0, w.onsetEarlierMinutes, "1080 − 900")
        assertTrue(!w.sign(AugmentationSignKind.SHORTER_LATENCY).measured)
        assertTrue(w.sign(AugmentationSignKind.SPREAD_BEYOND_LEGS).measured)
        assertTrue("inconclusive — discuss" in w.text, w.text)
        val point = s.discuss.single { it.topic == DiscussTopic.AUGMENTATION }
        assertEquals(DiscussLevel.DISCUSS, point.level)
    }

    test("baselineBeforeTheStart") {
        val journal = openJournal()
        // Started Feb 1; Jan 10–23 observed at 23:00: the 14 observed nights before the start.
        journal.drug(TreatmentCategory.DopamineAgonist, "2026-02-01")
        journal.fortnight("2026-01-10", "23:00")
        journal.fortnight("2026-02-16", "18:30")
        val w = journal.summary(range("2026-02-16", "2026-03-01")).augmentation.watches.single()
        assertEquals(AugmentationBaseline.BEFORE_START, w.baselineSource)
        assertEquals(date("2026-01-10"), w.baseline!!.first)
        assertEquals(date("2026-01-31"), w.baseline!!.last)
        assertEquals(14u, w.baseline!!.nightsLogged)
        near(270.0, w.onsetEarlierMinutes, "1080 − 810")
        assertEquals(AugmentationStatus.POSSIBLE_SIGNS, w.status)
    }

    test("tooEarlyHasNoBaseline") {
        val journal = openJournal()
        journal.drug(TreatmentCategory.Levodopa, "2026-02-20")
        val w = journal.summary(range("2026-02-16", "2026-03-01")).augmentation.watches.single()
        assertEquals(AugmentationStatus.TOO_EARLY, w.status)
        assertNull(w.baselineSource)
        assertNull(w.baseline)
    }

    test("levodopaRoundTripsThroughABackup") {
        val journal = openJournal()
        journal.drug(TreatmentCategory.Levodopa, "2026-01-01")
        val backup = journal.backupJson()
        assertTrue("\"levodopa\"" in backup, backup)
        val other = openJournal(dir.resolve("other.db"))
        other.importBackup(backup.toByteArray())
        assertEquals(TreatmentCategory.Levodopa, other.treatments().single().data.category)
    }
}
