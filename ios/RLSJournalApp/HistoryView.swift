import RLSJournal
import SwiftUI

/// History: the paged list (the core's `history(query:)`, first page published by the store,
/// `olderHistory()` for infinite scroll) and the month heat map (`calendarMonth`). Tapping an
/// item or a night opens that night; Edit opens its form; Delete deletes with Undo.
struct HistoryView: View {
    @StateObject private var model = HistoryModel()
    @State private var editing: EditRoute?

    var body: some View {
        let state = model.state
        VStack(spacing: 0) {
            Picker("View", selection: Binding(get: { state.showCalendar }, set: { model.showCalendar($0) })) {
                Text("List").tag(false)
                Text("Calendar").tag(true)
            }
            .pickerStyle(.segmented)
            .padding(.horizontal)
            .accessibilityLabel("Show history as a list or a calendar")
            if let error = state.errorText {
                MessageView(text: error, isError: true).padding(.horizontal)
            }
            if state.showCalendar {
                CalendarMonthView(model: model)
            } else {
                historyList(state)
            }
            if state.deletedId != nil {
                undoBar
            }
        }
        .navigationTitle("History")
        .toolbar {
            ToolbarItem(placement: .primaryAction) {
                NavigationLink("Add") { AddEntryView(kind: nil, editId: nil) }
                    .accessibilityLabel("Add an entry")
            }
        }
        .navigationDestination(for: NightRoute.self) { route in
            NightDetailView(night: route.night)
        }
        .navigationDestination(isPresented: Binding(get: { editing != nil }, set: { if !$0 { editing = nil } })) {
            if let route = editing {
                EditDestination(route: route)
            }
        }
        .task { model.refresh() }
    }

    private func historyList(_ state: HistoryModel.State) -> some View {
        List {
            if state.isEmpty {
                Text("Nothing logged yet.").font(.body)
            }
            ForEach(state.items, id: \.id) { item in
                HistoryRow(
                    item: item,
                    onEdit: { editing = EditRoute(kind: item.kind, id: item.id) },
                    onDelete: { model.delete(id: item.id) }
                )
                .onAppear {
                    if item.id == state.items.last?.id {
                        model.loadMore()
                    }
                }
            }
        }
        .listStyle(.plain)
        .refreshable { model.refresh() }
    }

    private var undoBar: some View {
        HStack {
            Text("Entry deleted").font(.body)
            Spacer()
            Button("Undo") { model.undo() }
                .buttonStyle(ChipStyle(selected: true))
                .frame(width: 120)
                .accessibilityLabel("Undo the delete")
        }
        .padding()
        .background(Color.secondary.opacity(0.15))
    }
}

/// Opens one night.
struct NightRoute: Hashable {
    let night: LocalDate
}

/// Opens an entry's form.
struct EditRoute: Hashable {
    let kind: EntryKind
    let id: String
}

/// Sleep diaries are edited on the check-in screen, everything else on the Add screen.
struct EditDestination: View {
    let route: EditRoute

    var body: some View {
        if route.kind == EntryKind.sleepDiary {
            CheckInView(editId: route.id)
        } else {
            AddEntryView(kind: route.kind, editId: route.id)
        }
    }
}

/// One entry, as the core describes it: title, detail, when.
struct HistoryRow: View {
    let item: HistoryItem
    let onEdit: () -> Void
    let onDelete: () -> Void

    var body: some View {
        let peak = item.intensity.map { Int($0) }
        HStack(alignment: .top, spacing: 12) {
            if let peak = peak {
                Text(String(peak))
                    .font(.title3.weight(.bold))
                    .frame(width: 48, height: 48)
                    .foregroundColor(Color.primary)
                    .background(RoundedRectangle(cornerRadius: 8).fill(Theme.intensityColor(peak)))
                    .accessibilityHidden(true)
            }
            NavigationLink(value: NightRoute(night: item.night)) {
                VStack(alignment: .leading, spacing: 2) {
                    Text(item.title).font(.headline)
                    Text(item.detail).font(.body)
                    Text(item.at).font(.footnote)
                }
            }
            .accessibilityLabel("\(item.title), \(item.detail), \(item.at). Open this night.")
        }
        .frame(minHeight: Theme.formTarget)
        .swipeActions(edge: .trailing) {
            Button("Delete", role: .destructive, action: onDelete)
                .accessibilityLabel("Delete \(item.title)")
            Button("Edit", action: onEdit)
                .accessibilityLabel("Edit \(item.title)")
        }
        .contextMenu {
            Button("Edit", action: onEdit)
            Button("Delete", role: .destructive, action: onDelete)
        }
        .accessibilityAction(named: "Edit") { onEdit() }
        .accessibilityAction(named: "Delete") { onDelete() }
    }
}

/// The month heat map: one cell per night, coloured by its peak intensity.
struct CalendarMonthView: View {
    @ObservedObject var model: HistoryModel

    var body: some View {
        ScrollView {
            VStack(spacing: 8) {
                HStack {
                    Button("‹") { model.previousMonth() }
                        .buttonStyle(ChipStyle(selected: false))
                        .frame(width: 64)
                        .accessibilityLabel("Previous month")
                    Text(model.state.calendar?.title ?? "")
                        .font(.title3)
                        .frame(maxWidth: .infinity)
                    Button("›") { model.nextMonth() }
                        .buttonStyle(ChipStyle(selected: false))
                        .frame(width: 64)
                        .accessibilityLabel("Next month")
                }
                grid
            }
            .padding()
        }
    }

    private var grid: some View {
        let columns = Array(repeating: GridItem(.flexible(), spacing: 4), count: 7)
        return LazyVGrid(columns: columns, spacing: 4) {
            ForEach(Array(model.state.weeks.joined().enumerated()), id: \.offset) { _, cell in
                if let day = cell {
                    dayCell(day)
                } else {
                    Color.clear.frame(minHeight: Theme.formTarget)
                }
            }
        }
    }

    private func dayCell(_ day: CalendarDay) -> some View {
        let peak = day.peakIntensity.map { Int($0) }
        let dayNumber = LocalDates.dayOfMonth(day.night)
        let description = peak == nil
            ? "Night of the \(dayNumber): no symptoms logged, \(day.entryCount) entries. Open this night."
            : "Night of the \(dayNumber): worst \(peak ?? 0) of 10, \(day.episodeCount) episodes. Open this night."
        return NavigationLink(value: NightRoute(night: day.night)) {
            Text(String(dayNumber))
                .font(.body.weight(.semibold))
                .frame(maxWidth: .infinity, minHeight: Theme.formTarget)
                .foregroundColor(Color.primary)
                .background(RoundedRectangle(cornerRadius: 6).fill(Theme.intensityColor(peak)))
        }
        .accessibilityLabel(description)
    }
}
