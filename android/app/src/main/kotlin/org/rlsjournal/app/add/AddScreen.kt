package org.rlsjournal.app.add

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.Slider
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewmodel.compose.viewModel
import org.rlsjournal.app.R
import org.rlsjournal.app.checkin.MinutesStepper
import org.rlsjournal.app.ui.BigButton
import org.rlsjournal.app.ui.BodyText
import org.rlsjournal.app.ui.ChoiceRow
import org.rlsjournal.app.ui.DateField
import org.rlsjournal.app.ui.DateTimeField
import org.rlsjournal.app.ui.Heading
import org.rlsjournal.app.ui.MessageCard
import org.rlsjournal.app.ui.MultiChoiceRow
import org.rlsjournal.app.ui.SectionTitle
import org.rlsjournal.app.ui.SwitchRow
import org.rlsjournal.app.ui.TextInput
import org.rlsjournal.app.ui.errorText
import org.rlsjournal.app.ui.noticeText
import org.rlsjournal.core.EntryKind
import org.rlsjournal.core.FieldInput
import org.rlsjournal.core.FormField
import org.rlsjournal.presenters.AddPresenter
import org.rlsjournal.presenters.AddState
import org.rlsjournal.presenters.FieldChoice
import org.rlsjournal.presenters.addableKinds

/**
 * Add (or, with [editId], edit) an entry. The fields, their order, their words and when each
 * shows come from the core through the presenter (`state.fields`); this screen draws each field
 * by its input and forwards every change. What is valid is decided by the core when saving, and
 * its reason is shown.
 */
@Composable
fun AddScreen(
    kind: EntryKind? = null,
    editId: String? = null,
    onDone: () -> Unit = {},
    vm: AddViewModel = viewModel(),
) {
    val state by vm.state.collectAsStateWithLifecycle()
    LaunchedEffect(kind, editId) { vm.presenter.load(kind, editId) }
    LaunchedEffect(state.finishedEdit) {
        if (state.finishedEdit) onDone()
    }
    val form = state.form

    Column(
        modifier = Modifier
            .fillMaxSize()
            .verticalScroll(rememberScrollState())
            .padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(4.dp),
    ) {
        Heading(stringResource(if (state.isEditing) R.string.edit_title else R.string.add_title))
        state.error?.let { MessageCard(errorText(LocalContext.current, it), isError = true) }
        state.notice?.let { MessageCard(noticeText(LocalContext.current, it), isError = false) }
        if (state.loading) {
            CircularProgressIndicator()
        }
        if (state.offersKindPicker) {
            ChoiceRow(
                choices = addableKinds,
                selected = form.kind,
                label = { it.label() },
                onSelect = { k -> if (k != null) vm.presenter.edit { it.copy(kind = k) } },
                clearable = false,
            )
        } else {
            SectionTitle(form.kind.label())
        }
        for (field in state.fields) {
            FieldRow(field, state, vm.presenter)
        }
        BigButton(
            text = stringResource(R.string.save),
            description = stringResource(R.string.save_entry_description, form.kind.label()),
            onClick = { vm.presenter.save() },
            enabled = !state.busy && !state.loading,
            emphasis = true,
            modifier = Modifier.fillMaxWidth(),
        )
    }
}

/** One field, drawn by its input (the core's `FieldInput`) with the core's words. */
@Composable
private fun FieldRow(field: FormField, state: AddState, presenter: AddPresenter) {
    val form = state.form
    val label = field.label()
    when (val input = field.input()) {
        is FieldInput.MomentPicker -> form.momentOf(field)?.let { DateTimeField(label, it) { v -> presenter.setMoment(field, v) } }
        is FieldInput.DatePicker -> form.dateOf(field)?.let { DateField(label, it) { v -> presenter.setDate(field, v) } }
        is FieldInput.Toggle -> SwitchRow(label, form.isOn(field)) { on -> presenter.setToggle(field, on) }
        is FieldInput.SingleChoice -> Choices(label, state.choices(field), input.canClear) { i -> presenter.choose(field, i) }
        is FieldInput.IntensitySteps -> Choices(label, state.choices(field), clearable = false) { i -> presenter.choose(field, i) }
        is FieldInput.TreatmentPicker -> Choices(label, state.choices(field), clearable = true) { i -> presenter.choose(field, i) }
        is FieldInput.MultiChoice -> {
            val choices = state.choices(field)
            SectionTitle(label)
            MultiChoiceRow(choices.indices.toList(), choices.indices.filter { choices[it].chosen }, { choices[it].label }) { chosen ->
                presenter.chooseAll(field, chosen)
            }
        }
        is FieldInput.Text -> TextInput(label, form.textOf(field), { v -> presenter.setText(field, v) }, singleLine = !input.multiline)
        is FieldInput.Number -> TextInput(label, form.textOf(field), { v -> presenter.setText(field, v) }, numeric = true)
        is FieldInput.Minutes -> form.countOf(field)?.let { MinutesStepper(label, it) { v -> presenter.setCount(field, v) } }
        is FieldInput.IrlsSlider -> {
            val value = "$label: ${form.countOf(field)}"
            SectionTitle(value)
            field.hint()?.let { BodyText(it) }
            Slider(
                value = (form.countOf(field) ?: input.range.min).toFloat(),
                onValueChange = { v -> presenter.setCount(field, Math.round(v)) },
                valueRange = input.range.min.toFloat()..input.range.max.toFloat(),
                steps = input.range.max - input.range.min - 1,
                modifier = Modifier
                    .fillMaxWidth()
                    .semantics { contentDescription = value },
            )
        }
        is FieldInput.SafetyQuestions -> {
            SectionTitle(label)
            state.choices(field).forEachIndexed { i, question ->
                SwitchRow(question.label, question.chosen) { yes -> presenter.setChosen(field, i, yes) }
            }
        }
        is FieldInput.PlainText -> BodyText(label)
    }
}

/** A titled row of chips, one per choice; [onChoose] gets the tapped place, or null when cleared. */
@Composable
private fun Choices(label: String, choices: List<FieldChoice>, clearable: Boolean, onChoose: (Int?) -> Unit) {
    SectionTitle(label)
    ChoiceRow(
        choices = choices.indices.toList(),
        selected = choices.indexOfFirst { it.chosen }.takeIf { it >= 0 },
        label = { choices[it].label },
        onSelect = onChoose,
        clearable = clearable,
    )
}
