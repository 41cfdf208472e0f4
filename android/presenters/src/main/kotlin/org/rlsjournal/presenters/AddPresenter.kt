package org.rlsjournal.presenters

import java.time.LocalDate
import java.time.LocalDateTime
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.rlsjournal.core.Analyte
import org.rlsjournal.core.BodyArea
import org.rlsjournal.core.DoseData
import org.rlsjournal.core.Entry
import org.rlsjournal.core.EntryData
import org.rlsjournal.core.EntryKind
import org.rlsjournal.core.EpisodeData
import org.rlsjournal.core.ExposureData
import org.rlsjournal.core.ExposureKind
import org.rlsjournal.core.LabResultData
import org.rlsjournal.core.SafetyCheckData
import org.rlsjournal.core.SafetyItem
import org.rlsjournal.core.Sensation
import org.rlsjournal.core.Setting
import org.rlsjournal.core.SeverityRatingData
import org.rlsjournal.core.Side
import org.rlsjournal.core.Treatment
import org.rlsjournal.core.TreatmentCategory
import org.rlsjournal.core.TreatmentData
import org.rlsjournal.core.VisitData
import org.rlsjournal.core.FieldInput
import org.rlsjournal.core.FormField
import org.rlsjournal.core.ShownWhen
import org.rlsjournal.core.Vocabularies
import org.rlsjournal.core.entryFormFields
import org.rlsjournal.core.formRules
import org.rlsjournal.core.vocabularies
import org.rlsjournal.core.safetyCheckItems
import org.rlsjournal.journal.JournalStore
import org.rlsjournal.journal.MomentField

/** The kinds the Add screen records, from the core (sleep diaries have the check-in). */
val addableKinds: List<EntryKind> get() = formRules().addKinds

/**
 * The entry being added or edited: the raw inputs. Amounts are kept as typed; the core checks
 * them (text that is not a number goes to the core as NaN, which it rejects with its reason).
 */
data class AddForm(
    val kind: EntryKind,
    /** When it happened (episode start, exposure, dose); an edit keeps the stored moment unless changed. */
    val at: MomentField,
    /** Episode end; null while it is in progress. */
    val endAt: MomentField? = null,
    /** The day (treatment start, lab, rating). */
    val date: LocalDate,
    /** Treatment stop day; null while it is taken. */
    val stopDate: LocalDate? = null,
    val intensity: Int = formRules().defaultIntensity,
    val side: Side? = null,
    val bodyAreas: List<BodyArea> = emptyList(),
    val sensations: List<Sensation> = emptyList(),
    val setting: Setting? = null,
    val latencyMinutes: Int? = null,
    val wokeFromSleep: Boolean = false,
    val exposureKind: ExposureKind = ExposureKind.Caffeine,
    val name: String = "",
    val category: TreatmentCategory = TreatmentCategory.DopamineAgonist,
    val treatmentId: String? = null,
    val analyte: Analyte = Analyte.Ferritin,
    val irlsTotal: Int = 0,
    /** Amount, dose or lab value, as typed. */
    val amount: String = "",
    /** Its unit. */
    val unit: String = "",
    val note: String = "",
    /** Who a clinician visit is with, as typed. */
    val clinician: String = "",
    /** The person's question for a clinician visit, as typed. */
    val question: String = "",
    /** The drug-safety check-in's questions answered "yes" (the others are "no"). */
    val safetyYes: List<SafetyItem> = emptyList(),
) {
    /** Whether toggle [field] is on (has ended, latency recorded, has stopped, woke from sleep). */
    fun isOn(field: FormField): Boolean = when (field) {
        FormField.HAS_ENDED -> endAt != null
        FormField.LATENCY_KNOWN -> latencyMinutes != null
        FormField.HAS_STOPPED -> stopDate != null
        FormField.WOKE_FROM_SLEEP -> wokeFromSleep
        else -> false
    }

    /** Whether choice [field] holds its "other" value (then its label field shows). */
    fun isOtherChosen(field: FormField): Boolean = when (field) {
        FormField.EXPOSURE_KIND -> exposureKind.isOther()
        FormField.TREATMENT_CATEGORY -> category.isOther()
        FormField.ANALYTE -> analyte.isOther()
        else -> false
    }

    /** The text typed into text or number [field] ("" for any other field). */
    fun textOf(field: FormField): String = when (field) {
        FormField.OTHER_EXPOSURE_LABEL -> (exposureKind as? ExposureKind.Other)?.label ?: ""
        FormField.OTHER_CATEGORY_LABEL -> (category as? TreatmentCategory.Other)?.label ?: ""
        FormField.OTHER_ANALYTE_LABEL -> (analyte as? Analyte.Other)?.label ?: ""
        FormField.AMOUNT, FormField.DOSE, FormField.LAB_VALUE -> amount
        FormField.UNIT, FormField.LAB_UNIT -> unit
        FormField.TREATMENT_NAME -> name
        FormField.VISIT_WITH -> clinician
        FormField.VISIT_QUESTION -> question
        FormField.NOTE -> note
        else -> ""
    }

    /** The moment of date-and-time [field] (null for an episode still in progress). */
    fun momentOf(field: FormField): MomentField? = when (field) {
        FormField.STARTED_AT, FormField.AT -> at
        FormField.ENDED_AT -> endAt
        else -> null
    }

    /** The day of date [field] (null while the treatment is taken). */
    fun dateOf(field: FormField): LocalDate? = if (field == FormField.STOPPED_ON) stopDate else date

    /** The whole number of [field]: the latency minutes or the IRLS total. */
    fun countOf(field: FormField): Int? = when (field) {
        FormField.LATENCY_MINUTES -> latencyMinutes
        FormField.IRLS_TOTAL -> irlsTotal
        else -> null
    }

    /** Ways to start a form. */
    companion object {
        /** A blank form of [kind] at the [clock]'s now (to the minute). */
        fun blank(kind: EntryKind, clock: AppClock): AddForm {
            val now = clock.now()
            return AddForm(
                kind = kind,
                at = MomentField.new(LocalDateTime.from(now).withSecond(0).withNano(0)),
                date = now.toLocalDate(),
            )
        }
    }
}

