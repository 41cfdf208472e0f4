package org.rlsjournal.presenters

import java.time.LocalDate
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.rlsjournal.core.EntryData
import org.rlsjournal.core.Entry
import org.rlsjournal.core.NoSymptomsData
import org.rlsjournal.core.PromptKind
import org.rlsjournal.core.SleepDiaryData
import org.rlsjournal.journal.MomentField

/**
 * The sleep diary being filled in. Each time keeps the stored (or drafted) moment, offset
 * included, unless the person changes it ([MomentField]).
 */
data class DiaryForm(
    val gotIntoBed: MomentField,
    val triedToSleep: MomentField,
    val sleepOnsetMinutes: Int,
    val awakenings: Int,
    val wakeAfterSleepOnsetMinutes: Int,
    val finalAwakening: MomentField,
    val outOfBed: MomentField,
    val quality: Int,
    val note: String,
) {
    /** Ways to fill the form. */
    companion object {
        /** The form showing a diary: a stored one, or the core's draft (`sleepDiaryDraft`). */
        fun of(data: SleepDiaryData): DiaryForm = DiaryForm(
            gotIntoBed = MomentField.of(data.gotIntoBedAt),
            triedToSleep = MomentField.of(data.triedToSleepAt),
            sleepOnsetMinutes = data.sleepOnsetMinutes,
            awakenings = data.awakenings,
            wakeAfterSleepOnsetMinutes = data.wakeAfterSleepOnsetMinutes,
            finalAwakening = MomentField.of(data.finalAwakeningAt),
            outOfBed = MomentField.of(data.outOfBedAt),
            quality = data.quality,
            note = data.note ?: "",
        )
    }
}

/** What the Morning check-in screen shows. */
data class CheckInState(
    val loading: Boolean = true,
    /** The night the diary is for (from the core's morning check-in prompt, or the diary edited). */
    val night: LocalDate? = null,
    /** The prompt's title and message, as the core wrote them (null when editing). */
    val title: String? = null,
    val message: String? = null,
    /** The id of the diary being edited, or null for a new one. */
    val editingId: String? = null,
    /** No morning check-in is due (last night's diary is done). */
    val nothingDue: Boolean = false,
    /** The id to edit is not a sleep diary. */
    val notADiary: Boolean = false,
    val form: DiaryForm? = null,
    val busy: Boolean = false,
    val notice: Notice? = null,
    val error: Throwable? = null,
) {
    /** The error as a sentence for the person, or null. */
    val errorText: String? get() = error?.let(::sentenceOf)

    /** "No symptoms last night" is offered for a new diary of a known night, not when editing. */
    val offersNoSymptoms: Boolean get() = night != null && editingId == null && form != null

    /** Whether "nothing is due" shows instead of a form. */
    val showsNothingDue: Boolean get() = nothingDue && form == null

    /** An edit was saved: the screen goes back to where the edit was opened from. */
    val finishedEdit: Boolean get() = editingId != null && notice == Notice.DIARY_SAVED

    /** Whether the screen is editing a stored diary. */
    val isEditing: Boolean get() = editingId != null
}

/**
 * The morning check-in. Filled by the core's `prompts()`: its morning check-in prompt names the
 * night whose diary is due, prefilled with the core's `sleepDiaryDraft(night)` (or, when
 * editing, by `entry(id)`). Writes: `addSleepDiary` / `editSleepDiary`, and the one-tap
 * "No symptoms last night" answer `addNoSymptoms` for the same night.
 */
