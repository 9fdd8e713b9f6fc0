//! Backups and restores, as a vendor runs them: `license-server backup`
//! while the server issues responses, `restore` into a new data directory,
//! and the restored server answering every request code issued before the
//! backup with its stored response, byte for byte; a backup killed halfway
//! leaves no file under its name. PostgreSQL: `pg_dump` and `pg_restore`,
//! then `check`. And upgrades: a database written by the previous release
//! (tests/fixtures/previous-release) migrates and answers the same.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::*;
use serde_json::{json, Value};

const MAIL: [(&str, &str); 2] =
    [("LICENSE_SERVER_SMTP_URL", "smtp://127.0.0.1:9"), ("LICENSE_SERVER_MAIL_FROM", "licensing@vendor.example")];

/// The strings one query gives on a SQLite file.
fn sqlite_strings(path: &Path, sql: &str) -> Vec<String> {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        use sqlx::{ConnectOptions, Row};
        let mut conn =
            sqlx::sqlite::SqliteConnectOptions::new().filename(path).read_only(true).connect().await.unwrap();
        let rows = sqlx::query(sql).fetch_all(&mut conn).await.unwrap();
        rows.iter().map(|r| r.try_get::<String, _>(0).unwrap_or_else(|_| r.get::<i64, _>(0).to_string())).collect()
    })
}

/// Adds `blocks` random 64 KiB rows to a SQLite file (while no server
/// runs), so that copying it takes long enough to overlap with something.
fn add_ballast(path: &Path, blocks: u32) {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        use sqlx::{ConnectOptions, Executor};
        let mut conn = sqlx::sqlite::SqliteConnectOptions::new().filename(path).connect().await.unwrap();
        conn.execute(format!("CREATE TABLE ballast (b BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {blocks}) INSERT INTO ballast SELECT randomblob(65536) FROM n").as_str()).await.unwrap();
    });
}

/// Asks again for each (request code, first answer): the same response, issued at the same time.
fn assert_answers_again(url: &str, answered: &[(String, Value)]) {
    for (code, first) in answered {
        let (status, again) = request(url, "POST", "/api/v1/activations", None, Some(&json!({"request_code": code})));
        assert_eq!(status, 200, "{code}: {again}");
        assert_eq!(again["response_code"], first["response_code"], "{code}");
        assert_eq!(again["issued_at"], first["issued_at"], "{code}");
        assert_eq!(again["already_issued"], true, "{code}");
    }
}

