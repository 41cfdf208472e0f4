package org.rlsjournal.presenters

import org.rlsjournal.core.InputRange
import org.rlsjournal.core.formRules

/** How far one tap on a minutes stepper moves (minutes). */
const val MINUTES_STEP: Int = 5

/**
 * [minutes] moved by [steps] taps of [MINUTES_STEP], kept inside the core's range for minutes
 * (`formRules().minutes`): a stepper never offers a value the core would refuse.
 */
fun stepMinutes(minutes: Int, steps: Int): Int = within(minutes + steps * MINUTES_STEP, formRules().minutes)

/** [count] awakenings moved by [steps], kept inside the core's range (`formRules().awakenings`). */
fun stepAwakenings(count: Int, steps: Int): Int = within(count + steps, formRules().awakenings)

private fun within(value: Int, range: InputRange): Int = value.coerceIn(range.min, range.max)
