#![no_main]
//! Any text into the serial number decoder.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(serial) = license_codes::SerialNumber::parse(text) {
        assert_eq!(license_codes::SerialNumber::parse(&serial.to_code()), Ok(serial));
    }
});
