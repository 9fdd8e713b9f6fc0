//! The vendor's licence server: turns request codes into signed response
//! codes, keeps every licence's history, and serves the portal.
//!
//! A newcomer's map: [`settings`] and [`application`] build the server;
//! [`http`] is the API surface; [`issuance`] answers request codes;
//! [`catalog`] is what the vendor manages; [`audit`], [`tokens`] and
//! [`signing`] hold who did what, who may, and the keys; [`mail`] sends
//! responses to a licence's contact and answers request codes by mail;
//! [`webhooks`] tells the vendor's other systems what happened, and
//! [`retry`] is how both outboxes try again;
//! [`db`] the storage and [`backup`] its copies; [`cli`] the command line (`main.rs` only parses
//! and runs it).

pub mod application;
pub mod audit;
pub mod backup;
pub mod catalog;
pub mod cli;
pub mod db;
pub mod demo;
pub mod error;
pub mod http;
pub mod inspect;
pub mod issuance;
pub mod mail;
pub mod releases;
pub mod reports;
pub mod resellers;
pub mod retry;
pub mod sessions;
pub mod settings;
pub mod signing;
pub mod staff;
pub mod tls;
pub mod tokens;
pub mod webhooks;

pub use application::Application;
pub use error::ApiError;
pub use http::AppState;
pub use settings::{HttpSettings, Settings};
