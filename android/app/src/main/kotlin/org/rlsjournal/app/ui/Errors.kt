package org.rlsjournal.app.ui

import android.content.Context
import org.rlsjournal.app.R
import kotlin.coroutines.cancellation.CancellationException
import org.rlsjournal.core.JournalException
import org.rlsjournal.core.errorMessage

/**
 * The message to show for a failed core call: the core's own sentence for its typed error
 * (`errorMessage`, e.g. "Intensity must be between 1 and 10 — you entered 11."). Only a failure
 * that is not the core's (a native library that does not load) gets the app's own words.
 */
fun errorText(context: Context, error: Throwable): String = when (error) {
    is JournalException -> errorMessage(error)
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
