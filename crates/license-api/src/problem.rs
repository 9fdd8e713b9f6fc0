//! Problem documents (RFC 9457): every error of the API, with a stable
//! `code`, and the words for it from the catalogue (`license-messages`).
//!
//! The extension members carry what an explanation needs (the serial, the
//! counter, how long to wait…), so a client can explain a problem in its own
//! words and language from the members alone ([`Problem::explain`]).

use license_codes::Kind;
use license_messages::{Arg, Audience, Explanation, Lang};

macro_rules! problem_codes {
    ($($variant:ident = $name:literal, $status:literal;)*) => {
        /// The stable machine-readable name of a problem.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum ProblemCode {
            $($variant,)*
            /// A code this client does not know yet (a newer server).
            #[default]
            #[serde(other)]
            Unknown,
        }

        impl ProblemCode {
            /// Every code, for tests and documentation.
            pub const ALL: &'static [ProblemCode] = &[$(ProblemCode::$variant,)*];

            pub const fn as_str(self) -> &'static str {
                match self {
                    $(ProblemCode::$variant => $name,)*
                    ProblemCode::Unknown => "unknown",
                }
            }

            /// The HTTP status it is answered with.
            pub const fn status(self) -> u16 {
                match self {
                    $(ProblemCode::$variant => $status,)*
                    ProblemCode::Unknown => 500,
                }
            }
        }
    };
}

problem_codes! {
    MalformedCode = "malformed_code", 400;
    WrongKind = "wrong_kind", 422;
    UnknownVersion = "unknown_version", 400;
    UnknownSerial = "unknown_serial", 404;
    WrongProduct = "wrong_product", 422;
    KeyidNotFound = "keyid_not_found", 409;
    InstallationLimit = "installation_limit", 409;
    RegistrationRequired = "registration_required", 409;
    UpToDate = "up_to_date", 409;
    CounterNotIssued = "counter_not_issued", 409;
    EntitlementMismatch = "entitlement_mismatch", 409;
    ReleaseProofMismatch = "release_proof_mismatch", 409;
    TransferLimit = "transfer_limit", 409;
    RateLimited = "rate_limited", 429;
    PayloadTooLarge = "payload_too_large", 413;
    UnsupportedMediaType = "unsupported_media_type", 415;
    InvalidBody = "invalid_body", 400;
    InvalidInput = "invalid_input", 400;
    Unauthorized = "unauthorized", 401;
    Forbidden = "forbidden", 403;
    NotFound = "not_found", 404;
    Conflict = "conflict", 409;
    MailOff = "mail_off", 409;
    MethodNotAllowed = "method_not_allowed", 405;
    IdempotencyKeyReused = "idempotency_key_reused", 422;
    Unavailable = "unavailable", 503;
    Internal = "internal", 500;
}

impl std::fmt::Display for ProblemCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A problem document. The members after `next_step` are present when they apply.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Problem {
    /// `urn:license-server:problem:<code>`
    #[serde(rename = "type")]
    pub type_uri: String,
    pub title: String,
    pub status: u16,
    /// What is wrong, for this case.
    pub detail: String,
    pub code: ProblemCode,
    /// What to do next.
    pub next_step: String,
    /// `malformed_code`: the code error's name (docs/codes.md §7).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_error: Option<String>,
    /// `malformed_code`: the group with the typo, counted from 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<usize>,
    /// `wrong_kind`: the kind of code that was sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub found_kind: Option<Kind>,
    /// `wrong_kind`: the kind the operation takes (request, or release).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_kind: Option<Kind>,
    /// `unknown_version`: the code's format version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serial: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
    /// `keyid_not_found`: the installation was released.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub released: Option<bool>,
    /// `registration_required`: the request carried a registration tag, of
    /// another code than the licence's (`false`: it carried none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration_code_given: Option<bool>,
    /// `wrong_product`: the serial's product and the request's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licensed: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_installations: Option<i64>,
    /// The update counter the request holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counter: Option<u16>,
    /// `counter_not_issued`: the licence's latest counter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest: Option<i64>,
    /// `rate_limited`: seconds to wait (also in `Retry-After`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
    /// `payload_too_large`: the largest body accepted, in bytes;
    /// `transfer_limit`: the releases a customer may make in 365 days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<usize>,
    /// `forbidden`: the caller's role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// `invalid_body`, `invalid_input`: what is wrong with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// `not_found`, `conflict`: what was not found or already exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub what: Option<String>,
    /// `unauthorized`: `token`, `sign_in` (a wrong email or password: the
    /// same for both) or `session` (ended, expired or revoked); `forbidden`:
    /// `role` or `cross_origin`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<String>,
    /// `forbidden` with `cross_origin`: the origin the request came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
}

