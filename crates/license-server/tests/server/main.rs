//! The licence server's tests, in one binary (one link instead of four).

mod common;

mod api;
mod backups;
mod batches;
mod cli;
mod console;
mod crash;
mod hsm;
mod mail;
mod orders;
mod registrations;
mod releases;
mod reports;
mod requests;
mod resellers;
mod tls;
mod webhooks;
