package org.rlsjournal.tests

import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertTrue
import org.rlsjournal.core.DailyDoseSource
import org.rlsjournal.core.DoseChange
import org.rlsjournal.core.Entry
import org.rlsjournal.core.NightRange
import org.rlsjournal.core.TreatmentCategory

// Issue 15 item 4 through the real bindings: dose steps on a regimen (new fields with defaults,
// so older call sites compile unchanged), their validation, and the summary's dose timeline.

/** The dose timeline. */
fun doseTests() = suite("doses") {
    test("doseStepsRoundTripAndAreValidated") {
        val journal = openJournal()
        // Without the new fields: the defaults (no intakes a day, no steps).
        val plain = journal.addTreatment(treatmentData(startedOn = "2025-03-01"))
        assertEquals(null, plain.data.timesPerDay)
        assertTrue(plain.data.doseChanges.isEmpty())
        val data = treatmentData(startedOn = "2025-03-01").copy(
            timesPerDay = 1,
            doseChanges = listOf(DoseChange(date("2025-03-08"), 0.25, 2)),
        )
        val stored = journal.addTreatment(data)
        assertEquals(data, stored.data)
        val edited = journal.editTreatment(
            stored.id,
            data.copy(doseChanges = data.doseChanges + DoseChange(date("2025-03-20"), 0.5, null)),
        )
        assertEquals(2, edited.data.doseChanges.size)
        val read = journal.entry(stored.id) as Entry.Treatment
        assertEquals(edited.data, read.treatment.data)
        // A step on the start day, out of order, or with a zero dose is refused with its field.
        journal.rejects("dose_changes[0].from") {
            addTreatment(data.copy(doseChanges = listOf(DoseChange(date("2025-03-01"), 0.25, null))))
        }
        journal.rejects("dose_changes[1].from") {
            addTreatment(
                data.copy(
                    doseChanges = listOf(
                        DoseChange(date("2025-03-10"), 0.25, null),
                        DoseChange(date("2025-03-09"), 0.5, null),
                    ),
                ),
            )
        }
        journal.rejects("dose_changes[0].dose") {
            addTreatment(data.copy(doseChanges = listOf(DoseChange(date("2025-03-10"), 0.0, null))))
        }
        journal.rejects("times_per_day") { addTreatment(data.copy(timesPerDay = 0)) }
    }

    test("summaryGivesTheDoseTimeline") {
        val journal = openJournal()
        // Pramipexole 0.125 mg from 1 Mar 2025 (intakes a day unknown), 0.25 mg × 2 a day from
        // 8 Mar; one dose logged on the night of 1 Mar (0.125 as logged).
        val agonist = journal.addTreatment(
            treatmentData(startedOn = "2025-03-01").copy(
                doseChanges = listOf(DoseChange(date("2025-03-08"), 0.25, 2)),
            ),
        )
        journal.addDose(doseData(agonist.id, "2025-03-01T20:00:00+01:00"))
        journal.addTreatment(
            treatmentData(
                name = "Pregabalin",
                category = TreatmentCategory.Alpha2DeltaLigand,
                startedOn = "2025-03-01",
            ),
        )
        val s = journal.summary(NightRange(date("2025-03-01"), date("2025-03-14")))
        assertEquals(listOf("Pramipexole", "Pregabalin"), s.doseTimelines.map { it.name })
        val t = s.doseTimelines[0]
        assertEquals(agonist.id, t.treatmentId)
        assertTrue(t.dopaminergic)
        assertEquals("mg", t.unit)
        assertEquals(0.25, t.currentDose)
        assertEquals(2, t.currentTimesPerDay)
        assertEquals(0.5, t.currentDailyTotal)
        assertEquals(listOf(date("2025-03-01"), date("2025-03-08")), t.steps.map { it.from })
        assertEquals(listOf(null, 0.5), t.steps.map { it.dailyTotal })
        // 1 Mar: 0.125 logged; 2–7 Mar unknown; 8–14 Mar: 0.25 × 2 = 0.5 from the schedule.
        assertEquals(8, t.daily.size)
        assertEquals(date("2025-03-01"), t.daily[0].night)
        assertEquals(0.125, t.daily[0].total)
        assertEquals(DailyDoseSource.LOGGED, t.daily[0].source)
        assertTrue(t.daily.drop(1).all { it.total == 0.5 && it.source == DailyDoseSource.SCHEDULE })
        assertTrue(t.text.endsWith("Total daily dose known on 8 of 14 nights, 0.125–0.5 mg."), t.text)
        assertTrue(t.shortText.startsWith("Pramipexole doses: 0.125 mg (1 Mar 2025) → 0.25 mg"), t.shortText)
        // Not dopaminergic: no daily totals.
        assertFalse(s.doseTimelines[1].dopaminergic)
        assertTrue(s.doseTimelines[1].daily.isEmpty())
        assertTrue(s.definitions.any { it.term == "Dose timeline" })
    }
}