impl Problem {
    /// A problem of `code` with no members and no words yet.
    pub fn new(code: ProblemCode) -> Self {
        Problem {
            code,
            status: code.status(),
            type_uri: format!("urn:license-server:problem:{code}"),
            ..Problem::default()
        }
    }

    /// The catalogue's arguments, from the members.
    pub fn args(&self) -> Vec<(&'static str, Arg<'_>)> {
        let mut args: Vec<(&'static str, Arg<'_>)> =
            vec![("detail", self.detail.as_str().into()), ("next_step", self.next_step.as_str().into())];
        let texts = [
            ("serial", &self.serial),
            ("key_id", &self.key_id),
            ("role", &self.role),
            ("reason", &self.reason),
            ("what", &self.what),
            ("cause", &self.cause),
            ("origin", &self.origin),
        ];
        args.extend(texts.into_iter().filter_map(|(name, v)| v.as_deref().map(|v| (name, Arg::from(v)))));
        let numbers = [
            ("group", self.group.map(|g| g as i64)),
            ("version", self.version.map(i64::from)),
            ("licensed", self.licensed.map(i64::from)),
            ("requested", self.requested.map(i64::from)),
            ("max_installations", self.max_installations),
            ("counter", self.counter.map(i64::from)),
            ("latest", self.latest),
            ("retry_after", self.retry_after.map(|r| r as i64)),
            ("limit", self.limit.map(|l| l as i64)),
        ];
        args.extend(numbers.into_iter().filter_map(|(name, n)| n.map(|n| (name, Arg::Num(n)))));
        if let Some(kind) = self.found_kind {
            args.push(("found_kind", kind.code_name().into()));
        }
        if let Some(kind) = self.expected_kind {
            args.push(("expected_kind", kind.code_name().into()));
        }
        if let Some(released) = self.released {
            args.push(("released", if released { "yes" } else { "no" }.into()));
        }
        if let Some(given) = self.registration_code_given {
            args.push(("given", if given { "yes" } else { "no" }.into()));
        }
        args
    }

    /// The catalogue entry for this problem.
    pub fn message_id(&self) -> String {
        format!("problem-{}", self.code)
    }

    /// Whether only the admin API and the console answer with this problem.
    pub const fn staff_only(&self) -> bool {
        matches!(
            self.code,
            ProblemCode::InvalidInput
                | ProblemCode::Unauthorized
                | ProblemCode::Forbidden
                | ProblemCode::NotFound
                | ProblemCode::Conflict
                | ProblemCode::MailOff
                | ProblemCode::MethodNotAllowed
                | ProblemCode::IdempotencyKeyReused
        )
    }

    fn domain(&self) -> license_messages::Domain {
        if self.staff_only() {
            license_messages::STAFF
        } else {
            license_messages::PROBLEMS
        }
    }

    /// For the customer's page, which calls only the public API: the
    /// catalogue's public problems (a staff-only problem, which it never
    /// receives, falls back to the server's own words). It keeps the staff
    /// wording out of the page's bundle.
    pub fn explain_public(&self, lang: Lang) -> Explanation {
        self.explain_in(license_messages::PROBLEMS, lang, Audience::Customer)
    }

    /// Title, meaning and next step in `lang` for `audience`, from the code
    /// and members alone. A damaged code is the exception: its `detail` was
    /// made from the code error itself, and is kept.
    pub fn explain(&self, lang: Lang, audience: Audience) -> Explanation {
        self.explain_in(self.domain(), lang, audience)
    }

    fn explain_in(&self, domain: license_messages::Domain, lang: Lang, audience: Audience) -> Explanation {
        let id = self.message_id();
        if !domain.has(&id) {
            let title = if self.title.is_empty() { self.code.to_string() } else { self.title.clone() };
            return Explanation { title, meaning: self.detail.clone(), next_step: self.next_step.clone() };
        }
        let mut explanation = domain.explain(lang, &id, &self.args(), audience);
        if self.code == ProblemCode::MalformedCode && !self.detail.is_empty() {
            explanation.meaning = self.detail.clone();
        }
        explanation
    }

    /// Fills `title`, `detail` and `next_step` with the catalogue's words for
    /// the program and the API (not the customer's page).
    pub fn explained(mut self, lang: Lang) -> Self {
        let e = self.domain().explain(lang, &self.message_id(), &self.args(), Audience::Program);
        self.title = e.title;
        if self.detail.is_empty() {
            self.detail = e.meaning;
        }
        if self.next_step.is_empty() {
            self.next_step = e.next_step;
        }
        self
    }
}
