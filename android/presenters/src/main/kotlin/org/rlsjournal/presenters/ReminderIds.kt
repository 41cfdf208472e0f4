package org.rlsjournal.presenters

/**
 * The names and numbers a reminder goes by on the device: the alarm's extra naming its kind, its
 * notification's id, and the request codes that keep each alarm and action a pending intent of
 * its own. Android's Reminders.kt builds the intents from these; the receivers read them back.
 */
object ReminderIds {
    /** The alarm extra of the morning check-in reminder. */
    const val KIND_MORNING: String = "morning"

    /** The alarm extra of the evening check-in reminder. */
    const val KIND_EVENING: String = "evening"

    /** The notification id of the morning reminder. */
    const val NOTIFICATION_MORNING: Int = 1

    /** The notification id of the evening reminder (replaced by the quick log's confirmation). */
    const val NOTIFICATION_EVENING: Int = 2

    /** The notification id of a quick log's confirmation. */
    const val NOTIFICATION_LOGGED: Int = 3

    /** The first request code of the quick-log actions, above every notification id. */
    const val QUICK_LOG_REQUEST_BASE: Int = 100

    /** The alarm extra naming [kind]. */
    fun extra(kind: ReminderKind): String = if (kind == ReminderKind.EVENING) KIND_EVENING else KIND_MORNING

    /** The kind an alarm extra names, or null for a missing or unknown extra (nothing to show). */
    fun kindOf(extra: String?): ReminderKind? = when (extra) {
        KIND_MORNING -> ReminderKind.MORNING
        KIND_EVENING -> ReminderKind.EVENING
        else -> null
    }

    /** The notification id of a [kind] reminder; also its alarm's request code. */
    fun notificationId(kind: ReminderKind): Int =
        if (kind == ReminderKind.EVENING) NOTIFICATION_EVENING else NOTIFICATION_MORNING

    /** The request code of the "log [intensity]/10" action (one pending intent per intensity). */
    fun quickLogRequestCode(intensity: Int): Int = QUICK_LOG_REQUEST_BASE + intensity

    /** The intensity a quick-log action carries, or null unless it is one the notification offers. */
    fun quickLogIntensityOf(extra: Int): Int? = extra.takeIf { it in quickLogIntensities }
}
