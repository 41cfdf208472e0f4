package org.rlsjournal.presenters

import java.time.LocalDate
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.rlsjournal.core.NightView
import org.rlsjournal.journal.JournalStore

/** What the night screen shows. */
data class NightState(
    val night: LocalDate? = null,
    /** The core's `night(date)` view. */
    val view: NightView? = null,
    val deletedId: String? = null,
    val error: Throwable? = null,
) {
    /** The error as a sentence for the person, or null. */
    val errorText: String? get() = error?.let(::sentenceOf)

    /** Whether the "treatments taken" block shows. */
    val showsTreatments: Boolean get() = view?.activeTreatments?.isNotEmpty() == true
}

/** One night's full view: filled by the core's `night(date)`. Writes: `deleteEntry`, `undoDelete`. */
class NightPresenter(
    private val openStore: StoreSource,
    private val scope: CoroutineScope,
) {
    private val mutableState = MutableStateFlow(NightState())

    /** The screen's state. */
    val state: StateFlow<NightState> = mutableState.asStateFlow()

    /** Shows [night]. */
    fun load(night: LocalDate): Job {
        mutableState.update { it.copy(night = night) }
        return call { store -> reload(store) }
    }

    /** Deletes an entry of the night; the screen offers "Undo". */
    fun delete(id: String): Job = call { store ->
        store.deleteEntry(id)
        mutableState.update { it.copy(deletedId = id) }
        reload(store)
    }

    /** Brings back the most recently deleted entry. */
    fun undo(): Job = call { store ->
        mutableState.update { it.copy(deletedId = null) }
        store.undoDelete()
        reload(store)
    }

    /** The undo offer was shown and dismissed. */
    fun undoOffered() = mutableState.update { it.copy(deletedId = null) }

    private suspend fun reload(store: JournalStore) {
        val night = state.value.night ?: return
        val view = store.night(night)
        mutableState.update { it.copy(view = view, error = null) }
    }

    private fun call(block: suspend (JournalStore) -> Unit): Job = scope.launch {
        val failure = attempt { block(openStore()) }
        if (failure != null) mutableState.update { it.copy(error = failure) }
    }
}
