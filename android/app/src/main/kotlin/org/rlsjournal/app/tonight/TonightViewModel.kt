package org.rlsjournal.app.tonight

import android.app.Application
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.viewModelScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.rlsjournal.app.R
import org.rlsjournal.app.journalStore
import org.rlsjournal.app.ui.attempt
import org.rlsjournal.app.ui.errorText
import org.rlsjournal.core.Episode
import org.rlsjournal.core.ReliefMethod
import org.rlsjournal.core.Side
import org.rlsjournal.journal.JournalStore

/** What the Tonight screen shows. */
data class TonightState(
    val loading: Boolean = true,
    /** The episode in progress (the core's `openEpisode()`), or null. */
    val openEpisode: Episode? = null,
    /** The open episode as the core describes it in history (its `openEpisodeItem()`). */
    val openTitle: String? = null,
    val openDetail: String? = null,
    /** The side chosen for the next log, if any. */
    val side: Side? = null,
    /** The relief method whose "how much did it help" buttons are showing. */
    val reliefMethod: ReliefMethod? = null,
    val busy: Boolean = false,
    val message: String? = null,
    val error: String? = null,
)

/**
 * The bedside screen. Filled by the core's `openEpisode()` (through the store's flow, which the
 * store re-reads after every write) and, for its display text, `openEpisodeItem()`. Writes:
 * `quickLog`, `endEpisode`, `addRelief`.
 */
class TonightViewModel(application: Application) : AndroidViewModel(application) {

    private val mutableState = MutableStateFlow(TonightState())
    val state: StateFlow<TonightState> = mutableState.asStateFlow()

    init {
        viewModelScope.launch {
            val failure = attempt {
                val store = getApplication<Application>().journalStore()
                store.openEpisode.map { episode ->
                    val item = if (episode == null) null else store.read { journal -> journal.openEpisodeItem() }
                    TonightState(openEpisode = episode, openTitle = item?.title, openDetail = item?.detail)
                }.collect { fresh ->
                    mutableState.update {
                        it.copy(
                            loading = false,
                            openEpisode = fresh.openEpisode,
                            openTitle = fresh.openTitle,
                            openDetail = fresh.openDetail,
                        )
                    }
                }
            }
            if (failure != null) {
                mutableState.update { it.copy(loading = false, error = errorText(getApplication(), failure)) }
            }
        }
    }

    /** Re-reads the open episode (the screen came back to the foreground). */
    fun refresh() = act(null) { store -> store.refresh() }

    fun chooseSide(side: Side?) = mutableState.update { it.copy(side = side) }

    fun chooseRelief(method: ReliefMethod?) = mutableState.update { it.copy(reliefMethod = method) }

    /** Logs symptoms now at [intensity] (1-10) with the chosen side. */
    fun log(intensity: Int) {
        val side = state.value.side
        act(R.string.logged) { store -> store.quickLog(intensity, side) }
    }

    /** Ends the open episode now. */
    fun end() = act(R.string.episode_ended) { store -> store.endEpisode() }

    /** Records how much the chosen method helped (0 none .. 3 complete). */
    fun relief(helped: Int) {
        val method = state.value.reliefMethod ?: return
        mutableState.update { it.copy(reliefMethod = null) }
        act(R.string.relief_saved) { store -> store.addRelief(method, helped) }
    }

    fun dismissMessage() = mutableState.update { it.copy(message = null, error = null) }

    private fun act(done: Int?, block: suspend (JournalStore) -> Unit) {
        viewModelScope.launch {
            mutableState.update { it.copy(busy = true, error = null, message = null) }
            val app = getApplication<Application>()
            val failure = attempt { block(app.journalStore()) }
            mutableState.update {
                it.copy(
                    busy = false,
                    error = if (failure == null) null else errorText(app, failure),
                    message = if (failure == null && done != null) app.getString(done) else null,
                )
            }
        }
    }
}
