package org.rlsjournal.presenters

import kotlin.coroutines.cancellation.CancellationException
import org.rlsjournal.core.JournalException
import org.rlsjournal.journal.JournalStore

/** Where the start-up (native library, bindings checks, opening the journal) stands. */
sealed interface Startup {
    /** Still loading: a spinner. */
    data object Loading : Startup

    /** The journal is open: the app. */
    data class Ready(
        /** The process's store. */
        val store: JournalStore,
    ) : Startup

    /** The core loaded but the journal could not be opened (damaged, or from a newer app). */
    data class JournalFailed(
        /** The core's sentence for why. */
        val sentence: String,
    ) : Startup

    /**
     * The core did not load: the native library is missing or refused (e.g. misaligned pages), or
     * it does not match its bindings (the checksum check).
     */
    data class EngineFailed(
        /** The failure's class name (at most [ENGINE_NAME_MAX] characters), for a report. */
        val name: String,
    ) : Startup

    /** Limits shared by the start-up screen. */
    companion object {
        /** The longest class name shown on the start-up failure screen. */
        const val ENGINE_NAME_MAX: Int = 60
    }
}

/**
 * Which start-up screen follows [open] (the application's store, awaited): the app, the core's
 * reason the journal could not be opened, or the engine failure. Cancellation is passed on.
 */
suspend fun startupOf(open: suspend () -> JournalStore): Startup =
    try {
        Startup.Ready(open())
    } catch (e: CancellationException) {
        throw e
    } catch (e: JournalException) {
        Startup.JournalFailed(sentenceOf(e))
    } catch (e: Throwable) {
        Startup.EngineFailed(e.javaClass.simpleName.take(Startup.ENGINE_NAME_MAX))
    }
