import RLSJournal
import SwiftUI

/// One night: filled by the core's `night(night:)`: its title and summary line, then each entry
/// in time order as the core's display lines (`items`: title, when, detail), with Edit and
/// Delete (`deleteEntry`, with Undo: `undoDelete`).
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
        if !view.items.isEmpty {
            Section {
                // The core's display lines of the night's entries, in time order.
                ForEach(view.items, id: \.id) { item in
                    row(
                        title: item.title,
                        lines: [item.at, item.detail],
                        route: EditRoute(kind: item.kind, id: item.id)
                    )
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
            // By position: the when and detail lines may read the same (or both be empty), and
            // ForEach needs unique ids.
            ForEach(Array(lines.enumerated()), id: \.offset) { _, line in
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
                try await store.deleteEntry(id: id)
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
