package org.rlsjournal.tests

import kotlin.test.assertEquals
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.rlsjournal.core.Analyte
import org.rlsjournal.core.DiscussLevel
import org.rlsjournal.core.DiscussTopic
import org.rlsjournal.core.IronBand
import org.rlsjournal.core.NightRange
import org.rlsjournal.core.ThresholdCheck
import org.rlsjournal.core.TreatmentCategory
import org.rlsjournal.core.WorseningClass
import org.rlsjournal.core.WorseningMatch

// Issue 15 items 2 and 3 through the real bindings: the AASM 2024 iron states, CRP beside
// ferritin, the iron trend with IV iron dates, and medicines that may worsen RLS. March 2025.

private val march = NightRange(date("2025-03-02"), date("2025-03-15"))

/** Iron as AASM 2024 says it, and medicines that may worsen RLS. */
fun ironTests() = suite("iron") {
    test("ivIronRangeCrpAndTrendReachKotlin") {
        val journal = openJournal()
        // Ferritin 40 (Jan) then 100 (5 Mar: > 75 and ≤ 100 → IV iron may be considered), TSAT
        // 20 % (not < 20), CRP 4 mg/L two days before the ferritin; one IV iron infusion.
        journal.addLabResult(labData(takenOn = "2025-01-10", value = 40.0))
        journal.addLabResult(labData(takenOn = "2025-03-05", value = 100.0))
        journal.addLabResult(labData(takenOn = "2025-03-05", analyte = Analyte.TransferrinSaturation, value = 20.0, unit = "%"))
        journal.addLabResult(labData(takenOn = "2025-03-03", analyte = Analyte.Crp, value = 4.0, unit = "mg/L"))
        val iv = journal.addTreatment(
            treatmentData(name = "ferric carboxymaltose", category = TreatmentCategory.IvIron, startedOn = "2025-02-01"),
        )
        journal.addDose(doseData(iv.id, "2025-02-01T10:00:00+01:00", amount = 500.0))
        val i = journal.summary(march).iron
        assertEquals(IronBand.IV_IRON_MAY_BE_CONSIDERED, i.band)
        assertTrue(i.discussIronTherapy)
        assertEquals(ThresholdCheck.IV_IRON_RANGE, i.ferritin?.check)
        assertEquals(ThresholdCheck.NOT_LOW, i.transferrinSaturation?.check)
        assertTrue("no iron-containing supplements or food for 24 h" in i.drawingConditionsText)
        val crp = assertNotNull(i.crp)
        assertEquals("4 mg/L", crp.valueText)
        assertEquals(2L, crp.daysBeforeFerritin)
        assertEquals(1u, crp.results)
        assertTrue(i.crpText!!.contains("2 days before the ferritin"), i.crpText)
        assertEquals(
            listOf(Analyte.Ferritin, Analyte.Ferritin, Analyte.TransferrinSaturation),
            i.trend.map { it.analyte },
        )
        assertEquals(listOf(date("2025-02-01")), i.ivIron.map { it.on })
        assertEquals("500 mg", i.ivIron.single().doseText)
        assertEquals(
            "Ferritin: 40 µg/L (10 Jan 2025), 100 µg/L (5 Mar 2025). TSAT: 20 % (5 Mar 2025). " +
                "IV iron: 1 Feb 2025 (ferric carboxymaltose 500 mg).",
            i.trendText,
        )
    }

    test("medicinesThatMayWorsenRlsAreAPointToDiscuss") {
        val journal = openJournal()
        journal.addTreatment(treatmentData(name = "Mirtazapine 15 mg", category = TreatmentCategory.Other("antidepressant")))
        journal.addTreatment(treatmentData(name = "Sleepwell", category = TreatmentCategory.MayWorsenRls, startedOn = "2025-03-04"))
        journal.addTreatment(treatmentData(name = "gabapentin", category = TreatmentCategory.Alpha2DeltaLigand))
        val s = journal.summary(march)
        assertEquals(listOf("Mirtazapine 15 mg", "Sleepwell"), s.mayWorsenRls.map { it.name })
        assertEquals(WorseningMatch.Listed("mirtazapine", WorseningClass.MIRTAZAPINE), s.mayWorsenRls[0].matched)
        assertEquals(WorseningMatch.Category, s.mayWorsenRls[1].matched)
        val point = s.discuss.single { it.topic == DiscussTopic.MAY_WORSEN_RLS }
        assertEquals(DiscussLevel.DISCUSS, point.level)
        assertEquals(2u, point.count)
        assertTrue("since Tue 4 Mar 2025" in point.text, point.text)
        assertTrue("advises no change of treatment" in point.text, point.text)
        assertTrue(s.definitions.any { it.term == "Medicines that may worsen RLS" && "Hoque & Chesson" in it.text })
    }

    test("crpAndTheCategoryRoundTripThroughABackup") {
        val source = openJournal()
        source.addLabResult(labData(analyte = Analyte.Crp, value = 8.5, unit = "mg/L"))
        source.addTreatment(treatmentData(name = "Sleepwell", category = TreatmentCategory.MayWorsenRls))
        val backup = source.backupJson()
        assertTrue("\"analyte\":\"crp\"" in backup)
        val copy = openJournal(dbPath.resolveSibling("copy.db"))
        copy.importBackup(backup.toByteArray())
        assertEquals(Analyte.Crp, copy.allItems().mapNotNull { (it.entry as? org.rlsjournal.core.Entry.LabResult)?.lab?.data?.analyte }.single())
        assertEquals(TreatmentCategory.MayWorsenRls, copy.treatments().single().data.category)
        assertNull(openJournal(dbPath.resolveSibling("empty.db")).summary(march).iron.crp)
    }
}
