//! The typable text form shared by every kind of code.
//!
//! A payload bit string is written as upper-case Crockford base32 symbols,
//! five data symbols to a group, each group followed by its check symbol
//! ([`crate::check`]), groups joined by dashes. Reading is forgiving about
//! everything a person or a mail client adds (case, spaces, dashes, line
//! breaks, `>` quoting, square brackets, I/L for 1, O for 0) and strict about
//! everything else, and says which group is wrong.

use crate::check::{check_symbol, group_is_valid, DATA_SYMBOLS, GROUP_SYMBOLS};
use crate::{CodeError, Kind};

/// The 32 symbols, in value order. No I, L, O or U.
pub const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Longest input accepted before any work is done (a code is under 200 characters).
pub const MAX_INPUT_CHARS: usize = 4096;

/// The value of one typed character, after Crockford's forgiving mapping.
pub fn symbol_value(c: char) -> Option<u8> {
    let c = c.to_ascii_uppercase();
    let c = match c {
        'I' | 'L' => '1',
        'O' => '0',
        other => other,
    };
    ALPHABET.iter().position(|a| *a as char == c).map(|p| p as u8)
}

/// Characters that separate groups or come from copying, and are skipped.
fn is_ignored(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' | '[' | ']')
}

/// Turns what a person typed or pasted into symbol values.
pub fn normalize(input: &str) -> Result<Vec<u8>, CodeError> {
    let chars = input.chars().count();
    if chars > MAX_INPUT_CHARS {
        let max_groups = crate::response::MAX_GROUPS;
        return Err(CodeError::TooLong { kind: None, max_groups, found_groups: chars / GROUP_SYMBOLS });
    }
    let mut symbols = Vec::with_capacity(input.len());
    for line in input.lines() {
        // Mail quoting: any run of '>' and spaces at the start of a line.
        let line = line.trim_start_matches(|c: char| c == '>' || c.is_whitespace());
        for c in line.chars() {
            if is_ignored(c) {
                continue;
            }
            match symbol_value(c) {
                Some(v) => symbols.push(v),
                None => {
                    let position = symbols.len() + 1;
                    return Err(CodeError::InvalidCharacter {
                        character: c,
                        position,
                        group: (position - 1) / GROUP_SYMBOLS + 1,
                    });
                }
            }
        }
    }
    if symbols.is_empty() {
        return Err(CodeError::Empty);
    }
    Ok(symbols)
}

/// Writes data symbols (a multiple of [`DATA_SYMBOLS`]) as grouped text.
pub fn encode_groups(kind: Kind, data: &[u8]) -> String {
    debug_assert_eq!(data.len() % DATA_SYMBOLS, 0);
    let mut out = String::with_capacity(data.len() / DATA_SYMBOLS * (GROUP_SYMBOLS + 1));
    for (index, chunk) in data.chunks(DATA_SYMBOLS).enumerate() {
        if index > 0 {
            out.push('-');
        }
        let chunk: &[u8; DATA_SYMBOLS] = chunk.try_into().expect("whole groups");
        for s in chunk {
            out.push(ALPHABET[*s as usize] as char);
        }
        out.push(ALPHABET[check_symbol(kind, index, chunk) as usize] as char);
    }
    out
}

/// The first symbol of every code: `kind * 8 + version`.
pub fn kind_symbol(kind: Kind, version: u8) -> u8 {
    kind.number() * 8 + version
}

/// A code whose groups all check out: its kind, format version and data symbols.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Groups {
    pub kind: Kind,
    pub version: u8,
    /// The data symbols of every group, check symbols removed.
    pub data: Vec<u8>,
}