/** One choice of a choice field, as a chip or a switch shows it: the core's words and whether it is chosen. */
data class FieldChoice(val label: String, val chosen: Boolean)

/** The core's vocabularies (fixed data: read once). */
private val vocabulary: Vocabularies by lazy { vocabularies() }

/** Whether choice [field] offers the vocabulary's "other" value (the core's form says). */
private fun offersOther(field: FormField): Boolean = when (val input = field.input()) {
    is FieldInput.SingleChoice -> input.offersOther
    is FieldInput.MultiChoice -> input.offersOther
    else -> false
}

/** The values of [field]'s vocabulary the form offers, with their chip text, in the core's order. */
private fun <T> offered(field: FormField, values: List<T>, isOther: (T) -> Boolean): List<T> =
    if (offersOther(field)) values else values.filterNot(isOther)

private val sides get() = vocabulary.sides.map { it.value }
private fun settings(field: FormField) = offered(field, vocabulary.settings.map { it.value }) { it.isOther() }
private fun exposureKinds(field: FormField) = offered(field, vocabulary.exposureKinds.map { it.value }) { it.isOther() }
private fun categories(field: FormField) = offered(field, vocabulary.treatmentCategories.map { it.value }) { it.isOther() }
private fun analytes(field: FormField) = offered(field, vocabulary.analytes.map { it.value }) { it.isOther() }
private val bodyAreas get() = vocabulary.bodyAreas.map { it.value }
private fun sensations(field: FormField) = offered(field, vocabulary.sensations.map { it.value }) { it.isOther() }

/** The whole numbers of a steps or slider [field], from the core's range. */
private fun steps(field: FormField): List<Int> = when (val input = field.input()) {
    is FieldInput.IntensitySteps -> (input.range.min..input.range.max).toList()
    else -> emptyList()
}

/** [value] chosen again: an "other" keeps the label already typed. */
private fun <T> keepOther(current: T, value: T, isOther: (T) -> Boolean): T =
    if (isOther(current) && isOther(value)) current else value

