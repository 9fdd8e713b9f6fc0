//! The one catalogue of explanations.
//!
//! Every code error, server problem and program error has one entry in
//! `locales/<lang>/*.ftl` (Fluent): its value says what is wrong, `.title`
//! names it, `.next` says what to do next. Where the customer on the web page
//! needs other words than a vendor or the program's user on the command line,
//! the entry holds both side by side (`.next-customer`, `.title-customer`,
//! `.customer` for the value), so a translation translates one file set.
//!
//! The files are compiled into static tables at build time (`build.rs`); this
//! crate's formatter fills in the arguments. It has no dependencies, so it
//! costs the portal's wasm only its text.

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

/// One compiled message: its value and attributes.
#[doc(hidden)]
pub struct Message {
    pub id: &'static str,
    pub value: Option<&'static [Piece]>,
    pub attributes: &'static [(&'static str, &'static [Piece])],
}

/// A compiled pattern element.
#[doc(hidden)]
pub enum Piece {
    Text(&'static str),
    Var(&'static str),
    /// A select on a variable: its variants and the index of the default.
    Select(&'static str, &'static [(Key, &'static [Piece])], usize),
    /// Another message or term, inlined.
    Nested(&'static [Piece]),
}

#[doc(hidden)]
pub enum Key {
    Name(&'static str),
    Number(i64),
}

mod catalogue {
    use super::{Key, Message, Piece};
    include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));
}

fn messages(lang: Lang) -> &'static [Message] {
    catalogue::LANGUAGES.iter().find(|(tag, _)| *tag == lang.tag()).map_or(catalogue::EN, |(_, m)| *m)
}

fn find(lang: Lang, id: &str) -> Option<&'static Message> {
    let table = messages(lang);
    table.binary_search_by(|m| m.id.cmp(id)).ok().map(|i| &table[i])
}

/// The pattern of `id` (its value, or the attribute `attribute`), if the catalogue has it.
fn pattern(lang: Lang, id: &str, attribute: Option<&str>) -> Option<&'static [Piece]> {
    let message = find(lang, id)?;
    match attribute {
        None => message.value,
        Some(name) => message.attributes.iter().find(|(n, _)| *n == name).map(|(_, p)| *p),
    }
}

/// The text of `id` (or of its `attribute`) with `args` filled in. A missing
/// entry shows its id, so a gap is visible rather than silent.
pub fn text(lang: Lang, id: &str, attribute: Option<&str>, args: &Args<'_>) -> String {
    match pattern(lang, id, attribute).or_else(|| pattern(Lang::En, id, attribute)) {
        Some(p) => format::format(lang, p, args),
        None => attribute.map_or_else(|| id.to_string(), |a| format!("{id}.{a}")),
    }
}

/// Whether the catalogue has `id` (in English, the reference language).
pub fn has(id: &str) -> bool {
    find(Lang::En, id).is_some()
}

/// The explanation of entry `id` for `audience`: the `-customer` attributes
/// replace the plain ones on the page where an entry has them.
pub fn explain(lang: Lang, id: &str, args: &Args<'_>, audience: Audience) -> Explanation {
    let part = |plain: Option<&str>, customer: &str| {
        if audience == Audience::Customer && pattern(Lang::En, id, Some(customer)).is_some() {
            return text(lang, id, Some(customer), args);
        }
        text(lang, id, plain, args)
    };
    Explanation {
        title: part(Some("title"), "title-customer"),
        meaning: part(None, "customer"),
        next_step: part(Some("next"), "next-customer"),
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

/// Every message id and attribute name, for tests of completeness.
pub fn ids(lang: Lang) -> impl Iterator<Item = (&'static str, Vec<&'static str>)> {
    messages(lang).iter().map(|m| (m.id, m.attributes.iter().map(|(a, _)| *a).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_variables_selects_and_plurals() {
        let args = [("group", Arg::from(4u32))];
        assert_eq!(text(Lang::En, "code-bad_group", None, &args), "group 4 has a typo");
        let kinds = [("expected", Arg::from("request")), ("found", Arg::from("response"))];
        assert_eq!(text(Lang::En, "code-wrong_kind", None, &kinds), "this is a response code, not a request code");
        assert!(text(Lang::En, "code-wrong_kind", Some("next"), &kinds).contains("enter it into the program"));
    }

    #[test]
    fn a_missing_entry_shows_its_id() {
        assert_eq!(text(Lang::En, "no-such-entry", Some("title"), &[]), "no-such-entry.title");
        assert!(!has("no-such-entry"));
    }

    #[test]
    fn every_entry_has_a_title_and_a_next_step() {
        for (id, attributes) in ids(Lang::En) {
            if id.starts_with("code-") || id.starts_with("problem-") || id.starts_with("program-") {
                assert!(attributes.contains(&"title") && attributes.contains(&"next"), "{id}: {attributes:?}");
            }
        }
    }

    #[test]
    fn customer_wording_replaces_the_plain_one_on_the_page() {
        let args = [("group", Arg::from(4u32))];
        let program = explain(Lang::En, "code-bad_group", &args, Audience::Program);
        let customer = explain(Lang::En, "code-bad_group", &args, Audience::Customer);
        assert_eq!(program.meaning, customer.meaning);
        assert_ne!(program.next_step, customer.next_step);
    }
}