/// Reads grouped text, locating typos, swapped, missing and extra groups.
///
/// `expected` is the kind the caller wants; a valid-looking code of another
/// kind gives [`CodeError::WrongKind`]. With `None` any kind is accepted.
pub fn decode_groups(input: &str, expected: Option<Kind>) -> Result<Groups, CodeError> {
    let symbols = normalize(input)?;
    let whole = symbols.len() / GROUP_SYMBOLS;
    let partial = symbols.len() % GROUP_SYMBOLS != 0;
    let groups: Vec<&[u8]> = symbols.chunks(GROUP_SYMBOLS).collect();

    let claimed = Kind::from_number(symbols[0] >> 3);
    let claimed_valid = claimed.filter(|k| whole >= 1 && group_is_valid(*k, 0, groups[0]));
    let by_length = if partial { None } else { Kind::from_group_count(whole) };

    // The kind whose check constants the groups are read with: the length
    // (a typo never changes it), then the first group. When they disagree
    // (a request code with a group too many is as long as a release code),
    // the kind under which more groups check out wins, the length on a tie.
    // A length is a sign of its kind only if the first symbol claims that kind
    // or some group checks out under it (a release code missing a group is as
    // long as a request code, but none of its groups reads as one).
    let valid_under = |k: Kind| (0..whole).filter(|g| group_is_valid(k, *g, groups[*g])).count();
    let by_length = by_length.filter(|k| claimed == Some(*k) || valid_under(*k) > 0);
    let by_signs = match (by_length, claimed_valid) {
        (Some(l), Some(c)) if l != c && valid_under(c) > valid_under(l) => Some(c),
        (l, c) => l.or(c),
    };
    let kind = match by_signs.or(expected) {
        Some(kind) => kind,
        None if whole == 0 => return Err(CodeError::Truncated { kind: None, expected_groups: 0, found_groups: 0 }),
        None => return Err(CodeError::BadGroup { group: 1 }),
    };
    if let Some(expected) = expected {
        if kind != expected && (by_length.is_some() || claimed_valid.is_some()) {
            return Err(CodeError::WrongKind { expected, found: kind });
        }
    }

    let failing: Vec<usize> = (0..whole).filter(|g| !group_is_valid(kind, *g, groups[*g])).collect();
    if let Some(&first) = failing.first() {
        return Err(locate_failure(kind, &groups[..whole], &failing, first));
    }
    if partial {
        return Err(CodeError::Truncated {
            kind: Some(kind),
            expected_groups: kind.group_range(1).0.max(whole + 1),
            found_groups: whole,
        });
    }
    if claimed != Some(kind) {
        return Err(CodeError::WrongKind { expected: kind, found: claimed.unwrap_or(kind) });
    }
    let version = symbols[0] & 0b111;
    if version != 1 {
        return Err(CodeError::UnknownVersion { kind, version });
    }
    let (min, max) = kind.group_range(version);
    if whole < min {
        return Err(CodeError::Truncated { kind: Some(kind), expected_groups: min, found_groups: whole });
    }
    if whole > max {
        return Err(CodeError::TooLong { kind: Some(kind), max_groups: max, found_groups: whole });
    }
    let data = groups[..whole].iter().flat_map(|g| g[..DATA_SYMBOLS].iter().copied()).collect();
    Ok(Groups { kind, version, data })
}

/// Explains failing groups as precisely as the evidence allows.
///
/// A group left out makes every later group check out one place further on;
/// a group added makes every later group check out one place earlier. Either
/// is claimed only with evidence beyond a single group (a plain typo in the
/// last group is 1 in 32 likely to pass one place off), or when the length
/// itself is wrong.
fn locate_failure(kind: Kind, groups: &[&[u8]], failing: &[usize], first: usize) -> CodeError {
    if let [a, b] = failing {
        if group_is_valid(kind, *b, groups[*a]) && group_is_valid(kind, *a, groups[*b]) {
            return CodeError::GroupsSwapped { first: a + 1, second: b + 1 };
        }
    }
    let (min, max) = expected_groups(kind, groups, first).map_or(kind.group_range(1), |n| (n, n));
    let valid_from = |from: usize, position: usize| {
        groups[from..].iter().enumerate().all(|(i, g)| group_is_valid(kind, position + i, g))
    };
    let tail = groups.len() - first;
    if valid_from(first, first + 1) && (tail >= 2 || groups.len() < min) {
        return CodeError::MissingGroup { group: first + 1 };
    }
    let rest = tail - 1;
    if valid_from(first + 1, first) && ((rest >= 2) || (groups.len() > max && rest <= 1)) {
        return CodeError::ExtraGroup { group: first + 1 };
    }
    CodeError::BadGroup { group: first + 1 }
}

