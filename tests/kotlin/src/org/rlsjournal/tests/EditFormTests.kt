package org.rlsjournal.tests

import java.time.LocalDateTime
import java.time.ZoneId
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertNotEquals
import kotlin.test.assertTrue
import org.rlsjournal.core.Entry
import org.rlsjournal.core.Moment
import org.rlsjournal.journal.MomentField

// Issue 18: an edit form rebuilt every time from the device's current zone changed the stored
// offset of times the person never touched. The apps' forms hold each time as a MomentField;
// these tests run every edit path that carries a moment (episode start and end, exposure, dose,
// the sleep diary's four times) through the real journal, with entries recorded in Tokyo and the
// "device" now in Los Angeles, and require the re-read moments to be exactly the stored ones.

/** The device's zone in these tests: far from where the entries were recorded. */
private val travelZone: ZoneId = ZoneId.of("America/Los_Angeles")

/** What an untouched form field saves. */
private fun untouched(stored: Moment): Moment = MomentField.of(stored).moment(travelZone)

fun editFormTests() = suite("editForms") {
    test("unchangedEpisodeTimesKeepTheirOffset") {
        val journal = openJournal()
        val added = journal.addEpisode(episodeData("2025-03-27T02:10:00+09:00", minutes = 45))
        val loaded = (journal.entry(added.id) as Entry.Episode).episode.data
        val form = loaded.copy(
            startedAt = untouched(loaded.startedAt),
            endedAt = loaded.endedAt?.let(::untouched),
            peakIntensity = 7,
        )
        val edited = journal.editEpisode(added.id, form)
        assertEquals(added.data.startedAt, edited.data.startedAt)
        assertEquals(added.data.endedAt, edited.data.endedAt)
        assertEquals(540, edited.data.startedAt.offsetMinutes)
        assertEquals(added.night, edited.night)
        assertEquals(7, (journal.entry(added.id) as Entry.Episode).episode.data.peakIntensity)
    }

    test("unchangedExposureAndDoseTimesKeepTheirOffset") {
        val journal = openJournal()
        val exposure = journal.addExposure(exposureData("2025-03-26T21:40:00+09:00"))
        val loadedExposure = (journal.entry(exposure.id) as Entry.Exposure).exposure.data
        val editedExposure = journal.editExposure(
            exposure.id,
            loadedExposure.copy(at = untouched(loadedExposure.at), note = "decaf"),
        )
        assertEquals(exposure.data.at, editedExposure.data.at)
        assertEquals(exposure.night, editedExposure.night)

        val treatment = journal.addTreatment(treatmentData())
        val dose = journal.addDose(doseData(treatment.id, "2025-03-26T22:05:00+09:00"))
        val loadedDose = (journal.entry(dose.id) as Entry.Dose).dose.data
        val editedDose = journal.editDose(dose.id, loadedDose.copy(at = untouched(loadedDose.at), amount = 0.25))
        assertEquals(dose.data.at, editedDose.data.at)
        assertEquals(dose.night, editedDose.night)
    }

    test("unchangedSleepDiaryTimesKeepTheirOffset") {
        val journal = openJournal()
        val diary = journal.addSleepDiary(sleepData("2025-03-26"))
        val loaded = (journal.entry(diary.id) as Entry.SleepDiary).diary.data
        val form = loaded.copy(
            gotIntoBedAt = untouched(loaded.gotIntoBedAt),
            triedToSleepAt = untouched(loaded.triedToSleepAt),
            finalAwakeningAt = untouched(loaded.finalAwakeningAt),
            outOfBedAt = untouched(loaded.outOfBedAt),
            quality = 4,
        )
        val edited = journal.editSleepDiary(diary.id, form)
        assertEquals(diary.data.copy(quality = 4), edited.data)
    }

    test("aChangedTimeRecordedElsewhereStaysAtItsOffsetAndChangingItBackRestoresTheStoredMoment") {
        val stored = moment("2025-03-27T02:10:00+09:00")
        val field = MomentField.of(stored)
        assertFalse(field.isChanged)
        assertEquals(LocalDateTime.parse("2025-03-27T02:10:00"), field.local)

        // Shown as lived in Tokyo; 02:40 is meant there, not in Los Angeles.
        val later = field.changedTo(LocalDateTime.parse("2025-03-27T02:40:00"))
        assertTrue(later.isChanged)
        assertEquals(moment("2025-03-27T02:40:00+09:00"), later.moment(travelZone))

        val back = later.changedTo(LocalDateTime.parse("2025-03-27T02:10:00"))
        assertFalse(back.isChanged)
        assertEquals(stored, back.moment(travelZone))
        assertEquals(field, back)

        val fresh = MomentField.new(LocalDateTime.parse("2025-03-27T02:10:00"))
        assertTrue(fresh.isChanged, "a new entry has no stored moment to keep")
        assertEquals(moment("2025-03-27T02:10:00-07:00"), fresh.moment(travelZone))
    }

    test("aChangedTimeRecordedInThisZoneTakesTheZonesOffsetOnTheNewDate") {
        val paris = ZoneId.of("Europe/Paris")
        val winter = MomentField.of(moment("2025-03-20T23:30:00+01:00"))
        // Moved past the change to summer time (30 March 2025): +02:00 on the new date.
        val moved = winter.changedTo(LocalDateTime.parse("2025-04-02T23:30:00"))
        assertEquals(moment("2025-04-02T23:30:00+02:00"), moved.moment(paris))
        assertNotEquals(winter.original?.offsetMinutes, moved.moment(paris).offsetMinutes)
    }

    test("secondsAndMillisecondsOfAStoredMomentSurviveAnUntouchedEdit") {
        val journal = openJournal()
        val added = journal.addExposure(exposureData("2025-03-26T21:40:17.250+05:45"))
        val loaded = (journal.entry(added.id) as Entry.Exposure).exposure.data
        val edited = journal.editExposure(added.id, loaded.copy(at = untouched(loaded.at)))
        assertEquals(added.data.at, edited.data.at)
        assertEquals(345, edited.data.at.offsetMinutes)
    }
}
