//! Mounts the portal; everything else lives in the library.

fn main() {
    // Panic messages in the console help while developing; the release build
    // leaves out the hook and its formatting code, which phones download.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(license_portal::App);
}
