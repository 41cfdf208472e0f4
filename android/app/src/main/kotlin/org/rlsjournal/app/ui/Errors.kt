package org.rlsjournal.app.ui

import android.content.Context
import org.rlsjournal.app.R
import kotlin.coroutines.cancellation.CancellationException
import org.rlsjournal.core.JournalException

/**
 * The message to show for a failed core call. The core's typed error already says what was wrong
 * (for invalid input: the field and the reason, in plain words); this only picks the template.
 */
fun errorText(context: Context, error: Throwable): String = when (error) {
    is JournalException.InvalidInput -> context.getString(R.string.error_invalid, error.field, error.reason)
    is JournalException.NotFound -> context.getString(R.string.error_not_found, error.what)
    is JournalException.Storage -> context.getString(R.string.error_storage, error.detail)
    is JournalException.IncompatibleVersion -> context.getString(R.string.error_incompatible)
    is JournalException.Corrupt -> context.getString(R.string.error_corrupt, error.detail)
    is JournalException.ImportRejected -> context.getString(R.string.error_import_rejected, error.reason)
    is JournalException.PassphraseNeeded -> context.getString(R.string.error_passphrase_needed)
    is JournalException.WrongPassphrase -> context.getString(R.string.error_wrong_passphrase)
    is JournalException.BackupFailed -> context.getString(R.string.error_backup_failed, error.reason)
    else -> context.getString(R.string.error_unexpected, error.message ?: error.toString())
}

/**
 * Runs [block] and returns what it threw (null if it succeeded). Cancellation is passed on, not
 * reported: a screen that closes while a call runs shows nothing. Every other [Throwable] is
 * returned, errors included (an `UnsatisfiedLinkError` from a native library that does not load,
 * an `Error` out of the bindings): a receiver must still call `finish()`, and a screen shows it.
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
