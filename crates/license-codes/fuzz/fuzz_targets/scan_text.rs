#![no_main]
//! Any text into the scanner that finds codes in mail.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let found = license_codes::scan::scan(text);
    let _ = found.requests_to_answer();
});