/** What the Add screen shows. */
data class AddState(
    val form: AddForm,
    /** The id of the entry being edited, or null when adding. */
    val editingId: String? = null,
    /** Treatments to pick from for a dose (the core's `treatments()`). */
    val treatments: List<Treatment> = emptyList(),
    val loading: Boolean = false,
    val busy: Boolean = false,
    val notice: Notice? = null,
    val error: Throwable? = null,
) {
    /** The error as a sentence for the person, or null. */
    val errorText: String? get() = error?.let(::sentenceOf)

    /** The kind picker shows only when adding (an edit keeps the entry's kind). */
    val offersKindPicker: Boolean get() = editingId == null

    /**
     * The inputs shown now, in the core's order for the form's kind (`entryFormFields`): a field
     * that shows only after a toggle, an "other" choice or an empty picker is left out until then.
     */
    val fields: List<FormField>
        get() = entryFormFields(form.kind).filter { field ->
            when (val shown = field.shownWhen()) {
                is ShownWhen.Always -> true
                is ShownWhen.ToggleOn -> form.isOn(shown.toggle)
                is ShownWhen.OtherChosen -> form.isOtherChosen(shown.choice)
                is ShownWhen.NoChoices -> choices(shown.picker).isEmpty()
            }
        }

    /** An edit was saved: the screen goes back to where the edit was opened from. */
    val finishedEdit: Boolean get() = editingId != null && notice == Notice.ENTRY_SAVED

    /** Whether the screen is editing a stored entry. */
    val isEditing: Boolean get() = editingId != null

    /** The choices of choice, steps, picker or questions [field], in order, each with the core's words. */
    fun choices(field: FormField): List<FieldChoice> = when (field) {
        FormField.PEAK_INTENSITY -> steps(field).map { FieldChoice(it.toString(), it == form.intensity) }
        FormField.SIDE -> sides.map { FieldChoice(it.label(), it == form.side) }
        FormField.SETTING_AT_ONSET -> settings(field).map { FieldChoice(it.label(), it == form.setting) }
        FormField.BODY_AREAS -> bodyAreas.map { FieldChoice(it.label(), it in form.bodyAreas) }
        FormField.SENSATIONS -> sensations(field).map { FieldChoice(it.label(), it in form.sensations) }
        FormField.EXPOSURE_KIND -> exposureKinds(field).map {
            FieldChoice(it.label(), it == form.exposureKind || (it.isOther() && form.exposureKind.isOther()))
        }
        FormField.TREATMENT_CATEGORY -> categories(field).map {
            FieldChoice(it.label(), it == form.category || (it.isOther() && form.category.isOther()))
        }
        FormField.ANALYTE -> analytes(field).map {
            FieldChoice(it.label(), it == form.analyte || (it.isOther() && form.analyte.isOther()))
        }
        FormField.WHICH_TREATMENT -> treatments.map { FieldChoice(it.data.name, it.id == form.treatmentId) }
        FormField.SAFETY_QUESTIONS -> safetyCheckItems().map { FieldChoice(it.question(), it in form.safetyYes) }
        else -> emptyList()
    }
}

/**
 * Add or edit an exposure, treatment, dose, lab result, IRLS total or episode, at any time in the
 * past. Filled by the core's `entry(id)` when editing (and `treatments()` for the dose picker).
 * Writes: the core's add/edit call of the form's kind (all in [saveThroughCore]).
 */
