package org.rlsjournal.tests

import kotlin.test.assertEquals
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.rlsjournal.core.Analyte
import org.rlsjournal.core.BodyArea
import org.rlsjournal.core.Entry
import org.rlsjournal.core.ExposureKind
import org.rlsjournal.core.ReliefData
import org.rlsjournal.core.ReliefMethod
import org.rlsjournal.core.Sensation
import org.rlsjournal.core.Setting
import org.rlsjournal.core.Side
import org.rlsjournal.core.TreatmentCategory

// Every vocabulary value, so that each one crosses the FFI both ways at least once.
private val allSettings = listOf(Setting.InBed, Setting.Sitting, Setting.Travelling, Setting.Other("on a train"))
private val allSensations = listOf(
    Sensation.Crawling, Sensation.Tingling, Sensation.Burning, Sensation.Electric, Sensation.Aching,
    Sensation.Itching, Sensation.Pulling, Sensation.Throbbing, Sensation.Other("fizzing"),
)
private val allReliefMethods = listOf(
    ReliefMethod.Walking, ReliefMethod.Stretching, ReliefMethod.Massage, ReliefMethod.Heat, ReliefMethod.Cold,
    ReliefMethod.Compression, ReliefMethod.MagnesiumOil, ReliefMethod.Medication, ReliefMethod.WeightedBlanket,
    ReliefMethod.Vibration, ReliefMethod.Other("foot bath"),
)
private val allExposureKinds = listOf(
    ExposureKind.Caffeine, ExposureKind.Alcohol, ExposureKind.Nicotine, ExposureKind.Exercise,
    ExposureKind.ProlongedSitting, ExposureKind.LateSugar, ExposureKind.ScreenTime, ExposureKind.Stress,
    ExposureKind.Heat, ExposureKind.SedatingAntihistamine, ExposureKind.Other("espresso martini"),
)
private val allCategories = listOf(
    TreatmentCategory.DopamineAgonist, TreatmentCategory.Levodopa, TreatmentCategory.Alpha2DeltaLigand, TreatmentCategory.Opioid,
    TreatmentCategory.OralIron, TreatmentCategory.IvIron, TreatmentCategory.Magnesium,
    TreatmentCategory.OtherSupplement, TreatmentCategory.Device, TreatmentCategory.Routine,
    TreatmentCategory.Other("acupuncture"),
)
private val allAnalytes = listOf(
    Analyte.Ferritin, Analyte.TransferrinSaturation, Analyte.Hemoglobin, Analyte.SerumIron, Analyte.Tibc,
    Analyte.VitaminD, Analyte.Magnesium, Analyte.Creatinine, Analyte.Other("zinc"),
)

