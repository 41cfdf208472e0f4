package org.rlsjournal.app.ui

import androidx.compose.runtime.Composable
import androidx.compose.ui.res.stringResource
import org.rlsjournal.app.R
import org.rlsjournal.core.Analyte
import org.rlsjournal.core.BodyArea
import org.rlsjournal.core.EntryKind
import org.rlsjournal.core.ExposureKind
import org.rlsjournal.core.ReliefMethod
import org.rlsjournal.core.Sensation
import org.rlsjournal.core.Setting
import org.rlsjournal.core.Side
import org.rlsjournal.core.TreatmentCategory

// The names of the core's closed vocabularies, as chip labels. The core exports the values but not
// their display names, so the app keeps one label per value here (as string resources, so they
// can be translated). These are labels only: which values exist, and what they mean, is the
// core's. tests/app-api-check verifies every value named here still exists in the bindings.

/** The choices, in the core's display order. */
object Vocabulary {
    val sides: List<Side> = listOf(Side.LEFT, Side.RIGHT, Side.BOTH, Side.ALTERNATING)

    val reliefMethods: List<ReliefMethod> = listOf(
        ReliefMethod.Walking,
        ReliefMethod.Stretching,
        ReliefMethod.Massage,
        ReliefMethod.Heat,
        ReliefMethod.Cold,
        ReliefMethod.Compression,
        ReliefMethod.MagnesiumOil,
        ReliefMethod.Medication,
        ReliefMethod.WeightedBlanket,
        ReliefMethod.Vibration,
    )

    /** How much a relief attempt helped: 0 none, 1 some, 2 much, 3 complete. */
    val helpedLevels: List<Int> = listOf(0, 1, 2, 3)

    val exposureKinds: List<ExposureKind> = listOf(
        ExposureKind.Caffeine,
        ExposureKind.Alcohol,
        ExposureKind.Nicotine,
        ExposureKind.Exercise,
        ExposureKind.ProlongedSitting,
        ExposureKind.LateSugar,
        ExposureKind.ScreenTime,
        ExposureKind.Stress,
        ExposureKind.Heat,
        ExposureKind.SedatingAntihistamine,
        ExposureKind.Other(label = ""),
    )

    val treatmentCategories: List<TreatmentCategory> = listOf(
        TreatmentCategory.DopamineAgonist,
        TreatmentCategory.Alpha2DeltaLigand,
        TreatmentCategory.Opioid,
        TreatmentCategory.OralIron,
        TreatmentCategory.IvIron,
        TreatmentCategory.Magnesium,
        TreatmentCategory.OtherSupplement,
        TreatmentCategory.Device,
        TreatmentCategory.Routine,
        TreatmentCategory.Other(label = ""),
    )

    val analytes: List<Analyte> = listOf(
        Analyte.Ferritin,
        Analyte.TransferrinSaturation,
        Analyte.Hemoglobin,
        Analyte.SerumIron,
        Analyte.Tibc,
        Analyte.VitaminD,
        Analyte.Magnesium,
        Analyte.Creatinine,
        Analyte.Other(label = ""),
    )

    val bodyAreas: List<BodyArea> = listOf(
        BodyArea.FEET,
        BodyArea.CALVES,
        BodyArea.KNEES,
        BodyArea.THIGHS,
        BodyArea.HIPS,
        BodyArea.ARMS,
        BodyArea.TRUNK,
    )

    val sensations: List<Sensation> = listOf(
        Sensation.Crawling,
        Sensation.Tingling,
        Sensation.Burning,
        Sensation.Electric,
        Sensation.Aching,
        Sensation.Itching,
        Sensation.Pulling,
        Sensation.Throbbing,
    )

    val settings: List<Setting> = listOf(Setting.InBed, Setting.Sitting, Setting.Travelling)

    /** Two "other" values are the same choice whatever their labels. */
    fun <T : Any> sameKind(a: T, b: T): Boolean = a::class == b::class
}

@Composable
fun sideLabel(side: Side): String = stringResource(
    when (side) {
        Side.LEFT -> R.string.side_left
        Side.RIGHT -> R.string.side_right
        Side.BOTH -> R.string.side_both
        Side.ALTERNATING -> R.string.side_alternating
    },
)

@Composable
fun reliefLabel(method: ReliefMethod): String = when (method) {
    is ReliefMethod.Other -> method.label.ifBlank { stringResource(R.string.other) }
    ReliefMethod.Walking -> stringResource(R.string.relief_walking)
    ReliefMethod.Stretching -> stringResource(R.string.relief_stretching)
    ReliefMethod.Massage -> stringResource(R.string.relief_massage)
    ReliefMethod.Heat -> stringResource(R.string.relief_heat)
    ReliefMethod.Cold -> stringResource(R.string.relief_cold)
    ReliefMethod.Compression -> stringResource(R.string.relief_compression)
    ReliefMethod.MagnesiumOil -> stringResource(R.string.relief_magnesium_oil)
    ReliefMethod.Medication -> stringResource(R.string.relief_medication)
    ReliefMethod.WeightedBlanket -> stringResource(R.string.relief_weighted_blanket)
    ReliefMethod.Vibration -> stringResource(R.string.relief_vibration)
}

