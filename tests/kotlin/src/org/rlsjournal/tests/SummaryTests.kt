package org.rlsjournal.tests

import java.lang.reflect.Modifier
import java.time.LocalDateTime
import kotlin.math.abs
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.rlsjournal.core.Analyte
import org.rlsjournal.core.AugmentationSignKind
import org.rlsjournal.core.AugmentationStatus
import org.rlsjournal.core.BodyArea
import org.rlsjournal.core.ChangeDirection
import org.rlsjournal.core.ChangeVerdict
import org.rlsjournal.core.DiscussLevel
import org.rlsjournal.core.DiscussTopic
import org.rlsjournal.core.EpisodeData
import org.rlsjournal.core.ExposureData
import org.rlsjournal.core.ExposureKind
import org.rlsjournal.core.IrlsBand
import org.rlsjournal.core.Journal
import org.rlsjournal.core.JournalException
import org.rlsjournal.core.KeyFigureKind
import org.rlsjournal.core.LabResultData
import org.rlsjournal.core.NightRange
import org.rlsjournal.core.NoteKind
import org.rlsjournal.core.ReliefData
import org.rlsjournal.core.ReliefMethod
import org.rlsjournal.core.SeverityRatingData
import org.rlsjournal.core.SeverityTier
import org.rlsjournal.core.SleepDiaryData
import org.rlsjournal.core.Summary
import org.rlsjournal.core.SummaryPart
import org.rlsjournal.core.ThresholdCheck
import org.rlsjournal.core.TreatmentCategory
import org.rlsjournal.core.TreatmentData
import org.rlsjournal.core.Trend
import org.rlsjournal.core.TriggerVerdict

// The summary's fixtures mirror core/tests/summary.rs: March 2026 (CET, +01:00; Mon 2 March is
// the first night), values computed by hand in the comments.

/** `first..=last`. */
private fun nights(first: String, last: String) = NightRange(date(first), date(last))

/** `day + days` as ISO text. */
private fun dayPlus(day: String, days: Long): String = date(day).plusDays(days).toString()

/** An ended episode `minutes` long (0: ends when it starts). */
private fun ep(start: String, minutes: Long, peak: Int): EpisodeData = episodeData(start, peak = peak, minutes = minutes)

/**
 * A sleep diary for the night of [night]: into bed at [bed], trying to sleep at [tried] (that
 * evening), final awakening [woke] and out of bed [up] (the next morning), SOL and WASO minutes.
 */
private fun diaryOf(night: String, bed: String, tried: String, sol: Int, waso: Int, woke: String, up: String): SleepDiaryData {
    val next = dayPlus(night, 1)
    return SleepDiaryData(
        nightOf = date(night),
        gotIntoBedAt = moment("${night}T$bed:00+01:00"),
        triedToSleepAt = moment("${night}T$tried:00+01:00"),
        sleepOnsetMinutes = sol,
        awakenings = 1,
        wakeAfterSleepOnsetMinutes = waso,
        finalAwakeningAt = moment("${next}T$woke:00+01:00"),
        outOfBedAt = moment("${next}T$up:00+01:00"),
        quality = 3,
        note = null,
    )
}

/** A plain diary (in bed 23:00–07:00) so that the night counts as logged. */
private fun Journal.plainDiary(night: String) {
    addSleepDiary(diaryOf(night, "23:00", "23:00", 10, 20, "07:00", "07:00"))
}

private fun Journal.expose(at: String, kind: ExposureKind) {
    addExposure(ExposureData(at = moment(at), kind = kind, amount = null, unit = null, note = null))
}

private fun Journal.relieve(episodeId: String, method: ReliefMethod, helped: Int, minutes: Int?, at: String) {
    addReliefAttempt(episodeId, ReliefData(method, helped, minutes, moment(at)))
}

private fun Journal.lab(taken: String, analyte: Analyte, value: Double, unit: String) {
    addLabResult(LabResultData(takenOn = date(taken), analyte = analyte, value = value, unit = unit, note = null))
}

private fun Journal.irls(rated: String, total: Int) {
    addSeverityRating(SeverityRatingData(ratedOn = date(rated), irlsTotal = total, note = null))
}

private fun Journal.regimen(name: String, category: TreatmentCategory, started: String, stopped: String? = null): String =
    addTreatment(
        TreatmentData(
            name = name,
            category = category,
            dose = 0.25,
            doseUnit = "mg",
            startedOn = date(started),
            stoppedOn = stopped?.let(::date),
            note = null,
        ),
    ).id

/** Asserts a number agrees with [expected] to 1e-9 (and is there at all). */
private fun near(expected: Double, actual: Double?, what: String) {
    assertNotNull(actual, "$what: expected $expected, got null")
    assertTrue(abs(actual - expected) < 1e-9, "$what: expected $expected, got $actual")
}

/** Every Double and String anywhere in a generated record (lists and nested records included). */
private fun collect(value: Any?, doubles: MutableList<Double>, strings: MutableList<String>) {
    when (value) {
        null, is Enum<*> -> {}
        is Double -> doubles += value
        is Float -> doubles += value.toDouble()
        is String -> strings += value
        is Iterable<*> -> value.forEach { collect(it, doubles, strings) }
        else -> if (value.javaClass.name.startsWith("org.rlsjournal.core.")) {
            for (field in value.javaClass.declaredFields) {
                if (Modifier.isStatic(field.modifiers)) continue
                field.isAccessible = true
                collect(field.get(value), doubles, strings)
            }
        }
    }
}

/** Checks that no number of [summary] is NaN or infinite and no text says so; returns the count of numbers. */
private fun assertAllFinite(summary: Summary): Int {
    val doubles = mutableListOf<Double>()
    val strings = mutableListOf<String>()
    collect(summary, doubles, strings)
    assertTrue(doubles.all { it.isFinite() }, "non-finite numbers: ${doubles.filterNot { it.isFinite() }}")
    val bad = strings.filter { "NaN" in it || "inf" in it.split(' ', '(', ')') || "Infinity" in it }
    assertTrue(bad.isEmpty(), "texts with NaN/infinity: $bad")
    assertTrue(strings.size > 20, "the walker found the record's texts (${strings.size})")
    return doubles.size
}

