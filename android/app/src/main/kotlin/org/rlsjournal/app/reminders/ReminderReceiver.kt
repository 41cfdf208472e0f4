package org.rlsjournal.app.reminders

import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import kotlinx.coroutines.launch
import org.rlsjournal.app.RlsJournalApplication
import org.rlsjournal.presenters.ReminderIds

/**
 * A reminder alarm fired: the presenters' [org.rlsjournal.presenters.ReminderPlanner] asks the
 * core's `prompts()`, shows the reminder only if it is still due, and re-arms the alarm.
 */
class ReminderReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        val kind = ReminderIds.kindOf(intent.getStringExtra(Reminders.EXTRA_KIND)) ?: return
        val app = context.applicationContext as RlsJournalApplication
        val pending = goAsync()
        app.appScope.launch {
            // finish() whatever happens: a receiver that never finishes is killed with an ANR.
            try {
                Reminders.planner(app).onAlarm(kind)
            } finally {
                pending.finish()
            }
        }
    }
}
