//! Every way reading a code or applying a response can fail, each with a
//! stable machine-readable name. The words (what it means, what to do next)
//! are the catalogue's (`license-messages`), found by [`CodeError::message_id`]
//! and filled with [`CodeError::args`].

use license_messages::{Arg, Audience, Explanation, Lang};

use crate::{KeyId, Kind};

/// Why a code could not be read, trusted or applied. Groups and positions are 1-based.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeError {
    Empty,
    InvalidCharacter {
        character: char,
        position: usize,
        group: usize,
    },
    BadGroup {
        group: usize,
    },
    GroupsSwapped {
        first: usize,
        second: usize,
    },
    MissingGroup {
        group: usize,
    },
    ExtraGroup {
        group: usize,
    },
    Truncated {
        kind: Option<Kind>,
        expected_groups: usize,
        found_groups: usize,
    },
    TooLong {
        kind: Option<Kind>,
        max_groups: usize,
        found_groups: usize,
    },
    WrongKind {
        expected: Kind,
        found: Kind,
    },
    UnknownVersion {
        kind: Kind,
        version: u8,
    },
    CodeCheckFailed,
    Malformed {
        kind: Kind,
        reason: Malformed,
    },
    BadSignature,
    UnknownSigningKey {
        key_id: u8,
    },
    /// The response is for another product than the installation's.
    AnotherProduct {
        expected: u16,
        found: u16,
    },
    /// KEYID_NOT_FOUND: the response names another installation.
    AnotherInstallation {
        expected: KeyId,
        found_tag: u16,
    },
    /// TOO_OLD: the installation already holds this update or a newer one.
    TooOld {
        counter: u16,
        to_counter: u16,
    },
    /// TOO_NEW: the response continues from an update the installation lacks.
    TooNew {
        counter: u16,
        from_counter: u16,
    },
}

/// Which rule of a layout a code breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Malformed {
    EntitlementsShort,
    SlotsOutOfOrder,
    NotShortest,
    Padding,
    CounterNotAdvancing,
    /// A release code at update 0: an installation that never received a
    /// response has nothing to release.
    NothingHeld,
}

impl Malformed {
    pub const fn code(self) -> &'static str {
        match self {
            Malformed::EntitlementsShort => "entitlements_short",
            Malformed::SlotsOutOfOrder => "slots_out_of_order",
            Malformed::NotShortest => "not_shortest",
            Malformed::Padding => "padding",
            Malformed::CounterNotAdvancing => "counter_not_advancing",
            Malformed::NothingHeld => "nothing_held",
        }
    }
}

fn kind_arg(kind: Option<Kind>) -> Arg<'static> {
    Arg::from(kind.map_or("none", Kind::code_name))
}

