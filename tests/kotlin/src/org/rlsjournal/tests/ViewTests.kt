package org.rlsjournal.tests

import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.rlsjournal.core.Entry
import org.rlsjournal.core.EntryKind
import org.rlsjournal.core.HistoryQuery
import org.rlsjournal.core.Journal
import org.rlsjournal.core.PromptKind
import org.rlsjournal.core.ReliefData
import org.rlsjournal.core.ReliefMethod

/** Fills a journal with 60 entries of every kind over March 2025 and deletes 9; returns live ids by kind. */
private fun Journal.fillMarch(): Map<EntryKind, Set<String>> {
    val live = mutableMapOf<EntryKind, MutableSet<String>>()
    fun keep(kind: EntryKind, id: String) = live.getOrPut(kind) { mutableSetOf() }.add(id)
    val deleted = mutableListOf<String>()
    val treatment = addTreatment(treatmentData(startedOn = "2025-03-01")).also { keep(EntryKind.TREATMENT, it.id) }
    for (day in 1..25) {
        val d = "2025-03-%02d".format(day)
        val episode = addEpisode(episodeData("${d}T23:%02d:00+01:00".format(day), peak = 1 + day % 10))
        addReliefAttempt(episode.id, ReliefData(ReliefMethod.Walking, 1, 5, episode.data.startedAt.plusMinutes(5)))
        if (day % 5 == 0) deleted += episode.id else keep(EntryKind.EPISODE, episode.id)
        if (day % 2 == 0) {
            val exposure = addExposure(exposureData("${d}T19:00:00+01:00"))
            if (day % 8 == 0) deleted += exposure.id else keep(EntryKind.EXPOSURE, exposure.id)
        }
        if (day % 3 == 0) keep(EntryKind.DOSE, addDose(doseData(treatment.id, "${d}T21:00:00+01:00")).id)
        if (day % 4 == 0) keep(EntryKind.SLEEP_DIARY, addSleepDiary(sleepData(night = d)).id)
    }
    for (day in listOf(3, 10, 17)) {
        keep(EntryKind.LAB_RESULT, addLabResult(labData(takenOn = "2025-03-%02d".format(day))).id)
        keep(EntryKind.SEVERITY_RATING, addSeverityRating(ratingData(ratedOn = "2025-03-%02d".format(day))).id)
    }
    val lab = addLabResult(labData(takenOn = "2025-03-05"))
    deleted += lab.id
    for (id in deleted) deleteEntry(id)
    return live
}

