//! The `license-server` binary as a process: killed with SIGKILL while it
//! issues responses under load, then restarted on the same database. Every
//! response any client received must be in the history, and the database
//! must pass its integrity check. Also: SIGTERM shuts down gracefully.

use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::*;
use crate::for_each_backend;
use serde_json::Value;

for_each_backend!(
    responses_survive_a_kill_during_issuance,
    sigterm_shuts_down_gracefully,
    two_servers_share_one_database
);

fn responses_survive_a_kill_during_issuance(backend: Backend) {
    let d = ServerProcess::new(&backend);
    let serial = d.setup_specview("1000000");
    let token = d.ok(&["token", "create", "--role", "support", "--name", "checker"]);
    let (mut server, url) = d.start(&[]);

    let received: Arc<Mutex<Vec<String>>> = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let clients: Vec<_> = (0..8)
        .map(|_| {
            let (url, received, stop) = (url.clone(), received.clone(), stop.clone());
            std::thread::spawn(move || {
                let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
                while !stop.load(Ordering::Relaxed) {
                    let code = request_code(7, serial, random_key_id(), 0, empty_digest());
                    let body = serde_json::json!({"request_code": code}).to_string();
                    let Ok(mut r) = agent
                        .post(&format!("{url}/api/v1/activations"))
                        .header("content-type", "application/json")
                        .send(body.as_str())
                    else {
                        break; // the server is gone
                    };
                    let Ok(text) = r.body_mut().read_to_string() else {
                        break;
                    };
                    if r.status() == 200 {
                        let answer: Value = serde_json::from_str(&text).unwrap();
                        received.lock().unwrap().push(answer["response_code"].as_str().unwrap().to_string());
                    }
                }
            })
        })
        .collect();
    // Let the load run, then kill the server mid-issuance.
    let started = Instant::now();
    while received.lock().unwrap().len() < 200 && started.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(10));
    }
    server.kill().unwrap(); // SIGKILL
    server.wait().unwrap();
    stop.store(true, Ordering::Relaxed);
    for c in clients {
        c.join().unwrap();
    }
    let received = received.lock().unwrap().clone();
    assert!(received.len() >= 200, "too little load before the kill: {}", received.len());

    let (mut restarted, url) = d.start(&[]);
    let (status, history) = request(&url, "GET", &format!("/api/v1/admin/licenses/{serial}"), Some(&token), None);
    assert_eq!(status, 200, "{history}");
    let stored: std::collections::HashSet<&str> =
        history["issuances"].as_array().unwrap().iter().map(|i| i["response_code"].as_str().unwrap()).collect();
    let lost: Vec<&String> = received.iter().filter(|r| !stored.contains(r.as_str())).collect();
    assert!(lost.is_empty(), "{} of {} received responses are not in the history", lost.len(), received.len());
    restarted.kill().unwrap();
    restarted.wait().unwrap();
    assert_eq!(d.ok(&["check"]), "ok");
    eprintln!("{} responses received before the kill, all in the history; {} stored", received.len(), stored.len());
}

fn sigterm_shuts_down_gracefully(backend: Backend) {
    let d = ServerProcess::new(&backend);
    let (mut server, url) = d.start(&[]);
    assert_eq!(request(&url, "GET", "/healthz", None, None).0, 200);
    let status = Command::new("kill").args(["-TERM", &server.id().to_string()]).status().unwrap();
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = server.try_wait().unwrap() {
            assert!(status.success(), "exit status after SIGTERM: {status}");
            break;
        }
        assert!(Instant::now() < deadline, "server did not stop after SIGTERM");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Two server processes on one database (as behind a load balancer), with
/// the same signing key: identical requests split between them still give
/// one issuance and byte-identical responses.
fn two_servers_share_one_database(backend: Backend) {
    let d = ServerProcess::new(&backend);
    let serial = d.setup_specview("1000");
    let token = d.ok(&["token", "create", "--role", "support", "--name", "checker"]);
    let key = "42".repeat(32);
    let env = [("LICENSE_SERVER_SIGNING_KEY", key.as_str())];
    let (mut a, url_a) = d.start(&env);
    let (mut b, url_b) = d.start(&env);

    let code = request_code(7, serial, random_key_id(), 0, empty_digest());
    let barrier = Arc::new(std::sync::Barrier::new(100));
    let answers: Vec<(u16, Value)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..100)
            .map(|i| {
                let (barrier, code) = (barrier.clone(), &code);
                let url = if i % 2 == 0 { &url_a } else { &url_b };
                s.spawn(move || {
                    barrier.wait();
                    request(url, "POST", "/api/v1/activations", None, Some(&serde_json::json!({"request_code": code})))
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(answers.iter().all(|(status, _)| *status == 200), "{:?}", answers.iter().find(|a| a.0 != 200));
    assert!(answers.iter().all(|(_, a)| a["response_code"] == answers[0].1["response_code"]));
    assert_eq!(answers.iter().filter(|(_, a)| a["already_issued"] == false).count(), 1);

    // New installations through both servers at once: every one is recorded.
    let issued: Vec<Value> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..40)
            .map(|i| {
                let url = if i % 2 == 0 { &url_a } else { &url_b };
                s.spawn(move || {
                    let code = request_code(7, serial, random_key_id(), 0, empty_digest());
                    let (status, answer) = request(
                        url,
                        "POST",
                        "/api/v1/activations",
                        None,
                        Some(&serde_json::json!({"request_code": code})),
                    );
                    assert_eq!(status, 200, "{answer}");
                    answer
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let (_, history) = request(&url_b, "GET", &format!("/api/v1/admin/licenses/{serial}"), Some(&token), None);
    assert_eq!(history["issuances"].as_array().unwrap().len(), 41);
    assert_eq!(history["bound_installations"], 41);
    let stored: std::collections::HashSet<&str> =
        history["issuances"].as_array().unwrap().iter().map(|i| i["response_code"].as_str().unwrap()).collect();
    assert!(issued.iter().all(|a| stored.contains(a["response_code"].as_str().unwrap())));
    for server in [&mut a, &mut b] {
        server.kill().unwrap();
        server.wait().unwrap();
    }
    assert_eq!(d.ok(&["check"]), "ok");
}
