import Foundation

/// The app's words for a model's `Notice`.
extension Notice {
    var text: String {
        switch self {
        case .logged: return "Logged."
        case .episodeEnded: return "Episode ended."
        case .reliefSaved: return "Saved what helped."
        case .noSymptomsSaved: return "Recorded: no symptoms last night."
        case .diarySaved: return "Sleep diary saved."
        case .entrySaved: return "Saved."
        case .settingsSaved: return "Saved. Reminders are set."
        }
    }
}
