//! Mounts the support console, in the language its page chose; everything
//! else lives in the library.

fn main() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    #[cfg(target_arch = "wasm32")]
    {
        use license_portal::i18n::{start, Texts, CONSOLE};
        start(Texts { domain: CONSOLE, title: "console-title", files: "/console/" }, || {
            leptos::mount::mount_to_body(license_portal::console::ConsoleApp)
        });
    }
}
