//! Checking a code as it is typed (pure logic, no DOM): the customer's page
//! wants a request code; the console's Find takes any code or an email.

use license_codes::messages::{sentence, Audience, Lang};
use license_codes::text::{inspect_groups, normalize, GroupState, GroupView};
use license_codes::{AnyCode, CodeError, Kind, ReleaseCode, RequestCode};

/// Groups in a request code.
pub const REQUEST_GROUPS: usize = 8;

/// What the typed text amounts to.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// Nothing typed yet.
    Empty,
    /// So far so good; more groups to come.
    Incomplete { complete: usize },
    /// A whole, valid request code: it may be submitted.
    Valid(RequestCode),
    /// A whole, valid release code: it may be submitted, to move the
    /// licence to another computer.
    Release(ReleaseCode),
    /// So far so good in a release code; more groups to come.
    ReleaseIncomplete { complete: usize },
    /// Something is wrong: what, where, and what to do.
    Problem { group: Option<usize>, message: String, next_step: String },
    /// A code of another kind (a response code or a serial number), explained.
    OtherKind { kind: Kind, message: String, next_step: String },
}

/// The typed groups, each good, wrong or incomplete, and the verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    pub groups: Vec<GroupView>,
    pub verdict: Verdict,
}

impl Checked {
    pub fn request(&self) -> Option<RequestCode> {
        match &self.verdict {
            Verdict::Valid(r) => Some(*r),
            _ => None,
        }
    }

    /// Whether the code may be submitted: a whole request or release code.
    pub fn submittable(&self) -> bool {
        matches!(self.verdict, Verdict::Valid(_) | Verdict::Release(_))
    }

    /// Whether the field shows a mistake.
    pub fn invalid(&self) -> bool {
        matches!(self.verdict, Verdict::Problem { .. } | Verdict::OtherKind { .. })
    }
}

fn problem(e: &CodeError, lang: Lang) -> Verdict {
    let words = e.explain(lang, Audience::Customer);
    Verdict::Problem { group: e.group(), message: sentence(&words.meaning), next_step: words.next_step }
}

fn other_kind(kind: Kind, certain: bool, lang: Lang) -> Verdict {
    let e = CodeError::WrongKind { expected: Kind::Request, found: kind };
    let words = e.explain(lang, Audience::Customer);
    let message = if certain {
        words.meaning
    } else {
        license_codes::messages::msg!("page-starts_like").text(lang, &[("kind", kind.code_name().into())])
    };
    Verdict::OtherKind { kind, message: sentence(&message), next_step: words.next_step }
}

/// Checks what was typed or pasted into the request code field; what is
/// wrong is said in `lang`.
pub fn check_request(input: &str, lang: Lang) -> Checked {
    // A release code is checked as one from its first symbol on.
    let starts_as_release = input.chars().find_map(license_codes::text::symbol_value).is_some_and(|s| s >> 3 == 0);
    let groups = inspect_groups(input, if starts_as_release { Kind::Release } else { Kind::Request });
    let verdict = verdict(input, &groups, lang);
    // A code of another kind is shown checked as what it is, not as 26 typos.
    let groups = match &verdict {
        Verdict::OtherKind { kind, .. } => inspect_groups(input, *kind),
        _ => groups,
    };
    Checked { groups, verdict }
}

fn verdict(input: &str, groups: &[GroupView], lang: Lang) -> Verdict {
    let symbols = match normalize(input) {
        Err(CodeError::Empty) => return Verdict::Empty,
        Err(e) => return problem(&e, lang),
        Ok(symbols) => symbols,
    };
    // A whole code of another kind, or one that starts like one.
    match license_codes::decode(input) {
        Ok(AnyCode::Request(r)) => return Verdict::Valid(r),
        Ok(AnyCode::Release(r)) => return Verdict::Release(r),
        Ok(other) => return other_kind(other.kind(), true, lang),
        Err(_) => {}
    }
    match Kind::from_number(symbols[0] >> 3) {
        Some(kind @ (Kind::Response | Kind::Serial)) => return other_kind(kind, false, lang),
        Some(Kind::Release) => {
            return match ReleaseCode::parse(input) {
                Ok(r) => Verdict::Release(r),
                Err(CodeError::Truncated { .. }) if groups.iter().all(|g| g.state != GroupState::Wrong) => {
                    Verdict::ReleaseIncomplete {
                        complete: groups.iter().filter(|g| g.state == GroupState::Good).count(),
                    }
                }
                Err(e) => problem(&e, lang),
            }
        }
        _ => {}
    }
    match RequestCode::parse(input) {
        Ok(r) => Verdict::Valid(r),
        Err(CodeError::Truncated { .. }) if groups.iter().all(|g| g.state != GroupState::Wrong) => {
            Verdict::Incomplete { complete: groups.iter().filter(|g| g.state == GroupState::Good).count() }
        }
        Err(e) => problem(&e, lang),
    }
}

