//! Finding codes in free text: a mail, a forwarded quote, an attachment.
//!
//! A person writes a code among words ("my code is H003HY-… thanks"),
//! quoted with `>`, split over lines, in brackets or bold. Words are mostly
//! valid symbols too (only U is not one), so the text cannot simply be
//! filtered: it is cut into tokens at spaces, dashes and line ends, each
//! token's surrounding punctuation dropped, and every run of whole tokens
//! with exactly a serial's or a request code's number of symbols is tried.
//! The check symbols make a false find from prose as unlikely as a typo
//! passing unnoticed.

use crate::text::{symbol_value, ALPHABET};
use crate::{check, CodeError, Kind, RequestCode, SerialNumber};

/// Longest text scanned; longer text is scanned up to here.
pub const MAX_SCAN_CHARS: usize = 256 * 1024;

/// What a text holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scan {
    /// Request codes that read, without repeats, in the order found; each
    /// with whether it stood in `>`-quoted lines.
    pub requests: Vec<(RequestCode, bool)>,
    /// Serial numbers that read, without repeats.
    pub serials: Vec<SerialNumber>,
    /// What is wrong with the first run of groups that looks like a request
    /// code (begins with its first symbol, six-symbol groups) but does not read.
    pub damaged: Option<CodeError>,
}

impl Scan {
    /// The request codes to answer: the unquoted ones, or when there are
    /// none, the quoted ones (a forwarded message). A reply that quotes an
    /// earlier code above a new one is about the new one.
    pub fn requests_to_answer(&self) -> Vec<RequestCode> {
        let unquoted: Vec<RequestCode> = self.requests.iter().filter(|(_, q)| !*q).map(|(r, _)| *r).collect();
        if unquoted.is_empty() {
            self.requests.iter().map(|(r, _)| *r).collect()
        } else {
            unquoted
        }
    }
}

/// One word of the text: its symbols, or `None` where a word has a
/// character no code has (a barrier no code crosses).
struct Token {
    symbols: Option<Vec<u8>>,
    quoted: bool,
}

fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let text = match text.char_indices().nth(MAX_SCAN_CHARS) {
        Some((end, _)) => &text[..end],
        None => text,
    };
    for line in text.lines() {
        let unquoted = line.trim_start_matches(|c: char| c == '>' || c.is_whitespace());
        let quoted = unquoted.len() != line.len() && line.trim_start().starts_with('>');
        let words = unquoted.split(|c: char| {
            c.is_whitespace() || matches!(c, '-' | '\u{2010}'..='\u{2014}' | '\u{2212}' | '[' | ']' | '/' | '|')
        });
        for word in words.filter(|w| !w.is_empty()) {
            let word = word.trim_matches(|c: char| !c.is_alphanumeric());
            if word.is_empty() {
                continue;
            }
            let symbols: Option<Vec<u8>> = word.chars().map(symbol_value).collect();
            out.push(Token { symbols, quoted });
        }
    }
    out
}

fn text_of(symbols: &[u8]) -> String {
    symbols.iter().map(|s| ALPHABET[*s as usize] as char).collect()
}

/// Every serial number and request code in `text`, and the first damaged
/// request code.
pub fn scan(text: &str) -> Scan {
    let tokens = tokens(text);
    let serial_len = Kind::Serial.group_range(1).0 * check::GROUP_SYMBOLS;
    let request_len = Kind::Request.group_range(1).0 * check::GROUP_SYMBOLS;
    let request_first = ALPHABET[crate::text::kind_symbol(Kind::Request, 1) as usize] as char;
    let mut found = Scan::default();
    for start in 0..tokens.len() {
        let mut symbols: Vec<u8> = Vec::new();
        let mut quoted = false;
        for token in &tokens[start..] {
            let Some(more) = &token.symbols else { break };
            symbols.extend_from_slice(more);
            quoted |= token.quoted;
            if symbols.len() == serial_len {
                if let Ok(serial) = SerialNumber::parse(&text_of(&symbols)) {
                    if !found.serials.contains(&serial) {
                        found.serials.push(serial);
                    }
                }
            } else if symbols.len() == request_len {
                if let Ok(request) = RequestCode::parse(&text_of(&symbols)) {
                    if !found.requests.iter().any(|(r, _)| *r == request) {
                        found.requests.push((request, quoted));
                    }
                }
            }
            if symbols.len() > request_len + check::GROUP_SYMBOLS {
                break;
            }
        }
    }
    if found.requests.is_empty() {
        found.damaged = damaged(&tokens, request_first);
    }
    found
}

/// The reading error of the first run of five to ten six-symbol groups that
/// starts like a request code.
fn damaged(tokens: &[Token], first: char) -> Option<CodeError> {
    let group = |t: &Token| t.symbols.as_ref().filter(|s| s.len() == check::GROUP_SYMBOLS).cloned();
    for start in 0..tokens.len() {
        let Some(head) = group(&tokens[start]) else { continue };
        if ALPHABET[head[0] as usize] as char != first {
            continue;
        }
        let run: Vec<Vec<u8>> = tokens[start..].iter().map_while(group).take(10).collect();
        if run.len() >= 5 {
            let text = run.iter().map(|g| text_of(g)).collect::<Vec<_>>().join("-");
            if let Err(e) = RequestCode::parse(&text) {
                return Some(e);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const CODE: &str = "H003HY-4D2PFD-2D028M-T5CY4Y-TQKFFA-000QE5-R3GTR8-4XCS3R";

    fn serial() -> SerialNumber {
        RequestCode::parse(CODE).unwrap().serial
    }

    #[test]
    fn finds_a_code_among_words() {
        let found = scan(&format!("Hello,\nmy code is {CODE}, thanks!\nBest"));
        assert_eq!(found.requests_to_answer(), vec![RequestCode::parse(CODE).unwrap()]);
        assert_eq!(found.damaged, None);
    }

    #[test]
    fn finds_a_code_split_over_quoted_lines_in_any_case() {
        let (a, b) = CODE.split_at(23);
        let found = scan(&format!("> > code:\n> > {}\n> > {}.", a.to_lowercase(), b));
        assert_eq!(found.requests, vec![(RequestCode::parse(CODE).unwrap(), true)]);
    }

    #[test]
    fn prefers_the_unquoted_code_over_a_quoted_earlier_one() {
        let other = RequestCode::parse(CODE).unwrap();
        let text = format!("new one: {CODE}\n\n> old one: {CODE}");
        assert_eq!(scan(&text).requests_to_answer(), vec![other]);
    }

    #[test]
    fn finds_a_serial_and_a_damaged_code() {
        let damaged = CODE.replacen("T5CY4Y", "T5CY4Z", 1);
        let found = scan(&format!("Serial {} — code [{damaged}]", serial().to_code()));
        assert!(found.requests.is_empty());
        assert_eq!(found.serials, vec![serial()]);
        assert_eq!(found.damaged, Some(CodeError::BadGroup { group: 4 }));
    }

    #[test]
    fn prose_holds_no_code() {
        let found = scan("Dear support, please send the unlock code for our new server soon. Regards, Hannah");
        assert_eq!(found, Scan::default());
    }

    #[test]
    fn huge_text_is_cut_not_refused() {
        let text = format!("{CODE} {}", "ABCDEF ".repeat(100_000));
        assert_eq!(scan(&text).requests.len(), 1);
    }
}
