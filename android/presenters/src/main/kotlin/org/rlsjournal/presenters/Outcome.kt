package org.rlsjournal.presenters

import kotlin.coroutines.cancellation.CancellationException
import org.rlsjournal.core.JournalException
import org.rlsjournal.core.errorMessage

/** What a finished action tells the person (the app picks the words in its language). */
enum class Notice {
    /** Symptoms were logged. */
    LOGGED,

    /** The open episode was ended. */
    EPISODE_ENDED,

    /** A relief attempt was saved. */
    RELIEF_SAVED,

    /** "No symptoms last night" was recorded. */
    NO_SYMPTOMS_SAVED,

    /** The sleep diary was saved. */
    DIARY_SAVED,

    /** An entry was added or edited. */
    ENTRY_SAVED,

    /** The settings were saved (and the reminders re-armed). */
    SETTINGS_SAVED,
}

/**
 * The sentence for a failed core call: the core's own sentence for its typed errors
 * (`errorMessage`), the exception's message for anything else.
 */
fun sentenceOf(error: Throwable): String = when (error) {
    is JournalException -> errorMessage(error)
    else -> error.message ?: error.toString()
}

/**
 * Runs [block] and returns what it threw (null if it succeeded). Cancellation is passed on, not
 * reported: a screen that closes while a call runs shows nothing. Every other [Throwable] is
 * returned, errors included (an `UnsatisfiedLinkError` from a native library that does not load):
 * a receiver must still call `finish()`, and a screen shows it.
 */
suspend fun attempt(block: suspend () -> Unit): Throwable? =
    try {
        block()
        null
    } catch (e: CancellationException) {
        throw e
    } catch (e: Throwable) {
        e
    }
