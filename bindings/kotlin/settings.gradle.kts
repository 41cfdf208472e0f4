// Standalone build of the RLS Journal core library (open this folder in Android Studio, or run
// `gradle assembleRelease` here). When the app includes this module from android/, the app's
// settings and plugin versions (android/build.gradle.kts) are used and this file is ignored; keep
// the versions below the same as there.
pluginManagement {
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
    plugins {
        id("com.android.library") version "8.9.1"
        id("org.jetbrains.kotlin.android") version "1.9.24"
    }
}

dependencyResolutionManagement {
    repositoriesMode.set(RepositoriesMode.FAIL_ON_PROJECT_REPOS)
    repositories {
        google()
        mavenCentral()
    }
}

rootProject.name = "rlsjournal-core"
