import RLSJournal
import SwiftUI

/// History: the paged list (the core's `history(query:)`, first page published by the store,
/// `olderHistory()` for infinite scroll) and the month heat map (`calendarMonth`). Tapping an
/// item or a night opens that night; Edit opens its form; Delete deletes with Undo.
struct HistoryView: View {
    @EnvironmentObject private var store: JournalStore
    @State private var showCalendar = false
    @State private var deleted = false
    @State private var editing: EditRoute?
    @State private var error: String?

    var body: some View {
        VStack(spacing: 0) {
            Picker("View", selection: $showCalendar) {
                Text("List").tag(false)
                Text("Calendar").tag(true)
            }
            .pickerStyle(.segmented)
            .padding(.horizontal)
            .accessibilityLabel("Show history as a list or a calendar")
            if let error = error {
                MessageView(text: error, isError: true).padding(.horizontal)
            }
            if showCalendar {
                CalendarMonthView()
            } else {
                historyList
            }
            if deleted {
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
        .navigationDestination(isPresented: isEditing) {
            if let route = editing {
                EditDestination(route: route)
            }
        }
        .task { try? await store.refresh() }
    }

    private var historyList: some View {
        List {
            if store.history.isEmpty && store.isLoaded {
                Text("Nothing logged yet.").font(.body)
            }
            ForEach(store.history, id: \.id) { item in
                HistoryRow(
                    item: item,
                    onEdit: { editing = EditRoute(kind: item.kind, id: item.id) },
                    onDelete: { delete(item.id) }
                )
                    .onAppear {
                        if item.id == store.history.last?.id {
                            loadMore()
                        }
                    }
            }
        }
        .listStyle(.plain)
        .refreshable { try? await store.refresh() }
    }

    private var undoBar: some View {
        HStack {
            Text("Entry deleted").font(.body)
            Spacer()
            Button("Undo") { undo() }
                .buttonStyle(ChipStyle(selected: true))
                .frame(width: 120)
                .accessibilityLabel("Undo the delete")
        }
        .padding()
        .background(Color.secondary.opacity(0.15))
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

    private func loadMore() {
        Task { @MainActor in
            do {
                try await store.olderHistory()
            } catch {
                self.error = ErrorText.describe(error)
            }
        }
    }

    private func delete(_ id: String) {
        Task { @MainActor in
            do {
                try await store.deleteEntry(id: id)
                deleted = true
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
            } catch {
                self.error = ErrorText.describe(error)
            }
        }
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
                    .foregroundColor(Theme.textOn(peak: peak))
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
    @EnvironmentObject private var store: JournalStore
    @State private var month = Calendar(identifier: .gregorian).dateComponents([.year, .month], from: Date())
    @State private var calendar: CalendarMonth?
    @State private var error: String?

    var body: some View {
        ScrollView {
            VStack(spacing: 8) {
                HStack {
                    Button("‹") { move(-1) }
                        .buttonStyle(ChipStyle(selected: false))
                        .frame(width: 64)
                        .accessibilityLabel("Previous month")
                    Text(calendar?.title ?? "")
                        .font(.title3)
                        .frame(maxWidth: .infinity)
                    Button("›") { move(1) }
                        .buttonStyle(ChipStyle(selected: false))
                        .frame(width: 64)
                        .accessibilityLabel("Next month")
                }
                if let error = error {
                    MessageView(text: error, isError: true)
                }
                if let calendar = calendar {
                    grid(calendar)
                }
            }
            .padding()
        }
        .task(id: monthKey) { await load() }
    }

    private var monthKey: String {
        return "\(month.year ?? 0)-\(month.month ?? 0)"
    }

    private func grid(_ calendar: CalendarMonth) -> some View {
        // Monday-first grid: the core says which weekday the 1st is (1 = Monday).
        let blanks = max(0, min(6, Int(calendar.firstWeekday) - 1))
        let cells: [CalendarDay?] = Array(repeating: nil, count: blanks) + calendar.days.map { Optional($0) }
        let columns = Array(repeating: GridItem(.flexible(), spacing: 4), count: 7)
        return LazyVGrid(columns: columns, spacing: 4) {
            ForEach(0..<cells.count, id: \.self) { index in
                if let day = cells[index] {
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
                .foregroundColor(Theme.textOn(peak: peak))
                .background(RoundedRectangle(cornerRadius: 6).fill(Theme.intensityColor(peak)))
        }
        .accessibilityLabel(description)
    }

    private func move(_ months: Int) {
        let gregorian = Calendar(identifier: .gregorian)
        guard let start = gregorian.date(from: month),
              let moved = gregorian.date(byAdding: .month, value: months, to: start) else {
            return
        }
        month = gregorian.dateComponents([.year, .month], from: moved)
    }

    private func load() async {
        let year = Int32(month.year ?? 2000)
        let monthNumber = Int32(clamping: month.month ?? 1)
        do {
            calendar = try await store.read { journal in try journal.calendarMonth(year: year, month: monthNumber) }
            error = nil
        } catch {
            self.error = ErrorText.describe(error)
        }
    }
}
