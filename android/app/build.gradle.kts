// The RLS Journal Android app: Jetpack Compose, Material 3, minSdk 26. No network permission:
// the journal never leaves the device except through an export the person shares.
plugins {
    id("com.android.application")
    id("org.jetbrains.kotlin.android")
}

android {
    namespace = "org.rlsjournal.app"
    compileSdk = 36

    defaultConfig {
        applicationId = "org.rlsjournal.app"
        minSdk = 26
        // Google Play: new apps and updates target API 36 since 31 August 2026 (35 since August
        // 2025). Targeting 35+ enforces edge-to-edge drawing (the Scaffold passes the system bar
        // insets on) and 36 ignores orientation/resizability limits on large screens; see
        // docs/apps.md for what to confirm on a device.
        targetSdk = 36
        versionCode = 1
        versionName = "0.1.0"
        // The core's native library is built for these ABIs by :rlsjournal-core (cargo-ndk).
        ndk {
            abiFilters += listOf("arm64-v8a", "armeabi-v7a", "x86_64")
        }
    }

    buildTypes {
        release {
            isMinifyEnabled = true
            proguardFiles(getDefaultProguardFile("proguard-android-optimize.txt"), "proguard-rules.pro")
        }
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }

    kotlinOptions {
        jvmTarget = "17"
    }

    buildFeatures {
        compose = true
    }

    composeOptions {
        // The Compose compiler that matches Kotlin 1.9.24.
        kotlinCompilerExtensionVersion = "1.5.14"
    }

    packaging {
        resources {
            excludes += "/META-INF/{AL2.0,LGPL2.1}"
        }
    }
}

dependencies {
    implementation(project(":rlsjournal-core"))
    implementation(project(":presenters"))

    implementation(platform("androidx.compose:compose-bom:2024.06.00"))
    implementation("androidx.compose.ui:ui")
    implementation("androidx.compose.foundation:foundation")
    implementation("androidx.compose.material3:material3")
    implementation("androidx.compose.material:material-icons-core")
    implementation("androidx.compose.ui:ui-tooling-preview")
    debugImplementation("androidx.compose.ui:ui-tooling")

    implementation("androidx.core:core-ktx:1.13.1")
    implementation("androidx.documentfile:documentfile:1.0.1")
    implementation("androidx.activity:activity-compose:1.9.0")
    implementation("androidx.lifecycle:lifecycle-viewmodel-compose:2.8.3")
    implementation("androidx.lifecycle:lifecycle-runtime-compose:2.8.3")
    implementation("androidx.navigation:navigation-compose:2.7.7")
    implementation("org.jetbrains.kotlinx:kotlinx-coroutines-android:1.8.1")
}
