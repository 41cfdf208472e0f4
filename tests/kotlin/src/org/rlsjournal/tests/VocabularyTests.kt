package org.rlsjournal.tests

import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.rlsjournal.core.Analyte
import org.rlsjournal.core.BodyArea
import org.rlsjournal.core.EntryKind
import org.rlsjournal.core.NightLine
import org.rlsjournal.core.PaperSize
import org.rlsjournal.core.ReliefData
import org.rlsjournal.core.ReliefMethod
import org.rlsjournal.core.Side
import org.rlsjournal.core.vocabularies
import org.rlsjournal.journal.toOffsetDateTime

/** The calls that give the apps the core's display text, drafts and ranges: vocabularies, night lines, diary draft, open episode item, last nights. */
fun vocabularyTests() = suite("vocabulary") {
    test("everyPlainValueOnceWithALabel") {
        val v = vocabularies()
        assertEquals(Side.entries.toList(), v.sides.map { it.value })
        assertEquals(BodyArea.entries.toList(), v.bodyAreas.map { it.value })
        assertEquals(EntryKind.entries.toList(), v.entryKinds.map { it.value })
        assertEquals(PaperSize.entries.toList(), v.paperSizes.map { it.value })
        assertEquals(listOf(0, 1, 2, 3), v.helped.map { it.value.toInt() })
        val lists = listOf(
            v.sides.map { it.value to it.label }, v.bodyAreas.map { it.value to it.label },
            v.sensations.map { it.value to it.label }, v.settings.map { it.value to it.label },
            v.reliefMethods.map { it.value to it.label }, v.exposureKinds.map { it.value to it.label },
            v.treatmentCategories.map { it.value to it.label }, v.analytes.map { it.value to it.label },
            v.entryKinds.map { it.value to it.label }, v.paperSizes.map { it.value to it.label },
            v.helped.map { it.value to it.label },
        )
        for (list in lists) {
            assertTrue(list.isNotEmpty())
            assertEquals(list.size, list.map { it.first }.toSet().size, "a value appears twice: $list")
            assertTrue(list.all { it.second.isNotBlank() }, "an empty label: $list")
        }
        // Ten methods, then the blank "other" the app asks a label for.
        assertEquals(11, v.reliefMethods.size)
        assertEquals(listOf(ReliefMethod.Other(label = "")), v.reliefMethods.filter { it.isOther }.map { it.value })
        assertEquals(listOf(Analyte.Other(label = "")), v.analytes.filter { it.isOther }.map { it.value })
    }

    test("labelsAreTheCoresOwnWords") {
        val v = vocabularies()
        val vibration = v.reliefMethods.single { it.value == ReliefMethod.Vibration }
        assertEquals("vibration device", vibration.name)
        assertEquals("Vibration device", vibration.label)
        assertEquals("US Letter", v.paperSizes.single { it.value == PaperSize.LETTER }.label)
        assertEquals("helped some", v.helped.single { it.value.toInt() == 1 }.name)
        // The history writes the same words.
        val journal = openJournal()
        val episode = journal.addEpisode(episodeData("2025-03-10T23:00:00+01:00", peak = 5))
        journal.addReliefAttempt(
            episode.id,
            ReliefData(ReliefMethod.Vibration, 1, null, episode.data.startedAt.plusMinutes(5)),
        )
        val detail = journal.allItems().single { it.id == episode.id }.detail
        assertTrue("vibration device (helped some)" in detail, detail)
    }

    test("nightItemsAreTheHistoryLinesInTimeOrder") {
        val journal = openJournal()
        journal.addExposure(exposureData("2025-03-10T19:00:00+01:00"))
        journal.addEpisode(episodeData("2025-03-10T23:00:00+01:00", peak = 6))
        journal.addSleepDiary(sleepData(night = "2025-03-10"))
        journal.addEpisode(episodeData("2025-03-11T23:00:00+01:00", peak = 3))
        val view = journal.night(date("2025-03-10"))
        val history = journal.allItems().filter { it.night == date("2025-03-10") }.reversed()
        assertEquals(
            history.map { NightLine(it.kind, it.id, it.at, it.title, it.detail, it.intensity) },
            view.items,
        )
        assertEquals(3, view.items.size)
        assertTrue(view.items.any { it.title == "Symptoms 6/10" })
        assertTrue(journal.night(date("2025-03-20")).items.isEmpty())
    }

    test("sleepDiaryDraftDefaultsThenUsualTimes") {
        val journal = openJournal()
        val empty = journal.sleepDiaryDraft(date("2025-03-10"))
        assertEquals(date("2025-03-10"), empty.nightOf)
        assertEquals(15, empty.sleepOnsetMinutes)
        assertEquals(23, empty.gotIntoBedAt.toOffsetDateTime().hour)
        assertEquals(date("2025-03-11"), empty.outOfBedAt.toOffsetDateTime().toLocalDate())
        assertEquals(7, empty.outOfBedAt.toOffsetDateTime().hour)
        // With history: the medians of the person's local clock times, across midnight.
        val bedtimes = listOf("2025-03-01" to "2025-03-01T23:30", "2025-03-02" to "2025-03-03T00:30", "2025-03-03" to "2025-03-04T00:10")
        for ((night, bed) in bedtimes) {
            val next = date(night).plusDays(1)
            journal.addSleepDiary(
                sleepData(night = night).copy(
                    gotIntoBedAt = moment("$bed:00+01:00"),
                    triedToSleepAt = moment("$bed:00+01:00"),
                    sleepOnsetMinutes = 20,
                    awakenings = 0,
                    wakeAfterSleepOnsetMinutes = 0,
                    finalAwakeningAt = moment("${next}T07:30:00+01:00"),
                    outOfBedAt = moment("${next}T07:30:00+01:00"),
                ),
            )
        }
        val draft = journal.sleepDiaryDraft(date("2025-03-10"))
        val bed = draft.gotIntoBedAt.toOffsetDateTime()
        assertEquals(date("2025-03-11"), bed.toLocalDate())
        assertEquals(0 to 10, bed.hour to bed.minute)
        assertEquals(20, draft.sleepOnsetMinutes)
        journal.addSleepDiary(draft) // the draft passes validation as it is
    }

    test("lastNightsEndsWithTheDefaultRangesLastNight") {
        val journal = openJournal()
        val default = journal.summary(null).range
        assertEquals(default, journal.lastNights(14))
        val ninety = journal.lastNights(90)
        assertEquals(default.last, ninety.last)
        assertEquals(default.last.minusDays(89), ninety.first)
        assertEquals(ninety, journal.summary(ninety).range)
        journal.rejects("nights") { lastNights(0) }
        journal.rejects("nights") { lastNights(7_307) }
    }

    test("openEpisodeItemIsTheHistorysItem") {
        val journal = openJournal()
        assertEquals(null, journal.openEpisodeItem())
        val episode = journal.quickLog(6)
        val item = journal.openEpisodeItem()!!
        assertEquals(episode.id, item.id)
        assertEquals(journal.allItems().single { it.id == episode.id }, item)
        assertEquals(6, item.intensity?.toInt())
        journal.endEpisode()
        assertEquals(null, journal.openEpisodeItem())
    }
}
