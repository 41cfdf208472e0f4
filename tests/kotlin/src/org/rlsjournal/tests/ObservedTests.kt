package org.rlsjournal.tests

import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.rlsjournal.core.EntryKind
import org.rlsjournal.core.HistoryQuery
import org.rlsjournal.core.JournalException
import org.rlsjournal.core.NightRange
import org.rlsjournal.core.NightState
import org.rlsjournal.core.NoSymptomsData
import org.rlsjournal.core.NoteKind

// Issue 14 item 1 through the real bindings: the morning's "no symptoms" answer, and a night is
// observed only with an episode, a sleep diary or that answer. March 2025 (CET, +01:00).

private fun answer(night: String, answeredAt: String) = NoSymptomsData(date(night), moment(answeredAt))

/** The "no symptoms" answer and observed nights. */
fun observedTests() = suite("observed") {
    test("noSymptomsAnswerObservesTheNightOnce") {
        val journal = openJournal()
        val first = journal.addNoSymptoms(answer("2025-03-10", "2025-03-11T07:30:00+01:00"))
        assertEquals(date("2025-03-10"), first.data.nightOf)
        // A second tap for the same night returns the same answer.
        val again = journal.addNoSymptoms(answer("2025-03-10", "2025-03-11T07:40:00+01:00"))
        assertEquals(first.id, again.id)
        val page = journal.history(HistoryQuery(listOf(EntryKind.NO_SYMPTOMS), null, 10))
        assertEquals(1, page.items.size)
        assertEquals("No symptoms", page.items[0].title)
        assertNotNull(journal.night(date("2025-03-10")).noSymptoms)
        // The one-tap call answers for last night.
        val tapped = journal.noSymptomsLastNight()
        assertEquals(java.time.LocalDate.now().minusDays(1), tapped.data.nightOf)
        // A night whose morning has not come is refused with its field.
        val e = assertFailsWith<JournalException.InvalidInput> {
            journal.addNoSymptoms(answer("2025-03-12", "2025-03-12T23:00:00+01:00"))
        }
        assertEquals("night_of", e.field)
        // Delete and undo carry it.
        journal.deleteEntry(first.id)
        assertNull(journal.night(date("2025-03-10")).noSymptoms)
        assertEquals(first.id, journal.undoDelete())
        assertNotNull(journal.night(date("2025-03-10")).noSymptoms)
    }

    test("onlyEpisodesDiariesAndAnswersObserveANight") {
        val journal = openJournal()
        // Nights 1–2 Mar: an episode each (peaks 4, 6); 3 Mar: a diary; 4 Mar: the answer;
        // 5 Mar: caffeine only; 6 Mar: a lab only.
        journal.addEpisode(episodeData("2025-03-01T22:00:00+01:00", peak = 4))
        journal.addEpisode(episodeData("2025-03-02T22:00:00+01:00", peak = 6))
        journal.addSleepDiary(sleepData(night = "2025-03-03"))
        journal.addNoSymptoms(answer("2025-03-04", "2025-03-05T07:30:00+01:00"))
        journal.addExposure(exposureData("2025-03-05T19:00:00+01:00"))
        journal.addLabResult(labData(takenOn = "2025-03-06"))
        val s = journal.summary(NightRange(date("2025-03-01"), date("2025-03-06")))
        val c = s.coverage
        // Observed 1–4 = 4 of 6; symptom nights 2; 2 ÷ 4 × 7 = 3.5 per week.
        assertEquals(4u, c.nightsObserved)
        assertEquals(2u, c.nightsNotLogged)
        assertEquals(2u, c.symptomNights)
        assertEquals(2u, c.symptomFreeNights)
        assertEquals(3.5, c.symptomNightsPerWeek)
        // 4 ÷ 6 = 67 % < 70 %: the notes warn.
        assertEquals("observed 4 of 6 nights (67 %)", c.coverageText)
        assertTrue(s.notes.any { it.kind == NoteKind.LOW_COVERAGE })
        val states = journal.calendarMonth(2025, 3).days.take(7).map { it.state }
        assertEquals(
            listOf(
                NightState.SYMPTOMS, NightState.SYMPTOMS, NightState.NO_SYMPTOMS, NightState.NO_SYMPTOMS,
                NightState.NOT_LOGGED, NightState.NOT_LOGGED, NightState.NOT_LOGGED,
            ),
            states,
        )
    }
}
