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
//!
//! Code names a message with [`msg!`] (`msg!("code-bad_group")`), which
//! gives its typed id ([`MsgId`] of its [`domain`]) and is a compile error
//! for an id the catalogue lacks; the build stops when a language lacks a
//! message or fills it with other placeholders (`build.rs`). `format.rs`
//! fills a compiled pattern with its arguments.

mod format;

use std::marker::PhantomData;
use std::sync::OnceLock;

pub use format::{Arg, Args};

/// A language the catalogue is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Lang {
    #[default]
    En,
    Fr,
    De,
}

impl Lang {
    /// The BCP 47 tag (`en`, `fr`, `de`).
    pub const fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::De => "de",
        }
    }

    /// The language's own name, for a language switch.
    pub const fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::De => "Deutsch",
        }
    }

    /// Every language the catalogue has.
    pub const ALL: &'static [Lang] = &[Lang::En, Lang::Fr, Lang::De];

    /// The language of a tag or locale name, by its primary subtag and in
    /// any case: `fr`, `fr-CA`, `de_DE.UTF-8`, `FR`. `None` for any other
    /// language, and for `C` and `POSIX`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_', '.', '@']).next().unwrap_or("");
        Lang::ALL.iter().copied().find(|l| primary.eq_ignore_ascii_case(l.tag()))
    }

    /// The language to answer in for an `Accept-Language` header
    /// (`fr-CH, fr;q=0.9, en;q=0.8, *;q=0.5`): the catalogue's language
    /// with the highest weight, the first listed among equals; English when
    /// none is listed, or the header does not read.
    pub fn negotiate(accept_language: &str) -> Lang {
        let mut best: Option<(u16, Lang)> = None;
        for range in accept_language.split(',') {
            let mut parts = range.split(';');
            let tag = parts.next().unwrap_or("").trim();
            let weight = parts
                .find_map(|p| p.trim().strip_prefix("q=").map(|q| q.trim().parse::<f32>().ok()))
                .map_or(Some(1.0), |q| q)
                .filter(|q| (0.0..=1.0).contains(q))
                .map_or(0, |q| (q * 1000.0) as u16);
            let Some(lang) = Lang::from_tag(tag) else { continue };
            if weight > 0 && best.is_none_or(|(w, _)| weight > w) {
                best = Some((weight, lang));
            }
        }
        best.map_or(Lang::En, |(_, lang)| lang)
    }

    /// The first of `preferred` (a browser's `navigator.languages`, or the
    /// parts of `LANGUAGE`) the catalogue has, else English.
    pub fn first_of<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred.into_iter().find_map(Lang::from_tag).unwrap_or_default()
    }
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
    /// The user of a program that embeds the library (the C interface and
    /// its wrappers): next steps that name no command or flag, where an
    /// entry has them (`.next-user`), else the plain ones.
    User,
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

type Table = &'static [(&'static str, &'static str)];