/** History paging, one night, the month calendar, prompts. */
fun viewTests() = suite("views") {
    test("historyPagesEveryLiveRecordOnce") {
        val journal = openJournal()
        val live = journal.fillMarch()
        val expected = live.values.flatten().toSet()
        for (pageSize in listOf(1, 7, 200)) {
            val seen = mutableListOf<String>()
            var cursor: String? = null
            var pages = 0
            do {
                val page = journal.history(HistoryQuery(emptyList(), cursor, pageSize))
                assertTrue(page.items.size <= pageSize)
                if (page.nextCursor != null) assertEquals(pageSize, page.items.size, "only the last page is short")
                seen += page.items.map { it.id }
                cursor = page.nextCursor
                pages++
            } while (cursor != null)
            assertEquals(seen.size, seen.toSet().size, "an item appeared twice (page size $pageSize)")
            assertEquals(expected, seen.toSet(), "page size $pageSize")
            assertEquals((expected.size + pageSize - 1) / pageSize, pages)
        }
        val items = journal.allItems(pageSize = 9)
        val episodes = items.filter { it.kind == EntryKind.EPISODE }
        val starts = episodes.map { (it.entry as Entry.Episode).episode.data.startedAt.instant }
        assertEquals(starts.sortedDescending(), starts, "newest first")
        for (item in items) {
            assertEquals(item.kind, kindOf(item.entry))
            assertTrue(item.title.isNotBlank() && item.at.isNotBlank(), "display text for ${item.kind}")
            assertNull(entryMeta(item.entry).deletedAt, "never a tombstone")
            val intensity = (item.entry as? Entry.Episode)?.episode?.data?.peakIntensity
            assertEquals(intensity, item.intensity)
        }
    }

    test("historyKindFilter") {
        val journal = openJournal()
        val live = journal.fillMarch()
        for (kind in EntryKind.entries) {
            val items = journal.allItems(listOf(kind), pageSize = 4)
            assertTrue(items.all { it.kind == kind }, "only $kind")
            assertEquals(live[kind].orEmpty(), items.map { it.id }.toSet(), "every live $kind")
        }
        val two = journal.allItems(listOf(EntryKind.LAB_RESULT, EntryKind.SEVERITY_RATING, EntryKind.LAB_RESULT), pageSize = 2)
        assertEquals(live.getValue(EntryKind.LAB_RESULT) + live.getValue(EntryKind.SEVERITY_RATING), two.map { it.id }.toSet())
        assertEquals(two.size, two.map { it.id }.toSet().size)
    }

    test("nightViewGathersTheNight") {
        val journal = openJournal()
        val treatment = journal.addTreatment(treatmentData(startedOn = "2025-03-26"))
        val exposure = journal.addExposure(exposureData("2025-03-26T20:00:00+01:00"))
        val dose = journal.addDose(doseData(treatment.id, "2025-03-26T21:30:00+01:00"))
        val early = journal.addEpisode(episodeData("2025-03-26T23:10:00+01:00", peak = 5, minutes = 30))
        val late = journal.addEpisode(episodeData("2025-03-27T02:10:00+01:00", peak = 8, minutes = 40))
        journal.addEpisode(episodeData("2025-03-27T13:00:00+01:00", peak = 9)) // after the cutover: next night
        val diary = journal.addSleepDiary(sleepData())
        val lab = journal.addLabResult(labData(takenOn = "2025-03-26"))
        val rating = journal.addSeverityRating(ratingData(ratedOn = "2025-03-26"))
        val night = journal.night(date("2025-03-26"))
        assertEquals(date("2025-03-26"), night.night)
        assertTrue("26" in night.title, night.title)
        assertEquals(listOf(early.id, late.id), night.episodes.map { it.id }, "in time order")
        assertEquals(8u, night.peakIntensity?.toUInt())
        assertEquals(70u, night.symptomMinutes)
        assertEquals(diary, night.sleepDiary)
        assertEquals(listOf(exposure), night.exposures)
        assertEquals(listOf(dose), night.doses)
        assertEquals(listOf(lab), night.labResults)
        assertEquals(listOf(rating), night.severityRatings)
        assertEquals(listOf(treatment), night.treatmentsStarted)
        assertEquals(listOf(treatment), night.activeTreatments)
        assertTrue("2 episodes" in night.summary && "8/10" in night.summary, night.summary)
        val empty = journal.night(date("2025-03-10"))
        assertTrue(empty.episodes.isEmpty())
        assertNull(empty.peakIntensity)
        assertNull(empty.sleepDiary)
    }

    test("nightOfUsesEachMomentsOwnOffset") {
        val journal = openJournal()
        assertEquals(date("2025-03-26"), journal.nightOf(moment("2025-03-27T11:59:00+01:00")))
        assertEquals(date("2025-03-27"), journal.nightOf(moment("2025-03-27T12:00:00+01:00")))
        // After travel: 13:00 in Tokyo is the next night there, though it is 04:00 UTC.
        val tokyo = journal.addEpisode(episodeData("2025-03-28T13:00:00+09:00"))
        assertEquals(date("2025-03-28"), tokyo.night)
        assertEquals(13, tokyo.data.startedAt.let { it.instant.atOffset(java.time.ZoneOffset.ofTotalSeconds(it.offsetMinutes * 60)).hour })
        // Across the change to summer time (30 March 2025, Europe): both halves are the night of the 29th.
        val beforeDst = journal.addEpisode(episodeData("2025-03-30T01:30:00+01:00"))
        val afterDst = journal.addEpisode(episodeData("2025-03-30T03:30:00+02:00"))
        assertEquals(date("2025-03-29"), beforeDst.night)
        assertEquals(date("2025-03-29"), afterDst.night)
        assertEquals(120, afterDst.data.startedAt.offsetMinutes)
    }

    test("calendarMonth") {
        val journal = openJournal()
        journal.addEpisode(episodeData("2025-03-26T23:10:00+01:00", peak = 5))
        journal.addEpisode(episodeData("2025-03-27T02:10:00+01:00", peak = 8))
        journal.addSleepDiary(sleepData())
        journal.addExposure(exposureData("2025-03-10T19:00:00+01:00"))
        val gone = journal.addEpisode(episodeData("2025-03-12T23:00:00+01:00", peak = 9))
        journal.deleteEntry(gone.id)
        journal.addEpisode(episodeData("2025-04-01T23:00:00+02:00", peak = 3))
        val march = journal.calendarMonth(2025, 3)
        assertEquals(2025, march.year)
        assertEquals(3u, march.month.toUInt())
        assertEquals("March 2025", march.title)
        assertEquals(6u, march.firstWeekday.toUInt(), "1 March 2025 is a Saturday (Monday = 1)")
        assertEquals(31, march.days.size)
        assertEquals((1..31).map { date("2025-03-%02d".format(it)) }, march.days.map { it.night })
        val night26 = march.days[25]
        assertEquals(8u, night26.peakIntensity?.toUInt())
        assertEquals(2u, night26.episodeCount)
        assertTrue(night26.hasSleepDiary)
        assertEquals(3u, night26.entryCount)
        val night10 = march.days[9]
        assertNull(night10.peakIntensity)
        assertEquals(0u, night10.episodeCount)
        assertEquals(1u, night10.entryCount)
        val night12 = march.days[11]
        assertEquals(0u, night12.entryCount, "a deleted episode does not count")
        assertEquals(listOf(10, 26), march.days.filter { it.entryCount > 0u }.map { it.night.dayOfMonth })
        assertEquals(30, journal.calendarMonth(2025, 4).days.size)
        assertEquals(29, journal.calendarMonth(2024, 2).days.size)
    }

    test("promptsOnAnEmptyJournal") {
        val journal = openJournal()
        val prompts = journal.prompts(moment("2025-03-27T08:00:00+01:00"))
        assertEquals(setOf(PromptKind.MORNING_CHECK_IN, PromptKind.SEVERITY_RATING), prompts.map { it.kind }.toSet())
        val morning = prompts.single { it.kind == PromptKind.MORNING_CHECK_IN }
        assertEquals(date("2025-03-26"), morning.night)
        assertTrue(morning.title.isNotBlank() && morning.message.isNotBlank())
        // Before the morning hour (05:00) the check-in due is still the one for the night before.
        val early = journal.prompts(moment("2025-03-27T04:00:00+01:00")).single { it.kind == PromptKind.MORNING_CHECK_IN }
        assertEquals(date("2025-03-25"), early.night)
    }

    test("promptsClearWhenDone") {
        val journal = openJournal()
        val now = moment("2025-03-27T08:00:00+01:00")
        journal.addSleepDiary(sleepData())
        journal.addSeverityRating(ratingData(ratedOn = "2025-03-24"))
        assertEquals(emptyList(), journal.prompts(now))
        // A week after the last rating it is due again; the next morning needs its own diary.
        val weekLater = journal.prompts(moment("2025-03-31T09:00:00+02:00")).map { it.kind }.toSet()
        assertEquals(setOf(PromptKind.MORNING_CHECK_IN, PromptKind.SEVERITY_RATING), weekLater)
    }

    test("promptForEpisodeStillOpen") {
        val journal = openJournal()
        journal.addSleepDiary(sleepData())
        journal.addSeverityRating(ratingData(ratedOn = "2025-03-24"))
        val episode = journal.quickLog(6, null, moment("2025-03-27T05:00:00+01:00"))
        assertFalse(journal.prompts(moment("2025-03-27T07:00:00+01:00")).any { it.kind == PromptKind.OPEN_EPISODE })
        val prompts = journal.prompts(moment("2025-03-27T08:30:00+01:00"))
        val open = prompts.single { it.kind == PromptKind.OPEN_EPISODE }
        assertEquals(episode.id, open.episodeId)
        journal.endEpisode(moment("2025-03-27T05:40:00+01:00"))
        assertEquals(emptyList(), journal.prompts(moment("2025-03-27T08:30:00+01:00")))
    }

    test("eveningCheckInPrompt") {
        val journal = openJournal()
        journal.updateSettings(journal.settings().copy(eveningReminderHour = 20))
        journal.addSleepDiary(sleepData(night = "2025-03-25"))
        journal.addSeverityRating(ratingData(ratedOn = "2025-03-24"))
        assertEquals(emptyList(), journal.prompts(moment("2025-03-26T19:00:00+01:00")), "before the reminder hour")
        val evening = journal.prompts(moment("2025-03-26T21:00:00+01:00")).single()
        assertEquals(PromptKind.EVENING_CHECK_IN, evening.kind)
        assertEquals(date("2025-03-26"), evening.night)
        journal.addExposure(exposureData("2025-03-26T20:30:00+01:00"))
        assertEquals(emptyList(), journal.prompts(moment("2025-03-26T21:00:00+01:00")), "something is logged tonight")
    }
}

