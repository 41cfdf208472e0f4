// SwiftPM generates `Bundle.module` for a package target with resources; tests/swift/run.sh
// compiles the package's sources with swiftc, so it supplies the same accessor, pointing at the
// package's Resources folder as run.sh lays it out (src/RLSJournal/Resources beside out/, the
// folder of the test executable).

import Foundation

extension Foundation.Bundle {
    /// The RLSJournal package's resources (LICENSE.txt, THIRD_PARTY_NOTICES.txt, the privacy manifest).
    static let module: Bundle = {
        let out = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let resources = out.deletingLastPathComponent().appendingPathComponent("src/RLSJournal/Resources")
        return Bundle(url: resources) ?? Bundle.main
    }()
}