/// One domain of the catalogue: its name (the file's stem) and its entries
/// in every language compiled in.
#[derive(Clone, Copy)]
pub struct Domain(&'static str, &'static [(&'static str, Table)]);

/// Reading codes: `code-…` (docs/codes.md §7).
pub const CODES: Domain = Domain("codes", catalogue::CODES);
/// The server's problem documents: `problem-…`.
pub const PROBLEMS: Domain = Domain("problems", catalogue::PROBLEMS);
/// The licensed program's own errors and reports: `program-…`.
pub const PROGRAM: Domain = Domain("program", catalogue::PROGRAM);
/// What the customer's page and the decode page say: `page-…`.
pub const PAGE: Domain = Domain("page", catalogue::PAGE);
/// The problems only the admin API and the console meet: `problem-…` for
/// `invalid_input`, `unauthorized`, `forbidden`, `not_found`, `conflict`.
pub const STAFF: Domain = Domain("staff", catalogue::STAFF);
/// The mail the licence server sends to a licence's technical contact: `mail-…`.
pub const MAIL: Domain = Domain("mail", catalogue::MAIL);

/// The words of the customer's page (and what the support pages share with
/// it): `ui-…`.
pub const UI: Domain = Domain("ui", catalogue::UI);
/// The words of the support pages: the decode page, its table of fields and
/// the console's Find: `support-…`. Apart from [`UI`], so that the customer's
/// page does not carry them.
pub const SUPPORT: Domain = Domain("support", catalogue::SUPPORT);
/// The words of the support console (`/console/`): `console-…`. Its own
/// domain, so that neither the customer's page nor the decode page carries them.
pub const CONSOLE: Domain = Domain("console", catalogue::CONSOLE);
/// The words of the "Lost your serial number?" page (`/lost.html`): `lost-…`.
/// Apart, so the customer's page carries none of them.
pub const LOST: Domain = Domain("lost", catalogue::LOST);

/// The domains as types, so that a message's id carries its domain at no
/// cost ([`MsgId`]): a binary links only the tables of the domains its ids name.
pub mod domain {
    use crate::Domain;

    /// A domain as a type.
    pub trait InDomain: Copy + 'static {
        const DOMAIN: Domain;
    }

    macro_rules! markers {
        ($($marker:ident => $domain:ident),*) => {$(
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
            pub struct $marker;
            impl InDomain for $marker {
                const DOMAIN: Domain = crate::$domain;
            }
        )*};
    }
    markers!(Codes => CODES, Problems => PROBLEMS, Program => PROGRAM, Page => PAGE, Staff => STAFF,
        Mail => MAIL, Ui => UI, Support => SUPPORT, Console => CONSOLE, Lost => LOST);
}

include!(concat!(env!("OUT_DIR"), "/msg.rs"));

/// A message of the catalogue, in the domain `D`: made only by [`msg!`],
/// which checks at compile time that the message exists.
pub struct MsgId<D>(&'static str, PhantomData<fn() -> D>);

impl<D> Clone for MsgId<D> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<D> Copy for MsgId<D> {}
impl<D> PartialEq for MsgId<D> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}
impl<D> Eq for MsgId<D> {}
impl<D> std::fmt::Debug for MsgId<D> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl<D: domain::InDomain> MsgId<D> {
    /// For [`msg!`] only: it has checked that `id` is in the catalogue.
    #[doc(hidden)]
    pub const fn __checked(id: &'static str) -> Self {
        MsgId(id, PhantomData)
    }

    /// The message's id (`ui-submit`).
    pub const fn id(self) -> &'static str {
        self.0
    }

    pub fn domain(self) -> Domain {
        D::DOMAIN
    }

    /// The message's text in `lang`, with `args` filled in.
    pub fn text(self, lang: Lang, args: &Args<'_>) -> String {
        D::DOMAIN.text(lang, self.0, None, args)
    }

    /// One of the message's attributes (`title`, `next`, …).
    pub fn attribute(self, lang: Lang, attribute: &str, args: &Args<'_>) -> String {
        D::DOMAIN.text(lang, self.0, Some(attribute), args)
    }

    /// Title, meaning and next step (see [`Domain::explain`]).
    pub fn explain(self, lang: Lang, args: &Args<'_>, audience: Audience) -> Explanation {
        D::DOMAIN.explain(lang, self.0, args, audience)
    }

    /// The id with its domain as a value, for code that explains messages
    /// of several domains alike.
    pub fn erased(self) -> Msg {
        Msg { domain: D::DOMAIN, id: self.0 }
    }
}

/// A checked message id of any domain ([`MsgId::erased`]).
#[derive(Clone, Copy)]
pub struct Msg {
    pub domain: Domain,
    pub id: &'static str,
}

impl Msg {
    pub fn explain(self, lang: Lang, args: &Args<'_>, audience: Audience) -> Explanation {
        self.domain.explain(lang, self.id, args, audience)
    }
}

impl<D: domain::InDomain> From<MsgId<D>> for Msg {
    fn from(id: MsgId<D>) -> Msg {
        id.erased()
    }
}

/// Every domain.
pub const DOMAINS: [Domain; 10] = [CODES, PROBLEMS, PROGRAM, PAGE, UI, SUPPORT, CONSOLE, STAFF, MAIL, LOST];

/// Languages installed at run time ([`install`]), by [`Lang`] index: each
/// a list of (domain name, sorted table).
static INSTALLED: [OnceLock<Vec<(&'static str, Table)>>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];

/// Whether `lang`'s text is at hand: compiled in (English always; French
/// and German with the `translations` feature) or [`install`]ed.
pub fn available(lang: Lang) -> bool {
    CODES.1.iter().any(|(tag, _)| *tag == lang.tag()) || INSTALLED[lang as usize].get().is_some()
}

/// `lang` in the form [`install`] reads, for the `domains` given: one
/// record per entry, `domain FIELD key FIELD pattern`, separated by
/// RECORD (U+001F, U+001E: never in text, the build checks).
pub fn export(lang: Lang, domains: &[Domain]) -> String {
    let mut out = String::new();
    for domain in domains {
        for (key, pattern) in domain.table(lang) {
            for part in [domain.0, "\u{1f}", key, "\u{1f}", pattern, "\u{1e}"] {
                out.push_str(part);
            }
        }
    }
    out
}

/// Why [`install`] refused a language file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InstallError {
    /// A record is not `domain FIELD key FIELD pattern`.
    Malformed,
}

/// Makes `lang` available from `text` (what [`export`] wrote; the portal
/// fetches it when a customer chooses the language). Entries missing from
/// it show in English. Installing a language twice keeps the first.
pub fn install(lang: Lang, text: &str) -> Result<(), InstallError> {
    let text: &'static str = Box::leak(text.to_owned().into_boxed_str());
    // Each domain's records are together and sorted by key, as `export`
    // writes them (no sorting here: the portal's wasm stays smaller).
    let mut tables: Vec<(&'static str, Table)> = Vec::new();
    let mut entries: Vec<(&'static str, &'static str)> = Vec::new();
    let mut current = "";
    for record in text.split('\u{1e}').filter(|r| !r.is_empty()) {
        let mut fields = record.splitn(3, '\u{1f}');
        let (Some(domain), Some(key), Some(pattern)) = (fields.next(), fields.next(), fields.next()) else {
            return Err(InstallError::Malformed);
        };
        if domain != current {
            if !entries.is_empty() {
                tables.push((current, Box::leak(std::mem::take(&mut entries).into_boxed_slice())));
            }
            current = domain;
        } else if entries.last().is_some_and(|(last, _)| *last >= key) {
            return Err(InstallError::Malformed);
        }
        entries.push((key, pattern));
    }
    if !entries.is_empty() {
        tables.push((current, Box::leak(entries.into_boxed_slice())));
    }
    let _ = INSTALLED[lang as usize].set(tables);
    Ok(())
}

impl Domain {
    fn table(self, lang: Lang) -> Table {
        if let Some((_, table)) = self.1.iter().find(|(tag, _)| *tag == lang.tag()) {
            return table;
        }
        let installed = INSTALLED[lang as usize].get().and_then(|d| d.iter().find(|(name, _)| *name == self.0));
        installed.map_or(self.1[0].1, |(_, table)| table)
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
    /// attributes replace the plain ones on the page where an entry has
    /// them, and `.next-user` the next step for an embedding program's user.
    pub fn explain(self, lang: Lang, id: &str, args: &Args<'_>, audience: Audience) -> Explanation {
        let part = |plain: Option<&str>, special: &str, for_whom: Audience| {
            if audience == for_whom && self.has(&format!("{id}.{special}")) {
                return self.text(lang, id, Some(special), args);
            }
            self.text(lang, id, plain, args)
        };
        let next_step = match audience {
            Audience::User => part(Some("next"), "next-user", Audience::User),
            _ => part(Some("next"), "next-customer", Audience::Customer),
        };
        Explanation {
            title: part(Some("title"), "title-customer", Audience::Customer),
            meaning: part(None, "customer", Audience::Customer),
            next_step,
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

    /// The variables a compiled pattern uses, as placeholders or selectors.
    fn variables(pattern: &str) -> std::collections::BTreeSet<&str> {
        let mut names = std::collections::BTreeSet::new();
        for (i, marker) in pattern.match_indices(['\u{1}', '\u{2}']) {
            let rest = &pattern[i + marker.len()..];
            let end = rest.find(['\u{3}', '\u{5}']).unwrap_or(rest.len());
            names.insert(&rest[..end]);
        }
        names
    }

    #[test]
    fn every_message_is_in_every_language_with_the_same_placeholders() {
        for domain in DOMAINS {
            let english: Vec<&str> = domain.keys(Lang::En).collect();
            for &lang in &Lang::ALL[1..] {
                assert!(domain.1.iter().any(|(tag, _)| *tag == lang.tag()), "{}: no {lang:?} file", domain.0);
                let translated: Vec<&str> = domain.keys(lang).collect();
                assert_eq!(translated, english, "{}: {lang:?} has other entries than English", domain.0);
                for key in &english {
                    let (en, tr) = (domain.pattern(Lang::En, key).unwrap(), domain.pattern(lang, key).unwrap());
                    assert_eq!(variables(tr), variables(en), "{} {key}: placeholders differ in {lang:?}", domain.0);
                    assert!(!tr.trim().is_empty(), "{} {key}: empty in {lang:?}", domain.0);
                }
            }
        }
    }

    #[test]
    fn plural_rules_follow_each_language() {
        let groups = |lang, found: u32| {
            let args = [
                ("found_groups", Arg::from(found)),
                ("kind", Arg::from("request")),
                ("expected_groups", Arg::from(8u32)),
            ];
            CODES.text(lang, "code-truncated", None, &args)
        };
        assert!(groups(Lang::Fr, 0).contains("0 groupe complet"), "{}", groups(Lang::Fr, 0));
        assert!(groups(Lang::Fr, 2).contains("2 groupes complets"), "{}", groups(Lang::Fr, 2));
        assert!(groups(Lang::De, 0).contains("0 vollständige Gruppen"), "{}", groups(Lang::De, 0));
        assert!(groups(Lang::De, 1).contains("1 vollständige Gruppe,"), "{}", groups(Lang::De, 1));
        assert!(groups(Lang::En, 0).contains("0 complete groups"), "{}", groups(Lang::En, 0));
    }

    #[test]
    fn a_typo_is_named_in_each_language() {
        let args = [("group", Arg::from(5u32))];
        let said = |lang| sentence(&CODES.explain(lang, "code-bad_group", &args, Audience::Customer).meaning);
        assert!(said(Lang::Fr).starts_with("Groupe 5 "), "{}", said(Lang::Fr));
        assert!(said(Lang::De).starts_with("Gruppe 5 "), "{}", said(Lang::De));
    }

    #[test]
    fn languages_are_chosen_from_headers_and_locales() {
        assert_eq!(Lang::negotiate("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5"), Lang::Fr);
        assert_eq!(Lang::negotiate("da, en-GB;q=0.8, de;q=0.9"), Lang::De);
        assert_eq!(Lang::negotiate("de;q=0, fr;q=0.1"), Lang::Fr);
        assert_eq!(Lang::negotiate("es, it"), Lang::En);
        assert_eq!(Lang::negotiate(""), Lang::En);
        assert_eq!(Lang::negotiate("fr;q=bad, de"), Lang::De);
        assert_eq!(Lang::from_tag("fr_FR.UTF-8"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("de_AT@euro"), Some(Lang::De));
        assert_eq!(Lang::from_tag("C.UTF-8"), None);
        assert_eq!(Lang::first_of(["es-ES", "de-CH", "fr"]), Lang::De);
    }

    #[test]
    fn an_exported_language_installs_as_it_was() {
        let text = export(Lang::Fr, &[CODES, UI]);
        install(Lang::Fr, &text).unwrap();
        assert!(available(Lang::Fr));
        assert_eq!(install(Lang::De, "codes\u{1f}only two fields\u{1e}"), Err(InstallError::Malformed));
        let unsorted = "codes\u{1f}b\u{1f}B\u{1e}codes\u{1f}a\u{1f}A\u{1e}";
        assert_eq!(install(Lang::De, unsorted), Err(InstallError::Malformed));
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
            for key in domain.keys(Lang::En).filter(|k| !k.contains('.') && !k.starts_with("program-report-")) {
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

    /// An embedding program's user gets `.next-user` where an entry has it,
    /// else the plain words, never the page's; and no words for that user,
    /// in any language, name a `license` command or a flag.
    #[test]
    fn an_embedding_programs_user_is_told_no_command() {
        let path = [("path", Arg::from("licence.json"))];
        let command = PROGRAM.explain(Lang::En, "program-no_license", &path, Audience::Program);
        let user = PROGRAM.explain(Lang::En, "program-no_license", &path, Audience::User);
        assert!(command.next_step.contains("license init"), "{}", command.next_step);
        assert!(user.next_step.starts_with("Register the program"), "{}", user.next_step);
        assert_eq!(command.meaning, user.meaning);
        let args = [("group", Arg::from(4u32))];
        let plain = CODES.explain(Lang::En, "code-bad_group", &args, Audience::Program);
        assert_eq!(CODES.explain(Lang::En, "code-bad_group", &args, Audience::User), plain);
        for lang in Lang::ALL.iter().copied() {
            for domain in [CODES, PROGRAM] {
                let ids: Vec<&str> = domain.keys(lang).filter(|k| !k.contains('.')).collect();
                for id in ids {
                    let words = domain.explain(lang, id, &[], Audience::User).next_step;
                    for named in ["license ", "--", "LICENSE_"] {
                        assert!(!words.contains(named), "{id} ({lang:?}) tells the user `{named}`: {words}");
                    }
                }
            }
        }
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
