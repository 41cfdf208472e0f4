import Foundation

/// The core's licence and the notices of the third-party code compiled into it (Rust crates and
/// SQLite), shipped as resources of this package, for an app's licences screen.
public enum Notices {
    /// The core's licence (MPL-2.0), or nil if the resource is missing from the bundle.
    public static func license() -> String? {
        return resource(named: "LICENSE")
    }

    /// The third-party notices (each crate with its licence text, and SQLite's public-domain
    /// notice), or nil if the resource is missing from the bundle.
    public static func thirdParty() -> String? {
        return resource(named: "THIRD_PARTY_NOTICES")
    }

    private static func resource(named name: String) -> String? {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt") else {
            return nil
        }
        return try? String(contentsOf: url, encoding: .utf8)
    }
}
