package org.rlsjournal.app.add

import org.rlsjournal.app.ui.Rules
import android.app.Application
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.viewModelScope
import java.time.LocalDate
import java.time.LocalDateTime
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.rlsjournal.app.R
import org.rlsjournal.app.journalStore
import org.rlsjournal.app.ui.attempt
import org.rlsjournal.app.ui.errorText
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
import org.rlsjournal.core.Sensation
import org.rlsjournal.core.Setting
import org.rlsjournal.core.SeverityRatingData
import org.rlsjournal.core.Side
import org.rlsjournal.core.Treatment
import org.rlsjournal.core.TreatmentCategory
import org.rlsjournal.core.TreatmentData
import org.rlsjournal.journal.JournalStore
import org.rlsjournal.journal.MomentField

/** The kinds the Add screen records, from the core (sleep diaries have the check-in). */
val addableKinds: List<EntryKind> get() = Rules.core.addKinds

/**
 * The entry being added or edited: the raw inputs. Amounts are kept as typed; the core checks
 * them (text that is not a number goes to the core as NaN, which it rejects with its reason).
 */
data class AddForm(
    val kind: EntryKind = EntryKind.EXPOSURE,
    /**
     * When it happened (episode start, exposure, dose): backdating is changing this. When editing,
     * it keeps the stored moment (and its offset) unless the person changes the time.
     */
    val at: MomentField = MomentField.new(LocalDateTime.now().withSecond(0).withNano(0)),
    /** Episode end; null while it is in progress. */
    val endAt: MomentField? = null,
    /** The day (treatment start, lab, rating). */
    val date: LocalDate = LocalDate.now(),
    /** Treatment stop day; null while it is taken. */
    val stopDate: LocalDate? = null,
    val intensity: Int = 5,
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
)

/** What the Add screen shows. */
data class AddState(
    val form: AddForm = AddForm(),
    /** The id of the entry being edited, or null when adding. */
    val editingId: String? = null,
    /** Treatments to pick from for a dose (the core's `treatments()`). */
    val treatments: List<Treatment> = emptyList(),
    val loading: Boolean = false,
    val busy: Boolean = false,
    val saved: String? = null,
    val error: String? = null,
)

/**
 * Add or edit an exposure, treatment, dose, lab result, IRLS total or episode, at any time in the
 * past. Filled by the core's `entry(id)` when editing (and `treatments()` for the dose picker).
 * Writes: `addExposure`/`editExposure`, `addTreatment`/`editTreatment`, `addDose`/`editDose`,
 * `addLabResult`/`editLabResult`, `addSeverityRating`/`editSeverityRating`,
 * `addEpisode`/`editEpisode`.
 */
class AddViewModel(application: Application) : AndroidViewModel(application) {

    private val mutableState = MutableStateFlow(AddState())
    val state: StateFlow<AddState> = mutableState.asStateFlow()

    /** The (kind, id) the form was loaded for: coming back to the screen keeps unsaved input. */
    private var loadedFor: Pair<EntryKind?, String?>? = null

    /**
     * Starts a new entry of [kind], or loads entry [editId] to edit. Called again for the same
     * kind and id (the screen re-entering composition after a tab switch), it keeps the form as it
     * is: the state lives here, not in the composition.
     */
    fun load(kind: EntryKind?, editId: String?) {
        val key = kind to editId
        if (loadedFor == key) return
        loadedFor = key
        viewModelScope.launch {
            val app = getApplication<Application>()
            mutableState.value = AddState(form = AddForm(kind = kind ?: EntryKind.EXPOSURE), loading = true)
            val failure = attempt {
                val store = app.journalStore()
                val treatments = store.read { journal -> journal.treatments() }
                val form = if (editId == null) {
                    mutableState.value.form
                } else {
                    formOf(store.read { journal -> journal.entry(editId) })
                }
                mutableState.value = AddState(form = form, editingId = editId, treatments = treatments)
            }
            if (failure != null) {
                mutableState.update { it.copy(loading = false, error = errorText(app, failure)) }
            }
        }
    }

    /** Changes the form. */
    fun edit(change: (AddForm) -> AddForm) = mutableState.update { it.copy(form = change(it.form), saved = null) }

