//! Compiles `locales/<lang>/<domain>.ftl` into static tables
//! (`$OUT_DIR/catalogue.rs`): one per domain and language, each a sorted
//! list of (`id` or `id.attribute`, compiled pattern).
//!
//! Fluent is the source format (translators' tools read it); the binaries
//! carry each pattern as one string, formatted by `src/format.rs`, where
//! text stands as itself and three markers (control characters, never in
//! text) stand for the rest: `VAR name END` a variable, and `SELECT var`
//! then `KEY key THEN pattern` per variant (`*` before the default's key)
//! then `END`. The subset compiled: text, `{ $variable }`, select
//! expressions on a variable (plural categories, exact numbers or words),
//! nested selects, string literals, and references to other messages and
//! to terms without arguments, which are inlined here. Anything else stops
//! the build with the message named.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::PathBuf;

use fluent_syntax::ast;

type Ast<'a> = ast::Resource<&'a str>;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut langs: Vec<(String, Vec<PathBuf>)> = Vec::new();
    for entry in std::fs::read_dir(&root).expect("locales/") {
        let dir = entry.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        for f in &files {
            println!("cargo:rerun-if-changed={}", f.display());
        }
        langs.push((dir.file_name().unwrap().to_string_lossy().into_owned(), files));
    }
    langs.sort_by_key(|(lang, _)| (lang != "en", lang.clone()));
    // Every language is compiled to check it; without the `translations`
    // feature only English is written out (the others load at run time).
    let all = std::env::var_os("CARGO_FEATURE_TRANSLATIONS").is_some();
    let mut out = String::new();
    let mut domains: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let compiled: Vec<(&str, Compiled)> = langs
        .iter()
        .map(|(lang, files)| {
            let sources: Vec<String> = files.iter().map(|f| std::fs::read_to_string(f).unwrap()).collect();
            (lang.as_str(), compile(lang, files, &sources))
        })
        .collect();
    check_languages_agree(&compiled);
    for (lang, catalogue) in compiled.iter().cloned() {
        if lang == "en" {
            write_message_macro(&catalogue);
        }
        for (domain, entries) in catalogue {
            if !all && lang != "en" {
                continue;
            }
            let name = format!("{}_{}", domain.to_uppercase(), lang.to_uppercase());
            writeln!(out, "static {name}: &[(&str, &str)] = &[").unwrap();
            for (key, pattern) in &entries {
                writeln!(out, "    ({key:?}, {pattern:?}),").unwrap();
            }
            writeln!(out, "];").unwrap();
            domains.entry(domain.clone()).or_default().push(format!("({lang:?}, {name})"));
        }
    }
    for (domain, tables) in &domains {
        let list = tables.join(", ");
        writeln!(out, "pub(crate) static {}: &[(&str, &[(&str, &str)])] = &[{list}];", domain.to_uppercase()).unwrap();
    }
    std::fs::write(PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("catalogue.rs"), out).unwrap();
}

/// Stops the build when a language lacks an entry English has, has one
/// English lacks, or fills an entry with other placeholders, naming the
/// entry and the file: a translation that drifted is a build error, not a
/// word shown in English (or as its key) at run time.
fn check_languages_agree(compiled: &[(&str, Compiled)]) {
    let Some((_, english)) = compiled.iter().find(|(lang, _)| *lang == "en") else {
        fail(vec!["locales/en/ is missing: English is the catalogue's source".into()]);
    };
    let mut errors = Vec::new();
    for (lang, catalogue) in compiled.iter().filter(|(lang, _)| *lang != "en") {
        for (domain, entries) in english {
            let file = format!("crates/license-messages/locales/{lang}/{domain}.ftl");
            let translated: BTreeMap<&str, &str> =
                catalogue.get(domain).into_iter().flatten().map(|(k, p)| (k.as_str(), p.as_str())).collect();
            for (key, pattern) in entries {
                match translated.get(key.as_str()) {
                    None => errors.push(format!("message `{key}` is missing from {file} (English has it)")),
                    Some(other) if variables(other) != variables(pattern) => errors.push(format!(
                        "message `{key}` in {file} uses the placeholders {:?}, English {:?}",
                        variables(other),
                        variables(pattern)
                    )),
                    Some(other) if other.trim().is_empty() => {
                        errors.push(format!("message `{key}` in {file} is empty"))
                    }
                    Some(_) => {}
                }
            }
            let known: std::collections::BTreeSet<&str> = entries.iter().map(|(k, _)| k.as_str()).collect();
            for key in translated.keys().filter(|k| !known.contains(*k)) {
                errors.push(format!("message `{key}` in {file} is not in English's {domain}.ftl"));
            }
        }
        for domain in catalogue.keys().filter(|d| !english.contains_key(*d)) {
            errors.push(format!("locales/{lang}/{domain}.ftl has no English file"));
        }
    }
    if !errors.is_empty() {
        fail(errors);
    }
}