/// How many groups the code should have, read from its valid leading groups
/// where the length depends on the content (a response's entitlements).
fn expected_groups(kind: Kind, groups: &[&[u8]], valid_prefix: usize) -> Option<usize> {
    match kind {
        Kind::Response => {
            let data: Vec<u8> = groups[..valid_prefix].iter().flat_map(|g| g[..DATA_SYMBOLS].iter().copied()).collect();
            crate::response::groups_needed(&data)
        }
        _ => None,
    }
}

/// How one typed group looks while a person is still typing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupState {
    /// All six symbols present and the check symbol agrees.
    Good,
    /// All six symbols present and the check symbol disagrees.
    Wrong,
    /// Fewer than six symbols so far.
    Incomplete,
}

/// One group as typed, for showing it back to the person.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct GroupView {
    pub text: String,
    pub state: GroupState,
}

/// The groups of a partly typed code, marked good, wrong or incomplete.
///
/// Groups are read with the check constants of `kind`, or of the kind the
/// length or first group suggests when `kind` is `None`. Characters that are
/// not symbols are left out here; [`normalize`] reports them.
pub fn inspect_groups(input: &str, kind: Kind) -> Vec<GroupView> {
    let symbols: Vec<u8> = input.chars().take(MAX_INPUT_CHARS).filter_map(symbol_value).collect();
    symbols
        .chunks(GROUP_SYMBOLS)
        .enumerate()
        .map(|(index, group)| GroupView {
            text: group.iter().map(|s| ALPHABET[*s as usize] as char).collect(),
            state: if group.len() < GROUP_SYMBOLS {
                GroupState::Incomplete
            } else if group_is_valid(kind, index, group) {
                GroupState::Good
            } else {
                GroupState::Wrong
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alphabet_has_no_ambiguous_letters() {
        for c in ['I', 'L', 'O', 'U'] {
            assert!(!ALPHABET.contains(&(c as u8)));
        }
        assert_eq!(symbol_value('i'), Some(1));
        assert_eq!(symbol_value('L'), Some(1));
        assert_eq!(symbol_value('o'), Some(0));
        assert_eq!(symbol_value('U'), None);
    }

    #[test]
    fn normalize_ignores_what_copying_adds() {
        let plain = normalize("ABCDEF-123456").unwrap();
        for variant in [
            "abcdef 123456",
            "> ABCDEF-\n> 123456\n",
            ">> abcdef\r\n>> 123456",
            "[ABCDEF-123456]",
            "  ABCDEF\u{2013}123456  ",
        ] {
            assert_eq!(normalize(variant).unwrap(), plain, "{variant:?}");
        }
    }

    #[test]
    fn a_flood_of_text_is_refused_before_reading() {
        let err = normalize(&"A".repeat(MAX_INPUT_CHARS + 1)).unwrap_err();
        assert_eq!(err, CodeError::TooLong { kind: None, max_groups: 28, found_groups: 682 });
        assert!(err.to_string().contains("682 groups, a code has at most 28"), "{err}");
    }

    #[test]
    fn normalize_names_the_bad_character() {
        assert_eq!(
            normalize("ABCDEF-12U456"),
            Err(CodeError::InvalidCharacter { character: 'U', position: 9, group: 2 })
        );
        assert_eq!(normalize(" - \n"), Err(CodeError::Empty));
    }
}
