package org.rlsjournal.app.ui

import androidx.compose.foundation.isSystemInDarkTheme
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.darkColorScheme
import androidx.compose.material3.lightColorScheme
import androidx.compose.runtime.Composable
import androidx.compose.runtime.remember
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.luminance
import java.time.LocalTime

// Colours chosen for contrast (text on background well above WCAG AA 4.5:1 in both schemes) and,
// at night, for low glare: near-black surfaces and warm amber accents, no large bright areas.

private val NightColors = darkColorScheme(
    primary = Color(0xFFFFB74D),
    onPrimary = Color(0xFF000000),
    primaryContainer = Color(0xFF4A2C00),
    onPrimaryContainer = Color(0xFFFFDDB3),
    secondary = Color(0xFFE0C097),
    onSecondary = Color(0xFF000000),
    secondaryContainer = Color(0xFF3A2E20),
    onSecondaryContainer = Color(0xFFF5E0C4),
    background = Color(0xFF000000),
    onBackground = Color(0xFFEDE0D4),
    surface = Color(0xFF0E0E0E),
    onSurface = Color(0xFFEDE0D4),
    surfaceVariant = Color(0xFF2A2520),
    onSurfaceVariant = Color(0xFFD8C8B8),
    error = Color(0xFFFFB4AB),
    onError = Color(0xFF000000),
    outline = Color(0xFF9C8F80),
)

private val DayColors = lightColorScheme(
    primary = Color(0xFF7A4100),
    onPrimary = Color(0xFFFFFFFF),
    primaryContainer = Color(0xFFFFDDB3),
    onPrimaryContainer = Color(0xFF2A1700),
    secondary = Color(0xFF5C4A36),
    onSecondary = Color(0xFFFFFFFF),
    secondaryContainer = Color(0xFFF5E0C4),
    onSecondaryContainer = Color(0xFF21170B),
    background = Color(0xFFFFFBF8),
    onBackground = Color(0xFF1F1B16),
    surface = Color(0xFFFFFBF8),
    onSurface = Color(0xFF1F1B16),
    surfaceVariant = Color(0xFFF0E0D0),
    onSurfaceVariant = Color(0xFF4F4539),
    error = Color(0xFFB3261E),
    onError = Color(0xFFFFFFFF),
    outline = Color(0xFF7F7567),
)

/** The hours the app opens dark even on a light system theme: the core's night-theme hours. */
private fun isNightHours(now: LocalTime): Boolean = Rules.isNightHour(now.hour)

/**
 * The app theme: dark when the system is dark, and dark by default at night whatever the system
 * says. Typography is Material 3's, in sp, so it follows the person's font size (dynamic type).
 */
@Composable
fun RlsTheme(content: @Composable () -> Unit) {
    val night = remember { isNightHours(LocalTime.now()) }
    val dark = isSystemInDarkTheme() || night
    MaterialTheme(
        colorScheme = if (dark) NightColors else DayColors,
        content = content,
    )
}

/**
 * The heat-map colour of a night's peak intensity (1-10; null: nothing logged), blending from the
 * surface colour to the error colour. Only a colour: the numbers beside it come from the core.
 */
@Composable
fun intensityColor(peak: Int?): Color {
    val scheme = MaterialTheme.colorScheme
    if (peak == null || peak <= 0) {
        return scheme.surfaceVariant
    }
    val range = Rules.core.intensity
    val fraction = peak.coerceIn(range.min, range.max) / range.max.toFloat()
    return Color(
        red = scheme.surfaceVariant.red + (scheme.error.red - scheme.surfaceVariant.red) * fraction,
        green = scheme.surfaceVariant.green + (scheme.error.green - scheme.surfaceVariant.green) * fraction,
        blue = scheme.surfaceVariant.blue + (scheme.error.blue - scheme.surfaceVariant.blue) * fraction,
        alpha = 1f,
    )
}

/** Black or white, whichever reads better on [background] (for text on heat-map cells). */
fun readableOn(background: Color): Color =
    if (background.luminance() > 0.35f) Color.Black else Color.White
