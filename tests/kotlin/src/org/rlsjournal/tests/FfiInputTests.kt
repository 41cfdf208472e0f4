package org.rlsjournal.tests

import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlinx.coroutines.runBlocking
import org.rlsjournal.core.HistoryQuery
import org.rlsjournal.core.JournalException
import org.rlsjournal.core.ReliefData
import org.rlsjournal.core.ReliefMethod
import org.rlsjournal.journal.JournalStore

/**
 * Issue 20 item 1 through the real bindings: every number a person types is a Kotlin `Int`, so a
 * wrong number (263, -1, 257) reaches the core unchanged and comes back as the typed
 * `InvalidInput` naming its field, with nothing written (`rejects` compares the whole journal).
 * Before, these were `UByte`/`UInt`: `263.toUByte()` is 7 and `257.toUByte()` is 1, both valid.
 */
fun ffiInputTests() = suite("ffiInputs") {
    val wrong = listOf(263, -1, 257)

    test("intensityIsNotWrapped") {
        val journal = openJournal()
        journal.seed()
        for (v in wrong) {
            journal.rejects("peak_intensity", "between 1 and 10") { quickLog(v, null, null) }
            journal.rejects("peak_intensity") { addEpisode(episodeData("2025-03-20T23:00:00+01:00", peak = v)) }
        }
    }

    test("reliefNumbersAreNotWrapped") {
        val journal = openJournal()
        val episodeId = journal.seed()
        for (v in wrong) {
            journal.rejects("helped", "between 0 and 3") { addRelief(ReliefMethod.Walking, v, null, null) }
            val relief = ReliefData(ReliefMethod.Walking, 1, v, moment("2025-03-26T23:20:00+01:00"))
            if (v < 0) journal.rejects("minutes_to_relief") { addReliefAttempt(episodeId, relief) }
        }
    }

    test("diaryRatingAndDoseNumbersAreNotWrapped") {
        val journal = openJournal()
        journal.seed()
        for (v in wrong) {
            journal.rejects("quality", "between 1 and 5") { addSleepDiary(sleepData(night = "2025-03-20", quality = v)) }
            journal.rejects("irls_total", "between 0 and 40") { addSeverityRating(ratingData(total = v)) }
            journal.rejects("times_per_day") { addTreatment(treatmentData().copy(timesPerDay = v)) }
        }
        journal.rejects("awakenings") { addSleepDiary(sleepData(night = "2025-03-20").copy(awakenings = -1)) }
        journal.rejects("sleep_onset_minutes") { addSleepDiary(sleepData(night = "2025-03-20").copy(sleepOnsetMinutes = -1)) }
    }

    test("monthLimitHoursAndRangeAreNotWrapped") {
        val journal = openJournal()
        journal.seed()
        for (v in wrong) {
            journal.rejects("month", "between 1 and 12") { calendarMonth(2026, v) }
            journal.rejects("limit", "between 1 and 200") { history(HistoryQuery(emptyList(), null, v)) }
            val settings = journal.settings()
            journal.rejects("morning_hour", "between 0 and 23") { updateSettings(settings.copy(morningHour = v)) }
            journal.rejects("night_cutover_hour") { updateSettings(settings.copy(nightCutoverHour = v)) }
            journal.rejects("evening_reminder_hour") { updateSettings(settings.copy(eveningReminderHour = v)) }
        }
        journal.rejects("nights") { lastNights(-1) }
    }

    test("storeCallsTakeIntsToo") {
        runBlocking {
            val store = closeAfter(JournalStore.open(dbPath.toString()))
            assertEquals("peak_intensity", assertFailsWith<JournalException.InvalidInput> { store.quickLog(263) }.field)
            assertEquals("helped", assertFailsWith<JournalException.InvalidInput> { store.addRelief(ReliefMethod.Heat, -1) }.field)
            assertEquals("month", assertFailsWith<JournalException.InvalidInput> { store.calendarMonth(2026, 257) }.field)
            assertEquals(null, store.openEpisode.value, "nothing was logged")
        }
    }
}
