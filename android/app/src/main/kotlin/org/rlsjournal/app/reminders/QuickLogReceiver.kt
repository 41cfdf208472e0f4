package org.rlsjournal.app.reminders

import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import kotlinx.coroutines.launch
import org.rlsjournal.app.RlsJournalApplication
import org.rlsjournal.app.journalStore
import org.rlsjournal.presenters.QuickLogAction
import org.rlsjournal.presenters.ReminderIds

/**
 * The "log symptoms N/10" notification action: the presenters' [QuickLogAction] logs through
 * the core without opening the app and confirms with the core's own title of the episode.
 */
class QuickLogReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        val intensity = ReminderIds.quickLogIntensityOf(intent.getIntExtra(Reminders.EXTRA_INTENSITY, 0)) ?: return
        val app = context.applicationContext as RlsJournalApplication
        val pending = goAsync()
        app.appScope.launch {
            // finish() whatever happens: a receiver that never finishes is killed with an ANR.
            try {
                QuickLogAction({ app.journalStore() }, DeviceReminders(app)).log(intensity)
            } finally {
                pending.finish()
            }
        }
    }
}
