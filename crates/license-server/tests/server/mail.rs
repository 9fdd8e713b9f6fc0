//! Mail, against a real SMTP server on loopback (`tests/smtp_sink.py`,
//! aiosmtpd) and the `license-server` binary as a process: responses mailed
//! to the licence's contact, read back with a MIME parser, their code
//! applied by `license enter-code` and their QR image decoded; the outbox
//! through SMTP outages, refusals, a kill -9 and two servers; and
//! `license-server mail-in` with real-looking messages.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;
use crate::for_each_backend;
use license_codes::{ResponseCode, SerialNumber};
use mail_parser::{MessageParser, MimeHeaders};
use serde_json::{json, Value};

for_each_backend!(
    an_activation_mails_the_contact,
    a_crash_between_issuance_and_delivery_delivers_after_restart,
    two_servers_send_each_message_once,
    mail_in_answers_the_contact,
    concurrent_claims_never_share_a_message,
    a_sale_and_an_upgrade_are_told_to_the_contact,
    a_stranger_cannot_silence_the_contact,
    an_upgrade_left_waiting_gets_one_reminder,
    a_lost_serial_is_mailed_to_its_contact_only,
);

const FROM: &str = "Licensing <licensing@vendor.example>";

/// The SMTP server: a Python process writing what it accepts to a folder.
pub struct Sink {
    pub port: u16,
    pub dir: PathBuf,
    child: Option<Child>,
}

impl Sink {
    /// A sink on a free port, not yet listening (for "the SMTP server is down").
    pub fn down() -> Sink {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let dir = tempfile::tempdir().unwrap().keep();
        Sink { port, dir, child: None }
    }

    pub fn start() -> Sink {
        let mut sink = Sink::down();
        sink.up();
        sink
    }

    pub fn up(&mut self) {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/smtp_sink.py");
        let mut child = Command::new("python3")
            .arg(script)
            .arg(self.port.to_string())
            .arg(&self.dir)
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 runs (scripts/setup.sh installs aiosmtpd)");
        let mut line = String::new();
        std::io::BufRead::read_line(&mut std::io::BufReader::new(child.stdout.take().unwrap()), &mut line).unwrap();
        assert_eq!(line.trim(), "ready", "the SMTP sink did not start (is aiosmtpd installed? scripts/setup.sh)");
        self.child = Some(child);
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// What a server needs in its environment to send here.
    pub fn env(&self) -> Vec<(&'static str, String)> {
        vec![("LICENSE_SERVER_SMTP_URL", self.url()), ("LICENSE_SERVER_MAIL_FROM", FROM.to_string())]
    }

    pub fn set_busy(&self, busy: bool) {
        let flag = self.dir.join("busy");
        if busy {
            std::fs::write(flag, "").unwrap();
        } else {
            let _ = std::fs::remove_file(flag);
        }
    }

    /// Every message received so far, oldest first.
    pub fn messages(&self) -> Vec<Received> {
        let mut names: Vec<PathBuf> = std::fs::read_dir(&self.dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "eml"))
            .collect();
        names.sort();
        names.iter().map(|p| Received::from_bytes(std::fs::read(p).unwrap())).collect()
    }

    /// Waits until `n` messages arrived (at most `seconds`), then returns them all.
    pub fn wait_for(&self, n: usize, seconds: u64) -> Vec<Received> {
        let deadline = Instant::now() + Duration::from_secs(seconds);
        loop {
            let got = self.messages();
            if got.len() >= n || Instant::now() > deadline {
                assert!(got.len() >= n, "{} of {n} messages arrived in {seconds} s", got.len());
                return got;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// One message as the SMTP server received it.
pub struct Received {
    pub envelope_to: Vec<String>,
    pub raw: Vec<u8>,
}

impl Received {
    fn from_bytes(raw: Vec<u8>) -> Received {
        let text = String::from_utf8_lossy(&raw);
        let envelope_to =
            text.lines().map_while(|l| l.strip_prefix("X-Envelope-To: ")).map(|a| a.trim().to_string()).collect();
        Received { envelope_to, raw }
    }

    pub fn parsed(&self) -> mail_parser::Message<'_> {
        MessageParser::default().parse(&self.raw).expect("a MIME message")
    }

    pub fn subject(&self) -> String {
        self.parsed().subject().unwrap_or_default().to_string()
    }

    pub fn message_id(&self) -> String {
        self.parsed().message_id().unwrap_or_default().to_string()
    }

    pub fn text(&self) -> String {
        self.parsed().body_text(0).unwrap_or_default().into_owned()
    }

    /// The response code: the line of the text part that reads as one.
    pub fn response_code(&self) -> Option<String> {
        self.text().lines().find(|l| ResponseCode::parse(l).is_ok()).map(str::to_string)
    }
}

/// A licence server process with mail, and the `license` command's trust file.
struct Vendor {
    process: ServerProcess,
    serial: SerialNumber,
    trust: tempfile::NamedTempFile,
}

impl Vendor {
    fn new(backend: &Backend) -> Vendor {
        let process = ServerProcess::new(backend);
        let serial = process.setup_specview("5");
        process.ok(&["upgrade", "queue", "--serial", &serial.to_code(), "remote_users=3"]);
        let trust = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(trust.path(), process.ok(&["trust-file"])).unwrap();
        Vendor { process, serial, trust }
    }

    fn serve(&self, sink: &Sink) -> (Child, String) {
        let env = sink.env();
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.process.start(&env)
    }

    /// A new installation of the licence; returns its folder and request code.
    fn installation(&self) -> (tempfile::TempDir, String) {
        let dir = tempfile::tempdir().unwrap();
        ok(license(
            dir.path(),
            self.trust.path(),
            &["init", "--serial", &self.serial.to_code(), "--product", "SpecView"],
        ));
        let code = ok(license(dir.path(), self.trust.path(), &["create-code", "--save", "Step_1_Code.TXT"]));
        (dir, code)
    }

    fn mail_status(&self) -> Value {
        serde_json::from_str(&self.process.ok(&["mail", "status", "--json"])).unwrap()
    }

    /// `license-server mail-in` with `message` on standard input: exit status and error output.
    fn mail_in(&self, sink: &Sink, message: &[u8]) -> (i32, String) {
        let mut command = self.process.command();
        for (k, v) in sink.env() {
            command.env(k, v);
        }
        mail_in_with(command, message)
    }
}

fn mail_in_with(mut command: Command, message: &[u8]) -> (i32, String) {
    let mut child = command
        .arg("mail-in")
        .env("LICENSE_SERVER_LOG", "info")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), message).unwrap();
    let out = child.wait_with_output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn stop(mut child: Child) {
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
}

fn metric(url: &str, name: &str) -> f64 {
    let (_, text) = request(url, "GET", "/metrics", None, None);
    let text = text.as_str().unwrap().to_string();
    text.lines()
        .find(|l| l.starts_with(&format!("{name}_total ")))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("{name} not in /metrics:\n{text}"))
}

/// The QR image of a response mail, decoded.
fn qr_in(message: &mail_parser::Message<'_>) -> String {
    let png = message
        .parts
        .iter()
        .find(|p| p.content_type().is_some_and(|c| c.ctype() == "image" && c.subtype() == Some("png")))
        .expect("a PNG part");
    let mut reader = png::Decoder::new(png.contents()).read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut pixels).unwrap();
    let (w, h) = (info.width as usize, info.height as usize);
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| pixels[y * w + x]);
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the image");
    grids[0].decode().unwrap().1
}

