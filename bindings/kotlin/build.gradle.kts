// RLS Journal core as an Android library: the Rust core (cdylib, built with cargo-ndk for each
// ABI), its uniffi-generated Kotlin bindings (package org.rlsjournal.core, generated at build time
// with the workspace's own uniffi-bindgen) and the thin hand-written layer in
// src/main/kotlin/org/rlsjournal/journal (coroutines and flows).
//
// Needs on the build machine: the Android SDK and NDK (ANDROID_NDK_HOME, or the NDK installed by
// Android Studio), Rust with the Android targets
//   rustup target add aarch64-linux-android armv7-linux-androideabi x86_64-linux-android
// and cargo-ndk (`cargo install cargo-ndk`). Nothing in this file could be run where it was
// written (no Android SDK, Gradle or Maven Central there); the Kotlin sources are compiled and
// tested on the JVM by tests/kotlin/run.sh.

import org.gradle.api.tasks.PathSensitivity

plugins {
    id("com.android.library")
    id("org.jetbrains.kotlin.android")
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

val jniLibsDir = projectDir.resolve("src/main/jniLibs")
val generatedKotlinDir: File = layout.buildDirectory.dir("generated/uniffi/kotlin").get().asFile

android {
    namespace = "org.rlsjournal.core"
    compileSdk = 34

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
        }
    }
}

dependencies {
    // JNA as an Android archive: it carries libjnidispatch.so for every ABI.
    // `api`: the generated bindings expose JNA types (RustBuffer is a JNA Structure).
    api("net.java.dev.jna:jna:5.13.0@aar")
    // The layer's API exposes StateFlow and suspend functions.
    api("org.jetbrains.kotlinx:kotlinx-coroutines-core:1.8.0")
    implementation("org.jetbrains.kotlinx:kotlinx-coroutines-android:1.8.0")
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
    outputs.dir(jniLibsDir)
    workingDir = workspaceDir
    val targets = androidAbis.flatMap { listOf("-t", it) }
    val profile = if (rustRelease) listOf("--release") else emptyList()
    commandLine(
        listOf("cargo", "ndk") + targets +
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
