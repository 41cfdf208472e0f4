import RLSJournal
import SwiftUI

/// One night: filled by the core's `night(night:)`: its title and summary line, then each entry
/// with Edit and Delete (`deleteEntry`, with Undo: `undoDelete`). The core's NightView carries
/// records, not display lines, so an entry row shows only its kind and name; its full
/// description is on the History list (see docs/apps.md, gaps).
struct NightDetailView: View {
    let night: LocalDate

    @EnvironmentObject private var store: JournalStore
    @State private var view: NightView?
    @State private var editing: EditRoute?
    @State private var deleted = false
    @State private var error: String?

    var body: some View {
        List {
            if let error = error {
                MessageView(text: error, isError: true)
            }
            if let view = view {
                Section {
                    Text(view.summary).font(.body)
                }
                content(view)
            }
            if deleted {
                Button("Undo the delete") { undo() }
                    .frame(minHeight: Theme.formTarget)
                    .accessibilityLabel("Undo the delete")
            }
        }
        .navigationTitle(view?.title ?? "")
        .navigationDestination(isPresented: isEditing) {
            if let route = editing {
                EditDestination(route: route)
            }
        }
        .task { await load() }
    }

    @ViewBuilder
    private func content(_ view: NightView) -> some View {
        if !view.episodes.isEmpty {
            Section(Vocabulary.label(EntryKind.episode)) {
                ForEach(view.episodes, id: \.id) { episode in
                    row(
                        title: "Worst \(episode.data.peakIntensity)/10",
                        lines: episode.relief.map { attempt in
                            "\(Vocabulary.label(attempt.data.method)): \(Vocabulary.helpedName(attempt.data.helped))"
                        },
                        route: EditRoute(kind: EntryKind.episode, id: episode.id)
                    )
                }
            }
        }
        if let diary = view.sleepDiary {
            Section(Vocabulary.label(EntryKind.sleepDiary)) {
                row(title: "Quality \(diary.data.quality) of 5", lines: [], route: EditRoute(kind: EntryKind.sleepDiary, id: diary.id))
            }
        }
        if !view.exposures.isEmpty {
            Section(Vocabulary.label(EntryKind.exposure)) {
                ForEach(view.exposures, id: \.id) { exposure in
                    row(title: Vocabulary.label(exposure.data.kind), lines: [], route: EditRoute(kind: EntryKind.exposure, id: exposure.id))
                }
            }
        }
        if !view.doses.isEmpty {
            Section(Vocabulary.label(EntryKind.dose)) {
                ForEach(view.doses, id: \.id) { dose in
                    row(title: dose.treatmentName, lines: [], route: EditRoute(kind: EntryKind.dose, id: dose.id))
                }
            }
        }
        if !view.labResults.isEmpty {
            Section(Vocabulary.label(EntryKind.labResult)) {
                ForEach(view.labResults, id: \.id) { lab in
                    row(title: Vocabulary.label(lab.data.analyte), lines: [], route: EditRoute(kind: EntryKind.labResult, id: lab.id))
                }
            }
        }
        if !view.severityRatings.isEmpty {
            Section(Vocabulary.label(EntryKind.severityRating)) {
                ForEach(view.severityRatings, id: \.id) { rating in
                    row(title: "IRLS total: \(rating.data.irlsTotal)", lines: [], route: EditRoute(kind: EntryKind.severityRating, id: rating.id))
                }
            }
        }
        if !view.treatmentsStarted.isEmpty {
            Section("Treatments started") {
                ForEach(view.treatmentsStarted, id: \.id) { treatment in
                    row(title: treatment.data.name, lines: [], route: EditRoute(kind: EntryKind.treatment, id: treatment.id))
                }
            }
        }
        if !view.activeTreatments.isEmpty {
            Section("Treatments taken") {
                ForEach(view.activeTreatments, id: \.id) { treatment in
                    Text(treatment.data.name).font(.body)
                }
            }
        }
    }

    private func row(title: String, lines: [String], route: EditRoute) -> some View {
        VStack(alignment: .leading, spacing: 2) {
            Text(title).font(.headline)
            ForEach(lines, id: \.self) { line in
                Text(line).font(.body)
            }
        }
        .frame(minHeight: Theme.formTarget, alignment: .leading)
        .swipeActions(edge: .trailing) {
            Button("Delete", role: .destructive) { delete(route.id) }
                .accessibilityLabel("Delete \(title)")
            Button("Edit") { editing = route }
                .accessibilityLabel("Edit \(title)")
        }
        .contextMenu {
            Button("Edit") { editing = route }
            Button("Delete", role: .destructive) { delete(route.id) }
        }
        .accessibilityElement(children: .combine)
        .accessibilityAction(named: "Edit") { editing = route }
        .accessibilityAction(named: "Delete") { delete(route.id) }
    }

    private var isEditing: Binding<Bool> {
        return Binding(
            get: { editing != nil },
            set: { shown in
                if !shown {
                    editing = nil
                }
            }
        )
    }

    private func load() async {
        let date = night
        do {
            view = try await store.read { journal in try journal.night(night: date) }
            error = nil
        } catch {
            self.error = ErrorText.describe(error)
        }
    }

    private func delete(_ id: String) {
        Task { @MainActor in
            do {
                try await store.delete(id: id)
                deleted = true
                await load()
            } catch {
                self.error = ErrorText.describe(error)
            }
        }
    }

    private func undo() {
        Task { @MainActor in
            do {
                _ = try await store.undoDelete()
                deleted = false
                await load()
            } catch {
                self.error = ErrorText.describe(error)
            }
        }
    }
}