fn an_activation_mails_the_contact(backend: Backend) {
    let sink = Sink::start();
    let vendor = Vendor::new(&backend);
    let (server, url) = vendor.serve(&sink);
    let (dir, code) = vendor.installation();

    let (status, answer) = request(&url, "POST", "/api/v1/activations", None, Some(&json!({"request_code": code})));
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["mailed_to"], "i***@example.com");
    let response_code = answer["response_code"].as_str().unwrap();

    let mails = sink.wait_for(1, 20);
    let mail = &mails[0];
    assert_eq!(mail.envelope_to, ["it@example.com"]);
    let parsed = mail.parsed();
    assert_eq!(parsed.from().unwrap().first().unwrap().address(), Some("licensing@vendor.example"));
    assert!(mail.subject().contains(&vendor.serial.to_code()), "{}", mail.subject());
    assert_eq!(parsed.header_raw("Auto-Submitted").map(str::trim), Some("auto-generated"));
    assert_eq!(parsed.text_body_count(), 1);
    assert_eq!(parsed.html_body_count(), 1);
    // The text part: what changes, the code alone on its line, where to enter it, the request code.
    let text = mail.text();
    assert!(text.contains("Remote users: 0 → 3"), "{text}");
    assert!(text.contains("Enter Code"), "{text}");
    assert!(text.lines().any(|l| l == code), "the request code it answers:\n{text}");
    assert_eq!(mail.response_code().as_deref(), Some(response_code));
    // The HTML part shows the QR image inline; the image decodes to the same code.
    assert!(parsed.body_html(0).unwrap().contains("cid:response-qr"));
    assert_eq!(qr_in(&parsed), response_code);
    // The file the program opens.
    let file = parsed.attachments().find(|a| a.attachment_name() == Some("Step_2_Response_Code.TXT")).unwrap();
    assert_eq!(file.text_contents().unwrap().trim(), response_code);

    // The code from the mail installs the upgrade.
    let out = ok(license(dir.path(), vendor.trust.path(), &["enter-code", &mail.response_code().unwrap()]));
    assert!(out.contains("remote_users: 0 -> 3"), "{out}");

    // Asking again is not a new issuance: no second mail, nothing said of one.
    let (_, again) = request(&url, "POST", "/api/v1/activations", None, Some(&json!({"request_code": code})));
    assert_eq!(again["already_issued"], true);
    assert!(again.get("mailed_to").is_none(), "{again}");
    // The program's own "Get it now" installs itself: nobody to mail.
    let second = tempfile::tempdir().unwrap();
    ok(license(second.path(), vendor.trust.path(), &["init", "--serial", &vendor.serial.to_code(), "--product", "7"]));
    ok(license(second.path(), vendor.trust.path(), &["get-it-now", "--server", &url]));
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(sink.messages().len(), 1);
    assert_eq!(metric(&url, "license_mail_sent"), 1.0);

    // Support sends it again from the console (bearer token here), audited.
    let token = vendor.process.ok(&["token", "create", "--role", "support", "--name", "desk"]);
    let (_, shown) = request(&url, "GET", &format!("/api/v1/admin/licenses/{}", vendor.serial), Some(&token), None);
    let id = shown["issuances"][0]["id"].as_i64().unwrap();
    let path = format!("/api/v1/admin/issuances/{id}/send");
    let (status, queued) = request(&url, "POST", &path, Some(&token), None);
    assert_eq!((status, queued["to"].as_str()), (202, Some("it@example.com")), "{queued}");
    let mails = sink.wait_for(2, 20);
    assert_eq!(mails[1].response_code().as_deref(), Some(response_code));
    assert!(mails[1].text().contains("sent it to you again"), "{}", mails[1].text());
    assert_ne!(mails[0].message_id(), mails[1].message_id());
    let (_, shown) = request(&url, "GET", &format!("/api/v1/admin/licenses/{}", vendor.serial), Some(&token), None);
    let resend = shown["audit"].as_array().unwrap().iter().find(|a| a["action"] == "mail.resend").expect("audited");
    assert_eq!(resend["actor"], "support:desk");
    assert_eq!(resend["detail"]["issuance"], id);
    let (status, missing) = request(&url, "POST", "/api/v1/admin/issuances/999999/send", Some(&token), None);
    assert_eq!((status, missing["code"].as_str()), (404, Some("not_found")));

    // The licence's language is the mail's: an admin sets French, the next mail is French.
    let admin = vendor.process.ok(&["token", "create", "--role", "admin", "--name", "lang"]);
    let licence = format!("/api/v1/admin/licenses/{}", vendor.serial);
    let set = |token: &str, language: &str| {
        request(&url, "PATCH", &licence, Some(token), Some(&json!({"language": language})))
    };
    assert_eq!(set(&token, "fr").0, 403, "support may not change a licence");
    let (status, refused) = set(&admin, "es");
    assert_eq!((status, refused["code"].as_str()), (400, Some("invalid_input")), "{refused}");
    let (status, changed) = set(&admin, "fr");
    assert_eq!((status, changed["language"].as_str()), (200, Some("fr")), "{changed}");
    request(&url, "POST", &path, Some(&token), None);
    let mails = sink.wait_for(3, 20);
    assert!(mails[2].subject().starts_with("Code de réponse pour SpecView"), "{}", mails[2].subject());
    assert!(mails[2].text().contains("Notre équipe de support vous l'a renvoyé."), "{}", mails[2].text());
    assert_eq!(mails[2].response_code().as_deref(), Some(response_code));

    // A mistyped contact is corrected: the audit log keeps both addresses,
    // and the next mail goes to the new one, never to the old.
    let fix = |token: &str, body: Value| request(&url, "PATCH", &licence, Some(token), Some(&body));
    let (status, refused) = fix(&admin, json!({"contact_email": "it@example.com\r\nBcc: stranger@example.net"}));
    assert_eq!((status, refused["code"].as_str()), (400, Some("invalid_input")), "{refused}");
    assert!(refused["detail"].as_str().unwrap().contains("control character"), "{refused}");
    let (status, refused) = fix(&admin, json!({"contact_email": "not an address"}));
    assert_eq!((status, refused["code"].as_str()), (400, Some("invalid_input")), "{refused}");
    let (status, refused) = fix(&admin, json!({}));
    assert_eq!((status, refused["code"].as_str()), (400, Some("invalid_input")), "{refused}");
    assert_eq!(fix(&token, json!({"contact_email": "support@customer.example"})).0, 403, "support may not");
    let (status, changed) = fix(&admin, json!({"contact_email": "  support@customer.example "}));
    assert_eq!((status, changed["contact_email"].as_str()), (200, Some("support@customer.example")), "{changed}");
    assert_eq!(changed["language"], "fr", "the language stays");
    let audit = changed["audit"].as_array().unwrap();
    let entry = audit.iter().find(|a| a["action"] == "license.contact_email").expect("audited");
    assert_eq!(entry["detail"], json!({"old": "it@example.com", "new": "support@customer.example"}));
    let (status, queued) = request(&url, "POST", &path, Some(&token), None);
    assert_eq!((status, queued["to"].as_str()), (202, Some("support@customer.example")), "{queued}");
    let mails = sink.wait_for(4, 20);
    assert_eq!(mails[3].envelope_to, ["support@customer.example"]);
    assert_eq!(mails[3].response_code().as_deref(), Some(response_code));
    // The same on the command line, with the language.
    let shown: Value = serde_json::from_str(&vendor.process.ok(&[
        "license",
        "update",
        "--serial",
        &vendor.serial.to_code(),
        "--email",
        "it@example.com",
        "--language",
        "en",
    ]))
    .unwrap();
    assert_eq!((shown["contact_email"].as_str(), shown["language"].as_str()), (Some("it@example.com"), Some("en")));
    let audit = shown["audit"].as_array().unwrap();
    assert!(audit.iter().any(|a| a["action"] == "license.contact_email" && a["detail"]["new"] == "it@example.com"));
    let usage = vendor.process.fails(&["license", "update", "--serial", &vendor.serial.to_code()]);
    assert!(usage.contains("--email"), "{usage}");
    // A licence ordered in German says so from the start.
    let created: Value = serde_json::from_str(&vendor.process.ok(&[
        "license",
        "create",
        "--product",
        "SpecView",
        "--email",
        "de@example.com",
        "--language",
        "de",
    ]))
    .unwrap();
    assert_eq!(created["language"], "de");
    stop(server);
}

