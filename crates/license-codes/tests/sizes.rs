//! The sizes docs/codes.md states, checked against real codes.

mod common;

use license_codes::*;

fn symbols(code: &str) -> usize {
    code.chars().filter(|c| *c != '-').count()
}

#[test]
fn sizes_match_the_spec() {
    assert_eq!(symbols(&common::serial().to_code()), 12);
    assert_eq!(symbols(&common::request().to_code()), 48);
    let empty = sign_response(&common::vendor_key(), 1, &common::grant(Entitlements::new())).unwrap();
    assert_eq!(symbols(&empty.to_code()), 150);
    assert_eq!(symbols(&common::response().to_code()), 156);
    assert_eq!(symbols(&common::largest_response().to_code()), 168);
    println!("serial   {}", common::serial());
    println!("request  {}", common::request());
    println!("response {}", common::response());
}

#[test]
fn codes_stay_in_qr_alphanumeric_mode() {
    for code in [common::serial().to_code(), common::request().to_code(), common::largest_response().to_code()] {
        assert!(code.chars().all(|c| c.is_ascii_digit() || c.is_ascii_uppercase() || c == '-'), "{code}");
    }
}

#[test]
fn entitlements_that_do_not_fit_are_refused() {
    let e = common::entitlements(&[
        "remote_users=4000000000",
        "clients=4000000000",
        "historian=yes",
        "subscription_end=2030-01-01",
    ]);
    assert!(matches!(
        sign_response(&common::vendor_key(), 1, &common::grant(e)),
        Err(GrantError::TooManyEntitlements { .. })
    ));
}
