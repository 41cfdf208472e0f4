// RLS Journal core as an Android library: the Rust core (cdylib, built with cargo-ndk for each
// ABI), its uniffi-generated Kotlin bindings (package org.rlsjournal.core, generated at build time
// with the workspace's own uniffi-bindgen) and the thin hand-written layer in
// src/main/kotlin/org/rlsjournal/journal (coroutines and flows).
//
// Needs on the build machine: the Android SDK with the NDK version named below (Android Studio's
// SDK Manager, or AGP installs it), Rust with the Android targets
//   rustup target add aarch64-linux-android armv7-linux-androideabi x86_64-linux-android
// and cargo-ndk (`cargo install cargo-ndk`). Cargo is found from `cargo.dir` in local.properties,
// else ~/.cargo/bin, else PATH (a Gradle daemon started from the Dock has no ~/.cargo/bin on its
// PATH); the NDK is the one the Android plugin resolved (`ndkVersion`), passed to cargo-ndk as
// ANDROID_NDK_HOME. Nothing in this file could be run where it was written (no Android SDK,
// Gradle or Maven Central there); the Kotlin sources are compiled and tested on the JVM by
// tests/kotlin/run.sh, and app-build-check (tests/syntax-check) checks the JNA version and the
// 16 KB link flags below.

import java.util.Properties
import org.gradle.api.tasks.PathSensitivity

plugins {
    id("com.android.library")
    id("org.jetbrains.kotlin.android")
    // The AAR as a Maven publication: `publishToMavenLocal`, or a release repository.
    `maven-publish`
}

/** The Cargo workspace root (this module lives in bindings/kotlin). */
val workspaceDir: File = projectDir.resolve("../..").canonicalFile

/** The Rust sources and settings both Rust tasks depend on. */
val rustInputs = files(
    workspaceDir.resolve("Cargo.toml"),
    workspaceDir.resolve("Cargo.lock"),
    workspaceDir.resolve("core/Cargo.toml"),
    workspaceDir.resolve("core/src"),
)

/** Android ABIs to build, as cargo-ndk target names. */
val androidAbis = listOf("arm64-v8a", "armeabi-v7a", "x86_64")

/** Release builds of the core unless -PrustProfile=debug is given (debug builds are much bigger). */
val rustRelease = (findProperty("rustProfile") ?: "release") == "release"

/**
 * Link flags for every Android target: 16 KB aligned segments, so the library loads on Android 15+
 * devices with 16 KB memory pages (Google Play requires it). NDK r28+ does this by default; the
 * flag keeps it true with an older NDK. scripts/syntax-check.sh links a host build of the core
 * with these same flags and checks its ELF program headers.
 */
val pageAlignmentRustflags = "-C link-arg=-Wl,-z,max-page-size=16384"

/** cargo's environment variable for each Android triple's RUSTFLAGS. */
val androidRustflagsVariables = listOf(
    "CARGO_TARGET_AARCH64_LINUX_ANDROID_RUSTFLAGS",
    "CARGO_TARGET_ARMV7_LINUX_ANDROIDEABI_RUSTFLAGS",
    "CARGO_TARGET_X86_64_LINUX_ANDROID_RUSTFLAGS",
)

/** local.properties of the Gradle build (android/ when the app includes this module). */
val localProperties = Properties().apply {
    listOf(rootProject.file("local.properties"), project.file("local.properties"))
        .firstOrNull { it.isFile }
        ?.inputStream()
        ?.use { load(it) }
}

/**
 * The cargo to run: `cargo.dir` from local.properties (the folder holding cargo), else
 * ~/.cargo/bin/cargo when it exists, else `cargo` from the daemon's PATH.
 */
val cargoBinDir: File? = (localProperties.getProperty("cargo.dir")?.let(::File))
    ?: File(System.getProperty("user.home"), ".cargo/bin").takeIf { it.resolve("cargo").isFile }
val cargoExecutable: String = cargoBinDir?.resolve("cargo")?.absolutePath ?: "cargo"

/** PATH for the Rust tasks: cargo's folder first, so rustc, rustup and cargo-ndk are found. */
val rustPath: String = listOfNotNull(cargoBinDir?.absolutePath, System.getenv("PATH")).joinToString(File.pathSeparator)

val jniLibsDir = projectDir.resolve("src/main/jniLibs")

// ---- coordinates (issue 20): org.rlsjournal:rlsjournal-core:<the core's version> ----

/** The core's release: the `version` of core/Cargo.toml, so the AAR and the core never disagree. */
val coreVersion: String = workspaceDir.resolve("core/Cargo.toml").readLines()
    .firstNotNullOfOrNull { Regex("""^version = "([^"]+)"$""").find(it)?.groupValues?.get(1) }
    ?: error("no version line in core/Cargo.toml")

group = "org.rlsjournal"
version = coreVersion

