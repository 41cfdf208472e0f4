// swift-tools-version:6.0
//
// RLS Journal core as a Swift package an app adds by URL (Xcode: File > Add Package
// Dependencies… > this repository's URL; SwiftPM: `.package(url: …, from: "X.Y.Z")`), product
// `RLSJournal`. It is the same package as bindings/swift/Package.swift (same sources, same
// module names), with the Rust core from a release instead of a local build:
//
// - Release mode (default): the XCFramework is a `binaryTarget(url:checksum:)` of the GitHub
//   release `releaseVersion`. The release workflow (.github/workflows/release.yml) writes
//   `releaseVersion`, `releaseChecksum` and `releaseRepository` below in the commit it tags
//   `X.Y.Z`, so the manifest at every version tag names that version's zip and its checksum.
//   The generated bindings are committed into that tagged commit too.
// - Local mode: `RLSJOURNAL_LOCAL_XCFRAMEWORK=1 swift build` (or Xcode started with that
//   variable) uses bindings/swift/RLSJournalFFI.xcframework built by
//   `bindings/swift/build-xcframework.sh`. For development the app (ios/project.yml) uses
//   bindings/swift/Package.swift by path instead, which is always local.
//
// Until the first release the default mode has nothing to download: use the local mode.

import Foundation
import PackageDescription

/// The release this manifest points at (the version in core/Cargo.toml at that release).
let releaseVersion = "0.1.0"
/// `swift package compute-checksum RLSJournalFFI.xcframework.zip` of that release.
let releaseChecksum = "0000000000000000000000000000000000000000000000000000000000000000"
/// owner/name of the repository the release assets are uploaded to.
let releaseRepository = "rlsjournal/rlsjournal"

let useLocalXCFramework = ProcessInfo.processInfo.environment["RLSJOURNAL_LOCAL_XCFRAMEWORK"] == "1"

let ffiTarget: Target = useLocalXCFramework
    ? .binaryTarget(
        name: "RLSJournalFFI",
        path: "bindings/swift/RLSJournalFFI.xcframework"
    )
    : .binaryTarget(
        name: "RLSJournalFFI",
        url: "https://github.com/\(releaseRepository)/releases/download/\(releaseVersion)/RLSJournalFFI.xcframework.zip",
        checksum: releaseChecksum
    )

let package = Package(
    name: "RLSJournal",
    platforms: [
        .iOS(.v16),
        .macOS(.v13),
    ],
    products: [
        .library(name: "RLSJournal", targets: ["RLSJournal"]),
    ],
    targets: [
        ffiTarget,
        // The generated bindings (Generated/RLSJournal.swift) plus the hand-written layer, with
        // the privacy manifest, the core's licence and its third-party notices as resources.
        .target(
            name: "RLSJournal",
            dependencies: ["RLSJournalFFI"],
            path: "bindings/swift/Sources/RLSJournal",
            resources: [
                .copy("Resources/PrivacyInfo.xcprivacy"),
                .copy("Resources/LICENSE.txt"),
                .copy("Resources/THIRD_PARTY_NOTICES.txt"),
            ],
            linkerSettings: [
                .linkedFramework("CoreFoundation"),
            ]
        ),
    ]
)
