//! Checks of the Android Gradle build files that only a device or Play would otherwise report.
//!
//! - JNA: releases before [`MIN_JNA`] ship a `libjnidispatch.so` that fails to load on Android 15
//!   devices with 16 KB memory pages (JNA issues #1618 and #1647, pull request #1642), so the
//!   first core call fails there.
//! - The core library must be linked 16 KB aligned for every Android target: the core module's
//!   cargo-ndk task passes [`PAGE_ALIGN_LINK_ARG`] to every Android target triple.
//! - `targetSdk` must meet Google Play's requirement for new apps and updates
//!   ([`MIN_TARGET_SDK`]).

/// The first JNA release taken as 16 KB safe: 5.16.0 carries pull request #1642, but issue
/// #1647 reports 5.16.0 still failing on 16 KB devices; 5.17.0 is the release after that report
/// was closed.
pub const MIN_JNA: (u32, u32, u32) = (5, 17, 0);

/// The linker argument that aligns the library's segments to 16 KB pages.
pub const PAGE_ALIGN_LINK_ARG: &str = "-Wl,-z,max-page-size=16384";

/// Google Play's minimum target API level for new apps and updates (API 36 since
/// 31 August 2026; API 35 from 31 August 2025).
pub const MIN_TARGET_SDK: u32 = 36;

/// The Rust target triples of the Android ABIs the core is built for, as cargo's environment
/// variable names spell them (`CARGO_TARGET_<TRIPLE>_RUSTFLAGS`).
pub const ANDROID_TRIPLES: &[&str] = &[
    "AARCH64_LINUX_ANDROID",
    "ARMV7_LINUX_ANDROIDEABI",
    "X86_64_LINUX_ANDROID",
];

/// The JNA version a Gradle build file declares (`net.java.dev.jna:jna:X.Y.Z`).
pub fn declared_jna(gradle: &str) -> Option<(u32, u32, u32)> {
    let marker = "net.java.dev.jna:jna:";
    let start = gradle.find(marker)? + marker.len();
    let version: String = gradle[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let mut parts = version.split('.').map(|part| part.parse::<u32>().ok());
    let major = parts.next()??;
    let minor = parts.next().flatten().unwrap_or(0);
    let patch = parts.next().flatten().unwrap_or(0);
    Some((major, minor, patch))
}

/// Problems with the JNA dependency of the core module's build file.
pub fn check_jna(gradle: &str) -> Vec<String> {
    let (a, b, c) = MIN_JNA;
    match declared_jna(gradle) {
        None => vec![
            "bindings/kotlin/build.gradle.kts: no net.java.dev.jna:jna dependency found"
                .to_string(),
        ],
        Some(found) if found < MIN_JNA => vec![format!(
            "bindings/kotlin/build.gradle.kts: JNA {}.{}.{} is declared; releases before \
             {a}.{b}.{c} do not load on Android devices with 16 KB pages (JNA #1618, #1647)",
            found.0, found.1, found.2
        )],
        Some(_) => Vec::new(),
    }
}

/// Problems with the 16 KB alignment of the Android library build: the page-alignment link
/// argument must be in the file and passed to every Android triple's RUSTFLAGS.
pub fn check_page_alignment(gradle: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if !gradle.contains(PAGE_ALIGN_LINK_ARG) {
        problems.push(format!(
            "bindings/kotlin/build.gradle.kts: the core is not linked with {PAGE_ALIGN_LINK_ARG} \
             (16 KB pages, Android 15+)"
        ));
    }
    for triple in ANDROID_TRIPLES {
        let variable = format!("CARGO_TARGET_{triple}_RUSTFLAGS");
        if !gradle.contains(&variable) {
            problems.push(format!(
                "bindings/kotlin/build.gradle.kts: {variable} is not set, so that target is not \
                 linked 16 KB aligned"
            ));
        }
    }
    problems
}

/// The `targetSdk = N` an app build file declares.
pub fn declared_target_sdk(gradle: &str) -> Option<u32> {
    gradle.lines().find_map(|line| {
        let value = line
            .trim()
            .strip_prefix("targetSdk")?
            .trim()
            .strip_prefix('=')?;
        value.trim().parse().ok()
    })
}

/// Problems with the app's target SDK.
pub fn check_target_sdk(gradle: &str) -> Vec<String> {
    match declared_target_sdk(gradle) {
        None => vec!["android/app/build.gradle.kts: no targetSdk found".to_string()],
        Some(sdk) if sdk < MIN_TARGET_SDK => vec![format!(
            "android/app/build.gradle.kts: targetSdk {sdk} is below Google Play's requirement \
             for new apps and updates (API {MIN_TARGET_SDK})"
        )],
        Some(_) => Vec::new(),
    }
}

/// The RUSTFLAGS value the core module gives the Android targets (the text between the quotes
/// of the line that defines `pageAlignmentRustflags`), to build a host library with the same
/// flags.
pub fn page_alignment_rustflags(gradle: &str) -> Option<String> {
    let line = gradle
        .lines()
        .find(|line| line.trim_start().starts_with("val pageAlignmentRustflags"))?;
    let start = line.find('"')? + 1;
    let end = start + line[start..].find('"')?;
    Some(line[start..end].to_string())
}
