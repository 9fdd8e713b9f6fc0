//! Mounts the support console (`license_console::start`); everything else
//! lives in the library.

fn main() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    license_console::start::console();
}
