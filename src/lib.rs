//! The customer's licence portal: SpecView's code.html, checked in the
//! browser. A request code is checked group by group as it is typed, sent
//! to the licence server, and answered with a verified response code, as
//! text, as a file and as a QR code. `/decode/` shows every field of any
//! code for support agents, without sending anything: its own bundle
//! (`src/bin/license-decode.rs`), so the customer's first load does not
//! carry it.
//!
//! A newcomer's map: [`app`] says which page a path shows; [`components`]
//! holds the two pages (their parts are shared with the console, in
//! `license_web`); [`first_view`] is the view painted from the HTML before
//! the wasm arrives and its hand-over to the running page (rendered at
//! build time by `crates/license-prerender`); [`start`] is the browser
//! start-up of both pages (mounting in the chosen language, the service
//! worker that opens the page offline).

pub mod app;
pub use app::Page;
pub mod components;
pub mod first_view;
pub mod start;
