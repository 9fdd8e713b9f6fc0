//! The C boundary's own rules, called as C would: NULL arguments and text
//! that is not UTF-8 are refused with status 2 and never dereferenced; every
//! failure leaves its error JSON for `license_last_error_json`.

use std::ffi::{c_char, CStr, CString};
use std::ptr::{null, null_mut};

use license_ffi::*;

fn last_error(h: *mut LicenseHandle) -> serde_json::Value {
    let mut out: *mut c_char = null_mut();
    assert_eq!(unsafe { license_last_error_json(h, &mut out) }, LICENSE_OK);
    let text = unsafe { CStr::from_ptr(out) }.to_str().unwrap().to_string();
    unsafe { license_string_free(out) };
    serde_json::from_str(&text).unwrap()
}

fn open(dir: &tempfile::TempDir) -> *mut LicenseHandle {
    let file = CString::new(dir.path().join("license.json").to_str().unwrap()).unwrap();
    let trust = CString::new(r#"{"keys": [], "products": []}"#).unwrap();
    let machine = CString::new("machine-a").unwrap();
    let mut h = null_mut();
    assert_eq!(unsafe { license_open(file.as_ptr(), trust.as_ptr(), machine.as_ptr(), &mut h) }, LICENSE_OK);
    assert!(!h.is_null());
    h
}

#[test]
fn null_arguments_are_refused_not_dereferenced() {
    let trust = CString::new("{}").unwrap();
    let mut h = null_mut();
    assert_eq!(unsafe { license_open(null(), trust.as_ptr(), null(), &mut h) }, LICENSE_BAD_ARGUMENT);
    assert!(h.is_null());
    assert_eq!(last_error(null_mut())["error"], "bad_argument");
    assert_eq!(unsafe { license_open(trust.as_ptr(), trust.as_ptr(), null(), null_mut()) }, LICENSE_BAD_ARGUMENT);
    let mut out: *mut c_char = null_mut();
    assert_eq!(unsafe { license_status_json(null_mut(), &mut out) }, LICENSE_BAD_ARGUMENT);
    assert_eq!(unsafe { license_decode_json(null(), null(), &mut out) }, LICENSE_BAD_ARGUMENT);
    assert!(out.is_null());

    let dir = tempfile::tempdir().unwrap();
    let h = open(&dir);
    assert_eq!(unsafe { license_init(h, null(), null()) }, LICENSE_BAD_ARGUMENT);
    assert_eq!(last_error(h)["error"], "bad_argument");
    assert_eq!(unsafe { license_create_code(h, null_mut()) }, LICENSE_BAD_ARGUMENT);
    assert_eq!(unsafe { license_enter_code_image(h, null(), 10, 10, &mut out) }, LICENSE_BAD_ARGUMENT);
    // Text that is not UTF-8.
    let latin1 = [0xE9u8, 0];
    assert_eq!(unsafe { license_enter_code(h, latin1.as_ptr().cast(), &mut out) }, LICENSE_BAD_ARGUMENT);
    unsafe {
        license_close(h);
        license_close(null_mut());
        license_string_free(null_mut());
    }
}

#[test]
fn failures_have_the_commands_status_and_an_explanation() {
    let dir = tempfile::tempdir().unwrap();
    let h = open(&dir);
    let mut out: *mut c_char = null_mut();
    // No licence file yet: the command's exit 12.
    assert_eq!(unsafe { license_status_json(h, &mut out) }, 12);
    let error = last_error(h);
    assert_eq!(error["error"], "no_license");
    assert!(error["next_step"].as_str().unwrap().len() > 10, "{error}");
    // A picture without a QR code: exit 20.
    let blank = vec![255u8; 64 * 64 * 4];
    assert_eq!(unsafe { license_enter_code_image(h, blank.as_ptr(), 64, 64, &mut out) }, 20);
    assert_eq!(last_error(h)["error"], "no_qr_code");
    // A damaged code, decoded without a handle: exit 3, its group named.
    let damaged = CString::new("S0400R-F3XY09-00000D-89TRG1-Q8MCPJ").unwrap();
    assert_eq!(unsafe { license_decode_json(damaged.as_ptr(), null(), &mut out) }, 3);
    assert!(last_error(null_mut())["error"].is_string());
    assert!(out.is_null());
    unsafe { license_close(h) };
}

#[test]
fn explanations_come_in_the_language_asked_for() {
    let set = |h: *mut LicenseHandle, language: &str| {
        let language = CString::new(language).unwrap();
        unsafe { license_set_language(h, language.as_ptr()) }
    };
    // For calls without a handle on this thread (tests run on their own threads).
    assert_eq!(set(null_mut(), "fr"), LICENSE_OK);
    let damaged = CString::new("S0400R-F3XY09-00000D-89TRG1-Q8MCPJ").unwrap();
    let mut out: *mut c_char = null_mut();
    assert_eq!(unsafe { license_decode_json(damaged.as_ptr(), null(), &mut out) }, 3);
    let error = last_error(null_mut());
    assert!(error["message"].as_str().unwrap().starts_with("il manque un groupe à la position 5"), "{error}");
    // A handle opened now takes the thread's language; it can have its own.
    let dir = tempfile::tempdir().unwrap();
    let h = open(&dir);
    assert_eq!(unsafe { license_status_json(h, &mut out) }, 12);
    assert!(last_error(h)["message"].as_str().unwrap().starts_with("aucun fichier de licence"), "{}", last_error(h));
    assert_eq!(set(h, "de_DE.UTF-8"), LICENSE_OK);
    assert_eq!(unsafe { license_status_json(h, &mut out) }, 12);
    let error = last_error(h);
    assert_eq!(error["error"], "no_license", "the name never changes");
    assert!(error["message"].as_str().unwrap().starts_with("keine Lizenzdatei"), "{error}");
    // A language the library lacks is refused, and nothing changes.
    assert_eq!(set(h, "es"), LICENSE_BAD_ARGUMENT);
    assert_eq!(last_error(h)["error"], "bad_argument");
    assert_eq!(unsafe { license_status_json(h, &mut out) }, 12);
    assert!(last_error(h)["message"].as_str().unwrap().starts_with("keine Lizenzdatei"));
    assert_eq!(unsafe { license_set_language(h, null()) }, LICENSE_BAD_ARGUMENT);
    // The C locale is English.
    for c in ["C", "POSIX", "C.UTF-8"] {
        assert_eq!(set(h, c), LICENSE_OK, "{c}");
        assert_eq!(unsafe { license_status_json(h, &mut out) }, 12);
        assert!(last_error(h)["message"].as_str().unwrap().starts_with("no licence file"), "{c}: {}", last_error(h));
        assert_eq!(set(h, "fr"), LICENSE_OK);
    }
    unsafe { license_close(h) };
}

/// After any failure, a NULL handle included, the out-parameter holds NULL
/// (license.h): a caller that frees it unconditionally frees nothing, and
/// one that reads it never reads a stale pointer.
#[test]
fn after_a_failure_the_out_parameter_is_null() {
    let dir = tempfile::tempdir().unwrap();
    let h = open(&dir);
    // Not a pointer the library made: a failure must overwrite it.
    let stale = || std::ptr::dangling_mut::<c_char>();
    let garbage = CString::new("???").unwrap();
    let nowhere = CString::new("http://127.0.0.1:9").unwrap();
    type Giving = unsafe extern "C" fn(*mut LicenseHandle, *mut *mut c_char) -> i32;
    let calls: [(&str, Giving); 4] = [
        ("status_json", license_status_json),
        ("create_code", license_create_code),
        ("release", license_release),
        ("seats_json", license_seats_json),
    ];
    for (name, call) in calls {
        let mut out = stale();
        assert_eq!(unsafe { call(h, &mut out) }, 12, "{name} without a licence file");
        assert!(out.is_null(), "{name} left its out-parameter as it was");
        let mut out = stale();
        assert_eq!(unsafe { call(null_mut(), &mut out) }, LICENSE_BAD_ARGUMENT, "{name} on a NULL handle");
        assert!(out.is_null(), "{name} on a NULL handle left its out-parameter as it was");
    }
    let mut out = stale();
    assert_eq!(unsafe { license_enter_code(h, garbage.as_ptr(), &mut out) }, 12);
    assert!(out.is_null());
    let mut out = stale();
    assert_eq!(unsafe { license_get_it_now(h, nowhere.as_ptr(), &mut out) }, 12);
    assert!(out.is_null());
    let mut out = stale();
    assert_eq!(unsafe { license_decode_json(garbage.as_ptr(), null(), &mut out) }, 3);
    assert!(out.is_null());
    let mut handle = stale().cast::<LicenseHandle>();
    let broken = CString::new("{not json").unwrap();
    assert_eq!(unsafe { license_open(garbage.as_ptr(), broken.as_ptr(), null(), &mut handle) }, 15);
    assert!(handle.is_null());
    // The seat calls refuse NULL text like the others.
    let clients = CString::new("clients").unwrap();
    assert_eq!(unsafe { license_seat_claim(h, clients.as_ptr(), null()) }, LICENSE_BAD_ARGUMENT);
    assert_eq!(unsafe { license_seat_claim_leased(h, null(), clients.as_ptr(), 5) }, LICENSE_BAD_ARGUMENT);
    assert_eq!(unsafe { license_seat_release(null_mut(), clients.as_ptr(), clients.as_ptr()) }, LICENSE_BAD_ARGUMENT);
    let error = last_error(h);
    assert_eq!(error["error"], "bad_argument");
    assert_eq!(error["server"], serde_json::Value::Null);
    unsafe { license_close(h) };
}

/// The error JSON speaks to the embedding program's user: no `license`
/// command, no flag, where the command's words would name one.
#[test]
fn the_error_words_name_no_command() {
    let dir = tempfile::tempdir().unwrap();
    let h = open(&dir);
    let mut out = null_mut();
    assert_eq!(unsafe { license_status_json(h, &mut out) }, 12);
    let error = last_error(h);
    assert_eq!(error["error"], "no_license");
    let next = error["next_step"].as_str().unwrap();
    assert!(next.starts_with("Register the program") && !next.contains("license ") && !next.contains("--"), "{next}");
    unsafe { license_close(h) };
}
