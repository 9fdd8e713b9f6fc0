#![no_main]
//! Any text into the kind-detecting decoder and the typing inspector.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = license_codes::decode(text);
    let _ = license_codes::text::inspect_groups(text, license_codes::Kind::Request);
});
