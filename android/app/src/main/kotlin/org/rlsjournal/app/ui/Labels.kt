package org.rlsjournal.app.ui

import androidx.compose.runtime.Composable
import androidx.compose.ui.res.stringResource
import org.rlsjournal.app.R
import org.rlsjournal.core.Analyte
import org.rlsjournal.core.BodyArea
import org.rlsjournal.core.EntryKind
import org.rlsjournal.core.ExposureKind
import org.rlsjournal.core.PaperSize
import org.rlsjournal.core.ReliefMethod
import org.rlsjournal.core.Sensation
import org.rlsjournal.core.Setting
import org.rlsjournal.core.Side
import org.rlsjournal.core.TreatmentCategory
import org.rlsjournal.core.Vocabularies
import org.rlsjournal.core.vocabularies

// The core's closed vocabularies: which values exist, their order and their display names all
// come from the core's `vocabularies()`. The app adds only the "other" chip (an "other" value
// needs the person's label, so the core does not list it) and its label `R.string.other`.

/** The choices, in the core's display order. */
object Vocabulary {
    /** The core's vocabularies with their display names (fixed data: read once). */
    val core: Vocabularies by lazy { vocabularies() }

    val sides: List<Side> by lazy { core.sides.map { it.value } }

    val reliefMethods: List<ReliefMethod> by lazy { core.reliefMethods.map { it.value } }

    /** How much a relief attempt helped: 0 did not help, 1 some, 2 much, 3 complete relief. */
    val helpedLevels: List<Int> by lazy { core.helped.map { it.value } }

    val exposureKinds: List<ExposureKind> by lazy {
        core.exposureKinds.map { it.value } + ExposureKind.Other(label = "")
    }

    val treatmentCategories: List<TreatmentCategory> by lazy {
        core.treatmentCategories.map { it.value } + TreatmentCategory.Other(label = "")
    }

    val analytes: List<Analyte> by lazy { core.analytes.map { it.value } + Analyte.Other(label = "") }

    val bodyAreas: List<BodyArea> by lazy { core.bodyAreas.map { it.value } }

    val sensations: List<Sensation> by lazy { core.sensations.map { it.value } }

    val settings: List<Setting> by lazy { core.settings.map { it.value } }

    val paperSizes: List<PaperSize> by lazy { core.paperSizes.map { it.value } }

    /** Two "other" values are the same choice whatever their labels. */
    fun <T : Any> sameKind(a: T, b: T): Boolean = a::class == b::class
}

/** An "other" value's own label, or the app's word "Other" while it has none yet. */
@Composable
private fun otherLabel(label: String): String = label.ifBlank { stringResource(R.string.other) }

fun sideLabel(side: Side): String =
    Vocabulary.core.sides.firstOrNull { it.value == side }?.label ?: side.name

@Composable
fun reliefLabel(method: ReliefMethod): String = when (method) {
    is ReliefMethod.Other -> otherLabel(method.label)
    else -> Vocabulary.core.reliefMethods.firstOrNull { it.value == method }?.label ?: ""
}

/** The chip text of a "helped" score (`Helped some`). */
fun helpedLabel(helped: Int): String =
    Vocabulary.core.helped.firstOrNull { it.value == helped }?.label ?: helped.toString()

/** The words of a "helped" score inside a sentence (`helped some`). */
fun helpedName(helped: Int): String =
    Vocabulary.core.helped.firstOrNull { it.value == helped }?.name ?: helped.toString()

@Composable
fun exposureLabel(kind: ExposureKind): String = when (kind) {
    is ExposureKind.Other -> otherLabel(kind.label)
    else -> Vocabulary.core.exposureKinds.firstOrNull { it.value == kind }?.label ?: ""
}

@Composable
fun categoryLabel(category: TreatmentCategory): String = when (category) {
    is TreatmentCategory.Other -> otherLabel(category.label)
    else -> Vocabulary.core.treatmentCategories.firstOrNull { it.value == category }?.label ?: ""
}

@Composable
fun analyteLabel(analyte: Analyte): String = when (analyte) {
    is Analyte.Other -> otherLabel(analyte.label)
    else -> Vocabulary.core.analytes.firstOrNull { it.value == analyte }?.label ?: ""
}

fun bodyAreaLabel(area: BodyArea): String =
    Vocabulary.core.bodyAreas.firstOrNull { it.value == area }?.label ?: area.name

@Composable
fun sensationLabel(sensation: Sensation): String = when (sensation) {
    is Sensation.Other -> otherLabel(sensation.label)
    else -> Vocabulary.core.sensations.firstOrNull { it.value == sensation }?.label ?: ""
}

@Composable
fun settingLabel(setting: Setting): String = when (setting) {
    is Setting.Other -> otherLabel(setting.label)
    else -> Vocabulary.core.settings.firstOrNull { it.value == setting }?.label ?: ""
}

fun entryKindLabel(kind: EntryKind): String =
    Vocabulary.core.entryKinds.firstOrNull { it.value == kind }?.label ?: kind.name

fun paperSizeLabel(size: PaperSize): String =
    Vocabulary.core.paperSizes.firstOrNull { it.value == size }?.label ?: size.name
