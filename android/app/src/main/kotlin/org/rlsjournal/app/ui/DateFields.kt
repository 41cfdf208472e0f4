package org.rlsjournal.app.ui

import android.app.DatePickerDialog
import android.app.TimePickerDialog
import android.text.format.DateFormat
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.LocalTime
import org.rlsjournal.app.R
import org.rlsjournal.journal.MomentField
import org.rlsjournal.presenters.DateInputs

// Date and time inputs. What the person picks is a wall-clock date and time on this device; it
// goes to the core as a Moment (the instant plus this zone's offset at that instant, so a
// backdated entry across a DST change keeps the offset it really had). Editing shows a stored
// moment at its own recorded offset, as the journal does. The values shown on these controls are
// the input itself, in the system's date and time format; everything else the app shows comes
// from the core. The picker's months and the formats are DateInputs' (android/presenters).

// Forms hold each time as a MomentField (bindings/kotlin): an untouched time saves the stored
// moment exactly, offset included, so an edit after travel or a DST change moves nothing.

/** A form's time field: shows its wall-clock time; a pick changes it (see [MomentField]). */
@Composable
fun DateTimeField(label: String, field: MomentField, onChange: (MomentField) -> Unit) {
    DateTimeField(label, field.local) { time -> onChange(field.changedTo(time)) }
}

/** A date and a time, each on its own large button opening the system picker. */
@Composable
fun DateTimeField(label: String, value: LocalDateTime, onChange: (LocalDateTime) -> Unit) {
    Column(modifier = Modifier.fillMaxWidth().padding(vertical = 4.dp)) {
        Text(label, style = MaterialTheme.typography.titleSmall)
        Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            DateButton(label, value.toLocalDate()) { date -> onChange(DateInputs.withDate(value, date)) }
            TimeButton(label, value.toLocalTime()) { time -> onChange(DateInputs.withTime(value, time)) }
        }
    }
}

/** A date on a large button opening the system date picker. */
@Composable
fun DateField(label: String, value: LocalDate, onChange: (LocalDate) -> Unit) {
    Column(modifier = Modifier.fillMaxWidth().padding(vertical = 4.dp)) {
        Text(label, style = MaterialTheme.typography.titleSmall)
        DateButton(label, value, onChange)
    }
}

@Composable
private fun DateButton(label: String, value: LocalDate, onChange: (LocalDate) -> Unit) {
    val context = LocalContext.current
    val text = DateInputs.formatDate(value)
    QuietButton(
        text = text,
        description = stringResource(R.string.change_date_of, label, text),
        onClick = {
            DatePickerDialog(
                context,
                { _, year, month, day -> onChange(DateInputs.fromPicker(year, month, day)) },
                value.year,
                DateInputs.pickerMonth(value),
                value.dayOfMonth,
            ).show()
        },
    )
}

@Composable
private fun TimeButton(label: String, value: LocalTime, onChange: (LocalTime) -> Unit) {
    val context = LocalContext.current
    val text = DateInputs.formatTime(value)
    QuietButton(
        text = text,
        description = stringResource(R.string.change_time_of, label, text),
        onClick = {
            TimePickerDialog(
                context,
                { _, hour, minute -> onChange(LocalTime.of(hour, minute)) },
                value.hour,
                value.minute,
                DateFormat.is24HourFormat(context),
            ).show()
        },
    )
}
