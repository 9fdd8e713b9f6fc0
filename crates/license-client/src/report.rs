//! The JSON the `license` command prints (`status --json`, `decode --json`,
//! an error with `--json`) and the C interface returns: typed once here, for
//! both, and described by the JSON Schemas in `docs/schemas/` (`status.json`,
//! `decode.json`, `error.json`, `applied.json`, `seats.json`).

use license_api::EntitlementValues;
use license_codes::messages::{msg, Arg, Audience, Lang};
use license_codes::{AnyCode, Detail, Installation, KeyId, SerialNumber};
use serde::Serialize;

use crate::{ClientError, License, Licensing, SeatCount, ServerProblem};

/// A product by number, with its name when the trust file has it.
#[derive(Debug, Clone, Serialize)]
pub struct ProductRef {
    pub id: u16,
    pub name: Option<String>,
}

impl ProductRef {
    fn of(licensing: &Licensing, id: u16) -> Self {
        ProductRef { id, name: licensing.product(id).map(|p| p.name.clone()) }
    }
}

/// `license status --json`, `license_status_json`.
#[derive(Debug, Clone, Serialize)]
pub struct StatusReport {
    pub product: ProductRef,
    pub serial: String,
    pub key_id: String,
    pub machine_bound: bool,
    pub counter: u16,
    /// Counts as numbers, flags as booleans, dates as text.
    pub entitlements: EntitlementValues,
    /// The signed response the entitlements came from.
    pub response_code: Option<String>,
    pub license_file: String,
    /// The latest time the licence has seen (RFC 3339, UTC): the clock may
    /// not be more than 48 hours behind it.
    pub latest_seen: Option<String>,
}

impl StatusReport {
    pub fn of(licensing: &Licensing, license: &License) -> Self {
        StatusReport {
            product: ProductRef::of(licensing, license.product),
            serial: license.serial.to_code(),
            key_id: license.key_id.to_string(),
            machine_bound: license.machine_bound,
            counter: license.counter,
            entitlements: EntitlementValues::of(licensing.product(license.product), &license.entitlements),
            response_code: license.response.as_ref().map(|r| r.to_code()),
            license_file: licensing.path().display().to_string(),
            latest_seen: license.latest_seen.map(crate::clock::rfc3339),
        }
    }
}

/// `license decode --json`, `license_decode_json`: every decoded field of
/// any code, with names where the trust file knows them.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum DecodeReport {
    Serial {
        serial: String,
        serial_number: u64,
    },
    Request {
        product: ProductRef,
        serial: String,
        key_id: String,
        counter: u16,
        entitlement_digest: String,
        created: String,
    },
    Release {
        product: ProductRef,
        serial: String,
        key_id: String,
        counter: u16,
        created: String,
        proof: String,
    },
    Response {
        product: ProductRef,
        key_id_tag: String,
        from_counter: u16,
        to_counter: u16,
        issued: String,
        signing_key_id: u8,
        signing_key_trusted: bool,
        signature: SignatureCheck,
        entitlements: EntitlementValues,
    },
}

/// Whether a response's signature verifies, and against what.
#[derive(Debug, Clone, Serialize)]
pub struct SignatureCheck {
    /// `true` verifies, `false` does not, `null` not checked.
    pub verified: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checked_against: Option<String>,
    /// The error's name, when it does not verify.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// The installation a response is checked for: its serial, key id, and
/// what they were read from (the licence file's path, or the flags).
pub type Binding = (SerialNumber, KeyId, String);

impl DecodeReport {
    pub fn of(licensing: &Licensing, have_trust: bool, code: &AnyCode, binding: Option<Binding>) -> Self {
        match code {
            AnyCode::Serial(s) => DecodeReport::Serial { serial: s.to_code(), serial_number: s.value() },
            AnyCode::Request(r) => DecodeReport::Request {
                product: ProductRef::of(licensing, r.product),
                serial: r.serial.to_code(),
                key_id: r.key_id.to_string(),
                counter: r.counter,
                entitlement_digest: format!("{:08X}", r.entitlement_digest),
                created: r.created.to_string(),
            },
            AnyCode::Release(r) => DecodeReport::Release {
                product: ProductRef::of(licensing, r.product),
                serial: r.serial.to_code(),
                key_id: r.key_id.to_string(),
                counter: r.counter,
                created: r.created.to_string(),
                proof: format!("{:014X}", r.proof),
            },
            AnyCode::Response(r) => {
                let unchecked = |reason: &str| SignatureCheck {
                    verified: None,
                    checked_against: None,
                    error: None,
                    reason: Some(reason.to_string()),
                };
                let signature = match binding {
                    _ if !have_trust => unchecked("no trusted keys given (--trust)"),
                    None => unchecked("give --serial and --key-id of the installation to check the signature"),
                    Some((serial, key_id, source)) => {
                        let installation = Installation { product: r.product, serial, key_id, counter: r.from_counter };
                        match r.verify_for(&installation, licensing.keys()) {
                            Ok(()) => SignatureCheck {
                                verified: Some(true),
                                checked_against: Some(source),
                                error: None,
                                reason: None,
                            },
                            Err(e @ license_codes::CodeError::AnotherInstallation { .. }) => {
                                SignatureCheck { checked_against: Some(source), ..unchecked(&e.to_string()) }
                            }
                            Err(e) => SignatureCheck {
                                verified: Some(false),
                                checked_against: Some(source),
                                error: Some(e.code()),
                                reason: Some(e.to_string()),
                            },
                        }
                    }
                };
                DecodeReport::Response {
                    product: ProductRef::of(licensing, r.product),
                    key_id_tag: format!("{:04X}", r.key_id_tag),
                    from_counter: r.from_counter,
                    to_counter: r.to_counter,
                    issued: r.issued.to_string(),
                    signing_key_id: r.signing_key_id,
                    signing_key_trusted: licensing.keys().get(r.signing_key_id).is_some(),
                    signature,
                    entitlements: EntitlementValues::of(licensing.product(r.product), &r.entitlements),
                }
            }
        }
    }
}

/// An error with `--json`, `license_last_error_json`.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorReport {
    /// The error's stable name (the README's exit-code table).
    pub error: &'static str,
    /// What is wrong, in the user's language.
    pub message: String,
    pub next_step: String,
    /// The group of the code the error is in, if it is in one.
    pub group: Option<usize>,
    /// The error's detail members: for a code's errors exactly those
    /// docs/codes.md §8 lists; for the program's own, those the README lists.
    pub detail: Detail,
    /// The licence server's problem when the server refused (`code` is
    /// stable: `up_to_date`, `installation_limit`, `unknown_serial`, …), else `null`.
    pub server: Option<ServerProblem>,
}

