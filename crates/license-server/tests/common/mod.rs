//! A real server on port 0 against a fresh database, SQLite or PostgreSQL,
//! and helpers to talk to it over real HTTP.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::mpsc;

use license_codes::{Day, Entitlements, KeyId, RequestCode, SerialNumber};
use license_server::db::Db;
use license_server::signing::SigningKeys;
use license_server::tokens::{self, Role};
use license_server::{AppState, HttpOptions};
use serde_json::{json, Value};

/// Which database a test runs against.
#[derive(Debug, Clone)]
pub enum Backend {
    Sqlite,
    /// A server URL (…/postgres); each test creates its own database there.
    Postgres(String),
}

impl Backend {
    /// PostgreSQL when `LICENSE_TEST_POSTGRES_URL` is set (scripts/test.sh starts one).
    pub fn postgres() -> Option<Backend> {
        std::env::var("LICENSE_TEST_POSTGRES_URL").ok().filter(|u| !u.is_empty()).map(Backend::Postgres)
    }

    /// A fresh, empty database URL for this backend (None: SQLite in the data dir).
    pub fn fresh_database(&self) -> Option<String> {
        let Backend::Postgres(server) = self else {
            return None;
        };
        let mut name = [0u8; 6];
        getrandom::fill(&mut name).unwrap();
        let name = format!("test_{}", hex::encode(name));
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async {
            use sqlx::Connection;
            let mut conn = sqlx::PgConnection::connect(server).await.expect("PostgreSQL reachable");
            sqlx::Executor::execute(&mut conn, format!("CREATE DATABASE {name}").as_str()).await.unwrap();
        });
        let base = server.rsplit_once('/').map_or(server.as_str(), |(b, _)| b);
        Some(format!("{base}/{name}"))
    }
}

/// Generates each listed test once per backend: `sqlite::name`, `postgres::name`.
#[macro_export]
macro_rules! for_each_backend {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $( #[test] fn $name() { super::$name(super::common::Backend::Sqlite) } )*
        }
        mod postgres {
            $( #[test] fn $name() {
                match super::common::Backend::postgres() {
                    Some(backend) => super::$name(backend),
                    None => eprintln!("skipped: set LICENSE_TEST_POSTGRES_URL to run against PostgreSQL"),
                }
            } )*
        }
    };
}

pub struct TestServer {
    pub url: String,
    pub data: tempfile::TempDir,
    pub database_url: Option<String>,
    pub admin: String,
    pub support: String,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

pub fn no_limits() -> HttpOptions {
    HttpOptions::default()
}

impl TestServer {
    pub fn start(backend: &Backend) -> TestServer {
        Self::start_with(backend, no_limits())
    }

