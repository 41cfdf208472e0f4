// swift-tools-version:6.0
//
// RLS Journal core for Apple platforms: the Rust core (a static library inside an XCFramework)
// with its uniffi-generated Swift bindings and a thin SwiftUI-friendly store.
//
// This manifest is the local-path mode used for development and by ios/project.yml; apps that
// add the package by URL get the repository root's Package.swift (a versioned binaryTarget).
//
// Before the first `swift build` / `swift test` (or Xcode resolving this package), run
// `./build-xcframework.sh` on a Mac: it builds `RLSJournalFFI.xcframework` and copies the
// generated `Sources/RLSJournal/Generated/RLSJournal.swift`. Both are build outputs, not
// committed (see .gitignore and README.md).
//
// Tools version 6.0 means the Swift 6 language mode: strict concurrency checking is on for
// the generated bindings, the hand-written layer and the tests.

import PackageDescription

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
        // The Rust core as static libraries (iOS device, iOS simulator, macOS) with the C
        // header and module map of the uniffi scaffolding. Its module is `RLSJournalFFI`,
        // the name the generated Swift imports.
        .binaryTarget(
            name: "RLSJournalFFI",
            path: "RLSJournalFFI.xcframework"
        ),
        // The generated bindings (Generated/RLSJournal.swift) plus the hand-written layer.
        .target(
            name: "RLSJournal",
            dependencies: ["RLSJournalFFI"],
            path: "Sources/RLSJournal",
            // The privacy manifest (required-reason APIs of the bundled SQLite), the core's
            // licence and its third-party notices (the app's licences screen reads them through
            // `Notices`). The repository root's Package.swift lists the same resources.
            resources: [
                .copy("Resources/PrivacyInfo.xcprivacy"),
                .copy("Resources/LICENSE.txt"),
                .copy("Resources/THIRD_PARTY_NOTICES.txt"),
            ],
            linkerSettings: [
                // chrono reads the device time zone through CoreFoundation (iana-time-zone);
                // a static library does not carry its framework dependencies.
                .linkedFramework("CoreFoundation"),
            ]
        ),
        .testTarget(
            name: "RLSJournalTests",
            dependencies: ["RLSJournal"],
            path: "Tests/RLSJournalTests"
        ),
    ]
)
