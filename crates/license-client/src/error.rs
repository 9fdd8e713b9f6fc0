//! Everything that can go wrong for the program, each with its own exit code
//! for the `license` command. The words are the catalogue's (`license-messages`).

use std::path::PathBuf;

use license_codes::messages::{msg, Arg, Audience, Explanation, Lang, Msg, PROBLEMS};
use license_codes::{CodeError, Detail};

/// Why a licence file does not match the signed response it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tampering {
    NoResponse,
    Unreadable,
    AnotherInstallation,
    Signature,
    Differs,
    /// Its seat ledger or latest-seen time does not match its seal.
    Ledger,
}

impl Tampering {
    fn code(self) -> &'static str {
        match self {
            Tampering::NoResponse => "no_response",
            Tampering::Unreadable => "unreadable",
            Tampering::AnotherInstallation => "another_installation",
            Tampering::Signature => "signature",
            Tampering::Differs => "differs",
            Tampering::Ledger => "ledger",
        }
    }
}

/// A licence server's refusal as the program reads it: the HTTP status, the
/// problem's stable `code` (`up_to_date`, `installation_limit`,
/// `unknown_serial`, …; the server's API documents them) and its detail.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ServerProblem {
    pub status: u16,
    pub code: String,
    pub detail: String,
}

#[derive(Debug)]
pub enum ClientError {
    /// A code that does not read, is not trusted, or does not apply here.
    Code(CodeError),
    /// The response is for another product (named as the trust file names them).
    AnotherProduct {
        expected: String,
        found: String,
    },
    /// TOO_OLD, and it is the very response the licence holds.
    AlreadyApplied {
        counter: u16,
        to_counter: u16,
    },
    NoLicense(PathBuf),
    LicenseExists(PathBuf),
    CorruptLicense {
        path: PathBuf,
        reason: String,
    },
    CopiedLicense(PathBuf),
    TamperedLicense {
        path: PathBuf,
        reason: Tampering,
    },
    NoTrust(String),
    UnknownProduct(String),
    /// The licence server's problem: its own `detail` and `next_step`.
    ServerRefused {
        status: u16,
        code: String,
        detail: String,
        next_step: String,
    },
    ServerUnreachable {
        url: String,
        reason: String,
    },
    Io {
        context: String,
        source: std::io::Error,
    },
    /// The licence was released (`license release`): the marker's day and code.
    Released {
        on: license_codes::Day,
        code: String,
    },
    /// An installation at update 0 has nothing to release.
    NothingToRelease,
    /// A picture of a QR code that is not a PNG or JPEG image.
    UnreadableImage {
        path: String,
        reason: String,
    },
    /// No QR code could be read in the picture.
    NoQrCode,
    /// More than one QR code in the picture.
    SeveralQrCodes(usize),
    /// Every seat of a count entitlement is held (`license seats claim`).
    NoSeatLeft {
        entitlement: String,
        count: u32,
        used: usize,
    },
    /// Seats claimed of a name that is not a count entitlement of the licence's product.
    UnknownEntitlement {
        entitlement: String,
        /// The product's count entitlements, comma-separated.
        counts: String,
    },
    /// A seat holder's name that is empty, too long or holds control characters.
    BadHolder(String),
    /// The system clock is more than 48 hours behind the latest time the
    /// licence has seen (both RFC 3339, UTC).
    ClockBehind {
        now: String,
        latest_seen: String,
    },
}

impl From<CodeError> for ClientError {
    fn from(e: CodeError) -> Self {
        ClientError::Code(e)
    }
}

impl ClientError {
    pub fn io(context: impl Into<String>) -> impl FnOnce(std::io::Error) -> ClientError {
        let context = context.into();
        move |source| ClientError::Io { context, source }
    }

