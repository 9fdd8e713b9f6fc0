//! Every way reading a code or applying a response can fail, each with a
//! stable machine-readable name. The words (what it means, what to do next)
//! are the catalogue's (`license-messages`), found by [`CodeError::message_id`]
//! and filled with [`CodeError::args`].

use license_messages::domain::Codes;
use license_messages::{msg, Arg, Audience, Explanation, Lang, MsgId};

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

    /// The catalogue entry that explains this error: one per error, so a
    /// new error cannot borrow another's words.
    pub fn message_id(&self) -> MsgId<Codes> {
        match self {
            CodeError::Empty => msg!("code-empty"),
            CodeError::InvalidCharacter { .. } => msg!("code-invalid_character"),
            CodeError::BadGroup { .. } => msg!("code-bad_group"),
            CodeError::GroupsSwapped { .. } => msg!("code-groups_swapped"),
            CodeError::MissingGroup { .. } => msg!("code-missing_group"),
            CodeError::ExtraGroup { .. } => msg!("code-extra_group"),
            CodeError::Truncated { .. } => msg!("code-truncated"),
            CodeError::TooLong { .. } => msg!("code-too_long"),
            CodeError::WrongKind { .. } => msg!("code-wrong_kind"),
            CodeError::UnknownVersion { .. } => msg!("code-unknown_version"),
            CodeError::CodeCheckFailed => msg!("code-code_check_failed"),
            CodeError::Malformed { .. } => msg!("code-malformed"),
            CodeError::BadSignature => msg!("code-bad_signature"),
            CodeError::UnknownSigningKey { .. } => msg!("code-unknown_signing_key"),
            CodeError::AnotherProduct { .. } => msg!("code-another_product"),
            CodeError::AnotherInstallation { .. } => msg!("code-another_installation"),
            CodeError::TooOld { .. } => msg!("code-too_old"),
            CodeError::TooNew { .. } => msg!("code-too_new"),
        }
    }

    /// The error's detail members (docs/codes.md §8), named as there:
    /// its catalogue arguments, numbers as numbers, `kind` null when no
    /// kind is known. What `--json`, the C library and the test vectors carry.
    pub fn detail(&self) -> Detail {
        Detail::from_args(self.args())
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
        self.message_id().explain(lang, &self.args(), audience)
    }

    /// What the person should do next (the program's wording, in English).
    pub fn next_step(&self) -> String {
        self.message_id().attribute(Lang::En, "next", &self.args())
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

/// An error's detail members, in the order the specification lists them;
/// serialised as a JSON object.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Detail(pub Vec<(&'static str, DetailValue)>);

/// One detail member's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DetailValue {
    Number(i64),
    Text(String),
    Null,
}

impl Detail {
    /// Catalogue arguments as detail members: numbers as numbers, `kind`
    /// null where it is `none` (no kind known).
    pub fn from_args(args: Vec<(&'static str, Arg<'_>)>) -> Detail {
        let member = |(name, arg): (&'static str, Arg<'_>)| {
            let value = match arg {
                Arg::Num(n) => DetailValue::Number(n),
                Arg::Str(s) if name == "kind" && s == "none" => DetailValue::Null,
                Arg::Str(s) => DetailValue::Text(s.into_owned()),
            };
            (name, value)
        };
        Detail(args.into_iter().map(member).collect())
    }
}

impl serde::Serialize for Detail {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            match value {
                DetailValue::Number(n) => map.serialize_entry(name, n)?,
                DetailValue::Text(t) => map.serialize_entry(name, t)?,
                DetailValue::Null => map.serialize_entry(name, &())?,
            }
        }
        map.end()
    }
}

/// What it means, in English, as a fragment ("group 4 has a typo").
impl std::fmt::Display for CodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message_id().text(Lang::En, &self.args()))
    }
}

impl std::error::Error for CodeError {}
