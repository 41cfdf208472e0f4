package org.rlsjournal.presenters

import java.time.LocalDate
import java.time.LocalDateTime
import java.time.LocalTime
import java.time.format.DateTimeFormatter
import java.time.format.FormatStyle
import java.util.Locale

/**
 * The date and time inputs' values: what the person picks is a wall-clock date and time on this
 * device, shown in the locale's own date and time format. The system date picker counts months
 * from 0 (January); java.time from 1.
 */
object DateInputs {
    /** The picker's month (0 = January) of [date]. */
    fun pickerMonth(date: LocalDate): Int = date.monthValue - 1

    /** The date the picker returned ([month] from 0 = January). */
    fun fromPicker(year: Int, month: Int, day: Int): LocalDate = LocalDate.of(year, month + 1, day)

    /** [value] on another [date], at the same time of day. */
    fun withDate(value: LocalDateTime, date: LocalDate): LocalDateTime = LocalDateTime.of(date, value.toLocalTime())

    /** [value] at another [time], on the same date. */
    fun withTime(value: LocalDateTime, time: LocalTime): LocalDateTime = LocalDateTime.of(value.toLocalDate(), time)

    /** [date] in the locale's medium date format ("27 Mar 2025", "Mar 27, 2025"). */
    fun formatDate(date: LocalDate, locale: Locale = Locale.getDefault()): String =
        date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale))

    /** [time] in the locale's short time format ("01:30", "1:30 AM"). */
    fun formatTime(time: LocalTime, locale: Locale = Locale.getDefault()): String =
        time.format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale))
}
