package org.rlsjournal.presenters

import org.rlsjournal.core.FormRules
import org.rlsjournal.core.formRules

/**
 * Whether [hour] (local, 0-23) is in the hours the app opens dark whatever the system theme (a
 * bedside phone at night): from the core's `nightThemeFromHour` until its `nightThemeUntilHour`,
 * across midnight.
 */
fun isNightThemeHour(hour: Int, rules: FormRules = formRules()): Boolean =
    hour >= rules.nightThemeFromHour || hour < rules.nightThemeUntilHour
