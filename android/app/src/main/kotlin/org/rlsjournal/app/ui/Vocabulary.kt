package org.rlsjournal.app.ui

import org.rlsjournal.core.Analyte
import org.rlsjournal.core.BodyArea
import org.rlsjournal.core.ExposureKind
import org.rlsjournal.core.HelpedChoice
import org.rlsjournal.core.PaperSize
import org.rlsjournal.core.ReliefMethod
import org.rlsjournal.core.Sensation
import org.rlsjournal.core.Setting
import org.rlsjournal.core.Side
import org.rlsjournal.core.TreatmentCategory
import org.rlsjournal.core.Vocabularies
import org.rlsjournal.core.vocabularies

// The core's closed vocabularies, read once. Which values exist, their order, the flagged
// "other" choice and every label come from the core: a chip shows `value.label()`.

/** The choices, in the core's display order. */
object Vocabulary {
    /** The core's vocabularies (fixed data: read once). */
    val core: Vocabularies by lazy { vocabularies() }

    val sides: List<Side> by lazy { core.sides.map { it.value } }

    /** The Tonight screen has no field for an "other" label, so it offers the fixed methods. */
    val reliefMethods: List<ReliefMethod> by lazy { core.reliefMethods.filterNot { it.isOther }.map { it.value } }

    /** How much a relief attempt helped, with the core's words for each step. */
    val helped: List<HelpedChoice> by lazy { core.helped }

    val exposureKinds: List<ExposureKind> by lazy { core.exposureKinds.map { it.value } }

    val treatmentCategories: List<TreatmentCategory> by lazy { core.treatmentCategories.map { it.value } }

    val analytes: List<Analyte> by lazy { core.analytes.map { it.value } }

    val bodyAreas: List<BodyArea> by lazy { core.bodyAreas.map { it.value } }

    /** The episode form has no field for an "other" sensation's label: the fixed ones. */
    val sensations: List<Sensation> by lazy { core.sensations.filterNot { it.isOther }.map { it.value } }

    /** The episode form has no field for an "other" setting's label: the fixed ones. */
    val settings: List<Setting> by lazy { core.settings.filterNot { it.isOther }.map { it.value } }

    val paperSizes: List<PaperSize> by lazy { core.paperSizes.map { it.value } }
}
