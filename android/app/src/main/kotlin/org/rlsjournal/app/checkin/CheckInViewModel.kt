package org.rlsjournal.app.checkin

import android.app.Application
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.viewModelScope
import java.time.LocalDate
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.rlsjournal.app.R
import org.rlsjournal.app.journalStore
import org.rlsjournal.app.ui.attempt
import org.rlsjournal.app.ui.errorText
import org.rlsjournal.core.Entry
import org.rlsjournal.core.EntryData
import org.rlsjournal.core.NoSymptomsData
import org.rlsjournal.core.PromptKind
import org.rlsjournal.core.SleepDiaryData
import org.rlsjournal.journal.MomentField
import org.rlsjournal.journal.nowMoment

/**
 * The sleep diary being filled in. Each time keeps the stored (or drafted) moment, offset
 * included, unless the person changes it.
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
    /** The prompt's title and message, as the core wrote them. */
    val title: String? = null,
    val message: String? = null,
    /** The id of the diary being edited, or null for a new one. */
    val editingId: String? = null,
    /** No morning check-in is due (last night's diary is done). */
    val nothingDue: Boolean = false,
    val form: DiaryForm? = null,
    val busy: Boolean = false,
    val saved: String? = null,
    val error: String? = null,
)

/**
 * The morning check-in. Filled by the core's `prompts()`: its morning check-in prompt names the
 * night whose diary is due, prefilled with the core's `sleepDiaryDraft(night)` (or, when
 * editing, by `entry(id)`). Writes: `addSleepDiary` / `editSleepDiary`, and the one-tap
 * "No symptoms last night" answer `addNoSymptoms` for the same night.
 */
class CheckInViewModel(application: Application) : AndroidViewModel(application) {

    private val mutableState = MutableStateFlow(CheckInState())
    val state: StateFlow<CheckInState> = mutableState.asStateFlow()

    /** The id the form was loaded for (null: the diary due now), once loaded. */
    private var loadedFor: String? = null
    private var loaded = false

    /**
     * Loads the diary due now, or the diary [editId] to edit. Called again for the same id (the
     * screen re-entering composition after a tab switch) while a form is shown, it keeps the
     * person's unsaved input: the state lives here, not in the composition.
     */
    fun load(editId: String?) {
        if (loaded && loadedFor == editId && (mutableState.value.form != null || mutableState.value.loading)) return
        loaded = true
        loadedFor = editId
        viewModelScope.launch {
            val app = getApplication<Application>()
            mutableState.update { it.copy(loading = true, error = null) }
            val failure = attempt {
                val store = app.journalStore()
                if (editId != null) {
                    val entry = store.read { journal -> journal.entry(editId) }
                    if (entry is Entry.SleepDiary) {
                        val data = entry.diary.data
                        mutableState.value = CheckInState(
                            loading = false,
                            night = data.nightOf,
                            title = app.getString(R.string.edit_sleep_diary),
                            editingId = editId,
                            form = DiaryForm.of(data),
                        )
                    } else {
                        // Not a sleep diary (or an id from an old link): say so, stop the spinner.
                        mutableState.value = CheckInState(
                            loading = false,
                            error = app.getString(R.string.error_not_a_diary),
                        )
                    }
                } else {
                    val prompt = store.prompts().firstOrNull { it.kind == PromptKind.MORNING_CHECK_IN }
                    val night = prompt?.night
                    mutableState.value = if (prompt == null || night == null) {
                        CheckInState(loading = false, nothingDue = true)
                    } else {
                        // The core proposes the diary from the person's usual times (else 23:00-07:00).
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
            if (failure != null) {
                mutableState.update { it.copy(loading = false, error = errorText(app, failure)) }
            }
        }
    }

    /** Changes the form. */
    fun edit(change: (DiaryForm) -> DiaryForm) {
        mutableState.update { s -> s.copy(form = s.form?.let(change), saved = null) }
    }

    /**
     * The one-tap answer "No symptoms last night" for the night shown: forwarded to the core,
     * which keeps one answer per night and refuses a night whose morning has not come.
     */
    fun noSymptoms() {
        val night = state.value.night ?: return
        viewModelScope.launch {
            val app = getApplication<Application>()
            mutableState.update { it.copy(busy = true, error = null, saved = null) }
            val failure = attempt {
                val store = app.journalStore()
                store.write { journal -> journal.addNoSymptoms(NoSymptomsData(night, nowMoment())) }
            }
            mutableState.update {
                it.copy(
                    busy = false,
                    saved = if (failure == null) app.getString(R.string.no_symptoms_saved) else null,
                    error = if (failure == null) null else errorText(app, failure),
                )
            }
        }
    }

    /** Saves the diary through the core (which checks every field and the order of the times). */
    fun save() {
        val current = state.value
        val form = current.form ?: return
        val night = current.night ?: return
        val data = SleepDiaryData(
            nightOf = night,
            gotIntoBedAt = form.gotIntoBed.moment(),
            triedToSleepAt = form.triedToSleep.moment(),
            sleepOnsetMinutes = form.sleepOnsetMinutes,
            awakenings = form.awakenings,
            wakeAfterSleepOnsetMinutes = form.wakeAfterSleepOnsetMinutes,
            finalAwakeningAt = form.finalAwakening.moment(),
            outOfBedAt = form.outOfBed.moment(),
            quality = form.quality,
            note = form.note.ifBlank { null },
        )
        val editingId = current.editingId
        viewModelScope.launch {
            val app = getApplication<Application>()
            mutableState.update { it.copy(busy = true, error = null, saved = null) }
            val failure = attempt {
                val store = app.journalStore()
                // The core adds (no id) or replaces (an id) the diary.
                store.write { journal -> journal.saveEntry(editingId, EntryData.SleepDiary(data)) }
            }
            mutableState.update {
                it.copy(
                    busy = false,
                    saved = if (failure == null) app.getString(R.string.diary_saved) else null,
                    error = if (failure == null) null else errorText(app, failure),
                    nothingDue = failure == null && editingId == null,
                    form = if (failure == null && editingId == null) null else it.form,
                )
            }
        }
    }
}