impl CodeError {
    /// A stable name for programs: problem `code_error`s, `--json`, exit codes, tests.
    pub fn code(&self) -> &'static str {
        match self {
            CodeError::Empty => "empty",
            CodeError::InvalidCharacter { .. } => "invalid_character",
            CodeError::BadGroup { .. } => "bad_group",
            CodeError::GroupsSwapped { .. } => "groups_swapped",
            CodeError::MissingGroup { .. } => "missing_group",
            CodeError::ExtraGroup { .. } => "extra_group",
            CodeError::Truncated { .. } => "truncated",
            CodeError::TooLong { .. } => "too_long",
            CodeError::WrongKind { .. } => "wrong_kind",
            CodeError::UnknownVersion { .. } => "unknown_version",
            CodeError::CodeCheckFailed => "code_check_failed",
            CodeError::Malformed { .. } => "malformed",
            CodeError::BadSignature => "bad_signature",
            CodeError::UnknownSigningKey { .. } => "unknown_signing_key",
            CodeError::AnotherProduct { .. } => "another_product",
            CodeError::AnotherInstallation { .. } => "keyid_not_found",
            CodeError::TooOld { .. } => "too_old",
            CodeError::TooNew { .. } => "too_new",
        }
    }

    /// The catalogue entry that explains this error.
    pub fn message_id(&self) -> &'static str {
        match self {
            CodeError::AnotherInstallation { .. } => "code-another_installation",
            other => match other.code() {
                "empty" => "code-empty",
                "invalid_character" => "code-invalid_character",
                "bad_group" => "code-bad_group",
                "groups_swapped" => "code-groups_swapped",
                "missing_group" => "code-missing_group",
                "extra_group" => "code-extra_group",
                "truncated" => "code-truncated",
                "too_long" => "code-too_long",
                "wrong_kind" => "code-wrong_kind",
                "unknown_version" => "code-unknown_version",
                "code_check_failed" => "code-code_check_failed",
                "malformed" => "code-malformed",
                "bad_signature" => "code-bad_signature",
                "unknown_signing_key" => "code-unknown_signing_key",
                "another_product" => "code-another_product",
                "too_old" => "code-too_old",
                _ => "code-too_new",
            },
        }
    }

    /// The arguments of the catalogue entry (also the `detail` members of
    /// the test vectors).
    pub fn args(&self) -> Vec<(&'static str, Arg<'static>)> {
        match *self {
            CodeError::Empty | CodeError::CodeCheckFailed | CodeError::BadSignature => vec![],
            CodeError::InvalidCharacter { character, position, group } => vec![
                ("character", Arg::from(character.to_string())),
                ("position", position.into()),
                ("group", group.into()),
            ],
            CodeError::BadGroup { group } | CodeError::MissingGroup { group } | CodeError::ExtraGroup { group } => {
                vec![("group", group.into())]
            }
            CodeError::GroupsSwapped { first, second } => vec![("first", first.into()), ("second", second.into())],
            CodeError::Truncated { kind, expected_groups, found_groups } => vec![
                ("kind", kind_arg(kind)),
                ("expected_groups", expected_groups.into()),
                ("found_groups", found_groups.into()),
            ],
            CodeError::TooLong { kind, max_groups, found_groups } => {
                vec![("kind", kind_arg(kind)), ("max_groups", max_groups.into()), ("found_groups", found_groups.into())]
            }
            CodeError::WrongKind { expected, found } => {
                vec![("expected", expected.code_name().into()), ("found", found.code_name().into())]
            }
            CodeError::UnknownVersion { kind, version } => {
                vec![("kind", kind.code_name().into()), ("version", version.into())]
            }
            CodeError::Malformed { kind, reason } => {
                vec![("kind", kind.code_name().into()), ("reason", reason.code().into())]
            }
            CodeError::UnknownSigningKey { key_id } => vec![("key_id", key_id.into())],
            CodeError::AnotherProduct { expected, found } => {
                vec![("expected", expected.into()), ("found", found.into())]
            }
            CodeError::AnotherInstallation { expected, found_tag } => {
                vec![("expected", expected.to_string().into()), ("found", format!("{found_tag:04X}").into())]
            }
            CodeError::TooOld { counter, to_counter } => {
                vec![("counter", counter.into()), ("to_counter", to_counter.into())]
            }
            CodeError::TooNew { counter, from_counter } => {
                vec![("counter", counter.into()), ("from_counter", from_counter.into())]
            }
        }
    }

    /// Title, meaning and next step, in `lang`, for `audience`.
    pub fn explain(&self, lang: Lang, audience: Audience) -> Explanation {
        license_messages::CODES.explain(lang, self.message_id(), &self.args(), audience)
    }

    /// What the person should do next (the program's wording, in English).
    pub fn next_step(&self) -> String {
        license_messages::CODES.text(Lang::En, self.message_id(), Some("next"), &self.args())
    }

    /// The group the error is in, when it is in one group.
    pub fn group(&self) -> Option<usize> {
        match self {
            CodeError::InvalidCharacter { group, .. }
            | CodeError::BadGroup { group }
            | CodeError::MissingGroup { group }
            | CodeError::ExtraGroup { group } => Some(*group),
            CodeError::GroupsSwapped { first, .. } => Some(*first),
            _ => None,
        }
    }

    /// Whether the text itself is damaged (a typo), as opposed to a code that
    /// reads fine but is the wrong one, untrusted, or does not apply.
    pub fn is_typing_error(&self) -> bool {
        !matches!(
            self,
            CodeError::WrongKind { .. }
                | CodeError::UnknownVersion { .. }
                | CodeError::BadSignature
                | CodeError::UnknownSigningKey { .. }
                | CodeError::AnotherProduct { .. }
                | CodeError::AnotherInstallation { .. }
                | CodeError::TooOld { .. }
                | CodeError::TooNew { .. }
        )
    }
}

/// What it means, in English, as a fragment ("group 4 has a typo").
impl std::fmt::Display for CodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&license_messages::CODES.text(Lang::En, self.message_id(), None, &self.args()))
    }
}

impl std::error::Error for CodeError {}
