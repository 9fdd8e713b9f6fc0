//! Mounts the support console; everything else lives in the library.

fn main() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(license_portal::console::ConsoleApp);
}
