package org.rlsjournal.app.ui

import android.content.Context
import org.rlsjournal.app.R
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

// A failed call's Throwable is caught by the presenters' `attempt` (android/presenters/Outcome.kt).
