package org.rlsjournal.app.reminders

import android.Manifest
import android.content.Context
import android.content.Intent
import android.os.Build
import android.provider.Settings
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.core.app.NotificationManagerCompat
import androidx.lifecycle.Lifecycle
import androidx.lifecycle.compose.LifecycleEventEffect
import org.rlsjournal.app.R
import org.rlsjournal.app.ui.MessageCard
import org.rlsjournal.app.ui.QuietButton
import org.rlsjournal.presenters.NotificationPermissionRules
import org.rlsjournal.presenters.NotificationStatus

// Reminders need the notification permission (Android 13+). When to ask and what the Reminders
// screen shows is NotificationPermissionRules (android/presenters); here: the system calls. After
// a denial the screen says how to turn notifications on again (the system will not ask twice).

private const val PREFERENCES = "notification_permission"
private const val ASKED_AFTER_FIRST_LOG = "asked_after_first_log"

/** Whether this app's notifications are allowed (permission granted and not blocked). */
fun notificationsAllowed(context: Context): Boolean = NotificationManagerCompat.from(context).areNotificationsEnabled()

/** The system screen where the person turns this app's notifications on again. */
fun notificationSettingsIntent(context: Context): Intent =
    Intent(Settings.ACTION_APP_NOTIFICATION_SETTINGS).putExtra(Settings.EXTRA_APP_PACKAGE, context.packageName)

/**
 * Asks for the notification permission once, the first time [logged] becomes true (the first
 * entry logged on Tonight), if notifications are not allowed yet.
 */
@Composable
fun AskNotificationsAfterFirstLog(logged: Boolean) {
    val context = LocalContext.current
    val ask = rememberLauncherForActivityResult(ActivityResultContracts.RequestPermission()) { }
    LaunchedEffect(logged) {
        val preferences = context.getSharedPreferences(PREFERENCES, Context.MODE_PRIVATE)
        val askedBefore = preferences.getBoolean(ASKED_AFTER_FIRST_LOG, false)
        if (!NotificationPermissionRules.askAfterLog(logged, Build.VERSION.SDK_INT, notificationsAllowed(context), askedBefore)) {
            return@LaunchedEffect
        }
        preferences.edit().putBoolean(ASKED_AFTER_FIRST_LOG, true).apply()
        ask.launch(Manifest.permission.POST_NOTIFICATIONS)
    }
}

/** A request for the permission, to launch when the person turns a reminder on. */
@Composable
fun rememberNotificationRequest(): () -> Unit {
    val context = LocalContext.current
    val ask = rememberLauncherForActivityResult(ActivityResultContracts.RequestPermission()) { }
    return {
        if (NotificationPermissionRules.canAsk(Build.VERSION.SDK_INT, notificationsAllowed(context))) {
            ask.launch(Manifest.permission.POST_NOTIFICATIONS)
        }
    }
}

/**
 * Whether reminders can be shown, re-read whenever the screen resumes (the person may come back
 * from the system settings): allowed, or not allowed with a button to ask (Android 13+, first
 * time) and a button to the system settings (after a denial, the system does not ask again).
 */
@Composable
fun NotificationPermissionStatus() {
    val context = LocalContext.current
    var allowed by remember { mutableStateOf(notificationsAllowed(context)) }
    LifecycleEventEffect(Lifecycle.Event.ON_RESUME) { allowed = notificationsAllowed(context) }
    val ask = rememberLauncherForActivityResult(ActivityResultContracts.RequestPermission()) { granted ->
        allowed = granted && notificationsAllowed(context)
    }
    val status = NotificationPermissionRules.status(Build.VERSION.SDK_INT, allowed)
    if (status == NotificationStatus.ALLOWED) {
        MessageCard(stringResource(R.string.notifications_allowed), isError = false)
        return
    }
    MessageCard(stringResource(R.string.notifications_not_allowed), isError = true)
    if (status == NotificationStatus.ASK) {
        QuietButton(
            text = stringResource(R.string.allow_notifications),
            description = stringResource(R.string.allow_notifications_description),
            onClick = { ask.launch(Manifest.permission.POST_NOTIFICATIONS) },
            modifier = Modifier.fillMaxWidth(),
        )
    }
    QuietButton(
        text = stringResource(R.string.open_notification_settings),
        description = stringResource(R.string.open_notification_settings_description),
        onClick = { context.startActivity(notificationSettingsIntent(context)) },
        modifier = Modifier.fillMaxWidth(),
    )
}