    /// The exit code of the `license` command (documented in the README).
    pub fn exit_code(&self) -> u8 {
        match self {
            ClientError::Io { .. } => 1,
            ClientError::Code(CodeError::WrongKind { .. }) => 4,
            ClientError::Code(CodeError::AnotherProduct { .. }) | ClientError::AnotherProduct { .. } => 5,
            ClientError::Code(CodeError::AnotherInstallation { .. }) => 6,
            ClientError::Code(CodeError::TooOld { .. }) | ClientError::AlreadyApplied { .. } => 7,
            ClientError::Code(CodeError::TooNew { .. }) => 8,
            ClientError::Code(CodeError::BadSignature) => 9,
            ClientError::Code(CodeError::UnknownSigningKey { .. }) => 10,
            ClientError::Code(CodeError::UnknownVersion { .. }) => 11,
            ClientError::Code(_) => 3,
            ClientError::NoLicense(_) | ClientError::CorruptLicense { .. } | ClientError::LicenseExists(_) => 12,
            ClientError::CopiedLicense(_) => 13,
            ClientError::TamperedLicense { .. } => 14,
            ClientError::NoTrust(_) | ClientError::UnknownProduct(_) => 15,
            ClientError::ServerRefused { .. } => 16,
            ClientError::ServerUnreachable { .. } => 17,
            ClientError::Released { .. } => 18,
            ClientError::NothingToRelease => 19,
            ClientError::UnreadableImage { .. } | ClientError::NoQrCode | ClientError::SeveralQrCodes(_) => 20,
            ClientError::UnknownEntitlement { .. } | ClientError::BadHolder(_) => 2,
            ClientError::NoSeatLeft { .. } => 21,
            ClientError::ClockBehind { .. } => 22,
        }
    }

