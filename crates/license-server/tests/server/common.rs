//! The server against a fresh database, SQLite or PostgreSQL: in process
//! (its router called with `oneshot`, for request shapes), on a real port
//! (for real HTTP clients and the `license` command), or as a separate
//! process (for crashes, signals and two servers on one database).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::mpsc;

use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{HeaderMap, Request};
use license_codes::{Day, Entitlements, KeyId, RequestCode, SerialNumber};
use license_server::tokens::{self, Role};
use license_server::{Application, HttpSettings, Settings};
use serde_json::{json, Value};
use tower::ServiceExt;

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
            $( #[test] fn $name() { super::$name($crate::common::Backend::Sqlite) } )*
        }
        mod postgres {
            $( #[test] fn $name() {
                match $crate::common::Backend::postgres() {
                    Some(backend) => super::$name(backend),
                    None => eprintln!("skipped: set LICENSE_TEST_POSTGRES_URL to run against PostgreSQL"),
                }
            } )*
        }
    };
}

/// What every way of running the server offers the tests: requests as
/// `(status, JSON body)`, and the SpecView set-up most tests start from.
pub trait Api {
    fn request(&self, method: &str, path: &str, token: Option<&str>, body: Option<&Value>) -> (u16, Value);
    fn admin(&self) -> &str;
    fn support(&self) -> &str;

    fn admin_post(&self, path: &str, body: &Value) -> (u16, Value) {
        self.request("POST", path, Some(self.admin()), Some(body))
    }

    /// Adds SpecView (product 7) and a licence without a registration code
    /// (these tests make up request codes; `registrations.rs` tests the
    /// codes); returns its serial.
    fn specview_license(&self, max_installations: i64, entitlements: Value) -> SerialNumber {
        let _ = self.admin_post("/api/v1/admin/products", &specview_json());
        let (status, body) = self.admin_post(
            "/api/v1/admin/licenses",
            &json!({"product": "SpecView", "contact_email": "it@example.com", "registration": false,
                    "max_installations": max_installations, "entitlements": entitlements}),
        );
        assert_eq!(status, 201, "{body}");
        SerialNumber::parse(body["serial"].as_str().unwrap()).unwrap()
    }

    fn queue_upgrade(&self, serial: SerialNumber, set: Value) -> Value {
        let (status, body) =
            self.admin_post(&format!("/api/v1/admin/licenses/{serial}/upgrades"), &json!({"set": set, "note": "test"}));
        assert_eq!(status, 201, "{body}");
        body
    }

    fn show(&self, serial: SerialNumber) -> Value {
        let (status, body) =
            self.request("GET", &format!("/api/v1/admin/licenses/{serial}"), Some(self.support()), None);
        assert_eq!(status, 200, "{body}");
        body
    }

    fn activate(&self, request_code: &str) -> (u16, Value) {
        self.request("POST", "/api/v1/activations", None, Some(&json!({"request_code": request_code})))
    }
}

/// The application built from its settings, its router called in process.
pub struct InProcess {
    runtime: tokio::runtime::Runtime,
    router: axum::Router,
    pub state: license_server::AppState,
    pub data: tempfile::TempDir,
    pub admin: String,
    pub support: String,
}

impl InProcess {
    pub fn start(backend: &Backend) -> InProcess {
        Self::start_with(backend, no_limits())
    }

    pub fn start_with(backend: &Backend, http: HttpSettings) -> InProcess {
        let data = tempfile::tempdir().unwrap();
        let settings = Settings { database_url: backend.fresh_database(), http, ..Settings::new(data.path()) };
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let (router, state, admin, support) = runtime.block_on(async {
            let app = Application::build(&settings).await.expect("the application starts");
            let admin = tokens::create(&app.state.db, "test-admin", Role::Admin, "test").await.unwrap();
            let support = tokens::create(&app.state.db, "test-support", Role::Support, "test").await.unwrap();
            let peer: std::net::SocketAddr = "192.0.2.7:50000".parse().unwrap();
            (app.router().layer(MockConnectInfo(peer)), app.state.clone(), admin, support)
        });
        InProcess { runtime, router, state, data, admin, support }
    }

    /// Runs `future` on the server's runtime (for direct database set-up).
    pub fn run<T>(&self, future: impl std::future::Future<Output = T>) -> T {
        self.runtime.block_on(future)
    }

