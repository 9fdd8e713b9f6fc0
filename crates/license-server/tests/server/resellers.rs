//! Resellers (issue 24 §3): a reseller creates licences of its products and
//! sees and changes its own only; another reseller's licence, serial,
//! request code, response code, installation or issuance is answered as if
//! it did not exist, on every route of the OpenAPI document. In process, on
//! SQLite and PostgreSQL, signed in to the console as the resellers are.

use license_api::Role;
use serde_json::{json, Value};

use crate::common::*;
use crate::for_each_backend;

for_each_backend!(
    a_reseller_sells_its_products_and_sees_only_its_own_licences,
    another_resellers_licence_does_not_exist_on_any_route,
    asked_at_once_each_asker_sees_what_is_its_own,
);

const ALPHA: &str = "alpha@reseller.example";
const BETA: &str = "beta@reseller.example";
/// Beta's customer: an address nothing alpha is answered may hold.
const BETA_CUSTOMER: &str = "secret.contact@beta-customer.example";

/// Two resellers of SpecView signed in, and beta's licence with an
/// installation and a response.
struct World {
    server: InProcess,
    alpha: String,
    beta: String,
    other_serial: String,
    other_key: String,
    other_request: String,
    other_response: String,
    other_issuance: i64,
}

fn world(backend: &Backend) -> World {
    let server = InProcess::start(backend);
    assert_eq!(server.admin_post("/api/v1/admin/products", &specview_json()).0, 201);
    let other_product = json!({"id": 8, "name": "Historian", "entitlements": [{"name": "tags", "kind": "count"}]});
    assert_eq!(server.admin_post("/api/v1/admin/products", &other_product).0, 201);
    add_staff(&server, ALPHA, Role::Reseller, &["SpecView"]);
    add_staff(&server, BETA, Role::Reseller, &["SpecView"]);
    let (alpha, beta) = (session(&server, ALPHA), session(&server, BETA));
    let body = json!({"product": "SpecView", "contact_email": BETA_CUSTOMER, "max_installations": 3,
                      "registration": false, "entitlements": {"remote_users": 1}});
    let (status, created) = with_cookie(&server, "POST", "/api/v1/admin/licenses", &beta, Some(ORIGIN), Some(body));
    assert_eq!(status, 201, "{created}");
    let serial = license_codes::SerialNumber::parse(created["serial"].as_str().unwrap()).unwrap();
    let key = random_key_id();
    let other_request = request_code(7, serial, key, 0, empty_digest());
    let (status, answer) = server.activate(&other_request);
    assert_eq!(status, 200, "{answer}");
    let shown = server.show(serial);
    World {
        alpha,
        beta,
        other_serial: serial.to_code(),
        other_key: format!("{key:016X}"),
        other_request,
        other_response: answer["response_code"].as_str().unwrap().to_string(),
        other_issuance: shown["issuances"][0]["id"].as_i64().unwrap(),
        server,
    }
}

