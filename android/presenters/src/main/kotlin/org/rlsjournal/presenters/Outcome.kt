package org.rlsjournal.presenters

import kotlin.coroutines.cancellation.CancellationException
import org.rlsjournal.core.JournalException

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
 * The sentence for a failed core call, from the core's typed error. This is the one place a
 * presenter turns an error into words: when the core gives its own user-facing sentence, only
 * this function changes.
 */
fun sentenceOf(error: Throwable): String = when (error) {
    is JournalException.InvalidInput -> "${error.field}: ${error.reason}"
    is JournalException.NotFound -> "Not found: ${error.what}"
    is JournalException.Storage -> "The journal could not be read or written: ${error.detail}"
    is JournalException.IncompatibleVersion -> "This journal was written by a newer version of the app."
    is JournalException.Corrupt -> "The journal file is damaged: ${error.detail}"
    is JournalException.ImportRejected -> "The backup was not restored: ${error.reason}"
    is JournalException.PassphraseNeeded -> "This backup is encrypted: a passphrase is needed."
    is JournalException.WrongPassphrase -> "The passphrase does not open this backup."
    is JournalException.BackupFailed -> "The backup failed: ${error.reason}"
    else -> error.message ?: error.toString()
}

/**
 * Runs [block] and returns what it threw (null if it succeeded). Cancellation is passed on, not
 * reported: a screen that closes while a call runs shows nothing.
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
