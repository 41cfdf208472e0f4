package org.rlsjournal.presenters

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import org.rlsjournal.core.Episode
import org.rlsjournal.core.ReliefMethod
import org.rlsjournal.core.Side
import org.rlsjournal.journal.JournalStore

/** What the Tonight (bedside) screen shows. */
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
    val notice: Notice? = null,
    val error: Throwable? = null,
) {
    /** The error as a sentence for the person, or null. */
    val errorText: String? get() = error?.let(::sentenceOf)

    /** The last action logged symptoms (the moment to ask for notification permission). */
    val justLogged: Boolean get() = notice == Notice.LOGGED

    /** Whether "end" and the relief buttons show (an episode is in progress). */
    val hasOpenEpisode: Boolean get() = openEpisode != null
}

/**
 * The bedside screen. Filled by the core's `openEpisode()` (through the store's flow, re-read
 * after every write, including one made through another handle once [refresh] runs) and, for
 * its display text, `openEpisodeItem()`. Writes: `quickLog`, `endEpisode`, `addRelief`, all at
 * the [clock]'s now. Actions return their [Job] (the app ignores it; tests join it).
 */
class TonightPresenter(
    private val openStore: StoreSource,
    private val scope: CoroutineScope,
    private val clock: AppClock = SystemAppClock,
) {
    private val mutableState = MutableStateFlow(TonightState())
    private val reloadLock = Mutex()

    /** The screen's state. */
    val state: StateFlow<TonightState> = mutableState.asStateFlow()

    init {
        scope.launch {
            val failure = attempt {
                val store = openStore()
                store.openEpisode.collect { reload(store) }
            }
            if (failure != null) mutableState.update { it.copy(loading = false, error = failure) }
        }
    }

    /** Re-reads the open episode (the screen came back to the foreground). */
    fun refresh(): Job = act(null) { it.refresh() }

    /** Chooses the side for the next log (null: not given). */
    fun chooseSide(side: Side?) = mutableState.update { it.copy(side = side) }

    /** Shows the "how much did it help" buttons for [method] (null hides them). */
    fun chooseRelief(method: ReliefMethod?) = mutableState.update { it.copy(reliefMethod = method) }

    /** Logs symptoms now at [intensity] with the chosen side (the core merges a tap into an open episode). */
    fun log(intensity: Int): Job {
        val side = state.value.side
        return act(Notice.LOGGED) { it.quickLog(intensity, side, clock.nowMoment()) }
    }

    /** Ends the open episode now. */
    fun end(): Job = act(Notice.EPISODE_ENDED) { it.endEpisode(clock.nowMoment()) }

    /** Records how much the chosen method helped (the core's relief scale); nothing without a method. */
    fun relief(helped: Int): Job? {
        val method = state.value.reliefMethod ?: return null
        mutableState.update { it.copy(reliefMethod = null) }
        return act(Notice.RELIEF_SAVED) { it.addRelief(method, helped, null, clock.nowMoment()) }
    }

    /** Hides the notice or error. */
    fun dismissMessage() = mutableState.update { it.copy(notice = null, error = null) }

    /** Reads the store's latest open episode (not a stale emission) and its core description. */
    private suspend fun reload(store: JournalStore) {
        reloadLock.withLock {
            val episode = store.openEpisode.value
            val item = if (episode == null) null else store.read { journal -> journal.openEpisodeItem() }
            mutableState.update {
                it.copy(loading = false, openEpisode = episode, openTitle = item?.title, openDetail = item?.detail)
            }
        }
    }

    private fun act(done: Notice?, block: suspend (JournalStore) -> Unit): Job = scope.launch {
        mutableState.update { it.copy(busy = true, error = null, notice = null) }
        var store: JournalStore? = null
        val failure = attempt {
            val opened = openStore()
            store = opened
            block(opened)
        }
        store?.let { attempt { reload(it) } }
        mutableState.update {
            it.copy(busy = false, error = failure, notice = if (failure == null) done else null)
        }
    }
}
