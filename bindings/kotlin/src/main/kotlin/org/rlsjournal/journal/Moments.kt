package org.rlsjournal.journal

import java.time.Clock
import java.time.OffsetDateTime
import java.time.ZoneOffset
import java.time.ZonedDateTime
import org.rlsjournal.core.Moment

/**
 * Now, as the core wants a moment: the device clock's instant plus the UTC offset of the device's
 * zone at that instant (minutes east of UTC).
 *
 * Pass an explicit [clock] in tests or previews (for example `Clock.fixed(...)`); the default is the
 * system clock in the device's current zone. The core truncates the instant to whole milliseconds
 * when it stores it.
 */
fun nowMoment(clock: Clock = Clock.systemDefaultZone()): Moment {
    val instant = clock.instant()
    val offset = clock.zone.rules.getOffset(instant)
    return Moment(instant, offset.totalSeconds / 60)
}

/**
 * This moment as a date-time with its own recorded offset: 02:10 stays 02:10 after travel or a
 * change to daylight saving time, as the journal shows it.
 */
fun Moment.toOffsetDateTime(): OffsetDateTime =
    OffsetDateTime.ofInstant(instant, ZoneOffset.ofTotalSeconds(offsetMinutes * 60))

/** The moment of this date-time, keeping its offset (seconds of an offset are dropped). */
fun OffsetDateTime.toMoment(): Moment = Moment(toInstant(), offset.totalSeconds / 60)

/** The moment of this zoned date-time, with the offset its zone had at that instant. */
fun ZonedDateTime.toMoment(): Moment = toOffsetDateTime().toMoment()