/// The seeds' mails: the purchase confirmation with the serial number, and
/// "your upgrade is ready" with the two ways to get it, in the licence's
/// language, as text and HTML; none for a licence set not to be mailed,
/// whose responses are mailed all the same; and the same from the command
/// line, which queues what the running server sends.
fn a_sale_and_an_upgrade_are_told_to_the_contact(backend: Backend) {
    let sink = Sink::start();
    let vendor = Vendor::new(&backend);
    let mut env = sink.env();
    env.push(("LICENSE_SERVER_PUBLIC_URL", "https://licensing.vendor.example".to_string()));
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (server, url) = vendor.process.start(&env);
    let admin = vendor.process.ok(&["token", "create", "--role", "admin", "--name", "shop"]);
    let order = |email: &str, extra: Value| {
        let mut body = json!({"product": "SpecView", "contact_email": email, "max_installations": 2,
            "entitlements": {"remote_users": 1, "historian": true}});
        body.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        let (status, created) = request(&url, "POST", "/api/v1/admin/licenses", Some(&admin), Some(&body));
        assert_eq!(status, 201, "{created}");
        (created["serial"].as_str().unwrap().to_string(), created["registration_code"].as_str().map(String::from))
    };

    // The purchase confirmation, to the technical contact, with the
    // registration code the program asks for once.
    let (serial, registration) = order("buyer@customer.example", json!({}));
    let registration = registration.expect("a new licence has a registration code");
    let mails = sink.wait_for(1, 20);
    let confirmation = &mails[0];
    assert_eq!(confirmation.envelope_to, ["buyer@customer.example"]);
    assert_eq!(confirmation.subject(), format!("Your SpecView licence: serial number {serial}"));
    let text = confirmation.text().replace("\r\n", "\n");
    for expected in [
        format!("Serial number: {serial}"),
        format!("Serial number: {serial}\nRegistration code: {registration} (the program asks for it once"),
        "to no one else)\nIt may be installed on 2 computers.".to_string(),
        "  Remote users: 1".to_string(),
        "  Historian: yes".to_string(),
        "Get it now".to_string(),
        "Create Code, submit the code at https://licensing.vendor.example/code.html".to_string(),
    ] {
        assert!(text.contains(&expected), "{expected:?} not in:\n{text}");
    }
    let html = confirmation.parsed().body_html(0).expect("an HTML part").into_owned();
    assert!(html.contains(&format!("Serial number: {serial}")), "{html}");
    assert!(html.contains("<a href=\"https://licensing.vendor.example/code.html\">"), "{html}");

    // "Your upgrade is ready": what changes, and the two ways to get it.
    let path = format!("/api/v1/admin/licenses/{serial}/upgrades");
    let (status, queued) = request(&url, "POST", &path, Some(&admin), Some(&json!({"set": {"remote_users": 3}})));
    assert_eq!(status, 201, "{queued}");
    let mails = sink.wait_for(2, 20);
    let ready = &mails[1];
    assert_eq!(ready.envelope_to, ["buyer@customer.example"]);
    assert_eq!(ready.subject(), format!("Your upgrade for SpecView (licence {serial}) is ready"));
    let text = ready.text();
    for expected in
        ["Remote users: 1 → 3", "click Get it now", "click Create Code", "https://licensing.vendor.example/code.html"]
    {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }

    // Remind now (the console's action): the reminder, audited.
    let remind = format!("/api/v1/admin/licenses/{serial}/remind");
    let (status, queued) = request(&url, "POST", &remind, Some(&admin), None);
    assert_eq!((status, queued["to"].as_str()), (202, Some("buyer@customer.example")), "{queued}");
    let mails = sink.wait_for(3, 20);
    assert_eq!(mails[2].subject(), format!("Reminder: your upgrade for SpecView (licence {serial}) is waiting"));
    let text = mails[2].text();
    assert!(text.contains("has been ready since 20") && text.contains("Remote users: 1 → 3"), "{text}");
    let (_, shown) = request(&url, "GET", &format!("/api/v1/admin/licenses/{serial}"), Some(&admin), None);
    assert!(shown["audit"].as_array().unwrap().iter().any(|a| a["action"] == "mail.remind"), "{shown}");
    // Fetched: nothing waits, nothing to remind of.
    let fetch = registered_request_code(SerialNumber::parse(&serial).unwrap(), &registration, random_key_id());
    let (status, answer) = request(&url, "POST", "/api/v1/activations", None, Some(&json!({"request_code": fetch})));
    assert_eq!(status, 200, "{answer}");
    sink.wait_for(4, 20);
    let (status, nothing) = request(&url, "POST", &remind, Some(&admin), None);
    assert_eq!((status, nothing["code"].as_str()), (409, Some("conflict")), "{nothing}");

    // In the licence's language.
    order("dsi@client.example", json!({"language": "fr"}));
    let mails = sink.wait_for(5, 20);
    assert!(mails[4].subject().starts_with("Votre licence SpecView : numéro de série"), "{}", mails[4].subject());
    assert!(mails[4].text().contains("Elle peut être installée sur 2 ordinateurs."), "{}", mails[4].text());

    // A licence set not to be mailed: no confirmation, no "upgrade ready";
    // its responses asked for on the page are mailed all the same.
    let (quiet, quiet_registration) = order("quiet@customer.example", json!({"notify": false}));
    let path = format!("/api/v1/admin/licenses/{quiet}/upgrades");
    assert_eq!(request(&url, "POST", &path, Some(&admin), Some(&json!({"set": {"remote_users": 4}}))).0, 201);
    let code =
        registered_request_code(SerialNumber::parse(&quiet).unwrap(), &quiet_registration.unwrap(), random_key_id());
    let (status, answer) = request(&url, "POST", "/api/v1/activations", None, Some(&json!({"request_code": code})));
    assert_eq!(status, 200, "{answer}");
    let mails = sink.wait_for(6, 20);
    assert_eq!(mails[5].envelope_to, ["quiet@customer.example"]);
    assert!(mails[5].response_code().is_some(), "{}", mails[5].text());
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(sink.messages().len(), 6, "a licence set not to be mailed was mailed");

    // The command line queues the confirmation (mail on: --smtp-url); the
    // running server sends it. --no-notify queues nothing.
    let cli = |args: &[&str]| {
        let mut command = vendor.process.command();
        for (k, v) in &env {
            command.env(k, v);
        }
        let out = command.args(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    };
    let made = ["license", "create", "--product", "SpecView", "--email", "cli@customer.example", "remote_users=2"];
    let serial = cli(&made)["serial"].as_str().unwrap().to_string();
    cli(&["license", "create", "--product", "SpecView", "--email", "nomail@customer.example", "--no-notify"]);
    let mails = sink.wait_for(7, 30);
    assert_eq!(mails[6].envelope_to, ["cli@customer.example"]);
    assert!(mails[6].text().contains(&format!("Serial number: {serial}")), "{}", mails[6].text());
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(sink.messages().len(), 7, "--no-notify was mailed");
    stop(server);
}

/// Ten messages from a stranger naming a serial: the contact gets at most
/// the notices' small budget, and the contact's own request code is still
/// answered (the notices never spend the answers' budget); what was
/// dropped shows in `mail status`, with why.
fn a_stranger_cannot_silence_the_contact(backend: Backend) {
    let sink = Sink::start();
    let vendor = Vendor::new(&backend);
    let stranger = "Stranger <prankster@elsewhere.example>";
    for i in 0..10 {
        let body = format!("About licence {} (message {i}): please help.\n", vendor.serial.to_code());
        let (status, log) = vendor.mail_in(&sink, &plain(stranger, &body));
        assert_eq!(status, 0, "{log}");
    }
    let notices = sink.wait_for(3, 20);
    std::thread::sleep(Duration::from_secs(1));
    assert_eq!(sink.messages().len(), 3, "only the notices' budget of 3 is mailed");
    assert!(notices.iter().all(|m| m.subject().contains("could not be answered")));

    // The contact's own request code: answered.
    let (_dir, code) = vendor.installation();
    let (status, log) = vendor.mail_in(&sink, &plain("IT <it@example.com>", &format!("{code}\n")));
    assert_eq!(status, 0, "{log}");
    let mails = sink.wait_for(4, 20);
    assert!(mails[3].response_code().is_some(), "the contact's code was not answered: {}", mails[3].text());

    // What was dropped, and why, in `mail status`.
    let status = vendor.mail_status();
    let dropped = status["dropped"].as_array().unwrap();
    assert_eq!(dropped.len(), 7, "{status}");
    assert!(dropped.iter().all(|d| d["sender"] == "prankster@elsewhere.example"), "{status}");
    assert!(dropped[0]["reason"].as_str().unwrap().contains("had its 3 notices in 24 hours"), "{status}");
    let text = vendor.process.ok(&["mail", "status"]);
    assert!(text.contains("Dropped by mail-in (last 7 days): 7"), "{text}");
    assert!(text.contains("from prankster@elsewhere.example: licence"), "{text}");
}

/// The server's reminder task: an upgrade left waiting `--remind-after` days
/// gets one reminder, queued with its mark; a fresh one, a fetched one, and
/// a licence set not to be mailed get none.
fn an_upgrade_left_waiting_gets_one_reminder(backend: Backend) {
    use license_server::mail::{reminders, Announce, MailSettings};
    let server = InProcess::start(&backend);
    let waiting = server.specview_license(1, json!({"remote_users": 1}));
    server.queue_upgrade(waiting, json!({"remote_users": 3}));
    let fetched = server.specview_license(1, json!({"remote_users": 1}));
    server.queue_upgrade(fetched, json!({"remote_users": 2}));
    let (status, _) = server.activate(&request_code(7, fetched, random_key_id(), 0, empty_digest()));
    assert_eq!(status, 200);
    let mail = MailSettings { smtp_url: "smtp://127.0.0.1:9".into(), from: FROM.parse().unwrap(), credentials: None };
    let announce = Announce { mail: &mail, public_url: Some("https://licensing.vendor.example") };
    let state = &server.state;
    assert_eq!(server.run(reminders::remind_due(state, announce, 14)).unwrap(), 0, "queued today: not due");
    assert_eq!(server.run(reminders::remind_due(state, announce, 0)).unwrap(), 1, "due: one reminder");
    assert_eq!(server.run(reminders::remind_due(state, announce, 0)).unwrap(), 0, "one reminder per upgrade");
    let status = server.run(license_server::mail::outbox::status(&state.db)).unwrap();
    let reminders: Vec<_> = status.waiting.iter().filter(|e| e.reason == "reminder").collect();
    assert_eq!(reminders.len(), 1, "{status:?}");
}

/// Mail off: nothing is said of a copy, and Send to contact says why it cannot.
#[test]
fn without_mail_nothing_is_mailed_and_resending_is_refused() {
    let server = InProcess::start(&Backend::Sqlite);
    let serial = server.specview_license(1, json!({"remote_users": 1}));
    let code = request_code(7, serial, random_key_id(), 0, empty_digest());
    let (status, answer) = server.activate(&code);
    assert_eq!(status, 200, "{answer}");
    assert!(answer.get("mailed_to").is_none(), "{answer}");
    let id = server.show(serial)["issuances"][0]["id"].as_i64().unwrap();
    let (status, problem) =
        server.request("POST", &format!("/api/v1/admin/issuances/{id}/send"), Some(server.support()), None);
    assert_eq!((status, problem["code"].as_str()), (409, Some("mail_off")), "{problem}");
    assert!(problem["next_step"].as_str().unwrap().contains("--smtp-url"));
}

/// The SMTP server down while a response is issued, then refusing for a
/// while (451), then accepting: delivered once, with the same Message-ID.
#[test]
fn an_outage_and_temporary_refusals_are_retried_until_delivered_once() {
    let mut sink = Sink::down();
    let vendor = Vendor::new(&Backend::Sqlite);
    let (server, url) = vendor.serve(&sink);
    let (_dir, code) = vendor.installation();
    let (status, answer) = request(&url, "POST", "/api/v1/activations", None, Some(&json!({"request_code": code})));
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["mailed_to"], "i***@example.com");

    // The first attempt met no server: waiting, with why.
    wait_until(10, || vendor.mail_status()["waiting"][0]["last_error"].is_string());
    let waiting = vendor.mail_status();
    assert_eq!(waiting["waiting"].as_array().unwrap().len(), 1, "{waiting}");
    assert!(waiting["waiting"][0]["last_error"].as_str().is_some(), "{waiting}");
    let text = vendor.process.ok(&["mail", "status"]);
    assert!(text.contains("Waiting: 1") && text.contains("it@example.com"), "{text}");

    // Up, but busy: 451 is retried too.
    sink.set_busy(true);
    sink.up();
    wait_until(30, || vendor.mail_status()["waiting"][0]["last_error"].as_str().is_some_and(|e| e.contains("451")));
    sink.set_busy(false);
    let mails = sink.wait_for(1, 60);
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(sink.messages().len(), 1, "delivered once");
    assert_eq!(mails[0].response_code().as_deref(), answer["response_code"].as_str());
    let status = vendor.mail_status();
    assert_eq!((status["sent"].as_i64(), status["waiting"].as_array().unwrap().len()), (Some(1), 0), "{status}");
    assert!(metric(&url, "license_mail_retrying") >= 2.0);
    assert_eq!(metric(&url, "license_mail_sent"), 1.0);
    stop(server);
}