impl ErrorReport {
    /// The report of `e` in `lang`, with next steps for `audience`: the
    /// command's user ([`Audience::Program`]) or an embedding program's
    /// ([`Audience::User`], the C library).
    pub fn of(e: &ClientError, lang: Lang, audience: Audience) -> Self {
        let words = e.explain(lang, audience);
        ErrorReport {
            error: e.code(),
            message: words.meaning,
            next_step: words.next_step,
            group: e.group(),
            detail: e.detail(),
            server: e.server_problem(),
        }
    }
}

/// An error as the command prints it, in `lang`: `error: …` and `next step: …`.
pub fn error_text(e: &ClientError, lang: Lang) -> String {
    let words = e.explain(lang, Audience::Program);
    let args = [("meaning", Arg::from(words.meaning)), ("next_step", Arg::from(words.next_step))];
    msg!("program-report-error").text(lang, &args)
}

/// One entitlement that changed.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeReport {
    pub name: String,
    pub from: String,
    pub to: String,
    /// The line `license enter-code` prints ("remote_users: 1 -> 3").
    pub text: String,
}

/// What entering a response did (`license_enter_code` and the calls that
/// apply one): the counters, each change and the entitlements now.
#[derive(Debug, Clone, Serialize)]
pub struct AppliedReport {
    pub product: ProductRef,
    pub from_counter: u16,
    pub counter: u16,
    pub changes: Vec<ChangeReport>,
    pub entitlements: EntitlementValues,
    /// `true` when "Get it now" found nothing waiting: nothing changed.
    pub nothing_waiting: bool,
    /// The licence server's words when nothing was waiting.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

impl AppliedReport {
    /// What "Get it now" did: the upgrade installed, or nothing waiting.
    pub fn fetched(licensing: &Licensing, fetched: &crate::Fetched) -> Self {
        match fetched {
            crate::Fetched::Applied(applied) => Self::of(licensing, applied),
            crate::Fetched::NothingWaiting { license, detail } => AppliedReport {
                product: ProductRef::of(licensing, license.product),
                from_counter: license.counter,
                counter: license.counter,
                changes: Vec::new(),
                entitlements: EntitlementValues::of(licensing.product(license.product), &license.entitlements),
                nothing_waiting: true,
                message: Some(detail.clone()),
            },
        }
    }

    pub fn of(licensing: &Licensing, applied: &crate::Applied) -> Self {
        let license = &applied.license;
        AppliedReport {
            nothing_waiting: false,
            message: None,
            product: ProductRef::of(licensing, license.product),
            from_counter: applied.from_counter,
            counter: license.counter,
            changes: applied
                .changes
                .iter()
                .map(|c| ChangeReport {
                    name: c.name.clone(),
                    from: c.from.clone(),
                    to: c.to.clone(),
                    text: c.to_string(),
                })
                .collect(),
            entitlements: EntitlementValues::of(licensing.product(license.product), &license.entitlements),
        }
    }
}

/// `license seats list --json`, `license_seats_json`: every count
/// entitlement of the licence, its seats held and free.
#[derive(Debug, Clone, Serialize)]
pub struct SeatsReport {
    pub seats: Vec<SeatCount>,
}

/// A report as pretty JSON, as the command prints it.
pub fn to_json(report: &impl Serialize) -> String {
    serde_json::to_string_pretty(report).expect("reports are plain data")
}
