//! Webhooks, received by a real receiver that verifies every signature with
//! the Standard Webhooks library (`tests/webhook_receiver.py`,
//! `standardwebhooks` from PyPI), from the `license-server` binary as a
//! process: every event type, the receiver down then up, a kill -9 between
//! commit and delivery, two servers on one database, a rotated secret, and
//! URLs the server refuses to call.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::common::*;
use crate::for_each_backend;
use crate::mail::Sink;

for_each_backend!(
    every_event_arrives_signed,
    delivered_once_after_the_receiver_and_the_server_were_down,
    two_servers_deliver_each_event_once,
    urls_of_the_servers_own_networks_are_refused,
);

/// The receiver: a Python process writing what it verified to a folder.
struct Receiver {
    port: u16,
    dir: PathBuf,
    child: Option<Child>,
}

impl Receiver {
    fn down() -> Receiver {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        Receiver { port, dir: tempfile::tempdir().unwrap().keep(), child: None }
    }

    fn start() -> Receiver {
        let mut receiver = Receiver::down();
        receiver.up();
        receiver
    }

    fn up(&mut self) {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/webhook_receiver.py");
        let mut child = Command::new("python3")
            .arg(script)
            .arg(self.port.to_string())
            .arg(&self.dir)
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 runs (scripts/setup.sh installs standardwebhooks)");
        let mut line = String::new();
        std::io::BufRead::read_line(&mut std::io::BufReader::new(child.stdout.take().unwrap()), &mut line).unwrap();
        assert_eq!(
            line.trim(),
            "ready",
            "the receiver did not start (is standardwebhooks installed? scripts/setup.sh)"
        );
        self.child = Some(child);
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/hooks", self.port)
    }

    /// The secrets it verifies with, one per line, in this order.
    fn trust(&self, secrets: &[&str]) {
        std::fs::write(self.dir.join("secrets"), secrets.join("\n")).unwrap();
    }