    /// One request with the given headers and raw body: status, headers, body text.
    pub fn raw(&self, method: &str, path: &str, headers: &[(&str, &str)], body: Vec<u8>) -> (u16, HeaderMap, String) {
        let mut request = Request::builder().method(method).uri(path);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let request = request.body(Body::from(body)).unwrap();
        self.runtime.block_on(async {
            let response = self.router.clone().oneshot(request).await.unwrap();
            let status = response.status().as_u16();
            let headers = response.headers().clone();
            let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
            (status, headers, String::from_utf8_lossy(&bytes).into_owned())
        })
    }
}

pub fn json_or_text(text: String) -> Value {
    serde_json::from_str(&text).unwrap_or(Value::String(text))
}

impl Api for InProcess {
    fn request(&self, method: &str, path: &str, token: Option<&str>, body: Option<&Value>) -> (u16, Value) {
        let auth = token.map(|t| format!("Bearer {t}"));
        let mut headers = vec![("content-type", "application/json")];
        if let Some(auth) = &auth {
            headers.push(("authorization", auth));
        }
        let (status, _, text) =
            self.raw(method, path, &headers, body.map(|b| b.to_string().into_bytes()).unwrap_or_default());
        (status, json_or_text(text))
    }
    fn admin(&self) -> &str {
        &self.admin
    }
    fn support(&self) -> &str {
        &self.support
    }
}

/// The application served on a real port, in a thread of its own.
pub struct TestServer {
    pub url: String,
    pub data: tempfile::TempDir,
    pub database_url: Option<String>,
    pub admin: String,
    pub support: String,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

pub fn no_limits() -> HttpSettings {
    HttpSettings::default()
}

impl TestServer {
    pub fn start(backend: &Backend) -> TestServer {
        Self::start_with(backend, no_limits())
    }

    pub fn start_with(backend: &Backend, http: HttpSettings) -> TestServer {
        let data = tempfile::tempdir().unwrap();
        let database_url = backend.fresh_database();
        let settings = Settings { database_url: database_url.clone(), http, ..Settings::new(data.path()) };
        let (ready_tx, ready_rx) = mpsc::channel();
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
            runtime.block_on(async move {
                let app = Application::build(&settings).await.expect("the application starts");
                let admin = tokens::create(&app.state.db, "test-admin", Role::Admin, "test").await.unwrap();
                let support = tokens::create(&app.state.db, "test-support", Role::Support, "test").await.unwrap();
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                let addr = listener.local_addr().unwrap();
                ready_tx.send((format!("http://{addr}"), admin, support)).unwrap();
                let shutdown = async {
                    let _ = stop_rx.await;
                };
                app.serve(listener, None, shutdown, settings.shutdown_timeout).await.unwrap();
            });
        });
        let (url, admin, support) = ready_rx.recv().expect("server started");
        TestServer { url, data, database_url, admin, support, stop: Some(stop_tx), thread: Some(thread) }
    }

    /// The trust file a program is built with, written into the data dir.
    pub fn trust_file(&self) -> PathBuf {
        let (status, trust) = self.request("GET", "/api/v1/trust", None, None);
        assert_eq!(status, 200);
        let path = self.data.path().join("trust.json");
        std::fs::write(&path, trust.to_string()).unwrap();
        path
    }
}