/** The kind of an entry, from its variant. */
fun kindOf(entry: Entry): EntryKind = when (entry) {
    is Entry.Episode -> EntryKind.EPISODE
    is Entry.SleepDiary -> EntryKind.SLEEP_DIARY
    is Entry.Exposure -> EntryKind.EXPOSURE
    is Entry.Treatment -> EntryKind.TREATMENT
    is Entry.Dose -> EntryKind.DOSE
    is Entry.LabResult -> EntryKind.LAB_RESULT
    is Entry.SeverityRating -> EntryKind.SEVERITY_RATING
    is Entry.NoSymptoms -> EntryKind.NO_SYMPTOMS
    is Entry.Visit -> EntryKind.VISIT
    is Entry.SafetyCheck -> EntryKind.SAFETY_CHECK
}

/** The record metadata of an entry. */
fun entryMeta(entry: Entry) = when (entry) {
    is Entry.Episode -> entry.episode.meta
    is Entry.SleepDiary -> entry.diary.meta
    is Entry.Exposure -> entry.exposure.meta
    is Entry.Treatment -> entry.treatment.meta
    is Entry.Dose -> entry.dose.meta
    is Entry.LabResult -> entry.lab.meta
    is Entry.SeverityRating -> entry.rating.meta
    is Entry.NoSymptoms -> entry.answer.meta
    is Entry.Visit -> entry.visit.meta
    is Entry.SafetyCheck -> entry.check.meta
}
