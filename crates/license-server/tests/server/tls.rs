//! `serve --tls-cert --tls-key`, as a vendor runs it: a CA made here
//! (rcgen), a real client (curl with `--cacert`), HTTP/2 by ALPN, HSTS, and
//! a certificate renewed while requests run: SIGHUP loads it for new
//! connections, open connections carry on, and a broken pair is refused
//! while the old one keeps serving.

use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::common::*;
use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, KeyPair};

const NAME: &str = "licensing.test";

/// A CA (its PEM) and a certificate for NAME it signed (chain and key PEM).
fn issue(ca_name: &str) -> (String, String, String) {
    let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca.distinguished_name.push(DnType::CommonName, ca_name);
    let ca_key = KeyPair::generate().unwrap();
    let ca_cert = ca.self_signed(&ca_key).unwrap();
    let key = KeyPair::generate().unwrap();
    let cert = CertificateParams::new(vec![NAME.to_string()]).unwrap().signed_by(&key, &ca_cert, &ca_key).unwrap();
    (ca_cert.pem(), cert.pem(), key.serialize_pem())
}

/// Writes a file through a rename, as certbot and friends do.
fn put(path: &Path, text: &str) {
    let tmp = path.with_extension("new");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(tmp, path).unwrap();
}

fn curl(port: u16, ca: &Path, extra: &[&str]) -> Output {
    Command::new("curl")
        .args(["--silent", "--show-error", "--max-time", "10", "--resolve", &format!("{NAME}:{port}:127.0.0.1")])
        .arg("--cacert")
        .arg(ca)
        .args(extra)
        .output()
        .expect("curl installed")
}

fn hangup(server: &Running) {
    assert!(Command::new("kill").args(["-HUP", &server.id().to_string()]).status().unwrap().success());
}

#[test]
fn serves_https_with_http2_and_hsts_and_reloads_the_certificate_on_sighup() {
    let d = ServerProcess::new(&Backend::Sqlite);
    let dir = tempfile::tempdir().unwrap();
    let (cert, key) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
    let (old_ca, old_cert, old_key) = issue("Old CA");
    let (new_ca, new_cert, new_key) = issue("New CA");
    let (old_ca_file, new_ca_file, both) =
        (dir.path().join("old-ca.pem"), dir.path().join("new-ca.pem"), dir.path().join("both.pem"));
    std::fs::write(&old_ca_file, &old_ca).unwrap();
    std::fs::write(&new_ca_file, &new_ca).unwrap();
    std::fs::write(&both, format!("{old_ca}{new_ca}")).unwrap();
    put(&cert, &old_cert);
    put(&key, &old_key);
    let (server, port) =
        d.start_serving(&[], &["--tls-cert", cert.to_str().unwrap(), "--tls-key", key.to_str().unwrap()]);
    let mut server = Running(server);
    let url = format!("https://{NAME}:{port}");

    // HTTP/2 by ALPN, HSTS, and the API's answer.
    let out = curl(
        port,
        &old_ca_file,
        &["--http2", "--include", "--write-out", "\n%{http_version}", &format!("{url}/healthz")],
    );
    let text = String::from_utf8_lossy(&out.stdout).to_lowercase();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.starts_with("http/2 200"), "{text}");
    assert!(text.contains("strict-transport-security: max-age=63072000"), "{text}");
    assert!(text.trim_end().ends_with("\n2"), "{text}");
    // HTTP/1.1 clients too.
    let out = curl(
        port,
        &old_ca_file,
        &["--http1.1", "--write-out", "%{http_version}", "-o", "/dev/null", &format!("{url}/healthz")],
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "1.1");
    // Plain HTTP on the TLS port is no way in.
    let out = Command::new("curl")
        .args(["-s", "--max-time", "5", &format!("http://127.0.0.1:{port}/healthz")])
        .output()
        .unwrap();
    assert!(!out.status.success() || !String::from_utf8_lossy(&out.stdout).contains("ok"));

    // One connection, three requests a second apart, across the reload:
    // it was opened with the old certificate and must carry on.
    let held = {
        let (port, old_ca_file, url) = (port, old_ca_file.clone(), url.clone());
        std::thread::spawn(move || {
            let path = format!("{url}/healthz");
            curl(
                port,
                &old_ca_file,
                &[
                    "--rate",
                    "1/s",
                    "--write-out",
                    "%{num_connects} %{http_code}\n",
                    "-o",
                    "/dev/null",
                    "-o",
                    "/dev/null",
                    "-o",
                    "/dev/null",
                    &path,
                    &path,
                    &path,
                ],
            )
        })
    };
    // Requests on new connections all the while (trusting either CA): none may fail.
    let halt = Arc::new(AtomicBool::new(false));
    let (served, failed) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let load = {
        let (halt, served, failed, both, url) =
            (halt.clone(), served.clone(), failed.clone(), both.clone(), url.clone());
        std::thread::spawn(move || {
            while !halt.load(Ordering::Relaxed) {
                let out = curl(port, &both, &["--fail", "-o", "/dev/null", &format!("{url}/api/v1/keys")]);
                if out.status.success() { &served } else { &failed }.fetch_add(1, Ordering::Relaxed);
            }
        })
    };
    std::thread::sleep(Duration::from_millis(500));
    put(&cert, &new_cert);
    put(&key, &new_key);
    hangup(&server);
    let deadline = Instant::now() + Duration::from_secs(10);
    while !curl(port, &new_ca_file, &["--fail", "-o", "/dev/null", &format!("{url}/healthz")]).status.success() {
        assert!(Instant::now() < deadline, "the new certificate was not served after SIGHUP");
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(300));
    halt.store(true, Ordering::Relaxed);
    load.join().unwrap();
    let held = held.join().unwrap();
    let lines = String::from_utf8_lossy(&held.stdout).to_string();
    assert!(held.status.success(), "{lines} {}", String::from_utf8_lossy(&held.stderr));
    assert_eq!(lines, "1 200\n0 200\n0 200\n", "the connection opened before the reload was not kept");
    assert_eq!(failed.load(Ordering::Relaxed), 0, "requests failed during the reload");
    assert!(served.load(Ordering::Relaxed) > 3, "too little load during the reload");
    // New connections no longer see the old certificate.
    assert!(!curl(port, &old_ca_file, &["--fail", "-o", "/dev/null", &format!("{url}/healthz")]).status.success());

    // A renewal gone wrong: the pair does not load, the server keeps the one it has.
    put(&cert, "not a certificate\n");
    hangup(&server);
    std::thread::sleep(Duration::from_millis(500));
    assert!(curl(port, &new_ca_file, &["--fail", "-o", "/dev/null", &format!("{url}/healthz")]).status.success());
    assert!(server.try_wait().unwrap().is_none(), "a SIGHUP ended the server");
    server.kill().unwrap();
    server.wait().unwrap();
}

