//! The wire format: every type survives a round trip through JSON, and every
//! example in docs/server.md parses into its type and back unchanged (so the
//! documentation cannot show a field the types do not have).

use license_api::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

fn round_trip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(value: T) {
    let text = serde_json::to_string(&value).unwrap();
    let back: T = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
    assert_eq!(back, value, "{text}");
}

fn values() -> EntitlementValues {
    EntitlementValues(vec![
        ("remote_users".into(), EntitlementValue::Count(3)),
        ("historian".into(), EntitlementValue::Flag(true)),
        ("subscription_end".into(), EntitlementValue::Date("2027-06-30".into())),
        ("support_end".into(), EntitlementValue::None),
    ])
}

fn change() -> EntitlementChange {
    EntitlementChange { name: "remote_users".into(), from: "1".into(), to: "3".into() }
}

#[test]
fn every_type_round_trips() {
    round_trip(ActivationRequest { request_code: "H003HY".into(), channel: Some(ClientChannel::Online) });
    round_trip(ActivationRequest { request_code: "H003HY".into(), channel: None });
    round_trip(Activation {
        response_code: "S0400R".into(),
        changes: vec![change()],
        issued_at: "2026-11-23T09:12:44Z".into(),
        already_issued: true,
        serial: "9BV3H1-W001XW".into(),
        product: ProductRef { id: 7, name: "SpecView".into() },
        from_counter: 1,
        to_counter: 2,
        signing_key_id: 1,
        mailed_to: Some("t***@example.com".into()),
    });
    round_trip(MailQueued { to: "technical.contact@example.com".into() });
    round_trip(OutboxStatus {
        sent: 3,
        waiting: vec![OutboxEntry {
            id: 4,
            message_id: "<4@vendor.example>".into(),
            to: "technical.contact@example.com".into(),
            reason: "issued".into(),
            attempts: 2,
            next_attempt_unix: 1_795_456_927,
            created_unix: 1_795_456_900,
            last_error: Some("connection refused".into()),
        }],
        failed: Vec::new(),
        dropped: vec![license_api::DroppedMail {
            sender: "someone@elsewhere.example".into(),
            reason: "an automatic message (Precedence) from someone@elsewhere.example".into(),
            at_unix: 1_795_456_901,
        }],
    });
    for code in ProblemCode::ALL {
        let mut p = Problem::new(*code).explained(license_messages::Lang::En);
        p.group = Some(4);
        p.found_kind = Some(license_codes::Kind::Response);
        p.released = Some(false);
        round_trip(p);
    }
    round_trip(ReleaseRequest { release_code: "1003RV".into() });
    round_trip(ReleaseAnswer {
        product: ProductRef { id: 7, name: "SpecView".into() },
        serial: "9BV3H1-W001XW".into(),
        key_id: "0123456789ABCDEF".into(),
        installations_used: 0,
        installations_allowed: 1,
        released_at: "2026-11-24T09:00:00Z".into(),
        already_released: false,
    });
    round_trip(Keys { keys: vec![PublicKeyEntry { id: 1, public_key: "ab".repeat(32) }], active: 1 });
    round_trip(Products {
        products: vec![Product {
            id: 7,
            name: "SpecView".into(),
            entitlements: vec![EntitlementDef { name: "remote_users".into(), kind: EntitlementKind::Count }],
        }],
    });
    round_trip(TrustFile { keys: vec![], products: vec![] });
    round_trip(NewLicense {
        product: "SpecView".into(),
        contact_email: "it@example.com".into(),
        max_installations: 2,
        entitlements: values(),
        serial: Some("9BV3H1-W001XW".into()),
        transfer_limit: Some(2),
        language: Some("fr".into()),
        notify: Some(false),
        registration: Some(true),
        reseller: Some("sales@reseller.example".into()),
    });
    round_trip(LicenseChange { language: Some("de".into()), ..LicenseChange::default() });
    round_trip(LicenseChange { contact_email: Some("it@customer.example".into()), ..LicenseChange::default() });
    round_trip(LicenseChange { new_registration_code: Some(true), ..LicenseChange::default() });
    round_trip(LicenseChange { reseller: Some(String::new()), ..LicenseChange::default() });
    round_trip(LicenseCreated {
        serial: "9BV3H1-W001XW".into(),
        product: "SpecView".into(),
        contact_email: "it@example.com".into(),
        language: "en".into(),
        max_installations: 2,
        counter: 1,
        entitlements: values(),
        registration_code: Some("7K2M9-QX4TD-B8RZP-1NWCE".into()),
    });
    round_trip(QueueUpgrade { set: values(), note: "PO 4711".into() });
    round_trip(UpgradeQueued {
        serial: "9BV3H1-W001XW".into(),
        counter: 2,
        note: "PO 4711".into(),
        changes: vec![change()],
        entitlements: values(),
    });
    round_trip(Released { serial: "9BV3H1-W001XW".into(), key_id: "0123456789ABCDEF".into(), released: true });
    round_trip(NewToken { name: "helpdesk".into(), role: Role::Support });
    round_trip(TokenCreated { token: "lsk_1_x".into(), name: "helpdesk".into(), role: Role::Admin });
    round_trip(LicenseView {
        serial: "9BV3H1-W001XW".into(),
        product: ProductRef { id: 7, name: "SpecView".into() },
        contact_email: "it@example.com".into(),
        reseller: Some("sales@reseller.example".into()),
        registration_code: None,
        language: "de".into(),
        created_at: "2026-11-20T10:00:00Z".into(),
        max_installations: 2,
        bound_installations: 1,
        latest_counter: 2,
        entitlements: values(),
        states: vec![StateView {
            counter: 1,
            note: "purchase".into(),
            created_by: "cli:vendor".into(),
            created_at: "2026-11-20T10:00:00Z".into(),
            changes: vec![change()],
            entitlements: values(),
            digest: "776070D6".into(),
        }],
        installations: vec![InstallationView {
            key_id: "0123456789ABCDEF".into(),
            bound_at: "2026-11-20T11:00:00Z".into(),
            released_at: Some("2026-11-21T11:00:00Z".into()),
            last_issued_counter: Some(2),
            waiting: false,
            released_by: Some("customer".into()),
            release_code: Some("1003RV".into()),
        }],
        issuances: vec![IssuanceView {
            id: 1,
            key_id: "0123456789ABCDEF".into(),
            from_counter: 0,
            to_counter: 2,
            issued_at: "2026-11-23T09:12:44Z".into(),
            signing_key_id: 1,
            request_code: "H003HY".into(),
            response_code: "S0400R".into(),
            channel: Channel::Console,
            actor: "support@vendor.example".into(),
        }],
        audit: vec![AuditEntry {
            at: "2026-11-23T09:12:44Z".into(),
            actor: "admin:sales".into(),
            action: "upgrade.queue".into(),
            detail: json!({"counter": 2}),
        }],
    });
}