#[test]
fn a_backup_during_load_restores_every_response_sessions_and_outboxes() {
    let d = ServerProcess::new(&Backend::Sqlite);
    let serial = d.setup_specview("1000000");
    let mut add = d.command();
    let mut child = add
        .args(["staff", "add", "--email", "admin@vendor.example", "--role", "admin", "--password-stdin"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), format!("{PASSWORD}\n").as_bytes()).unwrap();
    assert!(child.wait().unwrap().success());
    d.ok(&["webhook", "add", "--url", "http://127.0.0.1:9/hook", "--event", "response.issued", "--allow-private"]);
    // Queued mail: a purchase confirmation the running server (without mail) leaves waiting.
    let mut create = d.command();
    create.envs(MAIL).args([
        "license",
        "create",
        "--product",
        "SpecView",
        "--email",
        "it@second.example",
        "remote_users=1",
    ]);
    assert!(create.output().unwrap().status.success());
    // Ballast (20 MB), so that the copy lasts long enough for the load to
    // run during it even on a busy machine (a small database is copied
    // between two responses).
    add_ballast(&d.data.path().join("license-server.db"), 300);
    let (server, url) = d.serve(&[]);

    // A session, to find again in the restored server.
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let signed_in = agent
        .post(&format!("{url}/api/v1/session"))
        .header("content-type", "application/json")
        .send(json!({"email": "admin@vendor.example", "password": PASSWORD}).to_string().as_str())
        .unwrap();
    assert_eq!(signed_in.status(), 200);
    let cookie =
        signed_in.headers().get("set-cookie").unwrap().to_str().unwrap().split(';').next().unwrap().to_string();

    let answered: Arc<Mutex<Vec<(String, Value)>>> = Arc::default();
    let halt = Arc::new(AtomicBool::new(false));
    let clients: Vec<_> = (0..4)
        .map(|_| {
            let (url, answered, halt) = (url.clone(), answered.clone(), halt.clone());
            std::thread::spawn(move || {
                while !halt.load(Ordering::Relaxed) {
                    let code = request_code(7, serial, random_key_id(), 0, empty_digest());
                    let (status, body) =
                        request(&url, "POST", "/api/v1/activations", None, Some(&json!({"request_code": code})));
                    assert_eq!(status, 200, "{body}");
                    answered.lock().unwrap().push((code, body));
                }
            })
        })
        .collect();
    let started = Instant::now();
    while answered.lock().unwrap().len() < 150 && started.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(10));
    }
    let before_backup = answered.lock().unwrap().clone();
    let mail_before =
        sqlite_strings(&d.data.path().join("license-server.db"), "SELECT id FROM mail_outbox ORDER BY id");
    let webhooks_before =
        sqlite_strings(&d.data.path().join("license-server.db"), "SELECT id FROM webhook_deliveries ORDER BY id");
    let backup_dir = tempfile::tempdir().unwrap();
    let file = backup_dir.path().join("license-server.backup");
    let backup_started = Instant::now();
    let made = d.ok(&["backup", "--to", file.to_str().unwrap(), "--include-keys"]);
    let after_backup = answered.lock().unwrap().len();
    let backup_took = backup_started.elapsed();
    halt.store(true, Ordering::Relaxed);
    for c in clients {
        c.join().unwrap();
    }
    drop(server); // ends it
    assert!(
        after_backup > before_backup.len(),
        "the load did not run during the backup ({} responses before, {after_backup} after; the backup took {backup_took:?})",
        before_backup.len()
    );
    assert!(made.contains("0600") && made.contains("signing keys"), "{made}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
    }
    assert!(!mail_before.is_empty() && !webhooks_before.is_empty(), "nothing in the outboxes to compare");

    let r = ServerProcess::new(&Backend::Sqlite);
    let restored = r.ok(&["restore", "--from", file.to_str().unwrap()]);
    assert!(restored.contains("check: ok") && restored.contains("signing-key-1.hex"), "{restored}");
    assert_eq!(
        std::fs::read(r.data.path().join("keys/signing-key-1.hex")).unwrap(),
        std::fs::read(d.data.path().join("keys/signing-key-1.hex")).unwrap()
    );
    let db = r.data.path().join("license-server.db");
    let mail_after = sqlite_strings(&db, "SELECT id FROM mail_outbox ORDER BY id");
    let webhooks_after = sqlite_strings(&db, "SELECT id FROM webhook_deliveries ORDER BY id");
    assert!(mail_before.iter().all(|m| mail_after.contains(m)), "{mail_before:?} {mail_after:?}");
    assert!(webhooks_before.iter().all(|w| webhooks_after.contains(w)), "{webhooks_before:?} {webhooks_after:?}");
    assert!(sqlite_strings(&db, "SELECT name FROM sqlite_master WHERE name LIKE 'backup_%'").is_empty());

    let (server, url) = r.serve(&[]);
    assert_answers_again(&url, &before_backup);
    let session = agent.get(&format!("{url}/api/v1/session")).header("cookie", &cookie).call().unwrap();
    assert_eq!(session.status(), 200, "the session did not survive the backup");
    let new = request_code(7, serial, random_key_id(), 0, empty_digest());
    let (status, body) = request(&url, "POST", "/api/v1/activations", None, Some(&json!({"request_code": new})));
    assert_eq!(status, 200, "the restored server cannot issue: {body}");
    drop(server); // ends it
    eprintln!("{} responses before the backup, {after_backup} when it ended: all answered again", before_backup.len());
}

