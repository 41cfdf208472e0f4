import SwiftUI
import UIKit

/// Colours, sizes and the night rule. Text uses the system's dynamic-type styles (`.body`,
/// `.title2`…) everywhere, so it follows the person's text size.
enum Theme {
    /// Warm amber in the dark, dark amber in the light: both well above 4.5:1 on the background.
    static let accent = Color("AccentColor")
    /// Text on a filled accent: black on the dark theme's amber, white on the light theme's.
    static let onAccent = Color(UIColor.systemBackground)
    /// The smallest touch target on the bedside screen (one-handed, in the dark).
    static let bedsideTarget: CGFloat = 64
    /// The smallest touch target elsewhere.
    static let formTarget: CGFloat = 48

    /// The hours the app opens dark even on a light system appearance: the core's night-theme hours.
    static func isNightHours(_ date: Date) -> Bool {
        return Rules.isNightHour(Calendar.current.component(.hour, from: date))
    }

    /// The heat-map colour of a night's peak intensity (1-10; nil: nothing logged). Only a
    /// colour: the numbers beside it come from the core.
    static func intensityColor(_ peak: Int?) -> Color {
        guard let peak = peak, peak > 0 else {
            return Color.secondary.opacity(0.15)
        }
        let lowest = Int(Rules.core.intensity.min)
        let highest = Int(Rules.core.intensity.max)
        let fraction = Double(min(max(peak, lowest), highest)) / Double(highest)
        return Color.red.opacity(0.15 + 0.85 * fraction)
    }
}

/// A large button: tonal (dim, for the dark) by default, filled when `emphasis` is set. No
/// flashing highlight: pressing only dims it a little.
struct BigButtonStyle: ButtonStyle {
    var emphasis: Bool = false
    var minHeight: CGFloat = Theme.bedsideTarget

    func makeBody(configuration: Configuration) -> some View {
        configuration.label
            .font(.title3.weight(.semibold))
            .frame(maxWidth: .infinity, minHeight: minHeight)
            .padding(.horizontal, 8)
            .foregroundColor(emphasis ? Theme.onAccent : Theme.accent)
            .background(
                RoundedRectangle(cornerRadius: 14)
                    .fill(emphasis ? Theme.accent : Theme.accent.opacity(0.18))
            )
            .opacity(configuration.isPressed ? 0.7 : 1.0)
    }
}

/// A chip for one choice among several.
struct ChipStyle: ButtonStyle {
    var selected: Bool
    var minHeight: CGFloat = Theme.formTarget

    func makeBody(configuration: Configuration) -> some View {
        configuration.label
            .font(.body.weight(selected ? .semibold : .regular))
            .frame(maxWidth: .infinity, minHeight: minHeight)
            .padding(.horizontal, 6)
            .foregroundColor(selected ? Theme.onAccent : Color.primary)
            .background(
                RoundedRectangle(cornerRadius: 10)
                    .fill(selected ? Theme.accent : Color.secondary.opacity(0.15))
            )
            .opacity(configuration.isPressed ? 0.7 : 1.0)
    }
}

/// Single choice among labelled values. `sameAs` decides which chip shows as selected (for an
/// "other" choice, any label matches).
struct ChoiceChips<T: Hashable>: View {
    let choices: [T]
    let selected: T?
    let label: (T) -> String
    var minHeight: CGFloat = Theme.formTarget
    var sameAs: (T, T) -> Bool = { a, b in a == b }
    let onSelect: (T?) -> Void

    var body: some View {
        LazyVGrid(columns: [GridItem(.adaptive(minimum: 104), spacing: 8)], spacing: 8) {
            ForEach(choices, id: \.self) { choice in
                let isSelected = selected.map { sameAs(choice, $0) } ?? false
                Button(label(choice)) {
                    onSelect(isSelected ? nil : choice)
                }
                .buttonStyle(ChipStyle(selected: isSelected, minHeight: minHeight))
                .accessibilityLabel(label(choice))
                .accessibilityAddTraits(isSelected ? AccessibilityTraits.isSelected : [])
            }
        }
    }
}

/// Multiple choice among labelled values.
struct MultiChoiceChips<T: Hashable>: View {
    let choices: [T]
    let selected: [T]
    let label: (T) -> String
    let onChange: ([T]) -> Void

    var body: some View {
        LazyVGrid(columns: [GridItem(.adaptive(minimum: 104), spacing: 8)], spacing: 8) {
            ForEach(choices, id: \.self) { choice in
                let isSelected = selected.contains(choice)
                Button(label(choice)) {
                    onChange(isSelected ? selected.filter { $0 != choice } : selected + [choice])
                }
                .buttonStyle(ChipStyle(selected: isSelected))
                .accessibilityLabel(label(choice))
                .accessibilityAddTraits(isSelected ? AccessibilityTraits.isSelected : [])
            }
        }
    }
}

/// A minus / value / plus control with large targets.
struct StepperRow: View {
    let label: String
    let value: String
    let onMinus: () -> Void
    let onPlus: () -> Void

    var body: some View {
        VStack(alignment: .leading, spacing: 4) {
            Text(label).font(.subheadline)
            HStack(spacing: 12) {
                Button("−", action: onMinus)
                    .buttonStyle(ChipStyle(selected: false))
                    .frame(width: 64)
                    .accessibilityLabel("\(label): less")
                Text(value)
                    .font(.title3)
                    .frame(minWidth: 80)
                    .accessibilityLabel("\(label): \(value)")
                Button("+", action: onPlus)
                    .buttonStyle(ChipStyle(selected: false))
                    .frame(width: 64)
                    .accessibilityLabel("\(label): more")
            }
        }
    }
}

/// An error or confirmation message, announced by VoiceOver when it appears.
struct MessageView: View {
    let text: String
    let isError: Bool

    var body: some View {
        Text(text)
            .font(.body)
            .padding(12)
            .frame(maxWidth: .infinity, alignment: .leading)
            .background(
                RoundedRectangle(cornerRadius: 10)
                    .fill(isError ? Color.red.opacity(0.25) : Theme.accent.opacity(0.18))
            )
            .accessibilityLabel(text)
            .onAppear {
                UIAccessibility.post(notification: .announcement, argument: text)
            }
    }
}

/// A section heading (a VoiceOver heading).
struct SectionTitle: View {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    var body: some View {
        Text(text)
            .font(.headline)
            .foregroundColor(Theme.accent)
            .padding(.top, 12)
            .accessibilityAddTraits(AccessibilityTraits.isHeader)
    }
}
