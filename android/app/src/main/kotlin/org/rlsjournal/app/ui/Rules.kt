package org.rlsjournal.app.ui

import org.rlsjournal.core.FormRules
import org.rlsjournal.core.formRules
import org.rlsjournal.presenters.isNightThemeHour

/**
 * The core's ranges, defaults and choices for the forms (`formRules()`: fixed data, read once).
 * No range or default of an entry form is written in the app: a check in the test suite
 * (`tests/app-api-check/ranges.py`) fails if a numeric range literal reappears here.
 */
object Rules {
    val core: FormRules by lazy { formRules() }

    /** Every peak intensity, lowest first. */
    val intensities: List<Int> by lazy { (core.intensity.min..core.intensity.max).toList() }

    /** Every sleep quality, lowest first. */
    val qualities: List<Int> by lazy { (core.sleepQuality.min..core.sleepQuality.max).toList() }

    /** Whether [hour] (local, 0–23) is in the hours the app opens dark (a bedside phone at night). */
    fun isNightHour(hour: Int): Boolean = isNightThemeHour(hour, core)
}