    /** Saves through the core, which validates everything. */
    fun save() {
        val current = state.value
        val form = current.form
        val id = current.editingId
        viewModelScope.launch {
            val app = getApplication<Application>()
            mutableState.update { it.copy(busy = true, error = null, saved = null) }
            val failure = attempt { write(app.journalStore(), form, id) }
            mutableState.update {
                it.copy(
                    busy = false,
                    saved = if (failure == null) app.getString(R.string.entry_saved) else null,
                    error = if (failure == null) null else errorText(app, failure),
                    form = if (failure == null && id == null) AddForm(kind = form.kind) else it.form,
                )
            }
        }
    }

    private suspend fun write(store: JournalStore, form: AddForm, id: String?) {
        val note = form.note.ifBlank { null }
        val data: EntryData = when (form.kind) {
            EntryKind.EPISODE -> {
                EntryData.Episode(
                    EpisodeData(
                        startedAt = form.at.moment(),
                        endedAt = form.endAt?.moment(),
                        peakIntensity = form.intensity,
                        latencyMinutes = form.latencyMinutes,
                        setting = form.setting,
                        side = form.side,
                        bodyAreas = form.bodyAreas,
                        sensations = form.sensations,
                        wokeFromSleep = form.wokeFromSleep,
                        note = note,
                    ),
                )
            }
            EntryKind.EXPOSURE -> {
                EntryData.Exposure(
                    ExposureData(
                        at = form.at.moment(),
                        kind = form.exposureKind,
                        amount = typedNumber(form.amount),
                        unit = form.unit.ifBlank { null },
                        note = note,
                    ),
                )
            }
            EntryKind.TREATMENT -> {
                // The form does not edit dose steps: an edit keeps the stored ones.
                val stored = id?.let { (store.read { journal -> journal.entry(it) } as? Entry.Treatment)?.treatment?.data }
                EntryData.Treatment(
                    TreatmentData(
                        name = form.name,
                        category = form.category,
                        dose = typedNumber(form.amount),
                        doseUnit = form.unit.ifBlank { null },
                        startedOn = form.date,
                        stoppedOn = form.stopDate,
                        note = note,
                        timesPerDay = stored?.timesPerDay,
                        doseChanges = stored?.doseChanges ?: emptyList(),
                    ),
                )
            }
            EntryKind.DOSE -> {
                EntryData.Dose(
                    DoseData(
                        treatmentId = form.treatmentId ?: "",
                        at = form.at.moment(),
                        amount = typedNumber(form.amount),
                    ),
                )
            }
            EntryKind.LAB_RESULT -> {
                EntryData.LabResult(
                    LabResultData(
                        takenOn = form.date,
                        analyte = form.analyte,
                        value = typedNumber(form.amount) ?: Double.NaN,
                        unit = form.unit,
                        note = note,
                    ),
                )
            }
            EntryKind.SEVERITY_RATING -> {
                EntryData.SeverityRating(
                    SeverityRatingData(
                        ratedOn = form.date,
                        irlsTotal = form.irlsTotal,
                        note = note,
                    ),
                )
            }
            EntryKind.SLEEP_DIARY, EntryKind.NO_SYMPTOMS -> return
        }
        // One call for every kind: the core adds (no id) or replaces (an id) the entry.
        store.write { journal -> journal.saveEntry(id, data) }
    }

    /** Blank is "not given"; anything else is passed on as a number, or NaN for the core to reject. */
    private fun typedNumber(text: String): Double? =
        if (text.isBlank()) null else text.trim().replace(',', '.').toDoubleOrNull() ?: Double.NaN

    private fun formOf(entry: Entry): AddForm = when (entry) {
        is Entry.Episode -> {
            val d = entry.episode.data
            AddForm(
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
            AddForm(
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
            AddForm(
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
            AddForm(
                kind = EntryKind.DOSE,
                treatmentId = d.treatmentId,
                at = MomentField.of(d.at),
                amount = d.amount?.toString() ?: "",
            )
        }
        is Entry.LabResult -> {
            val d = entry.lab.data
            AddForm(
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
            AddForm(
                kind = EntryKind.SEVERITY_RATING,
                date = d.ratedOn,
                irlsTotal = d.irlsTotal,
                note = d.note ?: "",
            )
        }
        is Entry.SleepDiary -> AddForm(kind = EntryKind.SLEEP_DIARY)
        is Entry.NoSymptoms -> AddForm(kind = EntryKind.NO_SYMPTOMS)
    }
}
