import RLSJournal
import SwiftUI

/// The core's licence and the third-party notices, as the package ships them (`Notices`, read
/// from its bundled resources). Layout only: the text is the shipped file's.
struct LicencesView: View {
    /// The shipped files split at blank lines, so the lazy stack lays out only what is on screen.
    @State private var paragraphs: [String] = []

    var body: some View {
        ScrollView {
            LazyVStack(alignment: .leading, spacing: 8) {
                ForEach(paragraphs.indices, id: \.self) { index in
                    Text(paragraphs[index])
                        .font(.footnote.monospaced())
                        .textSelection(.enabled)
                }
            }
            .padding()
        }
        .navigationTitle("Licences")
        .task {
            let texts = [Notices.license(), Notices.thirdParty()].compactMap { $0 }
            let joined = texts.isEmpty ? "The licence files are missing from this build." : texts.joined(separator: "\n\n")
            paragraphs = joined.components(separatedBy: "\n\n")
        }
    }
}
