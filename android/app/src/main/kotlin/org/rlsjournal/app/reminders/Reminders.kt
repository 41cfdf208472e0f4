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
import java.time.temporal.ChronoUnit
import org.rlsjournal.app.MainActivity
import org.rlsjournal.app.R
import org.rlsjournal.app.journalStore
import org.rlsjournal.app.ui.attempt
import org.rlsjournal.core.Prompt
import org.rlsjournal.core.Settings

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
    const val KIND_MORNING = "morning"
    const val KIND_EVENING = "evening"
    const val NOTIFICATION_MORNING = 1
    const val NOTIFICATION_EVENING = 2
    const val NOTIFICATION_LOGGED = 3

    /** The intensities offered as "log symptoms" notification actions (Android shows at most 3). */
    val quickLogIntensities: List<Int> = listOf(3, 5, 8)

    fun createChannels(context: Context) {
        val channel = NotificationChannel(
            CHANNEL_ID,
            context.getString(R.string.channel_reminders),
            NotificationManager.IMPORTANCE_DEFAULT,
        )
        channel.description = context.getString(R.string.channel_reminders_description)
        context.getSystemService(NotificationManager::class.java)?.createNotificationChannel(channel)
    }

    /** Arms the reminders from the journal's settings (app start, boot, after an alarm). */
    suspend fun rescheduleFromSettings(context: Context) {
        attempt {
            val store = context.journalStore()
            val settings = store.read { journal -> journal.settings() }
            schedule(context, settings)
        }
    }

    /** Arms the morning reminder and, if set, the evening one; cancels the evening one if not. */
    fun schedule(context: Context, settings: Settings) {
        arm(context, KIND_MORNING, settings.morningHour)
        val evening = settings.eveningReminderHour
        if (evening == null) {
            alarmManager(context)?.cancel(reminderIntent(context, KIND_EVENING))
        } else {
            arm(context, KIND_EVENING, evening)
        }
    }

    /** Posts the reminder for [prompt] (a prompt the core says is due). */
    fun notifyDue(context: Context, kind: String, prompt: Prompt) {
        val evening = kind == KIND_EVENING
        val builder = NotificationCompat.Builder(context, CHANNEL_ID)
            .setSmallIcon(android.R.drawable.ic_popup_reminder)
            .setContentTitle(prompt.title)
            .setContentText(prompt.message)
            .setStyle(NotificationCompat.BigTextStyle().bigText(prompt.message))
            .setContentIntent(openApp(context, if (evening) ROUTE_TONIGHT else ROUTE_CHECK_IN))
            .setAutoCancel(true)
        if (evening) {
            for (intensity in quickLogIntensities) {
                builder.addAction(
                    0,
                    context.getString(R.string.notification_log_intensity, intensity),
                    quickLogIntent(context, intensity),
                )
            }
        }
        post(context, if (evening) NOTIFICATION_EVENING else NOTIFICATION_MORNING, builder)
    }

    /** Replaces the evening reminder with a short confirmation of what was logged (or the error). */
    fun notifyLogged(context: Context, title: String, text: String) {
        NotificationManagerCompat.from(context).cancel(NOTIFICATION_EVENING)
        val builder = NotificationCompat.Builder(context, CHANNEL_ID)
            .setSmallIcon(android.R.drawable.ic_popup_reminder)
            .setContentTitle(title)
            .setContentText(text)
            .setContentIntent(openApp(context, ROUTE_TONIGHT))
            .setSilent(true)
            .setAutoCancel(true)
            .setTimeoutAfter(LOGGED_TIMEOUT_MS)
        post(context, NOTIFICATION_LOGGED, builder)
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

    private fun arm(context: Context, kind: String, hour: Int) {
        val now = ZonedDateTime.now()
        var at = now.truncatedTo(ChronoUnit.HOURS).withHour(hour)
        if (!at.isAfter(now)) {
            at = at.plusDays(1)
        }
        alarmManager(context)?.setAndAllowWhileIdle(
            AlarmManager.RTC_WAKEUP,
            at.toInstant().toEpochMilli(),
            reminderIntent(context, kind),
        )
    }

    private fun alarmManager(context: Context): AlarmManager? = context.getSystemService(AlarmManager::class.java)

    private fun reminderIntent(context: Context, kind: String): PendingIntent {
        val intent = Intent(context, ReminderReceiver::class.java)
            .setAction(ACTION_REMIND)
            .putExtra(EXTRA_KIND, kind)
        val code = if (kind == KIND_EVENING) NOTIFICATION_EVENING else NOTIFICATION_MORNING
        return PendingIntent.getBroadcast(context, code, intent, PendingIntent.FLAG_UPDATE_CURRENT or PendingIntent.FLAG_IMMUTABLE)
    }

    private fun quickLogIntent(context: Context, intensity: Int): PendingIntent {
        val intent = Intent(context, QuickLogReceiver::class.java)
            .setAction(ACTION_QUICK_LOG)
            .putExtra(EXTRA_INTENSITY, intensity)
        return PendingIntent.getBroadcast(context, 100 + intensity, intent, PendingIntent.FLAG_UPDATE_CURRENT or PendingIntent.FLAG_IMMUTABLE)
    }

    private fun openApp(context: Context, route: String): PendingIntent {
        val intent = Intent(context, MainActivity::class.java)
            .putExtra(MainActivity.EXTRA_ROUTE, route)
            .addFlags(Intent.FLAG_ACTIVITY_NEW_TASK or Intent.FLAG_ACTIVITY_CLEAR_TOP)
        return PendingIntent.getActivity(context, route.hashCode(), intent, PendingIntent.FLAG_UPDATE_CURRENT or PendingIntent.FLAG_IMMUTABLE)
    }

    const val ROUTE_TONIGHT = "tonight"
    const val ROUTE_CHECK_IN = "checkin"
    private const val LOGGED_TIMEOUT_MS = 15_000L
}
