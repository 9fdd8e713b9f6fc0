//! The `license` binary end to end: init, create-code, a response made for
//! it, enter-code, status; then every error, each with its exit code and the
//! licence file left byte for byte as it was.

#[path = "cli/clock.rs"]
mod clock;
#[path = "pictures/mod.rs"]
mod pictures;
#[path = "cli/seats.rs"]
mod seats;

use std::path::PathBuf;
use std::process::{Command, Output};

use license_codes::*;
use serde_json::Value;

struct Installation {
    dir: tempfile::TempDir,
}

fn vendor_key() -> SigningKey {
    SigningKey::from_bytes(&[42; 32])
}

fn specview() -> Product {
    serde_json::from_str(
        r#"{"id": 7, "name": "SpecView", "entitlements": [
            {"name": "remote_users"}, {"name": "clients"}, {"name": "historian", "kind": "flag"}]}"#,
    )
    .unwrap()
}

fn state(assignments: &[&str]) -> Entitlements {
    let mut e = Entitlements::new();
    specview().assign(&mut e, &assignments.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap();
    e
}

impl Installation {
    /// A fresh installation of SpecView at update 0 on "machine A".
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let trust =
            TrustFile { keys: vec![PublicKeyEntry::new(1, &vendor_key().verifying_key())], products: vec![specview()] };
        std::fs::write(dir.path().join("trust.json"), serde_json::to_string(&trust).unwrap()).unwrap();
        std::fs::write(dir.path().join("machine-a"), "machine-a-id\n").unwrap();
        std::fs::write(dir.path().join("machine-b"), "machine-b-id\n").unwrap();
        let me = Self { dir };
        let out = me.run(&["init", "--serial", &Self::serial().to_code(), "--product", "SpecView"]);
        assert_success(&out);
        me
    }

    fn serial() -> SerialNumber {
        SerialNumber::new(0xAB_CDEF_0123).unwrap()
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn command(&self) -> Command {
        self.configure(Command::new(license_bin()))
    }

    /// The command with its clock moved by `offset` (libfaketime's
    /// `-3d`, `+31m`, …): the only way to move the library's clock.
    fn command_at(&self, offset: &str) -> Command {
        let mut c = Command::new("faketime");
        c.args(["-f", offset]).arg(license_bin());
        self.configure(c)
    }

    fn run_at(&self, offset: &str, args: &[&str]) -> Output {
        self.command_at(offset).args(args).output().expect("faketime runs (Debian's faketime, scripts/test.sh)")
    }

    fn configure(&self, mut c: Command) -> Command {
        c.current_dir(self.dir.path())
            .env("LICENSE_TRUST", self.path("trust.json"))
            .env("LICENSE_MACHINE_ID_FILE", self.path("machine-a"))
            .env_remove("LICENSE_FILE")
            // English unless a test asks otherwise, whatever this machine's locale.
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANGUAGE");
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command().args(args).output().unwrap()
    }

    fn license_file(&self) -> Vec<u8> {
        std::fs::read(self.path("license.json")).unwrap()
    }

    fn request(&self) -> RequestCode {
        let out = self.run(&["create-code"]);
        assert_success(&out);
        RequestCode::parse(&stdout(&out)).unwrap()
    }

    fn respond(&self, request: &RequestCode, to: u16, entitlements: Entitlements) -> String {
        let grant = Grant {
            product: request.product,
            serial: request.serial,
            key_id: request.key_id,
            from_counter: request.counter,
            to_counter: to,
            issued: request.created,
            entitlements,
        };
        sign_response(&vendor_key(), 1, &grant).unwrap().to_code()
    }

    fn status(&self) -> Value {
        let out = self.run(&["status", "--json"]);
        assert_success(&out);
        serde_json::from_str(&stdout(&out)).unwrap()
    }

    /// Brings the installation to update 1 with one remote user.
    fn at_update_one(self) -> Self {
        let request = self.request();
        let code = self.respond(&request, 1, state(&["remote_users=1", "clients=25"]));
        assert_success(&self.run(&["enter-code", &code]));
        self
    }
}

/// The command under test: this build, or another given by LICENSE_BIN, such
/// as the Windows build under wine (scripts/windows.sh).
fn license_bin() -> std::ffi::OsString {
    std::env::var_os("LICENSE_BIN").unwrap_or_else(|| env!("CARGO_BIN_EXE_license").into())
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

fn assert_success(out: &Output) {
    assert!(out.status.success(), "failed ({}): {}\n{}", out.status, stdout(out), stderr(out));
}

/// Runs `args`, expects `exit` and `message` on stderr, and checks the
/// licence file did not change.
fn assert_refused(inst: &Installation, args: &[&str], exit: i32, message: &str) {
    let before = inst.license_file();
    let out = inst.run(args);
    assert_eq!(out.status.code(), Some(exit), "{args:?}: {}", stderr(&out));
    assert!(stderr(&out).contains(message), "{args:?}: expected '{message}' in: {}", stderr(&out));
    assert!(stderr(&out).contains("next step:"), "no next step: {}", stderr(&out));
    assert_eq!(inst.license_file(), before, "{args:?} changed the licence file");
}

#[test]
fn the_specview_round_trip() {
    let inst = Installation::new();
    assert_eq!(inst.status()["counter"], 0);

    let out = inst.run(&["create-code", "--save", "Step_1_Code.TXT"]);
    assert_success(&out);
    let code = stdout(&out);
    assert_eq!(std::fs::read_to_string(inst.path("Step_1_Code.TXT")).unwrap().trim(), code);
    let log = std::fs::read_to_string(inst.path("license.codes-sent.log")).unwrap();
    assert!(log.contains(&code), "codes-sent log lacks the code: {log}");
    let request = RequestCode::parse(&code).unwrap();
    assert_eq!((request.product, request.serial, request.counter), (7, Installation::serial(), 0));
    assert_eq!(request.entitlement_digest, Entitlements::new().digest());

    // First activation, then the SpecView upgrade: remote users 1 -> 3.
    let first = inst.respond(&request, 1, state(&["remote_users=1", "clients=25"]));
    assert_success(&inst.run(&["enter-code", &first]));
    let request = inst.request();
    assert_eq!(request.counter, 1);
    assert_eq!(request.entitlement_digest, state(&["remote_users=1", "clients=25"]).digest());
    let upgrade = inst.respond(&request, 2, state(&["remote_users=3", "clients=25"]));
    std::fs::write(inst.path("Step_2_Response_Code.TXT"), format!("> {}\r\n", upgrade.to_lowercase())).unwrap();
    let out = inst.run(&["enter-code", "--file", "Step_2_Response_Code.TXT"]);
    assert_success(&out);
    assert!(stdout(&out).contains("remote_users: 1 -> 3"), "{}", stdout(&out));
    assert!(!stdout(&out).contains("clients"), "unchanged entitlements are not listed: {}", stdout(&out));

    let status = inst.status();
    assert_eq!(status["counter"], 2);
    assert_eq!(status["entitlements"]["remote_users"], 3);
    assert_eq!(status["entitlements"]["clients"], 25);
    assert_eq!(status["entitlements"]["historian"], false);
    let plain = stdout(&inst.run(&["status"]));
    assert!(plain.contains("remote_users: 3"), "{plain}");
}

#[test]
fn one_response_brings_any_older_counter_up_to_date() {
    let inst = Installation::new();
    let request = inst.request();
    let cumulative = inst.respond(&request, 5, state(&["remote_users=3", "historian=yes"]));
    let out = inst.run(&["enter-code", &cumulative]);
    assert_success(&out);
    assert!(stdout(&out).contains("now at update 5 (was 0)"), "{}", stdout(&out));
    assert_eq!(inst.status()["entitlements"]["historian"], true);
}

#[test]
fn a_typo_is_refused_naming_its_group() {
    let inst = Installation::new();
    let code = inst.respond(&inst.request(), 1, state(&["remote_users=3"]));
    let mut chars: Vec<char> = code.chars().collect();
    chars[2 * 7 + 1] = if chars[15] == '7' { '8' } else { '7' };
    let typo: String = chars.into_iter().collect();
    assert_refused(&inst, &["enter-code", &typo], 3, "group 3 has a typo");
    assert_refused(&inst, &["enter-code", &code[..60]], 3, "cut short");
}

#[test]
fn a_request_code_entered_by_mistake_is_explained() {
    let inst = Installation::new();
    let request = inst.request().to_code();
    assert_refused(&inst, &["enter-code", &request], 4, "this is a request code, not a response code");
    assert_refused(&inst, &["enter-code", &Installation::serial().to_code()], 4, "serial number");
}

#[test]
fn a_response_for_another_product_is_refused() {
    let inst = Installation::new();
    let mut request = inst.request();
    request.product = 8;
    let code = inst.respond(&request, 1, state(&["remote_users=3"]));
    assert_refused(&inst, &["enter-code", &code], 5, "for product 8");
}

#[test]
fn a_response_for_another_installation_is_keyid_not_found() {
    let inst = Installation::new();
    let mut request = inst.request();
    request.key_id = KeyId(request.key_id.0 ^ 0xFFFF_0000_0000_0000);
    let code = inst.respond(&request, 1, state(&["remote_users=3"]));
    assert_refused(&inst, &["enter-code", &code], 6, "KEYID_NOT_FOUND");
}

#[test]
fn an_applied_or_superseded_response_is_too_old() {
    let inst = Installation::new();
    let request = inst.request();
    let first = inst.respond(&request, 1, state(&["remote_users=1"]));
    let other_first = inst.respond(&request, 1, state(&["remote_users=2"]));
    assert_success(&inst.run(&["enter-code", &first]));
    assert_refused(&inst, &["enter-code", &first], 7, "already been applied");
    assert_refused(&inst, &["enter-code", &other_first], 7, "TOO_OLD");
    let second = inst.respond(&inst.request(), 2, state(&["remote_users=3"]));
    assert_success(&inst.run(&["enter-code", &second]));
    assert_refused(&inst, &["enter-code", &first], 7, "a newer update is already installed");
}

#[test]
fn a_response_after_a_missing_update_is_too_new() {
    let inst = Installation::new();
    let mut request = inst.request();
    request.counter = 1;
    let code = inst.respond(&request, 2, state(&["remote_users=3"]));
    assert_refused(&inst, &["enter-code", &code], 8, "TOO_NEW");
}

#[test]
fn a_forged_response_has_a_bad_signature() {
    let inst = Installation::new();
    let request = inst.request();
    let grant = Grant {
        product: 7,
        serial: request.serial,
        key_id: request.key_id,
        from_counter: 0,
        to_counter: 1,
        issued: request.created,
        entitlements: state(&["remote_users=99"]),
    };
    let forged = sign_response(&SigningKey::from_bytes(&[1; 32]), 1, &grant).unwrap().to_code();
    assert_refused(&inst, &["enter-code", &forged], 9, "signature does not verify");
    let unknown = sign_response(&vendor_key(), 2, &grant).unwrap().to_code();
    assert_refused(&inst, &["enter-code", &unknown], 10, "vendor key 2");
}

#[test]
fn a_future_format_is_named() {
    let inst = Installation::new();
    let code = inst.respond(&inst.request(), 1, state(&["remote_users=3"]));
    let symbols = text::normalize(&code).unwrap();
    let mut data: Vec<u8> = symbols.chunks(6).flat_map(|g| g[..5].to_vec()).collect();
    data[0] = 3 * 8 + 2;
    let v2 = text::encode_groups(Kind::Response, &data);
    assert_refused(&inst, &["enter-code", &v2], 11, "format version 2");
}

#[test]
fn a_copied_licence_file_is_refused() {
    let inst = Installation::new().at_update_one();
    let before = inst.license_file();
    let out = inst.command().env("LICENSE_MACHINE_ID_FILE", inst.path("machine-b")).args(["status"]).output().unwrap();
    assert_eq!(out.status.code(), Some(13), "{}", stderr(&out));
    assert!(stderr(&out).contains("made on another machine"));
    let out =
        inst.command().env("LICENSE_MACHINE_ID_FILE", inst.path("machine-b")).args(["create-code"]).output().unwrap();
    assert_eq!(out.status.code(), Some(13));
    assert_eq!(inst.license_file(), before);
}

#[test]
fn a_hand_edited_licence_file_is_detected() {
    let inst = Installation::new().at_update_one();
    let original = String::from_utf8(inst.license_file()).unwrap();
    let mut file: Value = serde_json::from_str(&original).unwrap();
    file["entitlements"]["0"] = 50.into();
    std::fs::write(inst.path("license.json"), serde_json::to_string_pretty(&file).unwrap()).unwrap();
    assert_refused(&inst, &["status"], 14, "does not match the signed response");

    // Moving the key id to match another machine breaks the signature binding.
    let mut file: Value = serde_json::from_str(&original).unwrap();
    file["counter"] = 9.into();
    std::fs::write(inst.path("license.json"), serde_json::to_string_pretty(&file).unwrap()).unwrap();
    assert_refused(&inst, &["status"], 14, "counter or entitlements differ");

    std::fs::write(inst.path("license.json"), "{ not json").unwrap();
    assert_refused(&inst, &["status"], 12, "cannot be read");
}

#[test]
fn setup_mistakes_are_explained() {
    let inst = Installation::new();
    assert_refused(
        &inst,
        &["init", "--serial", &Installation::serial().to_code(), "--product", "7"],
        12,
        "already exists",
    );
    let out = inst.command().env_remove("LICENSE_TRUST").args(["enter-code", "S0000"]).output().unwrap();
    assert_eq!(out.status.code(), Some(15), "{}", stderr(&out));
    let out = inst.run(&["--license-file", "other.json", "status"]);
    assert_eq!(out.status.code(), Some(12));
    assert!(stderr(&out).contains("license init"), "{}", stderr(&out));
    let out = inst.run(&["--license-file", "other.json", "init", "--serial", "9K6JYV-DYBZ38", "--product", "7"]);
    assert_eq!(out.status.code(), Some(3), "a serial with a typo: {}", stderr(&out));
    assert!(!inst.path("other.json").exists());
}

#[test]
fn decode_shows_every_field_for_support() {
    let inst = Installation::new();
    let request = inst.request();
    let out = inst.run(&["decode", "--json", &request.to_code()]);
    assert_success(&out);
    let view: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(view["kind"], "request");
    assert_eq!(view["product"]["name"], "SpecView");
    assert_eq!(view["serial"], Installation::serial().to_code());
    assert_eq!(view["key_id"], request.key_id.to_string());

    let response = inst.respond(&request, 1, state(&["remote_users=3"]));
    let view: Value = serde_json::from_str(&stdout(&inst.run(&["decode", "--json", &response]))).unwrap();
    assert_eq!(view["signature"]["verified"], true);
    assert_eq!(view["entitlements"]["remote_users"], 3);
    assert_eq!(view["to_counter"], 1);

    // A support agent elsewhere, with the customer's serial and key id.
    let elsewhere = Command::new(license_bin())
        .current_dir(std::env::temp_dir())
        .env("LICENSE_FILE", inst.path("absent.json"))
        .args(["--trust", inst.path("trust.json").to_str().unwrap(), "decode", "--json", &response])
        .args(["--serial", &Installation::serial().to_code(), "--key-id", &request.key_id.to_string()])
        .output()
        .unwrap();
    let view: Value = serde_json::from_str(&stdout(&elsewhere)).unwrap();
    assert_eq!(view["signature"]["verified"], true, "{view}");
    let wrong = format!("{:016X}", request.key_id.0 ^ 1);
    let out =
        inst.run(&["decode", "--json", &response, "--serial", &Installation::serial().to_code(), "--key-id", &wrong]);
    let view: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(view["signature"]["verified"], false);

    let out = inst.run(&["decode", "--json", &response[..response.len() - 1]]);
    assert_eq!(out.status.code(), Some(3));
    let err: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(err["error"], "truncated");
    let human = stdout(&inst.run(&["decode", &Installation::serial().to_code()]));
    assert!(human.contains("Serial number"), "{human}");
}

/// The command speaks the user's language (LANG, LC_MESSAGES, LC_ALL);
/// the error's name and the JSON's shape stay the same.
#[test]
fn errors_are_explained_in_the_users_language() {
    let inst = Installation::new();
    let code = inst.request().to_code();
    let mut chars: Vec<char> = code.chars().collect();
    chars[4 * 7 + 1] = if chars[4 * 7 + 1] == '7' { '8' } else { '7' };
    let typo: String = chars.into_iter().collect();
    let decode = |vars: &[(&str, &str)], json: bool| {
        let mut command = inst.command();
        command.envs(vars.iter().copied()).arg("decode");
        if json {
            command.arg("--json");
        }
        command.arg(&typo).output().unwrap()
    };
    let french = decode(&[("LANG", "fr_FR.UTF-8")], false);
    assert_eq!(french.status.code(), Some(3));
    let said = stderr(&french);
    assert!(said.contains("erreur\u{a0}: groupe 5 contient une faute de frappe"), "{said}");
    assert!(said.contains("étape suivante\u{a0}: Comparez le groupe 5"), "{said}");
    let german = stderr(&decode(&[("LANG", "fr_FR.UTF-8"), ("LC_MESSAGES", "de_DE.UTF-8")], false));
    assert!(german.contains("Fehler: Gruppe 5 enthält einen Tippfehler"), "{german}");
    let english = stderr(&decode(&[("LANG", "fr_FR.UTF-8"), ("LC_ALL", "C")], false));
    assert!(english.contains("error: group 5 has a typo"), "{english}");
    let json: Value = serde_json::from_str(&stdout(&decode(&[("LANG", "de_DE.UTF-8")], true))).unwrap();
    assert_eq!((json["error"].as_str(), json["group"].as_u64()), (Some("bad_group"), Some(5)));
    assert_eq!(json["message"], "Gruppe 5 enthält einen Tippfehler");
}

/// Kill -9 `license enter-code` at many moments: the licence file always
/// holds the old state or the new one, never a broken file.
#[test]
fn a_crash_at_any_moment_leaves_old_or_new_state() {
    let inst = Installation::new().at_update_one();
    let old = inst.license_file();
    let code = inst.respond(&inst.request(), 2, state(&["remote_users=3"]));
    // Time one uninterrupted run, then spread the kills over that duration.
    let started = std::time::Instant::now();
    assert_success(&inst.run(&["enter-code", &code]));
    let full = started.elapsed().as_micros() as u64;
    let (mut saw_new, mut saw_old) = (false, false);
    for attempt in 0..80u64 {
        std::fs::write(inst.path("license.json"), &old).unwrap();
        let mut child = inst.command().args(["enter-code", &code]).spawn().unwrap();
        std::thread::sleep(std::time::Duration::from_micros(full * attempt / 64));
        let _ = child.kill();
        let _ = child.wait();
        let now = inst.license_file();
        let status = run_after_kill(&inst, &["status", "--json"]);
        assert_success(&status);
        if now != old {
            saw_new = true;
            let status: Value = serde_json::from_str(&stdout(&status)).unwrap();
            assert_eq!(status["counter"], 2, "attempt {attempt}: a changed file must be the new state");
        } else {
            saw_old = true;
        }
        for leftover in std::fs::read_dir(inst.dir.path()).unwrap() {
            let name = leftover.unwrap().file_name().to_string_lossy().to_string();
            if name.ends_with(".tmp") {
                std::fs::remove_file(inst.path(&name)).unwrap();
            }
        }
    }
    assert!(saw_new && saw_old, "kills all fell before or all after the write: the test did not exercise it");
}

/// Runs `args` right after a run was killed. Under wine (LICENSE_BIN) the
/// next start can fail inside wine itself while it cleans up after the
/// killed process, before the program runs: no output at all, which the
/// program never does. That is tried again; anything the program said is
/// returned as it is.
fn run_after_kill(inst: &Installation, args: &[&str]) -> Output {
    let mut out = inst.run(args);
    for _ in 0..5 {
        let wine_failed = !out.status.success() && out.stdout.is_empty() && out.stderr.is_empty();
        if !wine_failed || std::env::var_os("LICENSE_BIN").is_none() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(500));
        out = inst.run(args);
    }
    out
}

#[test]
fn a_picture_of_the_response_qr_is_entered_as_if_typed() {
    let inst = Installation::new();
    let request = inst.request();
    let code = inst.respond(&request, 1, state(&["remote_users=3"]));
    // A photo: turned a little, JPEG; the screenshot case is the portal's own
    // QR, in the end-to-end test.
    let photo = pictures::through_jpeg(&pictures::rotated(&pictures::qr_picture(&code, 5, 40), 10.0), 70);
    photo.save(inst.path("photo.jpg")).unwrap();
    pictures::qr_picture(&request.to_code(), 4, 10).save(inst.path("request.png")).unwrap();
    image::GrayImage::from_pixel(200, 200, image::Luma([235])).save(inst.path("blank.png")).unwrap();
    pictures::side_by_side(&pictures::qr_picture(&code, 4, 10), &pictures::qr_picture(&request.to_code(), 4, 10))
        .save(inst.path("two.png"))
        .unwrap();
    std::fs::write(inst.path("notes.png"), "not a picture").unwrap();

    assert_refused(&inst, &["enter-code", "--image", "blank.png"], 20, "no QR code could be read");
    assert_refused(&inst, &["enter-code", "--image", "two.png"], 20, "holds 2 QR codes");
    assert_refused(&inst, &["enter-code", "--image", "notes.png"], 20, "cannot be read");
    assert_refused(&inst, &["enter-code", "--image", "missing.png"], 20, "cannot be read");
    assert_refused(&inst, &["enter-code", "--image", "request.png"], 4, "request code");

    let out = inst.run(&["enter-code", "--image", "photo.jpg"]);
    assert_success(&out);
    assert!(stdout(&out).contains("remote_users: 0 -> 3"), "{}", stdout(&out));
    assert_eq!(inst.status()["counter"], 1);
}

/// Validates `documents` (schema name, JSON) against docs/schemas/ with the
/// `jsonschema` package (Python, installed by scripts/setup.sh).
fn assert_match_schemas(documents: &[(&str, Value)]) {
    use std::io::Write;
    let checker = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/validate_json.py");
    let mut child = Command::new("python3")
        .arg(checker)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs the schema checker");
    let mut input = child.stdin.take().unwrap();
    for (schema, value) in documents {
        writeln!(input, "{}", serde_json::json!({"schema": schema, "value": value})).unwrap();
    }
    drop(input);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
}

/// `--json` output as the command prints it, whatever the exit code.
fn json_of(out: &Output) -> Value {
    serde_json::from_str(&stdout(out)).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(out)))
}