@Composable
fun helpedLabel(helped: Int): String = stringResource(
    when (helped) {
        0 -> R.string.helped_none
        1 -> R.string.helped_some
        2 -> R.string.helped_much
        else -> R.string.helped_complete
    },
)

@Composable
fun exposureLabel(kind: ExposureKind): String = when (kind) {
    is ExposureKind.Other -> kind.label.ifBlank { stringResource(R.string.other) }
    ExposureKind.Caffeine -> stringResource(R.string.exposure_caffeine)
    ExposureKind.Alcohol -> stringResource(R.string.exposure_alcohol)
    ExposureKind.Nicotine -> stringResource(R.string.exposure_nicotine)
    ExposureKind.Exercise -> stringResource(R.string.exposure_exercise)
    ExposureKind.ProlongedSitting -> stringResource(R.string.exposure_prolonged_sitting)
    ExposureKind.LateSugar -> stringResource(R.string.exposure_late_sugar)
    ExposureKind.ScreenTime -> stringResource(R.string.exposure_screen_time)
    ExposureKind.Stress -> stringResource(R.string.exposure_stress)
    ExposureKind.Heat -> stringResource(R.string.exposure_heat)
    ExposureKind.SedatingAntihistamine -> stringResource(R.string.exposure_sedating_antihistamine)
}

@Composable
fun categoryLabel(category: TreatmentCategory): String = when (category) {
    is TreatmentCategory.Other -> category.label.ifBlank { stringResource(R.string.other) }
    TreatmentCategory.DopamineAgonist -> stringResource(R.string.category_dopamine_agonist)
    TreatmentCategory.Alpha2DeltaLigand -> stringResource(R.string.category_alpha2delta)
    TreatmentCategory.Opioid -> stringResource(R.string.category_opioid)
    TreatmentCategory.OralIron -> stringResource(R.string.category_oral_iron)
    TreatmentCategory.IvIron -> stringResource(R.string.category_iv_iron)
    TreatmentCategory.Magnesium -> stringResource(R.string.category_magnesium)
    TreatmentCategory.OtherSupplement -> stringResource(R.string.category_other_supplement)
    TreatmentCategory.Device -> stringResource(R.string.category_device)
    TreatmentCategory.Routine -> stringResource(R.string.category_routine)
}

@Composable
fun analyteLabel(analyte: Analyte): String = when (analyte) {
    is Analyte.Other -> analyte.label.ifBlank { stringResource(R.string.other) }
    Analyte.Ferritin -> stringResource(R.string.analyte_ferritin)
    Analyte.TransferrinSaturation -> stringResource(R.string.analyte_tsat)
    Analyte.Hemoglobin -> stringResource(R.string.analyte_hemoglobin)
    Analyte.SerumIron -> stringResource(R.string.analyte_serum_iron)
    Analyte.Tibc -> stringResource(R.string.analyte_tibc)
    Analyte.VitaminD -> stringResource(R.string.analyte_vitamin_d)
    Analyte.Magnesium -> stringResource(R.string.analyte_magnesium)
    Analyte.Creatinine -> stringResource(R.string.analyte_creatinine)
}

@Composable
fun bodyAreaLabel(area: BodyArea): String = stringResource(
    when (area) {
        BodyArea.FEET -> R.string.area_feet
        BodyArea.CALVES -> R.string.area_calves
        BodyArea.KNEES -> R.string.area_knees
        BodyArea.THIGHS -> R.string.area_thighs
        BodyArea.HIPS -> R.string.area_hips
        BodyArea.ARMS -> R.string.area_arms
        BodyArea.TRUNK -> R.string.area_trunk
    },
)

@Composable
fun sensationLabel(sensation: Sensation): String = when (sensation) {
    is Sensation.Other -> sensation.label.ifBlank { stringResource(R.string.other) }
    Sensation.Crawling -> stringResource(R.string.sensation_crawling)
    Sensation.Tingling -> stringResource(R.string.sensation_tingling)
    Sensation.Burning -> stringResource(R.string.sensation_burning)
    Sensation.Electric -> stringResource(R.string.sensation_electric)
    Sensation.Aching -> stringResource(R.string.sensation_aching)
    Sensation.Itching -> stringResource(R.string.sensation_itching)
    Sensation.Pulling -> stringResource(R.string.sensation_pulling)
    Sensation.Throbbing -> stringResource(R.string.sensation_throbbing)
}

@Composable
fun settingLabel(setting: Setting): String = when (setting) {
    is Setting.Other -> setting.label.ifBlank { stringResource(R.string.other) }
    Setting.InBed -> stringResource(R.string.setting_in_bed)
    Setting.Sitting -> stringResource(R.string.setting_sitting)
    Setting.Travelling -> stringResource(R.string.setting_travelling)
}

@Composable
fun entryKindLabel(kind: EntryKind): String = stringResource(
    when (kind) {
        EntryKind.EPISODE -> R.string.kind_episode
        EntryKind.SLEEP_DIARY -> R.string.kind_sleep_diary
        EntryKind.EXPOSURE -> R.string.kind_exposure
        EntryKind.TREATMENT -> R.string.kind_treatment
        EntryKind.DOSE -> R.string.kind_dose
        EntryKind.LAB_RESULT -> R.string.kind_lab_result
        EntryKind.SEVERITY_RATING -> R.string.kind_severity_rating
    },
)
