package org.rlsjournal.app.reminders

import android.app.AlarmManager
import android.app.NotificationChannel
import android.app.NotificationManager
import android.app.PendingIntent
import android.content.Context
import android.content.Intent
import androidx.core.app.NotificationCompat
import androidx.core.app.NotificationManagerCompat
import java.time.ZonedDateTime
import org.rlsjournal.app.MainActivity
import org.rlsjournal.app.R
import org.rlsjournal.app.journalStore
import org.rlsjournal.app.ui.errorText
import org.rlsjournal.core.Prompt
import org.rlsjournal.presenters.ReminderIds
import org.rlsjournal.presenters.ReminderKind
import org.rlsjournal.presenters.ReminderNotifier
import org.rlsjournal.presenters.ReminderPlanner
import org.rlsjournal.presenters.ReminderScheduler
import org.rlsjournal.presenters.Routes
import org.rlsjournal.presenters.quickLogIntensities

/**
 * The morning check-in reminder and the optional evening one.
 *
 * An alarm fires at the hour in the core's settings (`morningHour`, `eveningReminderHour`);
 * [ReminderReceiver] then asks the core's `prompts()` and posts a notification only if that
 * entry is still due, with the prompt's own title and message. The evening notification carries
 * "log symptoms" actions handled by [QuickLogReceiver] without opening the app. Alarms are
 * inexact (no exact-alarm permission): a reminder may come a few minutes late.
 */
object Reminders {
    const val CHANNEL_ID = "reminders"
    const val ACTION_REMIND = "org.rlsjournal.app.action.REMIND"
    const val ACTION_QUICK_LOG = "org.rlsjournal.app.action.QUICK_LOG"
    const val EXTRA_KIND = "kind"
    const val EXTRA_INTENSITY = "intensity"

    fun createChannels(context: Context) {
        val channel = NotificationChannel(
            CHANNEL_ID,
            context.getString(R.string.channel_reminders),
            NotificationManager.IMPORTANCE_DEFAULT,
        )
        channel.description = context.getString(R.string.channel_reminders_description)
        context.getSystemService(NotificationManager::class.java)?.createNotificationChannel(channel)
    }

    /** The reminder rules (android/presenters) on this device's alarms and notifications. */
    fun planner(context: Context): ReminderPlanner {
        val device = DeviceReminders(context.applicationContext)
        return ReminderPlanner({ context.journalStore() }, device, device)
    }

    /** Arms the reminders from the journal's settings (app start, boot, after an alarm). */
    suspend fun rescheduleFromSettings(context: Context) {
        planner(context).rescheduleFromSettings()
    }

    /** Posts the reminder for [prompt] (a prompt the core says is due). */
    fun notifyDue(context: Context, kind: ReminderKind, prompt: Prompt) {
        val builder = NotificationCompat.Builder(context, CHANNEL_ID)
            .setSmallIcon(android.R.drawable.ic_popup_reminder)
            .setContentTitle(prompt.title)
            .setContentText(prompt.message)
            .setStyle(NotificationCompat.BigTextStyle().bigText(prompt.message))
            .setContentIntent(openApp(context, Routes.forReminder(kind)))
            .setAutoCancel(true)
        if (kind == ReminderKind.EVENING) {
            for (intensity in quickLogIntensities) {
                builder.addAction(
                    0,
                    context.getString(R.string.notification_log_intensity, intensity),
                    quickLogIntent(context, intensity),
                )
            }
        }
        post(context, ReminderIds.notificationId(kind), builder)
    }

    /** Replaces the evening reminder with a short confirmation of what was logged (or the error). */
    fun notifyLogged(context: Context, title: String, text: String) {
        NotificationManagerCompat.from(context).cancel(ReminderIds.NOTIFICATION_EVENING)
        val builder = NotificationCompat.Builder(context, CHANNEL_ID)
            .setSmallIcon(android.R.drawable.ic_popup_reminder)
            .setContentTitle(title)
            .setContentText(text)
            .setContentIntent(openApp(context, Routes.TONIGHT))
            .setSilent(true)
            .setAutoCancel(true)
            .setTimeoutAfter(LOGGED_TIMEOUT_MS)
        post(context, ReminderIds.NOTIFICATION_LOGGED, builder)
    }