#[test]
fn a_certificate_that_cannot_be_used_stops_the_start_with_why() {
    let d = ServerProcess::new(&Backend::Sqlite);
    let dir = tempfile::tempdir().unwrap();
    let (_, cert, key) = issue("CA");
    let (cert_file, key_file) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
    std::fs::write(&cert_file, &cert).unwrap();
    std::fs::write(&key_file, &key).unwrap();
    let missing = dir.path().join("missing.pem");
    let said = d.fails(&["serve", "--tls-cert", missing.to_str().unwrap(), "--tls-key", key_file.to_str().unwrap()]);
    assert!(said.contains("missing.pem"), "{said}");
    // The key given as the certificate, and the certificate as the key.
    let said = d.fails(&["serve", "--tls-cert", key_file.to_str().unwrap(), "--tls-key", cert_file.to_str().unwrap()]);
    assert!(said.contains("holds no certificate"), "{said}");
    let said = d.fails(&["serve", "--tls-cert", cert_file.to_str().unwrap(), "--tls-key", cert_file.to_str().unwrap()]);
    assert!(said.contains("holds no private key"), "{said}");
    // Another certificate's key.
    let (_, _, other_key) = issue("CA");
    std::fs::write(&key_file, other_key).unwrap();
    let said = d.fails(&["serve", "--tls-cert", cert_file.to_str().unwrap(), "--tls-key", key_file.to_str().unwrap()]);
    assert!(said.contains("do not make a TLS configuration"), "{said}");
    // One without the other.
    let said = d.fails(&["serve", "--tls-cert", cert_file.to_str().unwrap()]);
    assert!(said.contains("--tls-key"), "{said}");
}

#[test]
fn sighup_without_tls_does_not_end_the_server() {
    let d = ServerProcess::new(&Backend::Sqlite);
    let (mut server, url) = d.serve(&[]);
    hangup(&server);
    std::thread::sleep(Duration::from_millis(300));
    assert!(server.try_wait().unwrap().is_none(), "SIGHUP ended the server");
    assert_eq!(request(&url, "GET", "/healthz", None, None).0, 200);
    server.kill().unwrap();
    server.wait().unwrap();
}
