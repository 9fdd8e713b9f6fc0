#![no_main]
//! Any text into the release decoder; valid results must re-encode to the same release.
use libfuzzer_sys::fuzz_target;
use license_codes::ReleaseCode;

fuzz_target!(|text: &str| {
    if let Ok(release) = ReleaseCode::parse(text) {
        assert_eq!(ReleaseCode::parse(&release.to_code()), Ok(release));
    }
});
