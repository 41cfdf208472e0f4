package org.rlsjournal.presenters

/** The intensities offered as "log symptoms" notification actions (Android shows at most 3). */
val quickLogIntensities: List<Int> = listOf(3, 5, 8)

/**
 * The "log symptoms N/10" notification action: logs through the core's `quickLog` at the
 * [clock]'s now without opening the app, then confirms with the core's own title of the episode
 * (or the error) through [notifier].
 */
class QuickLogAction(
    private val openStore: StoreSource,
    private val notifier: ReminderNotifier,
    private val clock: AppClock = SystemAppClock,
) {
    /** Logs [intensity]; returns the title shown (null when it failed or nothing was logged). */
    suspend fun log(intensity: Int): String? {
        if (intensity <= 0) return null
        var title: String? = null
        val failure = attempt {
            val store = openStore()
            store.quickLog(intensity, null, clock.nowMoment())
            title = store.read { journal -> journal.openEpisodeItem() }?.title
        }
        notifier.showLogged(title, failure)
        return title
    }
}
