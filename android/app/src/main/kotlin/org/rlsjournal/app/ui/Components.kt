package org.rlsjournal.app.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.widthIn
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.FilledTonalButton
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.semantics.stateDescription
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.ui.unit.Dp
import androidx.compose.ui.unit.dp

/** The smallest touch target on the bedside screen (one-handed, in the dark). */
val BedsideTarget: Dp = 64.dp

/** The smallest touch target elsewhere. */
val FormTarget: Dp = 48.dp

/**
 * A large button with an explicit TalkBack label: tonal (dim, for the dark) by default, filled
 * when [emphasis] is set.
 */
@Composable
fun BigButton(
    text: String,
    description: String,
    onClick: () -> Unit,
    modifier: Modifier = Modifier,
    enabled: Boolean = true,
    minHeight: Dp = BedsideTarget,
    emphasis: Boolean = false,
) {
    val sized = modifier
        .heightIn(min = minHeight)
        .semantics { contentDescription = description }
    if (emphasis) {
        Button(onClick = onClick, enabled = enabled, modifier = sized) {
            Text(text, style = MaterialTheme.typography.titleLarge)
        }
    } else {
        FilledTonalButton(onClick = onClick, enabled = enabled, modifier = sized) {
            Text(text, style = MaterialTheme.typography.titleLarge)
        }
    }
}

/** A large outlined button with an explicit TalkBack label. */
@Composable
fun QuietButton(
    text: String,
    description: String,
    onClick: () -> Unit,
    modifier: Modifier = Modifier,
    enabled: Boolean = true,
    minHeight: Dp = FormTarget,
) {
    OutlinedButton(
        onClick = onClick,
        enabled = enabled,
        modifier = modifier
            .heightIn(min = minHeight)
            .semantics { contentDescription = description },
    ) {
        Text(text, style = MaterialTheme.typography.titleMedium)
    }
}

/** A screen or section heading (announced as a heading by TalkBack). */
@Composable
fun Heading(text: String, modifier: Modifier = Modifier) {
    Text(
        text,
        style = MaterialTheme.typography.headlineSmall,
        modifier = modifier
            .padding(vertical = 8.dp)
            .semantics { heading() },
    )
}

/** A small section title inside a screen. */
@Composable
fun SectionTitle(text: String, modifier: Modifier = Modifier) {
    Text(
        text,
        style = MaterialTheme.typography.titleMedium,
        color = MaterialTheme.colorScheme.primary,
        modifier = modifier
            .padding(top = 16.dp, bottom = 4.dp)
            .semantics { heading() },
    )
}

/** Body text as the core wrote it. */
@Composable
fun BodyText(text: String, modifier: Modifier = Modifier) {
    Text(text, style = MaterialTheme.typography.bodyLarge, modifier = modifier)
}

/** An error or confirmation message, read out by TalkBack when it appears. */
@Composable
fun MessageCard(text: String, isError: Boolean, modifier: Modifier = Modifier) {
    val colors = if (isError) {
        CardDefaults.cardColors(
            containerColor = MaterialTheme.colorScheme.error,
            contentColor = MaterialTheme.colorScheme.onError,
        )
    } else {
        CardDefaults.cardColors(
            containerColor = MaterialTheme.colorScheme.secondaryContainer,
            contentColor = MaterialTheme.colorScheme.onSecondaryContainer,
        )
    }
    Card(
        colors = colors,
        modifier = modifier
            .fillMaxWidth()
            .padding(vertical = 8.dp)
            .semantics { liveRegion = LiveRegionMode.Polite },
    ) {
        Text(text, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.padding(16.dp))
    }
}

