import Foundation
import RLSJournal
import UIKit

/// The process's one `BackupModel`, made when the journal is open; and the app going to the
/// background, with the few seconds iOS grants to finish the backup.
@MainActor
enum Backups {
    private(set) static var model: BackupModel?
    /// Where the person's sync choice is kept (UserDefaults: a choice, not a secret).
    static let syncKey = "syncEnabled"

    /// The model for `store` (made and started once).
    static func model(store: JournalStore) -> BackupModel {
        if let model {
            return model
        }
        let made = BackupModel(
            store: store,
            secrets: KeychainSecretStore(),
            folder: BookmarkedFolder.current(),
            syncEnabled: UserDefaults.standard.bool(forKey: syncKey)
        )
        model = made
        Task { await made.start() }
        return made
    }

    /// The scene went to the background: the core's "always on going to the background".
    static func wentToBackground() {
        guard let model else {
            return
        }
        var task = UIBackgroundTaskIdentifier.invalid
        task = UIApplication.shared.beginBackgroundTask(withName: "backup") {
            UIApplication.shared.endBackgroundTask(task)
        }
        Task {
            await model.wentToBackground()
            UIApplication.shared.endBackgroundTask(task)
        }
    }
}
