//! Sample codes shared by the integration tests.
#![allow(dead_code)]

use license_codes::*;

/// The vendor key of the test vectors: seed bytes 1, 2, 3, ... 32.
pub fn vendor_key() -> SigningKey {
    let mut seed = [0u8; 32];
    for (i, b) in seed.iter_mut().enumerate() {
        *b = i as u8 + 1;
    }
    SigningKey::from_bytes(&seed)
}

pub fn trusted() -> TrustedKeys {
    let mut keys = TrustedKeys::new();
    keys.insert(1, vendor_key().verifying_key());
    keys
}

pub fn serial() -> SerialNumber {
    SerialNumber::new(0x12_3456_789A).unwrap()
}

pub fn key_id() -> KeyId {
    KeyId(0x0123_4567_89AB_CDEF)
}

pub fn request() -> RequestCode {
    RequestCode {
        product: 7,
        serial: serial(),
        key_id: key_id(),
        counter: 1,
        entitlement_digest: specview_before().digest(),
        created: Day::parse("2026-11-23").unwrap(),
    }
}

pub fn specview() -> Product {
    serde_json::from_str(
        r#"{"id": 7, "name": "SpecView", "entitlements": [
            {"name": "remote_users", "kind": "count"},
            {"name": "clients", "kind": "count"},
            {"name": "historian", "kind": "flag"},
            {"name": "web_server", "kind": "flag"},
            {"name": "subscription_end", "kind": "date"}]}"#,
    )
    .unwrap()
}

pub fn entitlements(assignments: &[&str]) -> Entitlements {
    let mut e = Entitlements::new();
    let list: Vec<String> = assignments.iter().map(|s| s.to_string()).collect();
    specview().assign(&mut e, &list).unwrap();
    e
}

pub fn specview_before() -> Entitlements {
    entitlements(&["remote_users=1", "clients=25"])
}

pub fn grant(entitlements: Entitlements) -> Grant {
    Grant {
        product: 7,
        serial: serial(),
        key_id: key_id(),
        from_counter: 1,
        to_counter: 2,
        issued: Day::parse("2026-11-23").unwrap(),
        entitlements,
    }
}

/// The SpecView upgrade: remote users 1 -> 3.
pub fn response() -> ResponseCode {
    sign_response(&vendor_key(), 1, &grant(entitlements(&["remote_users=3", "clients=25"]))).unwrap()
}

/// The largest response: every bit of entitlement room used.
pub fn largest_response() -> ResponseCode {
    let e = entitlements(&[
        "remote_users=65535",
        "clients=65535",
        "historian=yes",
        "web_server=yes",
        "subscription_end=2199-01-01",
    ]);
    sign_response(&vendor_key(), 1, &grant(e)).unwrap()
}

/// The data symbols of a code (check symbols removed), for crafting codes.
pub fn data_symbols(code: &str) -> Vec<u8> {
    let symbols = text::normalize(code).unwrap();
    symbols.chunks(6).flat_map(|g| g[..5].to_vec()).collect()
}

/// Re-encodes data symbols with correct check symbols for `kind`.
pub fn regroup(kind: Kind, data: &[u8]) -> String {
    text::encode_groups(kind, data)
}

/// Flips bit `bit` (0 = most significant of the first symbol) and re-checks.
pub fn flip_bit(kind: Kind, code: &str, bit: usize) -> String {
    let mut data = data_symbols(code);
    data[bit / 5] ^= 0b10000 >> (bit % 5);
    regroup(kind, &data)
}

/// A response code from its fields, written bit by bit (`(value, width)`,
/// most significant bit first), followed by an all-zero signature: for
/// layouts the signer refuses to make.
pub fn response_from_bits(fields: &[(u64, u32)]) -> String {
    let mut bits: Vec<bool> = fields.iter().flat_map(|(v, w)| (0..*w).rev().map(move |i| (v >> i) & 1 == 1)).collect();
    bits.extend(std::iter::repeat_n(false, 512));
    let group_bits = 25;
    bits.resize(bits.len().div_ceil(group_bits) * group_bits, false);
    let data: Vec<u8> = bits.chunks(5).map(|c| c.iter().fold(0u8, |acc, b| (acc << 1) | u8::from(*b))).collect();
    regroup(Kind::Response, &data)
}

/// The release code of the installation holding `response()`, made a day later.
pub fn release() -> ReleaseCode {
    ReleaseCode::new(serial(), key_id(), &response(), Day::parse("2026-11-24").unwrap())
}
