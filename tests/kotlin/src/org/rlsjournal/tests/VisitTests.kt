package org.rlsjournal.tests

import java.time.LocalDate
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertIs
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.rlsjournal.core.DiscussTopic
import org.rlsjournal.core.Entry
import org.rlsjournal.core.EntryData
import org.rlsjournal.core.EntryKind
import org.rlsjournal.core.HistoryQuery
import org.rlsjournal.core.JournalException
import org.rlsjournal.core.NightRange
import org.rlsjournal.core.PeriodBasis
import org.rlsjournal.core.PromptKind
import org.rlsjournal.core.SafetyCheckData
import org.rlsjournal.core.SafetyItem
import org.rlsjournal.core.VisitData
import org.rlsjournal.core.errorMessage
import org.rlsjournal.core.formRules
import org.rlsjournal.core.safetyCheckItems

// Issue 21 through the real bindings: clinician visits with the person's question, the
// "since the last visit" period, and the weekly drug-safety check-in. Dates are relative to the
// real today where the core reads the clock (`visitPeriod()`).

private fun today(): LocalDate = LocalDate.now()

/** Visits, the question for a visit and drug-safety check-ins. */
fun visitTests() = suite("visits") {
    test("visitWithQuestionRoundTripsAndIsDescribed") {
        val journal = openJournal()
        val v = journal.addVisit(VisitData(date("2025-10-11"), "Dr Rossi", "Is my ferritin enough?", null))
        assertEquals("Is my ferritin enough?", v.data.question)
        val item = journal.history(HistoryQuery(listOf(EntryKind.VISIT), null, 10)).items.single()
        assertEquals("Visit with Dr Rossi", item.title)
        assertTrue(item.detail.contains("question: Is my ferritin enough?"), item.detail)
        val edited = journal.saveEntry(v.id, EntryData.Visit(VisitData(date("2025-10-12"), null, " ", "notes")))
        val back = assertIs<Entry.Visit>(edited).visit.data
        assertNull(back.question, "a blank question is none")
        assertEquals(date("2025-10-12"), back.visitOn)
        journal.deleteEntry(v.id)
        assertTrue(journal.history(HistoryQuery(listOf(EntryKind.VISIT), null, 10)).items.isEmpty())
        assertTrue(EntryKind.VISIT in formRules().addKinds)
    }

    test("visitTooFarAheadOrLongQuestionIsRefusedWithASentence") {
        val journal = openJournal()
        val far = assertFailsWith<JournalException.InvalidInput> {
            journal.addVisit(VisitData(today().plusDays(400), null, null, null))
        }
        assertEquals("visit_on", far.field)
        assertEquals("The visit date is more than 366 days ahead.", errorMessage(far))
        val long = assertFailsWith<JournalException.InvalidInput> {
            journal.addVisit(VisitData(today(), null, "why? ".repeat(70), null))
        }
        assertEquals("question", long.field)
        assertTrue(errorMessage(long).startsWith("Your question for the visit"), errorMessage(long))
    }

    test("visitPeriodRunsSinceTheLastVisitWithTheNextVisitsQuestion") {
        val journal = openJournal()
        assertEquals(PeriodBasis.NO_PAST_VISIT, journal.visitPeriod().basis)
        journal.addVisit(VisitData(today().minusDays(40), "Dr Rossi", null, null))
        journal.addVisit(VisitData(today().plusDays(3), null, "Could the dose move earlier?", null))
        val p = journal.visitPeriod()
        assertEquals(PeriodBasis.SINCE_LAST_VISIT, p.basis)
        assertEquals(today().minusDays(39), p.range.first)
        val previous = assertNotNull(p.previous)
        assertEquals(p.range.first.minusDays(1), previous.last)
        assertEquals(
            java.time.temporal.ChronoUnit.DAYS.between(p.range.first, p.range.last),
            java.time.temporal.ChronoUnit.DAYS.between(previous.first, previous.last),
            "equal lengths",
        )
        assertTrue(p.comparison.contains(" vs "), p.comparison)
        assertTrue(p.text.startsWith("Since the last visit on"), p.text)
        assertEquals("Could the dose move earlier?", p.nextVisit?.data?.question)
    }

    test("safetyCheckInAnswersAreASetAndRaiseTheDrugSafetyPoint") {
        val journal = openJournal()
        journal.addTreatment(treatmentData(startedOn = "2025-02-01"))
        assertEquals(5, safetyCheckItems().size)
        assertTrue(safetyCheckItems().all { it.question().startsWith("In the past week") })
        val range = NightRange(date("2025-03-01"), date("2025-03-31"))
        journal.addSafetyCheck(SafetyCheckData(date("2025-03-03"), emptyList(), null))
        val quiet = journal.summary(range)
        assertEquals(1u, quiet.safetyChecks.checkIns)
        assertFalse(quiet.discuss.any { it.topic == DiscussTopic.DRUG_SAFETY })
        val yes = journal.addSafetyCheck(
            SafetyCheckData(date("2025-03-10"), listOf(SafetyItem.SEXUAL, SafetyItem.GAMBLING, SafetyItem.SEXUAL), null),
        )
        assertEquals(listOf(SafetyItem.GAMBLING, SafetyItem.SEXUAL), yes.data.answeredYes)
        val point = journal.summary(range).discuss.single { it.topic == DiscussTopic.DRUG_SAFETY }
        assertEquals(1u, point.count)
        assertEquals(2u, point.outOf)
        assertTrue(point.text.contains("AASM 2024"), point.text)
    }

    test("safetyCheckInIsPromptedWeeklyOnlyOnADopaminergicTreatment") {
        val journal = openJournal()
        val now = moment("2025-03-20T09:00:00+01:00")
        assertFalse(journal.prompts(now).any { it.kind == PromptKind.SAFETY_CHECK })
        journal.addTreatment(treatmentData(startedOn = "2025-03-01"))
        assertTrue(journal.prompts(now).any { it.kind == PromptKind.SAFETY_CHECK })
        journal.addSafetyCheck(SafetyCheckData(date("2025-03-18"), emptyList(), null))
        assertFalse(journal.prompts(now).any { it.kind == PromptKind.SAFETY_CHECK })
        assertTrue(journal.prompts(moment("2025-03-25T09:00:00+01:00")).any { it.kind == PromptKind.SAFETY_CHECK })
    }
}
