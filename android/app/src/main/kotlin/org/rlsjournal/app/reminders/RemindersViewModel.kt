package org.rlsjournal.app.reminders

import android.app.Application
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.viewModelScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.rlsjournal.app.R
import org.rlsjournal.app.journalStore
import org.rlsjournal.app.ui.Vocabulary
import org.rlsjournal.app.ui.attempt
import org.rlsjournal.app.ui.errorText
import org.rlsjournal.core.PaperSize
import org.rlsjournal.core.Settings

/** What the Reminders screen shows. */
data class RemindersState(
    /** The core's `settings()`, as edited on screen. */
    val settings: Settings? = null,
    val busy: Boolean = false,
    val saved: String? = null,
    val error: String? = null,
)

/**
 * Reminders and settings: filled by the core's `settings()`; saved with `updateSettings`, then
 * the alarms are re-armed for the new hours.
 */
class RemindersViewModel(application: Application) : AndroidViewModel(application) {

    private val mutableState = MutableStateFlow(RemindersState())
    val state: StateFlow<RemindersState> = mutableState.asStateFlow()

    /** The paper sizes of the clinician report, in the core's order. */
    val paperSizes: List<PaperSize> = Vocabulary.paperSizes

    fun load() {
        viewModelScope.launch {
            val app = getApplication<Application>()
            val failure = attempt {
                val store = app.journalStore()
                val settings = store.read { journal -> journal.settings() }
                mutableState.update { it.copy(settings = settings, error = null) }
            }
            if (failure != null) {
                mutableState.update { it.copy(error = errorText(app, failure)) }
            }
        }
    }

    fun edit(change: (Settings) -> Settings) {
        mutableState.update { s -> s.copy(settings = s.settings?.let(change), saved = null) }
    }

    fun save() {
        val settings = state.value.settings ?: return
        viewModelScope.launch {
            val app = getApplication<Application>()
            mutableState.update { it.copy(busy = true, error = null, saved = null) }
            val failure = attempt {
                val store = app.journalStore()
                val saved = store.write { journal -> journal.updateSettings(settings) }
                Reminders.schedule(app, saved)
                mutableState.update { it.copy(settings = saved, saved = app.getString(R.string.settings_saved)) }
            }
            mutableState.update {
                it.copy(busy = false, error = if (failure == null) null else errorText(app, failure))
            }
        }
    }
}
