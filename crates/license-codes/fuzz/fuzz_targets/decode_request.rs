#![no_main]
//! Any text into the request decoder; valid results must re-encode to the same request.
use libfuzzer_sys::fuzz_target;
use license_codes::RequestCode;

fuzz_target!(|text: &str| {
    if let Ok(request) = RequestCode::parse(text) {
        assert_eq!(RequestCode::parse(&request.to_code()), Ok(request));
    }
});
