//! Parse a request code; decode and verify a response code.
//! `cargo bench -p license-codes --bench codes`; figures in docs/benchmarks.md.

use criterion::{criterion_group, criterion_main, Criterion};
use license_codes::*;
use std::hint::black_box;

fn fixtures() -> (String, String, SerialNumber, KeyId, TrustedKeys) {
    let key = SigningKey::from_bytes(&[7; 32]);
    let serial = SerialNumber::new(0x12_3456_789A).unwrap();
    let key_id = KeyId(0x0123_4567_89AB_CDEF);
    let mut e = Entitlements::new();
    e.set(0, 3).unwrap();
    e.set(1, 25).unwrap();
    let request =
        RequestCode { product: 7, serial, key_id, counter: 1, entitlement_digest: e.digest(), created: Day(2518) };
    let grant =
        Grant { product: 7, serial, key_id, from_counter: 1, to_counter: 2, issued: Day(2518), entitlements: e };
    let response = sign_response(&key, 1, &grant).unwrap();
    let mut keys = TrustedKeys::new();
    keys.insert(1, key.verifying_key());
    (request.to_code(), response.to_code(), serial, key_id, keys)
}

fn benches(c: &mut Criterion) {
    let (request, response, serial, key_id, keys) = fixtures();
    c.bench_function("parse request code", |b| b.iter(|| RequestCode::parse(black_box(&request)).unwrap()));
    c.bench_function("parse response code (no verify)", |b| {
        b.iter(|| ResponseCode::parse(black_box(&response)).unwrap())
    });
    c.bench_function("decode and verify response code", |b| {
        b.iter(|| ResponseCode::parse(black_box(&response)).unwrap().verify(serial, key_id, &keys).unwrap())
    });
    let key = SigningKey::from_bytes(&[7; 32]);
    let grant = Grant {
        product: 7,
        serial,
        key_id,
        from_counter: 1,
        to_counter: 2,
        issued: Day(2518),
        entitlements: Entitlements::new(),
    };
    c.bench_function("sign response code", |b| b.iter(|| sign_response(&key, 1, black_box(&grant)).unwrap()));
    c.bench_function("inspect typed groups (per keystroke)", |b| {
        b.iter(|| text::inspect_groups(black_box(&request[..30]), Kind::Request))
    });
}

criterion_group!(codes, benches);
criterion_main!(codes);