    fn files(&self, prefix: &str) -> Vec<Value> {
        let mut names: Vec<PathBuf> = std::fs::read_dir(&self.dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                let name = p.file_name().unwrap().to_string_lossy();
                name.ends_with(".json") && !name.starts_with('.') && name.starts_with(prefix)
            })
            .collect();
        names.sort();
        names.iter().map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()).collect()
    }

    /// What arrived and verified, oldest first; fails if anything did not verify.
    fn received(&self) -> Vec<Value> {
        let unverified = self.files("unverified-");
        assert!(unverified.is_empty(), "deliveries whose signature did not verify: {unverified:?}");
        self.files("0")
    }

    /// Waits until `n` verified deliveries arrived (at most `seconds`).
    fn wait_for(&self, n: usize, seconds: u64) -> Vec<Value> {
        let deadline = Instant::now() + Duration::from_secs(seconds);
        loop {
            let got = self.received();
            if got.len() >= n || Instant::now() > deadline {
                assert!(got.len() >= n, "{} of {n} deliveries arrived in {seconds} s: {got:?}", got.len());
                return got;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

const ALLOW_PRIVATE: (&str, &str) = ("LICENSE_SERVER_WEBHOOK_ALLOW_PRIVATE", "true");

/// Adds an endpoint for `events` through the API; returns (id, secret).
fn add_endpoint(base: &str, token: &str, url: &str, events: &[&str]) -> (String, String) {
    let (status, body) = request(
        base,
        "POST",
        "/api/v1/admin/webhooks",
        Some(token),
        Some(&json!({"url": url, "events": events, "description": "the CRM"})),
    );
    assert_eq!(status, 201, "{body}");
    let secret = body["secret"].as_str().unwrap().to_string();
    assert!(secret.starts_with("whsec_"), "{secret}");
    (body["id"].as_str().unwrap().to_string(), secret)
}

fn types(received: &[Value]) -> Vec<String> {
    received.iter().map(|r| r["body"]["type"].as_str().unwrap().to_string()).collect()
}

fn every_event_arrives_signed(backend: Backend) {
    let vendor = ServerProcess::new(&backend);
    vendor.setup_specview("5");
    let sink = Sink::start();
    let mut env: Vec<(&str, String)> = sink.env();
    env.push((ALLOW_PRIVATE.0, ALLOW_PRIVATE.1.into()));
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (mut server, url) = vendor.start(&env);
    let token = vendor.ok(&["token", "create", "--role", "admin", "--name", "crm"]);
    let receiver = Receiver::start();
    let all = [
        "license.created",
        "license.updated",
        "upgrade.queued",
        "response.issued",
        "installation.released",
        "mail.failed",
    ];
    let (id, secret) = add_endpoint(&url, &token, &receiver.url(), &all);
    receiver.trust(&[&secret]);

    // A sale: the licence (its contact's address is refused for good by the
    // mail server: mail.failed), corrected, an upgrade, a code on the page,
    // a release.
    let (status, created) = request(
        &url,
        "POST",
        "/api/v1/admin/licenses",
        Some(&token),
        Some(&json!({"product": "SpecView", "contact_email": "nobody@customer.example", "max_installations": 2,
                     "entitlements": {"remote_users": 1}})),
    );
    assert_eq!(status, 201, "{created}");
    let serial = created["serial"].as_str().unwrap().to_string();
    let registration = created["registration_code"].as_str().unwrap().to_string();
    let path = format!("/api/v1/admin/licenses/{serial}");
    let (status, _) =
        request(&url, "PATCH", &path, Some(&token), Some(&json!({"contact_email": "it@customer.example"})));
    assert_eq!(status, 200);
    let (status, _) =
        request(&url, "POST", &format!("{path}/upgrades"), Some(&token), Some(&json!({"set": {"remote_users": 3}})));
    assert_eq!(status, 201);
    let key = random_key_id();
    let code = registered_request_code(license_codes::SerialNumber::parse(&serial).unwrap(), &registration, key);
    let (status, answer) = request(&url, "POST", "/api/v1/activations", None, Some(&json!({"request_code": code})));
    assert_eq!(status, 200, "{answer}");
    let key_id = format!("{key:016X}");
    let (status, _) = request(&url, "DELETE", &format!("{path}/installations/{key_id}"), Some(&token), None);
    assert_eq!(status, 200);

    let received = receiver.wait_for(6, 30);
    let mut got = types(&received);
    got.sort();
    let mut want: Vec<String> = all.iter().map(|s| s.to_string()).collect();
    want.sort();
    assert_eq!(got, want, "each event once: {received:?}");
    let ids: HashSet<&str> = received.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 6, "a webhook-id per event");
    let event = |t: &str| received.iter().find(|r| r["body"]["type"] == t).unwrap()["body"].clone();
    assert!(event("license.created")["timestamp"].as_str().unwrap().ends_with('Z'));
    assert_eq!(event("license.created")["data"]["serial"], serial.as_str());
    assert_eq!(event("license.updated")["data"]["changed"]["contact_email"]["new"], "it@customer.example");
    assert_eq!(event("upgrade.queued")["data"]["counter"], 2);
    let issued = event("response.issued")["data"].clone();
    assert_eq!((issued["channel"].as_str(), issued["serial"].as_str()), (Some("portal"), Some(serial.as_str())));
    assert_eq!(issued["key_id"], key_id.as_str());
    assert_eq!(issued["to_counter"], 2);
    assert!(issued["changes"].as_array().is_some_and(|c| !c.is_empty()), "{issued}");
    let released = event("installation.released")["data"].clone();
    assert_eq!((released["key_id"].as_str(), released["channel"].as_str()), (Some(key_id.as_str()), Some("staff")));
    let failed = event("mail.failed")["data"].clone();
    assert_eq!(
        (failed["to"].as_str(), failed["reason"].as_str()),
        (Some("nobody@customer.example"), Some("license_created"))
    );

    // The delivery log says so; listing shows nothing waiting. The sender
    // records a delivery after the receiver has answered: wait for that.
    let deliveries = format!("/api/v1/admin/webhooks/{id}/deliveries");
    let delivered = |log: &Value| log.as_array().is_some_and(|l| l.iter().all(|d| d["state"] == "delivered"));
    let mut log = request(&url, "GET", &deliveries, Some(&token), None).1;
    for _ in 0..100 {
        if delivered(&log) {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
        log = request(&url, "GET", &deliveries, Some(&token), None).1;
    }
    let log = log.as_array().unwrap();
    assert_eq!(log.len(), 6);
    assert!(log.iter().all(|d| d["state"] == "delivered" && d["last_status"] == 204 && d["attempts"] == 1), "{log:?}");
    // Send again: the same event, the same webhook-id.
    let first = &log[0];
    let (status, again) = request(
        &url,
        "POST",
        &format!("/api/v1/admin/webhooks/{id}/deliveries/{}/retry", first["id"]),
        Some(&token),
        None,
    );
    assert_eq!((status, again["state"].as_str()), (202, Some("waiting")), "{again}");
    let received = receiver.wait_for(7, 20);
    assert_eq!(received[6]["id"], first["event_id"]);
    // A support token reads nothing of webhooks.
    let support = vendor.ok(&["token", "create", "--role", "support", "--name", "desk"]);
    let (status, _) = request(&url, "GET", "/api/v1/admin/webhooks", Some(&support), None);
    assert_eq!(status, 403);
    server.kill().unwrap();
    server.wait().unwrap();
}

fn delivered_once_after_the_receiver_and_the_server_were_down(backend: Backend) {
    let vendor = ServerProcess::new(&backend);
    vendor.setup_specview("5");
    let (mut server, url) = vendor.start(&[ALLOW_PRIVATE]);
    let token = vendor.ok(&["token", "create", "--role", "admin", "--name", "crm"]);
    let mut receiver = Receiver::down();
    let (id, secret) = add_endpoint(&url, &token, &receiver.url(), &["license.created"]);
    receiver.trust(&[&secret]);

    // The receiver is down: the event waits, with why.
    let first = vendor.create_specview_license("a@customer.example", "1");
    let deadline = Instant::now() + Duration::from_secs(10);
    let waiting = loop {
        let (_, log) = request(&url, "GET", &format!("/api/v1/admin/webhooks/{id}/deliveries"), Some(&token), None);
        if log[0]["attempts"].as_i64() >= Some(1) && log[0]["last_error"].is_string() {
            break log[0].clone();
        }
        assert!(Instant::now() < deadline, "no attempt recorded: {log}");
        std::thread::sleep(Duration::from_millis(100));
    };
    assert_eq!(waiting["state"], "waiting", "{waiting}");
    assert!(waiting["next_attempt_at"].is_string(), "{waiting}");
    let (_, list) = request(&url, "GET", "/api/v1/admin/webhooks", Some(&token), None);
    assert_eq!(list[0]["waiting"], 1, "{list}");

    // Killed between the commit and the delivery; the receiver comes back;
    // the restarted server delivers it, once.
    server.kill().unwrap();
    server.wait().unwrap();
    let second = vendor.create_specview_license("b@customer.example", "1"); // committed while no server runs
    receiver.up();
    let (mut server, url) = vendor.start(&[ALLOW_PRIVATE]);
    let received = receiver.wait_for(2, 30);
    std::thread::sleep(Duration::from_secs(2));
    let received_now = receiver.received();
    assert_eq!(received_now.len(), 2, "each event once: {received_now:?}");
    let serials: HashSet<String> =
        received.iter().map(|r| r["body"]["data"]["serial"].as_str().unwrap().to_string()).collect();
    assert_eq!(serials, HashSet::from([first.to_code(), second.to_code()]));

    // A rotated secret signs what follows; the receiver knows only the new one.
    let (status, rotated) = request(&url, "POST", &format!("/api/v1/admin/webhooks/{id}/secret"), Some(&token), None);
    assert_eq!(status, 200, "{rotated}");
    let new_secret = rotated["secret"].as_str().unwrap();
    assert_ne!(new_secret, secret);
    receiver.trust(&["whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", new_secret]);
    vendor.create_specview_license("c@customer.example", "1");
    let received = receiver.wait_for(3, 30);
    assert_eq!(received[2]["secret"], 1, "verified with the rotated secret");
    server.kill().unwrap();
    server.wait().unwrap();
}

fn two_servers_deliver_each_event_once(backend: Backend) {
    let vendor = ServerProcess::new(&backend);
    vendor.setup_specview("5");
    let receiver = Receiver::start();
    let (mut a, url_a) = vendor.start(&[ALLOW_PRIVATE]);
    let (mut b, url_b) = vendor.start(&[ALLOW_PRIVATE]);
    let token = vendor.ok(&["token", "create", "--role", "admin", "--name", "crm"]);
    let (_, secret) = add_endpoint(&url_a, &token, &receiver.url(), &["license.created"]);
    receiver.trust(&[&secret]);
    let threads: Vec<_> = (0..20)
        .map(|i| {
            let (url, token) = (if i % 2 == 0 { &url_a } else { &url_b }.clone(), token.clone());
            std::thread::spawn(move || {
                let order = json!({"product": "SpecView", "contact_email": format!("c{i}@customer.example")});
                let (status, body) = request(&url, "POST", "/api/v1/admin/licenses", Some(&token), Some(&order));
                assert_eq!(status, 201, "{body}");
            })
        })
        .collect();
    threads.into_iter().for_each(|t| t.join().unwrap());
    receiver.wait_for(20, 30);
    std::thread::sleep(Duration::from_secs(3)); // time for a second copy, were one to come
    let received = receiver.received();
    let ids: HashSet<&str> = received.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!((received.len(), ids.len()), (20, 20), "each event delivered once by the two servers");
    for server in [&mut a, &mut b] {
        server.kill().unwrap();
        server.wait().unwrap();
    }
}

fn urls_of_the_servers_own_networks_are_refused(backend: Backend) {
    let vendor = ServerProcess::new(&backend);
    let (mut server, url) = vendor.start(&[]);
    let token = vendor.ok(&["token", "create", "--role", "admin", "--name", "crm"]);
    for target in [
        "http://127.0.0.1:9/hooks",
        "http://169.254.169.254/latest/meta-data",
        "http://localhost/x",
        "ftp://example.com/",
    ] {
        let (status, problem) = request(
            &url,
            "POST",
            "/api/v1/admin/webhooks",
            Some(&token),
            Some(&json!({"url": target, "events": ["license.created"]})),
        );
        assert_eq!((status, problem["code"].as_str()), (400, Some("invalid_input")), "{target}: {problem}");
    }
    let (status, problem) = request(
        &url,
        "POST",
        "/api/v1/admin/webhooks",
        Some(&token),
        Some(&json!({"url": "https://crm.example.com/hooks", "events": ["license.deleted"]})),
    );
    assert_eq!(status, 400, "{problem}");
    assert!(problem["detail"].as_str().unwrap().contains("license.created"), "{problem}");
    server.kill().unwrap();
    server.wait().unwrap();

    // The commands: add prints the id and the secret; list; remove.
    let refused = vendor.fails(&["webhook", "add", "--url", "http://10.0.0.1/hooks", "--event", "license.created"]);
    assert!(refused.contains("--webhook-allow-private"), "{refused}");
    let added = vendor.ok(&[
        "webhook",
        "add",
        "--url",
        "http://10.0.0.1/hooks",
        "--allow-private",
        "--event",
        "license.created",
        "upgrade.queued",
    ]);
    let mut lines = added.lines();
    let id = lines.next().unwrap().to_string();
    assert!(id.starts_with("wh_") && lines.next().unwrap().starts_with("whsec_"), "{added}");
    let list: Value = serde_json::from_str(&vendor.ok(&["webhook", "list", "--json"])).unwrap();
    assert_eq!(list[0]["events"], json!(["license.created", "upgrade.queued"]), "{list}");
    assert!(vendor.ok(&["webhook", "list"]).contains(&id));
    vendor.ok(&["webhook", "remove", "--id", &id]);
    assert_eq!(vendor.ok(&["webhook", "list"]), "No webhook endpoints.");
    let missing = vendor.fails(&["webhook", "remove", "--id", &id]);
    assert!(missing.contains(&id), "{missing}");
    // The database alone cannot sign: it holds no secret.
    let stored = vendor.ok(&["webhook", "list", "--json"]);
    assert!(!stored.contains("whsec_"));
}
