//! Mounts the customer's page (`crate::start`); everything else lives in the library.

fn main() {
    // Panic messages in the console help while developing; the release build
    // leaves out the hook and its formatting code, which phones download.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    license_portal::start::customer_page();
}