/// A contact the SMTP server refuses for good (550): failed, with the reason, not retried.
#[test]
fn a_permanent_refusal_is_recorded_as_failed() {
    let sink = Sink::start();
    let vendor = Vendor::new(&Backend::Sqlite);
    let serial = vendor.process.create_specview_license("nobody@example.com", "1");
    let (server, url) = vendor.serve(&sink);
    let code = request_code(7, serial, random_key_id(), 0, empty_digest());
    let (status, answer) = request(&url, "POST", "/api/v1/activations", None, Some(&json!({"request_code": code})));
    assert_eq!((status, answer["mailed_to"].as_str()), (200, Some("n***@example.com")), "{answer}");

    wait_until(20, || !vendor.mail_status()["failed"].as_array().unwrap().is_empty());
    let status = vendor.mail_status();
    let failed = &status["failed"][0];
    assert_eq!(failed["to"], "nobody@example.com");
    assert_eq!(failed["attempts"], 1);
    assert!(failed["last_error"].as_str().unwrap().contains("550"), "{failed}");
    assert!(status["waiting"].as_array().unwrap().is_empty());
    assert_eq!(metric(&url, "license_mail_failed"), 1.0);
    let text = vendor.process.ok(&["mail", "status"]);
    assert!(text.contains("Failed: 1") && text.contains("mail retry"), "{text}");
    assert!(sink.messages().is_empty());

    // The address was mistyped: corrected, `mail retry` sends to the new one.
    vendor.process.ok(&["license", "update", "--serial", &serial.to_code(), "--email", "it@example.com"]);
    vendor.process.ok(&["mail", "retry"]);
    let mails = sink.wait_for(1, 20);
    assert_eq!(mails[0].envelope_to, ["it@example.com"]);
    wait_until(20, || vendor.mail_status()["failed"].as_array().unwrap().is_empty());
    stop(server);
}

