package org.rlsjournal.app.reminders

import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import kotlinx.coroutines.launch
import org.rlsjournal.app.R
import org.rlsjournal.app.RlsJournalApplication
import org.rlsjournal.app.journalStore
import org.rlsjournal.app.ui.attempt
import org.rlsjournal.app.ui.errorText

/**
 * The "log symptoms N/10" notification action: logs through the core's `quickLog` without
 * opening the app, then confirms with the core's own description of the episode.
 */
class QuickLogReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        val intensity = intent.getIntExtra(Reminders.EXTRA_INTENSITY, 0)
        if (intensity <= 0) return
        val app = context.applicationContext as RlsJournalApplication
        val pending = goAsync()
        app.appScope.launch {
            // finish() whatever happens: a receiver that never finishes is killed with an ANR.
            try {
                val failure = attempt {
                    val store = app.journalStore()
                    val episode = store.quickLog(intensity)
                    val item = store.history.value.items.firstOrNull { it.id == episode.id }
                    Reminders.notifyLogged(app, app.getString(R.string.notification_logged), item?.title ?: app.getString(R.string.logged))
                }
                if (failure != null) {
                    Reminders.notifyLogged(app, app.getString(R.string.notification_log_failed), errorText(app, failure))
                }
            } finally {
                pending.finish()
            }
        }
    }
}
