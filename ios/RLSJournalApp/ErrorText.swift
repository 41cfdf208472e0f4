import Foundation
import RLSJournal

/// The message to show for a failed core call. The core's typed error already says what was
/// wrong (for invalid input: the field and the reason); this only picks the sentence around it.
enum ErrorText {
    static func describe(_ error: Error) -> String {
        guard let journalError = error as? JournalError else {
            return "Something went wrong: \(error.localizedDescription)"
        }
        switch journalError {
        case JournalError.InvalidInput(field: let field, reason: let reason):
            return "Not saved: \(field) \(reason)"
        case JournalError.NotFound(what: let what):
            return "Not found: \(what)"
        case JournalError.Storage(detail: let detail):
            return "The journal could not be written: \(detail)"
        case JournalError.IncompatibleVersion:
            return "This journal was written by a newer version of the app. Update the app; the file was left untouched."
        case JournalError.Corrupt(detail: let detail):
            return "The journal file could not be read: \(detail). It was left untouched."
        case JournalError.ImportRejected(reason: let reason):
            return "Backup not restored: \(reason). Nothing was changed."
        case JournalError.PassphraseNeeded:
            return "This backup is encrypted — a passphrase is needed."
        case JournalError.WrongPassphrase:
            return "The passphrase does not open this backup. Nothing was changed."
        case JournalError.BackupFailed(reason: let reason):
            return "Backup not written: \(reason). The previous backups are intact."
        }
    }
}
