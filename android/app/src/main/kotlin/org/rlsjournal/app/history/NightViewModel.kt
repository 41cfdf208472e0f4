package org.rlsjournal.app.history

import android.app.Application
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.viewModelScope
import java.time.LocalDate
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.rlsjournal.app.journalStore
import org.rlsjournal.app.ui.attempt
import org.rlsjournal.app.ui.errorText
import org.rlsjournal.core.NightView
import org.rlsjournal.journal.JournalStore

/** What the night screen shows. */
data class NightState(
    val night: LocalDate? = null,
    /** The core's `night(date)` view. */
    val view: NightView? = null,
    val deletedId: String? = null,
    val error: String? = null,
)

/** One night's full view: filled by the core's `night(date)`. Writes: `deleteEntry`, `undoDelete`. */
class NightViewModel(application: Application) : AndroidViewModel(application) {

    private val mutableState = MutableStateFlow(NightState())
    val state: StateFlow<NightState> = mutableState.asStateFlow()

    fun load(night: LocalDate) {
        mutableState.update { it.copy(night = night) }
        launchCall { store ->
            val view = store.night(night)
            mutableState.update { it.copy(view = view, error = null) }
        }
    }

    fun delete(id: String) = launchCall { store ->
        store.deleteEntry(id)
        mutableState.update { it.copy(deletedId = id) }
        reload(store)
    }

    fun undo() = launchCall { store ->
        mutableState.update { it.copy(deletedId = null) }
        store.undoDelete()
        reload(store)
    }

    fun undoOffered() = mutableState.update { it.copy(deletedId = null) }

    private suspend fun reload(store: JournalStore) {
        val night = state.value.night ?: return
        val view = store.night(night)
        mutableState.update { it.copy(view = view) }
    }

    private fun launchCall(block: suspend (JournalStore) -> Unit) {
        viewModelScope.launch {
            val app = getApplication<Application>()
            val failure = attempt { block(app.journalStore()) }
            if (failure != null) {
                mutableState.update { it.copy(error = errorText(app, failure)) }
            }
        }
    }
}