impl Api for TestServer {
    fn request(&self, method: &str, path: &str, token: Option<&str>, body: Option<&Value>) -> (u16, Value) {
        request(&self.url, method, path, token, body)
    }
    fn admin(&self) -> &str {
        &self.admin
    }
    fn support(&self) -> &str {
        &self.support
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
            let mut r = match m {
                "DELETE" => return delete(&agent, &url, token),
                "PATCH" => agent.patch(&url),
                _ => agent.post(&url),
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

/// A new installation's request code (update 0) for a licence with a
/// registration code, as `license create-code` makes it after `license init
/// --registration-code`: the digest field carries the code's tag.
pub fn registered_request_code(serial: SerialNumber, registration_code: &str, key_id: u64) -> String {
    let code = license_codes::RegistrationCode::parse(registration_code).expect("a registration code");
    let mut r = RequestCode {
        product: 7,
        serial,
        key_id: KeyId(key_id),
        counter: 0,
        entitlement_digest: 0,
        created: Day(2518),
    };
    r.entitlement_digest = code.tag(&r);
    r.to_code()
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

/// A server process that is ended when the test ends, also when it fails.
pub struct Running(pub std::process::Child);

impl std::ops::Deref for Running {
    type Target = std::process::Child;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl std::ops::DerefMut for Running {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The `license-server` binary as a separate process, on its own data
/// directory and (for PostgreSQL) its own database.
pub struct ServerProcess {
    pub data: tempfile::TempDir,
    pub database_url: Option<String>,
    /// Variables every command gets (a token's settings, say).
    pub env: Vec<(String, String)>,
}

impl ServerProcess {
    pub fn new(backend: &Backend) -> Self {
        Self { data: tempfile::tempdir().unwrap(), database_url: backend.fresh_database(), env: Vec::new() }
    }

    pub fn command(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_license-server"));
        c.arg("--data").arg(self.data.path()).env_remove("DATABASE_URL").env("LICENSE_SERVER_LOG", "warn");
        c.env_remove("LICENSE_SERVER_SIGNING_KEY").env_remove("LICENSE_SERVER_SIGNING_KEY_FILE");
        c.envs(self.env.iter().map(|(k, v)| (k, v)));
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
        let (child, port) = self.start_serving(env, &[]);
        (child, format!("http://127.0.0.1:{port}"))
    }

    /// `start`, ended when the returned guard drops (a failing test leaves no server behind).
    pub fn serve(&self, env: &[(&str, &str)]) -> (Running, String) {
        let (child, url) = self.start(env);
        (Running(child), url)
    }

    /// `serve` with `args` added (and `env`); returns the process and its port once it listens.
    pub fn start_serving(&self, env: &[(&str, &str)], args: &[&str]) -> (std::process::Child, u16) {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let mut cmd = self.command();
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = cmd
            .args(["serve", "--addr", &format!("127.0.0.1:{port}"), "--rate-limit-ip", "0", "--rate-limit-serial", "0"])
            .args(args)
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
        (child, port)
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
        self.create_specview_license("it@example.com", max_installations)
    }

    /// A licence of SpecView (added already) with remote_users=1, for
    /// `max_installations` installations and the contact `email`, without a
    /// registration code (these tests make up request codes).
    pub fn create_specview_license(&self, email: &str, max_installations: &str) -> SerialNumber {
        let created: Value = serde_json::from_str(&self.ok(&[
            "license",
            "create",
            "--product",
            "SpecView",
            "--email",
            email,
            "--max-installations",
            max_installations,
            "--no-registration-code",
            "remote_users=1",
        ]))
        .unwrap();
        SerialNumber::parse(created["serial"].as_str().unwrap()).unwrap()
    }
}

// Staff in the console: accounts, signing in, requests with the session.

pub const HOST: &str = "licensing.example.com";
pub const ORIGIN: &str = "http://licensing.example.com";
pub const PASSWORD: &str = "correct horse battery";

/// Adds a staff member with [`PASSWORD`] (a reseller with its products).
pub fn add_staff(server: &InProcess, email: &str, role: license_api::Role, products: &[&str]) {
    let products: Vec<String> = products.iter().map(|p| p.to_string()).collect();
    server.run(license_server::staff::add(&server.state.db, email, role, &products, Some(PASSWORD), "test")).unwrap();
}

/// Signs in; returns the status, headers and body.
pub fn sign_in(server: &InProcess, email: &str, password: &str) -> (u16, axum::http::HeaderMap, Value) {
    let body = json!({"email": email, "password": password}).to_string().into_bytes();
    let (status, headers, text) =
        server.raw("POST", "/api/v1/session", &[("content-type", "application/json"), ("host", HOST)], body);
    (status, headers, serde_json::from_str(&text).unwrap_or(Value::String(text)))
}

/// The `name=value` part of the session cookie a sign-in set.
pub fn session(server: &InProcess, email: &str) -> String {
    let (status, headers, body) = sign_in(server, email, PASSWORD);
    assert_eq!(status, 200, "{body}");
    headers["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_string()
}

/// A request with the session cookie, from the console's own origin unless `origin` says otherwise.
pub fn with_cookie(
    server: &InProcess,
    method: &str,
    path: &str,
    cookie: &str,
    origin: Option<&str>,
    body: Option<Value>,
) -> (u16, Value) {
    let mut headers = vec![("content-type", "application/json"), ("host", HOST), ("cookie", cookie)];
    if let Some(origin) = origin {
        headers.push(("origin", origin));
    }
    let (status, _, text) =
        server.raw(method, path, &headers, body.map(|b| b.to_string().into_bytes()).unwrap_or_default());
    (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
}