#[test]
fn errors_carry_the_detail_members_the_spec_lists() {
    let inst = Installation::new();
    // The issue's example: a request code cut short after four groups.
    let out = inst.run(&["decode", "--json", "H003HY-4D2PFD-2D028M-T5CY4Y"]);
    assert_eq!(out.status.code(), Some(3));
    let err = json_of(&out);
    assert_eq!(err["error"], "truncated");
    assert_eq!(err["detail"], serde_json::json!({"kind": "request", "expected_groups": 8, "found_groups": 4}));

    let mut typo: Vec<char> = inst.request().to_code().chars().collect();
    typo[21] = if typo[21] == '0' { '1' } else { '0' }; // the first symbol of group 4
    let typo: String = typo.into_iter().collect();
    let err = json_of(&inst.run(&["decode", "--json", &typo]));
    assert_eq!(err["error"], "bad_group");
    assert_eq!(err["detail"], serde_json::json!({"group": 4}));
    assert_eq!(err["group"], 4);

    let err = json_of(&inst.run(&["decode", "--json", "???"]));
    assert_eq!(err["error"], "invalid_character");
    assert_eq!(err["detail"], serde_json::json!({"character": "?", "position": 1, "group": 1}));

    let missing = Command::new(license_bin())
        .env("LICENSE_FILE", inst.path("nowhere.json"))
        .env("LANG", "C.UTF-8")
        .args(["status", "--json"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(12));
    let err = json_of(&missing);
    assert_eq!(err["error"], "no_license");
    assert!(err["detail"]["path"].as_str().unwrap().ends_with("nowhere.json"), "{err}");
}

#[test]
fn reports_match_their_schemas() {
    let inst = Installation::new();
    let mut documents = vec![("status", inst.status())];
    let request = inst.request();
    let response = inst.respond(&request, 1, state(&["remote_users=3", "clients=25", "historian=yes"]));
    for code in [Installation::serial().to_code(), request.to_code(), response.clone()] {
        let out = inst.run(&["decode", "--json", &code]);
        assert_success(&out);
        documents.push(("decode", json_of(&out)));
    }
    // Checked against another serial: the signature does not verify.
    let other = SerialNumber::new(1).unwrap().to_code();
    let out = inst.run(&["decode", "--json", &response, "--serial", &other, "--key-id", &request.key_id.to_string()]);
    documents.push(("decode", json_of(&out)));
    assert_success(&inst.run(&["enter-code", &response]));
    documents.push(("status", inst.status()));
    let release = inst.run(&["release"]);
    assert_success(&release);
    documents.push(("decode", json_of(&inst.run(&["decode", "--json", &stdout(&release)]))));
    // Errors of every family: damaged codes, the program's own, after a release.
    for text in ["", "???", "H003HY-4D2PFD-2D028M-T5CY4Y", &request.to_code()[..40], &response[..response.len() - 7]] {
        let out = inst.run(&["decode", "--json", text]);
        assert!(!out.status.success(), "{text}");
        documents.push(("error", json_of(&out)));
    }
    let out = inst.run(&["status", "--json"]);
    assert_eq!(out.status.code(), Some(18));
    documents.push(("error", json_of(&out)));
    assert_match_schemas(&documents);
}