/** Summaries of ranges of nights: every part against hand-computed values, through the bindings. */
fun summaryTests() = suite("summary") {
    test("emptyRangeHasNotesAndNoNumbers") {
        val journal = openJournal()
        val s = journal.summary(nights("2026-03-02", "2026-03-15"))
        assertEquals(nights("2026-03-02", "2026-03-15"), s.range)
        assertEquals("14 nights, Mon 2 Mar – Sun 15 Mar 2026", s.title)
        val c = s.coverage
        assertEquals(listOf(14u, 0u, 14u, 0u, 0u, 0u), listOf(c.nightsInRange, c.nightsLogged, c.nightsNotLogged, c.symptomNights, c.symptomFreeNights, c.episodes))
        assertNull(c.symptomNightsPerWeek)
        assertNull(c.twoOrMorePerWeek)
        assertEquals("not enough data", c.perWeekText)
        assertEquals("No night observed in the 14 nights of the range.", c.text)
        assertNull(s.timing.onset)
        assertEquals((0..23).map { "%02d".format(it) }, s.timing.onsetHistogram.map { it.label })
        assertTrue(s.timing.onsetHistogram.all { it.count == 0u })
        assertNull(s.timing.medianDurationMinutes)
        assertNull(s.timing.medianLatencyMinutes)
        assertNull(s.timing.wokePercent)
        assertEquals(14, s.severity.nights.size)
        assertTrue(s.severity.nights.all { !it.logged && it.peak == null && it.episodes == 0u })
        assertNull(s.severity.meanPeak)
        assertEquals("–", s.severity.meanPeakText)
        assertNull(s.severity.medianPeak)
        assertEquals(Trend.UNKNOWN, s.severity.trend.direction)
        assertNull(s.severity.trend.meanPeakChange)
        assertNull(s.severity.worstNight)
        assertEquals(2, s.severity.weeks.size)
        assertTrue(s.severity.weeks.all { it.meanPeak == null && it.symptomNightPercent == null })
        assertTrue(s.triggers.associations.isEmpty() && s.triggers.notEnoughData.isEmpty())
        assertTrue(s.relief.methods.isEmpty())
        assertEquals(listOf(SeverityTier.MILD, SeverityTier.MODERATE, SeverityTier.SEVERE), s.relief.tiers.map { it.tier })
        assertEquals(0u, s.sleep.diaries)
        assertNull(s.sleep.meanSleepEfficiencyPercent)
        assertNull(s.sleep.meanTimeInBedMinutes)
        assertNull(s.sleep.meanSleepEfficiencyText)
        assertTrue(s.treatments.active.isEmpty())
        assertNull(s.iron.ferritin)
        assertNull(s.iron.transferrinSaturation)
        assertFalse(s.iron.discussIronTherapy)
        assertNull(s.rating.latest)
        assertNull(s.rating.change)
        assertEquals(AugmentationStatus.NOT_APPLICABLE, s.augmentation.status)
        // The notes say why the numbers are absent.
        assertTrue(s.notes.any { it.kind == NoteKind.NOT_ENOUGH_DATA && it.section == "coverage" }, "${s.notes}")
        assertTrue(s.notes.any { it.section == "rating" && "No IRLS rating recorded" in it.text }, "${s.notes}")
        assertTrue(s.notes.none { it.kind == NoteKind.GAP }, "no gap notes without any logged night: ${s.notes}")
        assertTrue(s.definitions.any { it.term == "Sleep efficiency (SE)" && "TST ÷ TIB × 100" in it.text })
        assertAllFinite(s)
        val text = journal.summaryText(nights("2026-03-02", "2026-03-15"))
        assertTrue(text.startsWith("RLS Journal summary: 14 nights, Mon 2 Mar – Sun 15 Mar 2026\n"), text)
        assertTrue("Nights and frequency: No night observed in the 14 nights of the range.\n" in text, text)
        assertFalse("NaN" in text, text)
    }

    test("symptomNightsPerWeekAndTheTwoPerWeekFlag") {
        val journal = openJournal()
        // Episodes on the nights of the 2nd, 3rd (at 02:10 on the 4th) and 5th.
        journal.addEpisode(ep("2026-03-02T22:00:00+01:00", 30, 5))
        journal.addEpisode(ep("2026-03-04T02:10:00+01:00", 30, 6))
        journal.addEpisode(ep("2026-03-05T23:00:00+01:00", 30, 4))
        // Diaries on the 2nd, 4th, 6th, 7th; an exposure at 03:30 on the 9th observes no night
        // (issue 14: only episodes, diaries and the "no symptoms" answer do).
        for (night in listOf("2026-03-02", "2026-03-04", "2026-03-06", "2026-03-07")) journal.plainDiary(night)
        journal.expose("2026-03-09T03:30:00+01:00", ExposureKind.Caffeine)
        // Outside the range: 11:00 on the 2nd belongs to the night of the 1st.
        journal.addEpisode(ep("2026-03-02T11:00:00+01:00", 30, 9))

        val s = journal.summary(nights("2026-03-02", "2026-03-15"))
        val c = s.coverage
        assertEquals(14u, c.nightsInRange)
        assertEquals(6u, c.nightsLogged) // observed: 2, 3, 4, 5, 6, 7
        assertEquals(6u, c.nightsObserved)
        assertEquals(3u, c.symptomNights)
        assertEquals(3u, c.symptomFreeNights) // 4, 6, 7
        assertEquals(8u, c.nightsNotLogged)
        assertEquals(3u, c.episodes)
        near(3.5, c.symptomNightsPerWeek, "3 ÷ 6 × 7")
        assertEquals("3.5 per week", c.perWeekText)
        assertEquals(true, c.twoOrMorePerWeek)
        // 6 ÷ 14 = 43 %.
        assertEquals("observed 6 of 14 nights (43 %)", c.coverageText)
        assertEquals(
            "Symptoms on 3 of 6 nights observed (3 episodes, 3.5 per week; observed 6 of 14 nights (43 %)): " +
                "symptoms on ≥ 2 nights a week in this period (comparing with chronic-persistent RLS needs 28 observed nights with ≥ 70 % coverage).",
            c.text,
        )
        assertEquals(listOf(true, true, true, true, true, true, false, false), s.severity.nights.take(8).map { it.logged })
        // Data quality: too few nights, the gap of the 8th to the 15th, and low coverage.
        val few = s.notes.single { it.kind == NoteKind.FEW_NIGHTS }
        assertTrue(few.text.startsWith("Only 6 nights observed: patterns need at least 14 nights"), few.text)
        val gap = s.notes.single { it.kind == NoteKind.GAP }
        assertEquals(
            "No night observed for 8 nights, Sun 8 Mar – Sun 15 Mar 2026: those nights count as missing, not as symptom-free.",
            gap.text,
        )
        assertTrue(s.notes.any { it.kind == NoteKind.LOW_COVERAGE })
        assertEquals(NoteKind.FEW_NIGHTS, s.notes.first().kind, "range notes come first")

        // Below the threshold: 1 symptom night in 4 observed (4–7) is 1.75 per week.
        val below = journal.summary(nights("2026-03-04", "2026-03-08"))
        assertEquals(4u, below.coverage.nightsLogged)
        assertEquals(1u, below.coverage.symptomNights)
        near(1.0 / 4.0 * 7.0, below.coverage.symptomNightsPerWeek, "1 ÷ 4 × 7")
        assertEquals("1.8 per week", below.coverage.perWeekText)
        assertEquals(false, below.coverage.twoOrMorePerWeek)
        assertTrue(below.coverage.text.endsWith(": fewer than 2 nights a week in this period."), below.coverage.text)
        val two = journal.summary(nights("2026-03-03", "2026-03-09"))
        // Nights 3–7 observed (5; the 8th has only the exposure), symptoms on the 3rd and 5th:
        // 2 ÷ 5 × 7 = 2.8.
        assertEquals(5u, two.coverage.nightsLogged)
        near(2.0 / 5.0 * 7.0, two.coverage.symptomNightsPerWeek, "2 ÷ 5 × 7")
        assertEquals("2.8 per week", two.coverage.perWeekText)
        assertEquals(true, two.coverage.twoOrMorePerWeek)

        // Exactly 2 per week reaches the flag: symptoms on 2 of 7 logged nights.
        val edge = openJournal(dir.resolve("edge.db"))
        for (i in 0L until 7L) edge.plainDiary(dayPlus("2026-03-02", i))
        edge.addEpisode(ep("2026-03-03T23:00:00+01:00", 30, 3))
        edge.addEpisode(ep("2026-03-06T23:00:00+01:00", 30, 3))
        val exactly = edge.summary(nights("2026-03-02", "2026-03-08")).coverage
        assertEquals(7u to 2u, exactly.nightsLogged to exactly.symptomNights)
        near(2.0, exactly.symptomNightsPerWeek, "2 ÷ 7 × 7")
        assertEquals("2.0 per week", exactly.perWeekText)
        assertEquals(true, exactly.twoOrMorePerWeek)
        // A second episode on a symptom night adds no symptom night; the 2nd–5th (the 3rd only
        // of 4 logged) is 1.75 per week, below the flag.
        edge.addEpisode(ep("2026-03-03T23:30:00+01:00", 30, 3)) // same night: still 2 symptom nights
        assertEquals(2u, edge.summary(nights("2026-03-02", "2026-03-08")).coverage.symptomNights)
        val one = edge.summary(nights("2026-03-02", "2026-03-05")).coverage
        near(1.0 / 4.0 * 7.0, one.symptomNightsPerWeek, "1 ÷ 4 × 7")
        assertEquals(false, one.twoOrMorePerWeek)
    }

    test("loggedNightWithoutSymptomsIsZeroNightWithoutEntriesIsMissing") {
        val journal = openJournal()
        // Mar 2: peaks 4 and 6; Mar 3: diary only (0); Mar 4: nothing (missing); Mar 5: 8;
        // Mar 6: 2; Mar 7: exposure only (not observed: missing); Mar 8: 3.
        journal.addEpisode(ep("2026-03-02T21:00:00+01:00", 30, 4))
        journal.addEpisode(ep("2026-03-02T23:00:00+01:00", 30, 6))
        journal.plainDiary("2026-03-03")
        journal.addEpisode(ep("2026-03-05T23:00:00+01:00", 30, 8))
        journal.addEpisode(ep("2026-03-06T23:00:00+01:00", 30, 2))
        journal.expose("2026-03-07T20:00:00+01:00", ExposureKind.Alcohol)
        journal.addEpisode(ep("2026-03-08T23:00:00+01:00", 30, 3))

        val s = journal.summary(nights("2026-03-02", "2026-03-08"))
        val v = s.severity
        assertEquals(listOf(6, 0, null, 8, 2, null, 3), v.nights.map { it.peak?.toInt() })
        assertEquals(listOf(true, true, false, true, true, false, true), v.nights.map { it.logged })
        assertEquals(listOf(2u, 0u, 0u, 1u, 1u, 0u, 1u), v.nights.map { it.episodes })
        assertEquals("Mon 2 Mar", v.nights[0].label)
        assertEquals(date("2026-03-04"), v.nights[2].night)
        // The diary-only night is symptom-free (peak 0), the empty night is missing.
        assertEquals(0.toUByte(), v.nights[1].peak)
        assertNull(v.nights[2].peak)
        assertEquals(1u, s.coverage.symptomFreeNights)
        assertEquals(2u, s.coverage.nightsNotLogged)
        // Mean over the 5 observed nights: (6+0+8+2+3)/5 = 19/5; median of 0,2,3,6,8 = 3.
        near(19.0 / 5.0, v.meanPeak, "mean peak")
        assertEquals("3.8", v.meanPeakText)
        near(3.0, v.medianPeak, "median peak")
        assertEquals("3.0", v.medianPeakText)
        near(19.0 / 4.0, v.overall.meanPeakSymptomNights, "mean peak on symptom nights")
        assertEquals(19u, v.overall.peakSum)
        // Halves: Mar 2–4 (6, 0) and Mar 6–8 (2, 3; the 7th is missing); the 5th belongs to neither.
        assertEquals(date("2026-03-04"), v.trend.firstHalf.last)
        assertEquals(date("2026-03-06"), v.trend.secondHalf.first)
        near(3.0, v.trend.firstHalf.meanPeak, "first half")
        near(5.0 / 2.0, v.trend.secondHalf.meanPeak, "second half")
        // 3.0 → 2.5 would be lower, but the halves have 2 and 2 observed nights (5 needed each).
        assertNull(v.trend.meanPeakChange)
        assertEquals(Trend.UNKNOWN, v.trend.direction)
        assertEquals("not enough data for a trend (needs 5 observed nights in each half; 2 and 2).", v.trend.text)
        assertEquals(
            "Mean nightly peak 3.8 of 10 over 5 nights observed (median 3.0); " +
                "not enough data for a trend (needs 5 observed nights in each half; 2 and 2).",
            v.text,
        )
        assertEquals(1, v.weeks.size)
        assertEquals(5u, v.weeks[0].nightsLogged)
        assertEquals(4u, v.weeks[0].symptomNights)
        val worst = assertNotNull(v.worstNight)
        assertEquals(date("2026-03-05"), worst.night)
        assertEquals(8.toUByte(), worst.peak)
        assertEquals("Thu 5 Mar 2026: peak 8/10, 1 episode", worst.text)
        assertTrue(assertAllFinite(s) > 20, "a populated summary has numbers")

        // Two weeks: the second (9th–10th) is partial and empty: missing, not zero.
        val two = journal.summary(nights("2026-03-02", "2026-03-10"))
        assertEquals(2, two.severity.weeks.size)
        assertEquals(2u, two.severity.weeks[1].nights)
        assertEquals(0u, two.severity.weeks[1].nightsLogged)
        assertNull(two.severity.weeks[1].meanPeak)
        assertNull(two.severity.weeks[1].symptomNightsPerWeek)
        // Monday weeks (ISO 8601): the 2 nights of the second week make it a partial week.
        assertTrue(two.severity.weeks[1].partialWeek)
        assertEquals(listOf(null, null), two.severity.nights.takeLast(2).map { it.peak })
        // Still 19/5: the empty nights do not pull the mean down.
        near(19.0 / 5.0, two.severity.meanPeak, "mean with two missing nights")
    }

    test("onsetMedianWrapsMidnight") {
        val journal = openJournal()
        journal.addEpisode(ep("2026-03-02T23:30:00+01:00", 60, 5))
        journal.addEpisode(ep("2026-03-04T00:30:00+01:00", 90, 5)) // the night of the 3rd
        val s = journal.summary(nights("2026-03-02", "2026-03-03"))
        val o = assertNotNull(s.timing.onset)
        // 23:30 and 00:30: the median is 00:00 (a linear median would say 12:00).
        assertEquals(0u, o.medianMinute)
        assertEquals("00:00", o.medianText)
        assertEquals(2u, o.episodes)
        assertEquals(23u * 60u + 45u, o.q1Minute)
        assertEquals("23:45", o.q1Text)
        assertEquals(15u, o.q3Minute)
        assertEquals("00:15", o.q3Text)
        assertEquals(30u, o.iqrMinutes)
        assertEquals("30 min", o.iqrText)
        val counts = s.timing.onsetHistogram.map { it.count.toInt() }
        assertEquals(List(24) { if (it == 0 || it == 23) 1 else 0 }, counts)
        near(75.0, s.timing.medianDurationMinutes, "median of 60 and 90 minutes")
        assertEquals("1 h 15 min", s.timing.medianDurationText)
    }

    test("timingLatencyDurationWakingAndOpenEpisodes") {
        val journal = openJournal()
        journal.addEpisode(ep("2026-03-02T22:00:00+01:00", 20, 5).copy(latencyMinutes = 10, wokeFromSleep = true))
        journal.addEpisode(ep("2026-03-02T23:00:00+01:00", 65, 5).copy(latencyMinutes = 30))
        journal.addEpisode(ep("2026-03-03T22:30:00+01:00", 40, 5).copy(latencyMinutes = 15))
        journal.addEpisode(ep("2026-03-04T01:00:00+01:00", 0, 5).copy(endedAt = null, wokeFromSleep = true))
        val s = journal.summary(nights("2026-03-02", "2026-03-03"))
        val t = s.timing
        assertEquals(4u, t.episodes)
        assertEquals(3u, t.latencyEpisodes)
        near(15.0, t.medianLatencyMinutes, "median of 10, 15, 30")
        assertEquals("15 min", t.medianLatencyText)
        assertEquals(3u, t.endedEpisodes)
        assertEquals(1u, t.openEpisodes)
        near(40.0, t.medianDurationMinutes, "median of 20, 40, 65")
        assertEquals(2u, t.wokeFromSleep)
        near(50.0, t.wokePercent, "2 of 4")
        // Onsets 22:00, 22:30, 23:00, 01:00, cut at the widest gap (01:00 → 22:00) and unrolled:
        // 1320, 1350, 1380, 1500 → q1 1342.5 (22:23), median 1365 (22:45), q3 1410 (23:30).
        val o = assertNotNull(t.onset)
        assertEquals("22:45", o.medianText)
        assertEquals("22:23", o.q1Text)
        assertEquals("23:30", o.q3Text)
        assertEquals(68u, o.iqrMinutes) // 67.5 rounded
        assertEquals(
            "Symptoms usually start around 22:45 (half of onsets between 22:23 and 23:30, a spread of 1 h 08 min); " +
                "earliest 22:00, range 22:00–01:00; last 40 min (median); woke the person in 2 of 4 episodes (50 %).",
            t.text,
        )
        val open = s.notes.single { it.kind == NoteKind.OPEN_EPISODE }
        assertEquals("timing", open.section)
        assertTrue("left open" in open.text, open.text)
    }

    test("triggersNeedFiveObservedNightsEachSide") {
        val journal = openJournal()
        val days = (0L until 10L).map { dayPlus("2026-03-02", it) }
        for (night in days) journal.plainDiary(night)
        // Symptoms on the 2nd, 3rd, 4th (peaks 6, 5, 7) and the 6th (3).
        for ((i, peak) in listOf(0 to 6, 1 to 5, 2 to 7, 4 to 3)) journal.addEpisode(ep("${days[i]}T23:00:00+01:00", 30, peak))
        // Caffeine on the nights of the 2nd–5th: the 5th's at 03:00 on the 6th (before that
        // night's final awakening), and a second cup on the 5th that must not count twice.
        for (night in days.subList(0, 3)) journal.expose("${night}T16:00:00+01:00", ExposureKind.Caffeine)
        journal.expose("2026-03-06T03:00:00+01:00", ExposureKind.Caffeine)
        journal.expose("2026-03-05T20:00:00+01:00", ExposureKind.Caffeine)
        // Exercise on the nights of the 6th–11th (12:30: after the cutover, the same day's night).
        for (night in days.subList(4, 10)) journal.expose("${night}T12:30:00+01:00", ExposureKind.Exercise)
        // Alcohol on two nights only.
        journal.expose("2026-03-02T20:00:00+01:00", ExposureKind.Alcohol)
        journal.expose("2026-03-03T20:00:00+01:00", ExposureKind.Alcohol)

        // 4/6, 6/4 and 2/8 nights: each short of 5 on one side (issue 14; the old rule of 3 a
        // side compared caffeine and exercise), so nothing is compared.
        val t = journal.summary(nights("2026-03-02", "2026-03-11")).triggers
        assertTrue(t.associations.isEmpty())
        assertEquals(0u, t.exposuresCompared)
        assertEquals(
            listOf(Triple("caffeine", 4u, 6u), Triple("alcohol", 2u, 8u), Triple("exercise", 6u, 4u)),
            t.notEnoughData.map { Triple(it.key, it.nightsWith, it.nightsWithout) },
        )
        assertTrue("needs 5 observed nights of each" in t.notEnoughData[0].text, t.notEnoughData[0].text)
    }

    test("triggersCarryTheTableFisherPAndVerdict") {
        val journal = openJournal()
        val days = (0L until 14L).map { dayPlus("2026-03-02", it) }
        for (night in days) journal.plainDiary(night)
        // Symptoms on nights 0–4 (peaks 6, 5, 7, 4, 8) and 6 (3). Caffeine and alcohol on nights
        // 0–5, exercise on nights 6–13.
        for ((i, peak) in listOf(0 to 6, 1 to 5, 2 to 7, 3 to 4, 4 to 8, 6 to 3)) {
            journal.addEpisode(ep("${days[i]}T23:00:00+01:00", 30, peak))
        }
        for (night in days.subList(0, 6)) {
            journal.expose("${night}T16:00:00+01:00", ExposureKind.Caffeine)
            journal.expose("${night}T17:00:00+01:00", ExposureKind.Alcohol)
        }
        for (night in days.subList(6, 14)) journal.expose("${night}T16:00:00+01:00", ExposureKind.Exercise)

        val s = journal.summary(nights("2026-03-02", "2026-03-15"))
        val t = s.triggers
        assertEquals(3u, t.exposuresCompared)
        assertEquals(listOf("alcohol", "caffeine", "exercise"), t.associations.map { it.key })
        // Caffeine: 5 of 6 with, 1 of 8 without. Fisher over C(14,6) = 3003 tables; P(a) ∝
        // C(6,a)·C(8,6−a) = 28, 336, 1050, 1120, 420, 48, 1 for a = 0..6; observed a = 5 (48);
        // as or less likely: a = 0, 5, 6 → p = 77/3003. Mean peak 30/6 = 5.0 vs 3/8 = 0.375.
        val caffeine = t.associations[1]
        assertEquals(listOf(5u, 1u, 1u, 7u), listOf(
            caffeine.symptomNightsWith, caffeine.symptomFreeNightsWith,
            caffeine.symptomNightsWithout, caffeine.symptomFreeNightsWithout,
        ))
        assertTrue(abs(caffeine.fisherP - 77.0 / 3003.0) < 1e-9, "p = ${caffeine.fisherP}")
        assertEquals("p = 0.026", caffeine.pText)
        near(4.625, caffeine.meanPeakDifference, "5.0 − 0.375")
        assertEquals(TriggerVerdict.WORSE, caffeine.verdict)
        // Exercise mirrors it: 1 of 8 with, 5 of 6 without, the same p, better nights.
        val exercise = t.associations[2]
        assertEquals(TriggerVerdict.BETTER, exercise.verdict)
        assertTrue(abs(exercise.fisherP - 77.0 / 3003.0) < 1e-9, "p = ${exercise.fisherP}")
        // Alcohol and caffeine tie: both named strongest; exercise never is.
        assertEquals(listOf("alcohol", "caffeine"), t.strongest)
        assertTrue(
            t.text.startsWith(
                "3 exposures compared: 2 exposures went with worse nights; strongest associations, equal: " +
                    "alcohol and caffeine.",
            ),
            t.text,
        )
        val point = s.discuss.single { it.topic == DiscussTopic.TRIGGERS }
        assertEquals(DiscussLevel.INFO, point.level)
        assertEquals(5u to 6u, point.count to point.outOf)
    }

    test("reliefToolkitCountsAndMedianHelp") {
        val journal = openJournal()
        val a = journal.addEpisode(ep("2026-03-02T22:00:00+01:00", 60, 2)).id
        journal.relieve(a, ReliefMethod.Walking, 2, 10, "2026-03-02T22:10:00+01:00")
        journal.relieve(a, ReliefMethod.Stretching, 1, null, "2026-03-02T22:20:00+01:00")
        val b = journal.addEpisode(ep("2026-03-03T22:00:00+01:00", 60, 3)).id
        journal.relieve(b, ReliefMethod.Walking, 3, 5, "2026-03-03T22:10:00+01:00")
        journal.relieve(b, ReliefMethod.Stretching, 0, null, "2026-03-03T22:20:00+01:00")
        val c = journal.addEpisode(ep("2026-03-04T22:00:00+01:00", 60, 5)).id
        journal.relieve(c, ReliefMethod.Walking, 1, 30, "2026-03-04T22:10:00+01:00")
        journal.relieve(c, ReliefMethod.Massage, 2, 15, "2026-03-04T22:20:00+01:00")
        val d = journal.addEpisode(ep("2026-03-05T22:00:00+01:00", 60, 6)).id
        journal.relieve(d, ReliefMethod.Massage, 3, null, "2026-03-05T22:10:00+01:00")
        journal.relieve(d, ReliefMethod.Walking, 1, null, "2026-03-05T22:20:00+01:00")
        // Severe, just before the cutover (night of the 6th); its relief after the cutover still counts.
        val e = journal.addEpisode(ep("2026-03-07T11:00:00+01:00", 120, 8)).id
        journal.relieve(e, ReliefMethod.Medication, 3, 40, "2026-03-07T12:30:00+01:00")
        // Outside the range.
        val out = journal.addEpisode(ep("2026-03-09T22:00:00+01:00", 60, 8)).id
        journal.relieve(out, ReliefMethod.Walking, 0, null, "2026-03-09T22:10:00+01:00")

        val r = journal.summary(nights("2026-03-02", "2026-03-06")).relief
        assertEquals(9u, r.attempts)
        assertEquals(listOf("medication", "massage", "walking", "stretching"), r.methods.map { it.key })
        assertEquals(listOf(1u, 2u, 4u, 2u), r.methods.map { it.timesUsed })
        val walking = r.methods[2]
        near(1.5, walking.medianHelp, "walking: median of 1, 1, 2, 3")
        near(1.75, walking.meanHelp, "walking: mean of 2, 3, 1, 1")
        assertEquals("some to much", walking.medianHelpText)
        assertEquals(3u, walking.timedUses)
        near(10.0, walking.medianMinutesToRelief, "median of 5, 10, 30")
        assertEquals("10 min", walking.medianMinutesText)
        val massage = r.methods[1]
        near(2.5, massage.medianHelp, "massage: 2 and 3")
        near(15.0, massage.medianMinutesToRelief, "massage timed once")
        near(0.5, r.methods[3].medianHelp, "stretching: 1 and 0")
        assertEquals("none to some", r.methods[3].medianHelpText)
        assertNull(r.methods[3].medianMinutesToRelief)
        assertEquals("complete", r.methods[0].medianHelpText)
        // Tiers: mild (peaks 2, 3), moderate (5, 6), severe (8).
        assertEquals(listOf(SeverityTier.MILD, SeverityTier.MODERATE, SeverityTier.SEVERE), r.tiers.map { it.tier })
        assertEquals(listOf(4u, 4u, 1u), r.tiers.map { it.attempts })
        // A tier's best needs 3 uses in that tier (design §4): walking twice when mild, massage and
        // walking twice each when moderate, medication once when severe: none qualifies yet.
        assertTrue(r.tiers.all { it.best.isEmpty() }, r.tiers.toString())
        // "Most helpful" needs 3 uses too: walking (4 uses, median 1.5) is the only one.
        assertEquals("9 relief attempts with 4 methods; most helpful: walking (some to much, 4 uses).", r.text)
    }

    test("sleepEfficiencyFromTheDiary") {
        val journal = openJournal()
        // TIB 510, TST (480 − 30 − 45) = 405, SE 79.41 %.
        journal.addSleepDiary(diaryOf("2026-03-02", "22:30", "22:45", 30, 45, "06:45", "07:00"))
        // TIB 480, TST 480 − 10 − 20 = 450, SE 93.75 %.
        journal.addSleepDiary(diaryOf("2026-03-03", "23:00", "23:00", 10, 20, "07:00", "07:00"))
        // Outside the range.
        journal.addSleepDiary(diaryOf("2026-03-05", "23:00", "23:00", 100, 100, "07:00", "07:00"))
        val z = journal.summary(nights("2026-03-02", "2026-03-04")).sleep
        assertEquals(2u, z.diaries)
        near(495.0, z.meanTimeInBedMinutes, "TIB")
        near(427.5, z.meanTotalSleepMinutes, "TST")
        near(20.0, z.meanSleepOnsetMinutes, "SOL")
        near(32.5, z.meanWakeAfterSleepOnsetMinutes, "WASO")
        near((405.0 / 510.0 * 100.0 + 93.75) / 2.0, z.meanSleepEfficiencyPercent, "SE")
        assertEquals(2u, z.efficiencyNights)
        assertEquals(1u, z.nightsBelow85Percent)
        assertEquals("8 h 15 min", z.meanTimeInBedText)
        assertEquals("7 h 08 min", z.meanTotalSleepText)
        assertEquals("87 %", z.meanSleepEfficiencyText)
        assertEquals("20 min", z.meanSleepOnsetText)
        near(1.0, z.meanAwakenings, "awakenings")
        near(3.0, z.meanQuality, "quality")
        assertEquals(
            "Over 2 nights with a diary: 7 h 08 min asleep of 8 h 15 min in bed (sleep efficiency 87 %); " +
                "1 night below 85 %; 20 min to fall asleep, 33 min awake after falling asleep. " +
                "Woken by RLS on 0 of 2 observed nights (0 %).",
            z.text,
        )
        // The sleep specialist's measures (issue 14 item 6): both diary nights are symptom-free,
        // so total sleep has no symptom-night side to compare with.
        assertEquals(2u, z.observedNights)
        assertEquals(0u, z.nightsWokenByRls)
        assertEquals("0 of 2 observed nights (0 %)", z.nightsWokenText)
        assertEquals(0u, z.symptomNightDiaries)
        assertNull(z.meanTotalSleepSymptomNightsMinutes)
        assertEquals(2u, z.symptomFreeNightDiaries)
        near(427.5, z.meanTotalSleepSymptomFreeMinutes, "TST of the symptom-free nights")
        assertNull(z.symptomNightSleepText)
    }

    test("ironAgainstTheAasmThresholds") {
        val first = openJournal()
        first.lab("2026-01-10", Analyte.Ferritin, 120.0, "µg/L")
        first.lab("2026-02-10", Analyte.Ferritin, 45.0, "ug/l")
        first.lab("2026-02-10", Analyte.TransferrinSaturation, 25.0, "%")
        first.lab("2026-04-10", Analyte.Ferritin, 30.0, "µg/L") // after the range
        val iron = first.summary(nights("2026-03-02", "2026-03-15")).iron
        val f = assertNotNull(iron.ferritin)
        assertEquals(date("2026-02-10"), f.takenOn)
        assertEquals(45.0, f.value)
        assertEquals(ThresholdCheck.LOW, f.check)
        assertEquals("45 ug/l", f.valueText)
        assertEquals("≤ 75 µg/L", f.thresholdText)
        assertEquals("Ferritin 45 ug/l on Tue 10 Feb 2026: low by the AASM 2024 threshold (≤ 75 µg/L).", f.text)
        assertFalse(f.olderThanAYear)
        assertEquals(ThresholdCheck.NOT_LOW, iron.transferrinSaturation?.check)
        assertTrue(iron.discussIronTherapy)
        assertTrue(iron.text.startsWith("Discuss iron therapy with your clinician"), iron.text)

        // Ferritin 100 ng/mL (= µg/L, not ≤ 75 but in the IV iron range ≤ 100, issue 15) and
        // saturation 18 %: discuss.
        val second = openJournal(dir.resolve("second.db"))
        second.lab("2026-02-10", Analyte.Ferritin, 100.0, "ng/mL")
        second.lab("2026-02-10", Analyte.TransferrinSaturation, 18.0, "%")
        val iron2 = second.summary(nights("2026-03-02", "2026-03-15")).iron
        assertEquals(ThresholdCheck.IV_IRON_RANGE, iron2.ferritin?.check)
        assertEquals(ThresholdCheck.LOW, iron2.transferrinSaturation?.check)
        assertTrue(iron2.discussIronTherapy)

        // Exactly 75 µg/L is low; exactly 20 % is not.
        val third = openJournal(dir.resolve("third.db"))
        third.lab("2026-02-10", Analyte.Ferritin, 75.0, "mcg/L")
        third.lab("2026-02-10", Analyte.TransferrinSaturation, 20.0, "%")
        val iron3 = third.summary(nights("2026-03-02", "2026-03-15")).iron
        assertEquals(ThresholdCheck.LOW, iron3.ferritin?.check)
        assertEquals(ThresholdCheck.NOT_LOW, iron3.transferrinSaturation?.check)
        assertTrue(iron3.discussIronTherapy)

        // 100.1 µg/L and 20 %: neither (issue 15: 76–100 µg/L is now the IV iron range, so the
        // case that reads "neither" starts above 100).
        val fourth = openJournal(dir.resolve("fourth.db"))
        fourth.lab("2026-02-10", Analyte.Ferritin, 100.1, "µg/L")
        fourth.lab("2026-02-10", Analyte.TransferrinSaturation, 20.0, "%")
        val iron4 = fourth.summary(nights("2026-03-02", "2026-03-15")).iron
        assertEquals(ThresholdCheck.NOT_LOW, iron4.ferritin?.check)
        assertFalse(iron4.discussIronTherapy)
        assertTrue(iron4.text.startsWith("Neither iron value is in the AASM 2024 ranges"), iron4.text)

        // An unknown unit is said, never compared; a result over a year old is flagged.
        val fifth = openJournal(dir.resolve("fifth.db"))
        fifth.lab("2024-12-01", Analyte.Ferritin, 30.0, "pmol/L")
        val s5 = fifth.summary(nights("2026-03-02", "2026-03-15"))
        val f5 = assertNotNull(s5.iron.ferritin)
        assertEquals(ThresholdCheck.UNIT_NOT_RECOGNISED, f5.check)
        assertTrue(f5.olderThanAYear)
        assertFalse(s5.iron.discussIronTherapy)
        assertTrue("cannot compare" in s5.iron.text, s5.iron.text)
        assertTrue(s5.notes.any { it.kind == NoteKind.LAB_RESULT && "pmol/L" in it.text }, "${s5.notes}")
        assertTrue(s5.notes.any { it.kind == NoteKind.LAB_RESULT && "more than a year old" in it.text }, "${s5.notes}")
    }

    test("irlsRatingBandAndChange") {
        val journal = openJournal()
        journal.irls("2026-02-20", 18)
        journal.irls("2026-03-09", 12)
        journal.irls("2026-04-01", 30) // after the range
        val r = journal.summary(nights("2026-03-02", "2026-03-15")).rating
        val latest = assertNotNull(r.latest)
        assertEquals(12, latest.total)
        assertEquals(IrlsBand.MODERATE, latest.band)
        assertEquals("moderate", latest.bandLabel)
        assertEquals(18, r.previous?.total)
        assertEquals(-6, r.change)
        assertTrue(r.relevantChange)
        // Only one rating in the range (the latest): no separate change since the first.
        assertNull(r.firstInRange)
        assertNull(r.changeSinceFirst)
        assertTrue("a threshold studies have used" in (r.changeText ?: ""), "${r.changeText}")
        assertTrue(r.changeText?.startsWith("down 6 points since Fri 20 Feb 2026") == true, "${r.changeText}")
        assertEquals(listOf(date("2026-03-09")), r.inRange.map { it.ratedOn })
        // A change of 3 is not relevant.
        val other = openJournal(dir.resolve("other.db"))
        other.irls("2026-03-02", 10)
        other.irls("2026-03-09", 13)
        val r2 = other.summary(nights("2026-03-02", "2026-03-15")).rating
        assertEquals(3, r2.change)
        assertFalse(r2.relevantChange)
        assertEquals(IrlsBand.MILD, r2.previous?.band)
        assertEquals(IrlsBand.MODERATE, r2.latest?.band)
    }

    test("treatmentStartedMidRangeBeforeAndAfter") {
        val journal = openJournal()
        // Every night of March 1–28 has a diary. Before the 15th: symptoms (peak 5) on 10 of 14
        // nights; from the 15th: on 2 of 14 (peak 3).
        for (i in 0L until 28L) {
            val night = dayPlus("2026-03-01", i)
            journal.plainDiary(night)
            val symptoms = if (i < 14) i < 10 else i == 16L || i == 20L
            if (symptoms) journal.addEpisode(ep("${night}T23:00:00+01:00", 30, if (i < 14) 5 else 3))
        }
        // A routine is judged from its start; an alpha-2-delta ligand (as before) only after a
        // titration period (issue 14), which this range does not reach.
        val gaba = journal.regimen("gabapentin", TreatmentCategory.Routine, "2026-03-15")
        journal.regimen("magnesium", TreatmentCategory.Magnesium, "2026-03-25")
        journal.regimen("old iron", TreatmentCategory.OralIron, "2025-01-01", "2025-06-01")
        journal.regimen("routine", TreatmentCategory.Routine, "2026-01-01", "2026-03-10")

        val s = journal.summary(nights("2026-03-01", "2026-03-28"))
        val t = s.treatments
        assertEquals(listOf("routine", "gabapentin", "magnesium"), t.active.map { it.name })
        assertEquals(listOf(false, true, true), t.active.map { it.startedInRange })
        assertEquals(listOf(true, false, false), t.active.map { it.stoppedInRange })
        assertEquals("0.25 mg", t.active[1].doseText)
        assertEquals(2, t.comparisons.size)
        val g = t.comparisons[0]
        assertEquals(gaba, g.treatmentId)
        assertTrue(g.comparable)
        assertEquals(date("2026-03-01") to date("2026-03-14"), g.before.first to g.before.last)
        assertEquals(date("2026-03-15") to date("2026-03-28"), g.after.first to g.after.last)
        assertEquals(14u to 10u, g.before.nightsLogged to g.before.symptomNights)
        assertEquals(14u to 2u, g.after.nightsLogged to g.after.symptomNights)
        near(1000.0 / 14.0, g.before.symptomNightPercent, "10 of 14")
        near(200.0 / 14.0, g.after.symptomNightPercent, "2 of 14")
        near(-800.0 / 14.0, g.symptomPercentChange, "percentage points")
        near(50.0 / 14.0, g.before.meanPeak, "before")
        near(6.0 / 14.0, g.after.meanPeak, "after")
        near((6.0 - 50.0) / 14.0, g.meanPeakChange, "peak change")
        assertTrue("down 57 points" in g.text, g.text)
        assertTrue(g.text.endsWith("so nights may improve anyway."), g.text)
        assertEquals(0u, g.settleNights)
        // Magnesium from the 25th: only 4 nights after it within the range.
        val m = t.comparisons[1]
        assertFalse(m.comparable)
        assertEquals(4u, m.after.nightsLogged)
        assertNull(m.symptomPercentChange)
        assertNull(m.meanPeakChange)
        assertTrue(s.notes.any { it.section == "treatments" && "magnesium" in it.text }, "${s.notes}")
    }

    test("augmentationWatchOnsetFourHoursEarlier") {
        val journal = openJournal()
        val agonist = journal.regimen("pramipexole", TreatmentCategory.DopamineAgonist, "2026-01-01")
        // The first 14 nights on it: onset 23:00, latency 30 min, calves, peak 4, dose at 21:00.
        // The latest 14 (Feb 16 – Mar 1): the same but onset 18:30, 4 h 30 min earlier.
        for ((start, time) in listOf("2026-01-01" to "23:00", "2026-02-16" to "18:30")) {
            for (i in 0L until 14L) {
                val night = dayPlus(start, i)
                journal.addEpisode(
                    ep("${night}T$time:00+01:00", 60, 4).copy(latencyMinutes = 30, bodyAreas = listOf(BodyArea.CALVES)),
                )
                journal.addDose(doseData(agonist, "${night}T21:00:00+01:00", amount = null))
            }
        }
        val a = journal.summary(nights("2026-02-16", "2026-03-01")).augmentation
        assertEquals(AugmentationStatus.POSSIBLE_SIGNS, a.status)
        val w = a.watches.single()
        assertEquals(agonist, w.treatmentId)
        assertEquals(date("2026-01-01"), w.baseline!!.first)
        assertEquals(14u, w.baseline!!.nightsLogged)
        assertEquals(date("2026-02-16"), w.recent.first)
        near(270.0, w.onsetEarlierMinutes, "23:00 → 18:30")
        val onset = w.signs[0]
        assertEquals(AugmentationSignKind.EARLIER_ONSET, onset.kind)
        assertTrue(onset.met)
        assertEquals("23:00" to "18:30", onset.baselineText to onset.recentText)
        near(1380.0, onset.baselineValue, "23:00")
        near(1110.0, onset.recentValue, "18:30")
        assertTrue("possible signs of augmentation" in w.text, w.text)
        assertTrue("not a diagnosis" in w.text, w.text)
        assertTrue("4 h 30 min earlier" in w.text, w.text)
        assertTrue(w.signs.drop(1).none { it.met }, "${w.signs}")
    }

    test("deletedEntriesDoNotCount") {
        val journal = openJournal()
        val id = journal.addEpisode(ep("2026-03-02T23:00:00+01:00", 30, 9)).id
        journal.relieve(id, ReliefMethod.Walking, 3, null, "2026-03-02T23:10:00+01:00")
        journal.plainDiary("2026-03-03")
        assertEquals(2u, journal.summary(nights("2026-03-02", "2026-03-03")).coverage.nightsLogged)
        journal.deleteEntry(id)
        val s = journal.summary(nights("2026-03-02", "2026-03-03"))
        assertEquals(1u, s.coverage.nightsLogged)
        assertEquals(0u, s.coverage.episodes)
        assertEquals(0u, s.relief.attempts)
        assertEquals(listOf(null, 0), s.severity.nights.map { it.peak?.toInt() }, "the deleted episode's night is missing again")
        journal.restoreEntry(id)
        assertEquals(1u, journal.summary(nights("2026-03-02", "2026-03-03")).relief.attempts)
    }

    test("reversedRangeIsATypedError") {
        val journal = openJournal()
        journal.seed()
        journal.rejects("first", "is after the last night") { summary(nights("2026-03-15", "2026-03-02")) }
        journal.rejects("first", "is after the last night") { summary(nights("2026-03-03", "2026-03-02")) }
        journal.rejects("first") { summaryText(nights("2026-03-15", "2026-03-02")) }
        journal.rejects("last", "20 years") { summary(nights("1990-01-01", "2026-03-02")) }
        assertFailsWith<JournalException.InvalidInput> { journal.summary(nights("1800-01-01", "1800-01-02")) }
        // One night and exactly 20 years are fine.
        assertEquals(1u, journal.summary(nights("2026-03-02", "2026-03-02")).coverage.nightsInRange)
        assertEquals("1 night, Mon 2 Mar 2026", journal.summary(nights("2026-03-02", "2026-03-02")).title)
        assertEquals(7306u, journal.summary(nights("2006-03-02", "2026-03-02")).coverage.nightsInRange)
    }

    test("defaultRangeIsTheLast14Nights") {
        val journal = openJournal()
        val morning = journal.settings().morningHour.toLong()
        // The last completed night: the night whose morning (at the morning hour) has begun.
        fun expected(): NightRange {
            val last = LocalDateTime.now().minusHours(morning).toLocalDate().minusDays(1)
            return NightRange(last.minusDays(13), last)
        }
        val before = expected()
        // One episode on the first and one on the last night of the range; one just before it.
        val offset = java.time.OffsetDateTime.now().offset.toString().let { if (it == "Z") "+00:00" else it }
        journal.addEpisode(ep("${before.first}T23:00:00$offset", 30, 4))
        journal.addEpisode(ep("${before.last}T23:00:00$offset", 30, 7))
        journal.addEpisode(ep("${before.first.minusDays(1)}T23:00:00$offset", 30, 9))
        val s = journal.summary()
        val text = journal.summaryText()
        val after = expected()
        assertTrue(s.range == before || s.range == after, "default range ${s.range}, expected $before")
        assertEquals(14u, s.coverage.nightsInRange)
        assertTrue(s.title.startsWith("14 nights, "), s.title)
        assertTrue(text.startsWith("RLS Journal summary: 14 nights, "), text)
        if (s.range == before) {
            assertEquals(2u, s.coverage.episodes, "the episode before the range is not counted")
            assertEquals(listOf(4, 7), s.severity.nights.mapNotNull { it.peak?.toInt() })
            assertEquals(s, journal.summary(null), "null is the default range")
        }
    }

    test("summaryTextFollowsTheRecord") {
        val journal = openJournal()
        journal.addEpisode(ep("2026-03-02T23:30:00+01:00", 60, 6))
        journal.addEpisode(ep("2026-03-04T00:30:00+01:00", 60, 4))
        journal.plainDiary("2026-03-04")
        journal.lab("2026-02-10", Analyte.Ferritin, 45.0, "µg/L")
        val range = nights("2026-03-02", "2026-03-08")
        val s = journal.summary(range)
        val text = journal.summaryText(range)
        // Three logged nights, two with symptoms: 2 ÷ 3 × 7 = 4.7 per week.
        assertEquals("4.7 per week", s.coverage.perWeekText)
        val lines = text.split("\n")
        assertEquals("RLS Journal summary: 7 nights, Mon 2 Mar – Sun 8 Mar 2026", lines[0])
        assertEquals("Self-reported by the patient.", lines[1])
        // Each line is labelled with its part's title from the core, the same on every front end.
        assertEquals("Nights and frequency", SummaryPart.COVERAGE.title())
        assertTrue("${SummaryPart.COVERAGE.title()}: ${s.coverage.text}" in lines, text)
        assertTrue(
            "Nights and frequency: Symptoms on 2 of 3 nights observed (2 episodes, 4.7 per week; observed 3 of 7 nights (43 %)): " +
                "symptoms on ≥ 2 nights a week in this period (comparing with chronic-persistent RLS needs 28 observed nights with ≥ 70 % coverage)." in lines,
            text,
        )
        assertTrue("${SummaryPart.TIMING.title()}: ${s.timing.text}" in lines, text)
        assertTrue(s.timing.text.startsWith("Symptoms usually start around 00:00"), s.timing.text)
        assertTrue("${SummaryPart.SLEEP.title()}: ${s.sleep.text}" in lines, text)
        assertTrue(lines.any { it.startsWith("Iron (AASM 2024): Ferritin 45 µg/L on Tue 10 Feb 2026: low") }, text)
        assertFalse(lines.any { it.startsWith("Augmentation watch:") }, "no agonist, no watch: $text")
        assertTrue("Notes on the data:" in lines, text)
        for (note in s.notes) assertTrue("- ${note.text}" in lines, "note ${note.text} missing in $text")
        assertFalse("NaN" in text, text)
    }

    test("keyFiguresChangesAndPointsToDiscuss") {
        val journal = openJournal()
        // Before (1–14 March): 13 logged nights, symptoms on 11 (peak 4, 22:00) = 5.9 a week.
        // Now (15–28 March): 14 logged, symptoms on 12 (peak 5, 23:00) = 6.0 a week, +0.08.
        for (i in 0L until 13L) journal.plainDiary(dayPlus("2026-03-01", i))
        for (i in 0L until 11L) journal.addEpisode(ep("${dayPlus("2026-03-01", i)}T22:00:00+01:00", 30, 4))
        for (i in 0L until 14L) journal.plainDiary(dayPlus("2026-03-15", i))
        for (i in 0L until 12L) journal.addEpisode(ep("${dayPlus("2026-03-15", i)}T23:00:00+01:00", 30, 5))
        val range = nights("2026-03-15", "2026-03-28")
        val s = journal.summary(range)
        assertEquals(nights("2026-03-01", "2026-03-14"), s.previous.range)
        assertEquals(13u, s.previous.nightsLogged)
        assertEquals(
            listOf(
                KeyFigureKind.SYMPTOM_NIGHTS_PER_WEEK,
                KeyFigureKind.MEAN_NIGHTLY_PEAK,
                KeyFigureKind.MEDIAN_ONSET,
                KeyFigureKind.SLEEP_EFFICIENCY,
                KeyFigureKind.LATEST_IRLS,
            ),
            s.keyFigures.map { it.kind },
        )
        val perWeek = s.keyFigures[0]
        assertEquals("6.0", perWeek.valueText)
        assertEquals("+0.1 (was 5.9)", perWeek.change?.text)
        // +0.08 a week is under 1 a week and under 30 % of 5.9: neither better nor worse.
        assertEquals(ChangeDirection.SAME, perWeek.change?.direction)
        assertEquals(ChangeVerdict.SAME, perWeek.change?.verdict)
        // The one severity measure: mean nightly peak over observed nights (0 when symptom-free).
        assertEquals(s.severity.meanPeak, s.keyFigures[1].value)
        // An hour later is better.
        assertEquals("1 h later (was 22:00)", s.keyFigures[2].change?.text)
        assertEquals(ChangeVerdict.BETTER, s.keyFigures[2].change?.verdict)
        // The same diaries: no change in sleep efficiency; no rating, no IRLS change.
        assertEquals(ChangeVerdict.SAME, s.keyFigures[3].change?.verdict)
        assertNull(s.keyFigures[4].change)
        // Frequency is context (the first key figure), not a point to discuss (issue 21).
        assertEquals(listOf(DiscussTopic.IRON), s.discuss.map { it.topic })
        assertEquals(DiscussLevel.INFO, s.discuss[0].level)
        val lines = journal.summaryText(range).split("\n")
        assertTrue("- Symptom nights per week: 6.0 (12 of 14 observed nights); +0.1 (was 5.9)" in lines, "$lines")
        assertTrue(lines.none { it.startsWith("- Frequency:") }, "$lines")
    }
}
