//! The one catalogue of explanations.
//!
//! Every code error, server problem and program error has one entry in
//! `locales/<lang>/<domain>.ftl` (Fluent): its value says what is wrong,
//! `.title` names it, `.next` says what to do next. Where the customer on
//! the web page needs other words than a vendor or the program's user on the
//! command line, the entry holds both side by side (`.next-customer`,
//! `.title-customer`, `.customer` for the value), so a translation
//! translates one file set.
//!
//! The files are compiled at build time (`build.rs`) into one table per
//! domain: [`CODES`] (reading codes), [`PROBLEMS`] (the server's problem
//! documents), [`PROGRAM`] (the licensed program), [`PAGE`] (the
//! customer's page), [`STAFF`] (the console) and [`MAIL`] (the mail to a
//! licence's contact). A binary carries only the domains it names, and this
//! crate's small formatter, not a Fluent runtime: the portal's wasm pays
//! for the text it shows.

mod format;

pub use format::{Arg, Args};

/// A language the catalogue is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
}

impl Lang {
    /// The BCP 47 tag (`en`).
    pub const fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
        }
    }

    /// Every language the catalogue has.
    pub const ALL: &'static [Lang] = &[Lang::En];
}

/// Who reads the explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Audience {
    /// The program's user, a vendor or support on the command line, and
    /// the API's problem documents.
    #[default]
    Program,
    /// The customer on the vendor's web page.
    Customer,
}

/// What an error means for a person: a title, what happened and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    pub title: String,
    /// What is wrong, as a fragment ("group 4 has a typo"): the command line
    /// prints it after `error: `, the page as a sentence ([`sentence`]).
    pub meaning: String,
    pub next_step: String,
}

mod catalogue {
    include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));
}

/// One domain of the catalogue: its entries in every language.
#[derive(Clone, Copy)]
pub struct Domain(&'static [(&'static str, &'static [(&'static str, &'static str)])]);

/// Reading codes: `code-…` (docs/codes.md §7).
pub const CODES: Domain = Domain(catalogue::CODES);
/// The server's problem documents: `problem-…`.
pub const PROBLEMS: Domain = Domain(catalogue::PROBLEMS);
/// The licensed program's own errors: `program-…`.
pub const PROGRAM: Domain = Domain(catalogue::PROGRAM);
/// What only the customer's page says: `page-…`.
pub const PAGE: Domain = Domain(catalogue::PAGE);
/// The problems only the admin API and the console meet: `problem-…` for
/// `invalid_input`, `unauthorized`, `forbidden`, `not_found`, `conflict`.
pub const STAFF: Domain = Domain(catalogue::STAFF);
/// The mail the licence server sends to a licence's technical contact: `mail-…`.
pub const MAIL: Domain = Domain(catalogue::MAIL);

impl Domain {
    fn table(self, lang: Lang) -> &'static [(&'static str, &'static str)] {
        self.0.iter().find(|(tag, _)| *tag == lang.tag()).map_or(self.0[0].1, |(_, t)| t)
    }

    /// The compiled pattern of `key` (`id` or `id.attribute`) in `lang`, or in English.
    fn pattern(self, lang: Lang, key: &str) -> Option<&'static str> {
        let find = |table: &'static [(&'static str, &'static str)]| {
            table.binary_search_by(|(k, _)| (*k).cmp(key)).ok().map(|i| table[i].1)
        };
        find(self.table(lang)).or_else(|| find(self.table(Lang::En)))
    }

    /// The text of `id` (or of its `attribute`) with `args` filled in. A
    /// missing entry shows its key, so a gap is visible rather than silent.
    pub fn text(self, lang: Lang, id: &str, attribute: Option<&str>, args: &Args<'_>) -> String {
        let key = match attribute {
            Some(a) => format!("{id}.{a}"),
            None => id.to_string(),
        };
        match self.pattern(lang, &key) {
            Some(p) => format::format(lang, p, args),
            None => key,
        }
    }

    /// Whether the domain has `key` (`id` or `id.attribute`) in English.
    pub fn has(self, key: &str) -> bool {
        self.pattern(Lang::En, key).is_some()
    }

    /// The explanation of entry `id` for `audience`: the `-customer`
    /// attributes replace the plain ones on the page where an entry has them.
    pub fn explain(self, lang: Lang, id: &str, args: &Args<'_>, audience: Audience) -> Explanation {
        let part = |plain: Option<&str>, customer: &str| {
            if audience == Audience::Customer && self.has(&format!("{id}.{customer}")) {
                return self.text(lang, id, Some(customer), args);
            }
            self.text(lang, id, plain, args)
        };
        Explanation {
            title: part(Some("title"), "title-customer"),
            meaning: part(None, "customer"),
            next_step: part(Some("next"), "next-customer"),
        }
    }

    /// Every key (`id` or `id.attribute`) in `lang`, for tests of completeness.
    pub fn keys(self, lang: Lang) -> impl Iterator<Item = &'static str> {
        self.table(lang).iter().map(|(k, _)| *k)
    }
}

