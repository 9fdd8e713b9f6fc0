//! Property tests: round trips for every field value, and no input panics.

mod common;

use license_codes::*;
use proptest::prelude::*;

fn any_entitlements() -> impl Strategy<Value = Entitlements> {
    proptest::collection::btree_map(0u8..16, 1u32..=u32::MAX, 0..6).prop_map(|m| {
        let mut e = Entitlements::new();
        for (slot, value) in m {
            e.set(slot, value).unwrap();
        }
        e
    })
}

proptest! {
    #[test]
    fn serial_round_trips(value in 0u64..(1 << 40)) {
        let serial = SerialNumber::new(value).unwrap();
        prop_assert_eq!(SerialNumber::parse(&serial.to_code()), Ok(serial));
        prop_assert_eq!(decode(&serial.to_code().lowercase_with_spaces()), Ok(AnyCode::Serial(serial)));
    }

    #[test]
    fn request_round_trips(product: u16, serial in 0u64..(1 << 40), key_id: u64, counter: u16, digest: u32, day: u16) {
        let request = RequestCode {
            product,
            serial: SerialNumber::new(serial).unwrap(),
            key_id: KeyId(key_id),
            counter,
            entitlement_digest: digest,
            created: Day(day),
        };
        prop_assert_eq!(RequestCode::parse(&request.to_code()), Ok(request));
        prop_assert_eq!(decode(&request.to_code()), Ok(AnyCode::Request(request)));
    }

    #[test]
    fn release_round_trips(product: u16, serial in 0u64..(1 << 40), key_id: u64, counter in 1u16.., day: u16, proof in 0u64..(1 << 56)) {
        let release = ReleaseCode {
            product,
            serial: SerialNumber::new(serial).unwrap(),
            key_id: KeyId(key_id),
            counter,
            created: Day(day),
            proof,
        };
        prop_assert_eq!(ReleaseCode::parse(&release.to_code()), Ok(release));
        prop_assert_eq!(decode(&release.to_code()), Ok(AnyCode::Release(release)));
        prop_assert_eq!(release.to_code().replace('-', "").len(), 54);
    }

    #[test]
    fn response_round_trips(
        product: u16, key_id: u64, from in 0u16..u16::MAX, step in 1u16..100, day: u16, signer: u8,
        entitlements in any_entitlements(),
    ) {
        let grant = Grant {
            product,
            serial: common::serial(),
            key_id: KeyId(key_id),
            from_counter: from,
            to_counter: from.saturating_add(step).max(from + 1),
            issued: Day(day),
            entitlements,
        };
        match sign_response(&common::vendor_key(), signer, &grant) {
            Ok(response) => {
                let code = response.to_code();
                prop_assert!(code.chars().filter(|c| *c != '-').count() <= 170);
                let parsed = ResponseCode::parse(&code).unwrap();
                prop_assert_eq!(&parsed, &response);
                prop_assert_eq!(parsed.entitlements, grant.entitlements);
                let mut keys = TrustedKeys::new();
                keys.insert(signer, common::vendor_key().verifying_key());
                prop_assert_eq!(response.verify(grant.serial, grant.key_id, &keys), Ok(()));
            }
            Err(GrantError::TooManyEntitlements { bits, max }) => prop_assert!(bits > max),
            Err(other) => prop_assert!(false, "{other}"),
        }
    }

    #[test]
    fn arbitrary_text_never_panics(input in ".{0,300}") {
        let _ = decode(&input);
        let _ = RequestCode::parse(&input);
        let _ = ResponseCode::parse(&input);
        let _ = SerialNumber::parse(&input);
        let _ = text::inspect_groups(&input, Kind::Request);
    }

    #[test]
    fn arbitrary_symbols_never_panic(input in "[0-9A-Z -]{0,220}") {
        let _ = decode(&input);
        let _ = ResponseCode::parse(&input);
    }

    /// Well-formed groups (valid check symbols) around arbitrary data: the
    /// payload readers see everything a decoder can be given.
    #[test]
    fn arbitrary_checked_payloads_never_panic(data in proptest::collection::vec(0u8..32, 1..29usize)
        .prop_flat_map(|v| { let n = v.len() * 5; proptest::collection::vec(0u8..32, n..=n) }), kind in 0..3u8) {
        let kind = [Kind::Serial, Kind::Request, Kind::Response][kind as usize];
        let code = common::regroup(kind, &data);
        if let Ok(AnyCode::Response(r)) = decode(&code) {
            let _ = r.verify(common::serial(), common::key_id(), &common::trusted());
        }
    }
}

trait Messy {
    fn lowercase_with_spaces(&self) -> String;
}

impl Messy for String {
    fn lowercase_with_spaces(&self) -> String {
        format!("> {}\n", self.to_lowercase().replace('-', " \n> "))
    }
}