/// What the console's Find makes of what was typed: any whole code, or an
/// email address, may be looked up. Its own type, so the customer's page
/// compares only its own cases on every keystroke.
#[derive(Debug, Clone, PartialEq)]
pub enum FindVerdict {
    Empty,
    Incomplete {
        complete: usize,
    },
    /// A whole, valid code of this kind.
    Code(Kind),
    /// A code of this kind found among words (a quoted mail): Find looks up
    /// `code`, as `mail-in` would answer it.
    InText {
        kind: Kind,
        code: String,
    },
    Email(String),
    Problem {
        message: String,
        next_step: String,
    },
}

/// The console's Find, checked: the groups as typed, and the verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct FindChecked {
    pub groups: Vec<GroupView>,
    pub verdict: FindVerdict,
}

impl FindChecked {
    /// A whole code or an email: something to look up.
    pub fn findable(&self) -> bool {
        matches!(self.verdict, FindVerdict::Code(_) | FindVerdict::InText { .. } | FindVerdict::Email(_))
    }

    /// What Find looks up for `input`: the code found among its words, or
    /// the input as typed.
    pub fn lookup(&self, input: &str) -> String {
        match &self.verdict {
            FindVerdict::InText { code, .. } => code.clone(),
            _ => input.trim().to_string(),
        }
    }
}

/// Checks what was typed into the console's Find.
pub fn check_any(input: &str, lang: Lang) -> FindChecked {
    let done = |groups, verdict| FindChecked { groups, verdict };
    let text = input.trim();
    let whole = license_codes::decode(text).is_ok();
    if !whole {
        // A code among words, as a customer's mail quotes it: what mail-in finds.
        let found = license_codes::scan::scan(text);
        if let Some((request, _)) = found.requests.first() {
            return done(Vec::new(), FindVerdict::InText { kind: Kind::Request, code: request.to_code() });
        }
        if let Some(serial) = found.serials.first().filter(|_| !text.contains('@')) {
            return done(Vec::new(), FindVerdict::InText { kind: Kind::Serial, code: serial.to_code() });
        }
    }
    if text.contains('@') {
        return done(Vec::new(), FindVerdict::Email(text.to_string()));
    }
    let symbols = match normalize(input) {
        Err(CodeError::Empty) => return done(Vec::new(), FindVerdict::Empty),
        Err(e) => return done(Vec::new(), find_problem(&e, lang)),
        Ok(symbols) => symbols,
    };
    let kind = Kind::from_number(symbols[0] >> 3).unwrap_or(Kind::Request);
    let groups = inspect_groups(input, kind);
    let verdict = match license_codes::decode(input) {
        Ok(code) => FindVerdict::Code(code.kind()),
        Err(CodeError::Truncated { .. }) if groups.iter().all(|g| g.state != GroupState::Wrong) => {
            FindVerdict::Incomplete { complete: groups.iter().filter(|g| g.state == GroupState::Good).count() }
        }
        Err(e) => find_problem(&e, lang),
    };
    done(groups, verdict)
}

fn find_problem(e: &CodeError, lang: Lang) -> FindVerdict {
    let words = e.explain(lang, Audience::Program);
    FindVerdict::Problem { message: sentence(&words.meaning), next_step: words.next_step }
}

#[cfg(test)]
mod tests {
    use super::*;
    use license_codes::{Day, KeyId, SerialNumber};

    fn request() -> String {
        RequestCode {
            product: 7,
            serial: SerialNumber::new(42).unwrap(),
            key_id: KeyId(7),
            counter: 0,
            entitlement_digest: 1,
            created: Day(1),
        }
        .to_code()
    }