/// kill -9 after the issuance and before the delivery (the SMTP server is
/// down then): the restarted server delivers it, once.
fn a_crash_between_issuance_and_delivery_delivers_after_restart(backend: Backend) {
    let mut sink = Sink::down();
    let vendor = Vendor::new(&backend);
    let (server, url) = vendor.serve(&sink);
    let (_dir, code) = vendor.installation();
    let (status, answer) = request(&url, "POST", "/api/v1/activations", None, Some(&json!({"request_code": code})));
    assert_eq!((status, answer["mailed_to"].as_str()), (200, Some("i***@example.com")), "{answer}");
    // Killed once its first attempt found no SMTP server: not in flight, so
    // the restarted server need not wait for the attempt's lease to expire.
    wait_until(10, || vendor.mail_status()["waiting"][0]["last_error"].is_string());
    stop(server);
    assert_eq!(vendor.mail_status()["waiting"].as_array().unwrap().len(), 1);

    sink.up();
    let (restarted, _) = vendor.serve(&sink);
    let mails = sink.wait_for(1, 30);
    assert_eq!(mails[0].response_code().as_deref(), answer["response_code"].as_str());
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(sink.messages().len(), 1, "delivered once");
    stop(restarted);
}

/// Two servers on one database, each sending from the outbox: every
/// issuance mailed exactly once.
fn two_servers_send_each_message_once(backend: Backend) {
    let sink = Sink::start();
    let vendor = Vendor::new(&backend);
    let (a, url_a) = vendor.serve(&sink);
    let (b, url_b) = vendor.serve(&sink);
    let serial = vendor.process.create_specview_license("it@example.com", "100");
    let threads: Vec<_> = (0..20)
        .map(|i| {
            let url = if i % 2 == 0 { url_a.clone() } else { url_b.clone() };
            std::thread::spawn(move || {
                let code = request_code(7, serial, random_key_id(), 0, empty_digest());
                let (status, answer) =
                    request(&url, "POST", "/api/v1/activations", None, Some(&json!({"request_code": code})));
                assert_eq!(status, 200, "{answer}");
                answer["response_code"].as_str().unwrap().to_string()
            })
        })
        .collect();
    let mut issued: Vec<String> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    let mails = sink.wait_for(20, 60);
    std::thread::sleep(Duration::from_secs(6));
    let mails = if sink.messages().len() > mails.len() { sink.messages() } else { mails };
    let mut mailed: Vec<String> = mails.iter().map(|m| m.response_code().unwrap()).collect();
    issued.sort();
    mailed.sort();
    let twice = mailed.windows(2).filter(|w| w[0] == w[1]).count();
    assert_eq!((mailed.len(), twice), (20, 0), "20 messages, none sent twice");
    assert_eq!(mailed, issued, "each issuance mailed once");
    let ids: std::collections::HashSet<String> = mails.iter().map(Received::message_id).collect();
    assert_eq!(ids.len(), 20);
    stop(a);
    stop(b);
}

