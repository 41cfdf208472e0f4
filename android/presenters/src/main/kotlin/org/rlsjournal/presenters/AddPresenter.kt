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
import org.rlsjournal.core.formRules
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
    /** Whether the form has a moment field (episodes, exposures, doses) rather than a day. */
    val hasMoment: Boolean get() = kind == EntryKind.EPISODE || kind == EntryKind.EXPOSURE || kind == EntryKind.DOSE

    /** Whether the note field shows (a dose has no note). */
    val hasNote: Boolean get() = kind != EntryKind.DOSE

    /** The drug-safety check-in's questions in the core's order and words, each with its answer. */
    val safetyQuestions: List<SafetyQuestion>
        get() = safetyCheckItems().map { SafetyQuestion(it, it.question(), it in safetyYes) }

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

/** One question of the drug-safety check-in: the core's words and the person's answer. */
data class SafetyQuestion(val item: SafetyItem, val question: String, val yes: Boolean)

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

    /** A dose needs a treatment: say so when none is recorded. */
    val needsTreatmentFirst: Boolean get() = form.kind == EntryKind.DOSE && treatments.isEmpty()

    /** An edit was saved: the screen goes back to where the edit was opened from. */
    val finishedEdit: Boolean get() = editingId != null && notice == Notice.ENTRY_SAVED

    /** Whether the screen is editing a stored entry. */
    val isEditing: Boolean get() = editingId != null
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

    /** Says whether the episode has ended: an end the core's default episode length after its start, or none. */
    fun setEnded(ended: Boolean) = edit {
        it.copy(endAt = if (ended) MomentField.new(it.at.local.plusMinutes(formRules().defaultEpisodeMinutes.toLong())) else null)
    }

    /** Says whether symptoms came some time after lying down (the core's default latency to start). */
    fun setLatencyKnown(known: Boolean) = edit { it.copy(latencyMinutes = if (known) formRules().defaultLatencyMinutes else null) }

    /** Answers one drug-safety question "yes" or "no". */
    fun answerSafety(item: SafetyItem, yes: Boolean) = edit {
        it.copy(safetyYes = if (yes) (it.safetyYes + item).distinct() else it.safetyYes - item)
    }

    /** Says whether the treatment was stopped (today, to start with). */
    fun setStopped(stopped: Boolean) = edit { it.copy(stopDate = if (stopped) clock.now().toLocalDate() else null) }

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
