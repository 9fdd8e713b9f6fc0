//! Exhaustive: every single substitution and every adjacent transposition
//! inside every group of valid codes is rejected, naming that group.

mod common;

use license_codes::text::ALPHABET;
use license_codes::*;

fn parse(kind: Kind, text: &str) -> Result<(), CodeError> {
    match kind {
        Kind::Serial => SerialNumber::parse(text).map(|_| ()),
        Kind::Request => RequestCode::parse(text).map(|_| ()),
        Kind::Response => ResponseCode::parse(text).map(|_| ()),
        Kind::Release => ReleaseCode::parse(text).map(|_| ()),
    }
}

fn samples() -> Vec<(Kind, String)> {
    vec![
        (Kind::Serial, common::serial().to_code()),
        (Kind::Serial, SerialNumber::new(0).unwrap().to_code()),
        (Kind::Serial, SerialNumber::new((1 << 40) - 1).unwrap().to_code()),
        (Kind::Request, common::request().to_code()),
        (Kind::Response, common::response().to_code()),
        (Kind::Response, common::largest_response().to_code()),
        (Kind::Release, common::release().to_code()),
    ]
}

fn with_group_error(kind: Kind, code: &str, typo: &str, expected_group: usize, what: &str) -> usize {
    for result in [parse(kind, typo), decode(typo).map(|_| ())] {
        let err = result.expect_err(&format!("{what} accepted: {typo} (from {code})"));
        assert_eq!(err, CodeError::BadGroup { group: expected_group }, "{what}: {typo}");
    }
    1
}

#[test]
fn every_substitution_is_located() {
    let mut checked = 0;
    for (kind, code) in samples() {
        let chars: Vec<char> = code.chars().collect();
        for (i, original) in chars.iter().enumerate() {
            if *original == '-' {
                continue;
            }
            let group = code[..i].matches('-').count() + 1;
            for replacement in ALPHABET.iter().map(|b| *b as char).filter(|c| c != original) {
                let mut typo = chars.clone();
                typo[i] = replacement;
                let typo: String = typo.into_iter().collect();
                checked += with_group_error(kind, &code, &typo, group, "substitution");
            }
        }
    }
    // 2 serials * 12 * 31 + 48 * 31 + responses: at least this many.
    assert!(checked > 2 * 12 * 31 + 48 * 31 + 2 * 150 * 31, "{checked}");
}

#[test]
fn every_adjacent_transposition_is_located() {
    let mut checked = 0;
    for (kind, code) in samples() {
        for (group_index, group) in code.split('-').enumerate() {
            let g: Vec<char> = group.chars().collect();
            for i in 0..g.len() - 1 {
                if g[i] == g[i + 1] {
                    continue;
                }
                let mut swapped = g.clone();
                swapped.swap(i, i + 1);
                let mut groups: Vec<String> = code.split('-').map(String::from).collect();
                groups[group_index] = swapped.into_iter().collect();
                checked += with_group_error(kind, &code, &groups.join("-"), group_index + 1, "transposition");
            }
        }
    }
    assert!(checked > 150, "{checked}");
}

#[test]
fn swapped_missing_and_extra_groups_are_named() {
    for (kind, code) in samples().into_iter().filter(|(k, _)| *k != Kind::Serial) {
        let groups: Vec<&str> = code.split('-').collect();
        let n = groups.len();
        for a in 0..n {
            for b in a + 1..n {
                if groups[a] == groups[b] {
                    continue;
                }
                let mut g = groups.clone();
                g.swap(a, b);
                let err = parse(kind, &g.join("-")).unwrap_err();
                assert_eq!(err, CodeError::GroupsSwapped { first: a + 1, second: b + 1 }, "{kind} swap {a} {b}");
            }
            let mut g = groups.clone();
            g.remove(a);
            let err = parse(kind, &g.join("-")).unwrap_err();
            if a + 1 < n {
                assert_eq!(err, CodeError::MissingGroup { group: a + 1 }, "{kind} missing {a}");
            } else {
                assert!(matches!(err, CodeError::Truncated { .. }), "{kind} missing last: {err:?}");
            }
            let mut g = groups.clone();
            g.insert(a, groups[a]);
            let err = parse(kind, &g.join("-")).unwrap_err();
            assert!(
                matches!(err, CodeError::ExtraGroup { group } if group == a + 1 || group == a + 2),
                "{kind} duplicated group {a}: {err:?}"
            );
        }
    }
}

#[test]
fn serial_groups_swapped_or_missing_are_rejected() {
    let code = common::serial().to_code();
    let (a, b) = code.split_once('-').unwrap();
    assert!(SerialNumber::parse(&format!("{b}-{a}")).is_err());
    assert!(matches!(SerialNumber::parse(a), Err(CodeError::Truncated { .. }) | Err(CodeError::BadGroup { .. })));
}
