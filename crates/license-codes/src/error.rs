//! Every way reading a code can fail, each with a stable machine-readable
//! name, a message that says what is wrong and a next step.

use crate::Kind;

/// Why a code could not be read or trusted. Groups and positions are 1-based.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("no code was entered")]
    Empty,
    #[error("character {position} (in group {group}) is '{character}', which is not used in codes")]
    InvalidCharacter { character: char, position: usize, group: usize },
    #[error("group {group} has a typo")]
    BadGroup { group: usize },
    #[error("groups {first} and {second} are in each other's place")]
    GroupsSwapped { first: usize, second: usize },
    #[error("a group is missing at group {group}")]
    MissingGroup { group: usize },
    #[error("group {group} is one group too many")]
    ExtraGroup { group: usize },
    #[error("the code is cut short: {found_groups} complete groups, {} needs at least {expected_groups}", kind_or_code(*.kind))]
    Truncated { kind: Option<Kind>, expected_groups: usize, found_groups: usize },
    #[error("the code is too long: {found_groups} groups, {} has at most {max_groups}", kind_or_code(*.kind))]
    TooLong { kind: Option<Kind>, max_groups: usize, found_groups: usize },
    #[error("this is {}, not {}", found.with_article(), expected.with_article())]
    WrongKind { expected: Kind, found: Kind },
    #[error("this {kind} uses format version {version}, which this program does not know")]
    UnknownVersion { kind: Kind, version: u8 },
    #[error(
        "the groups check out but the code as a whole does not: two typos in one group, or groups from different codes"
    )]
    CodeCheckFailed,
    #[error("the {kind} is not well formed: {reason}")]
    Malformed { kind: Kind, reason: &'static str },
    #[error(
        "the response code's signature does not verify: it was changed, mistyped, or not made for this installation"
    )]
    BadSignature,
    #[error("the response code was signed with vendor key {key_id}, which this program does not trust")]
    UnknownSigningKey { key_id: u8 },
}

fn kind_or_code(kind: Option<Kind>) -> String {
    kind.map_or_else(|| "a code".to_string(), |k| k.with_article())
}

impl CodeError {
    /// A stable name for programs: problem `code`s, exit codes, tests.
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
        }
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
    /// reads fine but is the wrong one or untrusted.
    pub fn is_typing_error(&self) -> bool {
        !matches!(
            self,
            CodeError::WrongKind { .. }
                | CodeError::UnknownVersion { .. }
                | CodeError::BadSignature
                | CodeError::UnknownSigningKey { .. }
        )
    }

    /// What the person should do next.
    pub fn next_step(&self) -> String {
        match self {
            CodeError::Empty => "Type or paste the code.".into(),
            CodeError::InvalidCharacter { group, .. } => {
                format!("Codes use only digits and the letters A-Z without I, L, O and U; compare group {group} with the original.")
            }
            CodeError::BadGroup { group } => {
                format!("Compare group {group} with the original character by character, or copy and paste the code instead of typing it.")
            }
            CodeError::GroupsSwapped { first, second } => {
                format!("Exchange groups {first} and {second}, or copy the code again from the original.")
            }
            CodeError::MissingGroup { group } => {
                format!("Type the group that belongs before group {group}; the original has one more group.")
            }
            CodeError::ExtraGroup { group } => format!("Remove group {group} (it is not in the original), or copy the code again."),
            CodeError::Truncated { .. } => "Copy the whole code: the end is missing.".into(),
            CodeError::TooLong { .. } => "Enter only one code, with nothing added after it.".into(),
            CodeError::WrongKind { found: Kind::Response, .. } => {
                "This is the answer from the licence portal: enter it into the program (Enter Code), not here.".into()
            }
            CodeError::WrongKind { found: Kind::Serial, .. } => {
                "This is a serial number: install the program with it, then use its Create Code button to make a request code.".into()
            }
            CodeError::WrongKind { expected: Kind::Response, found: Kind::Request } => {
                "This is the code the program made: submit it on the licence portal, which answers with the response code to enter here.".into()
            }
            CodeError::WrongKind { expected, .. } => format!("Enter {} instead.", expected.with_article()),
            CodeError::UnknownVersion { .. } => "Update the program, or ask support for a code in the format this version reads.".into(),
            CodeError::CodeCheckFailed => {
                "Copy the code again from the original rather than typing it; if it still fails, create a new code.".into()
            }
            CodeError::Malformed { .. } => "Copy the code again from the original; if it still fails, contact support with the code.".into(),
            CodeError::BadSignature => {
                "Check that the response code was made for this installation's latest request code and copy it again; if it still fails, contact support.".into()
            }
            CodeError::UnknownSigningKey { .. } => "Update the program so it knows the vendor's current keys, or contact support.".into(),
        }
    }
}
