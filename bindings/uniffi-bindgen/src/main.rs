//! The workspace's pinned generator: `cargo run -p uniffi-bindgen -- generate …`.
//! Pinning it here means bindings always match the uniffi version the core was built with.

fn main() {
    uniffi::uniffi_bindgen_main()
}