    private fun post(context: Context, id: Int, builder: NotificationCompat.Builder) {
        val manager = NotificationManagerCompat.from(context)
        if (!manager.areNotificationsEnabled()) return
        try {
            manager.notify(id, builder.build())
        } catch (e: SecurityException) {
            // The notification permission was withdrawn: nothing to show.
        }
    }

    /** Arms the [kind] alarm at [at] (inexact: no exact-alarm permission). */
    fun arm(context: Context, kind: ReminderKind, at: ZonedDateTime) {
        alarmManager(context)?.setAndAllowWhileIdle(
            AlarmManager.RTC_WAKEUP,
            at.toInstant().toEpochMilli(),
            reminderIntent(context, kind),
        )
    }

    /** Cancels the [kind] alarm. */
    fun cancel(context: Context, kind: ReminderKind) {
        alarmManager(context)?.cancel(reminderIntent(context, kind))
    }

    private fun alarmManager(context: Context): AlarmManager? = context.getSystemService(AlarmManager::class.java)

    private fun reminderIntent(context: Context, kind: ReminderKind): PendingIntent {
        val intent = Intent(context, ReminderReceiver::class.java)
            .setAction(ACTION_REMIND)
            .putExtra(EXTRA_KIND, ReminderIds.extra(kind))
        return PendingIntent.getBroadcast(context, ReminderIds.notificationId(kind), intent, PendingIntent.FLAG_UPDATE_CURRENT or PendingIntent.FLAG_IMMUTABLE)
    }

    private fun quickLogIntent(context: Context, intensity: Int): PendingIntent {
        val intent = Intent(context, QuickLogReceiver::class.java)
            .setAction(ACTION_QUICK_LOG)
            .putExtra(EXTRA_INTENSITY, intensity)
        return PendingIntent.getBroadcast(context, ReminderIds.quickLogRequestCode(intensity), intent, PendingIntent.FLAG_UPDATE_CURRENT or PendingIntent.FLAG_IMMUTABLE)
    }

    private fun openApp(context: Context, route: String): PendingIntent {
        val intent = Intent(context, MainActivity::class.java)
            .putExtra(MainActivity.EXTRA_ROUTE, route)
            .addFlags(Intent.FLAG_ACTIVITY_NEW_TASK or Intent.FLAG_ACTIVITY_CLEAR_TOP)
        return PendingIntent.getActivity(context, route.hashCode(), intent, PendingIntent.FLAG_UPDATE_CURRENT or PendingIntent.FLAG_IMMUTABLE)
    }

    private const val LOGGED_TIMEOUT_MS = 15_000L
}

/**
 * The presenters' [ReminderScheduler] and [ReminderNotifier] on this device: AlarmManager and
 * the notification shade (texts from the app's resources).
 */
class DeviceReminders(private val context: Context) : ReminderScheduler, ReminderNotifier {
    override fun arm(kind: ReminderKind, at: ZonedDateTime) = Reminders.arm(context, kind, at)

    override fun cancel(kind: ReminderKind) = Reminders.cancel(context, kind)

    override fun showDue(kind: ReminderKind, prompt: Prompt) = Reminders.notifyDue(context, kind, prompt)

    override fun showLogged(title: String?, error: Throwable?) {
        if (error == null) {
            Reminders.notifyLogged(context, context.getString(R.string.notification_logged), title ?: context.getString(R.string.logged))
        } else {
            Reminders.notifyLogged(context, context.getString(R.string.notification_log_failed), errorText(context, error))
        }
    }
}
