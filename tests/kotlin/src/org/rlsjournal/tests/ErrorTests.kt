package org.rlsjournal.tests

import java.time.Instant
import java.time.LocalDate
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import org.rlsjournal.core.Analyte
import org.rlsjournal.core.EntryKind
import org.rlsjournal.core.ExposureKind
import org.rlsjournal.core.HistoryQuery
import org.rlsjournal.core.JournalException
import org.rlsjournal.core.Moment
import org.rlsjournal.core.ReliefData
import org.rlsjournal.core.ReliefMethod
import org.rlsjournal.core.Setting
import org.rlsjournal.core.Settings
import org.rlsjournal.core.TreatmentCategory

/**
 * Every validation rule arrives in Kotlin as a typed `JournalException` with its field and reason,
 * and the journal is exactly as before afterwards (checked by `rejects`/`notFound`).
 */
fun errorTests() = suite("errors") {
    test("intensityOutOfRange") {
        val journal = openJournal()
        val episodeId = journal.seed()
        journal.rejects("peak_intensity", "between 1 and 10") { quickLog(11, null, null) }
        journal.rejects("peak_intensity") { quickLog(0, null, null) }
        // With an episode open, a rejected log must not touch it either.
        journal.rejects("peak_intensity") { quickLog(11, null, moment("2025-03-27T02:30:00+01:00")) }
        journal.rejects("peak_intensity") { addEpisode(episodeData("2025-03-20T23:00:00+01:00", peak = 11)) }
        journal.rejects("peak_intensity") { editEpisode(episodeId, episodeData("2025-03-26T23:10:00+01:00", peak = 255)) }
    }

    test("reliefHelpedOutOfRange") {
        val journal = openJournal()
        val episodeId = journal.seed()
        journal.rejects("helped", "between 0 and 3") { addRelief(ReliefMethod.Walking, 4, null, null) }
        val relief = ReliefData(ReliefMethod.Walking, 4, null, moment("2025-03-26T23:20:00+01:00"))
        journal.rejects("helped") { addReliefAttempt(episodeId, relief) }
        journal.rejects("minutes_to_relief") { addReliefAttempt(episodeId, relief.copy(helped = 1, minutesToRelief = 100_000)) }
    }

    test("sleepQualityOutOfRange") {
        val journal = openJournal()
        journal.addExposure(exposureData("2025-03-26T20:00:00+01:00"))
        journal.rejects("quality", "between 1 and 5") { addSleepDiary(sleepData(quality = 0)) }
        journal.rejects("quality") { addSleepDiary(sleepData(quality = 6)) }
        val diary = journal.addSleepDiary(sleepData())
        journal.rejects("quality") { editSleepDiary(diary.id, sleepData(quality = 0)) }
    }

    test("irlsTotalOver40") {
        val journal = openJournal()
        journal.seed()
        journal.rejects("irls_total", "between 0 and 40") { addSeverityRating(ratingData(total = 41)) }
    }

    test("endBeforeStart") {
        val journal = openJournal()
        journal.seed()
        journal.rejects("ended_at", "before") {
            addEpisode(episodeData("2025-03-20T23:00:00+01:00", minutes = -1))
        }
        // The open episode (seeded at 02:10) cannot end before it started.
        journal.rejects("ended_at") { endEpisode(moment("2025-03-27T02:00:00+01:00")) }
        journal.rejects("tried_to_sleep_at") {
            addSleepDiary(sleepData(night = "2025-03-20").copy(triedToSleepAt = moment("2025-03-20T22:00:00+01:00")))
        }
        journal.rejects("stopped_on") { addTreatment(treatmentData(startedOn = "2025-03-01", stoppedOn = "2025-02-01")) }
    }

    test("moreThan24HoursInTheFuture") {
        val journal = openJournal()
        journal.seed()
        journal.rejects("started_at", "future") { quickLog(5, null, fromNow(25)) }
        journal.rejects("at", "future") { addExposure(exposureData("2025-03-26T20:00:00+01:00").copy(at = fromNow(48))) }
        journal.rejects("ended_at", "future") { endEpisode(fromNow(30)) }
        journal.rejects("taken_on", "future") { addLabResult(labData().copy(takenOn = LocalDate.now().plusDays(3))) }
        // Up to 24 hours ahead is accepted (clock skew between devices).
        journal.addExposure(exposureData("2025-03-26T20:00:00+01:00").copy(at = fromNow(23)))
    }

    test("badMomentsDatesAndText") {
        val journal = openJournal()
        journal.seed()
        val instant = Instant.parse("2025-03-26T23:00:00Z")
        journal.rejects("started_at", "18 hours") { quickLog(5, null, Moment(instant, 18 * 60 + 1)) }
        journal.rejects("started_at", "1970") { quickLog(5, null, Moment(Instant.parse("1969-12-31T23:59:59Z"), 0)) }
        journal.rejects("started_at", "future") { quickLog(5, null, Moment(Instant.MAX, 0)) }
        journal.rejects("taken_on", "1900") { addLabResult(labData().copy(takenOn = LocalDate.of(1899, 12, 31))) }
        journal.rejects("note", "NUL") { addExposure(exposureData("2025-03-26T20:00:00+01:00", note = "a\u0000b")) }
        journal.rejects("unit", "amount") { addExposure(exposureData("2025-03-26T20:00:00+01:00", amount = null, unit = "cups")) }
        journal.rejects("year") { calendarMonth(Int.MIN_VALUE, 1) }
        // A date Rust cannot represent is still a typed error, not a crash.
        val before = journal.state()
        assertFailsWith<JournalException.InvalidInput> { journal.addLabResult(labData().copy(takenOn = LocalDate.MAX)) }
        assertFailsWith<JournalException.InvalidInput> { journal.night(LocalDate.MIN) }
        assertEquals(before, journal.state())
    }

    test("labValueNotFinite") {
        val journal = openJournal()
        journal.seed()
        journal.rejects("value", "finite") { addLabResult(labData(value = Double.NaN)) }
        journal.rejects("value", "finite") { addLabResult(labData(value = Double.POSITIVE_INFINITY)) }
        journal.rejects("value", "greater than zero") { addLabResult(labData(value = -3.0)) }
        journal.rejects("unit") { addLabResult(labData(unit = "  ")) }
        journal.rejects("amount") { addExposure(exposureData("2025-03-26T20:00:00+01:00", amount = Double.NaN)) }
    }

    test("otherWithoutLabel") {
        val journal = openJournal()
        val episodeId = journal.seed()
        journal.rejects("kind", "label") { addExposure(exposureData("2025-03-26T20:00:00+01:00", kind = ExposureKind.Other("  "))) }
        journal.rejects("method", "label") { addRelief(ReliefMethod.Other(""), 1, null, null) }
        journal.rejects("analyte", "label") { addLabResult(labData(analyte = Analyte.Other(""))) }
        journal.rejects("category", "label") { addTreatment(treatmentData(category = TreatmentCategory.Other(" "))) }
        journal.rejects("setting", "label") {
            editEpisode(episodeId, episodeData("2025-03-26T23:10:00+01:00").copy(setting = Setting.Other("")))
        }
        journal.rejects("kind") { addExposure(exposureData("2025-03-26T20:00:00+01:00", kind = ExposureKind.Other("x".repeat(101)))) }
    }

    test("textOver4000Characters") {
        val journal = openJournal()
        journal.seed()
        journal.rejects("note", "4000") { addEpisode(episodeData("2025-03-20T23:00:00+01:00", note = "a".repeat(4001))) }
        journal.rejects("note") { addSleepDiary(sleepData(night = "2025-03-20", note = "é".repeat(4001))) }
        journal.rejects("name") { addTreatment(treatmentData(name = "n".repeat(201))) }
        // Exactly 4,000 characters (not bytes: each of these is 2 or 4 bytes in UTF-8) is fine.
        val long = "é".repeat(3000) + "🦵".repeat(1000)
        assertEquals(4000, long.codePointCount(0, long.length))
        val episode = journal.addEpisode(episodeData("2025-03-20T23:00:00+01:00", note = long))
        assertEquals(long, episode.data.note)
    }

    test("unknownIdIsNotFound") {
        val journal = openJournal()
        val episodeId = journal.seed()
        val unknown = "0193d0c5-0000-7000-8000-000000000000"
        journal.notFound { entry(unknown) }
        journal.notFound { editEpisode(unknown, episodeData("2025-03-20T23:00:00+01:00")) }
        journal.notFound { editExposure(unknown, exposureData("2025-03-26T20:00:00+01:00")) }
        journal.notFound { editSleepDiary(unknown, sleepData(night = "2025-03-20")) }
        journal.notFound { editLabResult(unknown, labData()) }
        journal.notFound { deleteEntry(unknown) }
        journal.notFound { addDose(doseData(unknown, "2025-03-26T21:00:00+01:00")) }
        journal.notFound { addReliefAttempt(unknown, ReliefData(ReliefMethod.Cold, 1, null, moment("2025-03-26T23:20:00+01:00"))) }
        // An id of the wrong kind is not found either.
        journal.notFound { addDose(doseData(episodeId, "2025-03-26T21:00:00+01:00")) }
    }

    test("badCursorAndLimit") {
        val journal = openJournal()
        journal.seed()
        journal.rejects("cursor") { history(HistoryQuery(emptyList(), "not a cursor", 10)) }
        journal.rejects("cursor") { history(HistoryQuery(listOf(EntryKind.EPISODE), "123:", 10)) }
        journal.rejects("cursor") { history(HistoryQuery(emptyList(), "abc:0193", 10)) }
        journal.rejects("limit", "between 1 and 200") { history(HistoryQuery(emptyList(), null, 0)) }
        journal.rejects("limit") { history(HistoryQuery(emptyList(), null, 201)) }
        journal.rejects("month") { calendarMonth(2025, 13) }
    }

    test("secondSleepDiaryForANight") {
        val journal = openJournal()
        journal.seed()
        journal.rejects("night_of", "already") { addSleepDiary(sleepData(quality = 5)) }
    }

    test("invalidSettings") {
        val journal = openJournal()
        journal.seed()
        val settings = journal.settings()
        journal.rejects("night_cutover_hour", "between 0 and 23") { updateSettings(settings.copy(nightCutoverHour = 24)) }
        journal.rejects("morning_hour") { updateSettings(settings.copy(morningHour = 99)) }
        journal.rejects("evening_reminder_hour") { updateSettings(Settings(12, 5, 24, settings.paperSize)) }
    }

    test("extremeMomentsInViewsAreInvalidInput") {
        val journal = openJournal()
        journal.rejects("at", "years 1 to 9999") { nightOf(Moment(Instant.MAX, 60)) }
        journal.rejects("at") { nightOf(Moment(Instant.MIN, -60)) }
        journal.rejects("now") { prompts(Moment(Instant.MIN, 0)) }
        journal.rejects("now") { prompts(Moment(Instant.MAX, 0)) }
    }

    test("reliefBeforeItsEpisodeStarted") {
        val journal = openJournal()
        val episodeId = journal.seed()
        val episode = (journal.entry(episodeId) as org.rlsjournal.core.Entry.Episode).episode
        val early = ReliefData(ReliefMethod.Walking, 2, null, Moment(episode.data.startedAt.instant.minusSeconds(60), 60))
        journal.rejects("at", "before the episode started") { addReliefAttempt(episodeId, early) }
    }
}
