//! The console's browser start-up: mounts the app in the language its
//! page's head script chose (its language files are in `/console/`).

use license_web::i18n::{self, msg, Texts};

pub fn console() {
    i18n::start(Texts::new(msg!("console-title"), "/console/"), || leptos::mount::mount_to_body(crate::ConsoleApp));
}
