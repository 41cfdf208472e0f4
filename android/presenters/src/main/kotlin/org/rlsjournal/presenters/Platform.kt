package org.rlsjournal.presenters

import java.time.ZonedDateTime
import org.rlsjournal.core.Moment
import org.rlsjournal.core.Prompt
import org.rlsjournal.journal.JournalStore
import org.rlsjournal.journal.toMoment

/**
 * Where a presenter gets its journal: the app's store, opened once off the main thread (Android
 * awaits the application's store; tests return a store on a temporary journal file).
 */
typealias StoreSource = suspend () -> JournalStore

/** The device's clock and zone: "now" for logging, the default form times, the calendar month. */
fun interface AppClock {
    /** The current time in the device's zone. */
    fun now(): ZonedDateTime
}

/** The real clock in the device's current zone. */
object SystemAppClock : AppClock {
    override fun now(): ZonedDateTime = ZonedDateTime.now()
}

/** "Now" as a core [Moment] (the instant and the zone's offset at that instant). */
fun AppClock.nowMoment(): Moment = now().toMoment()

/** The two reminders the app arms. */
enum class ReminderKind {
    /** The morning check-in (the sleep diary of the night just ended). */
    MORNING,

    /** The optional evening check-in. */
    EVENING,
}

/** Arms and cancels the reminder alarms (Android: AlarmManager; tests: a fake that records). */
interface ReminderScheduler {
    /** Arms the [kind] alarm for [at], replacing an earlier one of the same kind. */
    fun arm(kind: ReminderKind, at: ZonedDateTime)

    /** Cancels the [kind] alarm, if armed. */
    fun cancel(kind: ReminderKind)
}

/** Shows notifications (Android: NotificationManager; tests: a fake that records). */
interface ReminderNotifier {
    /** Shows the reminder for [prompt], a prompt the core says is due. */
    fun showDue(kind: ReminderKind, prompt: Prompt)

    /** Confirms a quick log from the notification: the core's title of the episode, or the error. */
    fun showLogged(title: String?, error: Throwable?)
}

/** A file written for the share sheet. */
data class ExportedFile(
    /** Where the file was written (Android: in the app's cache, shared through a FileProvider). */
    val path: String,
    /** Its MIME type. */
    val mimeType: String,
)

/** Writes an export where the share sheet can read it (Android: the cache's exports folder). */
fun interface ExportSink {
    /** Writes [bytes] as a file called [fileName] and returns it. */
    suspend fun write(fileName: String, mimeType: String, bytes: ByteArray): ExportedFile
}
