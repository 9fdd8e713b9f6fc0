//! Mounts the customer's page; everything else lives in the library.

fn main() {
    // Panic messages in the console help while developing; the release build
    // leaves out the hook and its formatting code, which phones download.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    #[cfg(target_arch = "wasm32")]
    {
        license_portal::mount_customer_page();
        license_portal::offline::register_service_worker();
    }
}
