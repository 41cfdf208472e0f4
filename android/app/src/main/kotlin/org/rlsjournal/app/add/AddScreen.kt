package org.rlsjournal.app.add

import org.rlsjournal.app.ui.Rules
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
import org.rlsjournal.app.ui.Vocabulary
import org.rlsjournal.app.ui.errorText
import org.rlsjournal.app.ui.noticeText
import org.rlsjournal.core.Analyte
import org.rlsjournal.core.EntryKind
import org.rlsjournal.core.ExposureKind
import org.rlsjournal.core.TreatmentCategory
import org.rlsjournal.presenters.AddForm
import org.rlsjournal.presenters.AddState
import org.rlsjournal.presenters.addableKinds

/**
 * Add (or, with [editId], edit) an entry. Every field is a plain input; what is valid is decided
 * by the core when saving, and its reason is shown.
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

        when (form.kind) {
            EntryKind.EPISODE -> EpisodeFields(form, vm)
            EntryKind.EXPOSURE -> ExposureFields(form, vm)
            EntryKind.TREATMENT -> TreatmentFields(form, vm)
            EntryKind.DOSE -> DoseFields(state, vm)
            EntryKind.LAB_RESULT -> LabFields(form, vm)
            EntryKind.SEVERITY_RATING -> RatingFields(form, vm)
            EntryKind.VISIT -> VisitFields(form, vm)
            EntryKind.SAFETY_CHECK -> SafetyCheckFields(form, vm)
            EntryKind.SLEEP_DIARY, EntryKind.NO_SYMPTOMS -> BodyText(stringResource(R.string.sleep_diary_on_checkin))
        }

        if (form.hasNote) {
            TextInput(stringResource(R.string.note_optional), form.note, { v -> vm.presenter.edit { it.copy(note = v) } }, singleLine = false)
        }
        BigButton(
            text = stringResource(R.string.save),
            description = stringResource(R.string.save_entry_description, entryKindLabel(form.kind)),
            onClick = { vm.presenter.save() },
            enabled = !state.busy && !state.loading,
            emphasis = true,
            modifier = Modifier.fillMaxWidth(),
        )
    }
}

@Composable
private fun EpisodeFields(form: AddForm, vm: AddViewModel) {
    DateTimeField(stringResource(R.string.started_at), form.at) { v -> vm.presenter.edit { it.copy(at = v) } }
    SwitchRow(stringResource(R.string.has_ended), form.endAt != null) { ended ->
        vm.presenter.setEnded(ended)
    }
    val end = form.endAt
    if (end != null) {
        DateTimeField(stringResource(R.string.ended_at), end) { v -> vm.presenter.edit { it.copy(endAt = v) } }
    }
    SectionTitle(stringResource(R.string.peak_intensity))
    ChoiceRow(
        choices = Rules.intensities,
        selected = form.intensity,
        label = { it.toString() },
        onSelect = { v -> if (v != null) vm.presenter.edit { it.copy(intensity = v) } },
        clearable = false,
    )
    SectionTitle(stringResource(R.string.which_side))
    ChoiceRow(Vocabulary.sides, form.side, { it.label() }, { v -> vm.presenter.edit { it.copy(side = v) } })
    SectionTitle(stringResource(R.string.body_areas))
    MultiChoiceRow(Vocabulary.bodyAreas, form.bodyAreas, { it.label() }) { v -> vm.presenter.edit { it.copy(bodyAreas = v) } }
    SectionTitle(stringResource(R.string.sensations))
    MultiChoiceRow(Vocabulary.sensations, form.sensations, { it.label() }) { v -> vm.presenter.edit { it.copy(sensations = v) } }
    SectionTitle(stringResource(R.string.setting_at_onset))
    ChoiceRow(Vocabulary.settings, form.setting, { it.label() }, { v -> vm.presenter.edit { it.copy(setting = v) } })
    SwitchRow(stringResource(R.string.record_latency), form.latencyMinutes != null) { on ->
        vm.presenter.setLatencyKnown(on)
    }
    val latency = form.latencyMinutes
    if (latency != null) {
        MinutesStepper(stringResource(R.string.latency_minutes), latency) { v -> vm.presenter.edit { it.copy(latencyMinutes = v) } }
    }
    SwitchRow(stringResource(R.string.woke_from_sleep), form.wokeFromSleep) { v -> vm.presenter.edit { it.copy(wokeFromSleep = v) } }
}

@Composable
private fun ExposureFields(form: AddForm, vm: AddViewModel) {
    DateTimeField(stringResource(R.string.when_label), form.at) { v -> vm.presenter.edit { it.copy(at = v) } }
    SectionTitle(stringResource(R.string.exposure_kind))
    ChoiceRow(
        choices = Vocabulary.exposureKinds,
        selected = form.exposureKind,
        label = { it.label() },
        onSelect = { v -> if (v != null) vm.presenter.edit { it.copy(exposureKind = v) } },
        clearable = false,
        sameAs = { a, b -> a == b || (a.isOther() && b.isOther()) },
    )
    val kind = form.exposureKind
    if (kind is ExposureKind.Other) {
        TextInput(stringResource(R.string.other_label), kind.label, { v -> vm.presenter.edit { it.copy(exposureKind = ExposureKind.Other(label = v)) } })
    }
    TextInput(stringResource(R.string.amount_optional), form.amount, { v -> vm.presenter.edit { it.copy(amount = v) } }, numeric = true)
    TextInput(stringResource(R.string.unit_optional), form.unit, { v -> vm.presenter.edit { it.copy(unit = v) } })
}

@Composable
private fun TreatmentFields(form: AddForm, vm: AddViewModel) {
    TextInput(stringResource(R.string.treatment_name), form.name, { v -> vm.presenter.edit { it.copy(name = v) } })
    SectionTitle(stringResource(R.string.treatment_category))
    ChoiceRow(
        choices = Vocabulary.treatmentCategories,
        selected = form.category,
        label = { it.label() },
        onSelect = { v -> if (v != null) vm.presenter.edit { it.copy(category = v) } },
        clearable = false,
        sameAs = { a, b -> a == b || (a.isOther() && b.isOther()) },
    )
    val category = form.category
    if (category is TreatmentCategory.Other) {
        TextInput(stringResource(R.string.other_label), category.label, { v -> vm.presenter.edit { it.copy(category = TreatmentCategory.Other(label = v)) } })
    }
    TextInput(stringResource(R.string.dose_optional), form.amount, { v -> vm.presenter.edit { it.copy(amount = v) } }, numeric = true)
    TextInput(stringResource(R.string.unit_optional), form.unit, { v -> vm.presenter.edit { it.copy(unit = v) } })
    DateField(stringResource(R.string.started_on), form.date) { v -> vm.presenter.edit { it.copy(date = v) } }
    SwitchRow(stringResource(R.string.has_stopped), form.stopDate != null) { stopped ->
        vm.presenter.setStopped(stopped)
    }
    val stop = form.stopDate
    if (stop != null) {
        DateField(stringResource(R.string.stopped_on), stop) { v -> vm.presenter.edit { it.copy(stopDate = v) } }
    }
}

@Composable
private fun DoseFields(state: AddState, vm: AddViewModel) {
    val form = state.form
    SectionTitle(stringResource(R.string.which_treatment))
    if (state.needsTreatmentFirst) {
        BodyText(stringResource(R.string.no_treatments_yet))
    }
    ChoiceRow(
        choices = state.treatments.map { it.id },
        selected = form.treatmentId,
        label = { id -> state.treatments.firstOrNull { it.id == id }?.data?.name ?: id },
        onSelect = { v -> vm.presenter.edit { it.copy(treatmentId = v) } },
    )
    DateTimeField(stringResource(R.string.when_label), form.at) { v -> vm.presenter.edit { it.copy(at = v) } }
    TextInput(stringResource(R.string.amount_optional), form.amount, { v -> vm.presenter.edit { it.copy(amount = v) } }, numeric = true)
}

@Composable
private fun LabFields(form: AddForm, vm: AddViewModel) {
    DateField(stringResource(R.string.taken_on), form.date) { v -> vm.presenter.edit { it.copy(date = v) } }
    SectionTitle(stringResource(R.string.analyte))
    ChoiceRow(
        choices = Vocabulary.analytes,
        selected = form.analyte,
        label = { it.label() },
        onSelect = { v -> if (v != null) vm.presenter.edit { it.copy(analyte = v) } },
        clearable = false,
        sameAs = { a, b -> a == b || (a.isOther() && b.isOther()) },
    )
    val analyte = form.analyte
    if (analyte is Analyte.Other) {
        TextInput(stringResource(R.string.other_label), analyte.label, { v -> vm.presenter.edit { it.copy(analyte = Analyte.Other(label = v)) } })
    }
    TextInput(stringResource(R.string.lab_value), form.amount, { v -> vm.presenter.edit { it.copy(amount = v) } }, numeric = true)
    TextInput(stringResource(R.string.lab_unit), form.unit, { v -> vm.presenter.edit { it.copy(unit = v) } })
}

@Composable
private fun VisitFields(form: AddForm, vm: AddViewModel) {
    DateField(stringResource(R.string.visit_on), form.date) { v -> vm.presenter.edit { it.copy(date = v) } }
    TextInput(stringResource(R.string.visit_with), form.clinician, { v -> vm.presenter.edit { it.copy(clinician = v) } })
    TextInput(stringResource(R.string.visit_question), form.question, { v -> vm.presenter.edit { it.copy(question = v) } })
}

@Composable
private fun SafetyCheckFields(form: AddForm, vm: AddViewModel) {
    DateField(stringResource(R.string.checked_on), form.date) { v -> vm.presenter.edit { it.copy(date = v) } }
    for (q in form.safetyQuestions) {
        SwitchRow(q.question, q.yes) { yes -> vm.presenter.answerSafety(q.item, yes) }
    }
}

@Composable
private fun RatingFields(form: AddForm, vm: AddViewModel) {
    DateField(stringResource(R.string.rated_on), form.date) { v -> vm.presenter.edit { it.copy(date = v) } }
    SectionTitle(stringResource(R.string.irls_total_value, form.irlsTotal))
    BodyText(stringResource(R.string.irls_hint))
    val description = stringResource(R.string.irls_total_value, form.irlsTotal)
    Slider(
        value = form.irlsTotal.toFloat(),
        onValueChange = { v -> vm.presenter.edit { it.copy(irlsTotal = Math.round(v)) } },
        valueRange = Rules.core.irlsTotal.min.toFloat()..Rules.core.irlsTotal.max.toFloat(),
        steps = Rules.core.irlsTotal.max - Rules.core.irlsTotal.min - 1,
        modifier = Modifier
            .fillMaxWidth()
            .semantics { contentDescription = description },
    )
}
