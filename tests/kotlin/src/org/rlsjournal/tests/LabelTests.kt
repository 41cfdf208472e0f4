package org.rlsjournal.tests

import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertTrue
import org.rlsjournal.core.Analyte
import org.rlsjournal.core.ExposureKind
import org.rlsjournal.core.ReliefMethod
import org.rlsjournal.core.Sensation
import org.rlsjournal.core.Setting
import org.rlsjournal.core.TreatmentCategory
import org.rlsjournal.core.vocabularies

/** One listed choice as the apps see it: the record's label and flag, and the value's own. */
private data class Row(val what: String, val label: String, val isOther: Boolean, val ownLabel: String, val ownIsOther: Boolean, val isOtherVariant: Boolean)

/** Every vocabulary value's `label()` / `isOther()` through the real bindings (issue 16 item 1). */
fun labelTests() = suite("labels") {
    val v = vocabularies()
    val rows = v.sides.map { Row("side ${it.value}", it.label, it.isOther, it.value.label(), it.value.isOther(), false) } +
        v.bodyAreas.map { Row("body area ${it.value}", it.label, it.isOther, it.value.label(), it.value.isOther(), false) } +
        v.entryKinds.map { Row("entry kind ${it.value}", it.label, it.isOther, it.value.label(), it.value.isOther(), false) } +
        v.paperSizes.map { Row("paper size ${it.value}", it.label, it.isOther, it.value.label(), it.value.isOther(), false) } +
        v.sensations.map { Row("sensation ${it.value}", it.label, it.isOther, it.value.label(), it.value.isOther(), it.value is Sensation.Other) } +
        v.settings.map { Row("setting ${it.value}", it.label, it.isOther, it.value.label(), it.value.isOther(), it.value is Setting.Other) } +
        v.reliefMethods.map { Row("relief ${it.value}", it.label, it.isOther, it.value.label(), it.value.isOther(), it.value is ReliefMethod.Other) } +
        v.exposureKinds.map { Row("exposure ${it.value}", it.label, it.isOther, it.value.label(), it.value.isOther(), it.value is ExposureKind.Other) } +
        v.treatmentCategories.map { Row("category ${it.value}", it.label, it.isOther, it.value.label(), it.value.isOther(), it.value is TreatmentCategory.Other) } +
        v.analytes.map { Row("analyte ${it.value}", it.label, it.isOther, it.value.label(), it.value.isOther(), it.value is Analyte.Other) }

    test("everyValueLabelsItselfAsTheVocabularyLists") {
        assertTrue(rows.size > 60, "${rows.size} values")
        for (row in rows) {
            assertTrue(row.label.isNotBlank(), row.what)
            assertEquals(row.label, row.ownLabel, row.what)
        }
    }

    test("isOtherExactlyForTheOtherValues") {
        for (row in rows) {
            assertEquals(row.isOtherVariant, row.isOther, row.what)
            assertEquals(row.isOtherVariant, row.ownIsOther, row.what)
        }
        // One flagged "other", listed last, in each of the six vocabularies that have one.
        val lastFlags = listOf(
            v.sensations.map { it.isOther }, v.settings.map { it.isOther }, v.reliefMethods.map { it.isOther },
            v.exposureKinds.map { it.isOther }, v.treatmentCategories.map { it.isOther }, v.analytes.map { it.isOther },
        )
        for (flags in lastFlags) {
            assertEquals(flags.size - 1, flags.indexOf(true))
            assertEquals(1, flags.count { it })
        }
        assertEquals("Other", v.analytes.last().label)
        assertFalse(ReliefMethod.Vibration.isOther())
    }

    test("anOtherShowsItsPersonsLabel") {
        assertEquals("late cheese", ExposureKind.Other(label = "late cheese").label())
        assertEquals("magnesium", TreatmentCategory.Other(label = "magnesium").label())
        assertEquals("B12", Analyte.Other(label = "B12").label())
        assertEquals("fizzing", Sensation.Other(label = "fizzing").label())
        assertEquals("train", Setting.Other(label = "train").label())
        assertEquals("yoga", ReliefMethod.Other(label = "yoga").label())
        assertTrue(Analyte.Other(label = "B12").isOther())
        assertEquals("Other", Setting.Other(label = "  ").label())
        assertEquals("Vibration device", ReliefMethod.Vibration.label())
    }
}