fn wait_until(seconds: u64, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(seconds);
    while !done() {
        assert!(Instant::now() < deadline, "not within {seconds} s");
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// A message as a customer's mail program writes it.
fn message(from: &str, subject: &str, headers: &str, body: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: licensing@vendor.example\r\nSubject: {subject}\r\nDate: Mon, 23 Nov 2026 10:00:00 +0100\r\n\
         Message-ID: <{}@customer.example>\r\nMIME-Version: 1.0\r\n{headers}\r\n{body}",
        random_key_id()
    )
    .replace("\r\n", "\n")
    .replace('\n', "\r\n")
    .into_bytes()
}

fn plain(from: &str, body: &str) -> Vec<u8> {
    message(from, "Upgrade", "Content-Type: text/plain; charset=utf-8\r\n", body)
}

/// Quoted-printable, as Outlook sends it: soft line breaks in the middle of the code.
fn quoted_printable(text: &str) -> String {
    let mut out = String::new();
    let mut column = 0;
    for c in text.chars() {
        let piece = match c {
            '=' => "=3D".to_string(),
            '\n' => {
                column = 0;
                out.push_str("\r\n");
                continue;
            }
            c if c.is_ascii() => c.to_string(),
            c => c.to_string().bytes().map(|b| format!("={b:02X}")).collect(),
        };
        if column + piece.len() > 20 {
            out.push_str("=\r\n");
            column = 0;
        }
        column += piece.len();
        out.push_str(&piece);
    }
    out
}

fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn mail_in_answers_the_contact(backend: Backend) {
    let sink = Sink::start();
    let vendor = Vendor::new(&backend);
    let stranger = "Someone <someone@elsewhere.example>";
    let mut expected = 0;
    let mut answered = |vendor: &Vendor, message: Vec<u8>, what: &str| -> Received {
        let (status, log) = vendor.mail_in(&sink, &message);
        assert_eq!(status, 0, "{what}: {log}");
        expected += 1;
        let mails = sink.wait_for(expected, 20);
        let mail = mails.into_iter().last().unwrap();
        assert_eq!(mail.envelope_to, ["it@example.com"], "{what}: only the contact on file");
        mail
    };

    // Plain text from a stranger: answered, to the contact only; the code installs.
    let (dir, code) = vendor.installation();
    let mail =
        answered(&vendor, plain(stranger, &format!("Hello,\n\nhere is my code: {code}\n\nThanks,\nSam\n")), "plain");
    assert!(mail.text().contains("came by mail"), "{}", mail.text());
    let out = ok(license(dir.path(), vendor.trust.path(), &["enter-code", &mail.response_code().unwrap()]));
    assert!(out.contains("remote_users: 0 -> 3"), "{out}");
    // The console's history says it came by mail, and from whom.
    let shown: Value =
        serde_json::from_str(&vendor.process.ok(&["license", "show", "--serial", &vendor.serial.to_code()])).unwrap();
    assert_eq!(shown["issuances"][0]["channel"], "mail");
    assert_eq!(shown["issuances"][0]["actor"], "someone@elsewhere.example");

    // Asking again by mail within 10 minutes: not mailed again (a stranger
    // repeating a code cannot flood the contact), and the log says why.
    let (status, log) = vendor.mail_in(&sink, &plain(stranger, &format!("{code}\n")));
    assert_eq!(status, 0, "{log}");
    assert!(log.contains("mailed to its contact less than 10 minutes ago"), "{log}");
    std::thread::sleep(Duration::from_secs(1));
    assert_eq!(sink.messages().len(), 1, "the same response was mailed again");

    // Quoted-printable with soft breaks inside the code.
    let (_, code) = vendor.installation();
    let body = quoted_printable(&format!("Grüße — my code is {code}.\n"));
    let qp = message(
        "it@example.com",
        "Code",
        "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n",
        &body,
    );
    assert!(answered(&vendor, qp, "quoted-printable").response_code().is_some());

    // HTML only.
    let (_, code) = vendor.installation();
    let html = message(
        stranger,
        "Code",
        "Content-Type: text/html; charset=utf-8\r\n",
        &format!("<html><body><p>Request code:</p><p><b>{code}</b></p></body></html>\r\n"),
    );
    assert!(answered(&vendor, html, "HTML only").response_code().is_some());

    // A forwarded quote, the code split over `>` lines, lower case.
    let (_, code) = vendor.installation();
    let (first, rest) = code.split_at(27);
    let forwarded = plain(
        "Boss <boss@example.com>",
        &format!(
            "Please handle this.\n\n---------- Forwarded message ---------\n> From: tech@plant.example\n>\n> > Code:\n> > {}\n> > {}\n",
            first.to_lowercase(),
            rest
        ),
    );
    assert!(answered(&vendor, forwarded, "forwarded quote").response_code().is_some());

    // The code as the program saved it, attached.
    let (dir, code) = vendor.installation();
    let file = std::fs::read(dir.path().join("Step_1_Code.TXT")).unwrap();
    let attached = message(
        stranger,
        "see attachment",
        "Content-Type: multipart/mixed; boundary=\"b1\"\r\n",
        &format!(
            "--b1\r\nContent-Type: text/plain\r\n\r\nThe code is attached.\r\n--b1\r\nContent-Type: application/octet-stream; name=\"Step_1_Code.TXT\"\r\n\
             Content-Disposition: attachment; filename=\"Step_1_Code.TXT\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n--b1--\r\n",
            base64(&file)
        ),
    );
    let mail = answered(&vendor, attached, "attachment");
    assert!(mail.text().lines().any(|l| l == code), "answers the attached code");

    // No code, but the serial: the contact is told what to send.
    let notice = answered(
        &vendor,
        plain(stranger, &format!("Please upgrade licence {} to 10 users.\n", vendor.serial.to_code())),
        "no code",
    );
    assert!(notice.subject().contains("could not be answered"), "{}", notice.subject());
    assert!(notice.text().contains("no complete request code") && notice.text().contains("someone@elsewhere.example"));
    assert!(notice.response_code().is_none());

    // A damaged code and the serial: the notice says which group is wrong.
    let (_, code) = vendor.installation();
    let mut groups: Vec<String> = code.split('-').map(str::to_string).collect();
    groups[3] =
        if groups[3].starts_with('0') { "1".to_string() + &groups[3][1..] } else { "0".to_string() + &groups[3][1..] };
    let damaged = groups.join("-");
    let notice =
        answered(&vendor, plain(stranger, &format!("Serial {}\nCode {damaged}\n", vendor.serial.to_code())), "damaged");
    assert!(notice.text().contains("group 4"), "{}", notice.text());

    // A refused request (the licence's five places are taken): the contact hears why.
    let refused = request_code(7, vendor.serial, random_key_id(), 0, empty_digest());
    let notice = answered(&vendor, plain(stranger, &format!("{refused}\n")), "refused");
    assert!(notice.text().contains("installation"), "{}", notice.text());

    // Automatic mail and replies to our own messages, each with a code that
    // would be answered: nothing is sent, and the log says why.
    let ours = format!("<{}>", notice.message_id().trim_matches(['<', '>']));
    let before = sink.messages().len();
    for (what, headers, why) in [
        ("bulk", "Precedence: bulk\r\n", "an automatic message (Precedence)"),
        ("auto_reply", "Precedence: auto_reply\r\n", "an automatic message (Precedence)"),
        ("x-autoreply", "X-Autoreply: yes\r\n", "an automatic message (X-Autoreply)"),
        ("x-autorespond", "X-Autorespond: yes\r\n", "an automatic message (X-Autorespond)"),
        ("a list", "List-Id: Customers <customers.example.com>\r\n", "an automatic message (List-Id)"),
        ("unsubscribe", "List-Unsubscribe: <mailto:leave@example.com>\r\n", "an automatic message (List-Unsubscribe)"),
        ("null sender", "Return-Path: <>\r\n", "an automatic message (a null sender)"),
        (
            "reply to us",
            &format!("In-Reply-To: {ours}\r\nReferences: <other@example.com> {ours}\r\n"),
            "a reply to our message",
        ),
    ] {
        let headers = format!("{headers}Content-Type: text/plain\r\n");
        let raw = message(stranger, "Re: your code", &headers, &format!("Here it is:\n{code}\n"));
        let (status, log) = vendor.mail_in(&sink, &raw);
        assert_eq!(status, 0, "{what}: {log}");
        assert!(log.contains(why), "{what}: {log}");
    }
    std::thread::sleep(Duration::from_secs(1));
    assert_eq!(sink.messages().len(), before, "automatic mail was answered");

    // Nothing is sent for these, and the mail server is told all went well.
    let before = sink.messages().len();
    let unknown_serial = request_code(7, SerialNumber::new(0x12345).unwrap(), random_key_id(), 0, empty_digest());
    for (what, raw) in [
        ("no code, no serial", plain(stranger, "Hello, how do I upgrade?\n")),
        ("unknown serial", plain(stranger, &format!("{unknown_serial}\n"))),
        ("garbage", (0..2000u32).map(|i| (i * 7919 % 251) as u8).collect()),
        (
            "out of office",
            message(
                "it@example.com",
                "Out of office",
                "Auto-Submitted: auto-replied\r\nContent-Type: text/plain\r\n",
                &format!("I am away. Your message:\n> {code}\n"),
            ),
        ),
    ] {
        let (status, log) = vendor.mail_in(&sink, &raw);
        assert_eq!(status, 0, "{what}: {log}");
        assert!(log.contains("nothing sent"), "{what}: {log}");
        // stderr is a pipe here, not a terminal: no colour codes in the log.
        assert!(!log.contains('\u{1b}'), "{what}: colour codes in a log that is not a terminal: {log:?}");
    }
    std::thread::sleep(Duration::from_secs(1));
    assert_eq!(sink.messages().len(), before);

    // Unreadable: the mail server keeps it (65); mail off: it retries later (75).
    assert_eq!(vendor.mail_in(&sink, b"").0, 65);
    let mut no_mail = vendor.process.command();
    no_mail.env_remove("LICENSE_SERVER_SMTP_URL").env_remove("LICENSE_SERVER_MAIL_FROM");
    let (status, log) = mail_in_with(no_mail, &plain(stranger, "x"));
    assert_eq!(status, 75, "{log}");
    assert!(log.contains("--smtp-url"), "{log}");
}

/// Eight senders claiming at once from fifty queued messages: each message
/// claimed by one of them only (on PostgreSQL thanks to SKIP LOCKED, on
/// SQLite to its single writer).
fn concurrent_claims_never_share_a_message(backend: Backend) {
    use license_server::mail::{outbox, MailSettings};
    let server = InProcess::start(&backend);
    let serial = server.specview_license(1, json!({"remote_users": 1}));
    let settings =
        MailSettings { smtp_url: "smtp://127.0.0.1:1".into(), from: FROM.parse().unwrap(), credentials: None };
    let db = server.state.db.clone();
    let claimed: Vec<i64> = server.run(async move {
        let (license_id,): (i64,) = sqlx::query_as("SELECT id FROM licenses WHERE serial = $1")
            .bind(serial.value() as i64)
            .fetch_one(db.read())
            .await
            .unwrap();
        for i in 0..50 {
            let mut tx = db.begin().await.unwrap();
            outbox::enqueue_text(&mut tx, &settings, license_id, outbox::Reason::Notice, "s", &format!("notice {i}"))
                .await
                .unwrap();
            tx.commit().await.unwrap();
        }
        let claims: Vec<_> = (0..8)
            .map(|_| {
                let db = db.clone();
                tokio::spawn(async move { outbox::claim(&db, 10, None).await.unwrap() })
            })
            .collect();
        let mut ids = Vec::new();
        for claim in claims {
            ids.extend(claim.await.unwrap().into_iter().map(|c| c.id));
        }
        ids
    });
    let mut unique = claimed.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), claimed.len(), "a message claimed twice: {claimed:?}");
    assert_eq!(claimed.len(), 50);
}

