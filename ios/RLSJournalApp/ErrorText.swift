import Foundation
import RLSJournal

/// The message to show for a failed core call: the core's own sentence for its typed error
/// (`errorMessage(error:)`, e.g. "Intensity must be between 1 and 10 — you entered 11.").
/// Only a failure that is not the core's gets the app's own words.
enum ErrorText {
    static func describe(_ error: Error) -> String {
        guard let journalError = error as? JournalError else {
            return "Something went wrong: \(error.localizedDescription)"
        }
        return errorMessage(error: journalError)
    }
}
