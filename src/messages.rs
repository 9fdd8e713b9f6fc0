//! What each error means and what to do, in the customer's words. Modelled
//! on Sentinel's troubleshooting table: every answer the server can give has
//! its own entry.

use crate::api::{ApiError, Problem};

/// A message for people: a title, what it means, and the next step.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    pub title: String,
    pub meaning: String,
    pub next_step: String,
    /// Whether submitting the same code again may work.
    pub retry: bool,
}

fn explain(title: &str, meaning: String, next_step: &str, retry: bool) -> Explanation {
    Explanation { title: title.into(), meaning, next_step: next_step.into(), retry }
}

pub fn problem(p: &Problem) -> Explanation {
    let detail = p.detail.clone();
    match p.code.as_str() {
        "malformed_code" => explain("The code has a typo", detail, "Compare the highlighted group with the code the program shows, or use Save to File in the program and open Step_1_Code.TXT here.", false),
        "wrong_kind" => explain("This is not a request code", detail, "Enter the request code the program made with Create Code. A response code goes into the program, not here.", false),
        "unknown_version" => explain("The program is newer than this page", detail, "Reload this page; if it persists, contact support with the code.", false),
        "unknown_serial" => explain("Unknown serial number", "The licence server has no licence with the serial number in this code.".into(), "Check the serial number in your purchase confirmation email. If it is right, contact support with your purchase details.", false),
        "wrong_product" => explain("Serial number of another product", detail, "Create the code in the program this serial number was bought for, or contact support.", false),
        "keyid_not_found" => explain("Another installation", format!("{detail}. The licence belongs to a different computer (KEYID_NOT_FOUND)."), "Create the code on the computer the licence is installed on. If you moved it to a new computer, ask support to release the old one.", false),
        "installation_limit" => explain("Installation limit reached", detail, "Ask support to release a computer you no longer use, or buy another installation.", false),
        "up_to_date" => explain("Nothing is waiting", "The program already has every upgrade for this licence.".into(), "Nothing to do. If you expected an upgrade, wait for the email saying your purchase is ready, then Create Code again.", false),
        "counter_not_issued" => explain("This code does not match the licence's history", detail, "Create a new code in the program and submit it. If it persists, send the code to support.", false),
        "entitlement_mismatch" => explain("The licence on this computer differs from the vendor's records", detail, "Contact support and send them this request code.", false),
        "rate_limited" => explain("Too many attempts", format!("The licence server asks to wait {} seconds.", p.retry_after.unwrap_or(60)), "Wait a moment, then press Submit code again.", true),
        "payload_too_large" | "unsupported_media_type" | "invalid_body" => explain("The page sent something the server did not accept", detail, "Reload the page and try again.", true),
        "unavailable" => explain("The licence server is busy or down", detail, "Try again in a minute. Your code is kept here.", true),
        "internal" => explain("The licence server failed", detail, "Try again in a minute; if it persists, contact support.", true),
        _ => explain(if p.title.is_empty() { "The licence server refused the code" } else { &p.title }, detail, &p.next_step, false),
    }
}

pub fn api_error(e: &ApiError) -> Explanation {
    match e {
        ApiError::Problem(p) => problem(p),
        ApiError::Network(_) => explain(
            "No connection to the licence server",
            "The code could not be sent: this device seems to be offline, or the server cannot be reached.".into(),
            "Check the internet connection, then press Submit code again. Your code is kept.",
            true,
        ),
        ApiError::BadAnswer(what) => explain(
            "Unexpected answer from the licence server",
            what.clone(),
            "Try again in a minute; if it persists, contact support.",
            true,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The admin API's codes: the customer's page never calls it.
    const ADMIN_ONLY: [&str; 5] = ["invalid_input", "unauthorized", "forbidden", "not_found", "conflict"];

    /// Every problem code in docs/server.md's table, so a code added to the
    /// server's documentation fails here until this page explains it.
    fn documented_codes() -> Vec<String> {
        let doc = include_str!("../docs/server.md");
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
        Problem {
            code: code.into(),
            title: "server title".into(),
            detail: "server detail".into(),
            next_step: "server next step".into(),
            status: 400,
            group: None,
            retry_after,
        }
    }

    #[test]
    fn every_public_problem_code_has_its_own_explanation() {
        let codes = documented_codes();
        assert!(codes.len() >= 15, "the table in docs/server.md was not found: {codes:?}");
        for code in codes.iter().filter(|c| !ADMIN_ONLY.contains(&c.as_str())) {
            let e = problem(&server_problem(code, Some(30)));
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