fn fail(errors: Vec<String>) -> ! {
    for e in &errors {
        println!("cargo::error={e}");
        eprintln!("error: {e}");
    }
    std::process::exit(1);
}

/// The variables a compiled pattern uses, as placeholders or selectors.
fn variables(pattern: &str) -> std::collections::BTreeSet<&str> {
    let mut names = std::collections::BTreeSet::new();
    for (i, marker) in pattern.match_indices([VAR, SELECT]) {
        let rest = &pattern[i + marker.len()..];
        let end = rest.find([KEY, END]).unwrap_or(rest.len());
        names.insert(&rest[..end]);
    }
    names
}

/// Writes `$OUT_DIR/msg.rs`: the `msg!` macro, with one arm per message of
/// the English catalogue giving its typed id ([`MsgId`] of its domain), and
/// a last arm that makes any other id a compile error naming it.
fn write_message_macro(english: &Compiled) {
    let mut arms = String::new();
    for (domain, entries) in english {
        let marker = domain_marker(domain);
        for (key, _) in entries.iter().filter(|(k, _)| !k.contains('.')) {
            writeln!(arms, "    ({key:?}) => {{ $crate::MsgId::<$crate::domain::{marker}>::__checked({key:?}) }};")
                .unwrap();
        }
    }
    let out = format!(
        "/// The typed id of a catalogue message, checked when the code is built:\n\
         /// `msg!(\"ui-submit\")` is the id of `ui-submit` in its domain's file;\n\
         /// an id the English catalogue lacks is a compile error naming it (and\n\
         /// the build stops earlier when a language lacks a message or fills it\n\
         /// with other placeholders).\n\
         #[macro_export]\nmacro_rules! msg {{\n{arms}    ($other:literal) => {{ compile_error!(concat!(\"no message `\", $other, \"` in crates/license-messages/locales/en/\")) }};\n}}\n"
    );
    std::fs::write(PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("msg.rs"), out).unwrap();
}

/// The marker type of a domain (`ui` -> `Ui`), as `src/lib.rs` names them.
fn domain_marker(domain: &str) -> String {
    let mut chars = domain.chars();
    chars.next().map(|c| c.to_ascii_uppercase()).into_iter().chain(chars).collect()
}

/// Markers in compiled patterns (see the module comment).
const VAR: char = '\u{1}';
const SELECT: char = '\u{2}';
const KEY: char = '\u{3}';
const THEN: char = '\u{4}';
const END: char = '\u{5}';
/// Separators of the exported form of a language (`lib.rs`, `export`).
const FIELD: char = '\u{1f}';
const RECORD: char = '\u{1e}';

/// Domain (the file's stem) -> sorted (`id` or `id.attribute`, pattern).
type Compiled = BTreeMap<String, Vec<(String, String)>>;

fn compile(lang: &str, files: &[PathBuf], sources: &[String]) -> Compiled {
    let mut messages: BTreeMap<&str, &ast::Message<&str>> = BTreeMap::new();
    let mut terms: BTreeMap<&str, &ast::Term<&str>> = BTreeMap::new();
    let resources: Vec<Ast<'_>> = files
        .iter()
        .zip(sources)
        .map(|(file, source)| match fluent_syntax::parser::parse(source.as_str()) {
            Ok(r) => r,
            Err((_, errors)) => panic!("{}: {errors:?}", file.display()),
        })
        .collect();
    for resource in &resources {
        for entry in &resource.body {
            match entry {
                ast::Entry::Message(m) => {
                    assert!(messages.insert(m.id.name, m).is_none(), "{lang}: message {} twice", m.id.name);
                }
                ast::Entry::Term(t) => {
                    assert!(terms.insert(t.id.name, t).is_none(), "{lang}: term -{} twice", t.id.name);
                }
                ast::Entry::Junk { content } => panic!("{lang}: cannot parse {content:?}"),
                _ => {}
            }
        }
    }
    let ctx = Context { lang, messages: &messages, terms: &terms };
    let mut out = Compiled::new();
    for (file, resource) in files.iter().zip(&resources) {
        let domain = file.file_stem().unwrap().to_string_lossy().into_owned();
        let entries = out.entry(domain).or_default();
        for entry in &resource.body {
            let ast::Entry::Message(m) = entry else { continue };
            let id = m.id.name;
            if let Some(p) = &m.value {
                entries.push((id.to_string(), ctx.pattern(id, p, 0)));
            }
            for a in &m.attributes {
                entries.push((format!("{id}.{}", a.id.name), ctx.pattern(id, &a.value, 0)));
            }
        }
        entries.sort();
    }
    out
}