/** A round trip of every entity and field through the FFI and the file. */
fun roundTripTests() = suite("roundTrip") {
    test("episodeWithEveryField") {
        val journal = openJournal()
        val data = fullEpisodeData()
        val episode = journal.addEpisode(data)
        assertEquals(data, episode.data)
        assertEquals(date("2025-03-26"), episode.night)
        assertEquals(36, episode.id.length, "a UUID")
        assertEquals(episode.meta.createdAt, episode.meta.updatedAt)
        assertNull(episode.meta.deletedAt)
        assertEquals(Entry.Episode(episode), journal.entry(episode.id))
    }

    test("episodeSetsAreNormalized") {
        val journal = openJournal()
        val data = fullEpisodeData().copy(
            bodyAreas = listOf(BodyArea.ARMS, BodyArea.FEET, BodyArea.ARMS, BodyArea.CALVES),
            sensations = listOf(Sensation.Other("fizzing"), Sensation.Electric, Sensation.Crawling, Sensation.Electric),
            note = "   padded note   ",
        )
        val episode = journal.addEpisode(data)
        assertEquals(listOf(BodyArea.FEET, BodyArea.CALVES, BodyArea.ARMS), episode.data.bodyAreas)
        assertEquals(fullEpisodeData().sensations, episode.data.sensations)
        assertEquals("padded note", episode.data.note)
    }

    test("everyVocabularyValue") {
        val journal = openJournal()
        val sides = listOf(Side.LEFT, Side.RIGHT, Side.BOTH, Side.ALTERNATING)
        for ((i, setting) in allSettings.withIndex()) {
            val data = episodeData("2025-03-0${i + 1}T23:00:00+01:00").copy(
                setting = setting,
                side = sides[i],
                bodyAreas = BodyArea.entries.toList(),
                sensations = allSensations,
            )
            val episode = journal.addEpisode(data)
            assertEquals(data, episode.data)
            for ((k, method) in allReliefMethods.withIndex()) {
                val relief = ReliefData(method, (k % 4), k, data.startedAt.plusMinutes(k.toLong()))
                assertEquals(relief, journal.addReliefAttempt(episode.id, relief).data)
            }
            val reread = journal.entry(episode.id) as Entry.Episode
            assertEquals(allReliefMethods, reread.episode.relief.map { it.data.method })
        }
        for ((i, kind) in allExposureKinds.withIndex()) {
            val data = exposureData("2025-03-10T${10 + i}:00:00+01:00", kind = kind)
            assertEquals(data, journal.addExposure(data).data)
        }
        for ((i, category) in allCategories.withIndex()) {
            val data = treatmentData(name = "treatment $i", category = category)
            assertEquals(data, journal.addTreatment(data).data)
        }
        for ((i, analyte) in allAnalytes.withIndex()) {
            val data = labData(analyte = analyte, value = 1.5 + i)
            assertEquals(data, journal.addLabResult(data).data)
        }
    }

    test("reliefAttemptRoundTripAndEdit") {
        val journal = openJournal()
        val episode = journal.addEpisode(episodeData("2025-03-26T23:10:00+01:00"))
        val data = ReliefData(ReliefMethod.Other("foot bath"), 3, 20, moment("2025-03-26T23:20:00+01:00"))
        val relief = journal.addReliefAttempt(episode.id, data)
        assertEquals(data, relief.data)
        assertEquals(episode.id, relief.episodeId)
        val edited = journal.editReliefAttempt(relief.id, data.copy(helped = 1, minutesToRelief = null))
        assertEquals(relief.id, edited.id)
        assertEquals(1u, edited.data.helped.toUInt())
        assertNull(edited.data.minutesToRelief)
        val reread = journal.entry(episode.id) as Entry.Episode
        assertEquals(listOf(edited.data), reread.episode.relief.map { it.data })
    }

    test("sleepDiaryRoundTripAndEdit") {
        val journal = openJournal()
        val data = sleepData(note = "woke twice, legs")
        val diary = journal.addSleepDiary(data)
        assertEquals(data, diary.data)
        assertEquals(Entry.SleepDiary(diary), journal.entry(diary.id))
        val edited = journal.editSleepDiary(diary.id, data.copy(quality = 4, awakenings = 0, note = null))
        assertEquals(diary.id, edited.id)
        assertEquals(data.copy(quality = 4, awakenings = 0, note = null), edited.data)
        assertEquals(edited, journal.night(date("2025-03-26")).sleepDiary)
    }

    test("exposureWithOtherLabelAndEdit") {
        val journal = openJournal()
        val data = exposureData(
            "2025-03-26T19:45:00+01:00",
            kind = ExposureKind.Other("espresso martini"),
            amount = 1.5,
            unit = "glasses",
            note = "birthday",
        )
        val exposure = journal.addExposure(data)
        assertEquals(data, exposure.data)
        assertEquals(date("2025-03-26"), exposure.night)
        val bare = data.copy(kind = ExposureKind.ProlongedSitting, amount = null, unit = null, note = null)
        val edited = journal.editExposure(exposure.id, bare)
        assertEquals(bare, edited.data)
        assertEquals(Entry.Exposure(edited), journal.entry(exposure.id))
    }

    test("treatmentAndDose") {
        val journal = openJournal()
        val data = treatmentData()
        val treatment = journal.addTreatment(data)
        assertEquals(data, treatment.data)
        assertEquals(listOf(treatment), journal.treatments())
        val dose = journal.addDose(doseData(treatment.id, "2025-03-26T21:30:00+01:00"))
        assertEquals(doseData(treatment.id, "2025-03-26T21:30:00+01:00"), dose.data)
        assertEquals("Pramipexole", dose.treatmentName)
        assertEquals(date("2025-03-26"), dose.night)
        val noAmount = journal.editDose(dose.id, dose.data.copy(amount = null))
        assertNull(noAmount.data.amount)
        val stopped = journal.editTreatment(treatment.id, data.copy(stoppedOn = date("2025-03-25"), note = null))
        assertEquals(date("2025-03-25"), stopped.data.stoppedOn)
        assertEquals(Entry.Treatment(stopped), journal.entry(treatment.id))
        assertTrue(journal.night(date("2025-03-26")).activeTreatments.isEmpty(), "stopped the day before")
    }

    test("labResultAndRating") {
        val journal = openJournal()
        val lab = labData(analyte = Analyte.Other("zinc"), value = 0.00125, unit = "mg/L")
        val stored = journal.addLabResult(lab)
        assertEquals(lab, stored.data)
        val edited = journal.editLabResult(stored.id, lab.copy(analyte = Analyte.TransferrinSaturation, value = 18.0, unit = "%"))
        assertEquals(Analyte.TransferrinSaturation, edited.data.analyte)
        assertEquals(18.0, edited.data.value)
        for (total in listOf(0, 24, 40)) {
            val data = ratingData(total = total)
            assertEquals(data, journal.addSeverityRating(data).data)
        }
        val rating = journal.addSeverityRating(ratingData(ratedOn = "2025-03-13", total = 30))
        val changed = journal.editSeverityRating(rating.id, rating.data.copy(irlsTotal = 31))
        assertEquals(31u, changed.data.irlsTotal.toUInt())
        assertEquals(Entry.SeverityRating(changed), journal.entry(rating.id))
    }

    test("editEpisodeKeepsIdAndRelief") {
        val journal = openJournal()
        val episode = journal.addEpisode(episodeData("2025-03-26T23:10:00+01:00", peak = 4))
        journal.addReliefAttempt(episode.id, ReliefData(ReliefMethod.Heat, 2, 10, moment("2025-03-26T23:15:00+01:00")))
        Thread.sleep(5)
        val edited = journal.editEpisode(episode.id, fullEpisodeData())
        assertEquals(episode.id, edited.id)
        assertEquals(fullEpisodeData(), edited.data)
        assertEquals(1, edited.relief.size, "relief attempts stay")
        assertEquals(episode.meta.createdAt, edited.meta.createdAt)
        assertTrue(edited.meta.updatedAt > edited.meta.createdAt, "updatedAt moves on an edit")
    }
}
