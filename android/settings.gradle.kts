// RLS Journal for Android: the app module and the core's Kotlin library module
// (bindings/kotlin: uniffi-generated bindings, the cdylib built with cargo-ndk, JNA, and the
// hand-written JournalStore layer).
pluginManagement {
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
}

dependencyResolutionManagement {
    repositoriesMode.set(RepositoriesMode.FAIL_ON_PROJECT_REPOS)
    repositories {
        google()
        mavenCentral()
    }
}

rootProject.name = "RLSJournal"

include(":app")
include(":rlsjournal-core")
project(":rlsjournal-core").projectDir = file("../bindings/kotlin")

// The screens' presenters: plain Kotlin, also compiled and tested on the JVM by tests/kotlin/run.sh.
include(":presenters")
