// Plugin versions for every module of this build (the app and ../bindings/kotlin); modules apply
// the plugins without a version.
plugins {
    id("com.android.application") version "8.5.2" apply false
    id("com.android.library") version "8.5.2" apply false
    id("org.jetbrains.kotlin.android") version "1.9.24" apply false
}
