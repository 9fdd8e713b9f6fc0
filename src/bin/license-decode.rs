//! Mounts the support agent's decode page (`/decode/`), its own bundle so
//! that the customer's page does not carry it; everything else lives in the
//! library.

fn main() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    license_portal::start::decode_page();
}