    pub fn start_with(backend: &Backend, options: HttpOptions) -> TestServer {
        let data = tempfile::tempdir().unwrap();
        let database_url = backend.fresh_database();
        let (ready_tx, ready_rx) = mpsc::channel();
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let data_path = data.path().to_path_buf();
        let db_url = database_url.clone();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
            runtime.block_on(async move {
                let db = Db::open(&data_path, db_url.as_deref()).await.expect("database opens");
                let keys = SigningKeys::load(&data_path, None).unwrap();
                let admin = tokens::create(&db, "test-admin", Role::Admin, "test").await.unwrap();
                let support = tokens::create(&db, "test-support", Role::Support, "test").await.unwrap();
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                let addr = listener.local_addr().unwrap();
                ready_tx.send((format!("http://{addr}"), admin, support)).unwrap();
                license_server::serve(listener, AppState::new(db, keys, options), async {
                    let _ = stop_rx.await;
                })
                .await
                .unwrap();
            });
        });
        let (url, admin, support) = ready_rx.recv().expect("server started");
        TestServer { url, data, database_url, admin, support, stop: Some(stop_tx), thread: Some(thread) }
    }

    /// Adds SpecView (product 7) and a licence; returns its serial.
    pub fn specview_license(&self, max_installations: i64, entitlements: Value) -> SerialNumber {
        let _ = self.admin_post("/api/v1/admin/products", &specview_json());
        let (status, body) = self.admin_post(
            "/api/v1/admin/licenses",
            &json!({"product": "SpecView", "contact_email": "it@example.com",
                    "max_installations": max_installations, "entitlements": entitlements}),
        );
        assert_eq!(status, 201, "{body}");
        SerialNumber::parse(body["serial"].as_str().unwrap()).unwrap()
    }

    pub fn queue_upgrade(&self, serial: SerialNumber, set: Value) -> Value {
        let (status, body) =
            self.admin_post(&format!("/api/v1/admin/licenses/{serial}/upgrades"), &json!({"set": set, "note": "test"}));
        assert_eq!(status, 201, "{body}");
        body
    }

    pub fn admin_post(&self, path: &str, body: &Value) -> (u16, Value) {
        request(&self.url, "POST", path, Some(&self.admin), Some(body))
    }

    pub fn show(&self, serial: SerialNumber) -> Value {
        let (status, body) =
            request(&self.url, "GET", &format!("/api/v1/admin/licenses/{serial}"), Some(&self.support), None);
        assert_eq!(status, 200, "{body}");
        body
    }

    pub fn activate(&self, request_code: &str) -> (u16, Value) {
        request(&self.url, "POST", "/api/v1/activations", None, Some(&json!({"request_code": request_code})))
    }

    /// The trust file a program is built with, written into the data dir.
    pub fn trust_file(&self) -> PathBuf {
        let (status, trust) = request(&self.url, "GET", "/api/v1/trust", None, None);
        assert_eq!(status, 200);
        let path = self.data.path().join("trust.json");
        std::fs::write(&path, trust.to_string()).unwrap();
        path
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

pub fn specview_json() -> Value {
    json!({"id": 7, "name": "SpecView", "entitlements": [
        {"name": "remote_users", "kind": "count"}, {"name": "clients", "kind": "count"},
        {"name": "historian", "kind": "flag"}, {"name": "subscription_end", "kind": "date"}]})
}

/// One HTTP request; returns the status and the JSON body (or the text as a string).
pub fn request(base: &str, method: &str, path: &str, token: Option<&str>, body: Option<&Value>) -> (u16, Value) {
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let url = format!("{base}{path}");
    let mut response = match (method, body) {
        ("GET", _) => {
            let mut r = agent.get(&url);
            if let Some(t) = token {
                r = r.header("authorization", &format!("Bearer {t}"));
            }
            r.call()
        }
        (m, body) => {
            let mut r = if m == "DELETE" {
                return delete(&agent, &url, token);
            } else {
                agent.post(&url)
            };
            if let Some(t) = token {
                r = r.header("authorization", &format!("Bearer {t}"));
            }
            r.header("content-type", "application/json").send(body.map(|b| b.to_string()).unwrap_or_default().as_str())
        }
    }
    .expect("server reachable");
    let status = response.status().as_u16();
    let text = response.body_mut().read_to_string().unwrap_or_default();
    (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
}

fn delete(agent: &ureq::Agent, url: &str, token: Option<&str>) -> (u16, Value) {
    let mut r = agent.delete(url);
    if let Some(t) = token {
        r = r.header("authorization", &format!("Bearer {t}"));
    }
    let mut response = r.call().expect("server reachable");
    let status = response.status().as_u16();
    let text = response.body_mut().read_to_string().unwrap_or_default();
    (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
}

/// A request code for a made-up installation.
pub fn request_code(product: u16, serial: SerialNumber, key_id: u64, counter: u16, digest: u32) -> String {
    RequestCode { product, serial, key_id: KeyId(key_id), counter, entitlement_digest: digest, created: Day(2518) }
        .to_code()
}

pub fn empty_digest() -> u32 {
    Entitlements::new().digest()
}

pub fn random_key_id() -> u64 {
    let mut b = [0u8; 8];
    getrandom::fill(&mut b).unwrap();
    u64::from_be_bytes(b)
}

/// The `license` command, built beside `license-server` by `cargo test --workspace`.
pub fn license_binary() -> PathBuf {
    let server = PathBuf::from(env!("CARGO_BIN_EXE_license-server"));
    let path = server.with_file_name(format!("license{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.exists(),
        "{} is missing: run `cargo build -p license-client` (cargo test --workspace does)",
        path.display()
    );
    path
}

/// Runs `license` in `dir` with the given trust file and a fixed machine id.
pub fn license(dir: &Path, trust: &Path, args: &[&str]) -> Output {
    let machine = dir.join("machine-id");
    if !machine.exists() {
        std::fs::write(&machine, format!("machine-{}\n", random_key_id())).unwrap();
    }
    Command::new(license_binary())
        .current_dir(dir)
        .env("LICENSE_TRUST", trust)
        .env("LICENSE_MACHINE_ID_FILE", machine)
        .env_remove("LICENSE_FILE")
        .args(args)
        .output()
        .unwrap()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

pub fn ok(out: Output) -> String {
    assert!(out.status.success(), "failed: {}\n{}", stdout(&out), String::from_utf8_lossy(&out.stderr));
    stdout(&out)
}

/// The `license-server` binary as a separate process, on its own data
/// directory and (for PostgreSQL) its own database.
pub struct ServerProcess {
    pub data: tempfile::TempDir,
    pub database_url: Option<String>,
}

impl ServerProcess {
    pub fn new(backend: &Backend) -> Self {
        Self { data: tempfile::tempdir().unwrap(), database_url: backend.fresh_database() }
    }

    pub fn command(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_license-server"));
        c.arg("--data").arg(self.data.path()).env_remove("DATABASE_URL").env("LICENSE_SERVER_LOG", "warn");
        c.env_remove("LICENSE_SERVER_SIGNING_KEY").env_remove("LICENSE_SERVER_SIGNING_KEY_FILE");
        if let Some(url) = &self.database_url {
            c.arg("--database-url").arg(url);
        }
        c
    }

    /// Runs a subcommand that must succeed; returns its output.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.command().args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Runs a subcommand that must fail; returns its error output.
    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.command().args(args).output().unwrap();
        assert!(!out.status.success(), "{args:?} succeeded");
        String::from_utf8_lossy(&out.stderr).to_string()
    }

    /// Starts `serve` on a free port (no rate limits), with `env` added; waits until it listens.
    pub fn start(&self, env: &[(&str, &str)]) -> (std::process::Child, String) {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let mut cmd = self.command();
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = cmd
            .args(["serve", "--addr", &format!("127.0.0.1:{port}"), "--rate-limit-ip", "0", "--rate-limit-serial", "0"])
            .arg("--static")
            .arg(self.data.path().join("no-portal"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(std::time::Instant::now() < deadline, "server did not start");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        (child, format!("http://127.0.0.1:{port}"))
    }

    /// SpecView and a licence for `max_installations` installations with
    /// remote_users=1; returns its serial.
    pub fn setup_specview(&self, max_installations: &str) -> SerialNumber {
        self.ok(&[
            "product",
            "add",
            "--id",
            "7",
            "--name",
            "SpecView",
            "--entitlement",
            "remote_users:count",
            "--entitlement",
            "historian:flag",
        ]);
        let created: Value = serde_json::from_str(&self.ok(&[
            "license",
            "create",
            "--product",
            "SpecView",
            "--email",
            "it@example.com",
            "--max-installations",
            max_installations,
            "remote_users=1",
        ]))
        .unwrap();
        SerialNumber::parse(created["serial"].as_str().unwrap()).unwrap()
    }
}
