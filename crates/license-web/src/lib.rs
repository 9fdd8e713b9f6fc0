//! What the customer's pages (the root package: `/code.html`, `/decode/`)
//! and the support console (`crates/license-console`) share. Each app is
//! its own bundle, so each carries only what it uses of this crate.
//!
//! A newcomer's map: [`i18n`] is the language runtime (the one way to get a
//! text, [`i18n::text`], the language switch, start-up in the chosen
//! language); [`check`] checks a typed code group by group (plain Rust,
//! tested natively); [`api`] talks to the server in the wire format of
//! `license-api`, read by [`json`] from the browser's `JSON.parse`;
//! [`fetched`] runs those requests and keeps their results in signals;
//! [`messages`] explains every error in the customer's words; [`browser`]
//! says whether the code runs in a browser (not in the build's prerender
//! step); [`components`] holds the shared components, one per file (the
//! code field, the decode table, the answer and response views, the QR code).

pub mod api;
pub mod browser;
pub mod check;
pub mod components;
pub mod fetched;
pub mod i18n;
pub mod json;
pub mod messages;
