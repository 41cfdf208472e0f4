import RLSJournal
import SwiftUI

/// A date-and-time picker for a form's `MomentField`: shows the time in the field's zone (a
/// stored time as it was lived) and sets the field's instant. An untouched field saves its stored
/// moment exactly (see `MomentField` in the RLSJournal package).
struct MomentPicker: View {
    let title: String
    @Binding var field: MomentField

    init(_ title: String, field: Binding<MomentField>) {
        self.title = title
        _field = field
    }

    var body: some View {
        DatePicker(title, selection: $field.date)
            .environment(\.timeZone, field.timeZone)
    }
}
