// The apps' screen presenters: each screen's state and actions in plain Kotlin (no android.* or
// androidx.* import), on top of the core's Kotlin library (:rlsjournal-core). The Android app's
// ViewModels only hold these; tests/kotlin/run.sh compiles the same sources with the generated
// bindings and runs them through the real core on the JVM (PresenterTests.kt). An Android library
// only because the module it depends on is one (the core ships its native library per ABI).
plugins {
    id("com.android.library")
    id("org.jetbrains.kotlin.android")
}

android {
    namespace = "org.rlsjournal.presenters"
    compileSdk = 36

    defaultConfig {
        minSdk = 26 // java.time without desugaring, as the core's module
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }

    kotlinOptions {
        jvmTarget = "17"
    }
}

dependencies {
    // `api`: the presenters' states expose the core's types (Episode, HistoryItem, Summary...).
    api(project(":rlsjournal-core"))
}
