//! The customer's licence portal: SpecView's code.html, checked in the
//! browser. A request code is checked group by group as it is typed, sent
//! to the licence server, and answered with a verified response code, as
//! text, as a file and as a QR code. `/decode` shows every field of any code
//! for support agents, without sending anything.

// The console's views are deeply nested types; rendering them as HTML (the
// build's prerender step) needs the deeper limit.
#![recursion_limit = "256"]

pub mod api;
mod app;
pub use app::Page;
pub mod check;
pub mod components;
pub mod console;
pub mod fetched;
pub mod first_view;
pub mod i18n;
pub mod json;
pub mod messages;
pub mod offline;

#[cfg(target_arch = "wasm32")]
pub use app::mount_customer_page;