/** A minus / value / plus control with large targets. */
@Composable
fun Stepper(
    label: String,
    value: String,
    onMinus: () -> Unit,
    onPlus: () -> Unit,
    minusDescription: String,
    plusDescription: String,
    modifier: Modifier = Modifier,
) {
    Column(modifier = modifier.fillMaxWidth().padding(vertical = 4.dp)) {
        Text(label, style = MaterialTheme.typography.titleSmall)
        Row(
            verticalAlignment = Alignment.CenterVertically,
            horizontalArrangement = Arrangement.spacedBy(12.dp),
        ) {
            OutlinedButton(
                onClick = onMinus,
                modifier = Modifier
                    .heightIn(min = FormTarget)
                    .widthIn(min = FormTarget)
                    .semantics { contentDescription = minusDescription },
            ) {
                Text("−", style = MaterialTheme.typography.titleLarge)
            }
            Text(
                value,
                style = MaterialTheme.typography.titleLarge,
                modifier = Modifier.semantics { stateDescription = value },
            )
            OutlinedButton(
                onClick = onPlus,
                modifier = Modifier
                    .heightIn(min = FormTarget)
                    .widthIn(min = FormTarget)
                    .semantics { contentDescription = plusDescription },
            ) {
                Text("+", style = MaterialTheme.typography.titleLarge)
            }
        }
    }
}

/**
 * Single choice among labelled values; tapping the selected one again clears it if [clearable].
 * [sameAs] decides which chip shows as selected (for an "other" choice, any label matches).
 */
@Composable
fun <T : Any> ChoiceRow(
    choices: List<T>,
    selected: T?,
    label: @Composable (T) -> String,
    onSelect: (T?) -> Unit,
    clearable: Boolean = true,
    minHeight: Dp = FormTarget,
    sameAs: (T, T) -> Boolean = { a, b -> a == b },
) {
    FlowRowCompat {
        for (choice in choices) {
            val text = label(choice)
            val isSelected = selected != null && sameAs(choice, selected)
            FilterChip(
                selected = isSelected,
                onClick = { onSelect(if (isSelected && clearable) null else choice) },
                label = { Text(text, style = MaterialTheme.typography.titleMedium) },
                modifier = Modifier
                    .heightIn(min = minHeight)
                    .semantics { contentDescription = text },
            )
        }
    }
}

/** Multiple choice among labelled values. */
@Composable
fun <T> MultiChoiceRow(
    choices: List<T>,
    selected: List<T>,
    label: @Composable (T) -> String,
    onChange: (List<T>) -> Unit,
) {
    FlowRowCompat {
        for (choice in choices) {
            val text = label(choice)
            val isSelected = selected.contains(choice)
            FilterChip(
                selected = isSelected,
                onClick = { onChange(if (isSelected) selected.filter { it != choice } else selected + choice) },
                label = { Text(text, style = MaterialTheme.typography.titleMedium) },
                modifier = Modifier
                    .heightIn(min = FormTarget)
                    .semantics { contentDescription = text },
            )
        }
    }
}

/** A labelled on/off switch. */
@Composable
fun SwitchRow(label: String, checked: Boolean, onChange: (Boolean) -> Unit) {
    Row(
        verticalAlignment = Alignment.CenterVertically,
        modifier = Modifier
            .fillMaxWidth()
            .heightIn(min = FormTarget),
    ) {
        Text(label, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.weight(1f))
        Switch(
            checked = checked,
            onCheckedChange = onChange,
            modifier = Modifier.semantics { contentDescription = label },
        )
    }
}

/** A text field; [numeric] shows the number keyboard (the core checks what was typed). */
@Composable
fun TextInput(
    label: String,
    value: String,
    onChange: (String) -> Unit,
    numeric: Boolean = false,
    singleLine: Boolean = true,
) {
    OutlinedTextField(
        value = value,
        onValueChange = onChange,
        label = { Text(label) },
        singleLine = singleLine,
        keyboardOptions = if (numeric) KeyboardOptions(keyboardType = KeyboardType.Decimal) else KeyboardOptions.Default,
        modifier = Modifier
            .fillMaxWidth()
            .padding(vertical = 4.dp)
            .semantics { contentDescription = label },
    )
}

/** Chips that wrap onto as many lines as they need. */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun FlowRowCompat(content: @Composable () -> Unit) {
    FlowRow(
        horizontalArrangement = Arrangement.spacedBy(8.dp),
        verticalArrangement = Arrangement.spacedBy(4.dp),
    ) {
        content()
    }
}
