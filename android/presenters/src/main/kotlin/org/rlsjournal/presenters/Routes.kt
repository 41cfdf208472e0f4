package org.rlsjournal.presenters

import java.time.LocalDate
import java.time.format.DateTimeParseException
import org.rlsjournal.core.EntryKind

/**
 * The app's screens as navigation routes, and which route each request leads to. The Android
 * navigation graph (Navigation.kt) registers these strings; the reminders' notifications and the
 * activity's intent ask for them.
 */
object Routes {
    /** The bedside screen (the start). */
    const val TONIGHT: String = "tonight"

    /** The morning check-in. */
    const val CHECK_IN: String = "checkin"

    /** The history list and calendar. */
    const val HISTORY: String = "history"

    /** The pattern summary. */
    const val SUMMARY: String = "summary"

    /** Add, Share, Backup, Reminders and Licences. */
    const val MORE: String = "more"

    /** A new entry. */
    const val ADD: String = "add"

    /** Share and restore. */
    const val SHARE: String = "share"

    /** Automatic backups and sync. */
    const val BACKUP: String = "backup"

    /** Reminders and settings. */
    const val REMINDERS: String = "reminders"

    /** The licence texts. */
    const val LICENCES: String = "licences"

    /** The argument of an edit route naming the entry's kind. */
    const val ARG_KIND: String = "kind"

    /** The argument of an edit route naming the entry's id. */
    const val ARG_ID: String = "id"

    /** The argument of a night route naming the night (ISO date). */
    const val ARG_DATE: String = "date"

    /** Editing an entry that is not a sleep diary: `add/{kind}/{id}`. */
    const val EDIT_ENTRY: String = "$ADD/{$ARG_KIND}/{$ARG_ID}"

    /** Editing a sleep diary: `checkin/{id}`. */
    const val EDIT_DIARY: String = "$CHECK_IN/{$ARG_ID}"

    /** One night in full: `night/{date}`. */
    const val NIGHT: String = "night/{$ARG_DATE}"

    /** The bottom bar's tabs, in order. */
    val tabs: List<String> = listOf(TONIGHT, CHECK_IN, HISTORY, SUMMARY, MORE)

    /** The screens a notification or another app's intent may open: the tabs only. */
    fun requestedTab(route: String?): String? = route?.takeIf { it in tabs }

    /** Where an entry is edited: a sleep diary on the check-in screen, everything else on Add. */
    fun edit(kind: EntryKind, id: String): String =
        if (kind == EntryKind.SLEEP_DIARY) "$CHECK_IN/$id" else "$ADD/${kind.name}/$id"

    /** The route of one night. */
    fun night(date: LocalDate): String = "night/$date"

    /** The entry kind named in an edit route, or null for a name that is none. */
    fun kindOf(argument: String?): EntryKind? = EntryKind.values().firstOrNull { it.name == argument }

    /** The night named in a night route, or [today] when the argument is missing or not a date. */
    fun nightOf(argument: String?, today: LocalDate): LocalDate =
        try {
            if (argument == null) today else LocalDate.parse(argument)
        } catch (e: DateTimeParseException) {
            today
        }

    /** The screen a reminder of [kind] opens: the evening one Tonight, the morning one the check-in. */
    fun forReminder(kind: ReminderKind): String = if (kind == ReminderKind.EVENING) TONIGHT else CHECK_IN
}