/// Beta's request code asked at the same moment by alpha (for whom it does
/// not exist) and by the program (whose stored response it gets): looked up
/// together on PostgreSQL, each answered for its own asker.
fn asked_at_once_each_asker_sees_what_is_its_own(backend: Backend) {
    let w = world(&backend);
    let barrier = std::sync::Barrier::new(32);
    let answers: Vec<(bool, u16, Value)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..32)
            .map(|i| {
                let (w, barrier) = (&w, &barrier);
                s.spawn(move || {
                    barrier.wait();
                    let by_alpha = i % 2 == 0;
                    let (status, answer) = if by_alpha {
                        as_alpha(w, "POST", "/api/v1/admin/activations", Some(json!({"request_code": w.other_request})))
                    } else {
                        w.server.activate(&w.other_request)
                    };
                    (by_alpha, status, answer)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for (by_alpha, status, answer) in answers {
        if by_alpha {
            assert_eq!((status, answer["code"].as_str()), (404, Some("unknown_serial")), "{answer}");
        } else {
            assert_eq!((status, answer["response_code"].as_str()), (200, Some(w.other_response.as_str())), "{answer}");
        }
    }
}

fn as_alpha(w: &World, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
    with_cookie(&w.server, method, path, &w.alpha, Some(ORIGIN), body)
}

fn a_reseller_sells_its_products_and_sees_only_its_own_licences(backend: Backend) {
    let w = world(&backend);
    let new = |product: &str| {
        json!({"product": product, "contact_email": "it@alpha-customer.example", "max_installations": 2,
               "registration": false, "entitlements": {"remote_users": 1}})
    };
    let (status, created) = as_alpha(&w, "POST", "/api/v1/admin/licenses", Some(new("SpecView")));
    assert_eq!(status, 201, "{created}");
    let own = created["serial"].as_str().unwrap().to_string();
    // A product it does not sell is one that does not exist.
    let (status, refused) = as_alpha(&w, "POST", "/api/v1/admin/licenses", Some(new("Historian")));
    assert_eq!((status, refused["code"].as_str()), (404, Some("not_found")), "{refused}");
    let (_, unknown) = as_alpha(&w, "POST", "/api/v1/admin/licenses", Some(new("NoSuchProduct")));
    assert_eq!(refused["title"], unknown["title"]);
    // Nor may it give a licence to another reseller.
    let mut for_beta = new("SpecView");
    for_beta["reseller"] = json!(BETA);
    assert_eq!(as_alpha(&w, "POST", "/api/v1/admin/licenses", Some(for_beta)).0, 400);

    // Its own licence: read, upgraded, an installation answered and released.
    let (status, view) = as_alpha(&w, "GET", &format!("/api/v1/admin/licenses/{own}"), None);
    assert_eq!((status, view["reseller"].as_str()), (200, Some(ALPHA)), "{view}");
    let upgrade = json!({"set": {"remote_users": 2}, "note": "order 7"});
    assert_eq!(as_alpha(&w, "POST", &format!("/api/v1/admin/licenses/{own}/upgrades"), Some(upgrade)).0, 201);
    let serial = license_codes::SerialNumber::parse(&own).unwrap();
    let key = random_key_id();
    let answer = json!({"request_code": request_code(7, serial, key, 0, empty_digest())});
    let (status, answered) = as_alpha(&w, "POST", "/api/v1/admin/activations", Some(answer));
    assert_eq!((status, answered["to_counter"].as_i64()), (200, Some(2)), "{answered}");
    let release = format!("/api/v1/admin/licenses/{own}/installations/{key:016X}");
    assert_eq!(as_alpha(&w, "DELETE", &release, None).0, 200);
    let (status, found) = as_alpha(&w, "POST", "/api/v1/admin/inspect", Some(json!({"query": own})));
    assert_eq!((status, found["license"]["serial"].as_str()), (200, Some(own.as_str())), "{found}");

    // Its reports count its own licences only.
    let (_, near) = as_alpha(&w, "GET", "/api/v1/admin/reports/near-limit", None);
    assert_eq!(near["licenses"], json!([]), "{near}");
    let (_, issued) = as_alpha(&w, "GET", "/api/v1/admin/reports/issuances", None);
    let today = |channel: &str| {
        issued["series"].as_array().unwrap().iter().find(|s| s["channel"] == channel).unwrap()["points"]
            .as_array()
            .unwrap()
            .last()
            .unwrap()["count"]
            .clone()
    };
    assert_eq!(
        (today("console"), today("portal")),
        (json!(1), json!(0)),
        "beta's portal answer is not alpha's: {issued}"
    );
    let (_, vendor) = w.server.request("GET", "/api/v1/admin/reports/issuances", Some(w.server.support()), None);
    let portal = vendor["series"][0]["points"].as_array().unwrap().last().unwrap()["count"].clone();
    assert_eq!(portal, json!(1), "the vendor sees every licence: {vendor}");
    let (_, session) = as_alpha(&w, "GET", "/api/v1/session", None);
    assert_eq!(session, json!({"email": ALPHA, "role": "reseller", "mail": false, "products": ["SpecView"]}));

    // What only the vendor's staff do is refused for its role.
    for (method, path) in
        [("GET", "/api/v1/admin/staff"), ("GET", "/api/v1/admin/mail"), ("GET", "/api/v1/admin/webhooks")]
    {
        let (status, refused) = as_alpha(&w, method, path, None);
        assert_eq!((status, refused["role"].as_str()), (403, Some("reseller")), "{path}: {refused}");
    }
    let change = json!({"contact_email": "other@alpha-customer.example"});
    assert_eq!(as_alpha(&w, "PATCH", &format!("/api/v1/admin/licenses/{own}"), Some(change)).0, 403);

    // An admin moves beta's licence to alpha, then makes it the vendor's own.
    let other = format!("/api/v1/admin/licenses/{}", w.other_serial);
    let admin = Some(w.server.admin.as_str());
    let (status, moved) = w.server.request("PATCH", &other, admin, Some(&json!({"reseller": ALPHA})));
    assert_eq!((status, moved["reseller"].as_str()), (200, Some(ALPHA)), "{moved}");
    assert_eq!(as_alpha(&w, "GET", &other, None).0, 200);
    assert_eq!(with_cookie(&w.server, "GET", &other, &w.beta, Some(ORIGIN), None).0, 404);
    let (_, audit) = w.server.request("GET", &other, admin, None);
    let entry = audit["audit"].as_array().unwrap().iter().find(|a| a["action"] == "license.reseller").unwrap().clone();
    assert_eq!(entry["detail"], json!({"old": BETA, "new": ALPHA}));
    let (status, refused) =
        w.server.request("PATCH", &other, admin, Some(&json!({"reseller": "nobody@vendor.example"})));
    assert_eq!((status, refused["code"].as_str()), (400, Some("invalid_input")), "{refused}");
    let (status, own_again) = w.server.request("PATCH", &other, admin, Some(&json!({"reseller": ""})));
    assert_eq!((status, &own_again["reseller"]), (200, &Value::Null), "{own_again}");
    assert_eq!(as_alpha(&w, "GET", &other, None).0, 404);
    // A reseller account needs products; a token cannot be a reseller's.
    let (status, _) =
        w.server.admin_post("/api/v1/admin/staff", &json!({"email": "gamma@reseller.example", "role": "reseller"}));
    assert_eq!(status, 400);
    let (status, _) = w.server.admin_post("/api/v1/admin/tokens", &json!({"name": "r", "role": "reseller"}));
    assert_eq!(status, 400);
}

fn another_resellers_licence_does_not_exist_on_any_route(backend: Backend) {
    let w = world(&backend);
    let other = format!("/api/v1/admin/licenses/{}", w.other_serial);
    let (_, before) = w.server.request("GET", &other, Some(w.server.admin.as_str()), None);

    // Exactly what a serial that was never sold gets, in the same words.
    let unsold = license_codes::SerialNumber::new(0x12_3456_789A).unwrap().to_code();
    let (status, hidden) = as_alpha(&w, "GET", &other, None);
    let (unsold_status, never) = as_alpha(&w, "GET", &format!("/api/v1/admin/licenses/{unsold}"), None);
    assert_eq!((status, unsold_status), (404, 404));
    assert_eq!(hidden.to_string().replace(&w.other_serial, "SERIAL"), never.to_string().replace(&unsold, "SERIAL"));
    let (_, found) = as_alpha(&w, "POST", "/api/v1/admin/inspect", Some(json!({"query": w.other_request})));
    assert_eq!(found["outcome"]["refused"]["code"], "unknown_serial", "{found}");
    assert!(found["license"].is_null() && found["installation"].is_null(), "{found}");
    let (_, found) = as_alpha(&w, "POST", "/api/v1/admin/inspect", Some(json!({"query": w.other_response})));
    assert_eq!((found["kind"].as_str(), &found["issuance"]), (Some("response"), &Value::Null), "{found}");
    let (_, found) = as_alpha(&w, "POST", "/api/v1/admin/inspect", Some(json!({"query": BETA_CUSTOMER})));
    assert_eq!(found["licenses"], json!([]), "{found}");

    // Every route the OpenAPI document lists that needs a caller, with
    // beta's serial, installation, issuance and address in its path and
    // beta's codes in its body, as alpha.
    let (_, _, doc) = w.server.raw("GET", "/api/openapi.json", &[], Vec::new());
    let doc: Value = serde_json::from_str(&doc).unwrap();
    let mut tried = 0;
    for (path, operations) in doc["paths"].as_object().unwrap() {
        for (method, operation) in operations.as_object().unwrap() {
            let secured = operation["security"].as_array().is_some_and(|s| !s.is_empty());
            // Signing in and out is alpha's own session, not beta's data.
            if !secured || path.starts_with("/api/v1/session") {
                continue;
            }
            let filled = path
                .replace("{serial}", &w.other_serial)
                .replace("{key_id}", &w.other_key)
                .replace("{id}", &w.other_issuance.to_string())
                .replace("{email}", BETA)
                .replace("{delivery}", "1");
            let bodies = bodies_for(&w, path);
            for body in bodies {
                let method = method.to_uppercase();
                let (status, answer) = as_alpha(&w, &method, &filled, Some(body.clone()));
                tried += 1;
                let text = answer.to_string();
                assert!(
                    !text.contains(BETA_CUSTOMER) && !text.contains(&w.other_response),
                    "{method} {filled} {body} told alpha beta's data: {status} {text}"
                );
                if (200..300).contains(&status) {
                    assert!(!text.contains(&w.other_serial) || path.ends_with("/inspect"), "{method} {filled}: {text}");
                }
            }
        }
    }
    assert!(tried > 25, "the sweep covered {tried} operations");

    // Nothing of beta's changed: its licence, its account, its session.
    let (_, after) = w.server.request("GET", &other, Some(w.server.admin.as_str()), None);
    assert_eq!(after, before);
    assert_eq!(with_cookie(&w.server, "GET", &other, &w.beta, Some(ORIGIN), None).0, 200);
}

/// What alpha sends to each route: what would act on beta's licence if the
/// route let it (a whole, valid body, so the refusal is about ownership).
fn bodies_for(w: &World, path: &str) -> Vec<Value> {
    let one = |v: Value| vec![v];
    match path.rsplit('/').next().unwrap_or_default() {
        "inspect" => [&w.other_serial, &w.other_request, &w.other_response, &BETA_CUSTOMER.to_string()]
            .iter()
            .map(|q| json!({"query": q}))
            .collect(),
        "activations" => one(json!({"request_code": w.other_request})),
        "upgrades" => one(json!({"set": {"remote_users": 9}, "note": "x"})),
        "{serial}" => one(json!({"contact_email": "taken@alpha.example", "reseller": ALPHA})),
        "licenses" => one(json!({"product": "SpecView", "contact_email": "x@alpha.example", "reseller": BETA})),
        "staff" => one(json!({"email": "x@alpha.example", "role": "admin"})),
        "webhooks" => one(json!({"url": "https://alpha.example/hook", "events": ["license.created"]})),
        "tokens" => one(json!({"name": "x", "role": "admin"})),
        "products" => one(json!({"id": 9, "name": "X", "entitlements": []})),
        _ => one(json!({})),
    }
}