class AddPresenter(
    private val openStore: StoreSource,
    private val scope: CoroutineScope,
    private val clock: AppClock = SystemAppClock,
) {
    private val mutableState = MutableStateFlow(AddState(form = AddForm.blank(EntryKind.EXPOSURE, clock)))

    /** The screen's state. */
    val state: StateFlow<AddState> = mutableState.asStateFlow()

    private var loadedFor: Pair<EntryKind?, String?>? = null

    /**
     * Starts a new entry of [kind], or loads entry [editId] to edit. Called again for the same
     * kind and id, it keeps the form as it is (returns null).
     */
    fun load(kind: EntryKind?, editId: String?): Job? {
        val key = kind to editId
        if (loadedFor == key) return null
        loadedFor = key
        mutableState.value = AddState(form = AddForm.blank(kind ?: EntryKind.EXPOSURE, clock), loading = true)
        return scope.launch {
            val failure = attempt {
                val store = openStore()
                val treatments = store.read { journal -> journal.treatments() }
                val form = if (editId == null) {
                    mutableState.value.form
                } else {
                    formOf(store.read { journal -> journal.entry(editId) })
                }
                mutableState.value = AddState(form = form, editingId = editId, treatments = treatments)
            }
            if (failure != null) mutableState.update { it.copy(loading = false, error = failure) }
        }
    }

    /** Changes the form. */
    fun edit(change: (AddForm) -> AddForm) = mutableState.update { it.copy(form = change(it.form), notice = null) }

    /**
     * Turns toggle [field] on or off: an end the core's default episode length after the start,
     * the core's default latency, or stopped today (by the clock), to start with; off: none.
     */
    fun setToggle(field: FormField, on: Boolean) = edit {
        when (field) {
            FormField.HAS_ENDED -> it.copy(
                endAt = if (on) MomentField.new(it.at.local.plusMinutes(formRules().defaultEpisodeMinutes.toLong())) else null,
            )
            FormField.LATENCY_KNOWN -> it.copy(latencyMinutes = if (on) formRules().defaultLatencyMinutes else null)
            FormField.HAS_STOPPED -> it.copy(stopDate = if (on) clock.now().toLocalDate() else null)
            FormField.WOKE_FROM_SLEEP -> it.copy(wokeFromSleep = on)
            else -> it
        }
    }

    /** Types [text] into text or number [field] (an "other" label makes its choice that "other"). */
    fun setText(field: FormField, text: String) = edit {
        when (field) {
            FormField.OTHER_EXPOSURE_LABEL -> it.copy(exposureKind = ExposureKind.Other(label = text))
            FormField.OTHER_CATEGORY_LABEL -> it.copy(category = TreatmentCategory.Other(label = text))
            FormField.OTHER_ANALYTE_LABEL -> it.copy(analyte = Analyte.Other(label = text))
            FormField.AMOUNT, FormField.DOSE, FormField.LAB_VALUE -> it.copy(amount = text)
            FormField.UNIT, FormField.LAB_UNIT -> it.copy(unit = text)
            FormField.TREATMENT_NAME -> it.copy(name = text)
            FormField.VISIT_WITH -> it.copy(clinician = text)
            FormField.VISIT_QUESTION -> it.copy(question = text)
            FormField.NOTE -> it.copy(note = text)
            else -> it
        }
    }

    /** Sets date-and-time [field]. */
    fun setMoment(field: FormField, value: MomentField) = edit {
        when (field) {
            FormField.STARTED_AT, FormField.AT -> it.copy(at = value)
            FormField.ENDED_AT -> it.copy(endAt = value)
            else -> it
        }
    }

    /** Sets date [field]. */
    fun setDate(field: FormField, value: LocalDate) = edit {
        if (field == FormField.STOPPED_ON) it.copy(stopDate = value) else it.copy(date = value)
    }

    /** Sets the whole number of [field]: the latency minutes or the IRLS total. */
    fun setCount(field: FormField, value: Int) = edit {
        when (field) {
            FormField.LATENCY_MINUTES -> it.copy(latencyMinutes = value)
            FormField.IRLS_TOTAL -> it.copy(irlsTotal = value)
            else -> it
        }
    }

    /**
     * Chooses choice [index] (its place in [AddState.choices]) of single choice, steps or picker
     * [field]; null clears an optional one. An index that is not offered changes nothing.
     */
    fun choose(field: FormField, index: Int?) = edit { form ->
        fun <T> pick(values: List<T>): T? = index?.let { values.getOrNull(it) }
        when (field) {
            FormField.PEAK_INTENSITY -> pick(steps(field))?.let { form.copy(intensity = it) }
            FormField.SIDE -> form.copy(side = pick(sides))
            FormField.SETTING_AT_ONSET -> form.copy(setting = pick(settings(field)))
            FormField.EXPOSURE_KIND -> pick(exposureKinds(field))?.let {
                form.copy(exposureKind = keepOther(form.exposureKind, it) { k -> k.isOther() })
            }
            FormField.TREATMENT_CATEGORY -> pick(categories(field))?.let {
                form.copy(category = keepOther(form.category, it) { c -> c.isOther() })
            }
            FormField.ANALYTE -> pick(analytes(field))?.let {
                form.copy(analyte = keepOther(form.analyte, it) { a -> a.isOther() })
            }
            FormField.WHICH_TREATMENT -> form.copy(treatmentId = pick(state.value.treatments)?.id)
            else -> null
        } ?: form
    }

    /** Chooses exactly choices [indices] of multiple choice or questions [field] (as chips report them). */
    fun chooseAll(field: FormField, indices: List<Int>) = edit { form ->
        fun <T> picked(values: List<T>): List<T> = indices.mapNotNull { values.getOrNull(it) }.distinct()
        when (field) {
            FormField.BODY_AREAS -> form.copy(bodyAreas = picked(bodyAreas))
            FormField.SENSATIONS -> form.copy(sensations = picked(sensations(field)))
            FormField.SAFETY_QUESTIONS -> form.copy(safetyYes = picked(safetyCheckItems()))
            else -> form
        }
    }

    /** Chooses or unchooses choice [index] of multiple choice or questions [field] (as a switch reports it). */
    fun setChosen(field: FormField, index: Int, chosen: Boolean) {
        val now = state.value.choices(field).withIndex().filter { it.value.chosen }.map { it.index }
        chooseAll(field, if (chosen) now + index else now - index)
    }

    /** Saves through the core, which validates everything; a new form of the same kind follows an add. */
    fun save(): Job {
        val current = state.value
        val form = current.form
        val id = current.editingId
        return scope.launch {
            mutableState.update { it.copy(busy = true, error = null, notice = null) }
            val failure = attempt { saveThroughCore(openStore(), form, id) }
            mutableState.update {
                it.copy(
                    busy = false,
                    notice = if (failure == null) Notice.ENTRY_SAVED else null,
                    error = failure,
                    form = if (failure == null && id == null) AddForm.blank(form.kind, clock) else it.form,
                )
            }
        }
    }

    /** The form as the core's [EntryData], saved with its one call (no id: add; an id: replace). */
    private suspend fun saveThroughCore(store: JournalStore, form: AddForm, id: String?) {
        val note = form.note.ifBlank { null }
        val zone = clock.now().zone
        val data: EntryData = when (form.kind) {
            EntryKind.EPISODE -> {
                EntryData.Episode(EpisodeData(
                    startedAt = form.at.moment(zone),
                    endedAt = form.endAt?.moment(zone),
                    peakIntensity = form.intensity,
                    latencyMinutes = form.latencyMinutes,
                    setting = form.setting,
                    side = form.side,
                    bodyAreas = form.bodyAreas,
                    sensations = form.sensations,
                    wokeFromSleep = form.wokeFromSleep,
                    note = note,
                ))
            }
            EntryKind.EXPOSURE -> {
                EntryData.Exposure(ExposureData(
                    at = form.at.moment(zone),
                    kind = form.exposureKind,
                    amount = typedNumber(form.amount),
                    unit = form.unit.ifBlank { null },
                    note = note,
                ))
            }
            EntryKind.TREATMENT -> {
                // The form does not edit dose steps or times a day: an edit keeps the stored ones.
                val stored = id?.let { (store.read { journal -> journal.entry(it) } as? Entry.Treatment)?.treatment?.data }
                EntryData.Treatment(TreatmentData(
                    name = form.name,
                    category = form.category,
                    dose = typedNumber(form.amount),
                    doseUnit = form.unit.ifBlank { null },
                    startedOn = form.date,
                    stoppedOn = form.stopDate,
                    note = note,
                    timesPerDay = stored?.timesPerDay,
                    doseChanges = stored?.doseChanges ?: emptyList(),
                ))
            }
            EntryKind.DOSE -> {
                EntryData.Dose(DoseData(
                    treatmentId = form.treatmentId ?: "",
                    at = form.at.moment(zone),
                    amount = typedNumber(form.amount),
                ))
            }
            EntryKind.LAB_RESULT -> {
                EntryData.LabResult(LabResultData(
                    takenOn = form.date,
                    analyte = form.analyte,
                    value = typedNumber(form.amount) ?: Double.NaN,
                    unit = form.unit,
                    note = note,
                ))
            }
            EntryKind.SEVERITY_RATING -> {
                EntryData.SeverityRating(SeverityRatingData(ratedOn = form.date, irlsTotal = form.irlsTotal, note = note))
            }
            EntryKind.VISIT -> {
                EntryData.Visit(VisitData(
                    visitOn = form.date,
                    clinician = form.clinician.ifBlank { null },
                    question = form.question.ifBlank { null },
                    note = note,
                ))
            }
            EntryKind.SAFETY_CHECK -> {
                EntryData.SafetyCheck(SafetyCheckData(checkedOn = form.date, answeredYes = form.safetyYes, note = note))
            }
            EntryKind.SLEEP_DIARY, EntryKind.NO_SYMPTOMS -> return
        }
        store.write { journal -> journal.saveEntry(id, data) }
    }

    /** Blank is "not given"; anything else is passed on as a number, or NaN for the core to reject. */
    private fun typedNumber(text: String): Double? =
        if (text.isBlank()) null else text.trim().replace(',', '.').toDoubleOrNull() ?: Double.NaN

    private fun formOf(entry: Entry): AddForm {
        val blank = AddForm.blank(EntryKind.EXPOSURE, clock)
        return when (entry) {
            is Entry.Episode -> {
                val d = entry.episode.data
                blank.copy(
                    kind = EntryKind.EPISODE,
                    at = MomentField.of(d.startedAt),
                    endAt = d.endedAt?.let(MomentField::of),
                    intensity = d.peakIntensity,
                    side = d.side,
                    bodyAreas = d.bodyAreas,
                    sensations = d.sensations,
                    setting = d.setting,
                    latencyMinutes = d.latencyMinutes,
                    wokeFromSleep = d.wokeFromSleep,
                    note = d.note ?: "",
                )
            }
            is Entry.Exposure -> {
                val d = entry.exposure.data
                blank.copy(
                    kind = EntryKind.EXPOSURE,
                    at = MomentField.of(d.at),
                    exposureKind = d.kind,
                    amount = d.amount?.toString() ?: "",
                    unit = d.unit ?: "",
                    note = d.note ?: "",
                )
            }
            is Entry.Treatment -> {
                val d = entry.treatment.data
                blank.copy(
                    kind = EntryKind.TREATMENT,
                    name = d.name,
                    category = d.category,
                    amount = d.dose?.toString() ?: "",
                    unit = d.doseUnit ?: "",
                    date = d.startedOn,
                    stopDate = d.stoppedOn,
                    note = d.note ?: "",
                )
            }
            is Entry.Dose -> {
                val d = entry.dose.data
                blank.copy(
                    kind = EntryKind.DOSE,
                    treatmentId = d.treatmentId,
                    at = MomentField.of(d.at),
                    amount = d.amount?.toString() ?: "",
                )
            }
            is Entry.LabResult -> {
                val d = entry.lab.data
                blank.copy(
                    kind = EntryKind.LAB_RESULT,
                    date = d.takenOn,
                    analyte = d.analyte,
                    amount = d.value.toString(),
                    unit = d.unit,
                    note = d.note ?: "",
                )
            }
            is Entry.SeverityRating -> {
                val d = entry.rating.data
                blank.copy(
                    kind = EntryKind.SEVERITY_RATING,
                    date = d.ratedOn,
                    irlsTotal = d.irlsTotal,
                    note = d.note ?: "",
                )
            }
            is Entry.Visit -> {
                val d = entry.visit.data
                blank.copy(
                    kind = EntryKind.VISIT,
                    date = d.visitOn,
                    clinician = d.clinician ?: "",
                    question = d.question ?: "",
                    note = d.note ?: "",
                )
            }
            is Entry.SafetyCheck -> {
                val d = entry.check.data
                blank.copy(kind = EntryKind.SAFETY_CHECK, date = d.checkedOn, safetyYes = d.answeredYes, note = d.note ?: "")
            }
            is Entry.SleepDiary -> blank.copy(kind = EntryKind.SLEEP_DIARY)
            is Entry.NoSymptoms -> blank.copy(kind = EntryKind.NO_SYMPTOMS)
        }
    }
}
