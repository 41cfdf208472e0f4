package org.rlsjournal.presenters

/** Android 13 (API 33), the first version where notifications need a permission the app asks for. */
const val NOTIFICATION_PERMISSION_SDK: Int = 33

/** What the Reminders screen shows about notifications. */
enum class NotificationStatus {
    /** Allowed: reminders will be shown. */
    ALLOWED,

    /** Not allowed, and the system can be asked (Android 13+): an "Allow" button and the settings. */
    ASK,

    /** Not allowed, and there is nothing to ask (before Android 13): only the system settings. */
    SETTINGS_ONLY,
}

/**
 * When the app asks for the notification permission. It asks at two moments that explain
 * themselves: once after the first entry logged on Tonight, and when the person turns a reminder
 * on; the Reminders screen always says whether notifications are allowed.
 */
object NotificationPermissionRules {
    /** Whether the system can be asked: Android 13+ and not allowed yet. */
    fun canAsk(sdk: Int, allowed: Boolean): Boolean = sdk >= NOTIFICATION_PERMISSION_SDK && !allowed

    /** Whether to ask now that [logged] changed: after a log, if never asked after one before. */
    fun askAfterLog(logged: Boolean, sdk: Int, allowed: Boolean, askedBefore: Boolean): Boolean =
        logged && !askedBefore && canAsk(sdk, allowed)

    /** What the Reminders screen shows. */
    fun status(sdk: Int, allowed: Boolean): NotificationStatus = when {
        allowed -> NotificationStatus.ALLOWED
        canAsk(sdk, allowed) -> NotificationStatus.ASK
        else -> NotificationStatus.SETTINGS_ONLY
    }
}