/// Sentence case for a fragment: the first letter capitalised and a full
/// stop added. ASCII only: Unicode case tables would add to what a phone downloads.
pub fn sentence(fragment: &str) -> String {
    let mut chars = fragment.chars();
    match chars.next() {
        Some(first) => std::iter::once(first.to_ascii_uppercase()).chain(chars).collect::<String>() + ".",
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_variables_selects_and_plurals() {
        let args = [("group", Arg::from(4u32))];
        assert_eq!(CODES.text(Lang::En, "code-bad_group", None, &args), "group 4 has a typo");
        let kinds = [("expected", Arg::from("request")), ("found", Arg::from("response"))];
        assert_eq!(
            CODES.text(Lang::En, "code-wrong_kind", None, &kinds),
            "this is a response code, not a request code"
        );
        assert!(CODES.text(Lang::En, "code-wrong_kind", Some("next"), &kinds).contains("enter it into the program"));
        let one = [("serial", Arg::from("X")), ("max_installations", Arg::from(1u8))];
        assert!(PROBLEMS.text(Lang::En, "problem-installation_limit", None, &one).contains("on 1 computer,"));
        let two = [("serial", Arg::from("X")), ("max_installations", Arg::from(2u8))];
        assert!(PROBLEMS.text(Lang::En, "problem-installation_limit", None, &two).contains("on 2 computers,"));
        let released = [("serial", Arg::from("S")), ("key_id", Arg::from("K")), ("released", Arg::from("yes"))];
        assert!(PROBLEMS
            .text(Lang::En, "problem-keyid_not_found", None, &released)
            .ends_with("licence S (it was released)"));
    }

    #[test]
    fn a_missing_entry_or_argument_shows_its_name() {
        assert_eq!(CODES.text(Lang::En, "no-such-entry", Some("title"), &[]), "no-such-entry.title");
        assert!(!CODES.has("no-such-entry"));
        assert_eq!(CODES.text(Lang::En, "code-bad_group", None, &[]), "group {$group} has a typo");
    }

    #[test]
    fn every_entry_has_a_title_and_a_next_step() {
        for domain in [CODES, PROBLEMS, STAFF, PROGRAM, PAGE] {
            for key in domain.keys(Lang::En).filter(|k| !k.contains('.')) {
                // Sentences the page shows as they are, not explanations.
                const SENTENCES: &[&str] = &[
                    "page-starts_like",
                    "page-release_recognised",
                    "page-released",
                    "page-already_released",
                    "page-release_next",
                ];
                if SENTENCES.contains(&key) {
                    continue;
                }
                for attribute in ["title", "next"] {
                    assert!(domain.has(&format!("{key}.{attribute}")), "{key} has no .{attribute}");
                }
            }
        }
    }

    #[test]
    fn customer_wording_replaces_the_plain_one_on_the_page() {
        let args = [("group", Arg::from(4u32))];
        let program = CODES.explain(Lang::En, "code-bad_group", &args, Audience::Program);
        let customer = CODES.explain(Lang::En, "code-bad_group", &args, Audience::Customer);
        assert_eq!(program.meaning, customer.meaning);
        assert_ne!(program.next_step, customer.next_step);
    }

    #[test]
    fn counts_agree_with_their_noun() {
        let truncated = |found: u32| {
            let args = [
                ("found_groups", Arg::from(found)),
                ("kind", Arg::from("response")),
                ("expected_groups", Arg::from(25u32)),
            ];
            CODES.explain(Lang::En, "code-truncated", &args, Audience::Program).meaning
        };
        assert_eq!(truncated(1), "the code is cut short: 1 complete group, a response code needs at least 25");
        assert!(truncated(2).contains("2 complete groups,"), "{}", truncated(2));
    }
}
