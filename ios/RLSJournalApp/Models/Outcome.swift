import Foundation
import RLSJournal

/// What a finished action tells the person; the view picks the words. Mirrors `Notice` in the
/// Kotlin presenters' `Outcome.kt`.
enum Notice {
    /// Symptoms were logged.
    case logged
    /// The open episode was ended.
    case episodeEnded
    /// A relief attempt was saved.
    case reliefSaved
    /// "No symptoms last night" was recorded.
    case noSymptomsSaved
    /// The sleep diary was saved.
    case diarySaved
    /// An entry was added or edited.
    case entrySaved
    /// The settings were saved (and the reminders re-planned).
    case settingsSaved
}

/// The sentence for a failed core call: the core's own sentence for its typed error
/// (`errorMessage(error:)`, e.g. "Intensity must be between 1 and 10 — you entered 11.").
/// Only a failure that is not the core's gets the app's own words.
func sentenceOf(_ error: Error) -> String {
    guard let journalError = error as? JournalError else {
        return "Something went wrong: \(error.localizedDescription)"
    }
    return errorMessage(error: journalError)
}

/// Runs `body` and returns what it threw (nil if it succeeded), like the Kotlin `attempt`.
@MainActor
func attempt(_ body: @MainActor () async throws -> Void) async -> Error? {
    do {
        try await body()
        return nil
    } catch {
        return error
    }
}
