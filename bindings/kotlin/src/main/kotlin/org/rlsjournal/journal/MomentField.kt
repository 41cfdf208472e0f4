package org.rlsjournal.journal

import java.time.LocalDateTime
import java.time.ZoneId
import java.time.ZoneOffset
import org.rlsjournal.core.Moment

/**
 * A date-and-time input of an add or edit form: the wall-clock time the form shows, and the
 * stored [Moment] it was loaded from (null for a new entry).
 *
 * An edit must not change a time the person did not touch: [moment] returns the stored moment
 * exactly (its instant and its UTC offset) while [local] still reads as it did when loaded. Rebuilding
 * it from the wall-clock time in the device's current zone would, after travel or a change to
 * daylight saving time, silently change the stored offset and could move the entry to another
 * night. Only a time the person changed becomes a new moment: read in the device's zone when
 * the stored moment was recorded at the offset this zone had then (so moving a date across a
 * daylight-saving change gets the right offset), else at the stored moment's own offset (the
 * form shows a time recorded elsewhere as it was lived there, and a change is meant there).
 */
class MomentField private constructor(
    /** The stored moment this field was loaded from; null for a new entry. */
    val original: Moment?,
    /** The wall-clock time shown (for a stored moment: at its own offset, as the journal shows it). */
    val local: LocalDateTime,
) {
    /** Whether the shown time differs from the stored one (always true for a new entry). */
    val isChanged: Boolean
        get() = original == null || local != original.toOffsetDateTime().toLocalDateTime()

    /** The same field showing [time] (what the person picked). */
    fun changedTo(time: LocalDateTime): MomentField = MomentField(original, time)

    /**
     * The moment to save: the stored one, untouched, while the time is unchanged. A changed (or
     * new) time is the shown wall-clock time in [zone] (the device's zone unless given), unless
     * the stored moment was recorded at another offset than [zone] had at that instant: then at
     * the stored moment's own offset.
     */
    fun moment(zone: ZoneId = ZoneId.systemDefault()): Moment {
        val stored = original ?: return local.atZone(zone).toMoment()
        if (!isChanged) return stored
        val zoneOffsetThen = zone.rules.getOffset(stored.instant).totalSeconds / 60
        return if (zoneOffsetThen == stored.offsetMinutes) {
            local.atZone(zone).toMoment()
        } else {
            local.atOffset(ZoneOffset.ofTotalSeconds(stored.offsetMinutes * 60)).toMoment()
        }
    }

    override fun equals(other: Any?): Boolean =
        other is MomentField && other.original == original && other.local == local

    override fun hashCode(): Int = 31 * (original?.hashCode() ?: 0) + local.hashCode()

    override fun toString(): String = "MomentField(local=$local, original=$original)"

    /** Ways to start a field. */
    companion object {
        /** A field showing stored moment [stored] at its own offset; saved unchanged if untouched. */
        fun of(stored: Moment): MomentField = MomentField(stored, stored.toOffsetDateTime().toLocalDateTime())

        /** A field for a new entry, showing wall-clock time [time] on this device. */
        fun new(time: LocalDateTime): MomentField = MomentField(null, time)
    }
}
