//! The `license-server` subcommands: products, licences, upgrades, tokens,
//! key rotation and keys given from outside.

use crate::common::*;
use crate::for_each_backend;
use license_codes::{ResponseCode, TrustFile};
use serde_json::Value;

for_each_backend!(
    staff_subcommands,
    subcommands_manage_licences,
    keygen_rotates_and_old_keys_stay_published,
    a_key_given_from_outside_signs
);

/// Serves, runs `f` with the URL, then stops the server.
fn serving<T>(cli: &ServerProcess, env: &[(&str, &str)], f: impl FnOnce(&str) -> T) -> T {
    let (mut child, url) = cli.start(env);
    let result = f(&url);
    child.kill().unwrap();
    child.wait().unwrap();
    result
}

fn subcommands_manage_licences(backend: Backend) {
    let cli = ServerProcess::new(&backend);
    let serial = cli.setup_specview("3");
    let products: Value = serde_json::from_str(&cli.ok(&["product", "list"])).unwrap();
    assert_eq!(products[0]["entitlements"][1]["kind"], "flag");
    assert!(cli.fails(&["product", "add", "--id", "7", "--name", "Other"]).contains("already exists"));
    assert!(cli
        .fails(&["product", "add", "--id", "8", "--name", "X", "--entitlement", "a:weird"])
        .contains("count, flag or date"));
    assert!(cli.fails(&["license", "create", "--product", "Nope", "--email", "a@b"]).contains("not found"));

    let queued: Value = serde_json::from_str(&cli.ok(&[
        "upgrade",
        "queue",
        "--serial",
        &serial.to_code(),
        "--note",
        "PO 4711",
        "historian=yes",
    ]))
    .unwrap();
    assert_eq!(queued["counter"], 2);
    assert_eq!(queued["changes"][0]["to"], "yes");
    assert!(cli
        .fails(&["upgrade", "queue", "--serial", &serial.to_code(), "historian=yes"])
        .contains("changes nothing"));
    assert!(cli
        .fails(&["upgrade", "queue", "--serial", &serial.to_code(), "seats=4"])
        .contains("no entitlement named"));

    let shown: Value = serde_json::from_str(&cli.ok(&["license", "show", "--serial", &serial.to_code()])).unwrap();
    assert_eq!(shown["latest_counter"], 2);
    assert_eq!(shown["entitlements"]["historian"], true);
    assert_eq!(shown["states"][1]["note"], "PO 4711");
    let actions: Vec<&str> = shown["audit"].as_array().unwrap().iter().map(|a| a["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["license.create", "upgrade.queue"]);

    let token = cli.ok(&["token", "create", "--role", "admin", "--name", "ops"]);
    assert!(token.starts_with("lsk_"));
    let trust: TrustFile = serde_json::from_str(&cli.ok(&["trust-file"])).unwrap();
    assert_eq!(trust.products[0].name, "SpecView");
    assert_eq!(cli.ok(&["check"]), "ok");
}

fn keygen_rotates_and_old_keys_stay_published(backend: Backend) {
    let cli = ServerProcess::new(&backend);
    let serial = cli.setup_specview("3");
    let first = serving(&cli, &[], |url| request(url, "GET", "/api/v1/keys", None, None).1);
    assert_eq!(first["active"], 1);
    assert!(cli.ok(&["keygen"]).contains("signing key 2"));
    serving(&cli, &[], |url| {
        let (_, keys) = request(url, "GET", "/api/v1/keys", None, None);
        assert_eq!(keys["active"], 2);
        let ids: Vec<u64> = keys["keys"].as_array().unwrap().iter().map(|k| k["id"].as_u64().unwrap()).collect();
        assert_eq!(ids, [1, 2], "the retired key stays published so older responses still verify");
        assert_eq!(keys["keys"][0], first["keys"][0]);
        let (status, answer) = request(
            url,
            "POST",
            "/api/v1/activations",
            None,
            Some(&serde_json::json!({
                "request_code": request_code(7, serial, random_key_id(), 0, empty_digest())})),
        );
        assert_eq!(status, 200, "{answer}");
        assert_eq!(answer["signing_key_id"], 2);
        let response = ResponseCode::parse(answer["response_code"].as_str().unwrap()).unwrap();
        assert_eq!(response.signing_key_id, 2);
    });
}

fn a_key_given_from_outside_signs(backend: Backend) {
    let cli = ServerProcess::new(&backend);
    cli.setup_specview("3");
    let hex = "11".repeat(32);
    let keys = serving(&cli, &[("LICENSE_SERVER_SIGNING_KEY", &hex), ("LICENSE_SERVER_SIGNING_KEY_ID", "9")], |url| {
        request(url, "GET", "/api/v1/keys", None, None).1
    });
    assert_eq!(keys["active"], 9);
    let expected =
        license_codes::PublicKeyEntry::new(9, &license_codes::signing_key_from_hex(&hex).unwrap().verifying_key());
    assert!(keys["keys"].as_array().unwrap().contains(&serde_json::to_value(&expected).unwrap()));
    let bad = cli.command().env("LICENSE_SERVER_SIGNING_KEY", "xyz").args(["trust-file"]).output().unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not 64 hex digits"));
}

fn staff_subcommands(backend: Backend) {
    let cli = ServerProcess::new(&backend);
    let link = cli.ok(&[
        "--public-url",
        "https://licensing.example.com/",
        "staff",
        "add",
        "--email",
        "Help@Vendor.example",
        "--role",
        "support",
    ]);
    let token = link.strip_prefix("https://licensing.example.com/console/#setup=").unwrap_or_else(|| panic!("{link}"));
    assert_eq!(token.len(), 64, "{link}");
    let add_with_password = |password: &str| {
        use std::io::Write;
        let mut child = cli
            .command()
            .args(["staff", "add", "--email", "admin@vendor.example", "--role", "admin", "--password-stdin"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(format!("{password}\n").as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    };
    let short = add_with_password("short");
    assert!(!short.status.success() && String::from_utf8_lossy(&short.stderr).contains("10 to 256 characters"));
    assert!(add_with_password("correct horse battery").status.success());
    assert!(cli
        .fails(&["staff", "add", "--email", "help@vendor.example", "--role", "admin"])
        .contains("already exists"));
    let list: Value = serde_json::from_str(&cli.ok(&["staff", "list"])).unwrap();
    let staff: Vec<(&str, &str, bool)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["email"].as_str().unwrap(), s["role"].as_str().unwrap(), s["password_set"].as_bool().unwrap()))
        .collect();
    assert_eq!(staff, [("admin@vendor.example", "admin", true), ("help@vendor.example", "support", false)]);
    let disabled: Value =
        serde_json::from_str(&cli.ok(&["staff", "disable", "--email", "help@vendor.example"])).unwrap();
    assert!(disabled["disabled_at"].is_string());
    assert!(cli.fails(&["staff", "disable", "--email", "help@vendor.example"]).contains("not found"));

    // A reseller: its products named, existing; its licences its own.
    cli.ok(&["product", "add", "--id", "7", "--name", "SpecView", "--entitlement", "remote_users:count"]);
    let needs = cli.fails(&["staff", "add", "--email", "r@reseller.example", "--role", "reseller"]);
    assert!(needs.contains("--products"), "{needs}");
    let unknown =
        cli.fails(&["staff", "add", "--email", "r@reseller.example", "--role", "reseller", "--products", "Nope"]);
    assert!(unknown.contains("no product 'Nope'"), "{unknown}");
    let reseller = ["staff", "add", "--email", "R@Reseller.example", "--role", "reseller", "--products", "SpecView"];
    assert!(cli.ok(&reseller).contains("#setup="));
    let list: Value = serde_json::from_str(&cli.ok(&["staff", "list"])).unwrap();
    let added = list.as_array().unwrap().iter().find(|s| s["email"] == "r@reseller.example").unwrap().clone();
    assert_eq!((added["role"].as_str(), &added["products"]), (Some("reseller"), &serde_json::json!(["SpecView"])));
    let created: Value = serde_json::from_str(&cli.ok(&[
        "license",
        "create",
        "--product",
        "SpecView",
        "--email",
        "it@customer.example",
        "--reseller",
        "r@reseller.example",
        "remote_users=1",
    ]))
    .unwrap();
    let serial = created["serial"].as_str().unwrap();
    let shown: Value = serde_json::from_str(&cli.ok(&["license", "show", "--serial", serial])).unwrap();
    assert_eq!(shown["reseller"], "r@reseller.example");
    let moved: Value =
        serde_json::from_str(&cli.ok(&["license", "update", "--serial", serial, "--reseller", ""])).unwrap();
    assert!(moved["reseller"].is_null(), "{moved}");
    assert!(cli.fails(&["token", "create", "--role", "reseller", "--name", "x"]).contains("invalid value"));
}