#[test]
fn entitlement_values_keep_the_product_order_and_their_kinds() {
    let text = serde_json::to_string(&values()).unwrap();
    assert_eq!(text, r#"{"remote_users":3,"historian":true,"subscription_end":"2027-06-30","support_end":null}"#);
    assert_eq!(
        values().assignments(),
        ["remote_users=3", "historian=yes", "subscription_end=2027-06-30", "support_end=none"]
    );
}

#[test]
fn a_problem_code_this_client_does_not_know_reads_as_unknown() {
    let p: Problem = serde_json::from_value(json!({"type": "urn:x", "title": "t", "status": 418, "detail": "d",
        "code": "teapot", "next_step": "n"}))
    .unwrap();
    assert_eq!(p.code, ProblemCode::Unknown);
    let words = p.explain(license_messages::Lang::En, license_messages::Audience::Customer);
    assert_eq!((words.meaning.as_str(), words.next_step.as_str()), ("d", "n"));
}

/// Parses `example` as `T` and checks that nothing was lost or added.
fn example_holds<T: Serialize + DeserializeOwned>(name: &str, example: &str) {
    let value: Value = serde_json::from_str(example).unwrap_or_else(|e| panic!("{name}: not JSON: {e}"));
    let typed: T = serde_json::from_value(value.clone()).unwrap_or_else(|e| panic!("{name}: {e}\n{example}"));
    assert_eq!(serde_json::to_value(&typed).unwrap(), value, "{name}: the example has fields the type drops");
}

#[test]
fn the_json_examples_in_docs_server_md_parse_into_their_types() {
    let doc = include_str!("../../../docs/server.md");
    let mut checked = 0;
    for (i, part) in doc.split("<!-- license-api: ").enumerate().skip(1) {
        let (name, rest) = part.split_once(" -->").unwrap_or_else(|| panic!("marker {i} is not closed"));
        let block = rest.trim_start().strip_prefix("```json\n").unwrap_or_else(|| panic!("{name}: no json block"));
        let example = &block[..block.find("```").unwrap()];
        match name {
            "ActivationRequest" => example_holds::<ActivationRequest>(name, example),
            "Activation" => example_holds::<Activation>(name, example),
            "Problem" => example_holds::<Problem>(name, example),
            "NewLicense" => example_holds::<NewLicense>(name, example),
            "QueueUpgrade" => example_holds::<QueueUpgrade>(name, example),
            "LicenseView" => example_holds::<LicenseView>(name, example),
            other => panic!("docs/server.md names a type this test does not know: {other}"),
        }
        checked += 1;
    }
    assert!(checked >= 6, "only {checked} examples found");
}

/// Problem codes are mapped to their messages by name (`problem-<code>`):
/// every code must have its own, so none is explained with the server's
/// bare words or another problem's.
#[test]
fn every_problem_code_has_its_own_message() {
    for code in ProblemCode::ALL {
        let p = Problem::new(*code).explained(license_messages::Lang::En);
        assert_ne!(p.title, code.to_string(), "no catalogue message problem-{code}");
        assert!(!p.next_step.is_empty(), "problem-{code} has no next step");
    }
}