#[test]
fn a_backup_killed_halfway_leaves_no_file() {
    let d = ServerProcess::new(&Backend::Sqlite);
    d.setup_specview("5");
    // Ballast, so that the copy takes long enough to be killed in the middle.
    add_ballast(&d.data.path().join("license-server.db"), 1200);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("nightly.backup");
    let partial = dir.path().join(".nightly.backup.partial");
    let mut interrupted = 0;
    for delay in [30, 60, 100, 150, 200, 300, 400, 600] {
        let mut backup = d.command().args(["backup", "--to", file.to_str().unwrap()]).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        backup.kill().unwrap(); // SIGKILL
        backup.wait().unwrap();
        if file.exists() {
            // The name appears only when the backup is whole: it restores.
            let r = ServerProcess::new(&Backend::Sqlite);
            assert!(r.ok(&["restore", "--from", file.to_str().unwrap()]).contains("check: ok"));
            std::fs::remove_file(&file).unwrap();
        } else if partial.exists() {
            interrupted += 1;
        }
    }
    assert!(interrupted > 0, "no backup was killed halfway: make the ballast larger");
    // The next backup is whole, whatever the killed ones left.
    d.ok(&["backup", "--to", file.to_str().unwrap()]);
    assert!(!partial.exists());
    let r = ServerProcess::new(&Backend::Sqlite);
    assert!(r.ok(&["restore", "--from", file.to_str().unwrap()]).contains("check: ok"));
}

#[test]
fn restore_refuses_what_it_cannot_restore_and_says_why() {
    let d = ServerProcess::new(&Backend::Sqlite);
    d.setup_specview("1");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("b");
    let made = d.ok(&["backup", "--to", file.to_str().unwrap()]);
    assert!(made.contains("not in it") && made.contains("keys"), "{made}");

    // Only into an empty directory: never over a vendor's data.
    let said = d.fails(&["restore", "--from", file.to_str().unwrap()]);
    assert!(said.contains("is not empty"), "{said}");
    // Not a backup.
    let r = ServerProcess::new(&Backend::Sqlite);
    let said = r.fails(&["restore", "--from", d.data.path().join("keys/signing-key-1.hex").to_str().unwrap()]);
    assert!(said.contains("is not a license-server backup"), "{said}");
    // Made by a newer release.
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let newer = dir.path().join("newer");
    std::fs::copy(&file, &newer).unwrap();
    runtime.block_on(async {
        use sqlx::{ConnectOptions, Executor};
        let mut conn = sqlx::sqlite::SqliteConnectOptions::new().filename(&newer).connect().await.unwrap();
        conn.execute("UPDATE backup_manifest SET value = '999' WHERE key = 'schema_version'").await.unwrap();
    });
    let said = r.fails(&["restore", "--from", newer.to_str().unwrap()]);
    assert!(said.contains("schema version 999, newer"), "{said}");
    assert!(std::fs::read_dir(r.data.path()).unwrap().next().is_none(), "a refused restore wrote something");
    // Without the keys: restored, and told where the keys must come from.
    let restored = r.ok(&["restore", "--from", file.to_str().unwrap()]);
    assert!(restored.contains("holds no keys") && restored.contains("check: ok"), "{restored}");
    // A wrong --data is not backed up as an empty database.
    let empty = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_license-server"))
        .arg("--data")
        .arg(empty.path())
        .args(["backup", "--to", dir.path().join("x").to_str().unwrap()])
        .env_remove("DATABASE_URL")
        .output()
        .unwrap();
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("there is no database"));
}

/// PostgreSQL's binaries (scripts/postgres.sh installs them).
fn pg_tool(name: &str) -> PathBuf {
    let mut dirs: Vec<PathBuf> =
        std::fs::read_dir("/usr/lib/postgresql").unwrap().flatten().map(|e| e.path().join("bin")).collect();
    dirs.sort();
    dirs.last().expect("PostgreSQL installed").join(name)
}

