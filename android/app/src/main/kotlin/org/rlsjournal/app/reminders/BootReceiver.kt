package org.rlsjournal.app.reminders

import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import kotlinx.coroutines.launch
import org.rlsjournal.app.RlsJournalApplication

/** Alarms do not survive a reboot or an update: re-arm them from the journal's settings. */
class BootReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        val action = intent.action
        if (action != Intent.ACTION_BOOT_COMPLETED && action != Intent.ACTION_MY_PACKAGE_REPLACED) return
        val app = context.applicationContext as RlsJournalApplication
        val pending = goAsync()
        app.appScope.launch {
            try {
                Reminders.rescheduleFromSettings(app)
            } finally {
                pending.finish()
            }
        }
    }
}
