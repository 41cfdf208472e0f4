package org.rlsjournal.presenters

import java.time.ZonedDateTime
import java.time.temporal.ChronoUnit
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.rlsjournal.core.formRules
import org.rlsjournal.core.PromptKind
import org.rlsjournal.core.Settings

/** Hours on the clock face the hour steppers go round. */
const val HOURS_PER_DAY: Int = 24

/**
 * When the reminders ring and whether they show: alarms at the hours in the core's settings
 * (`morningHour`, `eveningReminderHour`), armed through [scheduler] at the next such wall-clock
 * hour in the clock's zone (a daylight-saving change moves the instant, not the hour); when one
 * fires, [onAlarm] asks the core's `prompts()` and shows only what it says is due.
 */
class ReminderPlanner(
    private val openStore: StoreSource,
    private val scheduler: ReminderScheduler,
    private val notifier: ReminderNotifier,
    private val clock: AppClock = SystemAppClock,
) {
    /** Arms the morning reminder and, if set, the evening one; cancels the evening one if not. */
    fun schedule(settings: Settings) {
        scheduler.arm(ReminderKind.MORNING, nextAt(settings.morningHour))
        val evening = settings.eveningReminderHour
        if (evening == null) {
            scheduler.cancel(ReminderKind.EVENING)
        } else {
            scheduler.arm(ReminderKind.EVENING, nextAt(evening))
        }
    }

    /** Arms the reminders from the journal's settings (app start, boot, after an alarm). */
    suspend fun rescheduleFromSettings(): Throwable? = attempt {
        val store = openStore()
        schedule(store.read { journal -> journal.settings() })
    }

    /**
     * A [kind] alarm fired: shows the core's prompt of that kind if it is due now, then re-arms.
     * Returns the prompt shown, or null.
     */
    suspend fun onAlarm(kind: ReminderKind): org.rlsjournal.core.Prompt? {
        var shown: org.rlsjournal.core.Prompt? = null
        attempt {
            val wanted = if (kind == ReminderKind.EVENING) PromptKind.EVENING_CHECK_IN else PromptKind.MORNING_CHECK_IN
            val store = openStore()
            val prompt = store.prompts(clock.nowMoment()).firstOrNull { it.kind == wanted }
            if (prompt != null) {
                notifier.showDue(kind, prompt)
                shown = prompt
            }
        }
        rescheduleFromSettings()
        return shown
    }

    /** The next time the wall clock shows [hour]:00 in the clock's zone, strictly after now. */
    private fun nextAt(hour: Int): ZonedDateTime {
        val now = clock.now()
        var at = now.truncatedTo(ChronoUnit.DAYS).withHour(hour)
        if (!at.isAfter(now)) at = now.toLocalDate().plusDays(1).atStartOfDay(now.zone).withHour(hour)
        return at
    }
}

/** What the Reminders and settings screen shows. */
data class RemindersState(
    /** The core's settings as edited (null until loaded). */
    val settings: Settings? = null,
    val busy: Boolean = false,
    val notice: Notice? = null,
    val error: Throwable? = null,
) {
    /** The error as a sentence for the person, or null. */
    val errorText: String? get() = error?.let(::sentenceOf)

    /** Whether the evening reminder is on (its hour picker shows). */
    val eveningOn: Boolean get() = settings?.eveningReminderHour != null

    /** The morning reminder's hour (0-23), once loaded. */
    val morningHour: Int? get() = settings?.morningHour

    /** The evening reminder's hour (0-23), or null when it is off. */
    val eveningHour: Int? get() = settings?.eveningReminderHour
}

/**
 * Reminders and settings: filled by the core's `settings()`; saving is `updateSettings`, then the
 * alarms are re-armed from what the core stored.
 */
class RemindersPresenter(
    private val openStore: StoreSource,
    private val scope: CoroutineScope,
    private val planner: ReminderPlanner,
) {
    private val mutableState = MutableStateFlow(RemindersState())

    /** The screen's state. */
    val state: StateFlow<RemindersState> = mutableState.asStateFlow()

    /** Loads the settings. */
    fun load(): Job = scope.launch {
        val failure = attempt {
            val store = openStore()
            val settings = store.read { journal -> journal.settings() }
            mutableState.update { it.copy(settings = settings, error = null) }
        }
        if (failure != null) mutableState.update { it.copy(error = failure) }
    }

    /** Changes the settings being edited. */
    fun edit(change: (Settings) -> Settings) =
        mutableState.update { s -> s.copy(settings = s.settings?.let(change), notice = null) }

    /** Turns the evening reminder on (at the core's default evening hour) or off. */
    fun setEvening(on: Boolean) =
        edit { it.copy(eveningReminderHour = if (on) formRules().defaultEveningHour else null) }

    /** Sets an hour ([morning] or evening) from the picker. */
    fun setHour(morning: Boolean, hour: Int) = edit {
        if (morning) it.copy(morningHour = hour) else it.copy(eveningReminderHour = hour)
    }

    /** Moves the morning (or evening) hour by [delta] hours, round the clock (23 + 1 is 0). */
    fun stepHour(morning: Boolean, delta: Int) {
        val current = (if (morning) state.value.morningHour else state.value.eveningHour) ?: return
        setHour(morning, Math.floorMod(current + delta, HOURS_PER_DAY))
    }

    /** Saves through the core and re-arms the alarms from what it stored. */
    fun save(): Job? {
        val settings = state.value.settings ?: return null
        return scope.launch {
            mutableState.update { it.copy(busy = true, error = null, notice = null) }
            val failure = attempt {
                val store = openStore()
                val saved = store.write { journal -> journal.updateSettings(settings) }
                planner.schedule(saved)
                mutableState.update { it.copy(settings = saved, notice = Notice.SETTINGS_SAVED) }
            }
            mutableState.update { it.copy(busy = false, error = failure) }
        }
    }
}
