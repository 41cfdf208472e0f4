package org.rlsjournal.app.ui

import android.content.Context
import org.rlsjournal.app.R
import org.rlsjournal.presenters.Notice

/** The app's words for a presenter's [Notice] (string resources, so they can be translated). */
fun noticeText(context: Context, notice: Notice): String = context.getString(
    when (notice) {
        Notice.LOGGED -> R.string.logged
        Notice.EPISODE_ENDED -> R.string.episode_ended
        Notice.RELIEF_SAVED -> R.string.relief_saved
        Notice.NO_SYMPTOMS_SAVED -> R.string.no_symptoms_saved
        Notice.DIARY_SAVED -> R.string.diary_saved
        Notice.ENTRY_SAVED -> R.string.entry_saved
        Notice.SETTINGS_SAVED -> R.string.settings_saved
    },
)