fn run(cmd: &mut Command) {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{cmd:?}: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn postgres_pg_dump_and_pg_restore_then_check() {
    let Some(backend) = Backend::postgres() else {
        eprintln!("skipped: set LICENSE_TEST_POSTGRES_URL to run against PostgreSQL");
        return;
    };
    let d = ServerProcess::new(&backend);
    let serial = d.setup_specview("100");
    let said = d.fails(&["backup", "--to", "/tmp/never-written"]);
    assert!(said.contains("pg_dump"), "{said}");
    let (server, url) = d.serve(&[]);
    let answered: Vec<(String, Value)> = (0..20)
        .map(|_| {
            let code = request_code(7, serial, random_key_id(), 0, empty_digest());
            let (status, body) =
                request(&url, "POST", "/api/v1/activations", None, Some(&json!({"request_code": code})));
            assert_eq!(status, 200, "{body}");
            (code, body)
        })
        .collect();
    let dump = d.data.path().join("licensing.dump");
    // As docs/deploy.md says: the custom format, while the server runs.
    run(Command::new(pg_tool("pg_dump"))
        .args(["--format=custom", "--file"])
        .arg(&dump)
        .arg(d.database_url.as_ref().unwrap()));
    drop(server); // ends it

    let r =
        ServerProcess { data: tempfile::tempdir().unwrap(), database_url: backend.fresh_database(), env: Vec::new() };
    std::fs::create_dir_all(r.data.path().join("keys")).unwrap();
    for key in ["signing-key-1.hex", "webhook-key.hex"] {
        let from = d.data.path().join("keys").join(key);
        if from.exists() {
            std::fs::copy(from, r.data.path().join("keys").join(key)).unwrap();
        }
    }
    run(Command::new(pg_tool("pg_restore"))
        .args(["--no-owner", "--exit-on-error", "--dbname"])
        .arg(r.database_url.as_ref().unwrap())
        .arg(&dump));
    assert_eq!(r.ok(&["check"]), "ok");
    let (server, url) = r.serve(&[]);
    assert_answers_again(&url, &answered);
    drop(server); // ends it
}

/// The previous release's answers, as tests/fixtures/previous-release holds them.
fn fixture_answers(file: &str) -> Vec<(String, Value)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/previous-release").join(file);
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|line| {
            let pair: Value = serde_json::from_str(line).unwrap();
            let answer: Value = serde_json::from_str(pair["answer"].as_str().unwrap()).unwrap();
            (pair["request_code"].as_str().unwrap().to_string(), answer)
        })
        .collect()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &to.join(entry.file_name()));
        } else {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

#[test]
fn a_sqlite_database_of_the_previous_release_migrates_and_answers_the_same() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/previous-release");
    let d = ServerProcess::new(&Backend::Sqlite);
    copy_dir(&fixture.join("sqlite"), d.data.path());
    let answered = fixture_answers("sqlite-requests.jsonl");
    assert_eq!(answered.len(), 3);
    let (server, url) = d.serve(&[]);
    assert_answers_again(&url, &answered);
    drop(server); // ends it
    assert_eq!(d.ok(&["check"]), "ok");
}

#[test]
fn a_postgres_dump_of_the_previous_release_migrates_and_answers_the_same() {
    let Some(backend) = Backend::postgres() else {
        eprintln!("skipped: set LICENSE_TEST_POSTGRES_URL to run against PostgreSQL");
        return;
    };
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/previous-release");
    let d = ServerProcess::new(&backend);
    copy_dir(&fixture.join("postgres"), d.data.path());
    run(Command::new(pg_tool("psql"))
        .args(["--quiet", "--set", "ON_ERROR_STOP=1", "--file"])
        .arg(fixture.join("postgres.sql"))
        .arg(d.database_url.as_ref().unwrap()));
    let answered = fixture_answers("postgres-requests.jsonl");
    let (server, url) = d.serve(&[]);
    assert_answers_again(&url, &answered);
    drop(server); // ends it
    assert_eq!(d.ok(&["check"]), "ok");
}
