import RLSJournal
import SwiftUI

/// One night: the core's `night(night:)` title and summary line, then each entry in time order as
/// the core's display lines (title, when, detail), with Edit and Delete (with Undo). Renders
/// `NightModel`'s state and forwards taps to it.
struct NightDetailView: View {
    let night: LocalDate

    @StateObject private var model = NightModel()
    @State private var editing: EditRoute?

    var body: some View {
        let state = model.state
        List {
            if let error = state.errorText {
                MessageView(text: error, isError: true)
            }
            if let view = state.view {
                Section {
                    Text(view.summary).font(.body)
                }
                content(view, showsTreatments: state.showsTreatments)
            }
            if state.deletedId != nil {
                Button("Undo the delete") { model.undo() }
                    .frame(minHeight: Theme.formTarget)
                    .accessibilityLabel("Undo the delete")
            }
        }
        .navigationTitle(state.view?.title ?? "")
        .navigationDestination(isPresented: Binding(get: { editing != nil }, set: { if !$0 { editing = nil } })) {
            if let route = editing {
                EditDestination(route: route)
            }
        }
        .task { model.load(night: night) }
    }

    @ViewBuilder
    private func content(_ view: NightView, showsTreatments: Bool) -> some View {
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
        if showsTreatments {
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
            Button("Delete", role: .destructive) { model.delete(id: route.id) }
                .accessibilityLabel("Delete \(title)")
            Button("Edit") { editing = route }
                .accessibilityLabel("Edit \(title)")
        }
        .contextMenu {
            Button("Edit") { editing = route }
            Button("Delete", role: .destructive) { model.delete(id: route.id) }
        }
        .accessibilityElement(children: .combine)
        .accessibilityAction(named: "Edit") { editing = route }
        .accessibilityAction(named: "Delete") { model.delete(id: route.id) }
    }
}