/** The licence and third-party notices shipped as assets (rlsjournal/LICENSE.txt, rlsjournal/THIRD_PARTY_NOTICES.txt). */
val noticesAssetsDir: File = layout.buildDirectory.dir("generated/notices").get().asFile
val generatedKotlinDir: File = layout.buildDirectory.dir("generated/uniffi/kotlin").get().asFile

android {
    namespace = "org.rlsjournal.core"
    compileSdk = 36
    // NDK r28 links 16 KB aligned by default; cargo-ndk gets this NDK's path (ANDROID_NDK_HOME).
    ndkVersion = "28.2.13676358"

    defaultConfig {
        minSdk = 26 // java.time (Instant, LocalDate) without desugaring
        consumerProguardFiles("consumer-rules.pro")
        ndk {
            abiFilters += androidAbis
        }
    }

    buildTypes {
        release {
            isMinifyEnabled = false // the app minifies; consumer-rules.pro keeps what JNA needs
        }
    }

    // The release variant is the Maven publication's component (with a sources jar).
    publishing {
        singleVariant("release") {
            withSourcesJar()
        }
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }

    kotlinOptions {
        jvmTarget = "17"
    }

    sourceSets {
        getByName("main") {
            // The generated bindings sit beside the hand-written layer (src/main/kotlin).
            java.srcDir(generatedKotlinDir)
            jniLibs.srcDir(jniLibsDir)
            // The core's licence and third-party notices, for the app's licences screen.
            assets.srcDir(noticesAssetsDir)
        }
    }
}

dependencies {
    // JNA as an Android archive: it carries libjnidispatch.so for every ABI.
    // `api`: the generated bindings expose JNA types (RustBuffer is a JNA Structure).
    // 5.17.0: earlier releases' libjnidispatch.so fails to load on Android 15 devices with 16 KB
    // pages (JNA issues #1618, #1647; pull request #1642), so the first core call fails there.
    api("net.java.dev.jna:jna:5.17.0@aar")
    // The layer's API exposes StateFlow and suspend functions.
    api("org.jetbrains.kotlinx:kotlinx-coroutines-core:1.8.0")
    implementation("org.jetbrains.kotlinx:kotlinx-coroutines-android:1.8.0")
    // The generated bindings' Android cleaner (uniffi.toml `android = true`) marks its API 34
    // branch with @RequiresApi.
    implementation("androidx.annotation:annotation:1.9.1")
}

/**
 * Builds the core cdylib for every ABI in [androidAbis] with cargo-ndk into src/main/jniLibs
 * (git-ignored): src/main/jniLibs/<abi>/librlsjournal_core.so.
 */
val cargoNdkBuild by tasks.registering(Exec::class) {
    group = "rust"
    description = "Builds librlsjournal_core.so for ${androidAbis.joinToString()} with cargo-ndk."
    inputs.files(rustInputs).withPathSensitivity(PathSensitivity.RELATIVE)
    inputs.property("abis", androidAbis)
    inputs.property("release", rustRelease)
    inputs.property("rustflags", pageAlignmentRustflags)
    outputs.dir(jniLibsDir)
    workingDir = workspaceDir
    environment("PATH", rustPath)
    for (variable in androidRustflagsVariables) {
        environment(variable, pageAlignmentRustflags)
    }
    doFirst {
        // The NDK the Android plugin resolved from ndkVersion (installed by the SDK Manager).
        val ndk = androidComponents.sdkComponents.ndkDirectory.get().asFile
        environment("ANDROID_NDK_HOME", ndk.absolutePath)
    }
    val targets = androidAbis.flatMap { listOf("-t", it) }
    val profile = if (rustRelease) listOf("--release") else emptyList()
    commandLine(
        listOf(cargoExecutable, "ndk") + targets +
            listOf("--platform", "26", "-o", jniLibsDir.absolutePath, "build", "-p", "rlsjournal-core", "--lib") +
            profile,
    )
}

/**
 * Generates the Kotlin bindings with the workspace's own uniffi-bindgen (library mode, from the
 * host debug build of the core) and bindings/uniffi.toml, into build/generated/uniffi/kotlin.
 */
val generateUniffiBindings by tasks.registering(Exec::class) {
    group = "rust"
    description = "Generates the Kotlin bindings of the core with the workspace's uniffi-bindgen."
    inputs.files(rustInputs).withPathSensitivity(PathSensitivity.RELATIVE)
    inputs.file(workspaceDir.resolve("bindings/uniffi.toml")).withPathSensitivity(PathSensitivity.RELATIVE)
    inputs.dir(workspaceDir.resolve("bindings/uniffi-bindgen")).withPathSensitivity(PathSensitivity.RELATIVE)
    inputs.file(workspaceDir.resolve("bindings/generate-kotlin.sh")).withPathSensitivity(PathSensitivity.RELATIVE)
    outputs.dir(generatedKotlinDir)
    workingDir = workspaceDir
    environment("PATH", rustPath)
    commandLine(
        "bash",
        workspaceDir.resolve("bindings/generate-kotlin.sh").absolutePath,
        generatedKotlinDir.absolutePath,
    )
}

