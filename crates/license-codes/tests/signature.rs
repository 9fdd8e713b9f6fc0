//! Signed responses: verified for their installation only, and every bit covered.

mod common;

use license_codes::*;

#[test]
fn a_response_verifies_for_its_installation() {
    let r = common::response();
    assert_eq!(r.verify(common::serial(), common::key_id(), &common::trusted()), Ok(()));
    let parsed = ResponseCode::parse(&r.to_code()).unwrap();
    assert_eq!(parsed, r);
    assert_eq!(parsed.verify(common::serial(), common::key_id(), &common::trusted()), Ok(()));
}

#[test]
fn a_response_for_another_installation_or_serial_fails() {
    let r = common::response();
    let other_key = KeyId(common::key_id().0 ^ 1);
    assert_eq!(r.verify(common::serial(), other_key, &common::trusted()), Err(CodeError::BadSignature));
    let other_serial = SerialNumber::new(common::serial().value() + 1).unwrap();
    assert_eq!(r.verify(other_serial, common::key_id(), &common::trusted()), Err(CodeError::BadSignature));
}

#[test]
fn an_unknown_vendor_key_is_named() {
    let r = sign_response(&common::vendor_key(), 9, &common::grant(Entitlements::new())).unwrap();
    assert_eq!(
        r.verify(common::serial(), common::key_id(), &common::trusted()),
        Err(CodeError::UnknownSigningKey { key_id: 9 })
    );
    let other = SigningKey::from_bytes(&[9; 32]);
    let forged = sign_response(&other, 1, &common::grant(Entitlements::new())).unwrap();
    assert_eq!(forged.verify(common::serial(), common::key_id(), &common::trusted()), Err(CodeError::BadSignature));
}

#[test]
fn signing_is_deterministic() {
    assert_eq!(common::response().to_code(), common::response().to_code());
}

/// Flip every bit of the payload, re-write the check symbols so the text is
/// well formed, and the code must still be refused: by the parser (counters,
/// padding, lengths) or by the signature. Without re-checking, the group
/// check alone catches the flip.
#[test]
fn every_one_bit_flip_of_a_response_is_rejected() {
    for response in [common::response(), common::largest_response()] {
        let code = response.to_code();
        let bits = common::data_symbols(&code).len() * 5;
        for bit in 0..bits {
            let plain_flip = {
                let mut symbols = license_codes::text::normalize(&code).unwrap();
                symbols[bit / 5 + bit / 25] ^= 0b10000 >> (bit % 5);
                symbols.iter().map(|s| license_codes::text::ALPHABET[*s as usize] as char).collect::<String>()
            };
            assert!(ResponseCode::parse(&plain_flip).is_err(), "bit {bit} unchecked");

            let flipped = common::flip_bit(Kind::Response, &code, bit);
            let verdict = ResponseCode::parse(&flipped)
                .and_then(|r| r.verify(common::serial(), common::key_id(), &common::trusted()));
            assert!(verdict.is_err(), "bit {bit} of {bits} flipped and accepted");
        }
    }
}

/// A release proves it comes from the installation's own licence: every
/// 1-bit change of its proof, of its fields, or of the response it claims
/// to hold, is detected.
#[test]
fn a_release_proof_binds_the_held_response() {
    let held = common::response();
    let release = common::release();
    assert!(release.proves(&held));
    for bit in 0..56 {
        let mut forged = release;
        forged.proof ^= 1 << bit;
        assert!(!forged.proves(&held), "proof bit {bit}");
        let text = forged.to_code();
        assert_eq!(ReleaseCode::parse(&text).map(|r| r.proves(&held)), Ok(false), "proof bit {bit} after re-encoding");
    }
    let mut other_key = release;
    other_key.key_id = KeyId(release.key_id.0 ^ 1);
    assert!(!other_key.proves(&held), "another installation's key id");
    let mut other_counter = release;
    other_counter.counter += 1;
    assert!(!other_counter.proves(&held));
    let mut other_signature = held.clone();
    other_signature.signature[0] ^= 1;
    assert!(!release.proves(&other_signature), "a response other than the one held");
    // Knowing the serial, key id and counter without the response's signature is not enough.
    let guess = ReleaseCode { proof: 0, ..release };
    assert!(!guess.proves(&held));
}