class CheckInPresenter(
    private val openStore: StoreSource,
    private val scope: CoroutineScope,
    private val clock: AppClock = SystemAppClock,
) {
    private val mutableState = MutableStateFlow(CheckInState())

    /** The screen's state. */
    val state: StateFlow<CheckInState> = mutableState.asStateFlow()

    private var loadedFor: String? = null
    private var loaded = false

    /**
     * Loads the diary due now, or the diary [editId] to edit. Called again for the same id while a
     * form is shown (the screen coming back), it keeps the person's unsaved input. Returns null
     * when nothing is reloaded.
     */
    fun load(editId: String?): Job? {
        val current = mutableState.value
        if (loaded && loadedFor == editId && (current.form != null || current.loading)) return null
        loaded = true
        loadedFor = editId
        return scope.launch {
            mutableState.update { it.copy(loading = true, error = null) }
            val failure = attempt {
                val store = openStore()
                mutableState.value = if (editId != null) {
                    val entry = store.read { journal -> journal.entry(editId) }
                    if (entry is Entry.SleepDiary) {
                        val data = entry.diary.data
                        CheckInState(loading = false, night = data.nightOf, editingId = editId, form = DiaryForm.of(data))
                    } else {
                        CheckInState(loading = false, notADiary = true)
                    }
                } else {
                    val now = clock.nowMoment()
                    val prompt = store.prompts(now).firstOrNull { it.kind == PromptKind.MORNING_CHECK_IN }
                    val night = prompt?.night
                    if (prompt == null || night == null) {
                        CheckInState(loading = false, nothingDue = true)
                    } else {
                        val draft = store.read { journal -> journal.sleepDiaryDraft(night) }
                        CheckInState(
                            loading = false,
                            night = night,
                            title = prompt.title,
                            message = prompt.message,
                            form = DiaryForm.of(draft),
                        )
                    }
                }
            }
            if (failure != null) mutableState.update { it.copy(loading = false, error = failure) }
        }
    }

    /** Changes the form. */
    fun edit(change: (DiaryForm) -> DiaryForm) {
        mutableState.update { s -> s.copy(form = s.form?.let(change), notice = null) }
    }

    /** The one-tap answer "No symptoms last night" for the night shown (the core keeps one per night). */
    fun noSymptoms(): Job? {
        val night = state.value.night ?: return null
        return scope.launch {
            mutableState.update { it.copy(busy = true, error = null, notice = null) }
            val failure = attempt {
                val now = clock.nowMoment()
                val store = openStore()
                store.write { journal -> journal.addNoSymptoms(NoSymptomsData(night, now)) }
            }
            mutableState.update {
                it.copy(
                    busy = false,
                    notice = if (failure == null) Notice.NO_SYMPTOMS_SAVED else null,
                    error = failure,
                    nothingDue = failure == null || it.nothingDue,
                    form = if (failure == null) null else it.form,
                )
            }
        }
    }

    /** Saves the diary through the core (which checks every field and the order of the times). */
    fun save(): Job? {
        val current = state.value
        val form = current.form ?: return null
        val night = current.night ?: return null
        val zone = clock.now().zone
        val data = SleepDiaryData(
            nightOf = night,
            gotIntoBedAt = form.gotIntoBed.moment(zone),
            triedToSleepAt = form.triedToSleep.moment(zone),
            sleepOnsetMinutes = form.sleepOnsetMinutes,
            awakenings = form.awakenings,
            wakeAfterSleepOnsetMinutes = form.wakeAfterSleepOnsetMinutes,
            finalAwakeningAt = form.finalAwakening.moment(zone),
            outOfBedAt = form.outOfBed.moment(zone),
            quality = form.quality,
            note = form.note.ifBlank { null },
        )
        val editingId = current.editingId
        return scope.launch {
            mutableState.update { it.copy(busy = true, error = null, notice = null) }
            val failure = attempt {
                val store = openStore()
                // The core adds (no id) or replaces (an id) the diary.
                store.write { journal -> journal.saveEntry(editingId, EntryData.SleepDiary(data)) }
            }
            mutableState.update {
                it.copy(
                    busy = false,
                    notice = if (failure == null) Notice.DIARY_SAVED else null,
                    error = failure,
                    nothingDue = failure == null && editingId == null,
                    form = if (failure == null && editingId == null) null else it.form,
                )
            }
        }
    }
}