struct Context<'a> {
    lang: &'a str,
    messages: &'a BTreeMap<&'a str, &'a ast::Message<&'a str>>,
    terms: &'a BTreeMap<&'a str, &'a ast::Term<&'a str>>,
}

impl Context<'_> {
    fn pattern(&self, id: &str, pattern: &ast::Pattern<&str>, depth: usize) -> String {
        assert!(depth < 8, "{}: {id}: references nest too deep", self.lang);
        pattern.elements.iter().map(|e| self.element(id, e, depth)).collect()
    }

    fn element(&self, id: &str, element: &ast::PatternElement<&str>, depth: usize) -> String {
        match element {
            ast::PatternElement::TextElement { value } => {
                assert!(
                    !value.contains([VAR, SELECT, KEY, THEN, END, FIELD, RECORD]),
                    "{}: {id}: control characters in text",
                    self.lang
                );
                value.to_string()
            }
            ast::PatternElement::Placeable { expression } => self.expression(id, expression, depth),
        }
    }

    fn expression(&self, id: &str, expression: &ast::Expression<&str>, depth: usize) -> String {
        match expression {
            ast::Expression::Inline(inline) => self.inline(id, inline, depth),
            ast::Expression::Select { selector, variants } => {
                let ast::InlineExpression::VariableReference { id: var } = selector else {
                    panic!("{}: {id}: a select expression must select on a $variable", self.lang)
                };
                let mut out = format!("{SELECT}{}", var.name);
                for v in variants {
                    let key = match &v.key {
                        ast::VariantKey::Identifier { name } => name.to_string(),
                        ast::VariantKey::NumberLiteral { value } => {
                            value.parse::<i64>().expect("whole-number keys").to_string()
                        }
                    };
                    let default = if v.default { "*" } else { "" };
                    out.push_str(&format!("{KEY}{default}{key}{THEN}{}", self.pattern(id, &v.value, depth)));
                }
                out.push(END);
                out
            }
        }
    }

    fn inline(&self, id: &str, inline: &ast::InlineExpression<&str>, depth: usize) -> String {
        match inline {
            ast::InlineExpression::VariableReference { id: var } => format!("{VAR}{}{END}", var.name),
            ast::InlineExpression::StringLiteral { value } => unescape(value),
            ast::InlineExpression::NumberLiteral { value } => value.to_string(),
            ast::InlineExpression::Placeable { expression } => self.expression(id, expression, depth),
            ast::InlineExpression::MessageReference { id: target, attribute } => {
                let m = self
                    .messages
                    .get(target.name)
                    .unwrap_or_else(|| panic!("{}: {id}: no message {}", self.lang, target.name));
                let pattern = match attribute {
                    None => m.value.as_ref(),
                    Some(a) => m.attributes.iter().find(|x| x.id.name == a.name).map(|x| &x.value),
                }
                .unwrap_or_else(|| panic!("{}: {id}: {} has no such value", self.lang, target.name));
                self.pattern(id, pattern, depth + 1)
            }
            ast::InlineExpression::TermReference { id: target, attribute, arguments } => {
                assert!(arguments.is_none(), "{}: {id}: term arguments are not supported", self.lang);
                let t = self
                    .terms
                    .get(target.name)
                    .unwrap_or_else(|| panic!("{}: {id}: no term -{}", self.lang, target.name));
                let pattern = match attribute {
                    None => &t.value,
                    Some(a) => &t.attributes.iter().find(|x| x.id.name == a.name).expect("term attribute").value,
                };
                self.pattern(id, pattern, depth + 1)
            }
            ast::InlineExpression::FunctionReference { .. } => {
                panic!("{}: {id}: functions are not supported", self.lang)
            }
        }
    }
}

/// Fluent string literals: `\"`, `\\` and `\uXXXX`.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match (c, chars.clone().next()) {
            ('\\', Some('u')) => {
                chars.next();
                let hex: String = chars.by_ref().take(4).collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
            }
            ('\\', Some(next)) => {
                chars.next();
                out.push(next);
            }
            (c, _) => out.push(c),
        }
    }
    out
}
