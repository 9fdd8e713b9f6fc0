//! Seats through the C interface, from many threads at once: each thread
//! with its own handle on one licence file, as license.h asks. The count is
//! never exceeded, and a response that raises it frees room at once.

use std::ffi::{c_char, CStr, CString};
use std::ptr::null_mut;

use license_codes::{sign_response, Entitlements, Grant, PublicKeyEntry, RequestCode, SigningKey, TrustFile};
use license_ffi::*;

fn vendor_key() -> SigningKey {
    SigningKey::from_bytes(&[7; 32])
}

fn trust_json() -> CString {
    let product = serde_json::from_str(
        r#"{"id": 7, "name": "SpecView", "entitlements": [{"name": "remote_users"}, {"name": "clients"}]}"#,
    )
    .unwrap();
    let trust =
        TrustFile { keys: vec![PublicKeyEntry::new(1, &vendor_key().verifying_key())], products: vec![product] };
    CString::new(serde_json::to_string(&trust).unwrap()).unwrap()
}

/// A handle of the ABI, sent to another thread (used by that thread alone).
struct Handle(*mut LicenseHandle);
unsafe impl Send for Handle {}

fn open(path: &CStr, trust: &CStr) -> Handle {
    let machine = CString::new("primary-server").unwrap();
    let mut h = null_mut();
    assert_eq!(unsafe { license_open(path.as_ptr(), trust.as_ptr(), machine.as_ptr(), &mut h) }, LICENSE_OK);
    Handle(h)
}

fn taken(out: *mut c_char) -> String {
    let text = unsafe { CStr::from_ptr(out) }.to_str().unwrap().to_string();
    unsafe { license_string_free(out) };
    text
}

/// Answers this installation's request code with `clients` seats, as the vendor's server would.
fn upgrade(h: &Handle, clients: u32) {
    let mut out = null_mut();
    assert_eq!(unsafe { license_create_code(h.0, &mut out) }, LICENSE_OK);
    let request = RequestCode::parse(&taken(out)).unwrap();
    let mut entitlements = Entitlements::new();
    entitlements.set(0, 1).unwrap();
    entitlements.set(1, clients).unwrap();
    let grant = Grant {
        product: request.product,
        serial: request.serial,
        key_id: request.key_id,
        from_counter: request.counter,
        to_counter: request.counter + 1,
        issued: request.created,
        entitlements,
    };
    let response = CString::new(sign_response(&vendor_key(), 1, &grant).unwrap().to_code()).unwrap();
    assert_eq!(unsafe { license_enter_code(h.0, response.as_ptr(), &mut out) }, LICENSE_OK);
    unsafe { license_string_free(out) };
}

fn claim_from_threads(path: &CStr, trust: &CStr, holders: std::ops::Range<u32>) -> Vec<i32> {
    let threads: Vec<_> = holders
        .map(|i| {
            let h = open(path, trust);
            std::thread::spawn(move || {
                let h = h;
                let clients = CString::new("clients").unwrap();
                let holder = CString::new(format!("client-{i:02}")).unwrap();
                let status = unsafe { license_seat_claim(h.0, clients.as_ptr(), holder.as_ptr()) };
                unsafe { license_close(h.0) };
                status
            })
        })
        .collect();
    threads.into_iter().map(|t| t.join().unwrap()).collect()
}

fn seats_used(h: &Handle) -> (u64, u64) {
    let mut out = null_mut();
    assert_eq!(unsafe { license_seats_json(h.0, &mut out) }, LICENSE_OK);
    let seats: serde_json::Value = serde_json::from_str(&taken(out)).unwrap();
    let clients = &seats["seats"][1];
    assert_eq!(clients["entitlement"], "clients");
    (clients["used"].as_u64().unwrap(), clients["count"].as_u64().unwrap())
}

#[test]
fn claims_from_many_threads_never_exceed_the_count_and_a_raise_frees_room_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = CString::new(dir.path().join("license.json").to_str().unwrap()).unwrap();
    let trust = trust_json();
    let h = open(&path, &trust);
    let serial = CString::new("928T5F-CY4TCH").unwrap();
    let product = CString::new("SpecView").unwrap();
    assert_eq!(unsafe { license_init(h.0, serial.as_ptr(), product.as_ptr()) }, LICENSE_OK);
    upgrade(&h, 3);

    let statuses = claim_from_threads(&path, &trust, 0..10);
    assert_eq!(statuses.iter().filter(|s| **s == LICENSE_OK).count(), 3, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == LICENSE_NO_SEAT_LEFT).count(), 7, "{statuses:?}");
    assert_eq!(seats_used(&h), (3, 3));

    // The no_seat_left explanation names the count and the way to more.
    let clients = CString::new("clients").unwrap();
    let late = CString::new("late").unwrap();
    assert_eq!(unsafe { license_seat_claim(h.0, clients.as_ptr(), late.as_ptr()) }, LICENSE_NO_SEAT_LEFT);
    let mut out = null_mut();
    assert_eq!(unsafe { license_last_error_json(h.0, &mut out) }, LICENSE_OK);
    let error: serde_json::Value = serde_json::from_str(&taken(out)).unwrap();
    assert_eq!(error["error"], "no_seat_left");
    assert_eq!(error["detail"], serde_json::json!({"entitlement": "clients", "count": 3, "used": 3}));
    assert!(error["next_step"].as_str().unwrap().contains("Create Code"), "{error}");

    // Five more bought: room at once, for exactly five more, on the handles already open.
    upgrade(&h, 8);
    let statuses = claim_from_threads(&path, &trust, 10..20);
    assert_eq!(statuses.iter().filter(|s| **s == LICENSE_OK).count(), 5, "{statuses:?}");
    assert_eq!(seats_used(&h), (8, 8));
    unsafe { license_close(h.0) };
}