/// "Lost your serial number?": the serial numbers go to the contact on file
/// and only there; the caller learns nothing (the same answer for an address
/// not on file); one mail per address in 10 minutes; limited per address.
fn a_lost_serial_is_mailed_to_its_contact_only(backend: Backend) {
    let sink = Sink::start();
    let vendor = Vendor::new(&backend);
    let mut env = sink.env();
    env.push(("LICENSE_SERVER_PUBLIC_URL", "https://licensing.vendor.example".to_string()));
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (mut server, url) = vendor.process.start(&env);
    let admin = vendor.process.ok(&["token", "create", "--role", "admin", "--name", "shop"]);
    let order = |email: &str| {
        let body = json!({"product": "SpecView", "contact_email": email, "notify": false});
        let (status, created) = request(&url, "POST", "/api/v1/admin/licenses", Some(&admin), Some(&body));
        assert_eq!(status, 201, "{created}");
        created["serial"].as_str().unwrap().to_string()
    };
    let (first, second, other) =
        (order("it@customer.example"), order("IT@Customer.example"), order("else@customer.example"));
    let lookup = |email: &str| request(&url, "POST", "/api/v1/serials/lookup", None, Some(&json!({"email": email})));

    let on_file = lookup("It@customer.example ");
    let not_on_file = lookup("stranger@customer.example");
    assert_eq!(on_file.0, 202, "{:?}", on_file.1);
    assert_eq!(on_file, not_on_file, "the same answer whether or not the address is on file");
    let mails = sink.wait_for(1, 20);
    std::thread::sleep(Duration::from_secs(2));
    let mails_now = sink.messages();
    assert_eq!(mails_now.len(), 1, "one mail, to the contact on file only");
    assert_eq!(mails[0].envelope_to, ["it@customer.example"]);
    assert_eq!(mails[0].subject(), "Your serial numbers");
    let text = mails[0].text();
    assert!(text.contains(&format!("SpecView: {first}")) && text.contains(&format!("SpecView: {second}")), "{text}");
    assert!(!text.contains(&other), "another contact's serial: {text}");
    assert!(text.contains("https://licensing.vendor.example/code.html"), "{text}");

    // Asked again at once: nothing more is mailed (one per 10 minutes);
    // the fourth time in the hour for this address is refused.
    assert_eq!(lookup("it@customer.example").0, 202);
    assert_eq!(lookup("it@customer.example").0, 202);
    let (status, limited) = lookup("it@customer.example");
    assert_eq!((status, limited["code"].as_str()), (429, Some("rate_limited")), "{limited}");
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(sink.messages().len(), 1);
    // Not an address: said so.
    let (status, problem) = lookup("not an address\r\nBcc: x@evil.example");
    assert_eq!((status, problem["code"].as_str()), (400, Some("invalid_input")), "{problem}");
    server.kill().unwrap();
    server.wait().unwrap();
}
