#![no_main]
//! Data symbols wrapped in valid groups, so the fuzzer reaches the payload
//! reader and the signature check rather than stopping at check symbols.
use libfuzzer_sys::fuzz_target;
use license_codes::{text, Kind, KeyId, ResponseCode, SerialNumber, SigningKey, TrustedKeys};

fuzz_target!(|data: &[u8]| {
    let mut symbols: Vec<u8> = data.iter().map(|b| b & 31).take(28 * 5).collect();
    symbols.truncate(symbols.len() / 5 * 5);
    if symbols.is_empty() {
        return;
    }
    let code = text::encode_groups(Kind::Response, &symbols);
    if let Ok(response) = ResponseCode::parse(&code) {
        assert_eq!(response.to_code(), code, "decoding is canonical");
        let mut keys = TrustedKeys::new();
        keys.insert(response.signing_key_id, SigningKey::from_bytes(&[7; 32]).verifying_key());
        let _ = response.verify(SerialNumber::new(1).unwrap(), KeyId(2), &keys);
    }
    let _ = ResponseCode::parse(std::str::from_utf8(data).unwrap_or_default());
});