    /// A stable name, as in `--json` output and the documentation.
    pub fn code(&self) -> &'static str {
        match self {
            ClientError::Code(e) => e.code(),
            ClientError::AnotherProduct { .. } => "another_product",
            ClientError::AlreadyApplied { .. } => "too_old",
            ClientError::NoLicense(_) => "no_license",
            ClientError::LicenseExists(_) => "license_exists",
            ClientError::CorruptLicense { .. } => "corrupt_license",
            ClientError::CopiedLicense(_) => "copied_license",
            ClientError::TamperedLicense { .. } => "tampered_license",
            ClientError::NoTrust(_) => "no_trust",
            ClientError::UnknownProduct(_) => "unknown_product",
            ClientError::ServerRefused { .. } => "server_refused",
            ClientError::ServerUnreachable { .. } => "server_unreachable",
            ClientError::Io { .. } => "io",
            ClientError::Released { .. } => "released",
            ClientError::NothingToRelease => "nothing_to_release",
            ClientError::UnreadableImage { .. } => "unreadable_image",
            ClientError::NoQrCode => "no_qr_code",
            ClientError::SeveralQrCodes(_) => "several_qr_codes",
            ClientError::NoSeatLeft { .. } => "no_seat_left",
            ClientError::UnknownEntitlement { .. } => "unknown_entitlement",
            ClientError::BadHolder(_) => "bad_holder",
            ClientError::ClockBehind { .. } => "clock_behind",
        }
    }

    /// The catalogue entry and its arguments.
    fn entry(&self) -> (Msg, Vec<(&'static str, Arg<'_>)>) {
        let path = |p: &PathBuf| Arg::from(p.display().to_string());
        match self {
            ClientError::Code(e) => (e.message_id().erased(), e.args()),
            ClientError::AnotherProduct { expected, found } => (
                msg!("code-another_product").erased(),
                vec![("expected", expected.as_str().into()), ("found", found.as_str().into())],
            ),
            ClientError::AlreadyApplied { counter, to_counter } => (
                msg!("program-already_applied").erased(),
                vec![("counter", (*counter).into()), ("to_counter", (*to_counter).into())],
            ),
            ClientError::NoLicense(p) => (msg!("program-no_license").erased(), vec![("path", path(p))]),
            ClientError::LicenseExists(p) => (msg!("program-license_exists").erased(), vec![("path", path(p))]),
            ClientError::CorruptLicense { path: p, reason } => {
                (msg!("program-corrupt_license").erased(), vec![("path", path(p)), ("reason", reason.as_str().into())])
            }
            ClientError::CopiedLicense(p) => (msg!("program-copied_license").erased(), vec![("path", path(p))]),
            ClientError::TamperedLicense { path: p, reason } => {
                (msg!("program-tampered_license").erased(), vec![("path", path(p)), ("reason", reason.code().into())])
            }
            ClientError::NoTrust(reason) => {
                (msg!("program-no_trust").erased(), vec![("reason", reason.as_str().into())])
            }
            ClientError::UnknownProduct(name) => {
                (msg!("program-unknown_product").erased(), vec![("product", name.as_str().into())])
            }
            ClientError::ServerRefused { detail, next_step, .. } => (
                msg!("program-server_refused").erased(),
                vec![("detail", detail.as_str().into()), ("next_step", next_step.as_str().into())],
            ),
            ClientError::ServerUnreachable { url, reason } => (
                msg!("program-server_unreachable").erased(),
                vec![("url", url.as_str().into()), ("reason", reason.as_str().into())],
            ),
            ClientError::Io { context, source } => (
                msg!("program-io").erased(),
                vec![("context", context.as_str().into()), ("reason", source.to_string().into())],
            ),
            ClientError::Released { on, code } => {
                (msg!("program-released").erased(), vec![("on", on.to_string().into()), ("code", code.as_str().into())])
            }
            ClientError::NothingToRelease => (msg!("program-nothing_to_release").erased(), vec![]),
            ClientError::UnreadableImage { path, reason } => (
                msg!("program-unreadable_image").erased(),
                vec![("path", path.as_str().into()), ("reason", reason.as_str().into())],
            ),
            ClientError::NoQrCode => (msg!("program-no_qr_code").erased(), vec![]),
            ClientError::SeveralQrCodes(count) => {
                (msg!("program-several_qr_codes").erased(), vec![("count", (*count).into())])
            }
            ClientError::NoSeatLeft { entitlement, count, used } => (
                msg!("program-no_seat_left").erased(),
                vec![
                    ("entitlement", entitlement.as_str().into()),
                    ("count", (*count).into()),
                    ("used", (*used).into()),
                ],
            ),
            ClientError::UnknownEntitlement { entitlement, counts } => (
                msg!("program-unknown_entitlement").erased(),
                vec![("entitlement", entitlement.as_str().into()), ("counts", counts.as_str().into())],
            ),
            ClientError::BadHolder(reason) => {
                (msg!("program-bad_holder").erased(), vec![("reason", reason.as_str().into())])
            }
            ClientError::ClockBehind { now, latest_seen } => (
                msg!("program-clock_behind").erased(),
                vec![("now", now.as_str().into()), ("latest_seen", latest_seen.as_str().into())],
            ),
        }
    }

    /// The detail members of `--json`'s and `license_last_error_json`'s
    /// `detail`: a code's errors as docs/codes.md §8 lists them; for the
    /// program's own, the values its explanation names, and for a server's
    /// refusal its HTTP status and problem `code` (the README lists them).
    pub fn detail(&self) -> Detail {
        match self {
            ClientError::Code(e) => e.detail(),
            ClientError::ServerRefused { status, code, .. } => {
                Detail::from_args(vec![("status", (*status).into()), ("code", code.as_str().into())])
            }
            _ => Detail::from_args(self.entry().1),
        }
    }

    /// The words for `audience`. A server's refusal carries the server's
    /// next step, written for the command line; the user of a program that
    /// embeds the library gets the catalogue's words for the same problem
    /// where it has them (`problem-<code>.next-user`).
    pub fn explain(&self, lang: Lang, audience: Audience) -> Explanation {
        let (id, args) = self.entry();
        let mut words = id.explain(lang, &args, audience);
        if let (ClientError::ServerRefused { code, .. }, Audience::User) = (self, audience) {
            let key = format!("problem-{code}");
            if PROBLEMS.has(&format!("{key}.next-user")) {
                words.next_step = PROBLEMS.text(lang, &key, Some("next-user"), &[]);
            }
        }
        words
    }

    /// The licence server's problem, when the server refused.
    pub fn server_problem(&self) -> Option<ServerProblem> {
        match self {
            ClientError::ServerRefused { status, code, detail, .. } => {
                Some(ServerProblem { status: *status, code: code.clone(), detail: detail.clone() })
            }
            _ => None,
        }
    }

    pub fn next_step(&self) -> String {
        self.explain(Lang::En, Audience::Program).next_step
    }

    /// The group of the code the error is in, if it is in one.
    pub fn group(&self) -> Option<usize> {
        match self {
            ClientError::Code(e) => e.group(),
            _ => None,
        }
    }
}

impl std::fmt::Display for ClientError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.explain(Lang::En, Audience::Program).meaning)
    }
}

impl std::error::Error for ClientError {}
