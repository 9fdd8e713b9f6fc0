//! What each error means for the customer and what to do, from the one
//! catalogue (`license-messages`), in the customer's wording.

use license_api::{Problem, ProblemCode};
use license_codes::messages::domain::Page;
use license_codes::messages::{self, msg, sentence, Arg, Audience, MsgId};

use crate::api::ApiError;
use crate::i18n::lang;

/// A message for people: a title, what it means, and the next step.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    pub title: String,
    pub meaning: String,
    pub next_step: String,
    /// Whether submitting the same code again may work.
    pub retry: bool,
}

/// An entry of the page's own part of the catalogue (`page-…`), for the customer.
pub fn entry(id: MsgId<Page>, args: &[(&str, Arg<'_>)], retry: bool) -> Explanation {
    shown(id.explain(lang(), args, Audience::Customer), retry)
}

fn shown(e: messages::Explanation, retry: bool) -> Explanation {
    Explanation { title: e.title, meaning: sentence(&e.meaning), next_step: e.next_step, retry }
}

/// Whether the same request may succeed when sent again.
fn may_retry(code: ProblemCode) -> bool {
    matches!(
        code,
        ProblemCode::RateLimited
            | ProblemCode::PayloadTooLarge
            | ProblemCode::UnsupportedMediaType
            | ProblemCode::InvalidBody
            | ProblemCode::Unavailable
            | ProblemCode::Internal
    )
}

pub fn problem(p: &Problem) -> Explanation {
    shown(p.explain_public(lang()), may_retry(p.code))
}

/// [`api_error`] for the console, whose problems include the staff-only
/// ones (`STAFF`: sign-in, session, role); the customer's page does not
/// carry their words.
pub fn staff_api_error(e: &ApiError) -> Explanation {
    match e {
        ApiError::Problem(p) => shown(p.explain(lang(), Audience::Customer), may_retry(p.code)),
        other => api_error(other),
    }
}

pub fn api_error(e: &ApiError) -> Explanation {
    match e {
        ApiError::Problem(p) => problem(p),
        ApiError::Network(_) => entry(msg!("page-network"), &[], true),
        ApiError::Offline => entry(msg!("page-offline"), &[], true),
        ApiError::BadAnswer(what) => entry(msg!("page-bad_answer"), &[("what", what.as_str().into())], true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every problem code in docs/server.md's table, so a code added to the
    /// server's documentation fails here until this page explains it.
    fn documented_codes() -> Vec<String> {
        let doc = include_str!("../../../docs/server.md");
        doc.lines()
            .filter_map(|line| line.strip_prefix("| `"))
            .filter_map(|rest| rest.split_once("` | "))
            .filter(|(_, rest)| {
                rest.split(' ').next().is_some_and(|s| s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()))
            })
            .map(|(code, _)| code.to_string())
            .collect()
    }

    /// A problem as the server sends it, with its own words in every field.
    fn server_problem(code: &str, retry_after: Option<u64>) -> Problem {
        let code: ProblemCode = serde_json::from_value(serde_json::json!(code)).unwrap();
        Problem {
            code,
            title: "server title".into(),
            detail: "server detail".into(),
            next_step: "server next step".into(),
            status: 400,
            retry_after,
            ..Problem::default()
        }
    }

    #[test]
    fn every_public_problem_code_has_its_own_explanation() {
        let codes = documented_codes();
        assert!(codes.len() >= 15, "the table in docs/server.md was not found: {codes:?}");
        for code in &codes {
            let p = server_problem(code, Some(30));
            assert_ne!(p.code, ProblemCode::Unknown, "{code} is documented but not a ProblemCode");
            if p.staff_only() {
                continue; // the customer's page never receives it (the console explains it)
            }
            let e = problem(&p);
            assert_ne!(e.title, "server title", "{code} falls back to the server's own words");
            assert!(!e.next_step.is_empty() && !e.meaning.is_empty(), "{code}");
        }
    }

    #[test]
    fn rate_limited_says_how_long_to_wait() {
        let e = problem(&server_problem("rate_limited", Some(42)));
        assert!(e.meaning.contains("42 seconds") && e.retry, "{e:?}");
    }
}
