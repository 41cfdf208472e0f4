package org.rlsjournal.presenters

// The conversions from the forms' plain Ints to today's FFI number types, in one place: when the
// bindings take signed Ints (issue 16 item 1), these become identities and can be removed.

/** An intensity (1-10), a relief rating (0-3), a quality (1-5) or an IRLS total (0-40) for the core. */
internal fun coreSmall(value: Int): UByte = value.coerceIn(0, 255).toUByte()

/** A count or a number of minutes for the core. */
internal fun coreCount(value: Int): UInt = value.coerceAtLeast(0).toUInt()

/** A small number from the core as an Int. */
internal fun fromCore(value: UByte): Int = value.toInt()

/** A count from the core as an Int. */
internal fun fromCore(value: UInt): Int = value.toInt()