// Both run before anything is compiled or packaged.
tasks.named("preBuild") {
    dependsOn(generateUniffiBindings, cargoNdkBuild)
}

tasks.named<Delete>("clean") {
    delete(jniLibsDir)
}

// ---- issue 20: notices, Maven publication, host library for JVM unit tests ----

/** Copies the core's LICENSE and THIRD_PARTY_NOTICES.txt into the library's assets. */
val copyNotices by tasks.registering(Copy::class) {
    group = "rust"
    description = "Copies LICENSE and THIRD_PARTY_NOTICES.txt into the AAR's assets (rlsjournal/)."
    from(workspaceDir.resolve("LICENSE")) { rename { "LICENSE.txt" } }
    from(workspaceDir.resolve("THIRD_PARTY_NOTICES.txt"))
    into(noticesAssetsDir.resolve("rlsjournal"))
}

tasks.named("preBuild") {
    dependsOn(copyNotices)
}

afterEvaluate {
    publishing {
        publications {
            create<MavenPublication>("release") {
                from(components["release"])
                groupId = "org.rlsjournal"
                artifactId = "rlsjournal-core"
                version = coreVersion
                pom {
                    name.set("RLS Journal core")
                    description.set(
                        "The RLS Journal core (Rust, uniffi) for Android: journal, storage, summaries and exports.",
                    )
                    licenses {
                        license {
                            name.set("MPL-2.0")
                            url.set("https://mozilla.org/MPL/2.0/")
                        }
                    }
                }
            }
        }
        repositories {
            // A folder repository inside the build: the release workflow uploads it.
            maven {
                name = "build"
                url = uri(layout.buildDirectory.dir("repository"))
            }
        }
    }
}

/**
 * JNA's resource folder for this machine (`linux-x86-64`, `darwin-aarch64`, …) and the host
 * library's file name: a JVM unit test finds the core there on the classpath.
 */
val hostOs: String = System.getProperty("os.name").lowercase()
val hostArch: String = when (val arch = System.getProperty("os.arch").lowercase()) {
    "amd64", "x86_64" -> "x86-64"
    "aarch64", "arm64" -> "aarch64"
    else -> arch
}
val hostJnaPrefix: String = when {
    hostOs.startsWith("mac") -> "darwin-$hostArch"
    hostOs.startsWith("windows") -> "win32-$hostArch"
    else -> "linux-$hostArch"
}
val hostLibraryFile: String = when {
    hostOs.startsWith("mac") -> "librlsjournal_core.dylib"
    hostOs.startsWith("windows") -> "rlsjournal_core.dll"
    else -> "librlsjournal_core.so"
}
val hostLibsDir: File = layout.buildDirectory.dir("rustHost").get().asFile

/**
 * Builds the core for the machine Gradle runs on (cargo build, debug) and copies it to
 * build/rustHost/<jna prefix>/ (application-services' `libsForTests`): JVM unit tests of this
 * module and of apps that use it load the real core from there instead of an Android .so.
 */
val hostLibsForTests by tasks.registering(Exec::class) {
    group = "rust"
    description = "Builds the core for this machine into build/rustHost/$hostJnaPrefix for JVM unit tests."
    inputs.files(rustInputs).withPathSensitivity(PathSensitivity.RELATIVE)
    outputs.dir(hostLibsDir)
    workingDir = workspaceDir
    environment("PATH", rustPath)
    val cargoTarget = layout.buildDirectory.dir("rustHostTarget").get().asFile
    commandLine(cargoExecutable, "build", "-p", "rlsjournal-core", "--lib", "--target-dir", cargoTarget.absolutePath)
    doLast {
        copy {
            from(cargoTarget.resolve("debug/$hostLibraryFile"))
            into(hostLibsDir.resolve(hostJnaPrefix))
        }
    }
}

/** The host library as a jar (`<jna prefix>/<library>`), so JNA finds it on a test classpath. */
val hostLibsForTestsJar by tasks.registering(Jar::class) {
    group = "rust"
    description = "The host build of the core in a jar for JVM unit tests (configuration libsForTests)."
    dependsOn(hostLibsForTests)
    archiveClassifier.set("host-libs-for-tests")
    from(hostLibsDir)
}

/**
 * What an app's JVM unit tests add to reach the real core:
 *   testImplementation(project(":rlsjournal-core", configuration = "libsForTests"))
 *   testImplementation("net.java.dev.jna:jna:5.17.0") // the JVM jar: the AAR's JNA has no host library
 */
val libsForTests by configurations.creating {
    isCanBeConsumed = true
    isCanBeResolved = false
}
artifacts {
    add(libsForTests.name, hostLibsForTestsJar)
}

// This module's own JVM unit tests (if any) load the host core the same way.
tasks.withType<Test>().configureEach {
    dependsOn(hostLibsForTests)
    systemProperty("jna.library.path", hostLibsDir.resolve(hostJnaPrefix).absolutePath)
}