    #[test]
    fn find_takes_a_code_among_the_words_of_a_mail() {
        let code = request();
        let mail = format!("> Hello, here is our code: {code}\n> Thanks, Anna");
        let checked = check_any(&mail, Lang::En);
        assert_eq!(checked.verdict, FindVerdict::InText { kind: Kind::Request, code: code.clone() });
        assert!(checked.findable());
        assert_eq!(checked.lookup(&mail), code);
        // The code alone is a code; an address alone, an address.
        assert_eq!(check_any(&code, Lang::En).verdict, FindVerdict::Code(Kind::Request));
        assert_eq!(check_any(" it@example.com ", Lang::En).lookup(" it@example.com "), "it@example.com");
        assert!(matches!(check_any("it@example.com", Lang::En).verdict, FindVerdict::Email(_)));
    }

    #[test]
    fn valid_and_incomplete() {
        let code = request();
        assert!(matches!(check_request(&code, Lang::En).verdict, Verdict::Valid(_)));
        assert_eq!(check_request(&code[..20], Lang::En).verdict, Verdict::Incomplete { complete: 3 });
        assert_eq!(check_request(&code[..17], Lang::En).verdict, Verdict::Incomplete { complete: 2 });
        assert_eq!(check_request("", Lang::En).verdict, Verdict::Empty);
    }

    #[test]
    fn a_typo_names_its_group() {
        let checked = check_request(&code_with_typo(), Lang::En);
        assert_eq!(checked.groups[3].state, GroupState::Wrong);
        assert!(matches!(checked.verdict, Verdict::Problem { group: Some(4), .. }), "{:?}", checked.verdict);
        let typo = checked_text(&code_with_typo(), Lang::Fr);
        assert!(typo.starts_with("Groupe 4 "), "{typo}");
        let typo = checked_text(&code_with_typo(), Lang::De);
        assert!(typo.starts_with("Gruppe 4 "), "{typo}");
    }

    fn code_with_typo() -> String {
        let mut code: Vec<char> = request().chars().collect();
        code[3 * 7 + 1] = if code[22] == 'A' { 'B' } else { 'A' };
        code.into_iter().collect()
    }

    fn checked_text(input: &str, lang: Lang) -> String {
        match check_request(input, lang).verdict {
            Verdict::Problem { message, .. } => message,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_serial_is_recognised() {
        let serial = SerialNumber::new(42).unwrap().to_code();
        let checked = check_request(&serial, Lang::En);
        assert!(matches!(checked.verdict, Verdict::OtherKind { kind: Kind::Serial, .. }));
        assert!(checked.groups.iter().all(|g| g.state == GroupState::Good), "a valid serial is not shown as typos");
        assert!(matches!(check_request("S04", Lang::En).verdict, Verdict::OtherKind { kind: Kind::Response, .. }));
    }

    #[test]
    fn a_release_code_is_recognised_as_it_is_typed() {
        let release = ReleaseCode {
            product: 7,
            serial: SerialNumber::new(42).unwrap(),
            key_id: KeyId(7),
            counter: 1,
            created: Day(1),
            proof: 99,
        }
        .to_code();
        assert_eq!(check_request(&release[..24], Lang::En).verdict, Verdict::ReleaseIncomplete { complete: 3 });
        assert!(check_request(&release[..27], Lang::En).groups.iter().all(|g| g.state != GroupState::Wrong));
        assert!(matches!(check_request(&release, Lang::En).verdict, Verdict::Release(_)));
    }

    #[test]
    fn find_takes_any_kind_and_emails() {
        let serial = SerialNumber::new(42).unwrap().to_code();
        assert_eq!(check_any(&serial, Lang::En).verdict, FindVerdict::Code(Kind::Serial));
        assert_eq!(check_any(&request(), Lang::En).verdict, FindVerdict::Code(Kind::Request));
        assert_eq!(check_any(" it@example.com ", Lang::En).verdict, FindVerdict::Email("it@example.com".into()));
        assert_eq!(check_any(&request()[..20], Lang::En).verdict, FindVerdict::Incomplete { complete: 3 });
        assert_eq!(check_any("", Lang::En).verdict, FindVerdict::Empty);
    }

    #[test]
    fn find_names_a_typo_in_the_language_asked_for() {
        let verdict = check_any(&code_with_typo(), Lang::De).verdict;
        let FindVerdict::Problem { message, .. } = verdict else { panic!("{verdict:?}") };
        assert!(message.starts_with("Gruppe 4 "), "{message}");
    }
}
