// Plugin versions for every module of this build (the app and ../bindings/kotlin); modules apply
// the plugins without a version. AGP 8.9.1 is the first that supports API 36 (compileSdk and
// targetSdk 36, Google Play's requirement since 31 August 2026); it needs Gradle 8.11.1+.
plugins {
    id("com.android.application") version "8.9.1" apply false
    id("com.android.library") version "8.9.1" apply false
    id("org.jetbrains.kotlin.android") version "1.9.24" apply false
}
